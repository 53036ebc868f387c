package io.loyalty.spark;

import io.loyalty.data.PeriodRule;
import io.loyalty.internal.Checks;
import io.loyalty.nps.NpsScale;
import io.loyalty.privacy.BoundedTally;
import io.loyalty.privacy.CohortTally;
import io.loyalty.privacy.ContributionBounds;
import io.loyalty.privacy.DpAggregates;
import io.loyalty.privacy.DpCohorts;
import io.loyalty.privacy.DpRelease;
import io.loyalty.privacy.DpTable;
import io.loyalty.privacy.Partitions;
import io.loyalty.privacy.PrivacyBudget;
import io.loyalty.privacy.PrivacyCost;
import io.loyalty.privacy.ValueRange;
import io.loyalty.rfm.SegmentMap;

import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DateType;

import java.io.Serializable;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.IntUnaryOperator;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.isnan;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.unix_date;
import static org.apache.spark.sql.functions.unix_seconds;
import static org.apache.spark.sql.functions.when;

/**
 * Customer-level differentially private aggregates of a {@code Dataset<Row>}, with the core's
 * {@link io.loyalty.privacy} doing the privacy: the rows are validated first (nothing is spent on bad input); the
 * budget is spent and the bounding key drawn on the driver ({@link DpRelease}); the rows are hashed by customer (one
 * exchange) and each executor feeds whole customers to the core's accumulators ({@link BoundedTally},
 * {@link CohortTally}), which bound their contribution; the accumulators (counts only, no customer data) are
 * combined on the driver, where partitions are selected and noise is added once, by the core's code. With the same
 * budget seed and rows, each table equals the core's on arrays:
 *
 * <table class="striped">
 * <caption>Spark method and core equivalent</caption>
 * <tr><th>here</th><th>core</th></tr>
 * <tr><td>{@link #segmentCounts}</td><td>{@link DpAggregates#segmentCounts}</td></tr>
 * <tr><td>{@link #rfmSegmentSummary}</td><td>{@link DpAggregates#rfmSegmentSummary}</td></tr>
 * <tr><td>{@link #nps}</td><td>{@link DpAggregates#nps}</td></tr>
 * <tr><td>{@link #ratings}</td><td>{@link DpAggregates#ratings} (CSAT, CES)</td></tr>
 * <tr><td>{@link #retention}</td><td>{@link DpCohorts#retention}</td></tr>
 * <tr><td>{@link #arms}</td><td>{@link DpAggregates#arms}</td></tr>
 * <tr><td>{@link #pathCounts}</td><td>{@link DpAggregates#pathCounts}</td></tr>
 * </table>
 *
 * <pre>{@code
 * DpTable t = SparkPrivacy.nps(answers, "customer", "segment", "score", NpsScale.standard(),
 *         Partitions.selected(0.5, 1e-6), ContributionBounds.of(2, 1), PrivacyCost.laplace(1), budget);
 * }</pre>
 *
 * <p>With {@link Partitions#selected}, the distinct partition labels are collected first (a second, small job):
 * only those that pass the noisy threshold are published. Bad input: null cells (always rejected: a DP release
 * cannot drop rows silently), blank ids or labels, values off their scale or not finite, and, with known
 * partitions, labels not among them are each reported with the column and the number of rows before any budget is
 * spent. Customer ids are read as strings (an integral id as its decimal string), as the core's arrays hold them.
 *
 * @since 0.2
 */
public final class SparkPrivacy {
    private static final String ID = "__id";
    private static final String PART = "__part";
    private static final String VALUE = "__value";
    private static final String TIME = "__time";

    private SparkPrivacy() {
    }

