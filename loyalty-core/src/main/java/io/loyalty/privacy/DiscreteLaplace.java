package io.loyalty.privacy;

import io.loyalty.internal.Checks;
import java.util.random.RandomGenerator;

/**
 * The discrete Laplace distribution on the integers with scale {@code b}: {@code P(x) = (1 - q) / (1 + q) q^|x|},
 * {@code q = exp(-1 / b)}. Added to an integer query of L1 sensitivity {@code Δ} with {@code b = Δ / ε} it gives
 * {@code ε}-differential privacy.
 *
 * <p>The scale is an exact rational {@code t / s}; {@link #ofScale(double)} rounds a real scale up to a multiple of
 * 2<sup>-20</sup>, which can only add privacy. Draws use Algorithm 2 of Canonne, Kamath and Steinke (2020): a
 * uniform integer, exact Bernoulli(exp(-γ)) draws on rationals and a geometric count, with no floating-point
 * arithmetic, so the attack of Mironov (2012) on floating-point Laplace noise does not apply.
 *
 * <p>References: C. L. Canonne, G. Kamath, T. Steinke, "The Discrete Gaussian for Differential Privacy", NeurIPS
 * 2020, <a href="https://arxiv.org/abs/2004.00010">arXiv:2004.00010</a>; I. Mironov, "On significance of the least
 * significant bits for differential privacy", CCS 2012, doi:10.1145/2382196.2382264.
 *
 * <p>Experimental.
 *
 * @since 0.2
 */
public final class DiscreteLaplace {
    /** Real scales are rounded up to a multiple of 1 / DENOMINATOR. */
    static final long DENOMINATOR = 1L << 20;
    /** The largest scale accepted: larger noise would swamp any count and overflow a long draw. */
    public static final double MAX_SCALE = 1e12;

    private final long t;
    private final long s;

    private DiscreteLaplace(long t, long s) {
        this.t = t;
        this.s = s;
    }

    /**
     * The distribution with the exact scale {@code num / den}.
     *
     * @param num the scale's numerator, {@code > 0}
     * @param den the scale's denominator, {@code > 0}
     * @return the distribution
     * @throws IllegalArgumentException if either is not positive, or the scale exceeds {@link #MAX_SCALE}
     */
    public static DiscreteLaplace ofScale(long num, long den) {
        Checks.require(num > 0, "num (the scale's numerator) must be > 0, got %d", num);
        Checks.require(den > 0, "den (the scale's denominator) must be > 0, got %d", den);
        Checks.require((double) num / den <= MAX_SCALE, "scale %d/%d must be <= %s", num, den, MAX_SCALE);
        return new DiscreteLaplace(num, den);
    }

    /**
     * The distribution with scale {@code b} rounded up to a multiple of 2<sup>-20</sup>.
     *
     * @param b the scale, finite, {@code > 0} and at most {@link #MAX_SCALE}
     * @return the distribution
     * @throws IllegalArgumentException if {@code b} is not in (0, {@link #MAX_SCALE}]
     */
    public static DiscreteLaplace ofScale(double b) {
        Checks.require(b > 0 && b <= MAX_SCALE, "b (the scale) must lie in (0, %s], got %s", MAX_SCALE, b);
        return new DiscreteLaplace((long) Math.ceil(b * DENOMINATOR), DENOMINATOR);
    }

    /**
     * The scale {@code b}, as a double.
     *
     * @return {@code t / s}
     */
    public double scale() {
        return (double) t / s;
    }

    /**
     * One draw.
     *
     * @param rng the uniform source ({@link java.security.SecureRandom} for releases)
     * @return an integer with this distribution
     */
    public long sample(RandomGenerator rng) {
        Checks.notNull(rng, "rng");
        return sample(t, s, rng);
    }

    /** Algorithm 2 of Canonne, Kamath and Steinke (2020): the discrete Laplace with scale t / s. */
    static long sample(long t, long s, RandomGenerator rng) {
        while (true) {
            long u = rng.nextLong(t);
            if (!ExactBernoulli.bernoulliExp(u, t, rng)) {
                continue;
            }
            long v = 0;
            while (ExactBernoulli.bernoulliExp(1, 1, rng)) {
                v++;
            }
            // x = u + t v is geometric with ratio exp(-1 / t); y = floor(x / s) is geometric with ratio exp(-s / t).
            long y = (u + Math.multiplyExact(t, v)) / s;
            boolean negative = rng.nextBoolean();
            if (negative && y == 0) {
                continue;
            }
            return negative ? -y : y;
        }
    }

    /**
     * The probability of {@code x}, in floating point (for tests and reports, never for draws).
     *
     * @param x an integer
     * @return {@code (1 - q) / (1 + q) q^|x|}
     */
    public double pmf(long x) {
        double q = Math.exp(-1 / scale());
        return (1 - q) / (1 + q) * Math.exp(-Math.abs((double) x) / scale());
    }

    /**
     * The variance, {@code 2 q / (1 - q)^2} with {@code q = exp(-1 / b)}.
     *
     * @return the variance
     */
    public double variance() {
        double q = Math.exp(-1 / scale());
        double oneMinusQ = -Math.expm1(-1 / scale());
        return 2 * q / (oneMinusQ * oneMinusQ);
    }

    /**
     * The probability that a draw is at least {@code k}, for {@code k >= 1}: {@code q^k / (1 + q)}.
     *
     * @param k the threshold, {@code >= 1}
     * @return {@code P(X >= k)}
     */
    double upperTail(long k) {
        double q = Math.exp(-1 / scale());
        return Math.exp(-k / scale()) / (1 + q);
    }

    @Override
    public String toString() {
        return Checks.format("DiscreteLaplace[scale %d/%d = %s]", t, s, scale());
    }
}
