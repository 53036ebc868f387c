package io.loyalty.privacy;

import java.util.random.RandomGenerator;

/**
 * One calibrated integer noise: discrete Laplace of scale {@code Δ1 / ε} or discrete Gaussian of
 * {@code σ = Δ2 / sqrt(2 ρ)}, with its standard deviation and the exact half-width of its central 95 % interval.
 */
final class Noise {
    private final DiscreteLaplace laplace;
    private final DiscreteGaussian gaussian;
    final double sd;
    final long half95;

    private Noise(DiscreteLaplace laplace, DiscreteGaussian gaussian) {
        this.laplace = laplace;
        this.gaussian = gaussian;
        this.sd = Math.sqrt(laplace != null ? laplace.variance() : gaussian.variance());
        this.half95 = laplace != null ? laplaceHalf(laplace) : gaussianHalf(gaussian);
    }

    /** Noise for a query of L1 sensitivity {@code l1} and L2 sensitivity {@code l2} at {@code cost}. */
    static Noise calibrate(PrivacyCost cost, double l1, double l2) {
        if (cost.isGaussian()) {
            return new Noise(null, DiscreteGaussian.ofSigma(l2 / Math.sqrt(2 * cost.value())));
        }
        return new Noise(DiscreteLaplace.ofScale(l1 / cost.value()), null);
    }

    long draw(RandomGenerator rng) {
        return laplace != null ? laplace.sample(rng) : gaussian.sample(rng);
    }

    /** The released count {@code exact + noise} with its exact 95 % interval. */
    NoisyValue count(long exact, RandomGenerator rng, double unit) {
        long v = exact + draw(rng);
        return new NoisyValue(v * unit, sd * unit, (v - half95) * unit, (v + half95) * unit);
    }

    /** The smallest h with P(|X| <= h) >= 0.95: 1 - 2 q^(h+1) / (1 + q) >= 0.95. */
    private static long laplaceHalf(DiscreteLaplace d) {
        double q = Math.exp(-1 / d.scale());
        long h = Math.max(0, (long) Math.ceil(Math.log(0.025 * (1 + q)) / Math.log(q)) - 1);
        while (h > 0 && 2 * Math.pow(q, h) / (1 + q) <= 0.05) {
            h--;
        }
        while (2 * Math.pow(q, h + 1) / (1 + q) > 0.05) {
            h++;
        }
        return h;
    }

    private static long gaussianHalf(DiscreteGaussian d) {
        if (d.sigma() > 1e4) {
            return (long) Math.ceil(NoisyValue.Z95 * d.sigma());
        }
        double p = d.pmf(0);
        long h = 0;
        while (p < 0.95) {
            h++;
            p += 2 * d.pmf(h);
        }
        return h;
    }
}
