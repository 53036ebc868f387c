package io.loyalty.churn;

import io.loyalty.data.CalibrationHoldout;
import io.loyalty.internal.Checks;
import io.loyalty.internal.TextTable;
import java.io.Writer;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;

/**
 * How well a churn early-warning list, made at the calibration end, finds the customers who make no purchase in
 * the holdout window, beside the recency baseline. Immutable.
 *
 * <pre>
 * precision = listed non-buyers / listed        recall = listed non-buyers / non-buyers
 * lift      = precision / (non-buyers / customers)   (1 = no better than a random list of that size)
 * AUC       = P(risk score of a non-buyer &gt; that of a buyer), ties counting one half (Mann-Whitney)
 * </pre>
 *
 * <p>The list's risk score is 1 - P(alive), or the overdue ratio in the fallback; the baseline's is the days since
 * the last purchase, and the baseline list is the same number of customers, longest silence first (ties by id).
 *
 * @since 0.2
 */
public final class WarningEvaluation {
    private final int customers;
    private final int nonBuyers;
    private final int listed;
    private final int listedNonBuyers;
    private final double auc;
    private final int baselineNonBuyers;
    private final double baselineAuc;
    private final boolean fallback;
    private final Instant calibrationEnd;
    private final Instant observationEnd;

    private WarningEvaluation(int customers, int nonBuyers, int listed, int listedNonBuyers, double auc,
            int baselineNonBuyers, double baselineAuc, boolean fallback, Instant calibrationEnd,
            Instant observationEnd) {
        this.customers = customers;
        this.nonBuyers = nonBuyers;
        this.listed = listed;
        this.listedNonBuyers = listedNonBuyers;
        this.auc = auc;
        this.baselineNonBuyers = baselineNonBuyers;
        this.baselineAuc = baselineAuc;
        this.fallback = fallback;
        this.calibrationEnd = calibrationEnd;
        this.observationEnd = observationEnd;
    }

    static WarningEvaluation of(int[] listedRows, double[] risk, long[] days, boolean[] nonBuyer, boolean fallback,
            CalibrationHoldout split) {
        int n = nonBuyer.length;
        int churners = 0;
        for (boolean b : nonBuyer) {
            churners += b ? 1 : 0;
        }
        int hit = 0;
        for (int i : listedRows) {
            hit += nonBuyer[i] ? 1 : 0;
        }
        double[] silence = new double[n];
        for (int i = 0; i < n; i++) {
            silence[i] = days[i];
        }
        // The baseline list: as many customers as listed, longest silence first, ties by row (id order).
        Integer[] byDays = new Integer[n];
        for (int i = 0; i < n; i++) {
            byDays[i] = i;
        }
        Arrays.sort(byDays, (a, b) -> {
            int c = Long.compare(days[b], days[a]);
            return c != 0 ? c : Integer.compare(a, b);
        });
        int baseHit = 0;
        for (int q = 0; q < listedRows.length; q++) {
            baseHit += nonBuyer[byDays[q]] ? 1 : 0;
        }
        return new WarningEvaluation(n, churners, listedRows.length, hit, auc(risk, nonBuyer), baseHit,
                auc(silence, nonBuyer), fallback, split.calibrationEnd(), split.observationEnd());
    }

