package io.loyalty.clv;

import io.loyalty.internal.Checks;
import io.loyalty.internal.ChunkedSum;
import io.loyalty.internal.ExactSum;
import io.loyalty.internal.PairIndex;
import io.loyalty.internal.Selection;
import io.loyalty.stats.Interval;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Supplier;
import java.util.stream.IntStream;

/**
 * Per-customer intervals for P(alive), conditional expected purchases, expected spend and CLV from the
 * uncertainty of the fitted parameters: a parametric bootstrap (CLVTools' {@code uncertainty = "boots"} draws
 * refits instead; this draws the parameters themselves).
 *
 * <pre>
 * theta_k = theta_hat * exp(L z_k),  z_k ~ N(0, I),  L L' = covariance of log theta (from the fit)
 * interval of f(customer) = percentiles (1-c)/2 and (1+c)/2 of f(customer; theta_1), ..., f(customer; theta_B)
 * </pre>
 *
 * <p>The log-scale covariance is the fit's ({@link FitSummary#covariance()} divided by the estimates' products:
 * the delta method undone), so the draws are the normal approximation the fit's own 95% parameter intervals rest
 * on. The estimate is the prediction at the fitted parameters; the interval is widened to contain it when the
 * draws' percentiles miss it. A model made by {@code of(...)} has no fit summary and cannot be bootstrapped; a
 * spend model without one counts as known exactly only where it is passed explicitly, never silently.
 *
 * <p>Deterministic: the draws depend on the seed alone (the purchase model's from the seed, the spend model's
 * from a second stream of it), and each customer's interval on the draws and that customer's row alone, so the
 * result is the same for any thread count, chunking or row order. The BG/NBD and MBG/NBD work is shared between
 * customers with the same (frequency, T), so a million customers with a few thousand distinct pairs cost one
 * P(alive) per customer and draw; Pareto/NBD is evaluated customer by customer.
 *
 * <pre>{@code
 * BetaGeoModel model = BetaGeoFitter.withDefaults().fit(x, tx, T);
 * CustomerIntervals next = ClvBootstrap.withDefaults().conditionalExpectedPurchases(model, 52, x, tx, T);
 * Interval first = next.interval(0);
 * }</pre>
 *
 * <p>Immutable and thread-safe. Defaults: 200 draws, seed {@value #DEFAULT_SEED}, 95%.
 *
 * <p>References: D. Efron and R. Tibshirani (1993), "An Introduction to the Bootstrap", chapter 6 (parametric
 * bootstrap); CLVTools, {@code predict(..., uncertainty = "boots")}.
 *
 * @since 0.2
 */
public final class ClvBootstrap {
    /** The most draws {@link #withDraws(int)} accepts. */
    public static final int MAX_DRAWS = 100_000;
    /** The seed used unless {@link #withSeed(long)} sets another. */
    public static final long DEFAULT_SEED = 20261207L;
    /** Customers sharing (frequency, T) are grouped; a block holds at most this many pair-draw values. */
    private static final int BLOCK_CELLS = 1 << 20;
    private final int draws;
    private final long seed;
    private final double confidence;

    private ClvBootstrap(int draws, long seed, double confidence) {
        this.draws = draws;
        this.seed = seed;
        this.confidence = confidence;
    }

    /**
     * A bootstrap of 200 draws at 95% with the default seed.
     *
     * @return the bootstrap
     */
    public static ClvBootstrap withDefaults() {
        return new ClvBootstrap(200, DEFAULT_SEED, 0.95);
    }

    /**
     * This bootstrap with another number of draws.
     *
     * @param draws the number of parameter draws, 10 to {@value #MAX_DRAWS}
     * @return a new bootstrap
     */
    public ClvBootstrap withDraws(int draws) {
        Checks.require(draws >= 10 && draws <= MAX_DRAWS, "draws must lie in 10..%d, got %d", MAX_DRAWS, draws);
        return new ClvBootstrap(draws, seed, confidence);
    }

    /**
     * This bootstrap with another seed.
     *
     * @param seed the seed
     * @return a new bootstrap
     */
    public ClvBootstrap withSeed(long seed) {
        return new ClvBootstrap(draws, seed, confidence);
    }

