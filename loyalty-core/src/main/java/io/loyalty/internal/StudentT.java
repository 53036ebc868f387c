package io.loyalty.internal;

import org.apache.commons.math3.distribution.TDistribution;
import org.apache.commons.math3.random.RandomGenerator;

/**
 * Student's t quantile, the one implementation every family uses. Not API.
 *
 * @since 0.2
 */
public final class StudentT {
    /**
     * The inverse's absolute accuracy: commons-math3's default (1e-9) shows in the 9th digit of an interval's bound,
     * so the quantile is solved to the limit of a double.
     */
    private static final double ACCURACY = 1e-15;

    private StudentT() {
    }

    /**
     * The quantile of Student's t distribution.
     *
     * @param p the probability, in (0, 1) (checked by the caller)
     * @param df the degrees of freedom, &gt; 0 (checked by the caller)
     * @return t with P(T &le; t) = p
     */
    public static double quantile(double p, double df) {
        return new TDistribution((RandomGenerator) null, df, ACCURACY).inverseCumulativeProbability(p);
    }
}
