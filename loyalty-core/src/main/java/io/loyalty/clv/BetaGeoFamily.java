package io.loyalty.clv;

import io.loyalty.internal.ChunkedSum;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReferenceArray;
import org.apache.commons.math3.exception.MathIllegalStateException;
import org.apache.commons.math3.special.Beta;

/**
 * What BG/NBD and MBG/NBD share: the parameters r, alpha, a, b, and predictions of the form
 * E[Y(t) | x, t_x, T] = e(t, x, T) P(alive | x, t_x, T), where e, the hypergeometric part, depends on (x, T) only
 * and is the mixture integral of {@link DropoutMixture} (continuous across a = 1 and a + b = 1). The two models
 * differ in the second shape of the dropout mixture and in P(alive).
 */
abstract class BetaGeoFamily extends FourParameterModel {
    private static final String[] NAMES = {"r", "alpha", "a", "b"};
    final double r;
    final double alpha;
    final double a;
    final double b;
    /** The closed form's series converges in at most a few hundred terms up to here. */
    private static final double SERIES_LIMIT = 0.95;
    /** Up to here, with the closed form's parameters, the series' terms are small against its value. */
    static final double SAFE_SERIES = 0.9;
    /** The closed form is taken where its bracket loses at most this factor (four digits) to cancellation. */
    static final double DIGITS_LOST = 1e4;
    /** The longest per-frequency table of the array methods; larger frequencies are computed per customer. */
    private static final int FREQUENCIES = 1 << 16;
    /** Rows gathered at a time by P(alive)'s first pass: the gathered indices and rows stay in the L1 cache. */
    private static final int GATHER = 1024;
    /** The length of P(alive)'s table of odds factors: customers with more purchases are few. */
    private static final int RATIOS = 1 << 10;

    BetaGeoFamily(String name, double r, double alpha, double a, double b, FitSummary fit) {
        super(name, NAMES, new double[] {r, alpha, a, b}, fit);
        this.r = r;
        this.alpha = alpha;
        this.a = a;
        this.b = b;
    }

    /** @return r */
    public double r() {
        return r;
    }

    /** @return alpha */
    public double alpha() {
        return alpha;
    }

    /** @return a */
    public double a() {
        return a;
    }

    /** @return b */
    public double b() {
        return b;
    }

    @Override
    public double conditionalExpectedPurchases(double t, double frequency, double recency, double T) {
        Inputs.horizon(t);
        Inputs.customer(frequency, recency, T);
        return checked(expectation(t, frequency, T) * probabilityAliveUnchecked(frequency, recency, T),
                "the conditional expectation");
    }

    /**
     * {@inheritDoc}
     *
     * <p>The closed form's series depend on the frequency only: for frequencies below a bound (a few times the
     * number of customers, at most {@value #FREQUENCIES}) they are built once, by the first customer with that
     * frequency, and shared by the others, whose values are those of the one-customer method to the bit. Each
     * customer's value is computed on its own, on both cores, in the same pass that checks the rows.
     */
    @Override
    public double[] conditionalExpectedPurchases(double t, double[] frequency, double[] recency, double[] T) {
        Inputs.horizon(t);
        if (!RfmRows.sameShape(frequency, recency, T)) {
            RfmRows.check(frequency, recency, T, null, false);
        }
        int n = frequency.length;
        AtomicReferenceArray<Frequency> table = new AtomicReferenceArray<>(tableLength(n));
        double[] logRatio = logRatios(n);
        double[] out = new double[n];
        AtomicBoolean bad = new AtomicBoolean();
        AtomicBoolean overflow = new AtomicBoolean();
        try {
            ChunkedSum.forEach(n, (from, to) -> {
                if (!expectations(t, frequency, recency, T, table, logRatio, out, from, to, overflow)) {
                    bad.set(true);
                }
            });
        } catch (IllegalArgumentException e) {
            // A bad row anywhere is reported first, as when every row was checked before any value was computed.
            RfmRows.check(frequency, recency, T, null, false);
            throw e;
        }
        if (bad.get()) {
            RfmRows.check(frequency, recency, T, null, false);
        }
        // Only a value that is not finite needs the serial scan, which names its row.
        return overflow.get() ? checked(out, "the conditional expectation") : out;
    }

