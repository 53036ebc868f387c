package io.loyalty.data;

import io.loyalty.internal.Checks;
import io.loyalty.internal.TextTable;
import java.io.Writer;
import java.nio.file.Path;
import java.time.Instant;

/**
 * A calibration/holdout split of a transaction log: the summaries up to the calibration end, and per
 * calibration customer (same order) the repeat purchases and mean value in the holdout window that follows, up
 * to the observation end.
 *
 * @since 0.1
 */
public final class CalibrationHoldout {
    private final CustomerSummaries calibration;
    private final int[] holdoutFrequency;
    private final double[] holdoutMonetary;
    private final double holdoutDuration;
    private final Instant calibrationEnd;
    private final Instant observationEnd;

    CalibrationHoldout(CustomerSummaries calibration, int[] holdoutFrequency, double[] holdoutMonetary,
            double holdoutDuration, Instant calibrationEnd, Instant observationEnd) {
        this.calibration = calibration;
        this.holdoutFrequency = holdoutFrequency;
        this.holdoutMonetary = holdoutMonetary;
        this.holdoutDuration = holdoutDuration;
        this.calibrationEnd = calibrationEnd;
        this.observationEnd = observationEnd;
    }

    /**
     * The summaries of the calibration window (T runs to the calibration end).
     *
     * @return the calibration summaries
     */
    public CustomerSummaries calibration() {
        return calibration;
    }

    /**
     * Purchases in the holdout window per calibration customer: the number of distinct periods with a purchase
     * (lifetimes' {@code frequency_holdout}).
     *
     * @return a copy of the column
     */
    public int[] holdoutFrequency() {
        return holdoutFrequency.clone();
    }

    /**
     * Mean value of the holdout purchase rows per calibration customer, 0 without any (lifetimes'
     * {@code monetary_value_holdout}, which averages rows, not periods).
     *
     * @return a copy of the column
     */
    public double[] holdoutMonetary() {
        return holdoutMonetary.clone();
    }

    /**
     * The length of the holdout window in the rule's unit (period of the observation end minus period of the
     * calibration end).
     *
     * @return the duration
     */
    public double holdoutDuration() {
        return holdoutDuration;
    }

    /**
     * The last instant of the calibration window.
     *
     * @return the calibration end
     */
    public Instant calibrationEnd() {
        return calibrationEnd;
    }

    /**
     * The last instant of the holdout window.
     *
     * @return the observation end
     */
    public Instant observationEnd() {
        return observationEnd;
    }

    /** The split's counts, then the first ten customers with the columns of {@link #writeCsv(Writer)}. */
    @Override
    public String toString() {
        return textTable().render(10);
    }

    TextTable textTable() {
        long repeaters = 0;
        long holdoutPurchases = 0;
        for (int f : holdoutFrequency) {
            repeaters += f > 0 ? 1 : 0;
            holdoutPurchases += f;
        }
        String unit = calibration.rule().unitName();
        TextTable.Builder b = TextTable.builder().title(Checks.format("CalibrationHoldout[%d customers, calibration "
                + "to %s, holdout %.2f %s to %s, %d holdout purchases by %d customers]", calibration.size(),
                calibrationEnd, holdoutDuration, unit, observationEnd, holdoutPurchases, repeaters))
                .text("customer_id").count("frequency_cal").decimal("recency_" + unit + "_cal", 2)
                .decimal("T_" + unit + "_cal", 2).decimal("mean_repeat_amount_cal", 2).count("frequency_holdout")
                .decimal("mean_amount_holdout", 2).decimal("duration_" + unit + "_holdout", 2);
        double[] recency = calibration.recency();
        double[] t = calibration.t();
        double[] monetary = calibration.monetary();
        int[] frequency = calibration.frequency();
        for (int i = 0; i < frequency.length; i++) {
            b.row(calibration.id(i), frequency[i], recency[i], t[i], monetary[i], holdoutFrequency[i],
                    holdoutMonetary[i], holdoutDuration);
        }
        return b.build();
    }

    /**
     * Writes the table of {@link #toString()} as CSV with full precision (rounding is only for print): one row per calibration customer, {@code customer_id, frequency_cal, recency_<unit>_cal, T_<unit>_cal, mean_repeat_amount_cal, frequency_holdout, mean_amount_holdout, duration_<unit>_holdout}, where {@code <unit>} is {@link PeriodRule#unitName()}.
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
