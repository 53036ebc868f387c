package io.loyalty.nps;

import io.loyalty.internal.Checks;
import io.loyalty.internal.TextTable;
import io.loyalty.stats.Interval;
import java.io.Writer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/**
 * Net Promoter Scores by segment or by period, each with its interval and Wald tests: against the rest of the
 * answers (the other segments together, which is independent of the segment), against the overall score (which
 * contains the segment; the test accounts for that overlap and so always agrees with the test against the rest),
 * and against the previous row (the previous period in a breakdown over time). A row is flagged when the test's
 * two-sided p-value is below 1 &minus; confidence. Segments without answers have no row.
 *
 * <p>Segment versus overall: with <i>n</i><sub>s</sub> of the <i>n</i> answers in the segment and
 * <i>n</i><sub>r</sub> = <i>n &minus; n</i><sub>s</sub> in the rest, NPS<sub>s</sub> &minus; NPS = (<i>n</i><sub>r</sub>
 * / <i>n</i>)(NPS<sub>s</sub> &minus; NPS<sub>r</sub>), so its standard error is (<i>n</i><sub>r</sub> / <i>n</i>) times
 * that of the segment-minus-rest difference and <i>z</i> and p are the same. (A two-sample test that treats the
 * overall as independent of the segment, such as R's {@code NPS::nps_test(segment, all)}, is
 * {@code row.nps().minus(breakdown.overall(), confidence)}: it overstates the standard error and is conservative.)
 *
 * <p>Immutable. Made by {@link NpsCalculator}.
 *
 * @since 0.1
 */
public final class NpsBreakdown {
    /**
     * One segment or period.
     *
     * @param label the segment or period label
     * @param nps its score
     * @param interval its confidence interval
     * @param vsRest its score minus the score of all other answers; null when there are no other answers
     * @param vsPrevious its score minus the previous row's; null for the first row
     * @param vsOverall its score minus the overall score, tested with the overlap taken into account (standard
     *     error (<i>n</i> &minus; <i>n</i><sub>s</sub>)/<i>n</i> times that of {@code vsRest}; same <i>z</i> and
     *     p as {@code vsRest}); null when there are no other answers
     *
     * @since 0.1
     */
    public record Row(String label, Nps nps, Interval interval, NpsDifference vsRest, NpsDifference vsPrevious,
            NpsDifference vsOverall) {
        /**
         * Checks the values.
         *
         * @param label the segment or period label
         * @param nps its score
         * @param interval its confidence interval
         * @param vsRest its score minus the score of all other answers; null when there are no other answers
         * @param vsPrevious its score minus the previous row's; null for the first row
         * @param vsOverall its score minus the overall score, tested with the overlap taken into account (standard
         *     error (<i>n</i> &minus; <i>n</i><sub>s</sub>)/<i>n</i> times that of {@code vsRest}; same <i>z</i> and
         *     p as {@code vsRest}); null when there are no other answers
         * @throws IllegalArgumentException naming the component if one is null, or a number is NaN or out of range
         */
        public Row {
            Checks.notNull(label, "label");
            Checks.notNull(nps, "nps");
            Checks.notNull(interval, "interval");
        }

        /**
         * Whether the score differs significantly from the rest of the answers.
         *
         * @return the flag, false without a rest
         */
        public boolean differsFromRest() {
            return vsRest != null && vsRest.significant();
        }

        /**
         * Whether the score differs significantly from the overall score (the same flag as
         * {@link #differsFromRest()}, see the class comment).
         *
         * @return the flag, false without other answers
         */
        public boolean differsFromOverall() {
            return vsOverall != null && vsOverall.significant();
        }

        /**
         * Whether the score differs significantly from the previous row.
         *
         * @return the flag, false for the first row
         */
        public boolean differsFromPrevious() {
            return vsPrevious != null && vsPrevious.significant();
        }
    }

    private final String dimension;
    private final Nps overall;
    private final Interval overallInterval;
    private final List<Row> rows;

    private NpsBreakdown(String dimension, Nps overall, Interval overallInterval, List<Row> rows) {
        this.dimension = dimension;
        this.overall = overall;
        this.overallInterval = overallInterval;
        this.rows = rows;
    }

    /** Builds the rows from counters {@code 3 * segment + category}, skipping empty segments. */
    static NpsBreakdown of(String dimension, List<String> labels, long[] counts, IntervalMethod method,
            double confidence) {
        long[] t = new long[3];
        for (int i = 0; i < counts.length; i++) {
            t[i % 3] += counts[i];
        }
        Nps overall = Nps.ofCounts(t[0], t[1], t[2]);
        List<Row> rows = new ArrayList<>();
        Nps previous = null;
        for (int s = 0; s < labels.size(); s++) {
            long d = counts[3 * s];
            long p = counts[3 * s + 1];
            long pr = counts[3 * s + 2];
            if (d + p + pr == 0) {
                continue;
            }
            Nps nps = Nps.ofCounts(d, p, pr);
            NpsDifference vsRest = nps.n() == overall.n() ? null
                    : nps.minus(Nps.ofCounts(t[0] - d, t[1] - p, t[2] - pr), confidence);
            NpsDifference vsPrevious = previous == null ? null : nps.minus(previous, confidence);
            NpsDifference vsOverall = vsRest == null ? null : NpsDifference.partOfWhole(vsRest, overall);
            rows.add(new Row(labels.get(s), nps, nps.interval(method, confidence), vsRest, vsPrevious, vsOverall));
            previous = nps;
        }
        return new NpsBreakdown(dimension, overall, overall.interval(method, confidence),
                Collections.unmodifiableList(rows));
    }