    /**
     * This bootstrap at another confidence level.
     *
     * @param confidence the level, in (0, 1)
     * @return a new bootstrap
     */
    public ClvBootstrap withConfidence(double confidence) {
        Checks.openUnit(confidence, "confidence");
        return new ClvBootstrap(draws, seed, confidence);
    }

    /**
     * The number of draws.
     *
     * @return the count
     */
    public int draws() {
        return draws;
    }

    /**
     * The seed.
     *
     * @return the seed
     */
    public long seed() {
        return seed;
    }

    /**
     * The confidence level.
     *
     * @return the level
     */
    public double confidence() {
        return confidence;
    }

    /**
     * The parameter draws of a fitted model, one row per draw in the model's parameter order: what every interval
     * of this bootstrap is computed from.
     *
     * @param model a purchase model made by a fitter
     * @return {@code draws()} rows of the model's parameters
     * @throws IllegalArgumentException if the model has no fit summary or its covariance is not positive definite
     */
    public double[][] parameterDraws(TransactionModel model) {
        Checks.notNull(model, "model");
        return parameterDraws(summary(model.fitSummary().orElse(null), model.name(), "model"), model.parameters(),
                seed);
    }

    /**
     * Intervals for P(alive) of each customer.
     *
     * @param model a purchase model made by a fitter
     * @param frequency repeat purchases per customer
     * @param recency t_x per customer
     * @param T age per customer
     * @return the intervals, in the input's order
     * @throws IllegalArgumentException if a row is invalid, the model has no fit summary or its covariance is not
     *     positive definite
     */
    public CustomerIntervals probabilityAlive(TransactionModel model, double[] frequency, double[] recency,
            double[] T) {
        Checks.notNull(model, "model");
        double[] estimate = model.probabilityAlive(frequency, recency, T);
        TransactionModel[] m = models(model, "model");
        AliveTable alive = AliveTable.of(m, frequency, recency, T);
        RowKernel row = alive != null ? (k, i, g) -> alive.value(k, i)
                : (k, i, g) -> m[k].probabilityAlive(frequency[i], recency[i], T[i]);
        return intervals("P(alive)", estimate, frequency, T, null, row);
    }

    /**
     * Intervals for each customer's expected purchases in the next {@code t} time units,
     * E[Y(t) | x, t_x, T].
     *
     * @param model a purchase model made by a fitter
     * @param t the horizon, finite and &gt;= 0
     * @param frequency repeat purchases per customer
     * @param recency t_x per customer
     * @param T age per customer
     * @return the intervals, in the input's order
     * @throws IllegalArgumentException if a row or the horizon is invalid, the model has no fit summary or its
     *     covariance is not positive definite
     */
    public CustomerIntervals conditionalExpectedPurchases(TransactionModel model, double t, double[] frequency,
            double[] recency, double[] T) {
        Checks.notNull(model, "model");
        double[] estimate = model.conditionalExpectedPurchases(t, frequency, recency, T);
        TransactionModel[] m = models(model, "model");
        String name = Checks.format("E[Y(%s)]", t);
        if (model instanceof BetaGeoFamily) {
            AliveTable alive = AliveTable.of(m, frequency, recency, T);
            return intervals(name, estimate, frequency, T, (k, x, age) -> ((BetaGeoFamily) m[k]).expectation(t, x, age),
                    (k, i, g) -> g * alive.value(k, i));
        }
        return intervals(name, estimate, frequency, T, null,
                (k, i, g) -> m[k].conditionalExpectedPurchases(t, frequency[i], recency[i], T[i]));
    }

