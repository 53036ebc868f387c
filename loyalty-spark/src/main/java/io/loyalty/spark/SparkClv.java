package io.loyalty.spark;

import io.loyalty.clv.ChunkedCustomers;
import io.loyalty.clv.ClvCalculator;
import io.loyalty.clv.CustomerChunk;
import io.loyalty.clv.GammaGammaFitter;
import io.loyalty.clv.GammaGammaModel;
import io.loyalty.clv.TransactionModel;
import io.loyalty.clv.TransactionModelFitter;
import io.loyalty.internal.Checks;

import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.storage.StorageLevel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

import static org.apache.spark.sql.functions.approx_count_distinct;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.floor;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.when;

/**
 * The core's CLV models on the customers of a Spark {@code Dataset<Row>}: BG/NBD, MBG/NBD, Pareto/NBD and
 * Gamma-Gamma fitted on every customer, returning the core's fitted models (with their {@code FitSummary}), and
 * the models' predictions added as columns.
 *
 * <pre>{@code
 * SparkClv clv = SparkClv.withDefaults();   // columns frequency, recency_<unit>, T_<unit>, mean_repeat_amount
 * BetaGeoModel purchases = clv.fit(summaries, BetaGeoFitter.withDefaults());
 * GammaGammaModel spend = clv.fit(summaries, GammaGammaFitter.withDefaults());
 * Dataset<Row> scored = clv.predict(summaries,
 *         ClvCalculator.of(purchases, spend, 4.345).withMonths(12), 52);  // p_alive, expected_purchases, ...
 * }</pre>
 *
 * <p>Input: one row per customer with frequency (repeat purchases, a whole number &gt;= 0), recency and T (in
 * the same time unit, 0 &lt;= recency &lt;= T, recency 0 when frequency is 0) and, for Gamma-Gamma and CLV, the
 * mean value of the repeat purchases (&gt; 0 where frequency &gt; 0; ignored, and may be null, where it is 0).
 * Any numeric column types. The default names are those of the core's customer summaries
 * ({@code io.loyalty.tablesaw.DataTables}, {@link SparkSummaries}): {@code frequency}, {@code recency_<unit>} and
 * {@code T_<unit>} (the one unit whose two columns the input has, e.g. {@code recency_weeks}, {@code T_weeks}),
 * {@code mean_repeat_amount}; an input with lifetimes' {@code recency}, {@code T} and {@code monetary} instead is
 * read by those. Before any long job, the columns are checked from the schema and
 * the cells in one counting pass: a missing or non-numeric column, null or NaN cells (unless
 * {@link #withNulls(NullPolicy) dropped on request}) and impossible values throw an
 * {@link IllegalArgumentException} naming the column and the number of rows.
 *
 * <p>Fitting: see {@link ClvStrategy}. The fitter passed in carries the core's options (penalizer, tolerance,
 * iterations, initial parameters); the optimizer runs on the driver and the fit is the core's maximum on the same
 * customers. A fit that does not converge throws the core's {@link io.loyalty.stats.ConvergenceException}. Gamma-Gamma is
 * fitted on the customers with frequency &gt; 0, as the core's {@code fit(CustomerSummaries)} does.
 *
 * <p>Predictions run per partition on batches of rows through the core model's array methods; the models are
 * shipped as their parameters and rebuilt on the executors. Immutable and thread-safe.
 *
 * @since 0.1
 */