    /**
     * What the rows are (a column name, or a period such as {@code QUARTER}).
     *
     * @return the dimension
     */
    public String dimension() {
        return dimension;
    }

    /**
     * The score over all answers.
     *
     * @return the overall score
     */
    public Nps overall() {
        return overall;
    }

    /**
     * The interval of the overall score.
     *
     * @return the interval
     */
    public Interval overallInterval() {
        return overallInterval;
    }

    /**
     * The rows, in segment order (label order, or time order for periods).
     *
     * @return an unmodifiable list
     */
    public List<Row> rows() {
        return rows;
    }

    /**
     * The row with a label.
     *
     * @param label the label
     * @return the row
     * @throws IllegalArgumentException if no row has this label
     */
    public Row row(String label) {
        for (Row r : rows) {
            if (r.label().equals(label)) {
                return r;
            }
        }
        throw new IllegalArgumentException(Checks.format("label '%s' is not a row of the breakdown by %s", label,
                dimension));
    }

    /**
     * The breakdown for a reader: one row per label, then the overall row; differences in points, {@code *} where
     * significant. {@link #writeCsv(Writer)} has every column.
     */
    @Override
    public String toString() {
        TextTable.Builder b = TextTable.builder().title(Checks.format("NPS by %s (%s, %.0f%% intervals; * p < %.2g)",
                dimension,
                // The constant's name ("ADJUSTED_WALD"), as the printout has always shown it.
                overallInterval.method().toUpperCase(Locale.ROOT).replace(' ', '_'),
                overallInterval.confidence() * 100, 1 - overallInterval.confidence()))
                .text(dimension).count("n").decimal("nps", 2).decimal("lower", 2).decimal("upper", 2)
                .decimal("vs_rest", 1).decimal("vs_previous", 1);
        for (Row r : rows) {
            b.row(r.label(), r.nps().n(), r.nps().points(), 100 * r.interval().lower(), 100 * r.interval().upper(),
                    flag(r.vsRest()), flag(r.vsPrevious()));
        }
        b.row("overall", overall.n(), overall.points(), 100 * overallInterval.lower(), 100 * overallInterval.upper(),
                null, null);
        return b.build().toString();
    }

    private static Object flag(NpsDifference d) {
        if (d == null) {
            return null;
        }
        return d.significant() ? TextTable.marked(100 * d.difference(), "*") : 100 * d.difference();
    }

    /** Every column, one row per label (no overall row), as {@code NpsTables.toTable} has them. */
    TextTable textTable() {
        TextTable.Builder b = TextTable.builder().text(dimension).count("n").count("detractors").count("passives")
                .count("promoters").decimal("nps", 2).decimal("lower", 2).decimal("upper", 2).decimal("vs_rest", 2)
                .pValue("p_vs_rest").flag("differs_from_rest").decimal("vs_previous", 2).pValue("p_vs_previous")
                .flag("differs_from_previous").decimal("vs_overall", 2).flag("differs_from_overall");
        for (Row r : rows) {
            NpsDifference rest = r.vsRest();
            NpsDifference prev = r.vsPrevious();
            b.row(r.label(), r.nps().n(), r.nps().detractors(), r.nps().passives(), r.nps().promoters(),
                    r.nps().points(), 100 * r.interval().lower(), 100 * r.interval().upper(),
                    rest == null ? null : 100 * rest.difference(), rest == null ? null : rest.pValue(),
                    r.differsFromRest(), prev == null ? null : 100 * prev.difference(),
                    prev == null ? null : prev.pValue(), r.differsFromPrevious(),
                    r.vsOverall() == null ? null : 100 * r.vsOverall().difference(), r.differsFromOverall());
        }
        return b.build();
    }

    /**
     * Writes the table of {@link #toString()} as CSV with full precision (rounding is only for print): one row per label, {@code <dimension>, n, detractors, passives, promoters, nps, lower, upper, vs_rest, p_vs_rest, differs_from_rest, vs_previous, p_vs_previous, differs_from_previous, vs_overall, differs_from_overall} (scores and differences in points, a missing comparison blank).
     * Column names are those of the Tablesaw adapter; see {@code docs/data.md}.
     *
     * @param out where to write; not closed
     * @throws java.io.UncheckedIOException if writing fails
     * @since 0.2
     */
    public void writeCsv(Writer out) {
        Checks.notNull(out, "out");
        textTable().writeCsv(out);
    }

    /**
     * Writes the CSV of {@link #writeCsv(Writer)} to a file in UTF-8, replacing it.
     *
     * @param csvFile the file
     * @throws java.io.UncheckedIOException if writing fails
     * @since 0.2
     */
    public void writeCsv(Path csvFile) {
        Checks.notNull(csvFile, "csvFile");
        textTable().writeCsv(csvFile);
    }
}
