package io.loyalty.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.loyalty.nps.NpsScale;
import io.loyalty.privacy.ContributionBounds;
import io.loyalty.privacy.DpAggregates;
import io.loyalty.privacy.DpTable;
import io.loyalty.privacy.Partitions;
import io.loyalty.privacy.PrivacyBudget;
import io.loyalty.privacy.PrivacyCost;
import io.loyalty.data.PeriodRule;
import io.loyalty.privacy.DpCohorts;
import io.loyalty.privacy.ValueRange;
import io.loyalty.rfm.RfmScorer;
import io.loyalty.rfm.RfmScores;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.TreeSet;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * DP aggregates on Spark: the core's numbers for the same seed (every aggregate, with heavy customers spread over
 * the shuffle partitions so that bounding must cut them the same way), bad input refused before any spend.
 */
class SparkPrivacyTest {
    private static SparkSession spark;

    @BeforeAll
    static void start() {
        spark = LocalSpark.start("SparkPrivacyTest");
    }

    @AfterAll
    static void stop() {
        spark.stop();
    }

    private static PrivacyBudget budget(long seed) {
        return PrivacyBudget.of(10, 1e-5).withNoiseSource(new SplittableRandom(seed));
    }

    @Test
    void sameNumbersAsTheCoreForTheSameSeed() {
        SplittableRandom r = new SplittableRandom(11);
        int n = 3000;
        String[] ids = new String[n];
        String[] parts = new String[n];
        int[] scores = new int[n];
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            // Heavy customers answer in many segments: bounding must cut them the same way on both sides.
            ids[i] = "c" + (r.nextInt(4) == 0 ? r.nextInt(5) : r.nextInt(800));
            parts[i] = "seg" + r.nextInt(6) + (r.nextInt(50) == 0 ? "-rare" + r.nextInt(40) : "");
            scores[i] = r.nextInt(11);
            rows.add(RowFactory.create(ids[i], parts[i], scores[i]));
        }
        StructType schema = new StructType().add("customer", DataTypes.StringType).add("segment",
                DataTypes.StringType).add("score", DataTypes.IntegerType);
        Dataset<Row> ds = spark.createDataFrame(rows, schema);
        ContributionBounds b = ContributionBounds.of(2, 1);
        Partitions sel = Partitions.selected(0.5, 1e-6);
        DpTable core = DpAggregates.nps(ids, parts, scores, NpsScale.standard(), sel, b, PrivacyCost.laplace(1),
                budget(5));
        DpTable onSpark = SparkPrivacy.nps(ds, "customer", "segment", "score", NpsScale.standard(), sel, b,
                PrivacyCost.laplace(1), budget(5));
        assertEquals(core.toCsv(), onSpark.toCsv());
        assertTrue(core.rows().size() >= 6, core.toString());
        // A known-partition release agrees too.
        List<String> known = new ArrayList<>(new java.util.TreeSet<>(List.of(parts)));
        DpTable coreKnown = DpAggregates.nps(ids, parts, scores, NpsScale.standard(), Partitions.known(known), b,
                PrivacyCost.gaussian(0.5), budget(6));
        DpTable sparkKnown = SparkPrivacy.nps(ds, "customer", "segment", "score", NpsScale.standard(),
                Partitions.known(known), b, PrivacyCost.gaussian(0.5), budget(6));
        assertEquals(coreKnown.toCsv(), sparkKnown.toCsv());
    }

    @Test
    void badRowsAreCountedBeforeAnyBudgetIsSpent() {
        StructType schema = new StructType().add("customer", DataTypes.StringType).add("segment",
                DataTypes.StringType).add("score", DataTypes.IntegerType);
        Dataset<Row> ds = spark.createDataFrame(List.of(RowFactory.create("a", "x", 11),
                RowFactory.create(" ", "x", 5), RowFactory.create("b", "x", null)), schema);
        PrivacyBudget b = budget(7);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> SparkPrivacy.nps(ds,
                "customer", "segment", "score", NpsScale.standard(), Partitions.known(List.of("x")),
                ContributionBounds.ONE, PrivacyCost.laplace(1), b));
        assertTrue(e.getMessage().contains("column 'score' is null in 1 row")
                && e.getMessage().contains("column 'customer' is blank in 1 row")
                && e.getMessage().contains("column 'score' is off the scale [0, 10] in 1 row"), e.getMessage());
        assertEquals(0, b.spends().size());
        assertThrows(IllegalArgumentException.class, () -> SparkPrivacy.nps(ds, "nope", "segment", "score",
                NpsScale.standard(), Partitions.known(List.of("x")), ContributionBounds.ONE, PrivacyCost.laplace(1),
                b));
    }

    private static final StructType LABELLED = new StructType().add("customer", DataTypes.StringType)
            .add("label", DataTypes.StringType);

    /** Rows of (customer, label, extra): a quarter from five heavy customers, the rest from {@code customers}. */
    private static String[] ids(SplittableRandom r, int n, int customers) {
        String[] ids = new String[n];
        for (int i = 0; i < n; i++) {
            ids[i] = "c" + (r.nextInt(4) == 0 ? r.nextInt(5) : r.nextInt(customers));
        }
        return ids;
    }

    private static String[] labels(SplittableRandom r, int n, int common) {
        String[] labels = new String[n];
        for (int i = 0; i < n; i++) {
            labels[i] = "p" + r.nextInt(common) + (r.nextInt(50) == 0 ? "-rare" + r.nextInt(40) : "");
        }
        return labels;
    }

    private static Dataset<Row> frame(StructType schema, Object[]... columns) {
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < java.lang.reflect.Array.getLength(columns[0]); i++) {
            Object[] cells = new Object[columns.length];
            for (int c = 0; c < columns.length; c++) {
                cells[c] = java.lang.reflect.Array.get(columns[c], i);
            }
            rows.add(RowFactory.create(cells));
        }
        return spark.createDataFrame(rows, schema);
    }

    private static Integer[] boxed(int[] a) {
        return java.util.Arrays.stream(a).boxed().toArray(Integer[]::new);
    }

    @Test
    void segmentCountsEqualTheCore() {
        SplittableRandom r = new SplittableRandom(21);
        int n = 2000;
        String[] ids = ids(r, n, 600);
        String[] segs = labels(r, n, 5);
        Dataset<Row> ds = frame(LABELLED, ids, segs);
        ContributionBounds b = ContributionBounds.of(2, 1);
        Partitions sel = Partitions.selected(0.5, 1e-6);
        assertEquals(DpAggregates.segmentCounts(ids, segs, sel, b, PrivacyCost.laplace(1), budget(1)).toCsv(),
                SparkPrivacy.segmentCounts(ds, "customer", "label", sel, b, PrivacyCost.laplace(1), budget(1))
                        .toCsv());
        Partitions known = Partitions.known(new TreeSet<>(List.of(segs)));
        DpTable core = DpAggregates.segmentCounts(ids, segs, known, b, PrivacyCost.gaussian(0.5), budget(2));
        assertEquals(core.toCsv(), SparkPrivacy.segmentCounts(ds, "customer", "label", known, b,
                PrivacyCost.gaussian(0.5), budget(2)).toCsv());
    }

    @Test
    void ratingsEqualTheCore() {
        SplittableRandom r = new SplittableRandom(22);
        int n = 2000;
        String[] ids = ids(r, n, 500);
        String[] parts = labels(r, n, 4);
        int[] csat = new int[n];
        for (int i = 0; i < n; i++) {
            csat[i] = 1 + r.nextInt(5);
        }
        StructType schema = LABELLED.add("csat", DataTypes.IntegerType);
        Dataset<Row> ds = frame(schema, ids, parts, boxed(csat));
        ContributionBounds b = ContributionBounds.of(2, 2);
        Partitions sel = Partitions.selected(1, 1e-6);
        DpTable core = DpAggregates.ratings(ids, parts, csat, 1, 5, sel, b, PrivacyCost.laplace(2), budget(3));
        assertEquals(core.toCsv(), SparkPrivacy.ratings(ds, "customer", "label", "csat", 1, 5, sel, b,
                PrivacyCost.laplace(2), budget(3)).toCsv());
        assertTrue(core.rows().size() >= 4, core.toString());
    }

    @Test
    void armsAndTheReadoutEqualTheCore() {
        SplittableRandom r = new SplittableRandom(23);
        int n = 1500;
        String[] ids = ids(r, n, 700);
        String[] arms = new String[n];
        Double[] spend = new Double[n];
        double[] values = new double[n];
        for (int i = 0; i < n; i++) {
            // Heavy customers land in both arms: bounding keeps one arm per customer on both sides.
            arms[i] = r.nextBoolean() ? "control" : "treatment";
            values[i] = Math.floor(r.nextDouble() * 8000) / 100;
            spend[i] = values[i];
        }
        StructType schema = LABELLED.add("spend", DataTypes.DoubleType);
        Dataset<Row> ds = frame(schema, ids, arms, spend);
        Partitions known = Partitions.known(List.of("control", "treatment"));
        ValueRange range = ValueRange.of(0, 200);
        DpTable core = DpAggregates.arms(ids, arms, values, range, known, PrivacyCost.laplace(3), budget(4));
        DpTable onSpark = SparkPrivacy.arms(ds, "customer", "label", "spend", range, known, PrivacyCost.laplace(3),
                budget(4));
        assertEquals(core.toCsv(), onSpark.toCsv());
        assertEquals(DpAggregates.meanDifference(core, "treatment", "control"),
                DpAggregates.meanDifference(onSpark, "treatment", "control"));
    }

    @Test
    void pathCountsEqualTheCore() {
        SplittableRandom r = new SplittableRandom(24);
        int n = 2000;
        String[] ids = ids(r, n, 600);
        String[] paths = new String[n];
        boolean[] converted = new boolean[n];
        Boolean[] boxed = new Boolean[n];
        String[] channels = {"email", "search", "direct"};
        for (int i = 0; i < n; i++) {
            paths[i] = channels[r.nextInt(3)] + " > " + channels[r.nextInt(3)];
            converted[i] = r.nextInt(3) == 0;
            boxed[i] = converted[i];
        }
        StructType schema = LABELLED.add("converted", DataTypes.BooleanType);
        Dataset<Row> ds = frame(schema, ids, paths, boxed);
        ContributionBounds b = ContributionBounds.of(3, 2);
        Partitions sel = Partitions.selected(1, 1e-6);
        DpTable core = DpAggregates.pathCounts(ids, paths, converted, sel, b, PrivacyCost.gaussian(1), budget(5));
        assertEquals(core.toCsv(), SparkPrivacy.pathCounts(ds, "customer", "label", "converted", sel, b,
                PrivacyCost.gaussian(1), budget(5)).toCsv());
    }

    @Test
    void rfmSegmentSummaryEqualsTheCore() {
        SplittableRandom r = new SplittableRandom(25);
        int n = 800;
        String[] ids = new String[n];
        double[] rec = new double[n];
        double[] ord = new double[n];
        double[] rev = new double[n];
        for (int i = 0; i < n; i++) {
            ids[i] = "c" + i;
            rec[i] = r.nextInt(365);
            ord[i] = 1 + r.nextInt(30);
            rev[i] = ord[i] * (5 + r.nextInt(100));
        }
        RfmScores scores = RfmScorer.withDefaults().score(ids, rec, ord, rev);
        String[] seg = new String[n];
        Double[] orders = new Double[n];
        Double[] revenue = new Double[n];
        for (int i = 0; i < n; i++) {
            seg[i] = scores.segment(i);
            orders[i] = scores.orders()[i];
            revenue[i] = scores.revenue()[i];
        }
        StructType schema = LABELLED.add("orders", DataTypes.DoubleType).add("revenue", DataTypes.DoubleType);
        Dataset<Row> ds = frame(schema, scores.ids().toArray(new String[0]), seg, orders, revenue);
        DpTable core = DpAggregates.rfmSegmentSummary(scores, 20, 2000, PrivacyCost.laplace(3), budget(6));
        DpTable onSpark = SparkPrivacy.rfmSegmentSummary(ds, "customer", "label", "orders", "revenue",
                scores.segmentMap(), 20, 2000, PrivacyCost.laplace(3), budget(6));
        assertEquals(core.toCsv(), onSpark.toCsv());
    }

    @Test
    void retentionMatrixEqualsTheCore() {
        SplittableRandom r = new SplittableRandom(26);
        int n = 3000;
        String[] ids = ids(r, n, 700);
        long[] seconds = new long[n];
        Timestamp[] times = new Timestamp[n];
        Instant from = Instant.parse("2024-01-01T00:00:00Z");
        // The span ends inside December: both mark its cells incomplete (issue 19).
        Instant to = Instant.parse("2024-12-20T23:59:59Z");
        for (int i = 0; i < n; i++) {
            seconds[i] = from.getEpochSecond() + r.nextLong(to.getEpochSecond() - from.getEpochSecond() + 1);
            times[i] = Timestamp.from(Instant.ofEpochSecond(seconds[i]));
        }
        StructType schema = new StructType().add("customer", DataTypes.StringType).add("at", DataTypes.TimestampType);
        Dataset<Row> ds = frame(schema, ids, times);
        DpTable core = DpCohorts.retention(ids, seconds, PeriodRule.months(), from, to, 3, PrivacyCost.laplace(2),
                budget(7));
        DpTable onSpark = SparkPrivacy.retention(ds, "customer", "at", PeriodRule.months(), from, to, 3,
                PrivacyCost.laplace(2), budget(7));
        assertEquals(core.toCsv(), onSpark.toCsv());
        assertTrue(onSpark.lastPeriodIncomplete() && onSpark.isIncomplete(0, 11) && onSpark.toCsv().contains("*"));
        PrivacyBudget b = budget(8);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> SparkPrivacy.retention(ds,
                "customer", "at", PeriodRule.months(), from, Instant.parse("2024-06-30T00:00:00Z"), 3,
                PrivacyCost.laplace(2), b));
        assertTrue(e.getMessage().contains("column 'at' has a transaction at 2024-12-"), e.getMessage());
        assertEquals(0, b.spends().size());
    }

    @Test
    void badInputOfTheOtherAggregatesIsRefusedBeforeAnySpend() {
        StructType schema = LABELLED.add("value", DataTypes.DoubleType).add("flag", DataTypes.BooleanType);
        Dataset<Row> ds = spark.createDataFrame(List.of(RowFactory.create("a", "x", Double.NaN, true),
                RowFactory.create("b", "unknown", 1.0, null), RowFactory.create("c", " ", 2.0, false)), schema);
        PrivacyBudget b = budget(9);
        Partitions known = Partitions.known(List.of("x", "y"));
        IllegalArgumentException arms = assertThrows(IllegalArgumentException.class, () -> SparkPrivacy.arms(ds,
                "customer", "label", "value", ValueRange.of(0, 10), known, PrivacyCost.laplace(1), b));
        assertTrue(arms.getMessage().contains("column 'value' is not finite in 1 row")
                && arms.getMessage().contains("column 'label' is not one of the known partitions in 2 rows")
                && arms.getMessage().contains("column 'label' is blank in 1 row"), arms.getMessage());
        IllegalArgumentException paths = assertThrows(IllegalArgumentException.class, () -> SparkPrivacy.pathCounts(
                ds, "customer", "label", "flag", Partitions.selected(1, 1e-6), ContributionBounds.ONE,
                PrivacyCost.laplace(1), b));
        assertTrue(paths.getMessage().contains("column 'flag' is null in 1 row"), paths.getMessage());
        assertThrows(IllegalArgumentException.class, () -> SparkPrivacy.ratings(ds, "customer", "label", "value", 1,
                5, known, ContributionBounds.ONE, PrivacyCost.laplace(1), b));
        assertEquals(0, b.spends().size());
    }
}