public final class SparkClv {
    /** Column added by the predictions: P(alive). */
    public static final String P_ALIVE = "p_alive";
    /** Column added by the predictions: expected purchases over the horizon. */
    public static final String EXPECTED_PURCHASES = "expected_purchases";
    /** Column added by the CLV predictions: Gamma-Gamma expected spend per purchase. */
    public static final String EXPECTED_SPEND = "expected_spend";
    /** Column added by the CLV predictions: discounted CLV. */
    public static final String CLV = "clv";
    /**
     * {@link ClvStrategy#AUTO} compresses only when the approximate number of distinct patterns is at most this
     * (and at most half the customers). The driver holds up to about 200 bytes per pattern at the peak of a
     * compressed fit (the collected arrays and the core's merge tables), so a million patterns stay well inside a
     * default 1 GB driver; at a million distinct customers the distributed fit also measured faster
     * (docs/spark.md).
     */
    public static final long AUTO_PATTERN_LIMIT = 1_000_000;
    /**
     * {@link ClvStrategy#AUTO} always compresses up to this many patterns, however few customers share one: the
     * driver fits a hundred thousand patterns in well under a second, while a distributed fit costs some forty
     * Spark jobs whatever the data's size (3.4 s against 0.02 s on CDNOW's 946 repeat buyers in local mode).
     */
    public static final long AUTO_ALWAYS_COMPRESS = 100_000;

    private static final Logger LOG = LoggerFactory.getLogger(SparkClv.class);

    private final String frequency;
    private final String recency;
    private final String age;
    private final String monetary;
    private final ClvStrategy strategy;
    private final NullPolicy nulls;

    private SparkClv(String frequency, String recency, String age, String monetary, ClvStrategy strategy,
            NullPolicy nulls) {
        this.frequency = frequency;
        this.recency = recency;
        this.age = age;
        this.monetary = monetary;
        this.strategy = strategy;
        this.nulls = nulls;
    }

    /**
     * The summaries' columns ({@code docs/data.md}): {@code frequency}; {@code recency_<unit>} and {@code T_<unit>}
     * for the one unit whose two columns the input has ({@code recency_weeks}, {@code T_weeks}), else lifetimes'
     * {@code recency} and {@code T}; {@code mean_repeat_amount}, else lifetimes' {@code monetary} when the input
     * has only that. An input with recency and T in two units (both {@code recency_weeks}, {@code T_weeks} and
     * {@code recency_days}, {@code T_days}, or lifetimes' pair beside one of them) is an
     * {@code IllegalArgumentException} naming the pairs, before any job: choose one with {@link #withColumns}.
     * Strategy {@link ClvStrategy#AUTO}, rows with null cells rejected.
     *
     * @return the calculator
     */
    public static SparkClv withDefaults() {
        return new SparkClv("frequency", null, null, null, ClvStrategy.AUTO, NullPolicy.REJECT);
    }

    /**
     * This calculator with the default column names (null: not set by {@link #withColumns} or
     * {@link #withMonetaryColumn}) resolved against the input's columns, as {@link #withDefaults()} says.
     *
     * @param history whether the recency and T columns will be read (not for Gamma-Gamma)
     * @throws IllegalArgumentException if {@code history} and the input holds recency and T in more than one unit
     *     (e.g. {@code recency_weeks}, {@code T_weeks} beside {@code recency_days}, {@code T_days} after a join,
     *     or lifetimes' {@code recency}, {@code T} beside {@code recency_days}, {@code T_days}): a guess would fit
     *     in one unit while the caller reads horizons in the other
     */
    private SparkClv named(Dataset<Row> customers, boolean history) {
        if (recency != null && monetary != null) {
            return this;
        }
        Checks.notNull(customers, "customers");
        Set<String> names = new HashSet<>(Arrays.asList(customers.schema().fieldNames()));
        String r = recency;
        String t = age;
        if (r == null) {
            List<String> units = new ArrayList<>();
            for (String n : names) {
                if (n.startsWith("recency_") && names.contains("T_" + n.substring("recency_".length()))) {
                    units.add(n.substring("recency_".length()));
                }
            }
            Collections.sort(units);
            List<String> pairs = new ArrayList<>();
            for (String u : units) {
                pairs.add("recency_" + u + " and T_" + u);
            }
            if (names.contains("recency") && names.contains("T")) {
                pairs.add("recency and T (lifetimes' names, unit unknown)");
            }
            if (history && pairs.size() > 1) {
                throw new IllegalArgumentException(Checks.format("customers has recency and T in more than one "
                        + "unit: %s; name the pair to read with withColumns(\"%s\", recency, T), e.g. "
                        + "withColumns(\"%s\", \"recency_%s\", \"T_%s\")", String.join(", ", pairs), frequency,
                        frequency, units.get(0), units.get(0)));
            }
            boolean one = units.size() == 1;
            r = one ? "recency_" + units.get(0) : "recency";
            t = one ? "T_" + units.get(0) : "T";
        }
        String m = monetary;
        if (m == null) {
            m = names.contains("monetary") && !names.contains(SparkSummaries.MEAN_REPEAT_AMOUNT) ? "monetary"
                    : SparkSummaries.MEAN_REPEAT_AMOUNT;
        }
        return new SparkClv(frequency, r, t, m, strategy, nulls);
    }

