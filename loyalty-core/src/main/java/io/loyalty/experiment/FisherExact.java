package io.loyalty.experiment;

import io.loyalty.internal.Checks;
import org.apache.commons.math3.special.Gamma;

/**
 * Fisher's exact test of a 2 x 2 table and R's conditional maximum likelihood estimate of its odds ratio, kept
 * apart from {@link Proportions} because the noncentral hypergeometric solver is its own piece of numerics.
 */
final class FisherExact {
    private FisherExact() {
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
    /** The largest support (number of tables with the observed margins) the exact test enumerates. */
    static final long MAX_SUPPORT = 50_000_000L;

    /**
     * The number of tables with the margins of {@code [[a, b], [c, d]]}, the size of the exact test's work.
     *
     * @return hi - lo + 1 of the hypergeometric support
     */
    static long support(long a, long b, long c, long d) {
        long k = a + b;
        return Math.min(k, a + c) - Math.max(0, k - (b + d)) + 1;
    }

    static double pValue(long a, long b, long c, long d, Alternative alternative) {
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
        Checks.require(hi - lo < MAX_SUPPORT, "table too large for the exact test (support %d)", hi - lo + 1);
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
    static FisherTest.Result test(long a, long b, long c, long d, Alternative alternative,
            double confidence) {
        double p = pValue(a, b, c, d, alternative);
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
        return new FisherTest.Result(p, estimate, lower, Math.max(lower, upper), confidence, alternative);
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
}
