package io.loyalty.experiment;

import io.loyalty.internal.Checks;
import io.loyalty.internal.Normal;
import io.loyalty.stats.Interval;
import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Bootstrap intervals of the mean difference {@code mean(x) - mean(y)}, resampling each arm separately (a
 * stratified bootstrap), seeded and reproducible: the same seed gives the same interval on every JVM.
 *
 * <ul>
 * <li>Percentile: the {@code (1 - c)/2} and {@code (1 + c)/2} quantiles (R type 7) of the replicates.</li>
 * <li>BCa (Efron 1987): bias correction {@code z0 = Phi^-1(#(theta* < theta) + #(theta* = theta)/2) / B)},
 * acceleration {@code a = sum d_i^3 / (6 (sum d_i^2)^1.5)} from the jackknife over all observations of both
 * arms ({@code d_i = mean jackknife - theta_(i)}), levels
 * {@code Phi(z0 + (z0 + z_q) / (1 - a (z0 + z_q)))}.</li>
 * </ul>
 *
 * @since 0.1
 */
public final class Bootstrap {
    /**
     * The most replicates a call draws: the replicates are held in memory (8 bytes each), so their number is bounded
     * rather than taken from the caller unchecked.
     */
    public static final int MAX_REPLICATES = 1_000_000;

    private Bootstrap() {
    }

    /**
     * The percentile interval.
     *
     * @param x the first group (treatment), finite values
     * @param y the second group (control), finite values
     * @param replicates the number of bootstrap replicates, 100 to {@value #MAX_REPLICATES}
     * @param confidence the level in (0, 1)
     * @param seed the random seed
     * @return the observed difference with its interval
     */
    public static Interval percentile(double[] x, double[] y, int replicates, double confidence, long seed) {
        double[] reps = replicates(x, y, replicates, confidence, seed);
        double theta = mean(x) - mean(y);
        return Interval.of(theta, Math.min(theta, quantile(reps, (1 - confidence) / 2)),
                Math.max(theta, quantile(reps, (1 + confidence) / 2)), confidence, "percentile bootstrap");
    }

    /**
     * The bias-corrected and accelerated (BCa) interval.
     *
     * @param x the first group (treatment), finite values, at least 2
     * @param y the second group (control), finite values, at least 2
     * @param replicates the number of bootstrap replicates, 100 to {@value #MAX_REPLICATES}
     * @param confidence the level in (0, 1)
     * @param seed the random seed
     * @return the observed difference with its interval
     */
    public static Interval bca(double[] x, double[] y, int replicates, double confidence, long seed) {
        double[] reps = replicates(x, y, replicates, confidence, seed);
        Checks.require(x.length >= 2 && y.length >= 2, "BCa needs at least 2 observations per arm, got %d and %d",
                x.length, y.length);
        double mx = mean(x);
        double my = mean(y);
        double theta = mx - my;
        double below = 0;
        for (double r : reps) {
            below += r < theta ? 1 : r == theta ? 0.5 : 0;
        }
        double share = Math.min(Math.max(below / reps.length, 0.5 / reps.length), 1 - 0.5 / reps.length);
        double z0 = Normal.quantile(share);
        // Jackknife: leaving out x_i moves mean(x) to (n mx - x_i)/(n - 1); likewise for y.
        int n = x.length + y.length;
        double[] jack = new double[n];
        double jackMean = 0;
        for (int i = 0; i < x.length; i++) {
            jack[i] = (x.length * mx - x[i]) / (x.length - 1) - my;
            jackMean += jack[i];
        }
        for (int j = 0; j < y.length; j++) {
            jack[x.length + j] = mx - (y.length * my - y[j]) / (y.length - 1);
            jackMean += jack[x.length + j];
        }
        jackMean /= n;
        double s2 = 0;
        double s3 = 0;
        for (double v : jack) {
            double d = jackMean - v;
            s2 += d * d;
            s3 += d * d * d;
        }
        double a = s2 > 0 ? s3 / (6 * Math.pow(s2, 1.5)) : 0;
        double zl = Normal.quantile((1 - confidence) / 2);
        double zu = -zl;
        double ql = Normal.cdf(z0 + (z0 + zl) / (1 - a * (z0 + zl)));
        double qu = Normal.cdf(z0 + (z0 + zu) / (1 - a * (z0 + zu)));
        return Interval.of(theta, Math.min(theta, quantile(reps, ql)), Math.max(theta, quantile(reps, qu)),
                confidence, "BCa bootstrap");
    }

    private static double[] replicates(double[] x, double[] y, int replicates, double confidence, long seed) {
        check(x, "x");
        check(y, "y");
        Checks.require(replicates >= 100 && replicates <= MAX_REPLICATES, "replicates must lie in 100..%d, got %d",
                MAX_REPLICATES, replicates);
        Checks.openUnit(confidence, "confidence");
        SplittableRandom random = new SplittableRandom(seed);
        double[] reps = new double[replicates];
        for (int b = 0; b < replicates; b++) {
            reps[b] = resampledMean(x, random) - resampledMean(y, random);
        }
        Arrays.sort(reps);
        return reps;
    }

    private static double resampledMean(double[] v, SplittableRandom random) {
        double s = 0;
        for (int i = 0; i < v.length; i++) {
            s += v[random.nextInt(v.length)];
        }
        return s / v.length;
    }

    private static void check(double[] v, String name) {
        Checks.notNull(v, name);
        Checks.require(v.length >= 1, "%s is empty (an arm with no data)", name);
        for (int i = 0; i < v.length; i++) {
            if (!Double.isFinite(v[i])) {
                throw new IllegalArgumentException(Checks.format("%s[%d] must be finite, got %s", name, i, v[i]));
            }
        }
    }

    private static double mean(double[] v) {
        return ArmSummary.of(v).mean();
    }

    /** R's type 7 quantile of sorted values. */
    static double quantile(double[] sorted, double q) {
        double h = (sorted.length - 1) * q;
        int lo = (int) Math.floor(h);
        int hi = Math.min(lo + 1, sorted.length - 1);
        return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
    }
}