    /**
     * E[Y] of rows {@code [from, to)} into {@code out}, setting {@code overflow} if one is not finite; false at a
     * bad row (the values are then not returned).
     */
    private boolean expectations(double t, double[] frequency, double[] recency, double[] T,
            AtomicReferenceArray<Frequency> table, double[] logRatio, double[] out, int from, int to,
            AtomicBoolean overflow) {
        int ratios = logRatio.length;
        boolean finite = true;
        for (int i = from; i < to; i++) {
            double x = frequency[i];
            double tx = recency[i];
            double age = T[i];
            if (!RfmRows.valid(x, tx, age)) {
                // RfmRows.check names the first bad row.
                return false;
            }
            Frequency f = x < table.length() ? frequency(table, (int) x, t) : null;
            double e = -1;
            if (f != null && f.expanded != null) {
                // closedForm's expansion branch inline: the same operations, so the same bits.
                double z = t / (alpha + age + t);
                int j = ExpandedSeries.point(z);
                double[] g = j >= 1 && j <= ExpandedSeries.LAST ? f.expanded.coefficients(j) : null;
                if (g != null) {
                    double product = ExpandedSeries.value(g, z - (double) j / ExpandedSeries.POINTS);
                    e = accepted(f.scale, product, Math.abs(product));
                }
            }
            if (e < 0) {
                e = f == null ? expectation(t, x, age) : expectation(t, x, age, f.series, f.expanded);
            }
            double ratio = x < ratios ? logRatio[(int) x]
                    : certainlyAlive(x) ? Double.NEGATIVE_INFINITY : aliveLogRatio(x);
            out[i] = ratio == Double.NEGATIVE_INFINITY ? e : e * alive(ratio, x, tx, age);
            finite &= out[i] < Double.POSITIVE_INFINITY;
        }
        if (!finite) {
            overflow.set(true);
        }
        return true;
    }

    /**
     * P(alive) of every customer, on both cores, the same value to the bit as the one-customer method; {@code ln}
     * of the odds factor from a table for frequencies below {@value #RATIOS} (and the number of customers, so
     * that the table never costs more than the rows). Each block of {@value #GATHER} rows is read twice: a first
     * pass checks the rows, writes 1 and gathers the rows whose P(alive) is not 1 for sure without a branch on the
     * frequency (60 % of customers bought once and are alive for sure in BG/NBD: a mispredicted branch per row
     * cost a fifth of the time), and a second computes those.
     */
    final double[] probabilityAliveOfAll(double[] frequency, double[] recency, double[] T) {
        if (!RfmRows.sameShape(frequency, recency, T)) {
            RfmRows.check(frequency, recency, T, null, false);
        }
        int n = frequency.length;
        double[] logRatio = logRatios(n);
        int ratios = logRatio.length;
        double[] out = new double[n];
        AtomicBoolean bad = new AtomicBoolean();
        AtomicBoolean overflow = new AtomicBoolean();
        ChunkedSum.forEach(n, (from, to) -> {
            int[] uncertain = new int[Math.min(to - from, GATHER)];
            boolean finite = true;
            for (int start = from; start < to; start += GATHER) {
                int end = Math.min(to, start + GATHER);
                int k = 0;
                boolean ok = true;
                for (int i = start; i < end; i++) {
                    double x = frequency[i];
                    ok &= RfmRows.valid(x, recency[i], T[i]);
                    out[i] = 1;
                    uncertain[k] = i;
                    // A bad row (then not returned) may hold anything: x >= 0 keeps the table index in range.
                    k += x >= 0 && x < ratios && logRatio[(int) x] == Double.NEGATIVE_INFINITY ? 0 : 1;
                }
                if (!ok) {
                    bad.set(true);
                    return;
                }
                for (int q = 0; q < k; q++) {
                    int i = uncertain[q];
                    double x = frequency[i];
                    double ratio = x < ratios ? logRatio[(int) x]
                            : certainlyAlive(x) ? Double.NEGATIVE_INFINITY : aliveLogRatio(x);
                    if (ratio != Double.NEGATIVE_INFINITY) {
                        out[i] = alive(ratio, x, recency[i], T[i]);
                        finite &= out[i] < Double.POSITIVE_INFINITY;
                    }
                }
            }
            if (!finite) {
                overflow.set(true);
            }
        });
        if (bad.get()) {
            RfmRows.check(frequency, recency, T, null, false);
        }
        return overflow.get() ? checked(out, "P(alive)") : out;
    }

