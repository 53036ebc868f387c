package io.loyalty.experiment;

import io.loyalty.internal.Normal;
import io.loyalty.internal.Checks;
import org.apache.commons.math3.special.Gamma;

/**
 * Rates (visited, converted, retained): intervals and tests for one or two proportions. Differences are
 * {@code p1 - p2}, first group (treatment) minus second (control). Counts are {@code long} so that streamed
 * totals fit.
 *
 * <ul>
 * <li>{@link #wilson}: Wilson score interval, R {@code prop.test(x, n, correct = FALSE)$conf.int}.</li>
 * <li>{@link #newcombe}: Newcombe (1998) method 10, the hybrid score interval of {@code p1 - p2}.</li>
 * <li>{@link #wald}: the Wald interval of {@code p1 - p2}, optionally with R's continuity correction.</li>
 * <li>{@link #zTest}: the pooled two-proportion z-test ({@code z^2} is the uncorrected chi-square).</li>
 * <li>{@link #fisherExact}: Fisher's exact test of a 2 x 2 table, as R {@code fisher.test}; {@link #fisherTest}
 * adds R's conditional MLE of the odds ratio and its exact interval.</li>
 * <li>{@link #relativeLift}: {@code p1 / p2 - 1} with a delta-method interval.</li>
 * <li>{@link #compare}: the readout: Newcombe interval and z-test p-value.</li>
 * </ul>
 *
 * @since 0.1
 */
public final class Proportions {
    private Proportions() {
    }

    static void checkCounts(long successes, long trials, int group) {
        Checks.require(successes >= 0, "successes[%d] must be >= 0, got %d", group, successes);
        Checks.require(trials > 0, "trials[%d] must be > 0 (an arm with no data), got %d", group, trials);
        Checks.require(successes <= trials, "successes[%d] = %d is greater than trials[%d] = %d", group, successes,
                group, trials);
    }

    /**
     * The Wilson score interval of {@code x / n}:
     * {@code (p + z^2/2n +- z sqrt(p(1-p)/n + z^2/4n^2)) / (1 + z^2/n)}.
     *
     * @param successes the successes, in [0, trials]
     * @param trials the trials, &gt; 0
     * @param confidence the confidence level in (0, 1)
     * @return the rate with its interval
     */
    public static Interval wilson(long successes, long trials, double confidence) {
        checkCounts(successes, trials, 0);
        Checks.openUnit(confidence, "confidence");
        double[] b = wilsonBounds(successes, trials, Normal.upperQuantile((1 - confidence) / 2));
        return new Interval((double) successes / trials, b[0], b[1], confidence);
    }

    private static double[] wilsonBounds(long x, long n, double z) {
        double p = (double) x / n;
        double z22n = z * z / (2.0 * n);
        double centre = p + z22n;
        double half = z * Math.sqrt(p * (1 - p) / n + z22n / (2.0 * n));
        double denominator = 1 + 2 * z22n;
        double lower = x == 0 ? 0 : Math.max(0, (centre - half) / denominator);
        double upper = x == n ? 1 : Math.min(1, (centre + half) / denominator);
        return new double[] {Math.min(lower, p), Math.max(upper, p)};
    }

    /**
     * Newcombe's hybrid score interval of {@code d = p1 - p2} (method 10): with Wilson bounds
     * {@code (l_i, u_i)}, {@code d - sqrt((p1 - l1)^2 + (u2 - p2)^2)} to {@code d + sqrt((u1 - p1)^2 + (p2 - l2)^2)}.
     *
     * @param x1 successes of the first group
     * @param n1 trials of the first group
     * @param x2 successes of the second group
     * @param n2 trials of the second group
     * @param confidence the confidence level in (0, 1)
     * @return the difference with its interval
     */
    public static Interval newcombe(long x1, long n1, long x2, long n2, double confidence) {
        checkCounts(x1, n1, 0);
        checkCounts(x2, n2, 1);
        Checks.openUnit(confidence, "confidence");
        double z = Normal.upperQuantile((1 - confidence) / 2);
        double p1 = (double) x1 / n1;
        double p2 = (double) x2 / n2;
        double[] b1 = wilsonBounds(x1, n1, z);
        double[] b2 = wilsonBounds(x2, n2, z);
        double d = p1 - p2;
        double lower = d - Math.hypot(p1 - b1[0], b2[1] - p2);
        double upper = d + Math.hypot(b1[1] - p1, p2 - b2[0]);
        return new Interval(d, lower, upper, confidence);
    }

