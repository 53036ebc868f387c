package io.loyalty.clv;

import io.loyalty.data.CalibrationHoldout;
import io.loyalty.internal.Checks;
import io.loyalty.internal.TextTable;
import java.io.Writer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * How well a purchase model fitted on a calibration window predicts the holdout window after it: per customer the
 * predicted {@code E[Y(duration) | x, t_x, T]} against the actual holdout purchases, summarized overall and by
 * calibration frequency (the table behind lifetimes' {@code plot_calibration_purchases_vs_holdout_purchases} and
 * figure 4 of Fader, Hardie and Lee 2005).
 *
 * <p>Immutable; the per-customer arrays are copied in and out.
 *
 * @since 0.1
 */
public final class HoldoutValidation {
    /**
     * One calibration-frequency group.
     *
     * @param frequency the calibration frequency (the last group holds this and every larger one)
     * @param pooled whether the group pools every frequency from {@code frequency} up
     * @param customers the number of customers
     * @param actualMean their mean holdout purchases
     * @param predictedMean their mean predicted holdout purchases
     *
     * @since 0.1
     */
    public record Group(int frequency, boolean pooled, int customers, double actualMean, double predictedMean) {
        /**
         * Checks the values.
         *
         * @param frequency the calibration frequency (the last group holds this and every larger one)
         * @param pooled whether the group pools every frequency from {@code frequency} up
         * @param customers the number of customers
         * @param actualMean their mean holdout purchases
         * @param predictedMean their mean predicted holdout purchases
         * @throws IllegalArgumentException naming the component if a mean is NaN, infinite or negative
         */
        public Group {
            Checks.nonNegative(actualMean, "actualMean");
            Checks.nonNegative(predictedMean, "predictedMean");
        }

        /**
         * The frequency as a label, "7+" for a pooled group.
         *
         * @return the label
         */
        public String label() {
            return frequency + (pooled ? "+" : "");
        }
    }

    private final String model;
    private final double duration;
    private final double[] actual;
    private final double[] predicted;
    private final List<Group> groups;

    private HoldoutValidation(String model, double duration, double[] actual, double[] predicted,
            List<Group> groups) {
        this.model = model;
        this.duration = duration;
        this.actual = actual;
        this.predicted = predicted;
        this.groups = Collections.unmodifiableList(groups);
    }

    /**
     * Compares a model with a calibration/holdout split; the model must be in the split's time unit.
     *
     * @param model the model fitted on {@code split.calibration()}
     * @param split the split
     * @param maxFrequency calibration frequencies from this one up are pooled, &gt;= 1
     * @return the comparison
     */
    public static HoldoutValidation of(TransactionModel model, CalibrationHoldout split, int maxFrequency) {
        Checks.notNull(split, "split");
        int[] f = split.holdoutFrequency();
        double[] holdout = new double[f.length];
        for (int i = 0; i < f.length; i++) {
            holdout[i] = f[i];
        }
        return of(model, split.calibration().frequencyAsDouble(), split.calibration().recency(),
                split.calibration().t(), holdout, split.holdoutDuration(), maxFrequency);
    }

    /**
     * Compares a model with holdout purchases given as columns.
     *
     * @param model the model
     * @param frequency calibration repeat purchases per customer
     * @param recency calibration t_x per customer
     * @param T calibration age per customer
     * @param holdoutPurchases actual purchases in the holdout window per customer, &gt;= 0
     * @param duration the holdout window's length in the model's time unit, &gt;= 0
     * @param maxFrequency calibration frequencies from this one up are pooled, &gt;= 1
     * @return the comparison
     */
    public static HoldoutValidation of(TransactionModel model, double[] frequency, double[] recency, double[] T,
            double[] holdoutPurchases, double duration, int maxFrequency) {
        Checks.notNull(model, "model");
        Checks.notNull(holdoutPurchases, "holdoutPurchases");
        Checks.require(maxFrequency >= 1, "maxFrequency must be >= 1, got %d", maxFrequency);
        Checks.nonNegative(duration, "duration");
        double[] predicted = model.conditionalExpectedPurchases(duration, frequency, recency, T);
        Checks.sameLength(frequency.length, holdoutPurchases.length, "holdoutPurchases");
        double[] actual = holdoutPurchases.clone();
        // Groups keyed by the (pooled) frequency seen: memory follows the data, not maxFrequency.
        TreeMap<Integer, double[]> sums = new TreeMap<>();
        for (int i = 0; i < actual.length; i++) {
            Checks.nonNegative(actual[i], "holdoutPurchases at row " + i);
            int g = (int) Math.min(maxFrequency, frequency[i]);
            double[] sum = sums.computeIfAbsent(g, k -> new double[3]);
            sum[0]++;
            sum[1] += actual[i];
            sum[2] += predicted[i];
        }
        List<Group> groups = new ArrayList<>();
        for (Map.Entry<Integer, double[]> e : sums.entrySet()) {
            int g = e.getKey();
            double[] sum = e.getValue();
            groups.add(new Group(g, g == maxFrequency, (int) sum[0], sum[1] / sum[0], sum[2] / sum[0]));
        }
        return new HoldoutValidation(model.name(), duration, actual, predicted, groups);
    }

