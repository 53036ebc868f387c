package io.loyalty.internal;

import org.apache.commons.math3.special.Gamma;

/**
 * The Gauss hypergeometric function {@code 2F1(a, b; c; z)} for real parameters and real {@code z < 1}
 * (commons-math3 has none; the buy-till-you-die models need it, as lifetimes calls SciPy's {@code hyp2f1}).
 * Not API.
 *
 * <pre>
 * 2F1(a, b; c; z) = sum_{n >= 0} (a)_n (b)_n / (c)_n  z^n / n!
 * </pre>
 *
 * <p>Algorithm:
 * <ul>
 *   <li>{@code a} or {@code b} a non-positive integer: the series is a polynomial, summed for any {@code z <= 1}.
 *   <li>{@code 0 <= z <= 0.9}, or {@code z <= 0.999} when a, b, c are all positive (positive terms, no
 *       cancellation): the power series, summed until a term no longer changes the sum (relative
 *       {@code 1e-17}) once the term ratio has settled below one. Partial sums are rescaled when they grow past
 *       {@code 1e250}, so {@link #logValue} stays finite where the value itself overflows (large {@code a},
 *       {@code b} with {@code z} near 1).
 *   <li>{@code 0.9 < z < 1} otherwise: the linear transformation to {@code 1 - z} (A&amp;S 15.3.6) when
 *       {@code c - a - b} is at least {@code 1e-3} away from an integer; for an integer {@code c - a - b} the
 *       logarithmic forms (A&amp;S 15.3.10, 15.3.11, and 15.3.12 through Euler's transformation); when
 *       {@code c - a - b} is within {@code 1e-3} of an integer but not one, the power series itself (exact) up
 *       to {@code z = 0.99}, beyond that quartic interpolation in {@code c} between the integer case and four
 *       nodes {@code 2e-3} apart (relative error about {@code 1e-11}).
 *   <li>{@code z < 0}: Pfaff's transformation {@code 2F1(a, b; c; z) = (1-z)^-a 2F1(a, c-b; c; z/(z-1))}, which
 *       maps {@code z} into {@code [0, 1)}.
 *   <li>{@code z = 1}: Gauss's theorem when {@code c - a - b > 0}, otherwise infinite.
 * </ul>
 *
 * <p>Edge cases: {@code z > 1} (the branch cut) and {@code c} a non-positive integer (a pole, unless the series
 * terminates first) give NaN; NaN arguments give NaN; so does a series estimated to need more than 1,000,000 terms
 * or not converged after {@value #MAX_TERMS} (callers turn a NaN into an argument error naming their
 * parameters).
 *
 * <p>References: M. Abramowitz and I. A. Stegun, Handbook of Mathematical Functions (1964), chapter 15;
 * NIST DLMF 15.8 (https://dlmf.nist.gov/15.8).
 *
 * @since 0.1
 */
public final class Hypergeometric2F1 {
    /** Series longer than this throw: at z = 0.9999 about 400,000 terms reach full precision. */
    static final int MAX_TERMS = 2_000_000;
    private static final double SERIES_LIMIT = 0.9;
    /**
     * With a, b, c &gt; 0 every term of the series is positive, so it is exact to rounding wherever it converges;
     * the transformations to 1 - z subtract large terms (Pareto/NBD with s in the hundreds gave a negative
     * 2F1 at z = 0.91 and z = 0.99, issue 15's grid sweep). Up to this z the series costs some tens of thousands
     * of terms at most; beyond it a transformed value that is not positive and finite is replaced by the series.
     */
    private static final double POSITIVE_SERIES_LIMIT = 0.999;
    /** A series whose terms grow for more than this many steps is taken through Pfaff when that converges fast. */
    private static final double SLOW = 1000;
    /** The most terms (estimated) a series may take before it is given up as NaN. */
    private static final double FALLBACK_TERMS = 1_000_000;
    private static final double EPS = 1e-17;
    private static final double RESCALE = 1e250;
    private static final double LOG_RESCALE = Math.log(RESCALE);
    private static final double NEAR_INTEGER = 1e-3;
    /** From this argument on, Gamma ratios are taken from Stirling's series (8 terms reach 1e-17 there). */
    static final double STIRLING_FROM = 10;