    /**
     * The Wald interval of {@code p1 - p2}: {@code d +- (z sqrt(p1 q1/n1 + p2 q2/n2) + c (1/n1 + 1/n2))}, with
     * {@code c = min(0.5, |d| / (1/n1 + 1/n2))} when corrected and 0 otherwise, clipped to [-1, 1] (R
     * {@code prop.test(c(x1, x2), c(n1, n2), correct)$conf.int}).
     *
     * @param x1 successes of the first group
     * @param n1 trials of the first group
     * @param x2 successes of the second group
     * @param n2 trials of the second group
     * @param confidence the confidence level in (0, 1)
     * @param continuityCorrection whether to widen by R's Yates term
     * @return the difference with its interval
     */
    public static Interval wald(long x1, long n1, long x2, long n2, double confidence,
            boolean continuityCorrection) {
        checkCounts(x1, n1, 0);
        checkCounts(x2, n2, 1);
        Checks.openUnit(confidence, "confidence");
        double z = Normal.upperQuantile((1 - confidence) / 2);
        double p1 = (double) x1 / n1;
        double p2 = (double) x2 / n2;
        double d = p1 - p2;
        double inv = 1.0 / n1 + 1.0 / n2;
        double yates = continuityCorrection ? Math.min(0.5, Math.abs(d) / inv) : 0;
        double width = z * Math.sqrt(p1 * (1 - p1) / n1 + p2 * (1 - p2) / n2) + yates * inv;
        return new Interval(d, Math.max(d - width, -1), Math.min(d + width, 1), confidence);
    }

    /**
     * R's {@code prop.test(c(x1, x2), c(n1, n2), alternative, conf.level, correct)}: the statistic of
     * {@link ChiSquareTest#equalProportions}, two-sided p from the chi-square, one-sided p from
     * {@code z = sign(p1 - p2) sqrt(X^2)}; the Wald interval at {@code z_{(1+c)/2}} (two-sided) or {@code z_c}
     * (one-sided), widened by the Yates term when corrected.
     *
     * @param x1 successes of the first group
     * @param n1 trials of the first group
     * @param x2 successes of the second group
     * @param n2 trials of the second group
     * @param alternative the alternative
     * @param confidence the interval's level in (0, 1)
     * @param continuityCorrection whether to apply Yates' correction (R's default)
     * @return the test
     */
    public static PropTest propTest(long x1, long n1, long x2, long n2, Alternative alternative, double confidence,
            boolean continuityCorrection) {
        Checks.notNull(alternative, "alternative");
        Checks.openUnit(confidence, "confidence");
        ChiSquareTest chi = ChiSquareTest.equalProportions(new long[] {x1, x2}, new long[] {n1, n2},
                continuityCorrection);
        double p1 = (double) x1 / n1;
        double p2 = (double) x2 / n2;
        double d = p1 - p2;
        double inv = 1.0 / n1 + 1.0 / n2;
        double yates = continuityCorrection ? Math.min(0.5, Math.abs(d) / inv) : 0;
        double z = alternative == Alternative.TWO_SIDED ? Normal.upperQuantile((1 - confidence) / 2)
                : Normal.upperQuantile(1 - confidence);
        double width = z * Math.sqrt(p1 * (1 - p1) / n1 + p2 * (1 - p2) / n2) + yates * inv;
        double lower = alternative == Alternative.LESS ? -1 : Math.max(d - width, -1);
        double upper = alternative == Alternative.GREATER ? 1 : Math.min(d + width, 1);
        double p;
        if (alternative == Alternative.TWO_SIDED) {
            p = chi.pValue();
        } else {
            double zs = Math.signum(d) * Math.sqrt(chi.statistic());
            p = alternative == Alternative.LESS ? Normal.cdf(zs) : Normal.upper(zs);
        }
        return new PropTest(new Interval(d, Math.min(lower, d), Math.max(upper, d), confidence), chi.statistic(), p,
                alternative);
    }