    /**
     * An interval for the expected purchases of all these customers together in the next {@code t} time units,
     * the sum of E[Y(t) | x, t_x, T]: the population expectation a forecast of total demand rests on.
     *
     * @param model a purchase model made by a fitter
     * @param t the horizon, finite and &gt;= 0
     * @param frequency repeat purchases per customer
     * @param recency t_x per customer
     * @param T age per customer
     * @return the interval (estimate at the fitted parameters)
     * @throws IllegalArgumentException as {@link #conditionalExpectedPurchases}
     */
    public Interval totalConditionalExpectedPurchases(TransactionModel model, double t, double[] frequency,
            double[] recency, double[] T) {
        Checks.notNull(model, "model");
        double[] estimate = model.conditionalExpectedPurchases(t, frequency, recency, T);
        TransactionModel[] m = models(model, "model");
        ExactSum point = new ExactSum();
        for (double e : estimate) {
            point.add(e);
        }
        List<ExactSum[]> parts = Collections.synchronizedList(new ArrayList<>());
        // Exact per-draw sums merged exactly: the total does not depend on the row order or the thread count.
        Supplier<Sink> sums = () -> {
            ExactSum[] part = new ExactSum[draws];
            for (int k = 0; k < draws; k++) {
                part[k] = new ExactSum();
            }
            parts.add(part);
            return (i, values) -> {
                for (int k = 0; k < draws; k++) {
                    part[k].add(values[k]);
                }
            };
        };
        if (model instanceof BetaGeoFamily) {
            AliveTable alive = AliveTable.of(m, frequency, recency, T);
            run(frequency, T, (k, x, age) -> ((BetaGeoFamily) m[k]).expectation(t, x, age),
                    (k, i, g) -> g * alive.value(k, i), sums);
        } else {
            run(frequency, T, null, (k, i, g) -> m[k].conditionalExpectedPurchases(t, frequency[i], recency[i], T[i]),
                    sums);
        }
        double[] values = new double[draws];
        for (int k = 0; k < draws; k++) {
            ExactSum total = new ExactSum();
            for (ExactSum[] part : parts) {
                total.add(part[k]);
            }
            values[k] = total.value();
        }
        return interval(point.value(), values);
    }

    /**
     * An interval for the expected purchases of a new customer in {@code (0, t]}, E[X(t)], a function of the
     * parameters alone.
     *
     * @param model a purchase model made by a fitter
     * @param t the horizon, finite and &gt;= 0
     * @return the interval (estimate at the fitted parameters)
     * @throws IllegalArgumentException if the horizon is invalid, the model has no fit summary or its covariance
     *     is not positive definite
     */
    public Interval expectedPurchases(TransactionModel model, double t) {
        Checks.notNull(model, "model");
        double estimate = model.expectedPurchases(t);
        TransactionModel[] m = models(model, "model");
        double[] values = new double[draws];
        for (int k = 0; k < draws; k++) {
            values[k] = m[k].expectedPurchases(t);
        }
        return interval(estimate, values);
    }

    /**
     * Intervals for each customer's expected spend per transaction (Gamma-Gamma).
     *
     * @param spend a spend model made by {@link GammaGammaFitter}
     * @param frequency repeat transactions per customer
     * @param monetary mean value of the repeat transactions per customer (ignored when frequency is 0)
     * @return the intervals, in the input's order
     * @throws IllegalArgumentException if a row is invalid, the model has no fit summary or its covariance is not
     *     positive definite, or a draw leaves a customer's spend without a finite mean ({@code p x + q <= 1})
     */
    public CustomerIntervals expectedSpend(GammaGammaModel spend, double[] frequency, double[] monetary) {
        Checks.notNull(spend, "spend");
        double[] estimate = spend.conditionalExpectedAverageProfit(frequency, monetary);
        GammaGammaModel[] s = spendModels(spend, "spend");
        return intervals("E[spend]", estimate, frequency, frequency, null,
                (k, i, g) -> s[k].conditionalExpectedAverageProfit(frequency[i], monetary[i]));
    }

