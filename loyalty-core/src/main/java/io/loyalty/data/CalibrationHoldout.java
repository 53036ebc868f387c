package io.loyalty.data;

import io.loyalty.internal.Checks;
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

    @Override
    public String toString() {
        long repeaters = 0;
        long holdoutPurchases = 0;
        for (int f : holdoutFrequency) {
            repeaters += f > 0 ? 1 : 0;
            holdoutPurchases += f;
        }
        return Checks.format("CalibrationHoldout[%d customers, calibration to %s, holdout %.2f units to %s, "
                + "%d holdout purchases by %d customers]", calibration.size(), calibrationEnd, holdoutDuration,
                observationEnd, holdoutPurchases, repeaters);
    }
}
