package io.loyalty.experiment;

import io.loyalty.internal.Normal;
import org.apache.commons.math3.special.Beta;
import org.apache.commons.math3.special.Gamma;

/**
 * The noncentral t distribution function by Lenth's algorithm AS 243 (Applied Statistics 38, 1989, 185-189)
 * with the refinements R's {@code pnt} carries (series error bound 1e-12, at most 1000 terms, the normal
 * approximation of Abramowitz and Stegun 26.7.10 for very large df or noncentrality).
 */
final class NoncentralT {
    private static final double ERRMAX = 1e-12;
    private static final int ITRMAX = 1000;
    private static final double LN_SQRT_PI = 0.5 * Math.log(Math.PI);
    private static final double SQRT_2_OVER_PI = Math.sqrt(2 / Math.PI);

    private NoncentralT() {
    }

    /** P(T &lt;= t) for T noncentral t with df degrees of freedom and noncentrality ncp. */
    static double cdf(double t, double df, double ncp) {
        return value(t, df, ncp, true);
    }

    /** P(T &gt; t). */
    static double upper(double t, double df, double ncp) {
        return value(t, df, ncp, false);
    }

    private static double value(double t, double df, double ncp, boolean lowerTail) {
        if (ncp == 0) {
            return lowerTail ? Dist.tCdf(t, df) : Dist.tUpper(t, df);
        }
        boolean negdel;
        double tt;
        double del;
        if (t >= 0) {
            negdel = false;
            tt = t;
            del = ncp;
        } else {
            if (ncp > 40 && !lowerTail) {
                return 1;
            }
            if (ncp > 40) {
                return 0;
            }
            negdel = true;
            tt = -t;
            del = -ncp;
        }
        if (df > 4e5 || del * del > 2 * Math.log(2) * 1021) {
            double s = 1 / (4 * df);
            double z = (tt * (1 - s) - del) / Math.sqrt(1 + tt * tt * 2 * s);
            return (lowerTail != negdel) ? Normal.cdf(z) : Normal.upper(z);
        }
        double x = t * t;
        x = x / (x + df);
        double tnc;
        if (x > 0) {
            double lambda = del * del;
            double p = 0.5 * Math.exp(-0.5 * lambda);
            double q = SQRT_2_OVER_PI * p * del;
            double s = 0.5 - p;
            if (s < 1e-7) {
                s = -0.5 * Math.expm1(-0.5 * lambda);
            }
            double a = 0.5;
            double b = 0.5 * df;
            double rxb = Math.pow(df / (t * t + df), b);
            double albeta = LN_SQRT_PI + Gamma.logGamma(b) - Gamma.logGamma(0.5 + b);
            double xodd = Beta.regularizedBeta(x, a, b);
            double godd = 2 * rxb * Math.exp(a * Math.log(x) - albeta);
            tnc = b * x;
            double xeven = tnc < Math.ulp(1.0) ? tnc : 1 - rxb;
            double geven = tnc * rxb;
            tnc = p * xodd + q * xeven;
            for (int it = 1; it <= ITRMAX; it++) {
                a += 1;
                xodd -= godd;
                xeven -= geven;
                godd *= x * (a + b - 1) / a;
                geven *= x * (a + b - 0.5) / (a + 0.5);
                p *= lambda / (2 * it);
                q *= lambda / (2 * it + 1);
                tnc += p * xodd + q * xeven;
                s -= p;
                if (s < -1e-10 || (s <= 0 && it > 1)) {
                    break;
                }
                double errbd = 2 * s * (xodd - godd);
                if (Math.abs(errbd) < ERRMAX) {
                    break;
                }
            }
        } else {
            tnc = 0;
        }
        tnc += Normal.cdf(-del);
        boolean lower = lowerTail != negdel;
        double v = Math.min(tnc, 1);
        return lower ? v : 1 - v;
    }
}