    /**
     * This calculator reading other columns for the purchase history.
     *
     * @param frequency the repeat-purchase column
     * @param recency the recency column
     * @param T the age column
     * @return a new calculator
     */
    public SparkClv withColumns(String frequency, String recency, String T) {
        return new SparkClv(Checks.notBlank(frequency, "frequency"), Checks.notBlank(recency, "recency"),
                Checks.notBlank(T, "T"), monetary, strategy, nulls);
    }

    /**
     * This calculator reading another column for the mean value of the repeat purchases.
     *
     * @param monetary the column
     * @return a new calculator
     */
    public SparkClv withMonetaryColumn(String monetary) {
        return new SparkClv(frequency, recency, age, Checks.notBlank(monetary, "monetary"), strategy, nulls);
    }

    /**
     * This calculator fitting with another strategy.
     *
     * @param strategy the strategy
     * @return a new calculator
     */
    public SparkClv withStrategy(ClvStrategy strategy) {
        return new SparkClv(frequency, recency, age, monetary, Checks.notNull(strategy, "strategy"), nulls);
    }

    /**
     * This calculator with another treatment of null (or NaN) cells in the columns it reads.
     *
     * @param nulls {@link NullPolicy#REJECT} (the default) or {@link NullPolicy#DROP}
     * @return a new calculator
     */
    public SparkClv withNulls(NullPolicy nulls) {
        return new SparkClv(frequency, recency, age, monetary, strategy, Checks.notNull(nulls, "nulls"));
    }

    /**
     * Fits a purchase model (BG/NBD, MBG/NBD, Pareto/NBD: whichever the fitter fits) on every customer. Pareto/NBD's
     * gradient is by central differences in the core; the distributed strategy evaluates the nine points of each
     * gradient in one pass.
     *
     * <pre>{@code
     * BetaGeoModel model = clv.fit(customers, BetaGeoFitter.withDefaults().withPenalizer(0.001));
     * }</pre>
     *
     * @param <M> the model the fitter fits
     * @param customers one row per customer
     * @param fitter the core fitter with its options
     * @return the core's fitted model
     * @throws IllegalArgumentException if an argument is null, a column is missing or not numeric, rows hold null
     *     cells (unless dropped) or impossible values (each offending column named with its count of rows), or
     *     there are no customers or every T is 0
     * @throws io.loyalty.stats.ConvergenceException if the core's optimizer does not converge
     * @since 0.2
     */
    public <M extends TransactionModel> M fit(Dataset<Row> customers, TransactionModelFitter<M> fitter) {
        Checks.notNull(fitter, "fitter");
        return named(customers, true).fitPurchases(customers, fitter::fit, fitter::fit);
    }