    /**
     * Intervals for each customer's discounted CLV, with both the purchase and the spend model's parameters
     * drawn (independently: the two fits are separate).
     *
     * @param calculator the calculator, whose purchase and spend models were made by fitters
     * @param frequency repeat purchases per customer
     * @param recency t_x per customer
     * @param T age per customer
     * @param monetary mean value of the repeat purchases per customer (ignored when frequency is 0)
     * @return the intervals, in the input's order
     * @throws IllegalArgumentException as {@link ClvCalculator#clv(double[], double[], double[], double[])}, or
     *     if a model has no fit summary, its covariance is not positive definite, or a draw leaves a customer's
     *     spend without a finite mean
     */
    public CustomerIntervals clv(ClvCalculator calculator, double[] frequency, double[] recency, double[] T,
            double[] monetary) {
        Checks.notNull(calculator, "calculator");
        double[] estimate = calculator.clv(frequency, recency, T, monetary);
        TransactionModel model = calculator.purchases();
        TransactionModel[] m = models(model, "calculator.purchases()");
        GammaGammaModel[] s = spendModels(calculator.spend(), "calculator.spend()");
        int months = calculator.months();
        double f = calculator.unitsPerMonth();
        double[] discount = new double[months + 1];
        for (int i = 1; i <= months; i++) {
            discount[i] = Math.pow(1 + calculator.discountRate(), -i);
        }
        if (model instanceof BetaGeoFamily) {
            PairKernel pair = (k, x, age) -> {
                BetaGeoFamily mk = (BetaGeoFamily) m[k];
                double sum = 0;
                double previous = 0;
                for (int i = 1; i <= months; i++) {
                    double e = mk.expectation(i * f, x, age);
                    sum += (e - previous) * discount[i];
                    previous = e;
                }
                return sum;
            };
            AliveTable alive = AliveTable.of(m, frequency, recency, T);
            return intervals("CLV", estimate, frequency, T, pair, (k, i, g) -> g * alive.value(k, i)
                    * s[k].conditionalExpectedAverageProfit(frequency[i], monetary[i]));
        }
        return intervals("CLV", estimate, frequency, T, null, (k, i, g) -> {
            double sum = 0;
            double previous = 0;
            for (int j = 1; j <= months; j++) {
                double e = m[k].conditionalExpectedPurchases(j * f, frequency[i], recency[i], T[i]);
                sum += (e - previous) * discount[j];
                previous = e;
            }
            return sum * s[k].conditionalExpectedAverageProfit(frequency[i], monetary[i]);
        });
    }

    @Override
    public String toString() {
        return Checks.format("ClvBootstrap[%d draws, seed %d, %.4g%%]", draws, seed, 100 * confidence);
    }

    /**
     * P(alive) of the BG/NBD and MBG/NBD draws from tables: {@code 1 / (1 + exp(c(x) + (r + x) (ln(alpha + T) -
     * ln(alpha + t_x))))} with {@code c(x) = ln(a / (b + x - 1))} (BG/NBD, 1 at x = 0) or {@code ln(a / (b + x))}
     * (MBG/NBD), the logarithms tabled per draw over the distinct frequencies and times, so a customer and draw
     * cost one exponential. Tables are used while they hold at most {@value #TABLE_CELLS} values, else each value
     * is computed directly.
     */
    static final class AliveTable {
        static final int TABLE_CELLS = 1 << 24;
        private final BetaGeoFamily[] models;
        private final boolean modified;
        private final double[] x;
        private final double[] tx;
        private final double[] age;
        private final double[][] logC;
        private final double[][] logTime;
        private final int[] xIndex;
        private final int[] txIndex;
        private final int[] tIndex;

        private AliveTable(BetaGeoFamily[] models, double[] x, double[] tx, double[] age, double[][] logC,
                double[][] logTime, int[] xIndex, int[] txIndex, int[] tIndex) {
            this.models = models;
            this.modified = models[0] instanceof ModifiedBetaGeoModel;
            this.x = x;
            this.tx = tx;
            this.age = age;
            this.logC = logC;
            this.logTime = logTime;
            this.xIndex = xIndex;
            this.txIndex = txIndex;
            this.tIndex = tIndex;
        }

