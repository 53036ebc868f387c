package io.loyalty.cohort;

import io.loyalty.internal.Checks;

/**
 * The median survival time and its confidence interval, as R's {@code survival::survfit} prints them: the
 * median is the first time at which the curve is at or below 0.5 (the midpoint to the next event time when the
 * curve equals 0.5 exactly over an interval), and the interval's limits are the same times for the lower and the
 * upper confidence curves (the lower curve counted as 0 where the survival reaches 0 and R leaves it NA). A
 * time that is never reached is {@link Double#POSITIVE_INFINITY} (R prints NA).
 *
 * @param estimate the median
 * @param lower the lower confidence limit
 * @param upper the upper confidence limit
 */
public record MedianSurvival(double estimate, double lower, double upper) {
    /**
     * Checks the values.
     *
     * @param estimate the median
     * @param lower the lower confidence limit
     * @param upper the upper confidence limit
     * @throws IllegalArgumentException naming the component if one is null, or a number is NaN or out of range
     */
    public MedianSurvival {
        // A time never reached is +Infinity (documented); NaN and negative times are not times.
        Checks.require(estimate >= 0, "estimate must be >= 0 or +Infinity, got %s", estimate);
        Checks.require(lower >= 0, "lower must be >= 0 or +Infinity, got %s", lower);
        Checks.require(upper >= 0, "upper must be >= 0 or +Infinity, got %s", upper);
    }


    /**
     * Whether the curve reached 0.5.
     *
     * @return true when the median is finite
     */
    public boolean reached() {
        return estimate != Double.POSITIVE_INFINITY;
    }

    @Override
    public String toString() {
        return "median " + fmt(estimate) + " (" + fmt(lower) + ", " + fmt(upper) + ")";
    }

    private static String fmt(double v) {
        return v == Double.POSITIVE_INFINITY ? "not reached" : String.format(java.util.Locale.ROOT, "%.6g", v);
    }
}