    /**
     * Fits Gamma-Gamma on the customers with repeat purchases (frequency &gt; 0).
     *
     * @param customers one row per customer
     * @param fitter the core fitter with its options
     * @return the core's fitted model
     * @throws IllegalArgumentException if an argument is null, a column is missing or not numeric, rows hold null
     *     cells (unless dropped) or impossible values (each offending column named with its count of rows), or
     *     no customer has repeat purchases
     * @throws io.loyalty.stats.ConvergenceException if the core's optimizer does not converge
     */
    public GammaGammaModel fit(Dataset<Row> customers, GammaGammaFitter fitter) {
        Checks.notNull(fitter, "fitter");
        SparkClv resolved = named(customers, false);
        if (resolved != this) {
            return resolved.fit(customers, fitter);
        }
        Inputs.Validated c = check(customers, Use.FIT_SPEND, count(when(Inputs.number(frequency).gt(0), true)),
                strategy == ClvStrategy.AUTO
                        ? approx_count_distinct(when(Inputs.number(frequency).gt(0),
                                struct(Inputs.number(frequency), Inputs.number(monetary))))
                        : lit(-1L));
        Checks.require(c.aggregates().getLong(0) > 0, "no customer with repeat purchases (column '%s' > 0)%s: the "
                + "Gamma-Gamma model has nothing to fit", frequency, droppedNote());
        Dataset<Row> canonical = c.rows().filter(Inputs.number(frequency).gt(0))
                .select(Inputs.number(frequency).as("x"), Inputs.number(monetary).as("m"));
        if (resolve(c.aggregates().getLong(1), c.aggregates().getLong(0)) == ClvStrategy.COMPRESSED) {
            double[][] p = patterns(canonical, "x", "m");
            return fitter.fit(p[0], p[1], p[2]);
        }
        return distributed(canonical, SparkClv::spendChunk, fitter::fit);
    }

    /** A weighted fit on the driver: the core's array method. */
    @FunctionalInterface
    private interface WeightedFit<M> {
        M fit(double[] frequency, double[] recency, double[] T, double[] weights);
    }

    private <M> M fitPurchases(Dataset<Row> customers, Function<ChunkedCustomers, M> chunked,
            WeightedFit<M> weighted) {
        Inputs.Validated c = check(customers, Use.FIT_PURCHASES, count(lit(1)), max(Inputs.number(age)),
                strategy == ClvStrategy.AUTO
                        ? approx_count_distinct(struct(Inputs.number(frequency), Inputs.number(recency), Inputs.number(age)))
                        : lit(-1L));
        Checks.require(c.aggregates().getLong(0) > 0, "no customers: the data set has no rows%s", droppedNote());
        Checks.require(c.aggregates().getDouble(1) > 0, "column '%s' is 0 in every row (first purchases at the end of "
                + "the window): a fit needs customers with T > 0", age);
        Dataset<Row> canonical = c.rows().select(Inputs.number(frequency).as("x"), Inputs.number(recency).as("tx"),
                Inputs.number(age).as("t"));
        if (resolve(c.aggregates().getLong(2), c.aggregates().getLong(0)) == ClvStrategy.COMPRESSED) {
            double[][] p = patterns(canonical, "x", "tx", "t");
            return weighted.fit(p[0], p[1], p[2], p[3]);
        }
        return distributed(canonical, SparkClv::purchaseChunk, chunked);
    }

    private String droppedNote() {
        return nulls == NullPolicy.DROP ? " left after dropping rows with null cells" : "";
    }

    /**
     * The strategy to use. AUTO compresses up to {@link #AUTO_ALWAYS_COMPRESS} patterns, and beyond that when
     * compressing shrinks the data at least by half and leaves at most {@link #AUTO_PATTERN_LIMIT} patterns for the
     * driver: measured in local mode on a million customers, the
     * compressed BG/NBD fit was faster on whole-week and whole-day data (3% and 27% distinct patterns) and about
     * 1.2 times slower when every customer was distinct.
     *
     * @param patterns the approximate pattern count (-1 when not counted)
     * @param customers the customers fitted
     */
    private ClvStrategy resolve(long patterns, long customers) {
        if (strategy != ClvStrategy.AUTO) {
            return strategy;
        }
        ClvStrategy chosen = patterns <= AUTO_ALWAYS_COMPRESS || patterns <= Math.min(AUTO_PATTERN_LIMIT,
                customers / 2) ? ClvStrategy.COMPRESSED : ClvStrategy.DISTRIBUTED;
        LOG.info("CLV fit: about {} distinct patterns among {} customers, so {}", patterns, customers, chosen);
        return chosen;
    }