        /** The table for BG/NBD or MBG/NBD draws, null for Pareto/NBD. */
        static AliveTable of(TransactionModel[] draws, double[] x, double[] tx, double[] age) {
            if (!(draws[0] instanceof BetaGeoFamily)) {
                return null;
            }
            BetaGeoFamily[] m = new BetaGeoFamily[draws.length];
            for (int k = 0; k < m.length; k++) {
                m[k] = (BetaGeoFamily) draws[k];
            }
            int n = x.length;
            DoubleIndex xs = new DoubleIndex(n);
            DoubleIndex times = new DoubleIndex(2 * n);
            int[] xIndex = new int[n];
            int[] txIndex = new int[n];
            int[] tIndex = new int[n];
            for (int i = 0; i < n; i++) {
                xIndex[i] = xs.index(x[i]);
                txIndex[i] = times.index(tx[i]);
                tIndex[i] = times.index(age[i]);
            }
            if ((long) m.length * (xs.size + times.size) > TABLE_CELLS) {
                return new AliveTable(m, x, tx, age, null, null, null, null, null);
            }
            boolean modified = m[0] instanceof ModifiedBetaGeoModel;
            double[][] logC = new double[m.length][xs.size];
            double[][] logTime = new double[m.length][times.size];
            IntStream.range(0, m.length).parallel().forEach(k -> {
                BetaGeoFamily mk = m[k];
                for (int j = 0; j < xs.size; j++) {
                    double xj = xs.values[j];
                    logC[k][j] = Math.log(mk.a / (mk.b + xj - (modified ? 0 : 1)));
                }
                for (int j = 0; j < times.size; j++) {
                    logTime[k][j] = Math.log(mk.alpha + times.values[j]);
                }
            });
            return new AliveTable(m, x, tx, age, logC, logTime, xIndex, txIndex, tIndex);
        }

        double value(int k, int i) {
            if (logC == null) {
                return models[k].probabilityAliveUnchecked(x[i], tx[i], age[i]);
            }
            double xi = x[i];
            if (!modified && xi == 0) {
                return 1;
            }
            double[] lt = logTime[k];
            return 1 / (1 + Math.exp(logC[k][xIndex[i]] + (models[k].r + xi) * (lt[tIndex[i]] - lt[txIndex[i]])));
        }
    }

    /** The distinct values of a column in first-appearance order (open addressing; -0.0 counts as 0.0). */
    static final class DoubleIndex {
        private final int[] slots;
        private final int mask;
        double[] values = new double[64];
        int size;

        DoubleIndex(int capacity) {
            int cap = Integer.highestOneBit(Math.max(4, capacity) * 2 - 1) << 1;
            slots = new int[cap];
            java.util.Arrays.fill(slots, -1);
            mask = cap - 1;
        }

        int index(double value) {
            double v = value + 0.0;
            long h = Double.doubleToLongBits(v) * 0x9E3779B97F4A7C15L;
            int slot = (int) (h ^ (h >>> 32)) & mask;
            while (true) {
                int k = slots[slot];
                if (k < 0) {
                    if (size == values.length) {
                        values = java.util.Arrays.copyOf(values, 2 * size);
                    }
                    values[size] = v;
                    slots[slot] = size;
                    return size++;
                }
                if (values[k] == v) {
                    return k;
                }
                slot = (slot + 1) & mask;
            }
        }
    }

    /** A value shared by the customers with one (frequency, T) pair, for draw {@code k}. */
    @FunctionalInterface
    interface PairKernel {
        double value(int k, double frequency, double age);
    }

    /** A customer's value for draw {@code k}, given the pair value {@code g} (0 without a pair kernel). */
    @FunctionalInterface
    interface RowKernel {
        double value(int k, int row, double g);
    }

    /** The per-customer percentile intervals: two order statistics of each customer's values over the draws. */
    private CustomerIntervals intervals(String name, double[] estimate, double[] frequency, double[] age,
            PairKernel pair, RowKernel row) {
        int n = estimate.length;
        double[] lower = new double[n];
        double[] upper = new double[n];
        run(frequency, age, pair, row, () -> (i, values) -> bounds(values, estimate[i], lower, upper, i, name));
        return new CustomerIntervals(name, estimate.clone(), lower, upper, confidence, draws, seed);
    }

    /** Receives each customer's values over the draws (the array is reused). */
    @FunctionalInterface
    private interface Sink {
        void accept(int row, double[] values);
    }