    /**
     * DP distinct customers per segment (or any partition).
     *
     * @param rows one row per customer and segment membership (more rows of a customer in a segment count once)
     * @param customerColumn the customer id column (string or integral)
     * @param segmentColumn the segment column (string, integral or boolean)
     * @param spec known segments or a selection
     * @param bounds at most {@code maxPartitions} segments per customer, enforced on the executors
     * @param cost the cost of the counts with known segments (unused with a selection, whose counts are released)
     * @param budget the budget to draw from (on the driver)
     * @return the table of {@link DpAggregates#segmentCounts}
     * @throws IllegalArgumentException for a missing or mistyped column or bad rows, naming the column and count
     */
    public static DpTable segmentCounts(Dataset<Row> rows, String customerColumn, String segmentColumn,
            Partitions spec, ContributionBounds bounds, PrivacyCost cost, PrivacyBudget budget) {
        Checks.notNull(rows, "rows");
        Checks.notNull(spec, "spec");
        Checks.notNull(bounds, "bounds");
        Checks.notNull(budget, "budget");
        Checks.require(spec.isSelected() || cost != null, "cost must not be null with known partitions");
        Dataset<Row> valid = labelled(rows, customerColumn, segmentColumn, "segment", spec, List.of(lit(0)),
                List.of());
        List<String> labels = labels(valid, spec);
        DpRelease release = DpRelease.beginSegmentCounts(cost, spec, bounds, budget);
        return release.segmentCounts(labels, tally(valid, labels, 1, IDENTITY, bounds, release.key()));
    }

    /**
     * The DP RFM segment summary from scored customers, such as {@link SparkRfm.Result#scores()}
     * ({@code customer_id, segment, transaction_count, revenue}): customers, orders, revenue and average order value
     * per segment of the map, each customer's orders clamped to {@code [0, maxOrders]} and revenue to
     * {@code [0, maxRevenue]}.
     *
     * @param scores one row per scored customer
     * @param customerColumn the customer id column
     * @param segmentColumn the segment column (the map's names, or {@link SegmentMap#OTHERS})
     * @param ordersColumn the orders column (numeric, finite)
     * @param revenueColumn the revenue column (numeric, finite)
     * @param map the segment map the customers were segmented with
     * @param maxOrders the declared bound on one customer's orders, {@code > 0}
     * @param maxRevenue the declared bound on one customer's revenue, {@code > 0}
     * @param cost the total cost
     * @param budget the budget to draw from
     * @return the table of {@link DpAggregates#rfmSegmentSummary}
     * @throws IllegalArgumentException for a missing or mistyped column or bad rows, naming the column and count
     */
    public static DpTable rfmSegmentSummary(Dataset<Row> scores, String customerColumn, String segmentColumn,
            String ordersColumn, String revenueColumn, SegmentMap map, double maxOrders, double maxRevenue,
            PrivacyCost cost, PrivacyBudget budget) {
        Checks.notNull(scores, "scores");
        Checks.notNull(map, "map");
        Checks.positive(maxOrders, "maxOrders");
        Checks.positive(maxRevenue, "maxRevenue");
        Checks.notNull(cost, "cost");
        Checks.notNull(budget, "budget");
        List<String> segments = new ArrayList<>();
        for (int i = 0; i <= map.size(); i++) {
            segments.add(map.name(i));
        }
        Inputs.requireColumn(scores, ordersColumn, "orders", Inputs.Kind.NUMERIC);
        Inputs.requireColumn(scores, revenueColumn, "revenue", Inputs.Kind.NUMERIC);
        Column orders = col(ordersColumn).cast("double");
        Column revenue = col(revenueColumn).cast("double");
        Dataset<Row> valid = labelled(scores, customerColumn, segmentColumn, "segment", Partitions.known(segments),
                List.of(orders, revenue), List.of(Inputs.Rule.nullCell(scores, ordersColumn),
                        Inputs.Rule.nullCell(scores, revenueColumn), notFinite(ordersColumn, orders),
                        notFinite(revenueColumn, revenue)));
        DpRelease release = DpRelease.beginRfmSegmentSummary(map, maxOrders, maxRevenue, cost, budget);
        List<String> labels = release.segments();
        List<BoundedTally> t = valueTallies(valid, labels, new double[][] {{0, maxOrders}, {0, maxRevenue}},
                release.key());
        return release.rfmSegmentSummary(t.get(0), t.get(1));
    }