    /**
     * The pooled two-proportion z statistic {@code (p1 - p2) / sqrt(p (1 - p) (1/n1 + 1/n2))}, p the pooled rate.
     *
     * @param x1 successes of the first group
     * @param n1 trials of the first group
     * @param x2 successes of the second group
     * @param n2 trials of the second group
     * @return z
     */
    public static double zStatistic(long x1, long n1, long x2, long n2) {
        checkCounts(x1, n1, 0);
        checkCounts(x2, n2, 1);
        double p = (double) (x1 + x2) / (n1 + n2);
        Checks.require(p > 0 && p < 1,
                "the pooled rate must lie in (0, 1) for a z-test, got %s (no variance in either arm)", p);
        return ((double) x1 / n1 - (double) x2 / n2) / Math.sqrt(p * (1 - p) * (1.0 / n1 + 1.0 / n2));
    }

    /**
     * The p-value of the pooled two-proportion z-test (two-sided, it equals R's {@code prop.test(correct = FALSE)}).
     *
     * @param x1 successes of the first group
     * @param n1 trials of the first group
     * @param x2 successes of the second group
     * @param n2 trials of the second group
     * @param alternative the alternative
     * @return the p-value
     */
    public static double zTest(long x1, long n1, long x2, long n2, Alternative alternative) {
        Checks.notNull(alternative, "alternative");
        return Dist.zPValue(zStatistic(x1, n1, x2, n2), alternative);
    }

