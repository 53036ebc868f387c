package io.loyalty.privacy;

import io.loyalty.cohort.CohortMatrices;
import io.loyalty.experiment.SegmentedSummaries;
import io.loyalty.internal.Checks;
import io.loyalty.kano.Category;
import io.loyalty.kano.CategoryCounts;
import io.loyalty.kano.Kano;
import io.loyalty.kano.KanoAnalysis;
import io.loyalty.nps.Ces;
import io.loyalty.nps.Csat;
import io.loyalty.nps.NpsBreakdown;
import io.loyalty.rfm.SegmentStats;
import io.loyalty.rfm.SegmentSummary;
import io.loyalty.privacy.SuppressedTable.Status;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Small-cell suppression for published aggregate tables (statistical disclosure control). Primary: a cell or margin
 * computed from fewer than {@code k} customers (default {@value #DEFAULT_K}) is suppressed. Secondary: while any
 * suppressed value can be recovered exactly from the published ones through the table's additive margins (row totals,
 * column totals, grand total; see the audit below), a further cell is suppressed: the published cell with the
 * fewest customers in a line through the recoverable one, or that line's margin when it has no other cell.
 *
 * <p>The audit solves the margins' linear equations: a suppressed value is recoverable iff its unit vector lies in
 * the row space of the equations restricted to the suppressed values. The guarantee is therefore against exact
 * recovery by linear algebra; bounds from non-negativity (the "interval" attack) are narrowed, not excluded, as in
 * most disclosure-control practice. For tables whose columns are measures of the same customers (a segment
 * summary: customers, orders, revenue, average order value) whole rows are suppressed, so a ratio cannot restore a
 * suppressed sum.
 *
 * <p>Reference: A. Hundepool et al., "Statistical Disclosure Control", Wiley 2012, chapter 5 (frequency and
 * magnitude tables, primary and secondary suppression), doi:10.1002/9781118348239.
 *
 * @since 0.2
 */
public final class SmallCellSuppression {
    /** The default minimum number of customers behind a published cell. */
    public static final int DEFAULT_K = 10;

    private final int k;

    private SmallCellSuppression(int k) {
        this.k = k;
    }

    /**
     * Suppression with {@code k = }{@value #DEFAULT_K}.
     *
     * @return the suppression
     */
    public static SmallCellSuppression withDefaults() {
        return new SmallCellSuppression(DEFAULT_K);
    }

    /**
     * Suppression with another threshold.
     *
     * @param minCustomers the fewest customers a published cell may come from, {@code >= 1}
     * @return a new suppression
     */
    public SmallCellSuppression withK(int minCustomers) {
        Checks.require(minCustomers >= 1, "minCustomers (k) must be >= 1, got %d", minCustomers);
        return new SmallCellSuppression(minCustomers);
    }

    /**
     * The threshold.
     *
     * @return {@code k}
     */
    public int k() {
        return k;
    }

    /**
     * A contingency table of customer counts (e.g. Kano categories by segment, customers by segment and channel)
     * with its row totals, column totals and grand total published.
     *
     * @param title the title
     * @param rows the row labels
     * @param columns the column labels
     * @param counts customers per cell, {@code >= 0}
     * @return the suppressed table
     */
    public SuppressedTable counts(String title, List<String> rows, List<String> columns, long[][] counts) {
        Checks.notNull(counts, "counts");
        double[][] values = new double[counts.length][];
        for (int r = 0; r < counts.length; r++) {
            values[r] = new double[counts[r].length];
            for (int c = 0; c < counts[r].length; c++) {
                values[r][c] = counts[r][c];
            }
        }
        return cells(title, rows, columns, values, counts, true, true);
    }

    /**
     * A general table: each cell a value from {@code customers[r][c]} customers; where totals are published they
     * are the sums of the cells (for a table of means, read the equations as those of the underlying counts and
     * sums, which the published means and sizes give away).
     *
     * @param title the title
     * @param rows the row labels
     * @param columns the column labels
     * @param values the cell values (NaN for a cell that does not exist)
     * @param customers customers per cell, {@code >= 0}
     * @param rowTotals whether each row's total is published
     * @param columnTotals whether each column's total and the grand total are published
     * @return the suppressed table
     */
    public SuppressedTable cells(String title, List<String> rows, List<String> columns, double[][] values,
            long[][] customers, boolean rowTotals, boolean columnTotals) {
        // Checked here: the column count sizes the totals' flags before the common checks.
        Checks.notNull(columns, "columns");
        boolean[] additive = new boolean[columns.size()];
        Arrays.fill(additive, columnTotals);
        return run(title, rows, columns, values, customers, rowTotals, additive, columnTotals, false);
    }

    /**
     * The RFM segment summary: one row per segment with customers, orders, revenue and average order value, a total
     * row for the first three; whole rows are suppressed.
     *
     * @param summary the summary (read through its public accessors)
     * @return the suppressed table
     */
    public SuppressedTable segmentSummary(SegmentSummary summary) {
        Checks.notNull(summary, "summary");
        List<SegmentStats> stats = summary.rows();
        List<String> rows = new ArrayList<>();
        double[][] values = new double[stats.size()][];
        long[][] customers = new long[stats.size()][];
        for (int r = 0; r < stats.size(); r++) {
            SegmentStats s = stats.get(r);
            rows.add(s.segment());
            values[r] = new double[] {s.customers(), s.orders(), s.revenue(), s.averageOrderValue()};
            customers[r] = new long[] {s.customers(), s.customers(), s.customers(), s.customers()};
        }
        return run("RFM segment summary, cells from fewer than " + k + " customers suppressed", rows,
                List.of("customers", "orders", "revenue", "aov"), values, customers, false,
                new boolean[] {true, true, true, false}, true, true);
    }

    /**
     * NPS by segment or by period: answers and NPS per row, and the overall answers (a total row for the answer
     * counts; the NPS is not additive but its tallies are, so whole rows are suppressed).
     *
     * @param breakdown the breakdown (read through its public accessors); answers stand in for customers, so give
     *        one answer per customer
     * @return the suppressed table
     */
    public SuppressedTable nps(NpsBreakdown breakdown) {
        Checks.notNull(breakdown, "breakdown");
        List<NpsBreakdown.Row> list = breakdown.rows();
        List<String> rows = new ArrayList<>();
        double[][] values = new double[list.size()][];
        long[][] customers = new long[list.size()][];
        for (int r = 0; r < list.size(); r++) {
            NpsBreakdown.Row row = list.get(r);
            rows.add(row.label());
            long n = row.nps().n();
            values[r] = new double[] {n, row.nps().detractors(), row.nps().passives(), row.nps().promoters(),
                row.nps().points()};
            customers[r] = new long[] {n, n, n, n, n};
        }
        return run("NPS by " + breakdown.dimension() + ", cells from fewer than " + k + " answers suppressed", rows,
                List.of("answers", "detractors", "passives", "promoters", "NPS"), values, customers, false,
                new boolean[] {true, true, true, true, false}, true, true);
    }

    /**
     * CSAT by segment or by period (one {@link Csat} per label): answers, the tally of each level, the top-two-box
     * share and the mean per row, and a total row for the counts; the scores are not additive but the tallies are,
     * so whole rows are suppressed.
     *
     * @param byLabel the CSAT of each row label, in the map's iteration order (a {@code TreeMap} sorts them); answers
     *        stand in for customers, so give one answer per customer
     * @return the suppressed table
     */
    public SuppressedTable csat(Map<String, Csat> byLabel) {
        Checks.notNull(byLabel, "byLabel");
        List<String> labels = new ArrayList<>();
        List<long[]> tallies = new ArrayList<>();
        List<double[]> scores = new ArrayList<>();
        for (Map.Entry<String, Csat> e : byLabel.entrySet()) {
            Csat c = Checks.notNull(e.getValue(), "byLabel[" + e.getKey() + "]");
            labels.add(e.getKey());
            tallies.add(c.counts());
            scores.add(new double[] {c.topTwoBox(), c.mean()});
        }
        return ratings("CSAT", labels, tallies, List.of("top-two-box %", "mean"), scores);
    }

    /**
     * CES by segment or by period (one {@link Ces} per label): answers, the tally of each level, the mean and the
     * net score per row, and a total row for the counts; whole rows are suppressed, as for {@link #csat}.
     *
     * @param byLabel the CES of each row label, in the map's iteration order; one answer per customer
     * @return the suppressed table
     */
    public SuppressedTable ces(Map<String, Ces> byLabel) {
        Checks.notNull(byLabel, "byLabel");
        List<String> labels = new ArrayList<>();
        List<long[]> tallies = new ArrayList<>();
        List<double[]> scores = new ArrayList<>();
        for (Map.Entry<String, Ces> e : byLabel.entrySet()) {
            Ces c = Checks.notNull(e.getValue(), "byLabel[" + e.getKey() + "]");
            labels.add(e.getKey());
            tallies.add(c.counts());
            scores.add(new double[] {c.mean(), c.net()});
        }
        return ratings("CES", labels, tallies, List.of("mean", "net"), scores);
    }

    /** A ratings table: answers, level tallies (additive, with a total row), then non-additive scores. */
    private SuppressedTable ratings(String what, List<String> labels, List<long[]> tallies, List<String> scoreNames,
            List<double[]> scores) {
        int levels = tallies.isEmpty() ? 0 : tallies.get(0).length;
        List<String> columns = new ArrayList<>();
        columns.add("answers");
        for (int l = 1; l <= levels; l++) {
            columns.add("n=" + l);
        }
        columns.addAll(scoreNames);
        int nc = columns.size();
        double[][] values = new double[labels.size()][nc];
        long[][] customers = new long[labels.size()][nc];
        boolean[] additive = new boolean[nc];
        Arrays.fill(additive, 0, levels + 1, true);
        for (int r = 0; r < labels.size(); r++) {
            long[] t = tallies.get(r);
            long n = 0;
            for (int l = 0; l < levels; l++) {
                values[r][l + 1] = t[l];
                n += t[l];
            }
            values[r][0] = n;
            for (int s = 0; s < scoreNames.size(); s++) {
                values[r][levels + 1 + s] = scores.get(r)[s];
            }
            Arrays.fill(customers[r], n);
        }
        return run(what + " by row, cells from fewer than " + k + " answers suppressed", labels, columns, values,
                customers, false, additive, true, true);
    }

    /**
     * Kano categories by segment for one feature: respondents per segment (rows) and category (columns A, O, M, I,
     * R, Q), with the segments' totals, the categories' totals and the grand total published beside them: a
     * contingency table, suppressed cell by cell with secondary suppression against all three margins.
     *
     * @param bySegment the analysis of each segment, as {@link Kano#analyzeBySegment} returns it (rows in the map's
     *        iteration order)
     * @param feature the feature to publish
     * @return the suppressed table
     * @throws IllegalArgumentException if a segment has no such feature or a count is not a whole number
     */
    public SuppressedTable kano(Map<String, KanoAnalysis> bySegment, String feature) {
        Checks.notNull(bySegment, "bySegment");
        Checks.notNull(feature, "feature");
        List<String> rows = new ArrayList<>();
        List<String> columns = new ArrayList<>();
        for (Category c : Category.values()) {
            columns.add(String.valueOf(c.letter()));
        }
        long[][] counts = new long[bySegment.size()][];
        int r = 0;
        for (Map.Entry<String, KanoAnalysis> e : bySegment.entrySet()) {
            KanoAnalysis a = Checks.notNull(e.getValue(), "bySegment[" + e.getKey() + "]");
            CategoryCounts cc = a.feature(feature).counts();
            counts[r] = new long[columns.size()];
            for (Category c : Category.values()) {
                double v = cc.get(c);
                Checks.require(v == Math.rint(v), "bySegment[%s] feature '%s' has %s %s respondents: not a whole"
                        + " number", e.getKey(), feature, v, c);
                counts[r][c.ordinal()] = (long) v;
            }
            rows.add(e.getKey());
            r++;
        }
        return counts("Kano categories of '" + feature + "' by segment, cells from fewer than " + k
                + " respondents suppressed", rows, columns, counts);
    }

    /**
     * A cohort matrix of active customers ({@link CohortMatrices.Measure#RETURN_ON_COUNT}): each cell is its own
     * customer count; no margins are added (the cohort size is offset 0, a cell like the others).
     *
     * @param matrices the matrices (read through their public accessors)
     * @return the suppressed table; cells after the data's end are absent
     */
    public SuppressedTable cohortCounts(CohortMatrices matrices) {
        Checks.notNull(matrices, "matrices");
        double[][] m = matrices.matrix(CohortMatrices.Measure.RETURN_ON_COUNT);
        int width = 0;
        for (double[] row : m) {
            width = Math.max(width, row.length);
        }
        double[][] values = new double[m.length][width];
        long[][] customers = new long[m.length][width];
        for (int r = 0; r < m.length; r++) {
            Arrays.fill(values[r], Double.NaN);
            for (int c = 0; c < m[r].length; c++) {
                values[r][c] = m[r][c];
                customers[r][c] = (long) m[r][c];
            }
        }
        List<String> columns = new ArrayList<>();
        for (int c = 0; c < width; c++) {
            columns.add(Integer.toString(c));
        }
        boolean[] additive = new boolean[width];
        return run("cohort retention counts, cells from fewer than " + k + " customers suppressed",
                matrices.labels(), columns, values, customers, false, additive, false, false);
    }

    /**
     * Experiment segments: arms by segments, each cell the mean metric of its customers; the arms' overall means and
     * sizes are published beside them (row totals), so a suppressed cell's count and sum are protected.
     *
     * @param summaries the per-arm, per-segment summaries (read through their public accessors)
     * @return the suppressed table of means, each row's total being the arm's overall mean
     */
    public SuppressedTable experimentSegments(SegmentedSummaries summaries) {
        Checks.notNull(summaries, "summaries");
        List<String> arms = summaries.arms();
        List<String> segments = summaries.segments();
        double[][] values = new double[arms.size()][segments.size()];
        long[][] customers = new long[arms.size()][segments.size()];
        for (int a = 0; a < arms.size(); a++) {
            for (int s = 0; s < segments.size(); s++) {
                customers[a][s] = summaries.count(a, s);
                values[a][s] = summaries.cell(a, s).mean();
            }
        }
        double[] armMeans = new double[arms.size()];
        for (int a = 0; a < arms.size(); a++) {
            armMeans[a] = summaries.arm(a).mean();
        }
        boolean[] additive = new boolean[segments.size()];
        return run("experiment means by arm and segment, cells from fewer than " + k + " customers suppressed", arms,
                segments, values, customers, true, armMeans, additive, false, false);
    }

    private SuppressedTable run(String title, List<String> rows, List<String> columns, double[][] values,
            long[][] customers, boolean rowTotals, boolean[] columnTotals, boolean grandTotal, boolean wholeRows) {
        return run(title, rows, columns, values, customers, rowTotals, null, columnTotals, grandTotal, wholeRows);
    }

    /** The suppression; {@code rowTotalValues} replaces the row sums when the published row margin is not a sum. */
    private SuppressedTable run(String title, List<String> rows, List<String> columns, double[][] values,
            long[][] customers, boolean rowTotals, double[] rowTotalValues, boolean[] columnTotals,
            boolean grandTotal, boolean wholeRows) {
        Checks.notNull(title, "title");
        Checks.notNull(rows, "rows");
        Checks.notNull(columns, "columns");
        Checks.notNull(values, "values");
        Checks.notNull(customers, "customers");
        int nr = rows.size();
        int nc = columns.size();
        Checks.require(values.length == nr && customers.length == nr, "values and customers must have %d rows, got %d"
                + " and %d", nr, values.length, customers.length);
        Status[][] st = new Status[nr][nc];
        for (int r = 0; r < nr; r++) {
            Checks.require(values[r] != null && values[r].length == nc && customers[r] != null
                    && customers[r].length == nc, "row %d must have %d values and customer counts", r, nc);
            for (int c = 0; c < nc; c++) {
                Checks.require(customers[r][c] >= 0, "customers[%d][%d] must be >= 0, got %d", r, c,
                        customers[r][c]);
                // NaN marks an absent cell (documented); an infinite value would make every total infinite.
                Checks.require(!Double.isInfinite(values[r][c]), "values[%d][%d] must be finite or NaN (absent),"
                        + " got %s", r, c, values[r][c]);
                st[r][c] = Double.isNaN(values[r][c]) ? Status.ABSENT
                        : customers[r][c] < k ? Status.PRIMARY : Status.PUBLISHED;
            }
        }
        // Margins: their values and customer counts are the sums of their cells.
        double[] rt = new double[nr];
        long[] rtc = new long[nr];
        Status[] rs = new Status[nr];
        double[] ct = new double[nc];
        long[] ctc = new long[nc];
        Status[] cs = new Status[nc];
        double gt = 0;
        long gtc = 0;
        for (int r = 0; r < nr; r++) {
            for (int c = 0; c < nc; c++) {
                if (st[r][c] != Status.ABSENT) {
                    rt[r] += values[r][c];
                    rtc[r] += customers[r][c];
                    ct[c] += values[r][c];
                    ctc[c] += customers[r][c];
                }
            }
        }
        if (rowTotalValues != null) {
            System.arraycopy(rowTotalValues, 0, rt, 0, nr);
        }
        // A margin over absent cells only is absent too: its value (nothing) is known to everyone, so no
        // suppression could hide it, and the loop below would never end trying.
        boolean[] rowHasCells = new boolean[nr];
        boolean[] columnHasCells = new boolean[nc];
        for (int r = 0; r < nr; r++) {
            for (int c = 0; c < nc; c++) {
                if (st[r][c] != Status.ABSENT) {
                    rowHasCells[r] = true;
                    columnHasCells[c] = true;
                }
            }
        }
        boolean anyCell = false;
        for (int r = 0; r < nr; r++) {
            rs[r] = !rowTotals || !rowHasCells[r] ? Status.ABSENT : rtc[r] < k ? Status.PRIMARY : Status.PUBLISHED;
            gt += rt[r];
            anyCell |= rowHasCells[r];
        }
        for (int c = 0; c < nc; c++) {
            cs[c] = !columnTotals[c] || !columnHasCells[c] ? Status.ABSENT
                    : ctc[c] < k ? Status.PRIMARY : Status.PUBLISHED;
            // Columns of one table of measures count the same customers; columns of a contingency table add up.
            gtc = wholeRows ? Math.max(gtc, ctc[c]) : gtc + ctc[c];
        }
        Status gs = !grandTotal || !anyCell ? Status.ABSENT : gtc < k ? Status.PRIMARY : Status.PUBLISHED;
        if (wholeRows) {
            spreadRows(st);
        }
        while (true) {
            int v = Disclosure.firstRecoverable(equations(nr, nc, st, rs, cs, gs, columnTotals),
                    unknowns(nr, nc, st, rs, cs, gs));
            if (v < 0) {
                break;
            }
            if (!protect(v, nr, nc, st, rs, cs, customers, columnTotals)) {
                // Nothing published is left in the lines through it: hide the smallest published cell anywhere,
                // else a published margin. Each round hides one more value, and with every value hidden nothing is
                // recoverable, so the loop ends.
                if (!hideSmallest(nr, nc, st, customers, rs, cs) && gs == Status.PUBLISHED) {
                    gs = Status.SECONDARY;
                }
            }
            if (wholeRows) {
                spreadRows(st);
            }
        }
        return new SuppressedTable(title, rows, columns, values, st, rt, rs, ct, cs, gt, gs);
    }

    private static boolean hideSmallest(int nr, int nc, Status[][] st, long[][] customers, Status[] rs,
            Status[] cs) {
        int bestR = -1;
        int bestC = -1;
        for (int r = 0; r < nr; r++) {
            for (int c = 0; c < nc; c++) {
                if (st[r][c] == Status.PUBLISHED && (bestR < 0 || customers[r][c] < customers[bestR][bestC])) {
                    bestR = r;
                    bestC = c;
                }
            }
        }
        if (bestR >= 0) {
            st[bestR][bestC] = Status.SECONDARY;
            return true;
        }
        for (Status[] margins : List.of(rs, cs)) {
            for (int i = 0; i < margins.length; i++) {
                if (margins[i] == Status.PUBLISHED) {
                    margins[i] = Status.SECONDARY;
                    return true;
                }
            }
        }
        return false;
    }

    private static void spreadRows(Status[][] st) {
        for (Status[] row : st) {
            boolean any = false;
            for (Status s : row) {
                any |= s == Status.PRIMARY || s == Status.SECONDARY;
            }
            if (any) {
                for (int c = 0; c < row.length; c++) {
                    if (row[c] == Status.PUBLISHED) {
                        row[c] = Status.SECONDARY;
                    }
                }
            }
        }
    }

    /** Variables: cells r * nc + c, then row totals, then column totals, then the grand total. */
    private static double[][] equations(int nr, int nc, Status[][] st, Status[] rs, Status[] cs, Status gs,
            boolean[] additive) {
        int vars = nr * nc + nr + nc + 1;
        List<double[]> eq = new ArrayList<>();
        for (int r = 0; r < nr; r++) {
            if (rs[r] != Status.ABSENT) {
                double[] e = new double[vars];
                e[nr * nc + r] = 1;
                for (int c = 0; c < nc; c++) {
                    e[r * nc + c] = st[r][c] == Status.ABSENT ? 0 : -1;
                }
                eq.add(e);
            }
        }
        for (int c = 0; c < nc; c++) {
            if (cs[c] != Status.ABSENT && additive[c]) {
                double[] e = new double[vars];
                e[nr * nc + nr + c] = 1;
                for (int r = 0; r < nr; r++) {
                    e[r * nc + c] = st[r][c] == Status.ABSENT ? 0 : -1;
                }
                eq.add(e);
            }
        }
        if (gs != Status.ABSENT) {
            double[] e = new double[vars];
            e[vars - 1] = 1;
            for (int r = 0; r < nr; r++) {
                for (int c = 0; c < nc; c++) {
                    e[r * nc + c] = st[r][c] == Status.ABSENT ? 0 : -1;
                }
            }
            eq.add(e);
        }
        return eq.toArray(new double[0][]);
    }

    private static boolean hidden(Status s) {
        return s == Status.PRIMARY || s == Status.SECONDARY;
    }

    private static boolean[] unknowns(int nr, int nc, Status[][] st, Status[] rs, Status[] cs, Status gs) {
        boolean[] u = new boolean[nr * nc + nr + nc + 1];
        for (int r = 0; r < nr; r++) {
            for (int c = 0; c < nc; c++) {
                u[r * nc + c] = hidden(st[r][c]);
            }
            u[nr * nc + r] = hidden(rs[r]);
        }
        for (int c = 0; c < nc; c++) {
            u[nr * nc + nr + c] = hidden(cs[c]);
        }
        u[u.length - 1] = hidden(gs);
        return u;
    }

    /** Suppresses one more value in a line through variable v; false if there is none to suppress. */
    private static boolean protect(int v, int nr, int nc, Status[][] st, Status[] rs, Status[] cs,
            long[][] customers, boolean[] additive) {
        List<int[]> lines = new ArrayList<>();
        if (v < nr * nc) {
            int r = v / nc;
            int c = v % nc;
            if (rs[r] != Status.ABSENT) {
                lines.add(new int[] {0, r});
            }
            if (cs[c] != Status.ABSENT && additive[c]) {
                lines.add(new int[] {1, c});
            }
            // A cell seen only through the grand total: any other cell will do.
            lines.add(new int[] {2, 0});
        } else if (v < nr * nc + nr) {
            lines.add(new int[] {0, v - nr * nc});
        } else if (v < nr * nc + nr + nc) {
            lines.add(new int[] {1, v - nr * nc - nr});
        } else {
            lines.add(new int[] {2, 0});
        }
        int bestR = -1;
        int bestC = -1;
        for (int[] line : lines) {
            for (int r = 0; r < nr; r++) {
                for (int c = 0; c < nc; c++) {
                    boolean on = line[0] == 2 || (line[0] == 0 ? r == line[1] : c == line[1]);
                    if (on && st[r][c] == Status.PUBLISHED && (bestR < 0 || customers[r][c] < customers[bestR][bestC])) {
                        bestR = r;
                        bestC = c;
                    }
                }
            }
            if (bestR >= 0) {
                st[bestR][bestC] = Status.SECONDARY;
                return true;
            }
            if (line[0] == 0 && rs[line[1]] == Status.PUBLISHED) {
                rs[line[1]] = Status.SECONDARY;
                return true;
            }
            if (line[0] == 1 && cs[line[1]] == Status.PUBLISHED) {
                cs[line[1]] = Status.SECONDARY;
                return true;
            }
        }
        return false;
    }
}