    /**
     * Fills every customer's values over the draws and hands them to a sink (one sink per chunk of customers):
     * customers grouped by (frequency, T) when a pair kernel is given, the pair values computed for a block of
     * pairs and all draws first. A customer's values depend on its own row and the draws only.
     */
    private void run(double[] frequency, double[] age, PairKernel pair, RowKernel row, Supplier<Sink> sinks) {
        int n = frequency.length;
        int pairs;
        int[] start;
        int[] order;
        double[] px;
        double[] pt;
        if (pair == null) {
            pairs = 1;
            start = new int[] {0, n};
            order = null;
            px = null;
            pt = null;
        } else {
            PairIndex index = PairIndex.of(frequency, age);
            pairs = index.size;
            px = index.x;
            pt = index.t;
            start = new int[pairs + 1];
            for (int i = 0; i < n; i++) {
                start[index.index[i] + 1]++;
            }
            for (int p = 0; p < pairs; p++) {
                start[p + 1] += start[p];
            }
            order = new int[n];
            int[] next = start.clone();
            for (int i = 0; i < n; i++) {
                order[next[index.index[i]]++] = i;
            }
        }
        int perBlock = pair == null ? 1 : Math.max(1, BLOCK_CELLS / draws);
        for (int p0 = 0; p0 < pairs; p0 += perBlock) {
            int p1 = Math.min(pairs, p0 + perBlock);
            double[] g = pair == null ? null : new double[(p1 - p0) * draws];
            if (pair != null) {
                int first = p0;
                IntStream.range(p0, p1).parallel().forEach(p -> {
                    for (int k = 0; k < draws; k++) {
                        g[(p - first) * draws + k] = pair.value(k, px[p], pt[p]);
                    }
                });
            }
            int from = start[p0];
            int to = start[p1];
            int first = p0;
            // Pair of each position in the block: positions are grouped by pair, so walk the boundaries.
            int[] pairOf = pair == null ? null : new int[to - from];
            if (pair != null) {
                for (int p = p0; p < p1; p++) {
                    for (int j = start[p]; j < start[p + 1]; j++) {
                        pairOf[j - from] = p - first;
                    }
                }
            }
            int[] ord = order;
            ChunkedSum.forEach(to - from, (a, b) -> {
                double[] scratch = new double[draws];
                Sink sink = sinks.get();
                for (int j = a; j < b; j++) {
                    int i = ord == null ? from + j : ord[from + j];
                    int offset = pairOf == null ? -1 : pairOf[j] * draws;
                    for (int k = 0; k < draws; k++) {
                        scratch[k] = row.value(k, i, offset < 0 ? 0 : g[offset + k]);
                    }
                    sink.accept(i, scratch);
                }
            });
        }
    }

    /** Writes the widened percentile bounds of {@code values} (reordered in place) for row {@code i}. */
    private void bounds(double[] values, double estimate, double[] lower, double[] upper, int i, String name) {
        for (int k = 0; k < values.length; k++) {
            if (!(values[k] < Double.POSITIVE_INFINITY) || Double.isNaN(values[k])) {
                throw new IllegalArgumentException(Checks.format("%s of the customer at row %d is %s at parameter "
                        + "draw %d: the fit's parameters are too uncertain to bootstrap this prediction", name, i,
                        values[k], k));
            }
        }
        lower[i] = Math.min(estimate, quantile(values, (1 - confidence) / 2));
        upper[i] = Math.max(estimate, quantile(values, (1 + confidence) / 2));
    }

    private Interval interval(double estimate, double[] values) {
        double[] v = values.clone();
        for (int k = 0; k < v.length; k++) {
            if (!(Math.abs(v[k]) < Double.POSITIVE_INFINITY)) {
                throw new IllegalArgumentException(Checks.format("the prediction is %s at parameter draw %d: the "
                        + "fit's parameters are too uncertain to bootstrap it", v[k], k));
            }
        }
        return Interval.of(estimate, Math.min(estimate, quantile(v, (1 - confidence) / 2)),
                Math.max(estimate, quantile(v, (1 + confidence) / 2)), confidence, CustomerIntervals.METHOD);
    }