    /**
     * {@code ln} of P(alive)'s odds factor for frequencies below {@value #RATIOS} and n + 1 (so that the table
     * never costs more than the rows), minus infinity where the customer is alive for sure.
     */
    private double[] logRatios(int n) {
        double[] logRatio = new double[Math.min(n + 1, RATIOS)];
        for (int x = 0; x < logRatio.length; x++) {
            logRatio[x] = certainlyAlive(x) ? Double.NEGATIVE_INFINITY : aliveLogRatio(x);
        }
        return logRatio;
    }

    /** The per-frequency tables' length for n customers: a few times n, at most {@value #FREQUENCIES}. */
    private static int tableLength(int n) {
        return (int) Math.min(4L * n + 64, FREQUENCIES);
    }

    /**
     * What the customers with x repeat purchases share in the array expectation: the closed form's series and
     * expansions (null where it does not apply) and its factor c/(a-1).
     */
    private static final class Frequency {
        final SharedSeries series;
        final ExpandedSeries expanded;
        final double scale;

        Frequency(SharedSeries series, ExpandedSeries expanded, double scale) {
            this.series = series;
            this.expanded = expanded;
            this.scale = scale;
        }
    }

    /** The shared parts for frequency x, built by the first customer who needs them (all threads build the same). */
    private Frequency frequency(AtomicReferenceArray<Frequency> table, int x, double t) {
        Frequency f = table.get(x);
        if (f == null) {
            ExpandedSeries expanded = expansions(t, x);
            // The expansions' power series gives the values of series(t, x) to the bit where it converges (a
            // longer one is built for a larger z: see SharedSeries).
            SharedSeries series = expanded != null && expanded.series() != null ? expanded.series() : series(t, x);
            f = new Frequency(series, expanded, (a + dropoutShape(x) - 1) / (a - 1));
            table.set(x, f);
        }
        return f;
    }

    @Override
    public double probabilityAlive(double frequency, double recency, double T) {
        Inputs.customer(frequency, recency, T);
        return checked(probabilityAliveUnchecked(frequency, recency, T), "P(alive)");
    }

    /**
     * P(N &gt;= n) for N ~ NegBin(r, 1 - q), the regularized incomplete beta I_q(n, r); NaN (reported by the
     * caller as an argument error) where commons-math's continued fraction does not converge.
     */
    static double negativeBinomialTail(double q, int n, double r) {
        if (n == 0) {
            return 1;
        }
        if (q == 0) {
            return 0;
        }
        try {
            return Beta.regularizedBeta(q, n, r);
        } catch (MathIllegalStateException e) {
            return Double.NaN;
        }
    }

    /**
     * The hypergeometric part e(t, x, T): E[(1 - (1 + p u)^-(r+x)) / p] over the dropout mixture, 0 at t = 0; from
     * the closed form where that is well conditioned, else from the integral.
     */
    final double expectation(double t, double x, double age) {
        return expectation(t, x, age, null, null);
    }

    /**
     * {@link #expectation(double, double, double)} with the closed form's series and expansions for x built
     * beforehand (or null): the same value to the bit.
     */
    private double expectation(double t, double x, double age, SharedSeries shared, ExpandedSeries expanded) {
        double shape = dropoutShape(x);
        double closed = closedForm(t, x, age, shape, shared, expanded);
        return closed >= 0 ? closed : DropoutMixture.value(r + x, t / (alpha + age), a, shape);
    }

    /**
     * The closed form's series {@code 2F1(c - R, a - 1; c; z)} for frequency x, for every z up to
     * {@link #SERIES_LIMIT}; null where the closed form does not apply.
     */
    private SharedSeries series(double t, double x) {
        double c = a + dropoutShape(x) - 1;
        return applies(t, x, c, SERIES_LIMIT) ? SharedSeries.upTo(c - (r + x), a - 1, c, SERIES_LIMIT) : null;
    }

    /**
     * The closed form's expansions of {@code (1-z)^(a-1) 2F1(c - R, a - 1; c; z)} for frequency x; null where the
     * closed form does not apply.
     */
    private ExpandedSeries expansions(double t, double x) {
        double c = a + dropoutShape(x) - 1;
        return applies(t, x, c, SERIES_LIMIT) ? new ExpandedSeries(a - 1, c - (r + x), a - 1, c) : null;
    }

    /** Whether the parameters are those where the closed form is well conditioned (see {@link #closedForm}). */
    private boolean applies(double t, double x, double c, double z) {
        return t > 0 && z <= SERIES_LIMIT && Math.abs(a - 1) >= 0.01 && a <= 20 && c >= 0.5
                && Math.abs(c - (r + x)) <= 10;
    }