    /**
     * COMPRESSED: the distinct rows of {@code canonical} with their counts (one shuffle), packed per partition
     * into primitive arrays and collected: the key columns, then the counts.
     */
    private static double[][] patterns(Dataset<Row> canonical, String... keys) {
        List<double[][]> parts = patternCounts(canonical, keys).javaRDD()
                .mapPartitions((FlatMapFunction<Iterator<Row>, double[][]>) rows -> {
                    double[][] c = columns(rows, keys.length + 1);
                    return c[0].length == 0 ? Collections.<double[][]>emptyIterator()
                            : Collections.singletonList(c).iterator();
                })
                .collect();
        int n = parts.stream().mapToInt(p -> p[0].length).sum();
        double[][] out = new double[keys.length + 1][n];
        int at = 0;
        for (double[][] p : parts) {
            for (int k = 0; k < out.length; k++) {
                System.arraycopy(p[k], 0, out[k], at, p[k].length);
            }
            at += p[0].length;
        }
        return out;
    }

    /** The distinct rows of the key columns with their counts as a double column "w": one exchange. */
    static Dataset<Row> patternCounts(Dataset<Row> canonical, String... keys) {
        Column[] by = Arrays.stream(keys).map(k -> col(k)).toArray(Column[]::new);
        return canonical.groupBy(by).agg(count(lit(1)).cast(DataTypes.DoubleType).as("w"));
    }

    /**
     * DISTRIBUTED: one core chunk per partition, cached; the fitter's every request is one treeAggregate over
     * them. The request (a few dozen doubles: the parameter points) travels in the task closure, which is all a
     * broadcast would save for so small a value.
     */
    private static <M> M distributed(Dataset<Row> canonical, FlatMapFunction<Iterator<Row>, CustomerChunk> chunk,
            Function<ChunkedCustomers, M> fit) {
        JavaRDD<CustomerChunk> chunks = canonical.javaRDD().mapPartitions(chunk);
        chunks.setName("loyalty CLV customer chunks").persist(StorageLevel.MEMORY_AND_DISK());
        try {
            return fit.apply(task -> chunks.treeAggregate(task.zero(), task::add, task::merge));
        } finally {
            chunks.unpersist(false);
        }
    }

    private static Iterator<CustomerChunk> purchaseChunk(Iterator<Row> rows) {
        double[][] c = columns(rows, 3);
        return c[0].length == 0 ? Collections.emptyIterator()
                : List.of(CustomerChunk.ofPurchases(c[0], c[1], c[2])).iterator();
    }

    private static Iterator<CustomerChunk> spendChunk(Iterator<Row> rows) {
        double[][] c = columns(rows, 2);
        return c[0].length == 0 ? Collections.emptyIterator() : List.of(CustomerChunk.ofSpend(c[0], c[1])).iterator();
    }

    /** The double columns of a partition's rows as arrays. */
    private static double[][] columns(Iterator<Row> rows, int width) {
        double[][] c = new double[width][1024];
        int n = 0;
        while (rows.hasNext()) {
            Row r = rows.next();
            if (n == c[0].length) {
                for (int k = 0; k < width; k++) {
                    c[k] = Arrays.copyOf(c[k], Math.multiplyExact(n, 2));
                }
            }
            for (int k = 0; k < width; k++) {
                c[k][n] = r.getDouble(k);
            }
            n++;
        }
        for (int k = 0; k < width; k++) {
            c[k] = Arrays.copyOf(c[k], n);
        }
        return c;
    }

