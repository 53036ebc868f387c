package io.loyalty.experiment;

import io.loyalty.internal.Checks;
import java.util.Arrays;

/**
 * The Wilcoxon rank-sum / Mann-Whitney test for heavy-tailed metrics such as spend.
 *
 * <p>{@link #normal}: R {@code wilcox.test(x, y, exact = FALSE, correct)}: mid-ranks for ties,
 * {@code z = (W - n1 n2 / 2 - c) / sigma} with
 * {@code sigma^2 = n1 n2 / 12 ((n1 + n2 + 1) - sum(t^3 - t) / ((n1 + n2)(n1 + n2 - 1)))} over tie groups of
 * size t, and continuity correction {@code c = 0.5 sign} (two-sided: the sign of the deviation).
 *
 * <p>{@link #exact}: the exact null distribution of W for small samples without ties, counted by dynamic
 * programming over rank subsets (R's {@code pwilcox}); two-sided is twice the smaller tail, capped at 1.
 *
 * <p>Both sort copies of the inputs (O(n log n)); the inputs are not modified.
 *
 * @since 0.1
 */
public final class RankSum {
    private RankSum() {
    }

    private static double[] sortedCopy(double[] v, String name) {
        Checks.notNull(v, name);
        Checks.require(v.length >= 1, "%s is empty (an arm with no data)", name);
        for (int i = 0; i < v.length; i++) {
            if (!Double.isFinite(v[i])) {
                throw new IllegalArgumentException(Checks.format("%s[%d] must be finite, got %s", name, i, v[i]));
            }
        }
        double[] s = v.clone();
        Arrays.sort(s);
        return s;
    }

    /** Merges two sorted samples; returns {W, sum(t^3 - t)}. */
    private static double[] wAndTies(double[] x, double[] y) {
        int i = 0;
        int j = 0;
        double rankSumX = 0;
        double ties = 0;
        long next = 1;
        while (i < x.length || j < y.length) {
            double v = j >= y.length || (i < x.length && x[i] <= y[j]) ? x[i] : y[j];
            int cx = 0;
            while (i < x.length && x[i] == v) {
                i++;
                cx++;
            }
            int cy = 0;
            while (j < y.length && y[j] == v) {
                j++;
                cy++;
            }
            double t = cx + cy;
            double midRank = next + (t - 1) / 2.0;
            rankSumX += cx * midRank;
            ties += t * t * t - t;
            next += cx + cy;
        }
        return new double[] {rankSumX - x.length * (x.length + 1.0) / 2, ties};
    }

    /**
     * The normal approximation with tie correction, R {@code wilcox.test(x, y, exact = FALSE, correct)}.
     *
     * @param x the first group, finite values
     * @param y the second group, finite values
     * @param alternative the alternative ({@code GREATER}: x tends to be larger)
     * @param continuityCorrection whether to apply the 0.5 continuity correction (R's default)
     * @return the test
     */
    public static RankSumTest normal(double[] x, double[] y, Alternative alternative, boolean continuityCorrection) {
        double[] sx = sortedCopy(x, "x");
        double[] sy = sortedCopy(y, "y");
        Checks.notNull(alternative, "alternative");
        double[] wt = wAndTies(sx, sy);
        double n1 = sx.length;
        double n2 = sy.length;
        double z = wt[0] - n1 * n2 / 2;
        double sigma = Math.sqrt(n1 * n2 / 12 * ((n1 + n2 + 1) - wt[1] / ((n1 + n2) * (n1 + n2 - 1))));
        Checks.require(sigma > 0, "all values are tied: the rank-sum test is undefined");
        double correction = 0;
        if (continuityCorrection) {
            switch (alternative) {
                case GREATER:
                    correction = 0.5;
                    break;
                case LESS:
                    correction = -0.5;
                    break;
                default:
                    correction = Math.signum(z) * 0.5;
            }
        }
        return new RankSumTest(wt[0], Dist.zPValue((z - correction) / sigma, alternative), false, alternative);
    }

    /**
     * The exact test for small samples without ties.
     *
     * @param x the first group, finite values
     * @param y the second group, finite values
     * @param alternative the alternative
     * @return the test
     * @throws IllegalArgumentException if there are ties or {@code n1 n2 > 1,000,000}
     */
    public static RankSumTest exact(double[] x, double[] y, Alternative alternative) {
        double[] sx = sortedCopy(x, "x");
        double[] sy = sortedCopy(y, "y");
        Checks.notNull(alternative, "alternative");
        double[] wt = wAndTies(sx, sy);
        Checks.require(wt[1] == 0, "the exact rank-sum test needs data without ties; use normal(...)");
        int m = sx.length;
        int n = sy.length;
        Checks.require((long) m * n <= 1_000_000L, "samples too large for the exact test (n1 n2 = %d)", (long) m * n);
        double[] freq = uFrequencies(m, n);
        int w = (int) Math.round(wt[0]);
        double total = 0;
        for (double f : freq) {
            total += f;
        }
        double p;
        switch (alternative) {
            case GREATER:
                p = upper(freq, w) / total;
                break;
            case LESS:
                p = lower(freq, w) / total;
                break;
            default:
                double tail = w > m * n / 2.0 ? upper(freq, w) : lower(freq, w);
                p = Math.min(1, 2 * tail / total);
        }
        return new RankSumTest(wt[0], p, true, alternative);
    }

    private static double lower(double[] freq, int w) {
        double s = 0;
        for (int u = 0; u <= w; u++) {
            s += freq[u];
        }
        return s;
    }

    private static double upper(double[] freq, int w) {
        double s = 0;
        for (int u = w; u < freq.length; u++) {
            s += freq[u];
        }
        return s;
    }

    /**
     * Counts of U = 0..mn: subsets of size m of the ranks 1..m+n by rank sum, built item by item with additions
     * only (no cancellation).
     */
    private static double[] uFrequencies(int m, int n) {
        int maxU = m * n;
        // dp[k][u]: ways to pick k items among the first j with "U contribution" u, where picking item j as the
        // k-th smallest chosen adds (j - k) to U.
        double[][] dp = new double[m + 1][maxU + 1];
        dp[0][0] = 1;
        for (int j = 1; j <= m + n; j++) {
            for (int k = Math.min(j, m); k >= 1; k--) {
                int add = j - k;
                if (add > n) {
                    continue;
                }
                double[] to = dp[k];
                double[] from = dp[k - 1];
                for (int u = maxU; u >= add; u--) {
                    to[u] += from[u - add];
                }
            }
        }
        return dp[m];
    }
}
