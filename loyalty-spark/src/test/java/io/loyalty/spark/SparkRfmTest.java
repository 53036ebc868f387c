package io.loyalty.spark;

import io.loyalty.data.CustomerSummaries;
import io.loyalty.data.PeriodRule;
import io.loyalty.data.Summarizer;
import io.loyalty.rfm.Bins;
import io.loyalty.rfm.CutPoints;
import io.loyalty.rfm.MonetaryMeasure;
import io.loyalty.rfm.RfmScorer;
import io.loyalty.rfm.RfmScores;
import io.loyalty.rfm.ScoringMethod;
import io.loyalty.rfm.SegmentStats;
import io.loyalty.rfm.SegmentSummary;
import io.loyalty.testkit.Property;

import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Online Retail (the examples' cleaning, line items summed to invoices, analysis date 2011-12-10): Spark summaries,
 * RFM thresholds, scores and segments equal the core's for every one of the 4,339 customers, to the bit; approximate
 * thresholds within their stated rank error; scoring adds no shuffle; bad input named before any job but the
 * validation pass.
 */
class SparkRfmTest {
    private static final LocalDate DAY = LocalDate.of(2011, 12, 10);
    private static final Summarizer DAYS = Summarizer.of(PeriodRule.days(ZoneOffset.UTC), DAY);
    private static final TransactionSchema SCHEMA = TransactionSchema.of("customer", "time", "amount");

    private static SparkSession spark;
    private static TestData.Transactions invoices;
    private static CustomerSummaries coreSummaries;
    private static RfmScores core;
    private static Dataset<Row> summaries;
    private static Dataset<Row> figures;

    @BeforeAll
    static void start() {
        spark = LocalSpark.start("SparkRfmTest");
        invoices = TestData.onlineRetailInvoices();
        coreSummaries = DAYS.summarize(invoices.columns());
        core = RfmScorer.withDefaults().score(coreSummaries, DAY);
        summaries = SparkSummaries.of(DAYS, SCHEMA).summarize(invoices.frame(spark, 4, 7)).cache();
        figures = figures(core, 3, 5).cache();
    }

    @AfterAll
    static void stop() {
        spark.stop();
    }

    /** The core's per-customer figures (id, recency days, orders, revenue) as a DataFrame in a seeded order. */
    private static Dataset<Row> figures(RfmScores s, int partitions, long seed) {
        int[] order = Property.shuffledPermutation(new SplittableRandom(seed), s.size());
        double[] recency = s.recencyDays();
        double[] orders = s.orders();
        double[] revenue = s.revenue();
        List<Row> rows = new ArrayList<>();
        for (int i : order) {
            rows.add(RowFactory.create(s.id(i), recency[i], orders[i], revenue[i]));
        }
        StructType schema = new StructType().add("id", DataTypes.StringType).add("days", DataTypes.DoubleType)
                .add("orders", DataTypes.DoubleType).add("revenue", DataTypes.DoubleType);
        return spark.createDataFrame(JavaSparkContext.fromSparkContext(spark.sparkContext())
                .parallelize(rows, partitions), schema);
    }

    private static List<Row> byId(Dataset<Row> rows) {
        List<Row> out = new ArrayList<>(rows.collectAsList());
        out.sort(Comparator.comparing(r -> r.getString(0)));
        return out;
    }

    /** Every customer's figures, scores, combined score and segment, and the three bins, to the bit. */
    private static List<Row> assertEqualsCore(RfmScores expected, SparkRfm.Result result) {
        assertEquals(expected.recencyBins(), result.recencyBins());
        assertEquals(expected.frequencyBins(), result.frequencyBins());
        assertEquals(expected.monetaryBins(), result.monetaryBins());
        assertEquals(expected.size(), result.customers());
        List<Row> rows = result.scores().collectAsList();
        assertEquals(expected.size(), rows.size());
        for (Row r : rows) {
            String id = r.getString(0);
            int i = expected.indexOf(id);
            assertTrue(i >= 0, "customer " + id);
            var c = expected.get(i);
            assertEquals(c.recencyDays(), r.getDouble(1), "recency days of " + id);
            assertEquals(c.orders(), r.getDouble(2), "orders of " + id);
            assertEquals(c.revenue(), r.getDouble(3), "revenue of " + id);
            assertEquals(c.monetary(), r.getDouble(4), "monetary of " + id);
            assertEquals(c.recencyScore(), r.getInt(5), "R of " + id);
            assertEquals(c.frequencyScore(), r.getInt(6), "F of " + id);
            assertEquals(c.monetaryScore(), r.getInt(7), "M of " + id);
            assertEquals(c.rfmScore(), r.getInt(8), "RFM score of " + id);
            assertEquals(c.segment(), r.getString(9), "segment of " + id);
        }
        return rows;
    }

    @Test
    void onlineRetailSummariesEqualTheCoresForEveryCustomer() {
        assertEquals(4_339, coreSummaries.size());
        List<Row> rows = summaries.collectAsList();
        assertEquals(coreSummaries.size(), rows.size());
        long[] last = coreSummaries.lastPurchaseEpochSecond();
        int[] x = coreSummaries.frequency();
        double[] tx = coreSummaries.recency();
        double[] age = coreSummaries.t();
        double[] value = coreSummaries.monetary();
        int[] count = coreSummaries.transactions();
        double[] sum = coreSummaries.totalValue();
        for (Row r : rows) {
            String id = r.getString(0);
            int i = coreSummaries.indexOf(id);
            assertEquals(x[i], r.getInt(1), id);
            assertEquals(tx[i], r.getDouble(2), id);
            assertEquals(age[i], r.getDouble(3), id);
            assertEquals(value[i], r.getDouble(4), id);
            assertEquals(Instant.ofEpochSecond(last[i]), r.getTimestamp(6).toInstant(), id);
            assertEquals(count[i], r.getInt(7), id);
            assertEquals(sum[i], r.getDouble(8), id);
        }
    }

    @Test
    void scoresAndSegmentsFromSummariesEqualTheCoresForEveryCustomer() {
        List<Row> rows = assertEqualsCore(core, SparkRfm.of(RfmScorer.withDefaults()).score(summaries, DAY));
        // The published example's segment sizes (docs/rfm.md).
        assertEquals(329, rows.stream().filter(r -> r.getString(9).equals("Champions")).count());
        assertEquals(772, rows.stream().filter(r -> r.getString(9).equals("Lost")).count());
    }

    @Test
    void theSegmentSummaryEqualsTheCores() {
        SegmentSummary spark = SparkRfm.of(RfmScorer.withDefaults()).score(summaries, DAY).segmentSummary();
        List<SegmentStats> expected = core.summary().rows();
        assertEquals(expected.size(), spark.rows().size());
        for (int s = 0; s < expected.size(); s++) {
            SegmentStats e = expected.get(s);
            SegmentStats a = spark.rows().get(s);
            assertEquals(e.segment(), a.segment());
            assertEquals(e.customers(), a.customers(), e.segment());
            assertEquals(e.orders(), a.orders(), e.segment());
            // Exact sums on both sides: equal to the bit.
            assertEquals(e.revenue(), a.revenue(), e.segment());
            assertEquals(e.revenueShare(), a.revenueShare(), e.segment());
        }
        assertEquals(core.summary(), spark);
    }

    @Test
    void scoresFromFiguresEqualTheCoresForOtherConfigurations() {
        String[] ids = core.ids().toArray(new String[0]);
        RfmScorer seven = RfmScorer.withDefaults().withBins(7).withMonetary(MonetaryMeasure.MEAN_PER_ORDER);
        assertEqualsCore(seven.score(ids, core.recencyDays(), core.orders(), core.revenue()),
                SparkRfm.of(seven).scoreCustomers(figures, "id", "days", "orders", "revenue"));
        RfmScorer fixed = RfmScorer.withDefaults().withCutPoints(CutPoints.of(30, 90, 180, 365),
                CutPoints.of(2, 3, 5, 10), CutPoints.of(300, 600, 1200, 3000));
        assertEqualsCore(fixed.score(ids, core.recencyDays(), core.orders(), core.revenue()),
                SparkRfm.of(fixed).scoreCustomers(figures, "id", "days", "orders", "revenue"));
    }

    @Test
    void scoringAddsNoShuffle() {
        assertEquals(0, SparkSummariesTest.exchanges(
                SparkRfm.of(RfmScorer.withDefaults()).scoreCustomers(figures, "id", "days", "orders", "revenue")
                        .scores()));
        // Over summaries that are not cached, the only shuffle is the summaries' own.
        Dataset<Row> uncached = SparkSummaries.of(DAYS, SCHEMA).summarize(invoices.frame(spark, 2, 1));
        assertEquals(1, SparkSummariesTest.exchanges(
                SparkRfm.of(RfmScorer.withDefaults()).withApproximateQuantiles(100).score(uncached, DAY).scores()));
    }

    @Test
    void theResultDoesNotDependOnRowOrderOrPartitioning() {
        SparkRfm rfm = SparkRfm.of(RfmScorer.withDefaults());
        SparkRfm.Result first = rfm.scoreCustomers(figures, "id", "days", "orders", "revenue");
        List<Row> expected = byId(first.scores());
        SegmentSummary summary = first.segmentSummary();
        Property.forAll("rfm independent of row order and partitioning", 4, r -> {
            Dataset<Row> shuffled = figures(core, Property.between(r, 1, 6), r.nextLong());
            SparkRfm.Result again = rfm.scoreCustomers(shuffled, "id", "days", "orders", "revenue");
            assertEquals(expected, byId(again.scores()));
            assertEquals(summary, again.segmentSummary());
        });
    }

    // ---- order statistics ----------------------------------------------------------------------------------

    private static final String[] COLUMNS = {"days", "orders", "revenue"};

    private static double[][] sortedColumns() {
        double[][] x = {core.recencyDays(), core.orders(), core.revenue()};
        for (double[] c : x) {
            Arrays.sort(c);
        }
        return x;
    }

    private static long countBelow(double[] sorted, double v) {
        return Arrays.stream(sorted).filter(x -> x < v).count();
    }

    private static long countAtOrBelow(double[] sorted, double v) {
        return Arrays.stream(sorted).filter(x -> x <= v).count();
    }

    @Test
    void approximateOrderStatisticsAreWithinTheStatedRankError() {
        double[][] sorted = sortedColumns();
        long n = core.size();
        int accuracy = 100;
        long error = (long) Math.ceil((double) n / accuracy);
        long[] ranks = new long[60];
        for (int i = 0; i < ranks.length; i++) {
            ranks[i] = 1 + i * (n - 1) / (ranks.length - 1);
        }
        double[] min = {sorted[0][0], sorted[1][0], sorted[2][0]};
        double[] max = {sorted[0][(int) n - 1], sorted[1][(int) n - 1], sorted[2][(int) n - 1]};
        double[][] values = OrderStatistics.approximate(figures, COLUMNS, n, min, max,
                new long[][] {ranks, ranks, ranks}, accuracy);
        int off = 0;
        for (int j = 0; j < 3; j++) {
            for (int i = 0; i < ranks.length; i++) {
                long k = ranks[i];
                double v = values[j][i];
                // v's ranks are countBelow + 1 .. countAtOrBelow; one of them lies within the error of k.
                assertTrue(countBelow(sorted[j], v) + 1 <= k + error && countAtOrBelow(sorted[j], v) >= k - error,
                        "column " + COLUMNS[j] + " rank " + k + ": " + v);
                off += v != sorted[j][(int) k - 1] ? 1 : 0;
            }
        }
        assertTrue(off > 0, "accuracy 100 on 4,339 values should miss some ranks");
        assertArrayEquals(new double[] {sorted[2][0], sorted[2][(int) n - 1]}, OrderStatistics.approximate(figures,
                COLUMNS, n, min, max, new long[][] {{}, {}, {1, n}}, accuracy)[2]);
    }

    @Test
    void approximateThresholdsAreWithinTheStatedRankError() {
        int accuracy = 50;
        SparkRfm.Result approx = SparkRfm.of(RfmScorer.withDefaults()).withApproximateQuantiles(accuracy)
                .scoreCustomers(figures, "id", "days", "orders", "revenue");
        double[][] sorted = sortedColumns();
        long n = core.size();
        long error = (long) Math.ceil((double) n / accuracy);
        Bins[] bins = {approx.recencyBins(), approx.frequencyBins(), approx.monetaryBins()};
        for (int j = 0; j < 3; j++) {
            for (int i = 1; i < 5; i++) {
                // Cut point = Q(p_i) + 1, Q interpolating the order statistics at floor(h) and ceil(h).
                double q = bins[j].lower(i) - 1;
                double h = 1 + (n - 1) * (i * (1.0 / 5));
                double slack = Math.ulp(bins[j].lower(i)) * 4;
                assertTrue(countBelow(sorted[j], q - slack) + 1 <= Math.ceil(h) + error
                        && countAtOrBelow(sorted[j], q + slack) >= Math.floor(h) - error,
                        "measure " + j + " cut " + i + ": " + bins[j]);
            }
        }
        assertEquals(core.recencyBins().lower(0), approx.recencyBins().lower(0));
        assertEquals(core.monetaryBins().upper(4), approx.monetaryBins().upper(4));
    }

    @Test
    void exactOrderStatisticsSurviveWindowsThatMissTheirRanks() {
        double[][] sorted = sortedColumns();
        long n = core.size();
        double[] min = {sorted[0][0], sorted[1][0], sorted[2][0]};
        double[] max = {sorted[0][(int) n - 1], sorted[1][(int) n - 1], sorted[2][(int) n - 1]};
        long[] ranks = {10, 11, 2000, 4000};
        // Windows far below, far above and inside their ranks' values: the first two must be widened.
        List<OrderStatistics.Window> windows = List.of(
                new OrderStatistics.Window(0, 10, 11, min[0], min[0]),
                new OrderStatistics.Window(0, 2000, 4000, max[0], max[0]),
                new OrderStatistics.Window(1, 10, 4000, min[1], max[1]),
                new OrderStatistics.Window(2, 10, 11, sorted[2][9], sorted[2][10]),
                new OrderStatistics.Window(2, 2000, 2000, max[2], max[2]),
                new OrderStatistics.Window(2, 4000, 4000, sorted[2][3999], sorted[2][3999]));
        double[][] got = OrderStatistics.select(figures, COLUMNS, min, max, new long[][] {ranks, ranks, ranks},
                windows);
        for (int j = 0; j < 3; j++) {
            for (int i = 0; i < ranks.length; i++) {
                assertEquals(sorted[j][(int) ranks[i] - 1], got[j][i], "column " + j + " rank " + ranks[i]);
            }
        }
    }

    // ---- bad input -----------------------------------------------------------------------------------------

    private static final StructType FIGURES = new StructType().add("id", DataTypes.StringType)
            .add("days", DataTypes.DoubleType).add("orders", DataTypes.IntegerType)
            .add("revenue", DataTypes.DoubleType).add("note", DataTypes.StringType);

    /** Issue 15: a mean per order beyond the largest double (a subnormal order count) is rejected, as by the core. */
    @Test
    void aMeanPerOrderBeyondTheLargestDoubleIsRejected() {
        List<Row> rows = List.of(RowFactory.create("a", 1.0, Double.MIN_VALUE, 5.0),
                RowFactory.create("b", 2.0, 1.0, 5.0));
        Dataset<Row> df = spark.createDataFrame(rows, new StructType().add("id", DataTypes.StringType)
                .add("days", DataTypes.DoubleType).add("orders", DataTypes.DoubleType)
                .add("revenue", DataTypes.DoubleType));
        RfmScorer mean = RfmScorer.withDefaults().withMonetary(MonetaryMeasure.MEAN_PER_ORDER);
        assertContains(assertThrows(IllegalArgumentException.class, () -> SparkRfm.of(mean)
                .scoreCustomers(df, "id", "days", "orders", "revenue")).getMessage(),
                "column 'revenue' is beyond the largest double once divided by 'orders' in 1 row");
        assertThrows(IllegalArgumentException.class, () -> mean.score(new String[] {"a", "b"},
                new double[] {1, 2}, new double[] {Double.MIN_VALUE, 1}, new double[] {5, 5}));
    }

    private static Dataset<Row> small(Object[]... rows) {
        List<Row> list = new ArrayList<>();
        for (Object[] r : rows) {
            list.add(RowFactory.create(r));
        }
        return spark.createDataFrame(list, FIGURES);
    }

    private static String rejected(Dataset<Row> df, String id, String days, String orders, String revenue) {
        return assertThrows(IllegalArgumentException.class, () -> SparkRfm.of(RfmScorer.withDefaults())
                .scoreCustomers(df, id, days, orders, revenue)).getMessage();
    }

    private static void assertContains(String message, String... parts) {
        for (String p : parts) {
            assertTrue(message.contains(p), "'" + message + "' should contain '" + p + "'");
        }
    }

    @Test
    void missingAndMistypedColumnsAreNamed() {
        Dataset<Row> df = small(new Object[] {"a", 1.0, 1, 10.0, "x"});
        assertContains(rejected(df, "id", "recency", "orders", "revenue"), "recency days column 'recency'",
                "not found");
        assertContains(rejected(df, "id", "days", "orders", "note"), "revenue column 'note'", "numeric", "string");
        assertContains(assertThrows(IllegalArgumentException.class, () -> SparkRfm.of(RfmScorer.withDefaults())
                .score(df, DAY)).getMessage(), "customer id column 'customer_id'", "not found");
    }

    @Test
    void nullsAndOutOfRangeFiguresAreCountedOrDroppedOnRequest() {
        Dataset<Row> df = small(
                new Object[] {"a", 1.0, 1, 10.0, "x"},
                new Object[] {"b", 3.0, 2, 20.0, "x"},
                new Object[] {null, 2.0, 1, 5.0, "x"},
                new Object[] {"c", null, 1, 5.0, "x"},
                new Object[] {"d", Double.NaN, 1, 5.0, "x"},
                new Object[] {"e", 4.0, 3, null, "x"});
        List<Row> before = df.collectAsList();
        assertContains(rejected(df, "id", "days", "orders", "revenue"), "column 'id' is null in 1 row",
                "column 'days' is null or NaN in 2 rows", "column 'revenue' is null or NaN in 1 row");
        SparkRfm.Result kept = SparkRfm.of(RfmScorer.withDefaults()).droppingNulls()
                .scoreCustomers(df, "id", "days", "orders", "revenue");
        assertEquals(2, kept.customers());
        RfmScores expected = RfmScorer.withDefaults().score(new String[] {"a", "b"}, new double[] {1, 3},
                new double[] {1, 2}, new double[] {10, 20});
        assertEqualsCore(expected, kept);
        assertEquals(before, df.collectAsList());

        Dataset<Row> bad = small(
                new Object[] {"a", -1.0, 1, 10.0, "x"},
                new Object[] {"b", 3.0, 0, -20.0, "x"},
                new Object[] {" ", Double.POSITIVE_INFINITY, 1, 5.0, "x"});
        assertContains(rejected(bad, "id", "days", "orders", "revenue"), "column 'days' is negative in 1 row",
                "column 'days' is infinite in 1 row", "column 'orders' is not positive in 1 row",
                "column 'revenue' is negative in 1 row", "column 'id' is blank in 1 row");
        assertContains(rejected(small(), "id", "days", "orders", "revenue"), "no customers");
        assertContains(assertThrows(IllegalArgumentException.class, () -> SparkRfm.of(RfmScorer.withDefaults()
                .withMonetary(MonetaryMeasure.MEAN_PER_ORDER)).scoreCustomers(small(new Object[] {"a", 1.0, 0, 5.0,
                "x"}), "id", "days", "orders", "revenue")).getMessage(), "column 'orders' is not positive in 1 row");
    }

    @Test
    void anAnalysisDateBeforeALastPurchaseIsCounted() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> SparkRfm.of(RfmScorer.withDefaults()).score(summaries, LocalDate.of(2011, 12, 8)));
        assertContains(e.getMessage(), "column 'last_purchase' is after the analysis date 2011-12-08 in ");
    }

    @Test
    void ntileBadSettingsAndNullArgumentsAreRejected() {
        assertContains(assertThrows(IllegalArgumentException.class, () -> SparkRfm.of(
                RfmScorer.withDefaults().withMethod(ScoringMethod.NTILE))).getMessage(), "NTILE");
        assertContains(assertThrows(IllegalArgumentException.class, () -> SparkRfm.of(null)).getMessage(),
                "scorer must not be null");
        SparkRfm rfm = SparkRfm.of(RfmScorer.withDefaults());
        assertContains(assertThrows(IllegalArgumentException.class, () -> rfm.score(null, DAY)).getMessage(),
                "summaries must not be null");
        assertContains(assertThrows(IllegalArgumentException.class, () -> rfm.score(summaries, null))
                .getMessage(), "analysisDate must not be null");
        Dataset<Row> df = small(new Object[] {"a", 1.0, 1, 10.0, "x"});
        assertContains(rejected(null, "id", "days", "orders", "revenue"), "customers must not be null");
        assertContains(rejected(df, null, "days", "orders", "revenue"), "customerId must not be null");
        assertContains(rejected(df, "id", " ", "orders", "revenue"), "recencyDays must not be null or blank");
        assertContains(rejected(df, "id", "days", null, "revenue"), "orders must not be null");
        assertContains(rejected(df, "id", "days", "orders", ""), "revenue must not be null or blank");
        assertThrows(IllegalArgumentException.class,
                () -> SparkRfm.of(RfmScorer.withDefaults()).withApproximateQuantiles(0));
        SparkRfm approx = SparkRfm.of(RfmScorer.withDefaults()).withApproximateQuantiles(100);
        assertTrue(approx.approximate());
        assertTrue(!approx.withExactQuantiles().approximate());
    }
}
