package io.loyalty.stats;

import io.loyalty.internal.Checks;
import java.io.Serializable;
import java.util.Objects;

/**
 * A confidence interval: a point estimate, its lower and upper bounds, the confidence level and the name of the
 * formula that made it. Immutable; made only by {@link #of}, which checks the values.
 *
 * <p>Invariants, whatever the method:
 * <ul>
 * <li>No value is NaN, and {@code lower <= estimate <= upper} always: the estimate never lies outside its bounds
 * (a method that clips its bounds to a range, as NPS intervals to [&minus;1, 1], clips them around the estimate).
 * <li>A bound is infinite only where the method that made the interval documents it: a one-sided interval has
 * {@code lower} = &minus;&infin; or {@code upper} = +&infin;, and a time that is never reached (a median survival
 * time the curve never drops to) is +&infin;, so estimate and both bounds may all be +&infin;. Every interval of the
 * NPS family (NPS, CSAT, CES) is finite.
 * </ul>
 * Equality compares the doubles exactly ({@link Double#compare}) and the method names as strings.
 *
 * @since 0.2
 */
public final class Interval implements Serializable {
    private static final long serialVersionUID = 1L;

    /** The point estimate. */
    private final double estimate;
    /** The lower bound. */
    private final double lower;
    /** The upper bound. */
    private final double upper;
    /** The confidence level, in (0, 1). */
    private final double confidence;
    /** The formula's short name. */
    private final String method;

    private Interval(double estimate, double lower, double upper, double confidence, String method) {
        this.estimate = estimate;
        this.lower = lower;
        this.upper = upper;
        this.confidence = confidence;
        this.method = method;
    }

    /**
     * An interval, checked.
     *
     * @param estimate the point estimate, in [lower, upper]
     * @param lower the lower bound, not NaN; &minus;&infin; for a one-sided interval
     * @param upper the upper bound, not NaN, &ge; lower; +&infin; for a one-sided interval or a time never reached
     * @param confidence the confidence level, in (0, 1)
     * @param method the short name of the formula, e.g. "Wilson", "Wald", "log-log"; not blank
     * @return the interval
     * @throws IllegalArgumentException naming the argument if one is null or NaN, the method is blank, the
     *     confidence is outside (0, 1), or the estimate lies outside [lower, upper]
     */
    public static Interval of(double estimate, double lower, double upper, double confidence, String method) {
        Checks.require(!Double.isNaN(estimate), "estimate must not be NaN");
        Checks.require(!Double.isNaN(lower), "lower must not be NaN");
        Checks.require(!Double.isNaN(upper), "upper must not be NaN");
        Checks.require(lower <= estimate, "lower %s must be <= estimate %s", lower, estimate);
        Checks.require(estimate <= upper, "upper %s must be >= estimate %s", upper, estimate);
        Checks.openUnit(confidence, "confidence");
        Checks.notNull(method, "method");
        Checks.require(!method.isBlank(), "method must not be blank, got '%s'", method);
        return new Interval(estimate, lower, upper, confidence, method);
    }

    /**
     * The point estimate the method centres on.
     *
     * @return the estimate, in [lower, upper]
     */
    public double estimate() {
        return estimate;
    }

    /**
     * The lower bound.
     *
     * @return the lower bound
     */
    public double lower() {
        return lower;
    }

    /**
     * The upper bound.
     *
     * @return the upper bound
     */
    public double upper() {
        return upper;
    }

    /**
     * The confidence level.
     *
     * @return the level, in (0, 1)
     */
    public double confidence() {
        return confidence;
    }

    /**
     * The short name of the formula that made the interval.
     *
     * @return the method's name, e.g. "Wilson"
     */
    public String method() {
        return method;
    }

    /**
     * Half the width, the margin of error of a two-sided interval.
     *
     * @return (upper &minus; lower) / 2; +&infin; if a bound is infinite
     */
    public double marginOfError() {
        return upper / 2 - lower / 2;
    }

    /**
     * Whether a value lies in the closed interval.
     *
     * @param value the value
     * @return {@code lower <= value <= upper}; false for NaN
     */
    public boolean contains(double value) {
        return lower <= value && value <= upper;
    }

    /**
     * Re-checks the invariants of a deserialized interval through the factory.
     *
     * @return the checked interval
     */
    private Object readResolve() {
        return of(estimate, lower, upper, confidence, method);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Interval other && Double.compare(estimate, other.estimate) == 0
                && Double.compare(lower, other.lower) == 0 && Double.compare(upper, other.upper) == 0
                && Double.compare(confidence, other.confidence) == 0 && method.equals(other.method);
    }

    @Override
    public int hashCode() {
        return Objects.hash(estimate, lower, upper, confidence, method);
    }

    @Override
    public String toString() {
        return Checks.format("%.6g [%.6g, %.6g] (%s%% %s)", estimate, lower, upper,
                Checks.format("%.6g", confidence * 100).replaceFirst("\\.?0+$", ""), method);
    }
}