    /**
     * Adds {@value #P_ALIVE} and {@value #EXPECTED_PURCHASES} (over {@code horizon} time units) to every row
     * (under {@link NullPolicy#DROP}, to every row without null cells), from the core model's array methods on
     * batches of each partition's rows. Runs one counting pass over the input now (the checks); the predictions
     * themselves are lazy.
     *
     * @param customers one row per customer (not modified; the result has its columns and the new ones)
     * @param model the purchase model (BG/NBD, MBG/NBD or Pareto/NBD), in the data's time unit
     * @param horizon the horizon, finite and &gt;= 0
     * @return the rows with the predictions
     * @throws IllegalArgumentException if an argument is null, the horizon is negative or not finite, a column is
     *     missing or not numeric, the input already has a column the predictions add, or rows hold null cells
     *     (unless dropped) or impossible values, with each offending column and its count of rows
     */
    public Dataset<Row> predict(Dataset<Row> customers, TransactionModel model, double horizon) {
        Checks.notNull(model, "model");
        return named(customers, true).predictions(customers, horizon, model, null);
    }

    /**
     * Adds {@value #P_ALIVE}, {@value #EXPECTED_PURCHASES} (over {@code horizon}), {@value #EXPECTED_SPEND} and
     * {@value #CLV} (the calculator's months and discount rate) to every row, as
     * {@link #predict(Dataset, TransactionModel, double)} does.
     *
     * @param customers one row per customer, with the monetary column (which may be null where frequency is 0)
     * @param clv the core's calculator: purchase and spend models, time units per month, months, rate
     * @param horizon the horizon of the expected purchases, finite and &gt;= 0
     * @return the rows with the predictions
     * @throws IllegalArgumentException as {@link #predict(Dataset, TransactionModel, double)}, or if a monetary
     *     value is negative or infinite where frequency &gt; 0
     */
    public Dataset<Row> predict(Dataset<Row> customers, ClvCalculator clv, double horizon) {
        Checks.notNull(clv, "clv");
        return named(customers, true).predictions(customers, horizon, clv.purchases(), clv);
    }

    /** Both predictions: the schema checks, the counting pass, then one lazy mapPartitions. */
    private Dataset<Row> predictions(Dataset<Row> customers, double horizon, TransactionModel model,
            ClvCalculator clv) {
        Checks.nonNegative(Checks.finite(horizon, "horizon"), "horizon");
        Checks.notNull(customers, "customers");
        StructType schema = customers.schema();
        // Schema-only, so checked before the counting pass.
        StructType out = clv == null ? added(schema, P_ALIVE, EXPECTED_PURCHASES)
                : added(schema, P_ALIVE, EXPECTED_PURCHASES, EXPECTED_SPEND, CLV);
        Dataset<Row> valid = check(customers, clv == null ? Use.PREDICT_PURCHASES : Use.PREDICT_CLV).rows();
        int x = schema.fieldIndex(frequency);
        int tx = schema.fieldIndex(recency);
        int t = schema.fieldIndex(age);
        return valid.mapPartitions(clv == null ? ClvPredictions.purchases(model, horizon, x, tx, t)
                : ClvPredictions.clv(clv, horizon, x, tx, t, schema.fieldIndex(monetary)), Encoders.row(out));
    }

    private static StructType added(StructType schema, String... columns) {
        StructType out = schema;
        for (String c : columns) {
            if (Arrays.asList(schema.fieldNames()).contains(c)) {
                throw new IllegalArgumentException(String.format(
                        "customers already has a column '%s', which the predictions add; rename or drop it first", c));
            }
            out = out.add(c, DataTypes.DoubleType, false);
        }
        return out;
    }

    /** What the columns are read for. */
    private enum Use {
        FIT_PURCHASES(true, false, false), FIT_SPEND(false, true, true), PREDICT_PURCHASES(true, false, false),
        PREDICT_CLV(true, true, false);