    private Hypergeometric2F1() {
    }

    /**
     * {@code 2F1(a, b; c; z)}; may overflow to an infinity where {@link #logValue} is still finite.
     *
     * @param a the first numerator parameter
     * @param b the second numerator parameter
     * @param c the denominator parameter
     * @param z the argument, at most 1
     * @return the value, NaN outside the domain
     */
    public static double value(double a, double b, double c, double z) {
        double[] r = eval(a, b, c, z);
        return r[1] * Math.exp(r[0]);
    }

    /**
     * The natural logarithm of {@code 2F1(a, b; c; z)}, NaN when the value is not positive.
     *
     * @param a the first numerator parameter
     * @param b the second numerator parameter
     * @param c the denominator parameter
     * @param z the argument, at most 1
     * @return {@code ln 2F1(a, b; c; z)}
     */
    public static double logValue(double a, double b, double c, double z) {
        double[] r = eval(a, b, c, z);
        return r[1] > 0 ? r[0] : Double.NaN;
    }

    /**
     * {@code {ln |F|, sign F}}; sign 0 means F = 0, NaN means undefined.
     */
    static double[] eval(double a, double b, double c, double z) {
        if (Double.isNaN(a) || Double.isNaN(b) || Double.isNaN(c) || Double.isNaN(z) || z > 1
                || Double.isInfinite(a) || Double.isInfinite(b) || Double.isInfinite(c)
                || z == Double.NEGATIVE_INFINITY) {
            return nan();
        }
        if (z == 0 || a == 0 || b == 0) {
            return new double[] {0, 1};
        }
        boolean polyA = isNonPositiveInteger(a);
        boolean polyB = isNonPositiveInteger(b);
        if (polyA || polyB) {
            double degree = polyA && polyB ? Math.max(a, b) : polyA ? a : b;
            if (isNonPositiveInteger(c) && c > degree) {
                return nan();
            }
            return series(a, b, c, z, (int) -degree);
        }
        if (isNonPositiveInteger(c)) {
            return nan();
        }
        if (z < 0) {
            // Pfaff: (1-z)^-a F(a, c-b; c; z/(z-1)); w in (0, 1).
            double w = z / (z - 1);
            double[] f = eval(a, c - b, c, w);
            return new double[] {f[0] - a * Math.log1p(-z), f[1]};
        }
        if (z == 1) {
            double s = c - a - b;
            if (s > 0) {
                return gammaRatio(new double[] {c, s}, new double[] {c - a, c - b});
            }
            return new double[] {Double.POSITIVE_INFINITY, 1};
        }
        if (z < 0.5 && a > 0 && b > 0 && c > 0 && a * b * z > c * SLOW) {
            // The terms grow for about a b z / c of them. Pfaff, F = (1-z)^-b F(c-a, b; c; z/(z-1)) (or a and b
            // exchanged), gives a series in |w| < 1 whose terms shrink from the start when c - a is small
            // (Pareto/NBD's F(a, k; a+1; z) with a = r + s + x in the millions).
            double w = z / (z - 1);
            if (Math.abs(c - a) * b * -w < c && b * -w < c) {
                double[] f = series(c - a, b, c, w, -1);
                return new double[] {f[0] - b * Math.log1p(-z), f[1]};
            }
            if (Math.abs(c - b) * a * -w < c && a * -w < c) {
                double[] f = series(c - b, a, c, w, -1);
                return new double[] {f[0] - a * Math.log1p(-z), f[1]};
            }
        }
        if (z <= SERIES_LIMIT || a > 0 && b > 0 && c > 0 && z <= POSITIVE_SERIES_LIMIT) {
            // The terms grow for about |a b z / c| of them, then shrink like z^n: past the budget, NaN at once
            // rather than millions of terms.
            return (Math.abs(a * b * z / c) + 40) / (1 - z) < FALLBACK_TERMS ? series(a, b, c, z, -1) : nan();
        }
        double[] f = nearOne(a, b, c, z);
        if (a > 0 && b > 0 && c > 0 && !(f[1] > 0 && f[0] < Double.POSITIVE_INFINITY)
                && (a * b * z / c + 40) / (1 - z) < FALLBACK_TERMS) {
            // F is positive here; a transformation that lost it to cancellation yields to the exact series when
            // that converges in a modest number of terms (otherwise NaN, which callers report).
            return series(a, b, c, z, -1);
        }
        return f;
    }

