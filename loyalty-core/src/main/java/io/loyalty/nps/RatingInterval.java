package io.loyalty.nps;

import io.loyalty.internal.Checks;

/**
 * A confidence interval for a CSAT or CES quantity (a share or a mean), on the quantity's own scale.
 *
 * @param confidence the confidence level, in (0, 1)
 * @param estimate the point estimate
 * @param lower the lower bound
 * @param upper the upper bound
 * @since 0.1
 */
public record RatingInterval(double confidence, double estimate, double lower, double upper) {
    /**
     * Checks the values.
     *
     * @param confidence the confidence level, in (0, 1)
     * @param estimate the point estimate
     * @param lower the lower bound
     * @param upper the upper bound
     * @throws IllegalArgumentException naming the component if one is null, or a number is NaN or out of range
     */
    public RatingInterval {
        Checks.openUnit(confidence, "confidence");
        Checks.finite(estimate, "estimate");
        Checks.finite(lower, "lower");
        Checks.finite(upper, "upper");
    }

    @Override
    public String toString() {
        return Checks.format("%.4f, %.0f%% [%.4f, %.4f]", estimate, confidence * 100, lower, upper);
    }
}