    /**
     * DP NPS tallies and scores by partition.
     *
     * @param answers one row per answer; not modified
     * @param customerColumn the customer id column (string or integral)
     * @param partitionColumn the partition column (string, integral or boolean: e.g. "segment | period")
     * @param scoreColumn the answer column (integral)
     * @param scale the NPS scale
     * @param spec known partitions or a selection
     * @param bounds at most {@code maxPartitions} partitions and {@code maxRowsPerPartition} answers each per
     *        customer, enforced on the executors
     * @param cost the cost of the tallies
     * @param budget the budget to draw from (on the driver)
     * @return the table of {@link DpAggregates#nps}
     * @throws IllegalArgumentException for a missing or mistyped column or bad rows, naming the column and count
     */
    public static DpTable nps(Dataset<Row> answers, String customerColumn, String partitionColumn, String scoreColumn,
            NpsScale scale, Partitions spec, ContributionBounds bounds, PrivacyCost cost, PrivacyBudget budget) {
        Checks.notNull(answers, "answers");
        Checks.notNull(scale, "scale");
        checkRelease(spec, bounds, cost, budget);
        Dataset<Row> valid = scored(answers, customerColumn, partitionColumn, scoreColumn, scale.min(), scale.max(),
                spec);
        List<String> labels = labels(valid, spec);
        DpRelease release = DpRelease.beginNps(cost, spec, budget);
        // The scale travels as its cut points: each executor rebuilds it once and asks the core for categories.
        int[] s = {scale.min(), scale.detractorMax(), scale.passiveMax(), scale.max()};
        Categories categories = () -> {
            NpsScale onExecutor = NpsScale.of(s[0], s[1], s[2], s[3]);
            return a -> DpRelease.npsCategory(onExecutor, a);
        };
        return release.nps(labels, tally(valid, labels, 3, categories, bounds, release.key()), bounds);
    }

    /**
     * DP ratings (CSAT on 1..5, CES on 1..7, any integer scale) by partition: a noisy tally per level, the mean and
     * the top-two-box share.
     *
     * @param answers one row per answer; not modified
     * @param customerColumn the customer id column (string or integral)
     * @param partitionColumn the partition column (e.g. "segment | period")
     * @param scoreColumn the rating column (integral)
     * @param min the lowest rating
     * @param max the highest rating, {@code min < max <= min + 100}
     * @param spec known partitions or a selection
     * @param bounds the contribution bounds, enforced on the executors
     * @param cost the cost of the tallies
     * @param budget the budget to draw from (on the driver)
     * @return the table of {@link DpAggregates#ratings}
     * @throws IllegalArgumentException for a missing or mistyped column or bad rows, naming the column and count
     */
    public static DpTable ratings(Dataset<Row> answers, String customerColumn, String partitionColumn,
            String scoreColumn, int min, int max, Partitions spec, ContributionBounds bounds, PrivacyCost cost,
            PrivacyBudget budget) {
        Checks.notNull(answers, "answers");
        Checks.require(max > min && (long) max - min <= 100, "max must lie in (min, min + 100], got min %d, max %d",
                min, max);
        checkRelease(spec, bounds, cost, budget);
        Dataset<Row> valid = scored(answers, customerColumn, partitionColumn, scoreColumn, min, max, spec);
        List<String> labels = labels(valid, spec);
        DpRelease release = DpRelease.beginRatings(min, max, cost, spec, budget);
        Categories levels = () -> a -> a - min;
        return release.ratings(labels, tally(valid, labels, max - min + 1, levels, bounds, release.key()));
    }

