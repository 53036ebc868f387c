package io.loyalty.experiment;

import org.apache.commons.math3.distribution.NormalDistribution;
import org.apache.commons.math3.distribution.TDistribution;
import org.apache.commons.math3.random.RandomGenerator;
import org.apache.commons.math3.special.Beta;
import org.apache.commons.math3.special.Erf;
import org.apache.commons.math3.special.Gamma;

/**
 * Distribution functions with accurate tails: the normal and t tails come from erfc and the incomplete beta
 * function directly, not from {@code 1 - cdf}, so p-values far below 1e-16 keep their digits.
 */
final class Dist {
    private static final double SQRT2 = Math.sqrt(2);
    private static final NormalDistribution NORMAL = new NormalDistribution((RandomGenerator) null, 0, 1);

    private Dist() {
    }

    static double normalCdf(double x) {
        return 0.5 * Erf.erfc(-x / SQRT2);
    }

    static double normalUpper(double x) {
        return 0.5 * Erf.erfc(x / SQRT2);
    }

    static double normalDensity(double x) {
        return Math.exp(-0.5 * x * x) / Math.sqrt(2 * Math.PI);
    }

    /** The normal quantile, polished by two Newton steps on the accurate tail. */
    static double normalQuantile(double p) {
        if (p <= 0) {
            return Double.NEGATIVE_INFINITY;
        }
        if (p >= 1) {
            return Double.POSITIVE_INFINITY;
        }
        double x = NORMAL.inverseCumulativeProbability(p);
        for (int i = 0; i < 2; i++) {
            double d = normalDensity(x);
            if (d == 0) {
                break;
            }
            // Above the median the lower tail is 1 - upper tail, with 1 - p exact for p >= 0.5.
            x -= (x > 0 ? (1 - p) - normalUpper(x) : normalCdf(x) - p) / d;
        }
        return x;
    }

    /** The upper normal quantile: {@code Q} with {@code P(Z > Q) = q}, accurate for tiny {@code q}. */
    static double normalUpperQuantile(double q) {
        if (q >= 0.5) {
            return -normalQuantile(1 - q);
        }
        double x = -NORMAL.inverseCumulativeProbability(q);
        for (int i = 0; i < 3; i++) {
            double d = normalDensity(x);
            if (d == 0) {
                break;
            }
            x += (normalUpper(x) - q) / d;
        }
        return x;
    }

    static double tCdf(double t, double df) {
        double tail = 0.5 * Beta.regularizedBeta(df / (df + t * t), df / 2, 0.5);
        return t > 0 ? 1 - tail : tail;
    }

    static double tUpper(double t, double df) {
        return tCdf(-t, df);
    }

    static double tQuantile(double p, double df) {
        return new TDistribution((RandomGenerator) null, df, 1e-15).inverseCumulativeProbability(p);
    }

    static double chiSquareUpper(double x, double df) {
        return Gamma.regularizedGammaQ(df / 2, x / 2);
    }

    /** Two-sided and one-sided p-values of a z statistic. */
    static double zPValue(double z, Alternative alternative) {
        switch (alternative) {
            case GREATER:
                return normalUpper(z);
            case LESS:
                return normalCdf(z);
            default:
                return Math.min(1, 2 * normalUpper(Math.abs(z)));
        }
    }
}
