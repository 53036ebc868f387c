package io.loyalty.tablesaw;

import io.loyalty.internal.Checks;
import io.loyalty.nps.LoyaltyMatrix;
import io.loyalty.nps.LoyaltyQuadrant;
import io.loyalty.nps.NpsBreakdown;
import io.loyalty.nps.NpsCalculator;
import io.loyalty.nps.NpsDifference;
import io.loyalty.nps.NpsPeriod;
import java.util.List;
import tech.tablesaw.api.BooleanColumn;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.numbers.NumberColumnFormatter;

/**
 * Tablesaw in and out for Net Promoter breakdowns: a survey table (answer column plus a segment or date column)
 * to an {@link NpsBreakdown}, and a breakdown to a table. Columns are looked up by name (case-insensitive),
 * read once into primitive arrays; the table is never modified.
 *
 * @since 0.1
 */
public final class NpsTables {
    private NpsTables() {
    }

    /**
     * NPS by the values of a segment column.
     *
     * @param table the answers, one row per respondent
     * @param answerColumn a numeric column of whole-number answers on the calculator's scale
     * @param segmentColumn a text or integer column
     * @param calculator scale, interval method and level
     * @return the breakdown, rows in label order
     * @throws IllegalArgumentException if a column is missing or of the wrong type, or a cell is missing, not a
     *     whole number or off the scale (naming column and row)
     */
    public static NpsBreakdown bySegment(Table table, String answerColumn, String segmentColumn,
            NpsCalculator calculator) {
        Checks.notNull(calculator, "calculator");
        Columns.requireNames("answerColumn", answerColumn, "segmentColumn", segmentColumn);
        int[] answers = answers(table, answerColumn);
        String[] segments = Columns.ids(table, segmentColumn, "segment");
        return calculator.bySegment(Columns.column(table, segmentColumn, "segment").name(), segments, answers);
    }

    /**
     * NPS by calendar period of a date column (dates, date-times read as UTC, or instants).
     *
     * @param table the answers, one row per respondent
     * @param answerColumn a numeric column of whole-number answers on the calculator's scale
     * @param dateColumn the answer date
     * @param period the period
     * @param calculator scale, interval method and level
     * @return the breakdown, rows in time order
     * @throws IllegalArgumentException if a column is missing or of the wrong type, or a cell is missing, not a
     *     whole number or off the scale (naming column and row)
     */
    public static NpsBreakdown byPeriod(Table table, String answerColumn, String dateColumn, NpsPeriod period,
            NpsCalculator calculator) {
        Checks.notNull(calculator, "calculator");
        Checks.notNull(period, "period");
        Columns.requireNames("answerColumn", answerColumn, "dateColumn", dateColumn);
        int[] answers = answers(table, answerColumn);
        long[] seconds = Columns.epochSeconds(table, dateColumn, "date");
        long[] days = new long[seconds.length];
        for (int i = 0; i < days.length; i++) {
            days[i] = Math.floorDiv(seconds[i], 86_400L);
        }
        return calculator.byPeriod(days, answers, period);
    }