    /**
     * The DP cohort retention counts from transactions: each customer in one cohort row (the period of their first
     * transaction) and at most {@code maxOffsets} cells. Share them with {@link DpCohorts#shares}.
     *
     * @param transactions one row per transaction; not modified
     * @param customerColumn the customer id column (string or integral)
     * @param timeColumn the time column: a timestamp, or a date (its period is that day's in the rule's zone)
     * @param rule the period (e.g. {@link PeriodRule#months()})
     * @param from the start of the declared span
     * @param to the end of the declared span (inclusive)
     * @param maxOffsets the most cells one customer may count in, {@code >= 1}
     * @param cost the cost
     * @param budget the budget to draw from (on the driver)
     * @return the table of {@link DpCohorts#retention}, its last period marked incomplete as there
     * @throws IllegalArgumentException for a missing or mistyped column, bad rows, or a transaction outside the
     *         declared span (naming the earliest or latest time found)
     */
    public static DpTable retention(Dataset<Row> transactions, String customerColumn, String timeColumn,
            PeriodRule rule, Instant from, Instant to, int maxOffsets, PrivacyCost cost, PrivacyBudget budget) {
        Checks.notNull(transactions, "transactions");
        Checks.notNull(rule, "rule");
        Checks.notNull(from, "from");
        Checks.notNull(to, "to");
        Checks.require(maxOffsets >= 1, "maxOffsets must be >= 1, got %d", maxOffsets);
        Checks.notNull(cost, "cost");
        Checks.notNull(budget, "budget");
        long first = rule.index(from);
        long last = rule.index(to);
        Checks.require(last >= first, "to %s must not be before from %s", to, from);
        Checks.require(last - first < DpCohorts.MAX_PERIODS, "from %s to %s spans %d periods, more than %d", from,
                to, last - first + 1, DpCohorts.MAX_PERIODS);
        Inputs.requireColumn(transactions, customerColumn, "customer id", Inputs.Kind.ID);
        DataType timeType = Inputs.requireColumn(transactions, timeColumn, "time", Inputs.Kind.TIME);
        boolean days = timeType instanceof DateType;
        Column id = col(customerColumn).cast("string");
        Column time = days ? unix_date(col(timeColumn)).cast("long") : unix_seconds(col(timeColumn));
        List<Inputs.Rule> rules = new ArrayList<>(Inputs.nullCells(transactions, customerColumn, timeColumn));
        rules.add(Inputs.Rule.invalid(customerColumn, "blank", Inputs.blank(id)));
        Inputs.Validated v = Inputs.validate(transactions, NullPolicy.REJECT, rules, List.of(min(time), max(time)));
        Row range = v.aggregates();
        if (range.isNullAt(0)) {
            throw new IllegalArgumentException("transactions has no rows: there is no cohort");
        }
        for (int i = 0; i < 2; i++) {
            long t = range.getLong(i);
            long p = days ? rule.indexOfEpochDay(t) : rule.index(t, 0);
            if (!(p >= first && p <= last)) {
                throw new IllegalArgumentException(Checks.format("column '%s' has a transaction at %s, outside the "
                        + "declared span %s to %s", timeColumn, days ? java.time.LocalDate.ofEpochDay(t)
                        : Instant.ofEpochSecond(t), from, to));
            }
        }
        List<String> labels = new ArrayList<>();
        for (long p = first; p <= last; p++) {
            labels.add(rule.label(p));
        }
        DpRelease release = DpRelease.beginRetention(maxOffsets, cost, budget);
        int periods = labels.size();
        List<byte[]> shipped = v.rows().select(id.as(ID), time.as(TIME)).repartition(col(ID))
                .sortWithinPartitions(col(ID)).javaRDD()
                .mapPartitions((FlatMapFunction<Iterator<Row>, byte[]>) it ->
                        List.of(Shipment.pack(cohorts(it, rule, days, first, periods, maxOffsets))).iterator())
                .collect();
        CohortTally total = CohortTally.create(periods, maxOffsets);
        for (byte[] b : shipped) {
            total.combine(Shipment.unpack(b, CohortTally.class));
        }
        DpTable counts = release.retention(labels, total);
        return DpCohorts.lastPeriodIncomplete(rule, to) ? counts.withLastPeriodIncomplete() : counts;
    }

