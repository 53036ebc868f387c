package io.loyalty.clv;

import io.loyalty.internal.Checks;
import org.apache.commons.math3.special.Beta;

/**
 * The hypergeometric part of the BG/NBD and MBG/NBD expectations, evaluated as the integral it comes from:
 *
 * <pre>
 * e(R, u, a, B) = E_{p ~ Beta(a, B)} [ (1 - (1 + p u)^-R) / p ]
 *               = (a+B-1)/(a-1) [1 - (1+u)^-R 2F1(R, B; a+B-1; u/(1+u))]
 * </pre>
 *
 * A customer who is alive buys at rate lambda and drops out after each purchase with probability p, so buys
 * {@code (1 - e^(-lambda p t)) / p} times in expectation over the next t; averaging over lambda ~ Gamma(R, 1)
 * scaled by {@code alpha + T} gives the bracket with {@code u = t / (alpha + T)}, and averaging over p gives e.
 * BG/NBD takes {@code R = r + x}, {@code B = b + x}; MBG/NBD {@code B = b + x + 1}.
 *
 * <p>Why the integral and not the closed form: the closed form divides by {@code a - 1} and by the pole of 2F1 at
 * {@code a + B - 1 = 0} (BG/NBD with a + b = 1 and x = 0), and its bracket is a difference of nearly equal numbers
 * for large R, large a or large u, so it loses every digit there (issue 15, items 3, 12, 13). The integrand is
 * positive, bounded by {@code R u} and smooth in every parameter, so the integral is continuous across a = 1 and
 * a + b = 1 and never cancels.
 *
 * <p>Algorithm: in the logit variable {@code s = ln(p / (1-p))} the integrand g(s) = h(p) p^a (1-p)^B / B(a, B),
 * h(p) = -expm1(-R log1p(p u)) / p, is smooth, analytic in the strip |Im s| &lt; pi, with exponential tails
 * (rate a on the left, B on the right; a plateau between them when a is near 1). Its mode is bracketed and
 * bisected on the sign of d ln g / ds, the
 * distances where ln g has fallen by 1 on either side give the scales, and each half-line is integrated by the
 * double-exponential rule {@code s = m +- w exp(tau - exp(-tau))} (trapezoids in tau, halving the step until two
 * levels agree to 1e-8, whereupon the newer level is good to about 1e-15), each sweep walking outward until
 * the terms vanish. Checked against mpmath at 60 digits on a, B in 1e-8..1e4, R in 1e-28..1e4 and u in
 * 1e-9..1e9: relative error below 5e-11 (the larger errors where a and B are both in the thousands and
 * ln B(a, B) itself carries 1e-12 of rounding), with a few hundred to a few thousand integrand evaluations.
 */
final class DropoutMixture {
    /**
     * Convergence of successive trapezoid levels: the double-exponential rule roughly squares its error from one
     * level to the next, so two levels 1e-8 apart leave the newer one near full precision (Boost's tanh-sinh
     * stops at the same sqrt(eps)).
     */
    private static final double LEVEL_TOLERANCE = 1e-8;
    /** Terms below this fraction of the running sum end a sweep outward. */
    private static final double TAIL = 1e-18;
    /** Levels of step halving: the sampled cases converge by level 6; past this the integrand is beyond reach. */
    private static final int MAX_LEVEL = 8;
    /** How far the mode and the scales are searched for, in the logit. */
    private static final double S_LIMIT = 1e6;
    /** Logit distances beyond this from the mode carry nothing (tails decay at rate a or B, at least 1e-13). */
    private static final double FAR = 1e15;
    /** Below this p u, h(p) is R u to within rounding. */
    private static final double TINY = 1e-200;
    /** Below this R ln(1 + p u), 1 - (1 + p u)^-R is taken from its series. */
    private static final double SMALL = 1e-8;

    private final double r;
    private final double u;
    private final double a;
    private final double b;
    private final double logU;

    private DropoutMixture(double r, double u, double a, double b) {
        this.r = r;
        this.u = u;
        this.a = a;
        this.b = b;
        this.logU = Math.log(u);
    }

    /**
     * e(R, u, a, B) for positive finite R, a, B and finite u &gt;= 0; 0 at u = 0.
     *
     * @throws IllegalArgumentException if the value overflows (u near the largest double with a &lt;= 1) or the
     *     quadrature does not converge (parameters far outside any fitted model's range)
     */
    static double value(double r, double u, double a, double b) {
        if (u == 0) {
            return 0;
        }
        if (!(u < Double.POSITIVE_INFINITY)) {
            throw new IllegalArgumentException(Checks.format(
                    "the horizon over alpha + T overflows (t / (alpha + T) = %s): give a shorter t", u));
        }
        double v = new DropoutMixture(r, u, a, b).integrate();
        if (!(v >= 0 && v < Double.POSITIVE_INFINITY)) {
            throw new IllegalArgumentException(Checks.format("the expected purchases overflow a double or cannot be "
                    + "evaluated in double precision at t / (alpha + T) = %s (r + x = %s, a = %s, b-shape = %s)", u, r,
                    a, b));
        }
        return v;
    }