    /**
     * One row per segment or period: {@code <dimension>, n, detractors, passives, promoters, nps, lower, upper,
     * vs_rest, p_vs_rest, differs_from_rest, vs_previous, p_vs_previous, differs_from_previous, vs_overall,
     * differs_from_overall} ({@code vs_overall} tested with the overlap taken into account, so its p-value and flag are
     * those of {@code vs_rest}; see {@link NpsBreakdown}). Scores, bounds and
     * differences are in points (&minus;100..100); a missing comparison is a missing cell and a false flag.
     *
     * @param breakdown the breakdown
     * @return a new table named "NPS by &lt;dimension&gt;"
     */
    public static Table toTable(NpsBreakdown breakdown) {
        Checks.notNull(breakdown, "breakdown");
        List<NpsBreakdown.Row> rows = breakdown.rows();
        int n = rows.size();
        StringColumn label = StringColumn.create(breakdown.dimension());
        LongColumn count = LongColumn.create("n");
        LongColumn det = LongColumn.create("detractors");
        LongColumn pas = LongColumn.create("passives");
        LongColumn pro = LongColumn.create("promoters");
        DoubleColumn nps = DoubleColumn.create("nps", n);
        DoubleColumn lower = DoubleColumn.create("lower", n);
        DoubleColumn upper = DoubleColumn.create("upper", n);
        DoubleColumn vsRest = DoubleColumn.create("vs_rest", n);
        DoubleColumn pRest = DoubleColumn.create("p_vs_rest", n);
        BooleanColumn flagRest = BooleanColumn.create("differs_from_rest");
        DoubleColumn vsPrev = DoubleColumn.create("vs_previous", n);
        DoubleColumn pPrev = DoubleColumn.create("p_vs_previous", n);
        BooleanColumn flagPrev = BooleanColumn.create("differs_from_previous");
        DoubleColumn vsAll = DoubleColumn.create("vs_overall", n);
        BooleanColumn flagAll = BooleanColumn.create("differs_from_overall");
        for (int i = 0; i < n; i++) {
            NpsBreakdown.Row r = rows.get(i);
            label.append(r.label());
            count.append(r.nps().n());
            det.append(r.nps().detractors());
            pas.append(r.nps().passives());
            pro.append(r.nps().promoters());
            nps.set(i, r.nps().points());
            lower.set(i, 100 * r.interval().lower());
            upper.set(i, 100 * r.interval().upper());
            setDifference(vsRest, pRest, i, r.vsRest());
            flagRest.append(r.differsFromRest());
            setDifference(vsPrev, pPrev, i, r.vsPrevious());
            flagPrev.append(r.differsFromPrevious());
            if (r.vsOverall() == null) {
                vsAll.setMissing(i);
            } else {
                vsAll.set(i, 100 * r.vsOverall().difference());
            }
            flagAll.append(r.differsFromOverall());
        }
        // Print two decimals for points and four significant places for p-values; the values keep full precision.
        for (DoubleColumn c : List.of(nps, lower, upper, vsRest, vsPrev, vsAll)) {
            c.setPrintFormatter(NumberColumnFormatter.fixedWithGrouping(2));
        }
        pRest.setPrintFormatter(NumberColumnFormatter.fixedWithGrouping(4));
        pPrev.setPrintFormatter(NumberColumnFormatter.fixedWithGrouping(4));
        return Table.create("NPS by " + breakdown.dimension(), label, count, det, pas, pro, nps, lower, upper, vsRest,
                pRest, flagRest, vsPrev, pPrev, flagPrev, vsAll, flagAll);
    }

    private static void setDifference(DoubleColumn diff, DoubleColumn p, int row, NpsDifference d) {
        if (d == null) {
            diff.setMissing(row);
            p.setMissing(row);
        } else {
            diff.set(row, 100 * d.difference());
            p.set(row, d.pValue());
        }
    }

    /** A numeric answer column as ints, each a whole number. */
    private static int[] answers(Table table, String answerColumn) {
        double[] raw = Columns.doubles(table, answerColumn, "answer");
        int[] out = new int[raw.length];
        for (int row = 0; row < raw.length; row++) {
            double v = raw[row];
            if (!(v == Math.rint(v)) || Math.abs(v) > Integer.MAX_VALUE) {
                throw new IllegalArgumentException(Checks.format(
                        "answer column '%s' has a non-integer value %s at row %d", answerColumn, v, row));
            }
            out[row] = (int) v;
        }
        return out;
    }

    /**
     * The loyalty matrix, one row per {@link LoyaltyQuadrant}: {@code quadrant, customers, customer_share, revenue,
     * revenue_share} (shares as fractions), the columns of {@link LoyaltyMatrix#writeCsv(java.io.Writer)}.
     *
     * @param matrix the matrix
     * @return a new table named "loyalty matrix"
     * @since 0.2
     */
    public static Table toTable(LoyaltyMatrix matrix) {
        Checks.notNull(matrix, "matrix");
        StringColumn quadrant = StringColumn.create("quadrant");
        LongColumn customers = LongColumn.create("customers");
        DoubleColumn customerShare = DoubleColumn.create("customer_share");
        DoubleColumn revenue = DoubleColumn.create("revenue");
        DoubleColumn revenueShare = DoubleColumn.create("revenue_share");
        for (LoyaltyQuadrant q : LoyaltyQuadrant.values()) {
            quadrant.append(q.toString());
            customers.append(matrix.count(q));
            customerShare.append(matrix.share(q));
            revenue.append(matrix.revenue(q));
            revenueShare.append(matrix.revenueShare(q));
        }
        return Columns.readable(Table.create("loyalty matrix", quadrant, customers, customerShare, revenue,
                revenueShare));
    }
}
