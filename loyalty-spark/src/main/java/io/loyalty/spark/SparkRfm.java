package io.loyalty.spark;

import io.loyalty.internal.Checks;
import io.loyalty.rfm.Bins;
import io.loyalty.rfm.CutPoints;
import io.loyalty.rfm.MonetaryMeasure;
import io.loyalty.rfm.RfmScorer;
import io.loyalty.rfm.RfmScores;
import io.loyalty.rfm.ScoringMethod;
import io.loyalty.rfm.SegmentMap;
import io.loyalty.rfm.SegmentSummary;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.DateType;
import org.apache.spark.sql.types.StringType;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.element_at;
import static org.apache.spark.sql.functions.floor;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.unix_date;
import static org.apache.spark.sql.functions.unix_seconds;
import static org.apache.spark.sql.functions.when;

/**
 * RFM scores and named segments as columns, binned exactly as the core's {@link RfmScorer} (R rfm 0.3.0) bins
 * them: every customer's scores and segment equal {@link RfmScorer#score} on the same figures.
 *
 * <pre>{@code
 * Dataset<Row> summaries = SparkSummaries.of(Summarizer.of(PeriodRule.days(), day), schema)
 *         .summarize(orders).cache();
 * SparkRfm.Result rfm = SparkRfm.of(RfmScorer.withDefaults()).score(summaries, day);
 * rfm.scores().groupBy("segment").count().show();
 * System.out.println(rfm.monetaryBins());
 * }</pre>
 *
 * <p>Input: the summaries of {@link SparkSummaries} (recency = days from the last purchase's UTC day to the
 * analysis date, frequency = its transactions, revenue = its total value, as {@link
 * RfmScorer#score(io.loyalty.data.CustomerSummaries, LocalDate)}), or ready per-customer figures in named columns
 * (as {@link RfmScorer#score(String[], double[], double[], double[])}). Output columns, as {@code
 * io.loyalty.tablesaw.RfmTables} names them: {@code customer_id, recency_days, orders, revenue, monetary}
 * (the scored monetary value), {@code recency_score, frequency_score, monetary_score, rfm_score, segment}.
 *
 * <p>How it runs. On the cluster, by aggregation only (no shuffle): one validation pass (nulls, out-of-range
 * figures, each counted by column; also the customer count and each measure's minimum and maximum), then, for
 * {@link ScoringMethod#R_RFM}, the order statistics the quantile rule reads ({@link CutPoints#rfmRanks}). On the
 * driver: the core turns those into cut points ({@link CutPoints#ofRfmOrderStatistics}), writes each measure's
 * scoring rule as a Spark expression ({@link CutPoints#scoreExpression}), and evaluates its {@link SegmentMap}
 * and {@link RfmScores#combinedScore} for every (R, F, M) combination, which the scores look up in array
 * literals. Scoring itself is a projection: built-in expressions, no UDF, no shuffle.
 *
 * <p>Exact thresholds (the default) cost two aggregations after validation: Spark's {@code percentile_approx}
 * (Greenwald-Khanna, accuracy {@value OrderStatistics#WINDOW_ACCURACY}) brackets each needed rank in a narrow
 * window of values, then one pass counts the values below each window and tallies those inside (about 6 N /
 * {@value OrderStatistics#WINDOW_ACCURACY} per threshold reach the driver); the k-th smallest value is read off,
 * checked, so the thresholds equal the core's to the bit. {@link #withApproximateQuantiles(int)} skips the second
 * pass: each order statistic is {@code percentile_approx} at p = k / N, whose rank is within N / accuracy of k
 * (relative rank error 1 / accuracy), and the core's rule is applied to those. {@link ScoringMethod#FIXED} needs
 * no order statistics. {@link ScoringMethod#NTILE} is not offered: its bins depend on every tied run, not on a
 * few order statistics.
 *
 * <p>The input is read once per pass and once more by the scores: cache it when it is expensive to recompute
 * (as the summaries are: each recomputation is a shuffle). Immutable; the caller's Dataset is never modified.
 *
 * @since 0.1
 */
public final class SparkRfm {
    private static final String ID = "__id";
    private static final String RECENCY = "__recency";
    private static final String ORDERS = "__orders";
    private static final String REVENUE = "__revenue";
    private static final String MONETARY = "__monetary";
    private static final String[] MEASURES = {RECENCY, ORDERS, MONETARY};