    /** 0.9 &lt; z &lt; 1: the transformations to 1 - z. */
    private static double[] nearOne(double a, double b, double c, double z) {
        double s = c - a - b;
        double m = Math.rint(s);
        if (s == m && Math.abs(m) < 1e9) {
            return integerCase(a, b, c, z, (int) m);
        }
        if (Math.abs(s - m) < NEAR_INTEGER && Math.abs(m) < 1e9) {
            return z <= 0.99 ? series(a, b, c, z, -1) : nearInteger(a, b, c, z, m);
        }
        return oneMinusZ(a, b, c, z);
    }

    /**
     * c - a - b within 1e-3 of the integer m (but not m), z &gt; 0.99: A&amp;S 15.3.6 loses about
     * log10(1/distance) digits to cancellation, so interpolate in c instead, through the five nodes
     * c_k = a + b + m + k h (k = -2..2, h = 2e-3): the middle node by the logarithmic formula, the others by 15.3.6
     * with at least 2e-3 between c - a - b and an integer.
     */
    private static double[] nearInteger(double a, double b, double c, double z, double m) {
        double h = 2 * NEAR_INTEGER;
        double base = a + b + m;
        double[] logs = new double[5];
        double[] signs = new double[5];
        double ref = Double.NEGATIVE_INFINITY;
        for (int k = -2; k <= 2; k++) {
            double ck = base + k * h;
            double[] f = k == 0 ? integerCase(a, b, ck, z, (int) m) : oneMinusZ(a, b, ck, z);
            logs[k + 2] = f[0];
            signs[k + 2] = f[1];
            ref = Math.max(ref, f[0]);
        }
        double u = (c - base) / h;
        double sum = 0;
        for (int i = 0; i < 5; i++) {
            double weight = 1;
            for (int j = 0; j < 5; j++) {
                if (j != i) {
                    weight *= (u - (j - 2)) / (i - j);
                }
            }
            sum += weight * signs[i] * Math.exp(logs[i] - ref);
        }
        if (sum == 0) {
            return new double[] {Double.NEGATIVE_INFINITY, 0};
        }
        return new double[] {ref + Math.log(Math.abs(sum)), Math.signum(sum)};
    }

    /**
     * A&amp;S 15.3.6. The Gamma arguments c - a, c - b and c - a - b are rounded differences; with psi(x) near
     * ln x a rounding of 1e-13 (parameters in the hundreds) would cost that much in the value, so the roundings
     * (Knuth's two-sum) enter the Gamma terms and w^s to first order.
     */
    private static double[] oneMinusZ(double a, double b, double c, double z) {
        double ca = c - a;
        double cb = c - b;
        double s = ca - b;
        double eCa = roundingOfSum(c, -a, ca);
        double eCb = roundingOfSum(c, -b, cb);
        double eS = eCa + roundingOfSum(ca, -b, s);
        double w = 1 - z;
        double logW = Math.log(w);
        double[] g1 = gammaRatio(new double[] {c, s}, new double[] {ca, cb});
        g1[0] += firstOrder(s, eS) - firstOrder(ca, eCa) - firstOrder(cb, eCb);
        double[] f1 = series(a, b, 1 - s, w, -1);
        double[] g2 = gammaRatio(new double[] {c, -s}, new double[] {a, b});
        g2[0] += firstOrder(-s, -eS);
        double[] f2 = series(ca, cb, 1 + s, w, -1);
        double[] t1 = {g1[0] + f1[0], g1[1] * f1[1]};
        double[] t2 = {g2[0] + f2[0] + s * logW + eS * logW, g2[1] * f2[1]};
        return add(t1, t2);
    }