    /** ln p for the logit s, without underflow of p itself. */
    private static double logP(double s) {
        return s < 0 ? s - Math.log1p(Math.exp(s)) : -Math.log1p(Math.exp(-s));
    }

    /** ln g(s) + ln B(a, B): the log integrand in the logit variable, up to the normalising constant. */
    private double logG(double s) {
        double lp = logP(s);
        double lq = logP(-s);
        return logH(lp) + a * lp + b * lq;
    }

    /** ln h(p) = ln(-expm1(-R log1p(p u)) / p). */
    private double logH(double lp) {
        double q = Math.exp(lp + logU);
        if (q < TINY) {
            // h = R u (1 - (R+1) q / 2 + ...), and q / 2 is below the rounding of R u.
            return Math.log(r) + logU;
        }
        double log1pQ = Math.log1p(q);
        double l = r * log1pQ;
        if (l < SMALL) {
            // -expm1(-l) = l (1 - l/2 + ...); l itself may underflow (tiny R), so take its logarithm in parts.
            return Math.log(r) + Math.log(log1pQ) + Math.log1p(-l / 2) - lp;
        }
        return Math.log(-Math.expm1(-l)) - lp;
    }

    /** d ln g / ds; only its sign and rough size matter (it locates the mode). */
    private double slope(double s) {
        double lp = logP(s);
        double p = Math.exp(lp);
        double one = Math.exp(logP(-s));
        double q = Math.exp(lp + logU);
        double dlogH;
        if (q < TINY) {
            dlogH = -(r + 1) * q / 2;
        } else {
            // d ln h / d ln p = R q (1+q)^(-R-1) / (1 - (1+q)^-R) - 1
            double log1pQ = Math.log1p(q);
            double l = r * log1pQ;
            double rOverOneMinus = l < SMALL ? 1 / (log1pQ * (1 - l / 2)) : r / -Math.expm1(-l);
            dlogH = q / (1 + q) * Math.exp(-l) * rOverOneMinus - 1;
        }
        return (dlogH + a) * one - b * p;
    }

    private double integrate() {
        double m = mode();
        double peak = logG(m);
        double left = halfWidth(m, -1, peak);
        double right = halfWidth(m, 1, peak);
        double sum = half(m, -left, peak) + half(m, right, peak);
        return sum * Math.exp(peak - Beta.logBeta(a, b));
    }

    /** The mode of ln g: bracketed by doubling, then bisected on the sign of the slope. */
    private double mode() {
        double lo = -1;
        while (slope(lo) < 0 && lo > -S_LIMIT) {
            lo *= 2;
        }
        double hi = 1;
        while (slope(hi) > 0 && hi < S_LIMIT) {
            hi *= 2;
        }
        for (int i = 0; i < 200 && hi - lo > 0.01 * Math.max(1, Math.abs(lo + hi) / 2); i++) {
            double mid = 0.5 * (lo + hi);
            if (slope(mid) > 0) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        return 0.5 * (lo + hi);
    }

    /** How far from the mode, on one side, ln g has fallen by 1 (to within a factor 1.1). */
    private double halfWidth(double m, int side, double peak) {
        double d = 1;
        while (logG(m + side * d) > peak - 1 && d < S_LIMIT) {
            d *= 2;
        }
        double lo = d / 2;
        double hi = d;
        for (int i = 0; i < 4; i++) {
            double mid = 0.5 * (lo + hi);
            if (logG(m + side * mid) > peak - 1) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        return hi;
    }

    /**
     * The integral of g / exp(peak) over the half-line from m in the direction and scale of {@code w}, by the
     * double-exponential map s = m + w exp(tau - exp(-tau)).
     */
    private double half(double m, double w, double peak) {
        double h = 0.5;
        double sum = sweep(m, w, peak, h, 0);
        double estimate = sum * h;
        for (int level = 1; level <= MAX_LEVEL; level++) {
            sum += sweep(m, w, peak, h, h / 2);
            h /= 2;
            double next = sum * h;
            if (Math.abs(next - estimate) <= LEVEL_TOLERANCE * next) {
                return next;
            }
            estimate = next;
        }
        return Double.NaN;
    }

    /** The trapezoid nodes tau = offset + j step (both signs), walking outward until the terms vanish. */
    private double sweep(double m, double w, double peak, double step, double offset) {
        double total = 0;
        for (int sign = 1; sign >= -1; sign -= 2) {
            for (int j = 0; ; j++) {
                double t = offset + j * step;
                if (sign < 0 && t == 0) {
                    continue;
                }
                double v = node(m, w, peak, sign * t);
                total += v;
                if (t > 40 || t > 3 && v < TAIL * total) {
                    break;
                }
            }
        }
        return total;
    }

    private double node(double m, double w, double peak, double tau) {
        double e = Math.exp(-tau);
        double x = Math.exp(tau - e);
        if (x == 0 || x * Math.abs(w) > FAR) {
            return 0;
        }
        return Math.exp(logG(m + w * x) - peak) * Math.abs(w) * (1 + e) * x;
    }
}