    private final RfmScorer scorer;
    private final int accuracy;
    private final NullPolicy nulls;

    private SparkRfm(RfmScorer scorer, int accuracy, NullPolicy nulls) {
        this.scorer = scorer;
        this.accuracy = accuracy;
        this.nulls = nulls;
    }

    /**
     * Scores as a core scorer does (method, bins, monetary measure, segments), with exact thresholds; rows with a
     * null figure are rejected.
     *
     * @param scorer the core's scorer, {@link ScoringMethod#R_RFM} or {@link ScoringMethod#FIXED}
     * @return the calculator
     * @throws IllegalArgumentException for {@link ScoringMethod#NTILE}
     */
    public static SparkRfm of(RfmScorer scorer) {
        Checks.notNull(scorer, "scorer");
        Checks.require(scorer.method() != ScoringMethod.NTILE,
                "ScoringMethod.NTILE is not available on Spark (its bins depend on every tied run, not on a few "
                        + "order statistics): use R_RFM or FIXED");
        return new SparkRfm(scorer, 0, NullPolicy.REJECT);
    }

    /**
     * This calculator with approximate quantile thresholds, for very large data: each order statistic the rule
     * reads is Spark's {@code percentile_approx} at p = k / N with this accuracy, whose rank lies within
     * {@code N / accuracy} of k (relative rank error {@code 1 / accuracy}); one aggregation fewer, and nothing but
     * the sketches reaches the driver.
     *
     * @param accuracy {@code percentile_approx}'s accuracy, positive (Spark's default is 10,000)
     * @return a new calculator
     */
    public SparkRfm withApproximateQuantiles(int accuracy) {
        Checks.require(accuracy > 0, "accuracy must be positive, got %d", accuracy);
        return new SparkRfm(scorer, accuracy, nulls);
    }

    /**
     * This calculator with exact quantile thresholds (the default).
     *
     * @return a new calculator
     */
    public SparkRfm withExactQuantiles() {
        return new SparkRfm(scorer, 0, nulls);
    }

    /**
     * This calculator, leaving out rows with a null (or NaN) figure instead of rejecting them.
     *
     * @return a new calculator
     */
    public SparkRfm droppingNulls() {
        return new SparkRfm(scorer, accuracy, NullPolicy.DROP);
    }

    /**
     * The core's scorer whose rules are applied.
     *
     * @return the scorer
     */
    public RfmScorer scorer() {
        return scorer;
    }

    /**
     * Whether thresholds are approximate.
     *
     * @return true after {@link #withApproximateQuantiles(int)}
     */
    public boolean approximate() {
        return accuracy > 0;
    }

    /**
     * Scores the customer summaries of {@link SparkSummaries} (columns {@code customer_id, last_purchase,
     * transactions, revenue}), as {@link RfmScorer#score(io.loyalty.data.CustomerSummaries, LocalDate)}:
     * recency is the number of days from the last purchase's day (UTC) to the analysis date, frequency the
     * purchase rows, revenue the total value.
     *
     * @param summaries the summaries (not modified; cache them, they are read several times)
     * @param analysisDate the day recency is counted to, on or after every last purchase
     * @return the scores (lazy) and the bins (computed)
     * @throws IllegalArgumentException if a column is missing or mistyped, there are no customers, or rows hold
     *     nulls (unless dropped), a last purchase after the analysis date, a non-positive transaction count or a
     *     negative or infinite total, with each offending column and its count
     */
    public Result score(Dataset<Row> summaries, LocalDate analysisDate) {
        Checks.notNull(summaries, "summaries");
        Checks.notNull(analysisDate, "analysisDate");
        String id = SparkSummaries.CUSTOMER_ID;
        String last = SparkSummaries.LAST_PURCHASE;
        String orders = SparkSummaries.TRANSACTIONS;
        String revenue = SparkSummaries.REVENUE;
        DataType idType = Inputs.requireColumn(summaries, id, "customer id", Inputs.Kind.ID);
        DataType lastType = Inputs.requireColumn(summaries, last, "last purchase", Inputs.Kind.TIME);
        Inputs.requireColumn(summaries, orders, "transactions", Inputs.Kind.NUMERIC);
        DataType revenueType = Inputs.requireColumn(summaries, revenue, "total value", Inputs.Kind.NUMERIC);
        Column lastColumn = col(Inputs.quoted(last));
        // The core's rule: whole days from the last purchase's UTC calendar day (floor of seconds / 86,400).
        Column lastDay = lastType instanceof DateType ? unix_date(lastColumn)
                : floor(unix_seconds(lastColumn).divide(86_400));
        Column recency = lit(analysisDate.toEpochDay()).minus(lastDay).cast(DataTypes.DoubleType);
        List<Inputs.Rule> violations = new ArrayList<>();
        violations.add(Inputs.Rule.invalid(last, "after the analysis date " + analysisDate, recency.lt(0)));
        return score(summaries, new Figures(id, idType, recency, Inputs.number(orders), Inputs.number(revenue), revenueType,
                last, orders, revenue, violations));
    }

