package io.loyalty.internal;

import org.apache.commons.math3.distribution.NormalDistribution;
import org.apache.commons.math3.random.RandomGenerator;
import org.apache.commons.math3.special.Erf;

/**
 * The standard normal distribution with accurate tails: tail areas come from erfc directly, not from
 * {@code 1 - cdf}, so p-values far below 1e-16 keep their digits, and quantiles are polished by Newton steps on
 * those tails. One implementation for every family (intervals, tests, survival limits). Not API.
 *
 * @since 0.1
 */
public final class Normal {
    private static final double SQRT2 = Math.sqrt(2);
    private static final NormalDistribution STANDARD = new NormalDistribution((RandomGenerator) null, 0, 1);

    private Normal() {
    }

    /**
     * P(Z &le; x).
     *
     * @param x the point
     * @return the lower tail area
     */
    public static double cdf(double x) {
        return 0.5 * Erf.erfc(-x / SQRT2);
    }

    /**
     * P(Z &gt; x), accurate far into the upper tail.
     *
     * @param x the point
     * @return the upper tail area
     */
    public static double upper(double x) {
        return 0.5 * Erf.erfc(x / SQRT2);
    }

    /**
     * The density at x.
     *
     * @param x the point
     * @return the density
     */
    public static double density(double x) {
        return Math.exp(-0.5 * x * x) / Math.sqrt(2 * Math.PI);
    }

    /**
     * The quantile: x with P(Z &le; x) = p; infinite at p = 0 and 1.
     *
     * @param p the probability
     * @return the quantile
     */
    public static double quantile(double p) {
        if (p <= 0) {
            return Double.NEGATIVE_INFINITY;
        }
        if (p >= 1) {
            return Double.POSITIVE_INFINITY;
        }
        double x = STANDARD.inverseCumulativeProbability(p);
        for (int i = 0; i < 2; i++) {
            double d = density(x);
            if (d == 0) {
                break;
            }
            // Above the median the lower tail is 1 - upper tail, with 1 - p exact for p >= 0.5.
            x -= (x > 0 ? (1 - p) - upper(x) : cdf(x) - p) / d;
        }
        return x;
    }

    /**
     * The upper quantile: x with P(Z &gt; x) = q, accurate for tiny q.
     *
     * @param q the upper tail probability
     * @return the quantile
     */
    public static double upperQuantile(double q) {
        if (q >= 0.5) {
            // P(Z > x) = q is P(Z <= x) = 1 - q, exact here.
            return quantile(1 - q);
        }
        double x = -STANDARD.inverseCumulativeProbability(q);
        if (x == Double.POSITIVE_INFINITY && q > 0) {
            // commons-math inverts 1 - 2q, which rounds to 1 below about 1e-17: start from the tail's asymptote.
            return farTailQuantile(q);
        }
        for (int i = 0; i < 3; i++) {
            double d = density(x);
            if (d == 0) {
                break;
            }
            x += (upper(x) - q) / d;
        }
        return x;
    }

    /**
     * The upper quantile for q below about 1e-17: from x&sup2; = 2L &minus; ln(4&pi;L), L = &minus;ln q (the
     * asymptote of Mills' ratio), then Newton steps on ln P(Z &gt; x), which converge however far out q is.
     */
    private static double farTailQuantile(double q) {
        double logQ = Math.log(q);
        double x = Math.sqrt(-2 * logQ - Math.log(-4 * Math.PI * logQ));
        for (int i = 0; i < 8; i++) {
            double u = upper(x);
            double d = density(x);
            if (u == 0 || d == 0) {
                break;
            }
            double step = (Math.log(u) - logQ) * u / d;
            x += step;
            if (Math.abs(step) <= 1e-15 * x) {
                break;
            }
        }
        return x;
    }

    /**
     * The two-sided critical value: z with P(|Z| &gt; z) = 1 - confidence, after checking the level.
     *
     * @param confidence the confidence level, in (0, 1)
     * @return the critical value
     */
    public static double twoSidedZ(double confidence) {
        Checks.openUnit(confidence, "confidence");
        return upperQuantile((1 - confidence) / 2);
    }

    /**
     * The two-sided p-value 2&Phi;(&minus;|z|) = erfc(|z| / &radic;2), with no floor near 1e-15.
     *
     * @param z the statistic
     * @return the p-value
     */
    public static double twoSidedP(double z) {
        if (Double.isInfinite(z)) {
            return 0;
        }
        return Erf.erfc(Math.abs(z) / SQRT2);
    }
}
