package io.loyalty.cohort;

import io.loyalty.internal.Checks;
import io.loyalty.internal.TextTable;
import java.io.Writer;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * Retention and revenue matrices, one row per cohort and one column per period offset (0 = the cohort's own
 * period), made by {@link Cohorts}.
 *
 * <p>Rows are ragged: row <i>c</i> has {@link #lastOffset(int)} + 1 cells, the offsets observed for every member
 * of the cohort; cells past the data end are absent, not 0. When the data end falls inside a period, the last
 * cell of each row is incomplete ({@link #isIncomplete(int, int)}). With caller-given cohorts whose members start
 * in different periods, a cell is present when every member has been observed at that offset.
 *
 * <p>Shares divide by the cohort's size (its customers with at least one transaction). Net revenue retention
 * divides by the revenue at offset 0; it is NaN in a row whose offset-0 revenue is 0 (it is undefined there).
 * Accessors return copies.
 *
 * @since 0.1
 */
public final class CohortMatrices {

    /**
     * What a matrix measures.
     *
     * @since 0.1
     */
    public enum Measure {
        /** Customers active in offset k exactly. */
        RETURN_ON_COUNT,
        /** {@link #RETURN_ON_COUNT} divided by the cohort's size. */
        RETURN_ON_SHARE,
        /** Customers active in offset k or any later offset. */
        RETURN_ON_OR_AFTER_COUNT,
        /** {@link #RETURN_ON_OR_AFTER_COUNT} divided by the cohort's size. */
        RETURN_ON_OR_AFTER_SHARE,
        /** Sum of the amounts in offset k. */
        REVENUE,
        /** Sum of the amounts in offsets 0..k divided by the cohort's size: the empirical LTV curve. */
        CUMULATIVE_REVENUE_PER_CUSTOMER,
        /**
         * Revenue in offset k divided by the revenue in offset 0: NaN when the revenue in offset 0 is zero (the
         * ratio is undefined), and &plusmn;Infinity only when the ratio itself is beyond the range of a double.
         */
        NET_REVENUE_RETENTION
    }

    private final CohortPeriod period;
    private final List<String> labels;
    private final long[] size;
    private final int[] lastOffset;
    private final boolean endPartial;
    private final Instant dataEnd;
    private final long[][] active;
    private final long[][] onOrAfter;
    private final double[][] revenue;
    private final List<Bracket> brackets;
    private final long[][] bracketCount;

    CohortMatrices(CohortPeriod period, List<String> labels, long[] size, int[] lastOffset, boolean endPartial,
            Instant dataEnd, long[][] active, long[][] lastActive, double[][] revenue, List<Bracket> brackets,
            long[][] bracketCount) {
        this.period = period;
        this.labels = List.copyOf(labels);
        this.size = size;
        this.lastOffset = lastOffset;
        this.endPartial = endPartial;
        this.dataEnd = dataEnd;
        int cohorts = labels.size();
        this.active = new long[cohorts][];
        this.onOrAfter = new long[cohorts][];
        this.revenue = new double[cohorts][];
        for (int c = 0; c < cohorts; c++) {
            int cells = lastOffset[c] + 1;
            this.active[c] = java.util.Arrays.copyOf(active[c], cells);
            this.revenue[c] = java.util.Arrays.copyOf(revenue[c], cells);
            // Each cell is an exact sum rounded once; it and the running sum of CUMULATIVE_REVENUE_PER_CUSTOMER
            // must be finite doubles.
            double cumulative = 0;
            for (int k = 0; k < cells; k++) {
                cumulative += this.revenue[c][k];
                Checks.require(Double.isFinite(cumulative), "the amounts of cohort '%s' up to offset %d sum "
                        + "beyond the range of a double (%s)", labels.get(c), k, cumulative);
            }
            long[] suffix = new long[cells];
            long sum = 0;
            for (int k = lastActive[c].length - 1; k >= 0; k--) {
                sum += lastActive[c][k];
                if (k < cells) {
                    suffix[k] = sum;
                }
            }
            this.onOrAfter[c] = suffix;
        }
        this.brackets = brackets;
        this.bracketCount = bracketCount;
    }

    /**
     * The cohort period.
     *
     * @return the period
     */
    public CohortPeriod period() {
        return period;
    }

    /**
     * The number of cohorts (rows).
     *
     * @return the count
     */
    public int cohortCount() {
        return labels.size();
    }

    /**
     * The cohorts' labels, in row order (by period, or for caller-given cohorts by earliest start then label).
     *
     * @return the labels
     */
    public List<String> labels() {
        return labels;
    }

    /**
     * The row of a cohort label.
     *
     * @param label the label
     * @return its row
     */
    public int indexOf(String label) {
        int i = labels.indexOf(Checks.notNull(label, "label"));
        Checks.require(i >= 0, "no cohort labelled '%s' (cohorts: %s)", label, labels);
        return i;
    }

    /**
     * The customers of each cohort.
     *
     * @return the sizes, by row
     */
    public long[] sizes() {
        return size.clone();
    }

    /**
     * The last present offset of a row.
     *
     * @param cohort the row
     * @return the offset
     */
    public int lastOffset(int cohort) {
        return lastOffset[checkRow(cohort)];
    }

    /**
     * The last instant of the data.
     *
     * @return the data end
     */
    public Instant dataEnd() {
        return dataEnd;
    }

    /**
     * Whether the data end falls inside a period, so that the last cell of every row covers part of a period.
     *
     * @return true when the last period is incomplete
     */
    public boolean lastPeriodIncomplete() {
        return endPartial;
    }

    /**
     * Whether a cell is present and covers only part of its period.
     *
     * @param cohort the row
     * @param offset the offset
     * @return true for the last cell of a row when the last period is incomplete
     */
    public boolean isIncomplete(int cohort, int offset) {
        return endPartial && offset == lastOffset[checkRow(cohort)];
    }

    /**
     * A matrix, ragged: row <i>c</i> has {@code lastOffset(c) + 1} cells.
     *
     * @param measure what to measure
     * @return a new array
     */
    public double[][] matrix(Measure measure) {
        Checks.notNull(measure, "measure");
        int cohorts = labels.size();
        double[][] out = new double[cohorts][];
        for (int c = 0; c < cohorts; c++) {
            int cells = lastOffset[c] + 1;
            double[] row = new double[cells];
            double cumulative = 0;
            for (int k = 0; k < cells; k++) {
                switch (measure) {
                    case RETURN_ON_COUNT:
                        row[k] = active[c][k];
                        break;
                    case RETURN_ON_SHARE:
                        row[k] = (double) active[c][k] / size[c];
                        break;
                    case RETURN_ON_OR_AFTER_COUNT:
                        row[k] = onOrAfter[c][k];
                        break;
                    case RETURN_ON_OR_AFTER_SHARE:
                        row[k] = (double) onOrAfter[c][k] / size[c];
                        break;
                    case REVENUE:
                        row[k] = revenue[c][k];
                        break;
                    case CUMULATIVE_REVENUE_PER_CUSTOMER:
                        cumulative += revenue[c][k];
                        row[k] = cumulative / size[c];
                        break;
                    default:
                        row[k] = revenue[c][0] == 0 ? Double.NaN : revenue[c][k] / revenue[c][0];
                        break;
                }
            }
            out[c] = row;
        }
        return out;
    }

    /**
     * The brackets of {@link Cohorts#withBrackets(Bracket...)}, in column order.
     *
     * @return the brackets (empty when none were asked for)
     */
    public List<Bracket> brackets() {
        return brackets;
    }

    /**
     * Bracket retention: customers active in any offset of each bracket, as counts or shares of the cohort,
     * ragged: row <i>c</i> holds the brackets that start at or before {@code lastOffset(c)}. A bracket that ends
     * after the last offset, or at it when the last period is incomplete, is incomplete.
     *
     * @param shares true for shares of the cohort, false for counts
     * @return a new array
     */
    public double[][] bracketMatrix(boolean shares) {
        int cohorts = labels.size();
        double[][] out = new double[cohorts][];
        for (int c = 0; c < cohorts; c++) {
            int present = 0;
            while (present < brackets.size() && brackets.get(present).from() <= lastOffset[c]) {
                present++;
            }
            double[] row = new double[present];
            for (int b = 0; b < present; b++) {
                row[b] = shares ? (double) bracketCount[c][b] / size[c] : bracketCount[c][b];
            }
            out[c] = row;
        }
        return out;
    }

    /**
     * Whether a bracket cell covers only part of its offsets.
     *
     * @param cohort the row
     * @param bracket the bracket's column
     * @return true when the bracket reaches past the data end or into an incomplete last period
     */
    public boolean isBracketIncomplete(int cohort, int bracket) {
        int last = lastOffset[checkRow(cohort)];
        Checks.require(bracket >= 0 && bracket < brackets.size(), "bracket must lie in [0, %d), got %d",
                brackets.size(), bracket);
        int to = brackets.get(bracket).to();
        return to > last || (to == last && endPartial);
    }

    private int checkRow(int cohort) {
        Checks.require(cohort >= 0 && cohort < labels.size(), "cohort must lie in [0, %d), got %d", labels.size(),
                cohort);
        return cohort;
    }

    /**
     * The "return on" shares, one line per cohort, with the columns of {@link #writeCsv(Writer, Measure)}; an
     * asterisk marks an incomplete cell.
     */
    @Override
    public String toString() {
        return textTable(Measure.RETURN_ON_SHARE).toString();
    }

    /**
     * One row per cohort: {@code cohort, size}, then one column per offset named by the period and the offset
     * ({@code month_0, month_1, ...}); a cell of an incomplete period is marked {@code *}, a cell past the data end
     * is blank.
     */
    TextTable textTable(Measure measure) {
        double[][] m = matrix(measure);
        String unit = period.name().toLowerCase(Locale.ROOT);
        TextTable.Builder b = TextTable.builder().title(Checks.format("%s, %d %s cohorts, data end %s",
                measure.name().toLowerCase(Locale.ROOT).replace('_', ' '), labels.size(), unit, dataEnd))
                .text("cohort").count("size");
        int width = 0;
        for (int c = 0; c < labels.size(); c++) {
            width = Math.max(width, lastOffset[c] + 1);
        }
        for (int k = 0; k < width; k++) {
            String name = unit + "_" + k;
            switch (measure) {
                case RETURN_ON_COUNT:
                case RETURN_ON_OR_AFTER_COUNT:
                    b.count(name);
                    break;
                case RETURN_ON_SHARE:
                case RETURN_ON_OR_AFTER_SHARE:
                case NET_REVENUE_RETENTION:
                    b.percent(name, 1);
                    break;
                default:
                    b.decimal(name, 2);
            }
        }
        for (int c = 0; c < labels.size(); c++) {
            Object[] row = new Object[width + 2];
            row[0] = labels.get(c);
            row[1] = size[c];
            for (int k = 0; k < m[c].length; k++) {
                row[k + 2] = isIncomplete(c, k) ? TextTable.marked(m[c][k], "*") : m[c][k];
            }
            b.row(row);
        }
        if (lastPeriodIncomplete()) {
            b.note("* the period had not ended at the data end");
        }
        return b.build();
    }

    /**
     * Writes one matrix as CSV with full precision (rounding is only for print): one row per cohort, {@code cohort,
     * size}, then one column per offset ({@code month_0, month_1, ...}, named by the cohort period), the Tablesaw
     * adapter's columns; shares as fractions; a cell of an incomplete period has {@code *} after its value
     * ({@code 0.4512*}), a cell past the data end is empty. See {@code docs/data.md}.
     *
     * @param out where to write; not closed
     * @param measure what the cells hold
     * @throws java.io.UncheckedIOException if writing fails
     * @since 0.2
     */
    public void writeCsv(Writer out, Measure measure) {
        Checks.notNull(out, "out");
        textTable(Checks.notNull(measure, "measure")).writeCsv(out);
    }

    /**
     * Writes the CSV of {@link #writeCsv(Writer, Measure)} to a file in UTF-8, replacing it.
     *
     * @param csvFile the file
     * @param measure what the cells hold
     * @throws java.io.UncheckedIOException if writing fails
     * @since 0.2
     */
    public void writeCsv(Path csvFile, Measure measure) {
        Checks.notNull(csvFile, "csvFile");
        textTable(Checks.notNull(measure, "measure")).writeCsv(csvFile);
    }

    /**
     * Bracket retention as a table: one row per cohort, {@code cohort, size}, then one column per bracket named by
     * the period and its offsets ({@code month_1, month_2-7}); an incomplete cell marked {@code *}.
     */
    private TextTable bracketTable(boolean shares) {
        double[][] m = bracketMatrix(shares);
        String unit = period.name().toLowerCase(Locale.ROOT);
        TextTable.Builder b = TextTable.builder().title(Checks.format("bracket retention %s, %d %s cohorts, data "
                + "end %s", shares ? "shares" : "counts", labels.size(), unit, dataEnd)).text("cohort").count("size");
        for (Bracket br : brackets) {
            if (shares) {
                b.percent(unit + "_" + br, 1);
            } else {
                b.count(unit + "_" + br);
            }
        }
        boolean marked = false;
        for (int c = 0; c < labels.size(); c++) {
            Object[] row = new Object[brackets.size() + 2];
            row[0] = labels.get(c);
            row[1] = size[c];
            for (int k = 0; k < m[c].length; k++) {
                boolean partial = isBracketIncomplete(c, k);
                marked |= partial;
                row[k + 2] = partial ? TextTable.marked(m[c][k], "*") : m[c][k];
            }
            b.row(row);
        }
        if (marked) {
            b.note("* the bracket reaches past the data end or into a period that had not ended");
        }
        return b.build();
    }

    /**
     * The bracket retention as text: the table of {@link #writeBracketCsv(Writer, boolean)}, shares as percentages.
     *
     * @param shares true for shares of the cohort, false for counts
     * @return the text
     * @since 0.2
     */
    public String bracketText(boolean shares) {
        return bracketTable(shares).toString();
    }

    /**
     * Writes the bracket retention ({@link #bracketMatrix(boolean)}) as CSV with full precision: one row per cohort,
     * {@code cohort, size}, then one column per bracket named by the period and its offsets ({@code month_1,
     * month_2-7}), the columns of {@code io.loyalty.tablesaw.CohortTables.bracketTable}; shares as fractions; an
     * incomplete cell has {@code *} after its value, a bracket that starts past the data end is empty.
     *
     * @param out where to write; not closed
     * @param shares true for shares of the cohort, false for counts
     * @throws java.io.UncheckedIOException if writing fails
     * @since 0.2
     */
    public void writeBracketCsv(Writer out, boolean shares) {
        Checks.notNull(out, "out");
        bracketTable(shares).writeCsv(out);
    }

    /**
     * Writes the CSV of {@link #writeBracketCsv(Writer, boolean)} to a file in UTF-8, replacing it.
     *
     * @param csvFile the file
     * @param shares true for shares of the cohort, false for counts
     * @throws java.io.UncheckedIOException if writing fails
     * @since 0.2
     */
    public void writeBracketCsv(Path csvFile, boolean shares) {
        Checks.notNull(csvFile, "csvFile");
        bracketTable(shares).writeCsv(csvFile);
    }
}