    /**
     * Scores ready per-customer figures, as {@link RfmScorer#score(String[], double[], double[], double[])} and
     * rfm's {@code rfm_table_customer}.
     *
     * @param customers one row per customer (not modified)
     * @param customerId the id column (string or integral)
     * @param recencyDays the days-since-last-purchase column (numeric, finite, &gt;= 0)
     * @param orders the order-count column (numeric, finite, &gt; 0)
     * @param revenue the total-revenue column (numeric, finite, &gt;= 0)
     * @return the scores (lazy) and the bins (computed)
     * @throws IllegalArgumentException if a column is missing or mistyped, there are no customers, or rows hold
     *     nulls (unless dropped), blank ids or figures out of range, with each offending column and its count
     */
    public Result scoreCustomers(Dataset<Row> customers, String customerId, String recencyDays, String orders,
            String revenue) {
        Checks.notNull(customers, "customers");
        Checks.notBlank(customerId, "customerId");
        Checks.notBlank(recencyDays, "recencyDays");
        Checks.notBlank(orders, "orders");
        Checks.notBlank(revenue, "revenue");
        DataType idType = Inputs.requireColumn(customers, customerId, "customer id", Inputs.Kind.ID);
        DataType recencyType = Inputs.requireColumn(customers, recencyDays, "recency days", Inputs.Kind.NUMERIC);
        DataType ordersType = Inputs.requireColumn(customers, orders, "orders", Inputs.Kind.NUMERIC);
        DataType revenueType = Inputs.requireColumn(customers, revenue, "revenue", Inputs.Kind.NUMERIC);
        Column recency = Inputs.number(recencyDays);
        List<Inputs.Rule> violations = new ArrayList<>();
        violations.add(Inputs.Rule.invalid(recencyDays, "negative", recency.lt(0)));
        if (Inputs.floating(recencyType)) {
            violations.add(Inputs.Rule.invalid(recencyDays, "infinite", Inputs.infinite(recency)));
        }
        if (Inputs.floating(ordersType)) {
            violations.add(Inputs.Rule.invalid(orders, "infinite", Inputs.infinite(Inputs.number(orders))));
        }
        return score(customers, new Figures(customerId, idType, recency, Inputs.number(orders), Inputs.number(revenue),
                revenueType, recencyDays, orders, revenue, violations));
    }

    /** A customer table's figures as expressions over the caller's columns, and their checks so far. */
    private record Figures(String idColumn, DataType idType, Column recency, Column orders, Column revenue,
            DataType revenueType, String recencyColumn, String ordersColumn, String revenueColumn,
            List<Inputs.Rule> violations) {
    }

