package io.loyalty.privacy;

import io.loyalty.internal.Checks;
import java.math.BigInteger;
import java.util.random.RandomGenerator;

/**
 * The discrete Gaussian distribution on the integers: {@code P(x) ∝ exp(-x^2 / (2 σ^2))}. Added to an integer
 * query of L2 sensitivity {@code Δ} it gives {@code ρ}-zero-concentrated differential privacy with
 * {@code ρ = Δ^2 / (2 σ^2)} (Canonne, Kamath and Steinke 2020, Theorem 4).
 *
 * <p>The parameter {@code σ^2} is an exact rational; {@link #ofSigma(double)} rounds {@code σ^2} up to a multiple of
 * 2<sup>-20</sup>. Draws use Algorithm 3 of that paper: a discrete Laplace proposal with scale
 * {@code t = floor(σ) + 1}, accepted with probability {@code exp(-(|y| - σ^2 / t)^2 / (2 σ^2))}, drawn exactly on
 * rationals. The variance of the discrete distribution is at most {@code σ^2} and equal to it within
 * {@code 1e-12} relative once {@code σ >= 1}.
 *
 * <p>Reference: C. L. Canonne, G. Kamath, T. Steinke, "The Discrete Gaussian for Differential Privacy", NeurIPS
 * 2020, <a href="https://arxiv.org/abs/2004.00010">arXiv:2004.00010</a>.
 *
 * <p>Experimental.
 *
 * @since 0.2
 */
public final class DiscreteGaussian {
    /** The largest σ accepted. */
    public static final double MAX_SIGMA = 1e9;

    private final long num;
    private final long den;
    private final long t;

    private DiscreteGaussian(long num, long den) {
        this.num = num;
        this.den = den;
        this.t = (long) Math.floor(Math.sqrt((double) num / den)) + 1;
    }

    /**
     * The distribution with {@code σ^2 = num / den} exactly.
     *
     * @param num the numerator, {@code > 0}
     * @param den the denominator, {@code > 0}
     * @return the distribution
     * @throws IllegalArgumentException if either is not positive or {@code σ} exceeds {@link #MAX_SIGMA}
     */
    public static DiscreteGaussian ofSigmaSquared(long num, long den) {
        Checks.require(num > 0, "num (the numerator of sigma^2) must be > 0, got %d", num);
        Checks.require(den > 0, "den (the denominator of sigma^2) must be > 0, got %d", den);
        Checks.require(Math.sqrt((double) num / den) <= MAX_SIGMA, "sigma^2 %d/%d must be <= %s^2", num, den,
                MAX_SIGMA);
        return new DiscreteGaussian(num, den);
    }

    /**
     * The distribution with {@code σ^2} rounded up to a multiple of 2<sup>-20</sup>.
     *
     * @param sigma {@code σ}, finite, {@code > 0}, at most {@link #MAX_SIGMA}
     * @return the distribution
     * @throws IllegalArgumentException if {@code sigma} is out of range
     */
    public static DiscreteGaussian ofSigma(double sigma) {
        Checks.require(sigma > 0 && sigma <= MAX_SIGMA, "sigma must lie in (0, %s], got %s", MAX_SIGMA, sigma);
        double scaled = Math.ceil(sigma * sigma * DiscreteLaplace.DENOMINATOR);
        // 1e18 * 2^20 overflows a long: keep the numerator in range by coarsening the grid for huge sigma.
        long d = DiscreteLaplace.DENOMINATOR;
        while (scaled >= 0x1p62) {
            d >>= 1;
            scaled = Math.ceil(sigma * sigma * d);
        }
        return new DiscreteGaussian((long) scaled, d);
    }

    /**
     * {@code σ}, the square root of the parameter (not the standard deviation of the discrete distribution, which
     * is at most this).
     *
     * @return {@code σ}
     */
    public double sigma() {
        return Math.sqrt((double) num / den);
    }

    /**
     * One draw.
     *
     * @param rng the uniform source ({@link java.security.SecureRandom} for releases)
     * @return an integer with this distribution
     */
    public long sample(RandomGenerator rng) {
        Checks.notNull(rng, "rng");
        BigInteger p = BigInteger.valueOf(num);
        BigInteger q = BigInteger.valueOf(den);
        BigInteger bt = BigInteger.valueOf(t);
        BigInteger qt = q.multiply(bt);
        // gamma = (|y| - σ^2/t)^2 / (2 σ^2) = (|y| q t - p)^2 / (2 p q t^2)
        BigInteger gammaDen = p.multiply(qt).multiply(bt).shiftLeft(1);
        while (true) {
            long y = DiscreteLaplace.sample(t, 1, rng);
            long a = Math.abs(y);
            boolean accept;
            if (fitsLong(a, qt) && fitsSquare(a * qt.longValue() - num) && gammaDen.bitLength() < 62) {
                long diff = a * qt.longValue() - num;
                accept = ExactBernoulli.bernoulliExp(diff * diff, gammaDen.longValue(), rng);
            } else {
                BigInteger diff = BigInteger.valueOf(a).multiply(qt).subtract(p);
                accept = ExactBernoulli.bernoulliExp(diff.multiply(diff), gammaDen, rng);
            }
            if (accept) {
                return y;
            }
        }
    }

    private static boolean fitsLong(long a, BigInteger qt) {
        return qt.bitLength() < 62 && (a == 0 || 64 - Long.numberOfLeadingZeros(a) + qt.bitLength() < 62);
    }

    private static boolean fitsSquare(long v) {
        return Math.abs(v) < 3_037_000_499L;
    }

    /**
     * The probability of {@code x}, in floating point (for tests and reports, never for draws).
     *
     * @param x an integer
     * @return {@code exp(-x^2 / (2 σ^2)) / Σ_k exp(-k^2 / (2 σ^2))}
     */
    public double pmf(long x) {
        double s2 = (double) num / den;
        return Math.exp(-(double) x * x / (2 * s2)) / normaliser(s2);
    }

    /**
     * The variance {@code Σ x^2 P(x)}, summed to where the terms vanish.
     *
     * @return the variance, at most {@code σ^2}
     */
    public double variance() {
        double s2 = (double) num / den;
        if (s2 > 1e4) {
            // Poisson summation: the relative difference from σ^2 is below 4 π^2 σ^2 exp(-2 π^2 σ^2), far below 1e-300.
            return s2;
        }
        double sum = 0;
        long limit = (long) Math.ceil(40 * Math.sqrt(s2)) + 2;
        for (long x = limit; x >= 1; x--) {
            sum += 2.0 * x * x * Math.exp(-(double) x * x / (2 * s2));
        }
        return sum / normaliser(s2);
    }

    private static double normaliser(double s2) {
        if (s2 > 1e4) {
            return Math.sqrt(2 * Math.PI * s2);
        }
        double z = 0;
        long limit = (long) Math.ceil(40 * Math.sqrt(s2)) + 2;
        for (long x = limit; x >= 1; x--) {
            z += 2 * Math.exp(-(double) x * x / (2 * s2));
        }
        return z + 1;
    }

    @Override
    public String toString() {
        return Checks.format("DiscreteGaussian[sigma^2 %d/%d, sigma %s]", num, den, sigma());
    }
}
