package io.loyalty.experiment;

import io.loyalty.internal.Normal;
import org.apache.commons.math3.special.Beta;
import org.apache.commons.math3.special.Gamma;

/**
 * Distribution functions with accurate tails: the normal ones from {@link Normal}, the t tails from the incomplete
 * beta function directly, not from {@code 1 - cdf}, so p-values far below 1e-16 keep their digits.
 */
final class Dist {
    private Dist() {
    }

    static double tCdf(double t, double df) {
        double tail = 0.5 * Beta.regularizedBeta(df / (df + t * t), df / 2, 0.5);
        return t > 0 ? 1 - tail : tail;
    }

    static double tUpper(double t, double df) {
        return tCdf(-t, df);
    }

    static double chiSquareUpper(double x, double df) {
        return Gamma.regularizedGammaQ(df / 2, x / 2);
    }

    /** Two-sided and one-sided p-values of a z statistic. */
    static double zPValue(double z, Alternative alternative) {
        switch (alternative) {
            case GREATER:
                return Normal.upper(z);
            case LESS:
                return Normal.cdf(z);
            default:
                return Math.min(1, 2 * Normal.upper(Math.abs(z)));
        }
    }
}
