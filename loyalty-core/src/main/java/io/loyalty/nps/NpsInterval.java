package io.loyalty.nps;

import io.loyalty.internal.Checks;

/**
 * A confidence interval for a Net Promoter Score, on the &minus;1..1 scale.
 *
 * <p>{@code estimate} is the point the method centres on: the observed score for {@link IntervalMethod#WALD} and
 * {@link IntervalMethod#SCORE}, the adjusted score (<i>P</i> + 3/4 &minus; <i>D</i> &minus; 3/4)/(<i>n</i> + 3) for
 * {@link IntervalMethod#ADJUSTED_WALD}. Equality compares the doubles exactly.
 *
 * @param method how it was computed
 * @param confidence the confidence level, in (0, 1)
 * @param estimate the method's point estimate
 * @param lower the lower bound
 * @param upper the upper bound
 * @since 0.1
 */
public record NpsInterval(IntervalMethod method, double confidence, double estimate, double lower, double upper) {
    /**
     * Checks the values.
     *
     * @param method how it was computed
     * @param confidence the confidence level, in (0, 1)
     * @param estimate the method's point estimate
     * @param lower the lower bound
     * @param upper the upper bound
     * @throws IllegalArgumentException naming the component if one is null, or a number is NaN or out of range
     */
    public NpsInterval {
        Checks.notNull(method, "method");
        Checks.openUnit(confidence, "confidence");
        Checks.finite(estimate, "estimate");
        Checks.finite(lower, "lower");
        Checks.finite(upper, "upper");
    }

    /**
     * Half the width, the margin of error.
     *
     * @return (upper &minus; lower) / 2
     */
    public double marginOfError() {
        return (upper - lower) / 2;
    }

    /**
     * Whether a value lies in the closed interval.
     *
     * @param value the value
     * @return {@code lower <= value <= upper}
     */
    public boolean contains(double value) {
        return lower <= value && value <= upper;
    }

    @Override
    public String toString() {
        return Checks.format("%s %.0f%% [%.4f, %.4f]", method, confidence * 100, lower, upper);
    }
}