    /**
     * The groups by calibration frequency, in increasing order (empty groups left out).
     *
     * @return an unmodifiable list
     */
    public List<Group> groups() {
        return groups;
    }

    /**
     * The predicted holdout purchases per customer.
     *
     * @return a copy
     */
    public double[] predicted() {
        return predicted.clone();
    }

    /**
     * The actual holdout purchases per customer.
     *
     * @return a copy
     */
    public double[] actual() {
        return actual.clone();
    }

    /**
     * The holdout window's length.
     *
     * @return the duration
     */
    public double duration() {
        return duration;
    }

    /**
     * Total actual holdout purchases.
     *
     * @return the sum
     */
    public double totalActual() {
        double s = 0;
        for (double a : actual) {
            s += a;
        }
        return s;
    }

    /**
     * Total predicted holdout purchases.
     *
     * @return the sum
     */
    public double totalPredicted() {
        double s = 0;
        for (double p : predicted) {
            s += p;
        }
        return s;
    }

    /**
     * Mean absolute error per customer.
     *
     * @return the error
     */
    public double meanAbsoluteError() {
        double s = 0;
        for (int i = 0; i < actual.length; i++) {
            s += Math.abs(actual[i] - predicted[i]);
        }
        return s / actual.length;
    }

    /**
     * Root mean squared error per customer.
     *
     * @return the error
     */
    public double rootMeanSquaredError() {
        double s = 0;
        for (int i = 0; i < actual.length; i++) {
            double d = actual[i] - predicted[i];
            s += d * d;
        }
        return Math.sqrt(s / actual.length);
    }

    /**
     * The Pearson correlation of actual and predicted holdout purchases; NaN if either is constant.
     *
     * @return the correlation
     */
    public double correlation() {
        int n = actual.length;
        double ma = totalActual() / n;
        double mp = totalPredicted() / n;
        double saa = 0;
        double spp = 0;
        double sap = 0;
        for (int i = 0; i < n; i++) {
            double da = actual[i] - ma;
            double dp = predicted[i] - mp;
            saa += da * da;
            spp += dp * dp;
            sap += da * dp;
        }
        return sap / Math.sqrt(saa * spp);
    }

    /**
     * The comparison as text: a line with the totals and errors, then the table of {@link #writeCsv(Writer)}
     * (means rounded for print).
     *
     * @return the text
     */
    @Override
    public String toString() {
        return textTable(Checks.format("%s holdout validation: %d customers, holdout %.2f units; actual %.0f vs "
                + "predicted %.1f purchases; MAE %.4f, RMSE %.4f, correlation %.4f", model, actual.length, duration,
                totalActual(), totalPredicted(), meanAbsoluteError(), rootMeanSquaredError(), correlation()))
                .toString();
    }

    private TextTable textTable(String title) {
        TextTable.Builder b = TextTable.builder().title(title).text("calibration_frequency").count("customers")
                .decimal("actual_mean", 4).decimal("predicted_mean", 4);
        for (Group g : groups) {
            b.row(g.label(), g.customers(), g.actualMean(), g.predictedMean());
        }
        return b.build();
    }

    /**
     * Writes the comparison by calibration frequency as CSV with full precision, one row per group:
     * {@code calibration_frequency} ("7+" for the pooled group){@code , customers, actual_mean, predicted_mean},
     * the columns of {@code io.loyalty.tablesaw.ClvTables.toTable(HoldoutValidation)} (see {@code docs/data.md}).
     *
     * @param out where to write; not closed
     * @throws java.io.UncheckedIOException if writing fails
     * @since 0.2
     */
    public void writeCsv(Writer out) {
        Checks.notNull(out, "out");
        textTable(null).writeCsv(out);
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
        textTable(null).writeCsv(csvFile);
    }
}