    private Result score(Dataset<Row> rows, Figures f) {
        Column id = col(Inputs.quoted(f.idColumn())).cast(DataTypes.StringType);
        // Guarded so that a zero order count is reported by the validation pass, not by ANSI division.
        Column monetary = scorer.monetaryMeasure() == MonetaryMeasure.TOTAL ? f.revenue()
                : when(f.orders().gt(0), f.revenue().divide(f.orders()));
        List<Inputs.Rule> violations = new ArrayList<>(f.violations());
        if (f.idType() instanceof StringType) {
            violations.add(Inputs.Rule.invalid(f.idColumn(), "blank", Inputs.blank(id)));
        }
        violations.add(Inputs.Rule.invalid(f.ordersColumn(), "not positive", f.orders().leq(0)));
        if (scorer.monetaryMeasure() == MonetaryMeasure.MEAN_PER_ORDER) {
            // As the core: a mean per order beyond the largest double (tiny order counts) is an error.
            violations.add(Inputs.Rule.invalid(f.revenueColumn(), "beyond the largest double once divided by '"
                    + f.ordersColumn() + "'", Inputs.infinite(monetary)));
        }
        violations.add(Inputs.Rule.invalid(f.revenueColumn(), "negative", f.revenue().lt(0)));
        if (Inputs.floating(f.revenueType())) {
            violations.add(Inputs.Rule.invalid(f.revenueColumn(), "infinite", Inputs.infinite(f.revenue())));
        }
        Column[] measures = {f.recency(), f.orders(), monetary};
        List<Column> aggregates = new ArrayList<>();
        aggregates.add(count(lit(1)));
        for (Column m : measures) {
            aggregates.add(min(m));
            aggregates.add(max(m));
        }
        violations.addAll(0, Inputs.nullCells(rows, f.idColumn(), f.recencyColumn(), f.ordersColumn(),
                f.revenueColumn()));
        Inputs.Validated valid = Inputs.validate(rows, nulls, violations, aggregates);
        Row stats = valid.aggregates();
        long n = stats.getLong(0);
        Checks.require(n > 0, "no customers to score: the input is empty%s",
                nulls == NullPolicy.DROP ? " once incomplete rows are dropped" : "");
        double[] lo = new double[3];
        double[] hi = new double[3];
        for (int j = 0; j < 3; j++) {
            lo[j] = stats.getDouble(1 + 2 * j);
            hi[j] = stats.getDouble(2 + 2 * j);
        }
        Dataset<Row> figures = valid.rows().select(id.as(ID), f.recency().as(RECENCY), f.orders().as(ORDERS),
                f.revenue().as(REVENUE), monetary.as(MONETARY));
        CutPoints[] cuts = cutPoints(figures, n, lo, hi);
        Bins[] bins = new Bins[3];
        for (int j = 0; j < 3; j++) {
            bins[j] = cuts[j].bins(lo[j], hi[j]);
        }
        return new Result(scores(figures, cuts), scorer.segments(), bins[0], bins[1], bins[2], n);
    }

    /** The cut points of recency, frequency and monetary value: the scorer's own, or its rule on the data. */
    private CutPoints[] cutPoints(Dataset<Row> figures, long n, double[] lo, double[] hi) {
        if (scorer.method() == ScoringMethod.FIXED) {
            return new CutPoints[] {scorer.recencyCutPoints().orElseThrow(),
                scorer.frequencyCutPoints().orElseThrow(), scorer.monetaryCutPoints().orElseThrow()};
        }
        long[] ranks = CutPoints.rfmRanks(n, scorer.bins());
        long[][] wanted = {ranks, ranks, ranks};
        double[][] values = accuracy > 0
                ? OrderStatistics.approximate(figures, MEASURES, n, lo, hi, wanted, accuracy)
                : OrderStatistics.exact(figures, MEASURES, n, lo, hi, wanted);
        CutPoints[] cuts = new CutPoints[3];
        for (int j = 0; j < 3; j++) {
            cuts[j] = CutPoints.ofRfmOrderStatistics(n, scorer.bins(), ranks, values[j]);
        }
        return cuts;
    }

    /** The scoring projection: the core's rules as built-in expressions and array-literal lookups. */
    private Dataset<Row> scores(Dataset<Row> figures, CutPoints[] cuts) {
        Column r = cuts[0].scoreExpression(true, scoring(col(RECENCY)));
        Column f = cuts[1].scoreExpression(false, scoring(col(ORDERS)));
        Column m = cuts[2].scoreExpression(false, scoring(col(MONETARY)));
        int n = cuts[0].bins();
        SegmentMap map = scorer.segments();
        int[] segment = new int[n * n * n];
        int[] combined = new int[n * n * n];
        for (int ri = 1; ri <= n; ri++) {
            for (int fi = 1; fi <= n; fi++) {
                for (int mi = 1; mi <= n; mi++) {
                    int at = ((ri - 1) * n + fi - 1) * n + mi - 1;
                    segment[at] = map.indexOf(ri, fi, mi);
                    combined[at] = RfmScores.combinedScore(ri, fi, mi);
                }
            }
        }
        String[] names = new String[map.size() + 1];
        for (int s = 0; s < names.length; s++) {
            names[s] = map.name(s);
        }
        Dataset<Row> scored = figures.select(col(ID), col(RECENCY), col(ORDERS), col(REVENUE), col(MONETARY),
                r.as("recency_score"), f.as("frequency_score"), m.as("monetary_score"));
        // element_at counts from 1.
        Column combination = col("recency_score").minus(1).multiply(n).plus(col("frequency_score")).minus(1)
                .multiply(n).plus(col("monetary_score"));
        return scored.select(col(ID).as(SparkSummaries.CUSTOMER_ID), col(RECENCY).as("recency_days"),
                col(ORDERS).as("orders"), col(REVENUE).as("revenue"), col(MONETARY).as("monetary"),
                col("recency_score"), col("frequency_score"), col("monetary_score"),
                element_at(lit(combined), combination).as("rfm_score"),
                element_at(lit(names), element_at(lit(segment), combination).plus(1)).as("segment"));
    }

