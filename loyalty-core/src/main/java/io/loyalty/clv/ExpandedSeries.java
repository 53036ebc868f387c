package io.loyalty.clv;

import java.util.Arrays;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * {@code G(z) = (1-z)^E 2F1(A, B; C; z)} for {@code 1/128 <= z < }{@value #LIMIT} from its Taylor series around
 * the nearest of the fixed points {@code z0 = j/64}: with {@code |z - z0| <= 1/128} against a radius of convergence
 * {@code 1 - z0 >= 0.047}, some ten to twenty-four terms reach full precision where the power series of 2F1 around
 * 0 needs up to a thousand, and the power {@code (1-z)^E}, a logarithm and an exponential per customer, is folded
 * into the coefficients (the expectation's cost, issue 17). Past {@code BetaGeoFamily.SAFE_SERIES} the power
 * series' terms may be large against its value, so F and F' there carry its rounding: such a point is kept only
 * where that rounding leaves the closed form's bracket {@code 1 - G} its four digits over the whole interval.
 *
 * <p>The coefficients {@code d_k} around z0 come from {@code d_0 = F(z0)}, {@code d_1 = F'(z0)} (both summed from
 * the one power series of {@link SharedSeries}, so that one customer's call builds a single series, as before the
 * expansions) and the three-term recurrence that the hypergeometric equation
 * {@code z(1-z)F'' + [C - (A+B+1)z]F' - AB F = 0} gives in {@code h = z - z0}:
 * <pre>
 * z0(1-z0) (n+1)(n+2) d_{n+2} = (n+A)(n+B) d_n - ((1-2 z0) n + C - (A+B+1) z0) (n+1) d_{n+1}
 * </pre>
 * The recurrence's other solution, {@code z^(1-C)} times a series, is singular at z = 0: the rounding of d_0, d_1
 * and of each step excites it, and summed at h it is amplified by up to {@code (1 - |h|/z0)^-(C-1)} for C &gt; 1.
 * A point is used only where that factor is at most 2 ({@code C - 1 <= ln 2 (2j - 1)}, since |h|/z0 &lt;= 1/(2j));
 * nearer zero, for large C (many purchases), the power series around 0 is short anyway.
 * G's coefficients are the Cauchy product of the d_k with the binomial series {@code (1-z0)^E (1 - h/(1-z0))^E},
 * whose factor {@code (1-z0)^E} is {@code StrictMath.pow}: the same bits on every JVM and in every compilation.
 *
 * <p>The grid is fixed and each point's coefficients depend only on A, B, C and j, built the same way whether one
 * customer is predicted or a million share them: a customer's value does not depend on the others (issue 15). A
 * point whose series would need more than {@value #MAX_TERMS} terms, or whose sum may come near zero, has no
 * coefficients, and the caller takes the power series around 0.
 */
final class ExpandedSeries {
    /** Points per unit of z: z0 = j / POINTS. */
    static final int POINTS = 64;
    /** The last point, 61/64 = 0.953125: up to LIMIT = 0.9609, past the closed form's own limit of 0.95. */
    static final int LAST = 61;
    /** Up to here (half a step past the last point), and from half a step before the first, the expansion applies. */
    static final double LIMIT = (LAST + 0.5) / POINTS;
    /** The largest |z - z0|: the coefficients are truncated for it. */
    private static final double HALF = 0.5 / POINTS;
    /** A term below this fraction of the smallest |F| over the interval (with its tail) ends the series. */
    private static final double EPS = 1e-17;
    /** The shortest coefficient array: shorter ones are padded with zeros on top (most points need 10 to 16). */
    static final int SHORT = 16;
    /** More terms are not kept: the point then has no coefficients. */
    private static final int MAX_TERMS = 64;
    /** ln 2: the largest growth allowed to the recurrence's other solution is a factor e^LN2 = 2. */
    private static final double LN2 = 0.6931471805599453;
    /** Marks a point without coefficients in the cache. */
    private static final double[] NONE = new double[0];

    private final double a;
    private final double b;
    private final double c;
    private final double e;
    /**
     * F's power series, built once up to {@code BetaGeoFamily.SAFE_SERIES} (or null), for the points below; the
     * few points beyond, which few customers reach, build their own (the same values: see {@link SharedSeries}).
     */
    private final SharedSeries f;
    /** Coefficients per point, built on first use by whichever thread gets there (all build the same). */
    private final AtomicReferenceArray<double[]> cache = new AtomicReferenceArray<>(LAST + 1);

    /** The expansions of (1-z)^e 2F1(a, b; c; z) for every point, built as customers need them. */
    ExpandedSeries(double e, double a, double b, double c) {
        this.e = e;
        this.a = a;
        this.b = b;
        this.c = c;
        this.f = SharedSeries.upTo(a, b, c, BetaGeoFamily.SAFE_SERIES);
    }

    /** F's power series up to {@code BetaGeoFamily.SAFE_SERIES}, or null where it would need too many terms. */
    SharedSeries series() {
        return f;
    }

    /** The nearest point's index for z: 1 to {@link #LAST} where the expansion applies, else outside that range. */
    static int point(double z) {
        return (int) Math.rint(z * POINTS);
    }

    /** The coefficients around point j (1 &lt;= j &lt;= LAST), or null where the point has none. */
    double[] coefficients(int j) {
        double[] d = cache.get(j);
        if (d == null) {
            d = around(j, e, a, b, c, f);
            cache.set(j, d == null ? NONE : d);
        }
        return d == NONE ? null : d;
    }

    /**
     * The coefficients around point j of (1-z)^e 2F1(a, b; c; z), with F and F' from the given series where it
     * converges at z0 (the same values as a series built for z0 itself) and from a series built for z0 otherwise;
     * null where they are not available.
     */
    static double[] around(int j, double e, double a, double b, double c, SharedSeries f) {
        if (!(c - 1 <= LN2 * (2 * j - 1))) {
            return null;
        }
        double z0 = (double) j / POINTS;
        // Beyond SAFE_SERIES the power series' terms may be large against its value: their absolute sum at the
        // interval's end bounds the rounding of d_0 and d_1, so the series must converge there.
        boolean unsafe = z0 + HALF > BetaGeoFamily.SAFE_SERIES;
        double top = unsafe ? z0 + HALF : z0;
        SharedSeries series = f != null && !Double.isNaN(f.value(top)) ? f : SharedSeries.upTo(a, b, c, top);
        if (series == null) {
            return null;
        }
        double d0 = series.value(z0);
        double d1 = series.derivative(z0);
        if (!(Math.abs(d0) < Double.POSITIVE_INFINITY && Math.abs(d1) < Double.POSITIVE_INFINITY)) {
            return null;
        }
        double p = z0 * (1 - z0);
        double q = 1 - 2 * z0;
        double s = c - (a + b + 1) * z0;
        double[] d = new double[MAX_TERMS];
        double[] binomial = new double[MAX_TERMS];
        double[] g = new double[MAX_TERMS];
        d[0] = d0;
        d[1] = d1;
        binomial[0] = StrictMath.pow(1 - z0, e);
        double g0 = binomial[0] * d0;
        g[0] = g0;
        double power = 1;
        double previous = Math.abs(g0);
        double absolute = 0;
        for (int k = 1; k < MAX_TERMS; k++) {
            if (k >= 2) {
                int n = k - 2;
                d[k] = ((n + a) * (n + b) * d[n] - (q * n + s) * (n + 1) * d[n + 1]) / (p * (n + 1) * (n + 2));
            }
            binomial[k] = binomial[k - 1] * ((k - 1 - e) / (k * (1 - z0)));
            double sum = 0;
            for (int i = 0; i <= k; i++) {
                sum += d[i] * binomial[k - i];
            }
            g[k] = sum;
            power *= HALF;
            double term = Math.abs(sum) * power;
            if (!(term < Double.POSITIVE_INFINITY)) {
                return null;
            }
            absolute += term;
            // |G| over the interval is at least |g0| minus every other term; the tail after a term that is at
            // most half the one before is at most that term again (the ratios decrease towards |h|/(1-z0)).
            double smallest = Math.abs(g0) - absolute;
            if (k >= 2 && smallest > 0.5 * Math.abs(g0) && term <= 0.5 * previous && 2 * term <= EPS * smallest
                    && previous <= EPS * smallest) {
                if (unsafe && !(Math.max(binomial[0], StrictMath.pow(1 - top, e)) * series.absoluteSum(top)
                        <= BetaGeoFamily.DIGITS_LOST * (Math.abs(1 - g0) - 2 * absolute))) {
                    // The closed form's bracket 1 - G, at least |1 - g0| minus twice every other term over the
                    // interval, could lose more digits than its test allows to the series' rounding (the test the
                    // power series makes per customer beyond SAFE_SERIES, here once for the whole interval).
                    return null;
                }
                // An even length (a zero on top) for the two chains of value(), at least SHORT (zeros on top).
                return Arrays.copyOf(g, Math.max(SHORT, (k + 2) & ~1));
            }
            previous = term;
        }
        return null;
    }

    /**
     * The sum of g_k h^k, h = z - j/64, of coefficients of even length: the odd and even terms as two Horner
     * chains in h^2 side by side, half the latency of one chain.
     */
    static double value(double[] g, double h) {
        double h2 = h * h;
        if (g.length == SHORT) {
            // The common length, in a loop of fixed count that the compiler unrolls: some 40 % faster than the
            // loop below, and the same operations (zeros on top leave both chains at 0 until the first term).
            double odd = g[SHORT - 1];
            double even = g[SHORT - 2];
            for (int k = SHORT - 3; k > 0; k -= 2) {
                odd = odd * h2 + g[k];
                even = even * h2 + g[k - 1];
            }
            return even + h * odd;
        }
        double odd = 0;
        double even = 0;
        for (int k = g.length - 1; k > 0; k -= 2) {
            odd = odd * h2 + g[k];
            even = even * h2 + g[k - 1];
        }
        return even + h * odd;
    }
}