    /**
     * DP experiment arms: distinct customers and the mean of a metric per arm, each customer in one arm with their
     * total clamped to {@code range}. {@link DpAggregates#meanDifference} turns two rows into an A/B readout.
     *
     * @param rows one row per customer event (a conversion 0 or 1, a spend)
     * @param customerColumn the customer id column (string or integral)
     * @param armColumn the arm column
     * @param valueColumn the metric column (numeric, finite)
     * @param range the declared range of one customer's total
     * @param spec the known arms (or a selection)
     * @param cost the total cost
     * @param budget the budget to draw from (on the driver)
     * @return the table of {@link DpAggregates#arms}
     * @throws IllegalArgumentException for a missing or mistyped column or bad rows, naming the column and count
     */
    public static DpTable arms(Dataset<Row> rows, String customerColumn, String armColumn, String valueColumn,
            ValueRange range, Partitions spec, PrivacyCost cost, PrivacyBudget budget) {
        Checks.notNull(rows, "rows");
        Checks.notNull(range, "range");
        checkRelease(spec, ContributionBounds.ONE, cost, budget);
        Inputs.requireColumn(rows, valueColumn, "value", Inputs.Kind.NUMERIC);
        Column value = col(valueColumn).cast("double");
        Dataset<Row> valid = labelled(rows, customerColumn, armColumn, "arm", spec, List.of(value),
                List.of(Inputs.Rule.nullCell(rows, valueColumn), notFinite(valueColumn, value)));
        List<String> labels = labels(valid, spec);
        DpRelease release = DpRelease.beginArms(cost, spec, budget);
        List<BoundedTally> t = valueTallies(valid, labels, new double[][] {{range.lower(), range.upper()}},
                release.key());
        return release.arms(labels, t.get(0));
    }

    /**
     * DP attribution path counts: journeys ending in a conversion and journeys ending without, per path.
     *
     * @param journeys one row per journey
     * @param customerColumn the customer id column (string or integral)
     * @param pathColumn the path column (e.g. "email &gt; search &gt; direct")
     * @param convertedColumn whether the journey converted (boolean, or integral: non-zero is yes)
     * @param spec known paths or (usually) a selection
     * @param bounds at most {@code maxPartitions} paths and {@code maxRowsPerPartition} journeys each per customer
     * @param cost the cost of the counts
     * @param budget the budget to draw from (on the driver)
     * @return the table of {@link DpAggregates#pathCounts}
     * @throws IllegalArgumentException for a missing or mistyped column or bad rows, naming the column and count
     */
    public static DpTable pathCounts(Dataset<Row> journeys, String customerColumn, String pathColumn,
            String convertedColumn, Partitions spec, ContributionBounds bounds, PrivacyCost cost,
            PrivacyBudget budget) {
        Checks.notNull(journeys, "journeys");
        checkRelease(spec, bounds, cost, budget);
        DataType flag = Inputs.requireColumn(journeys, convertedColumn, "converted", Inputs.Kind.FLAG);
        Column converted = Inputs.integral(flag) ? col(convertedColumn).notEqual(0) : col(convertedColumn);
        // Category 0 is a conversion, 1 a null, as DpRelease#beginPathCounts documents.
        Dataset<Row> valid = labelled(journeys, customerColumn, pathColumn, "path", spec,
                List.of(when(converted, 0).otherwise(1)), List.of(Inputs.Rule.nullCell(journeys, convertedColumn)));
        List<String> labels = labels(valid, spec);
        DpRelease release = DpRelease.beginPathCounts(cost, spec, budget);
        return release.pathCounts(labels, tally(valid, labels, 2, IDENTITY, bounds, release.key()));
    }

    private static void checkRelease(Partitions spec, ContributionBounds bounds, PrivacyCost cost,
            PrivacyBudget budget) {
        Checks.notNull(spec, "spec");
        Checks.notNull(bounds, "bounds");
        Checks.notNull(cost, "cost");
        Checks.notNull(budget, "budget");
    }

