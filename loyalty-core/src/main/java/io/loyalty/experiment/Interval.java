package io.loyalty.experiment;

import io.loyalty.internal.Checks;

/**
 * An estimate with its interval at a confidence level. A one-sided interval has one infinite bound.
 *
 * @param estimate the point estimate
 * @param lower the lower bound (may be negative infinity for a one-sided interval)
 * @param upper the upper bound (may be positive infinity for a one-sided interval)
 * @param confidence the confidence (or credible) level in (0, 1)
 * @since 0.1
 */
public record Interval(double estimate, double lower, double upper, double confidence) {
    /**
     * Checks the values.
     *
     * @param estimate the point estimate
     * @param lower the lower bound
     * @param upper the upper bound
     * @param confidence the level
     */
    public Interval {
        Checks.finite(estimate, "estimate");
        Checks.require(!Double.isNaN(lower) && !Double.isNaN(upper) && lower <= upper,
                "lower and upper must be ordered numbers, got [%s, %s]", lower, upper);
        Checks.openUnit(confidence, "confidence");
    }

    /**
     * Whether {@code value} lies in the closed interval.
     *
     * @param value the value
     * @return true if {@code lower <= value <= upper}
     */
    public boolean contains(double value) {
        return lower <= value && value <= upper;
    }

    @Override
    public String toString() {
        return Checks.format("%.6g (%s %% CI %.6g to %.6g)", estimate, Format.percent(confidence), lower, upper);
    }
}