        final boolean history;
        final boolean spend;
        /** Whether the spend must be positive (the Gamma-Gamma likelihood takes its logarithm). */
        final boolean positiveSpend;

        Use(boolean history, boolean spend, boolean positiveSpend) {
            this.history = history;
            this.spend = spend;
            this.positiveSpend = positiveSpend;
        }
    }

    /**
     * Schema checks, then one pass counting null cells (or dropping them, on request) and impossible values.
     *
     * @param extras aggregates to compute in the same pass
     */
    private Inputs.Validated check(Dataset<Row> customers, Use use, Column... extras) {
        Checks.notNull(customers, "customers");
        List<String> columns = new ArrayList<>(List.of(frequency));
        if (use.history) {
            columns.addAll(List.of(recency, age));
        }
        if (use.spend) {
            columns.add(monetary);
        }
        for (String c : columns) {
            Inputs.requireColumn(customers, c, role(c), Inputs.Kind.NUMERIC);
        }
        Column x = Inputs.number(frequency);
        Column repeat = x.gt(0);
        // Missing cells: everywhere for the history columns, where frequency > 0 for the monetary value.
        List<Inputs.Rule> rules = new ArrayList<>();
        for (String c : columns) {
            Inputs.Rule cell = Inputs.Rule.nullCell(customers, c);
            rules.add(use.spend && c.equals(monetary)
                    ? new Inputs.Rule(c, cell.problem() + " where '" + frequency + "' > 0", "row",
                            cell.bad().and(repeat), true)
                    : cell);
        }
        Column xKnown = Inputs.missing(customers, frequency).unary_$bang();
        rules.add(Inputs.Rule.invalid(frequency, "not a whole number >= 0",
                xKnown.and(x.geq(0).and(x.equalTo(floor(x))).and(x.lt(Integer.MAX_VALUE)).unary_$bang())));
        if (use.history) {
            Column tx = Inputs.number(recency);
            Column t = Inputs.number(age);
            Column txKnown = Inputs.missing(customers, recency).unary_$bang();
            Column tKnown = Inputs.missing(customers, age).unary_$bang();
            rules.add(Inputs.Rule.invalid(age, "negative or infinite",
                    tKnown.and(t.geq(0).and(t.lt(Double.POSITIVE_INFINITY)).unary_$bang())));
            rules.add(Inputs.Rule.invalid(recency, String.format("outside [0, %s]", age),
                    txKnown.and(tKnown).and(tx.geq(0).and(tx.leq(t)).unary_$bang())));
            rules.add(Inputs.Rule.invalid(recency, String.format("not 0 where '%s' is 0", frequency),
                    xKnown.and(txKnown).and(x.equalTo(0)).and(tx.notEqual(0))));
        }
        if (use.spend) {
            Column m = Inputs.number(monetary);
            Column mKnown = Inputs.missing(customers, monetary).unary_$bang();
            Column ok = use.positiveSpend ? m.gt(0) : m.geq(0);
            rules.add(Inputs.Rule.invalid(monetary, String.format("%s or infinite where '%s' > 0",
                    use.positiveSpend ? "<= 0" : "negative", frequency),
                    xKnown.and(mKnown).and(repeat).and(ok.and(m.lt(Double.POSITIVE_INFINITY)).unary_$bang())));
        }
        return Inputs.validate(customers, nulls, rules, List.of(extras));
    }

    /** What a column is read as, for messages. */
    private String role(String column) {
        return column.equals(frequency) ? "frequency" : column.equals(recency) ? "recency"
                : column.equals(age) ? "T" : "monetary";
    }

    @Override
    public String toString() {
        return String.format("SparkClv[frequency=%s, recency=%s, T=%s, monetary=%s, strategy=%s, nulls=%s]",
                frequency, recency == null ? "recency_<unit>" : recency, age == null ? "T_<unit>" : age,
                monetary == null ? SparkSummaries.MEAN_REPEAT_AMOUNT : monetary, strategy, nulls);
    }
}