    /**
     * The p-quantile of the values by linear interpolation between order statistics (R's type 7), found by
     * selection, not sorting; reorders the array.
     */
    static double quantile(double[] v, double p) {
        double h = (v.length - 1) * p;
        int lo = (int) Math.floor(h);
        double a = Selection.kthSmallest(v, lo);
        if (lo + 1 >= v.length) {
            return a;
        }
        // After selection every element right of lo is >= v[lo]: the next order statistic is their minimum.
        double b = Double.POSITIVE_INFINITY;
        for (int k = lo + 1; k < v.length; k++) {
            b = Math.min(b, v[k]);
        }
        return a + (h - lo) * (b - a);
    }

    private TransactionModel[] models(TransactionModel model, String argument) {
        double[][] p = parameterDraws(summary(model.fitSummary().orElse(null), model.name(), argument),
                model.parameters(), seed);
        TransactionModel[] out = new TransactionModel[draws];
        for (int k = 0; k < draws; k++) {
            out[k] = rebuild(model, p[k], k);
        }
        return out;
    }

    private GammaGammaModel[] spendModels(GammaGammaModel spend, String argument) {
        double[][] p = parameterDraws(summary(spend.fitSummary().orElse(null), "Gamma-Gamma", argument),
                spend.parameters(), spendSeed(seed));
        GammaGammaModel[] out = new GammaGammaModel[draws];
        for (int k = 0; k < draws; k++) {
            try {
                out[k] = GammaGammaModel.of(p[k][0], p[k][1], p[k][2]);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(Checks.format("parameter draw %d of %s is out of range (%s): the "
                        + "fit's parameters are too uncertain to bootstrap", k, argument, e.getMessage()), e);
            }
        }
        return out;
    }

    private static TransactionModel rebuild(TransactionModel model, double[] p, int k) {
        try {
            if (model instanceof BetaGeoModel) {
                return BetaGeoModel.of(p[0], p[1], p[2], p[3]);
            } else if (model instanceof ModifiedBetaGeoModel) {
                return ModifiedBetaGeoModel.of(p[0], p[1], p[2], p[3]);
            }
            return ParetoNbdModel.of(p[0], p[1], p[2], p[3]);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(Checks.format("parameter draw %d of %s is out of range (%s): the "
                    + "fit's parameters are too uncertain to bootstrap", k, model.name(), e.getMessage()), e);
        }
    }

    private static FitSummary summary(FitSummary fit, String name, String argument) {
        if (fit == null) {
            throw new IllegalArgumentException(Checks.format("%s (%s) has no fit summary: a model made from its "
                    + "parameters has no covariance to draw from; bootstrap the model a fitter returned", argument,
                    name));
        }
        return fit;
    }

    private static long spendSeed(long seed) {
        return seed * 0x9E3779B97F4A7C15L + 0x632BE59BD9B4E019L;
    }

    /** Draws of the natural parameters: exp(log theta_hat + L z) with L the Cholesky factor of the log covariance. */
    private double[][] parameterDraws(FitSummary fit, double[] theta, long streamSeed) {
        int d = theta.length;
        double[][] cov = fit.covariance();
        double[][] l = new double[d][d];
        for (int i = 0; i < d; i++) {
            for (int j = 0; j <= i; j++) {
                double s = cov[i][j] / (theta[i] * theta[j]);
                for (int k = 0; k < j; k++) {
                    s -= l[i][k] * l[j][k];
                }
                if (i == j) {
                    if (!(s > 0 && s < Double.POSITIVE_INFINITY)) {
                        throw new IllegalArgumentException(Checks.format("the %s fit's covariance is not positive "
                                + "definite and finite at parameter %d (log-scale pivot %s): the parameters are not "
                                + "identified well enough to draw from", fit.model(), i, s));
                    }
                    l[i][i] = Math.sqrt(s);
                } else {
                    l[i][j] = s / l[j][j];
                }
            }
        }
        SplittableRandom rnd = new SplittableRandom(streamSeed);
        double[][] out = new double[draws][d];
        double[] z = new double[d];
        for (int k = 0; k < draws; k++) {
            for (int i = 0; i < d; i++) {
                z[i] = rnd.nextGaussian();
            }
            for (int i = 0; i < d; i++) {
                double shift = 0;
                for (int j = 0; j <= i; j++) {
                    shift += l[i][j] * z[j];
                }
                out[k][i] = theta[i] * Math.exp(shift);
            }
        }
        return out;
    }
}