    /** Mann-Whitney AUC with mid-ranks for ties. */
    static double auc(double[] score, boolean[] positive) {
        int n = score.length;
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> Double.compare(score[a], score[b]));
        double rankSum = 0;
        long pos = 0;
        int i = 0;
        while (i < n) {
            int j = i;
            while (j + 1 < n && Double.compare(score[order[j + 1]], score[order[i]]) == 0) {
                j++;
            }
            double mid = (i + j) / 2.0 + 1;
            for (int k = i; k <= j; k++) {
                if (positive[order[k]]) {
                    rankSum += mid;
                    pos++;
                }
            }
            i = j + 1;
        }
        long neg = n - pos;
        return (rankSum - pos * (pos + 1) / 2.0) / ((double) pos * neg);
    }

    /**
     * The customers of the calibration window.
     *
     * @return the count
     */
    public int customers() {
        return customers;
    }

    /**
     * The customers without a purchase in the holdout window.
     *
     * @return the count
     */
    public int nonBuyers() {
        return nonBuyers;
    }

    /**
     * The customers the list holds.
     *
     * @return the count
     */
    public int listed() {
        return listed;
    }

    /**
     * Listed customers who made no purchase in the holdout.
     *
     * @return the count
     */
    public int listedNonBuyers() {
        return listedNonBuyers;
    }

    /**
     * Customers of the recency baseline's list (the same number, longest silence first) who made no purchase in
     * the holdout.
     *
     * @return the count
     * @since 0.2
     */
    public int baselineListedNonBuyers() {
        return baselineNonBuyers;
    }

    /**
     * The share of non-buyers among the listed customers; 0 for an empty list.
     *
     * @return the precision
     */
    public double precision() {
        return listed == 0 ? 0 : listedNonBuyers / (double) listed;
    }

    /**
     * The share of all non-buyers the list holds.
     *
     * @return the recall
     */
    public double recall() {
        return listedNonBuyers / (double) nonBuyers;
    }

    /**
     * The precision over the non-buyers' share of all customers: how many times better than a random list.
     *
     * @return the lift
     */
    public double lift() {
        return precision() / baseRate();
    }

    /**
     * The non-buyers' share of all customers: the precision of a random list.
     *
     * @return the rate
     */
    public double baseRate() {
        return nonBuyers / (double) customers;
    }

    /**
     * The AUC of the list's risk score for "no purchase in the holdout".
     *
     * @return the AUC, in [0, 1]
     */
    public double auc() {
        return auc;
    }

    /**
     * The recency baseline's precision (a list of the same size, longest silence first).
     *
     * @return the precision
     */
    public double baselinePrecision() {
        return listed == 0 ? 0 : baselineNonBuyers / (double) listed;
    }

    /**
     * The recency baseline's recall.
     *
     * @return the recall
     */
    public double baselineRecall() {
        return baselineNonBuyers / (double) nonBuyers;
    }

    /**
     * The recency baseline's lift.
     *
     * @return the lift
     */
    public double baselineLift() {
        return baselinePrecision() / baseRate();
    }

    /**
     * The AUC of the days since the last purchase.
     *
     * @return the AUC, in [0, 1]
     */
    public double baselineAuc() {
        return baselineAuc;
    }

    /**
     * Whether the list was made in the fallback (degenerate fit).
     *
     * @return true in the fallback
     */
    public boolean fallback() {
        return fallback;
    }

    /**
     * Writes the two rows (the list and the recency baseline) as CSV with full precision: {@code list, listed,
     * listed_non_buyers, precision, recall, lift, auc}, the columns {@link #toString()} prints and those of
     * {@code io.loyalty.tablesaw.ChurnTables.toTable(WarningEvaluation)} (see {@code docs/data.md}).
     *
     * @param out where to write; not closed
     * @throws java.io.UncheckedIOException if writing fails
     * @since 0.2
     */
    public void writeCsv(Writer out) {
        Checks.notNull(out, "out");
        table().writeCsv(out);
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
        table().writeCsv(csvFile);
    }

    private TextTable table() {
        TextTable.Builder b = TextTable.builder().title(Checks.format("Churn list measured on the holdout %s .. %s:%n"
                + "%,d customers, %,d (%.1f%%) without a purchase in the holdout%s", calibrationEnd, observationEnd,
                customers, nonBuyers, 100 * baseRate(), fallback ? "; list in the fallback (degenerate fit)" : ""))
                .text("list").count("listed").count("listed_non_buyers").decimal("precision", 3)
                .decimal("recall", 3).decimal("lift", 2).decimal("auc", 3);
        b.row("warning list", listed, listedNonBuyers, precision(), recall(), lift(), auc);
        b.row("recency baseline", listed, baselineNonBuyers, baselinePrecision(), baselineRecall(), baselineLift(),
                baselineAuc);
        return b.build();
    }

    /**
     * The measurement as text: the windows, the customers and non-buyers, then the table of
     * {@link #writeCsv(Writer)} rounded for print.
     *
     * @return the text
     */
    @Override
    public String toString() {
        return table().toString();
    }
}
