package io.loyalty.privacy;

import io.loyalty.internal.Checks;
import java.io.Serializable;

/**
 * The declared range of one customer's value in one partition (a spend, a metric): the library clamps each
 * customer's total in a partition to {@code [lower, upper]} before summing, so one customer moves a sum by at most
 * {@code max(|lower|, |upper|)}. Sums are computed on an integer grid of step {@code max(|lower|, |upper|) / 2^20}
 * (so noise is drawn on integers, never on floating point); the rounding is below one millionth of the bound per
 * customer. Serializable (a record: the canonical constructor checks a deserialized range), so that accumulators
 * holding it can travel. The range must be declared from knowledge of the domain, never from the data (a range read off the data
 * leaks it).
 *
 * @param lower the lower bound, finite
 * @param upper the upper bound, finite, {@code > lower}
 * @serial exclude (JDK 17's javadoc reports a serializable record's components as undocumented despite the
 *     {@code @param} tags; its serialized form is those two components)
 * @since 0.2
 */
public record ValueRange(double lower, double upper) implements Serializable {
    private static final long serialVersionUID = 1L;

    /** Grid steps per bound: a customer's clamped value is at most this many steps in magnitude. */
    static final long STEPS = 1L << 20;

    /**
     * Validates the range.
     *
     * @param lower the lower bound, finite
     * @param upper the upper bound, finite, {@code > lower}
     */
    public ValueRange {
        Checks.finite(lower, "lower");
        Checks.finite(upper, "upper");
        Checks.require(upper > lower, "upper must be > lower, got lower %s and upper %s", lower, upper);
    }

    /**
     * The range.
     *
     * @param lower the lower bound, finite
     * @param upper the upper bound, finite, {@code > lower}
     * @return the range
     */
    public static ValueRange of(double lower, double upper) {
        return new ValueRange(lower, upper);
    }

    /** The largest magnitude of a clamped value. */
    double bound() {
        return Math.max(Math.abs(lower), Math.abs(upper));
    }

    /** The grid step. */
    double step() {
        return bound() / STEPS;
    }

    /** A value clamped to the range and put on the grid. */
    long units(double v) {
        double c = Math.min(upper, Math.max(lower, v));
        return Math.round(c / step());
    }
}