    /**
     * Fisher's exact test of the 2 x 2 table {@code [[a, b], [c, d]]} (rows are groups, columns outcomes),
     * conditional on the margins: {@code a} is hypergeometric. Two-sided, as R: the sum of the probabilities of
     * tables no more probable than the observed one, with relative tolerance 1e-7; {@code GREATER} is
     * {@code P(A >= a)} (odds ratio &gt; 1), {@code LESS} is {@code P(A <= a)}.
     *
     * @param a top-left count
     * @param b top-right count
     * @param c bottom-left count
     * @param d bottom-right count
     * @param alternative the alternative
     * @return the p-value
     */
    public static double fisherExact(long a, long b, long c, long d, Alternative alternative) {
        Checks.nonNegative(a, "a");
        Checks.nonNegative(b, "b");
        Checks.nonNegative(c, "c");
        Checks.nonNegative(d, "d");
        Checks.notNull(alternative, "alternative");
        long m = a + c;
        long n = b + d;
        long k = a + b;
        long lo = Math.max(0, k - n);
        long hi = Math.min(k, m);
        Checks.require(hi - lo < 50_000_000L, "table too large for the exact test (support %d)", hi - lo + 1);
        int size = (int) (hi - lo + 1);
        double[] logd = new double[size];
        double max = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < size; i++) {
            long x = lo + i;
            logd[i] = logChoose(m, x) + logChoose(n, k - x);
            max = Math.max(max, logd[i]);
        }
        double total = 0;
        double[] dens = new double[size];
        for (int i = 0; i < size; i++) {
            dens[i] = Math.exp(logd[i] - max);
            total += dens[i];
        }
        int obs = (int) (a - lo);
        double sum = 0;
        switch (alternative) {
            case GREATER:
                for (int i = obs; i < size; i++) {
                    sum += dens[i];
                }
                break;
            case LESS:
                for (int i = 0; i <= obs; i++) {
                    sum += dens[i];
                }
                break;
            default:
                double limit = dens[obs] * (1 + 1e-7);
                for (int i = 0; i < size; i++) {
                    if (dens[i] <= limit) {
                        sum += dens[i];
                    }
                }
        }
        return Math.min(1, sum / total);
    }

    /**
     * Fisher's exact test with R's conditional maximum likelihood estimate of the odds ratio and its exact
     * interval ({@code fisher.test(matrix(c(a, c, b, d), 2), alternative, conf.level)}): the estimate solves
     * {@code E[A; psi] = a} under the noncentral hypergeometric distribution, the bounds solve its tail
     * probabilities equal to {@code (1 - confidence) / 2} (one-sided: {@code 1 - confidence}), each by R's
     * {@code uniroot} on (0, 1) in psi or 1/psi.
     *
     * @param a top-left count
     * @param b top-right count
     * @param c bottom-left count
     * @param d bottom-right count
     * @param alternative the alternative
     * @param confidence the interval's level in (0, 1)
     * @return the test
     */
    public static FisherTest fisherTest(long a, long b, long c, long d, Alternative alternative,
            double confidence) {
        double p = fisherExact(a, b, c, d, alternative);
        Checks.openUnit(confidence, "confidence");
        long m = a + c;
        long n = b + d;
        long k = a + b;
        long lo = Math.max(0, k - n);
        long hi = Math.min(k, m);
        double[] logd = new double[(int) (hi - lo + 1)];
        for (int i = 0; i < logd.length; i++) {
            logd[i] = logChoose(m, lo + i) + logChoose(n, k - lo - i);
        }
        Noncentral h = new Noncentral(logd, lo);
        double estimate = h.mle(a);
        double lower;
        double upper;
        switch (alternative) {
            case LESS:
                lower = 0;
                upper = h.upperBound(a, 1 - confidence);
                break;
            case GREATER:
                lower = h.lowerBound(a, 1 - confidence);
                upper = Double.POSITIVE_INFINITY;
                break;
            default:
                lower = h.lowerBound(a, (1 - confidence) / 2);
                upper = h.upperBound(a, (1 - confidence) / 2);
        }
        return new FisherTest(p, estimate, lower, Math.max(lower, upper), confidence, alternative);
    }

    /** R's noncentral hypergeometric helpers of {@code fisher.test} (dnhyper, mnhyper, pnhyper). */
    private static final class Noncentral {
        private final double[] logd;
        private final long lo;
        private final long hi;

        Noncentral(double[] logd, long lo) {
            this.logd = logd;
            this.lo = lo;
            this.hi = lo + logd.length - 1;
        }

        double[] density(double psi) {
            double[] w = new double[logd.length];
            double max = Double.NEGATIVE_INFINITY;
            double lp = Math.log(psi);
            for (int i = 0; i < w.length; i++) {
                w[i] = logd[i] + lp * (lo + i);
                max = Math.max(max, w[i]);
            }
            double sum = 0;
            for (int i = 0; i < w.length; i++) {
                w[i] = Math.exp(w[i] - max);
                sum += w[i];
            }
            for (int i = 0; i < w.length; i++) {
                w[i] /= sum;
            }
            return w;
        }

        double mean(double psi) {
            if (psi == 0) {
                return lo;
            }
            if (psi == Double.POSITIVE_INFINITY) {
                return hi;
            }
            double[] w = density(psi);
            double s = 0;
            for (int i = 0; i < w.length; i++) {
                s += (lo + i) * w[i];
            }
            return s;
        }

        double tail(long q, double psi, boolean upper) {
            if (psi == 0) {
                return upper ? (q <= lo ? 1 : 0) : (q >= lo ? 1 : 0);
            }
            if (psi == Double.POSITIVE_INFINITY) {
                return upper ? (q <= hi ? 1 : 0) : (q >= hi ? 1 : 0);
            }
            double[] w = density(psi);
            double s = 0;
            for (int i = 0; i < w.length; i++) {
                long x = lo + i;
                if (upper ? x >= q : x <= q) {
                    s += w[i];
                }
            }
            return s;
        }

        double mle(long x) {
            if (x == lo) {
                return 0;
            }
            if (x == hi) {
                return Double.POSITIVE_INFINITY;
            }
            double mu = mean(1);
            if (mu > x) {
                return Roots.zeroin(t -> mean(t) - x, 0, 1, Roots.R_TOL);
            }
            if (mu < x) {
                return 1 / Roots.zeroin(t -> mean(1 / t) - x, Math.ulp(1.0), 1, Roots.R_TOL);
            }
            return 1;
        }

        double upperBound(long x, double alpha) {
            if (x == hi) {
                return Double.POSITIVE_INFINITY;
            }
            double p = tail(x, 1, false);
            if (p < alpha) {
                return Roots.zeroin(t -> tail(x, t, false) - alpha, 0, 1, Roots.R_TOL);
            }
            if (p > alpha) {
                return 1 / Roots.zeroin(t -> tail(x, 1 / t, false) - alpha, Math.ulp(1.0), 1, Roots.R_TOL);
            }
            return 1;
        }

        double lowerBound(long x, double alpha) {
            if (x == lo) {
                return 0;
            }
            double p = tail(x, 1, true);
            if (p > alpha) {
                return Roots.zeroin(t -> tail(x, t, true) - alpha, 0, 1, Roots.R_TOL);
            }
            if (p < alpha) {
                return 1 / Roots.zeroin(t -> tail(x, 1 / t, true) - alpha, Math.ulp(1.0), 1, Roots.R_TOL);
            }
            return 1;
        }
    }

    private static double logChoose(long n, long k) {
        return Gamma.logGamma(n + 1.0) - Gamma.logGamma(k + 1.0) - Gamma.logGamma(n - k + 1.0);
    }

    /**
     * The relative lift {@code p1 / p2 - 1} with the delta-method interval
     * {@code +- z sqrt(v1 / p2^2 + p1^2 v2 / p2^4)}, {@code v_i = p_i (1 - p_i) / n_i}.
     *
     * @param x1 successes of the first group
     * @param n1 trials of the first group
     * @param x2 successes of the second group, &gt; 0
     * @param n2 trials of the second group
     * @param confidence the confidence level in (0, 1)
     * @return the lift (0.10 = +10 %) with its interval
     */
    public static Interval relativeLift(long x1, long n1, long x2, long n2, double confidence) {
        checkCounts(x1, n1, 0);
        checkCounts(x2, n2, 1);
        Checks.require(x2 > 0, "x2 must be > 0 for a relative lift (the control rate is the denominator), got %d", x2);
        double p1 = (double) x1 / n1;
        double p2 = (double) x2 / n2;
        return Means.ratioLift(p1, p1 * (1 - p1) / n1, p2, p2 * (1 - p2) / n2, confidence);
    }

    /**
     * The readout of a rate: difference with the Newcombe hybrid score interval at {@code 1 - alpha} and the
     * two-sided pooled z-test p-value.
     *
     * @param label what is compared, e.g. "Womens E-Mail vs No E-Mail"
     * @param metric the metric's name, e.g. "visit rate"
     * @param treatmentSuccesses successes in the treatment arm
     * @param treatmentTrials trials in the treatment arm
     * @param controlSuccesses successes in the control arm
     * @param controlTrials trials in the control arm
     * @param alpha the significance level in (0, 1)
     * @return the comparison
     */
    public static Comparison compare(String label, String metric, long treatmentSuccesses, long treatmentTrials,
            long controlSuccesses, long controlTrials, double alpha) {
        Checks.openUnit(alpha, "alpha");
        Interval d = newcombe(treatmentSuccesses, treatmentTrials, controlSuccesses, controlTrials, 1 - alpha);
        double p = zTest(treatmentSuccesses, treatmentTrials, controlSuccesses, controlTrials, Alternative.TWO_SIDED);
        return new Comparison(label, metric, true, (double) treatmentSuccesses / treatmentTrials,
                (double) controlSuccesses / controlTrials, d, p, alpha, "Newcombe hybrid score interval; z-test");
    }
}