    /** Validated answers as (id, partition, score) with the score on [min, max]. */
    private static Dataset<Row> scored(Dataset<Row> answers, String customerColumn, String partitionColumn,
            String scoreColumn, int min, int max, Partitions spec) {
        DataType scoreType = Inputs.requireColumn(answers, scoreColumn, "score", Inputs.Kind.NUMERIC);
        Checks.require(Inputs.integral(scoreType), "score column '%s' must be integral but is %s", scoreColumn,
                scoreType.simpleString());
        Column score = col(scoreColumn);
        return labelled(answers, customerColumn, partitionColumn, "partition", spec, List.of(score.cast("int")),
                List.of(Inputs.Rule.nullCell(answers, scoreColumn), Inputs.Rule.invalid(scoreColumn,
                        Checks.format("off the scale [%d, %d]", min, max), score.lt(min).or(score.gt(max)))));
    }

    /**
     * Validates the customer and partition columns and the {@code extra} rules in one job, then projects the rows
     * to (id, partition, values...) for the tallies.
     */
    private static Dataset<Row> labelled(Dataset<Row> rows, String customerColumn, String partitionColumn,
            String role, Partitions spec, List<Column> values, List<Inputs.Rule> extra) {
        Inputs.requireColumn(rows, customerColumn, "customer id", Inputs.Kind.ID);
        Inputs.requireColumn(rows, partitionColumn, role, Inputs.Kind.LABEL);
        Column id = col(customerColumn).cast("string");
        Column part = col(partitionColumn).cast("string");
        List<Inputs.Rule> rules = new ArrayList<>(Inputs.nullCells(rows, customerColumn, partitionColumn));
        rules.add(Inputs.Rule.invalid(customerColumn, "blank", Inputs.blank(id)));
        rules.add(Inputs.Rule.invalid(partitionColumn, "blank", Inputs.blank(part)));
        if (!spec.isSelected()) {
            rules.add(Inputs.Rule.invalid(partitionColumn, "not one of the known partitions",
                    part.isin(spec.labels().toArray()).unary_$bang()));
        }
        rules.addAll(extra);
        List<Column> projection = new ArrayList<>(List.of(id.as(ID), part.as(PART)));
        for (int i = 0; i < values.size(); i++) {
            projection.add(values.get(i).as(VALUE + i));
        }
        return Inputs.requireValid(rows, NullPolicy.REJECT, rules).select(projection.toArray(new Column[0]));
    }

    private static Inputs.Rule notFinite(String column, Column value) {
        return Inputs.Rule.invalid(column, "not finite", isnan(value).or(Inputs.infinite(value)));
    }

    /** The known labels, or the sorted distinct labels of the data for a selection (a small job). */
    private static List<String> labels(Dataset<Row> valid, Partitions spec) {
        if (!spec.isSelected()) {
            return spec.labels();
        }
        TreeSet<String> distinct = new TreeSet<>();
        for (Row r : valid.select(PART).distinct().collectAsList()) {
            distinct.add(r.getString(0));
        }
        return List.copyOf(distinct);
    }

    /** Makes, on an executor, the map from a row's integer to its category. */
    private interface Categories extends Serializable {
        IntUnaryOperator open();
    }

    private static final Categories IDENTITY = () -> a -> a;

    /** Counts rows by category: one shuffle by customer, the core's accumulator per partition, combined here. */
    private static BoundedTally tally(Dataset<Row> valid, List<String> labels, int categories, Categories of,
            ContributionBounds bounds, long key) {
        int l0 = bounds.maxPartitions();
        int linf = bounds.maxRowsPerPartition();
        List<byte[]> shipped = byCustomer(valid).mapPartitions((FlatMapFunction<Iterator<Row>, byte[]>) it -> {
            BoundedTally t = BoundedTally.create(labels, categories, ContributionBounds.of(l0, linf), key);
            IntUnaryOperator category = of.open();
            Map<String, Integer> index = index(labels);
            new CustomerRuns() {
                private int[] parts = new int[16];
                private int[] cats = new int[16];

                @Override
                void row(Row r, int n) {
                    if (n == parts.length) {
                        parts = Arrays.copyOf(parts, n * 2);
                        cats = Arrays.copyOf(cats, n * 2);
                    }
                    parts[n] = index.get(r.getString(1));
                    cats[n] = category.applyAsInt(r.getInt(2));
                }

                @Override
                void end(String customer, int n) {
                    t.addCustomer(customer, parts, cats, n);
                }
            }.walk(it);
            return List.of(Shipment.pack(t)).iterator();
        }).collect();
        BoundedTally total = BoundedTally.create(labels, categories, bounds, key);
        for (byte[] b : shipped) {
            total.combine(Shipment.unpack(b, BoundedTally.class));
        }
        return total;
    }