    /**
     * The closed form {@code c/(a-1) [1 - (1-z)^(a-1) 2F1(c-R, a-1; c; z)]} (Euler's transformation of the
     * textbook one; c = a + B - 1, R = r + x, z = t/(alpha+T+t)), some fifty times cheaper than the integral, where
     * it is well conditioned: for 1/128 &lt;= z &lt;= 0.95 the whole product {@code (1-z)^(a-1) 2F1} from its
     * Taylor series around the nearest multiple of 1/64 ({@link ExpandedSeries}: sixteen multiply-adds, no
     * logarithm), elsewhere the 2F1 summed as its power series ({@link SharedSeries}), with small parameters
     * (|c - R| = |a + b - 1 - r| or |a + b - r| at most 10, |a - 1| between 0.01 and 19, c at least 0.5), and
     * the bracket losing at most four digits to cancellation (so about 1e-12 relative). Up to z = 0.9 the series'
     * terms are small against its value with these parameters; beyond, up to z = {@value #SERIES_LIMIT}, the
     * sum of their absolute values takes the place of |2F1| in that cancellation test, so the rounding of a long
     * series is accounted for (for an expansion past z = 0.9, once for its whole interval). Elsewhere (and at
     * t = 0) -1, and the caller integrates. CDNOW-like models take this path for all customers at horizons up to
     * about 19 times alpha.
     */
    private double closedForm(double t, double x, double age, double shape, SharedSeries shared,
            ExpandedSeries expanded) {
        double big = r + x;
        double z = t / (alpha + age + t);
        double c = a + shape - 1;
        if (!applies(t, x, c, z)) {
            return -1;
        }
        int j = ExpandedSeries.point(z);
        if (j >= 1 && j <= ExpandedSeries.LAST) {
            double[] g = expanded != null ? expanded.coefficients(j)
                    : ExpandedSeries.around(j, a - 1, c - big, a - 1, c, null);
            if (g != null) {
                // (1-z)^(a-1) 2F1 in one: up to z = 0.9 the series' terms are small against its value, and a point
                // past it was kept only where their absolute sum passes the cancellation test over its interval.
                double product = ExpandedSeries.value(g, z - (double) j / ExpandedSeries.POINTS);
                return accepted(c / (a - 1), product, Math.abs(product));
            }
        }
        SharedSeries s = shared;
        double f = shared != null ? shared.value(z) : Double.NaN;
        if (Double.isNaN(f)) {
            s = SharedSeries.upTo(c - big, a - 1, c, z);
            if (s == null) {
                return -1;
            }
            f = s.value(z);
        }
        double lead = Math.exp((a - 1) * Math.log1p(-z));
        return accepted(c / (a - 1), lead * f, lead * (z <= SAFE_SERIES ? Math.abs(f) : s.absoluteSum(z)));
    }

    /**
     * {@code scale (1 - product)}, scale = c/(a-1), or -1 where the bracket loses more than four digits to
     * cancellation: {@code size}, the product's size or that of its series' terms, above 1e4 times the bracket.
     */
    private static double accepted(double scale, double product, double size) {
        double bracket = 1 - product;
        double value = scale * bracket;
        return size <= DIGITS_LOST * Math.abs(bracket) && value > 0 && value < Double.POSITIVE_INFINITY ? value : -1;
    }

    /**
     * The second shape of the dropout probability p of a customer alive after x repeat purchases: p ~ Beta(a, this).
     */
    abstract double dropoutShape(double x);

    /** P(alive | x, t_x, T) of checked arguments. */
    final double probabilityAliveUnchecked(double x, double tx, double age) {
        return certainlyAlive(x) ? 1 : alive(aliveLogRatio(x), x, tx, age);
    }

    /** P(alive) = 1 / (1 + exp(ratio + (r+x) ln((alpha+T)/(alpha+t_x)))), ratio from {@link #aliveLogRatio}. */
    final double alive(double ratio, double x, double tx, double age) {
        double log = ratio + (r + x) * Math.log((alpha + age) / (alpha + tx));
        return 1 / (1 + Math.exp(log));
    }

    /** Whether a customer with x repeat purchases is alive for sure (BG/NBD: x = 0, no chance to drop out yet). */
    abstract boolean certainlyAlive(double x);

    /** ln of the odds factor of dropping out in P(alive): ln(a/(b+x-1)) for BG/NBD, ln(a/(b+x)) for MBG/NBD. */
    abstract double aliveLogRatio(double x);
}