    /** The rounding error of {@code sum = x + y} (Knuth's two-sum): x + y = sum + error exactly. */
    private static double roundingOfSum(double x, double y, double sum) {
        double yVirtual = sum - x;
        return (x - (sum - yVirtual)) + (y - yVirtual);
    }

    /** ln |Gamma(x + e)| - ln |Gamma(x)| to first order, 0 when e is 0. */
    private static double firstOrder(double x, double e) {
        return e == 0 ? 0 : SpecialFunctions.digamma(x) * e;
    }

    /** c - a - b = m, an integer: A&amp;S 15.3.10 (m = 0), 15.3.11 (m > 0), Euler + 15.3.11 (m < 0). */
    private static double[] integerCase(double a, double b, double c, double z, int m) {
        if (m < 0) {
            // Euler: F(a,b;c;z) = (1-z)^(c-a-b) F(c-a, c-b; c; z), and (c) - (c-a) - (c-b) = -m > 0.
            double[] f = integerCase(c - a, c - b, c, z, -m);
            return new double[] {f[0] + m * Math.log1p(-z), f[1]};
        }
        if (isNonPositiveInteger(a + m) || isNonPositiveInteger(b + m) || isNonPositiveInteger(a)
                || isNonPositiveInteger(b)) {
            // Degenerate Gamma poles: the plain series still converges for z < 1.
            return series(a, b, c, z, -1);
        }
        double w = 1 - z;
        double logW = Math.log(w);
        double[] result = {Double.NEGATIVE_INFINITY, 0};
        if (m > 0) {
            // Finite part: Gamma(m) Gamma(a+b+m) / (Gamma(a+m) Gamma(b+m)) sum_{n<m} (a)_n (b)_n / (n! (1-m)_n) w^n
            double[] g = gammaRatio(new double[] {m, a + b + m}, new double[] {a + m, b + m});
            double term = 1;
            double sum = 1;
            for (int n = 0; n < m - 1; n++) {
                term *= (a + n) * (b + n) / ((n + 1) * (1 - m + n)) * w;
                sum += term;
            }
            result = add(result, new double[] {g[0] + Math.log(Math.abs(sum)), g[1] * Math.signum(sum)});
        }
        // Logarithmic part: -(z-1)^m Gamma(a+b+m)/(Gamma(a)Gamma(b)) sum_n (a+m)_n (b+m)_n / (n! (n+m)!) w^n
        //   * [ln w - psi(n+1) - psi(n+m+1) + psi(a+n+m) + psi(b+n+m)]
        double[] g = gammaRatio(new double[] {a + b + m}, new double[] {a, b});
        double logFactM = Gamma.logGamma(m + 1.0);
        double psi1 = SpecialFunctions.digamma(1);
        double psiM = SpecialFunctions.digamma(m + 1.0);
        double psiA = SpecialFunctions.digamma(a + m);
        double psiB = SpecialFunctions.digamma(b + m);
        double coef = 1;
        double sum = 0;
        double shift = 0;
        for (int n = 0; ; n++) {
            double t = coef * (logW - psi1 - psiM + psiA + psiB);
            sum += t;
            if (n > 2 && Math.abs(t) <= EPS * Math.abs(sum) && Math.abs(coef) <= EPS * Math.abs(sum)) {
                break;
            }
            if (n > MAX_TERMS) {
                return nan();
            }
            coef *= (a + m + n) * (b + m + n) / ((n + 1.0) * (n + m + 1.0)) * w;
            psi1 += 1.0 / (n + 1);
            psiM += 1.0 / (n + m + 1);
            psiA += 1.0 / (a + m + n);
            psiB += 1.0 / (b + m + n);
            if (Math.abs(sum) > RESCALE) {
                sum /= RESCALE;
                coef /= RESCALE;
                shift += LOG_RESCALE;
            }
        }
        // sign of -(z-1)^m = -(-1)^m w^m
        double sign = -((m & 1) == 0 ? 1 : -1) * g[1] * Math.signum(sum);
        double logPart = g[0] + shift + Math.log(Math.abs(sum)) + m * logW - logFactM;
        return add(result, new double[] {logPart, sign});
    }

