package io.loyalty.experiment;

import java.util.function.DoubleUnaryOperator;

/**
 * Brent's root finder exactly as R's {@code uniroot} runs it ({@code R_zeroin2}, after Brent 1973), so that
 * planning answers solved by R to its default tolerance {@code .Machine$double.eps^0.25} agree to the printed
 * digit.
 */
final class Roots {
    static final double R_TOL = Math.pow(Math.ulp(1.0), 0.25);
    private static final double EPS = Math.ulp(1.0);

    private Roots() {
    }

    /**
     * R's {@code uniroot(f, c(lower, upper), extendInt = "upX")} for an increasing {@code f}: while
     * {@code f(upper) < 0} the upper end moves up by {@code 0.01 max(1e-4, |upper|)}, the step doubling each time
     * (at most 1000 times), then {@link #zeroin} runs on the extended interval. Only the upper end is extended
     * (the sample sizes solved here are bounded below).
     */
    static double zeroinUpX(DoubleUnaryOperator f, double lower, double upper, double tol) {
        double b = upper;
        double delta = 0.01 * Math.max(1e-4, Math.abs(b));
        for (int it = 0; it < 1000 && f.applyAsDouble(b) < 0; it++) {
            b += delta;
            delta *= 2;
        }
        return zeroin(f, lower, b, tol);
    }

    static double zeroin(DoubleUnaryOperator f, double ax, double bx, double tol) {
        double a = ax;
        double b = bx;
        double fa = f.applyAsDouble(a);
        double fb = f.applyAsDouble(b);
        if (!(fa * fb <= 0)) {
            throw new IllegalArgumentException(io.loyalty.internal.Checks.format(
                    "no solution in [%s, %s]: the target is not reachable with these inputs", ax, bx));
        }
        double c = a;
        double fc = fa;
        if (fa == 0) {
            return a;
        }
        if (fb == 0) {
            return b;
        }
        for (int iter = 0; iter <= 1000; iter++) {
            double prevStep = b - a;
            if (Math.abs(fc) < Math.abs(fb)) {
                a = b;
                b = c;
                c = a;
                fa = fb;
                fb = fc;
                fc = fa;
            }
            double tolAct = 2 * EPS * Math.abs(b) + tol / 2;
            double newStep = (c - b) / 2;
            if (Math.abs(newStep) <= tolAct || fb == 0) {
                return b;
            }
            if (Math.abs(prevStep) >= tolAct && Math.abs(fa) > Math.abs(fb)) {
                double p;
                double q;
                double cb = c - b;
                if (a == c) {
                    double t1 = fb / fa;
                    p = cb * t1;
                    q = 1.0 - t1;
                } else {
                    q = fa / fc;
                    double t1 = fb / fc;
                    double t2 = fb / fa;
                    p = t2 * (cb * q * (q - t1) - (b - a) * (t1 - 1.0));
                    q = (q - 1.0) * (t1 - 1.0) * (t2 - 1.0);
                }
                if (p > 0) {
                    q = -q;
                } else {
                    p = -p;
                }
                if (p < (0.75 * cb * q - Math.abs(tolAct * q) / 2) && p < Math.abs(prevStep * q / 2)) {
                    newStep = p / q;
                }
            }
            if (Math.abs(newStep) < tolAct) {
                newStep = newStep > 0 ? tolAct : -tolAct;
            }
            a = b;
            fa = fb;
            b += newStep;
            fb = f.applyAsDouble(b);
            if ((fb > 0 && fc > 0) || (fb < 0 && fc < 0)) {
                c = a;
                fc = fa;
            }
        }
        return b;
    }
}
