package io.loyalty.internal;

import org.apache.commons.math3.special.Gamma;

/**
 * Special functions that commons-math3 lacks or computes too coarsely. Not API.
 *
 * <p>commons-math3 3.6.1's {@code Gamma.digamma} is accurate to only about {@code 3e-9} (e.g. it gives
 * -1.963510028797 for psi(1/2) = -1.963510026021); {@link #digamma} here is accurate to a few ulps, which the
 * logarithmic hypergeometric series and analytic gradients need.
 *
 * @since 0.1
 */
public final class SpecialFunctions {
    private SpecialFunctions() {
    }

    /**
     * The digamma function psi(x) = d/dx ln Gamma(x): reflection for x &lt; 0, the recurrence
     * psi(x) = psi(x+1) - 1/x up to x &gt;= 10, then the asymptotic series through the 1/x^14 term
     * (truncation error below 1e-16 relative at x = 10). NaN at the poles 0, -1, -2, ...
     *
     * @param x the argument
     * @return psi(x)
     */
    public static double digamma(double x) {
        if (Double.isNaN(x) || x == Double.NEGATIVE_INFINITY) {
            return Double.NaN;
        }
        if (x <= 0) {
            if (x == Math.rint(x)) {
                return Double.NaN;
            }
            // psi(x) = psi(1 - x) - pi / tan(pi x)
            double r = x - Math.floor(x);
            return digamma(1 - x) - Math.PI / Math.tan(Math.PI * r);
        }
        double shift = 0;
        while (x < 10) {
            shift -= 1 / x;
            x += 1;
        }
        double inv = 1 / (x * x);
        double series = inv * (1.0 / 12 - inv * (1.0 / 120 - inv * (1.0 / 252 - inv * (1.0 / 240
                - inv * (1.0 / 132 - inv * (691.0 / 32760 - inv / 12))))));
        return shift + Math.log(x) - 0.5 / x - series;
    }

    /**
     * {@code ln |Gamma(x)|} for any real x that is not a non-positive integer (reflection for x &lt; 0).
     *
     * @param x the argument
     * @return {@code ln |Gamma(x)|}
     */
    public static double logAbsGamma(double x) {
        if (x > 0) {
            return Gamma.logGamma(x);
        }
        // Gamma(x) Gamma(1-x) = pi / sin(pi x)
        double r = x - 2 * Math.floor(x / 2);
        return Math.log(Math.PI / Math.abs(Math.sin(Math.PI * r))) - Gamma.logGamma(1 - x);
    }

    /**
     * The sign of {@code Gamma(x)}: +1 for x &gt; 0, alternating between the negative poles.
     *
     * @param x the argument
     * @return +1 or -1
     */
    public static double signGamma(double x) {
        if (x > 0) {
            return 1;
        }
        return ((long) Math.floor(x) & 1) == 0 ? 1 : -1;
    }
}