    /**
     * The power series, rescaled against overflow; {@code terms >= 0} sums exactly terms + 1 terms
     * (a terminating series). Returns {ln |sum|, sign}.
     */
    static double[] series(double a, double b, double c, double z, int terms) {
        double term = 1;
        double sum = 1;
        double shift = 0;
        double tail = Math.max(Math.max(Math.abs(a), Math.abs(b)), Math.abs(c)) + 2;
        double comp = 0;
        for (int n = 0; ; n++) {
            if (terms >= 0 && n >= terms) {
                break;
            }
            double ratio = (a + n) * (b + n) / ((c + n) * (n + 1.0)) * z;
            term *= ratio;
            // Kahan summation: long near-1 series add hundreds of thousands of terms.
            double y = term - comp;
            double t = sum + y;
            comp = (t - sum) - y;
            sum = t;
            if (terms < 0 && Math.abs(term) <= EPS * Math.abs(sum) && tailSmall(a, b, c, z, n + 1, ratio, term, sum,
                    tail)) {
                break;
            }
            if (n > MAX_TERMS) {
                return nan();
            }
            if (Math.abs(sum) > RESCALE || Math.abs(term) > RESCALE) {
                sum /= RESCALE;
                term /= RESCALE;
                comp /= RESCALE;
                shift += LOG_RESCALE;
            }
        }
        if (sum == 0) {
            return new double[] {Double.NEGATIVE_INFINITY, 0};
        }
        return new double[] {Math.log(Math.abs(sum)) + shift, Math.signum(sum)};
    }

    /**
     * Whether the terms after term {@code n} add less than EPS relative. Rigorous bound when every later factor
     * is positive and c &gt;= 0: the term ratio at m is z (1 + ((a+b-c-1) m + ab - c) / ((c+m)(m+1))) &lt;=
     * z (1 + P/m + Q/m^2) with P, Q the positive parts of those coefficients, decreasing in m; for c &lt; 0, once
     * m + c &gt; 0, at most z (1 + (P m + Q)/(m+c)^2), also decreasing. Otherwise wait until n is past every
     * parameter, where the ratio has settled, and use the current ratio.
     */
    private static boolean tailSmall(double a, double b, double c, double z, int n, double ratio, double term,
            double sum, double tail) {
        double rho;
        if (z >= 0 && c >= 0 && a + n > 0 && b + n > 0) {
            double p = Math.max(0, a + b - c - 1);
            double q = Math.max(0, a * b - c);
            double m = n + 1.0;
            rho = z * (1 + p / m + q / (m * m));
        } else if (z >= 0 && a + n > 0 && b + n > 0 && c + n > 0) {
            // c < 0 need not wait until n is past |a| (a = r+s+x in the millions made a Pareto/NBD likelihood
            // take seconds per evaluation): with m + c > 0, (c+m)(m+1) >= (m+c)^2.
            double p = Math.max(0, a + b - c - 1);
            double q = Math.max(0, a * b - c);
            double m = n + 1.0;
            double d = m + c;
            rho = z * (1 + (p * m + q) / (d * d));
        } else if (n > tail) {
            rho = Math.max(Math.abs(ratio), Math.abs(z));
        } else {
            return false;
        }
        return rho < 1 && Math.abs(term) * rho <= EPS * Math.abs(sum) * (1 - rho);
    }