    /**
     * Sums clamped values: the rows' columns 2, 3, ... each feed one accumulator with its range ({@code ranges[i]}
     * is {lower, upper}), with {@link ContributionBounds#ONE}; one shuffle by customer.
     */
    private static List<BoundedTally> valueTallies(Dataset<Row> valid, List<String> labels, double[][] ranges,
            long key) {
        int m = ranges.length;
        List<byte[]> shipped = byCustomer(valid).mapPartitions((FlatMapFunction<Iterator<Row>, byte[]>) it -> {
            BoundedTally[] t = new BoundedTally[m];
            for (int i = 0; i < m; i++) {
                t[i] = BoundedTally.create(labels, ValueRange.of(ranges[i][0], ranges[i][1]), ContributionBounds.ONE,
                        key);
            }
            Map<String, Integer> index = index(labels);
            double[][] values = new double[m][16];
            new CustomerRuns() {
                private int[] parts = new int[16];

                @Override
                void row(Row r, int n) {
                    if (n == parts.length) {
                        parts = Arrays.copyOf(parts, n * 2);
                        for (int i = 0; i < m; i++) {
                            values[i] = Arrays.copyOf(values[i], n * 2);
                        }
                    }
                    parts[n] = index.get(r.getString(1));
                    for (int i = 0; i < m; i++) {
                        values[i][n] = r.getDouble(2 + i);
                    }
                }

                @Override
                void end(String customer, int n) {
                    for (int i = 0; i < m; i++) {
                        t[i].addCustomer(customer, parts, values[i], n);
                    }
                }
            }.walk(it);
            return List.of(Shipment.pack(t)).iterator();
        }).collect();
        List<BoundedTally> total = new ArrayList<>();
        for (int i = 0; i < m; i++) {
            total.add(BoundedTally.create(labels, ValueRange.of(ranges[i][0], ranges[i][1]), ContributionBounds.ONE,
                    key));
        }
        for (byte[] b : shipped) {
            BoundedTally[] part = Shipment.unpack(b, BoundedTally[].class);
            for (int i = 0; i < m; i++) {
                total.get(i).combine(part[i]);
            }
        }
        return total;
    }

    /** The rows hashed by customer (the one exchange) and sorted within each partition, so customers are runs. */
    private static org.apache.spark.api.java.JavaRDD<Row> byCustomer(Dataset<Row> valid) {
        return valid.repartition(col(ID)).sortWithinPartitions(col(ID)).javaRDD();
    }

    private static Map<String, Integer> index(List<String> labels) {
        Map<String, Integer> index = new HashMap<>();
        for (int p = 0; p < labels.size(); p++) {
            index.put(labels.get(p), p);
        }
        return index;
    }

    /** One partition's transactions, sorted by customer, fed to the core's cohort kernel customer by customer. */
    private static CohortTally cohorts(Iterator<Row> rows, PeriodRule rule, boolean days, long first, int periods,
            int maxOffsets) {
        CohortTally t = CohortTally.create(periods, maxOffsets);
        new CustomerRuns() {
            private int[] ps = new int[16];

            @Override
            void row(Row r, int n) {
                if (n == ps.length) {
                    ps = Arrays.copyOf(ps, n * 2);
                }
                long time = r.getLong(1);
                ps[n] = (int) ((days ? rule.indexOfEpochDay(time) : rule.index(time, 0)) - first);
            }

            @Override
            void end(String customer, int n) {
                t.addCustomer(ps, n);
            }
        }.walk(rows);
        return t;
    }
}