    private static CutPoints.ScoreBuilder<Column> scoring(Column value) {
        return new CutPoints.ScoreBuilder<>() {
            @Override
            public Column constant(int score) {
                return lit(score);
            }

            @Override
            public Column plusIfAtLeast(Column score, double cut, int step) {
                return score.plus(when(value.geq(lit(cut)), step).otherwise(0));
            }
        };
    }

    @Override
    public String toString() {
        return "SparkRfm[" + scorer + (accuracy > 0 ? ", approximate quantiles, accuracy " + accuracy
                : ", exact quantiles") + ", nulls " + nulls + "]";
    }

    /**
     * Scored customers and the bins they were scored with.
     *
     * @since 0.1
     */
    public static final class Result {
        private final Dataset<Row> scores;
        private final SegmentMap segments;
        private final Bins recencyBins;
        private final Bins frequencyBins;
        private final Bins monetaryBins;
        private final long customers;

        Result(Dataset<Row> scores, SegmentMap segments, Bins recencyBins, Bins frequencyBins, Bins monetaryBins,
                long customers) {
            this.scores = scores;
            this.segments = segments;
            this.recencyBins = recencyBins;
            this.frequencyBins = frequencyBins;
            this.monetaryBins = monetaryBins;
            this.customers = customers;
        }

        /**
         * One row per customer: {@code customer_id, recency_days, orders, revenue, monetary,
         * recency_score, frequency_score, monetary_score, rfm_score, segment}; lazy, in no particular order.
         *
         * @return the scores
         */
        public Dataset<Row> scores() {
            return scores;
        }

        /**
         * Customers, orders, revenue and shares per segment, as {@link RfmScores#summary()}: one small aggregation
         * of the scores on the cluster (customers, orders and revenue per segment), finished by the core's
         * {@link SegmentSummary#fromTotals}. Orders and revenue are summed exactly per partition and the parts
         * merged on the driver, so the summary equals the core's to the bit whatever the partitioning.
         *
         * @return the summary, one row per segment of the scorer's map, then Others
         * @throws IllegalArgumentException if a segment's revenue sums beyond the largest double
         */
        public SegmentSummary segmentSummary() {
            int k = segments.size() + 1;
            String[] names = new String[k];
            for (int s = 0; s < k; s++) {
                names[s] = segments.name(s);
            }
            SegmentTotals total = new SegmentTotals(k);
            for (byte[] part : scores.select(col("segment"), col("orders"), col("revenue"))
                    .mapPartitions(new SegmentTotals.PerPartition(names), Encoders.BINARY()).collectAsList()) {
                total.add(Shipment.unpack(part, SegmentTotals.class));
            }
            return total.summary(segments);
        }

        /**
         * The recency bins in increasing days (bin 1 scores n), as {@link RfmScores#recencyBins()}.
         *
         * @return the bins
         */
        public Bins recencyBins() {
            return recencyBins;
        }

        /**
         * The frequency bins, as {@link RfmScores#frequencyBins()}.
         *
         * @return the bins
         */
        public Bins frequencyBins() {
            return frequencyBins;
        }

        /**
         * The monetary bins, as {@link RfmScores#monetaryBins()}.
         *
         * @return the bins
         */
        public Bins monetaryBins() {
            return monetaryBins;
        }

        /**
         * The number of customers scored.
         *
         * @return the count
         */
        public long customers() {
            return customers;
        }

        @Override
        public String toString() {
            return "SparkRfm.Result[" + customers + " customers, recency " + recencyBins + ", frequency "
                    + frequencyBins + ", monetary " + monetaryBins + "]";
        }
    }
}