    /**
     * {ln |prod Gamma(num) / prod Gamma(den)|, sign}; a pole in the denominator gives zero. Each numerator of at
     * least {@value #STIRLING_FROM} is paired with the nearest unused denominator of at least that size and their
     * ratio taken by {@link #logGammaRatio}: two logarithms of Gammas in the thousands would each carry an
     * absolute rounding of some 1e-13, which the connection formulas would keep as relative error.
     */
    static double[] gammaRatio(double[] num, double[] den) {
        double log = 0;
        double sign = 1;
        boolean[] used = new boolean[den.length];
        for (double x : den) {
            if (isNonPositiveInteger(x)) {
                return new double[] {Double.NEGATIVE_INFINITY, 0};
            }
        }
        for (double x : num) {
            if (isNonPositiveInteger(x)) {
                return nan();
            }
            int pair = -1;
            if (x >= STIRLING_FROM) {
                for (int j = 0; j < den.length; j++) {
                    if (!used[j] && den[j] >= STIRLING_FROM
                            && (pair < 0 || Math.abs(den[j] - x) < Math.abs(den[pair] - x))) {
                        pair = j;
                    }
                }
            }
            if (pair >= 0) {
                used[pair] = true;
                log += logGammaRatio(x, den[pair]);
            } else {
                log += SpecialFunctions.logAbsGamma(x);
                sign *= SpecialFunctions.signGamma(x);
            }
        }
        for (int j = 0; j < den.length; j++) {
            if (!used[j]) {
                log -= SpecialFunctions.logAbsGamma(den[j]);
                sign *= SpecialFunctions.signGamma(den[j]);
            }
        }
        return new double[] {log, sign};
    }

    /**
     * {@code ln(Gamma(x) / Gamma(y))} for x, y &gt; 0; where both are at least {@value #STIRLING_FROM}, from
     * Stirling's series differenced term by term
     * ({@code (y - 1/2) ln(1 + d/y) + d ln x - d} plus the difference of the series' tails, d = x - y), so that
     * the ratio of two large Gammas keeps its relative accuracy.
     *
     * @param x the numerator's argument
     * @param y the denominator's argument
     * @return {@code ln Gamma(x) - ln Gamma(y)}
     */
    public static double logGammaRatio(double x, double y) {
        if (!(x >= STIRLING_FROM && y >= STIRLING_FROM)) {
            return Gamma.logGamma(x) - Gamma.logGamma(y);
        }
        double d = x - y;
        return (y - 0.5) * Math.log1p(d / y) + d * Math.log(x) - d + stirlingTail(x) - stirlingTail(y);
    }

    /** ln Gamma(x) - ((x - 1/2) ln x - x + ln(2 pi)/2) for x &gt;= 10: Stirling's series, to below 1e-17. */
    private static double stirlingTail(double x) {
        double inv = 1 / x;
        double inv2 = inv * inv;
        return inv * (1.0 / 12 - inv2 * (1.0 / 360 - inv2 * (1.0 / 1260 - inv2 * (1.0 / 1680 - inv2 * (1.0 / 1188
                - inv2 * (691.0 / 360360 - inv2 * (1.0 / 156 - inv2 * 3617.0 / 122400)))))));
    }

    private static double[] add(double[] p, double[] q) {
        if (p[1] == 0) {
            return q;
        }
        if (q[1] == 0) {
            return p;
        }
        double hi = Math.max(p[0], q[0]);
        double v = p[1] * Math.exp(p[0] - hi) + q[1] * Math.exp(q[0] - hi);
        if (v == 0) {
            return new double[] {Double.NEGATIVE_INFINITY, 0};
        }
        return new double[] {hi + Math.log(Math.abs(v)), Math.signum(v)};
    }

    private static boolean isNonPositiveInteger(double x) {
        return x <= 0 && x == Math.rint(x);
    }

    private static double[] nan() {
        return new double[] {Double.NaN, Double.NaN};
    }
}
