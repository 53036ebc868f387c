package io.loyalty.spark;

import io.loyalty.experiment.ArmSummary;
import io.loyalty.experiment.Comparison;
import io.loyalty.experiment.Proportions;
import io.loyalty.experiment.SegmentedSummaries;
import io.loyalty.experiment.TTest;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.zip.GZIPInputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Experiment summaries on Spark equal the core's on the Hillstrom e-mail test, and so do the tests run on them. */
class SparkExperimentsTest {
    private static final double RELATIVE = 1e-12;
    private static final String[] METRICS = {"visit", "conversion", "spend"};

    private static SparkSession spark;
    private static String[] arm;
    private static String[] historySegment;
    private static double[][] metric;
    private static Dataset<Row> hillstrom;

    @BeforeAll
    static void start() throws IOException {
        spark = LocalSpark.start("SparkExperimentsTest");
        List<String[]> lines = new ArrayList<>();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(new GZIPInputStream(
                Files.newInputStream(LocalSpark.data("hillstrom", "hillstrom.csv.gz"))), StandardCharsets.UTF_8))) {
            List<String> header = List.of(Csv.fields(in.readLine()));
            int[] at = {header.indexOf("segment"), header.indexOf("history_segment"), header.indexOf("visit"),
                header.indexOf("conversion"), header.indexOf("spend")};
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                String[] f = Csv.fields(line);
                lines.add(new String[] {f[at[0]], f[at[1]], f[at[2]], f[at[3]], f[at[4]]});
            }
        }
        int n = lines.size();
        assertEquals(64_000, n);
        arm = new String[n];
        historySegment = new String[n];
        metric = new double[3][n];
        List<Row> rows = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            String[] f = lines.get(i);
            arm[i] = f[0];
            historySegment[i] = f[1];
            int visit = Integer.parseInt(f[2]);
            int conversion = Integer.parseInt(f[3]);
            double spend = Double.parseDouble(f[4]);
            metric[0][i] = visit;
            metric[1][i] = conversion;
            metric[2][i] = spend;
            rows.add(RowFactory.create(arm[i], historySegment[i], visit, conversion, spend));
        }
        hillstrom = spark.createDataFrame(rows, new StructType().add("segment", DataTypes.StringType)
                .add("history_segment", DataTypes.StringType).add("visit", DataTypes.IntegerType)
                .add("conversion", DataTypes.IntegerType).add("spend", DataTypes.DoubleType)).cache();
    }

    @AfterAll
    static void stop() {
        spark.stop();
    }

    /** The core's one-pass reduction of all rows, labels in sorted order (as its Tablesaw adapter codes them). */
    private static SegmentedSummaries core(String[] arms, String[] segments, double[] values) {
        List<String> armLabels = new ArrayList<>(new TreeSet<>(List.of(arms)));
        List<String> segmentLabels = new ArrayList<>(new TreeSet<>(List.of(segments)));
        return SegmentedSummaries.of(codes(arms, armLabels), codes(segments, segmentLabels), values, armLabels,
                segmentLabels);
    }

    private static int[] codes(String[] labels, List<String> sorted) {
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < sorted.size(); i++) {
            index.put(sorted.get(i), i);
        }
        int[] codes = new int[labels.length];
        for (int i = 0; i < labels.length; i++) {
            codes[i] = index.get(labels[i]);
        }
        return codes;
    }

    private static void assertClose(double expected, double actual, String what) {
        assertEquals(expected, actual, RELATIVE * Math.abs(expected), what);
    }

    private static void assertSameSummary(ArmSummary expected, ArmSummary actual, String what) {
        assertEquals(expected.n(), actual.n(), what + " n");
        assertClose(expected.mean(), actual.mean(), what + " mean");
        assertClose(expected.variance(), actual.variance(), what + " variance");
    }

    private static void assertSameSummaries(SegmentedSummaries expected, SegmentedSummaries actual) {
        assertEquals(expected.arms(), actual.arms());
        assertEquals(expected.segments(), actual.segments());
        for (int a = 0; a < expected.arms().size(); a++) {
            assertSameSummary(expected.arm(a), actual.arm(a), expected.arms().get(a));
            for (int s = 0; s < expected.segments().size(); s++) {
                assertEquals(expected.count(a, s), actual.count(a, s));
                if (expected.count(a, s) > 0) {
                    assertSameSummary(expected.cell(a, s), actual.cell(a, s),
                            expected.arms().get(a) + " in " + expected.segments().get(s));
                }
            }
        }
    }

    @Test
    void perArmAndPerSegmentSummariesOfHillstromEqualTheCore() {
        Map<String, SegmentedSummaries> bySegment = SparkExperiments.of("segment", METRICS)
                .bySegment("history_segment").summaries(hillstrom);
        Map<String, SegmentedSummaries> byArm = SparkExperiments.of("segment", METRICS).summaries(hillstrom);
        assertEquals(List.of(METRICS), List.copyOf(bySegment.keySet()));
        String[] all = new String[arm.length];
        Arrays.fill(all, "all");
        for (int j = 0; j < METRICS.length; j++) {
            assertSameSummaries(core(arm, historySegment, metric[j]), bySegment.get(METRICS[j]));
            assertSameSummaries(core(arm, all, metric[j]), byArm.get(METRICS[j]));
        }
        SegmentedSummaries visit = bySegment.get("visit");
        assertEquals(List.of("Mens E-Mail", "No E-Mail", "Womens E-Mail"), visit.arms());
        assertEquals(7, visit.segments().size());
        assertEquals(21_387, visit.arm(2).n());
    }

    @Test
    void theCoresTestsOnTheSummariesEqualTheCoresOnAllRows() {
        Map<String, SegmentedSummaries> spark = SparkExperiments.of("segment", METRICS)
                .bySegment("history_segment").summaries(hillstrom.repartition(7));
        SegmentedSummaries visit = spark.get("visit");
        SegmentedSummaries coreVisit = core(arm, historySegment, metric[0]);
        int women = visit.arms().indexOf("Womens E-Mail");
        int none = visit.arms().indexOf("No E-Mail");
        long successes = Math.round(visit.arm(women).total());
        assertEquals(Math.round(coreVisit.arm(women).total()), successes);
        Comparison rate = Proportions.compare("Womens E-Mail vs No E-Mail", "visit rate", successes,
                visit.arm(women).n(), Math.round(visit.arm(none).total()), visit.arm(none).n(), 0.95);
        assertEquals("Womens E-Mail vs No E-Mail: visit rate +4.52 pp (95 % CI +3.89 to +5.16), p < 1e-40, "
                + "significant", rate.toString());
        assertEquals(Proportions.compare("Womens E-Mail vs No E-Mail", "visit rate",
                Math.round(coreVisit.arm(women).total()), coreVisit.arm(women).n(),
                Math.round(coreVisit.arm(none).total()), coreVisit.arm(none).n(), 0.95), rate);

        SegmentedSummaries spend = spark.get("spend");
        SegmentedSummaries coreSpend = core(arm, historySegment, metric[2]);
        for (int s = 0; s < spend.segments().size(); s++) {
            TTest.Result expected = TTest.withDefaults().test(coreSpend.cell(women, s), coreSpend.cell(none, s));
            TTest.Result actual = TTest.withDefaults().test(spend.cell(women, s), spend.cell(none, s));
            // The means and variances agree to 1e-12 relative; t divides the difference of two close means by its
            // standard error, so it agrees to 1e-12 of the means' scale, not of itself. p and the interval's bounds
            // follow t, through commons-math's t distribution (accurate to about 1e-14 absolute).
            assertEquals(expected.statistic(), actual.statistic(), 1e-10, "t");
            assertClose(expected.df(), actual.df(), "df");
            assertEquals(expected.pValue(), actual.pValue(), 1e-10, "p");
            assertEquals(expected.difference().estimate(), actual.difference().estimate(), 1e-12, "difference");
            assertEquals(expected.difference().lower(), actual.difference().lower(), 1e-10, "lower");
            assertEquals(expected.difference().upper(), actual.difference().upper(), 1e-10, "upper");
        }
    }

    @Test
    void partitionsLargerThanAChunkMergeTheirChunks() {
        Dataset<Row> twice = hillstrom.union(hillstrom).coalesce(1);
        String[] arms = new String[2 * arm.length];
        String[] segments = new String[arms.length];
        double[] spend = new double[arms.length];
        for (int i = 0; i < arms.length; i++) {
            arms[i] = arm[i % arm.length];
            segments[i] = historySegment[i % arm.length];
            spend[i] = metric[2][i % arm.length];
        }
        assertSameSummaries(core(arms, segments, spend),
                SparkExperiments.of("segment", "spend").bySegment("history_segment").summaries(twice).get("spend"));
    }

    @Test
    void badRowsAreCountedAndNamed() {
        StructType schema = new StructType().add("arm", DataTypes.StringType).add("tier", DataTypes.IntegerType)
                .add("spend", DataTypes.DoubleType).add("note", DataTypes.StringType);
        List<Row> rows = List.of(
                RowFactory.create("a", 1, 2.0, "x"),
                RowFactory.create("b", 1, 3.0, "x"),
                RowFactory.create(null, 1, 3.0, "x"),
                RowFactory.create("b", null, Double.NaN, "x"),
                RowFactory.create("b", 2, null, "x"),
                RowFactory.create("a", 2, Double.NEGATIVE_INFINITY, "x"));
        Dataset<Row> df = spark.createDataFrame(rows, schema);
        SparkExperiments byTier = SparkExperiments.of("arm", "spend").bySegment("tier");

        IllegalArgumentException infinite = assertThrows(IllegalArgumentException.class, () -> byTier.summaries(df));
        assertTrue(infinite.getMessage().contains("metric column 'spend' is infinite in 1 row"),
                infinite.getMessage());
        Dataset<Row> finite = df.filter("spend is null or spend > -1e300");
        IllegalArgumentException nulls = assertThrows(IllegalArgumentException.class,
                () -> byTier.summaries(finite));
        assertTrue(nulls.getMessage().contains("column 'arm' is null in 1 row")
                && nulls.getMessage().contains("column 'tier' is null in 1 row")
                && nulls.getMessage().contains("column 'spend' is null or NaN in 2 rows"), nulls.getMessage());
        SegmentedSummaries kept = byTier.droppingNulls().summaries(finite).get("spend");
        assertEquals(List.of("a", "b"), kept.arms());
        assertEquals(List.of("1"), kept.segments());
        assertEquals(5.0, kept.arm(0).total() + kept.arm(1).total());

        assertTrue(assertThrows(IllegalArgumentException.class, () -> SparkExperiments.of("arm", "note")
                .summaries(df)).getMessage().contains("metric column 'note' must be a numeric column"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> SparkExperiments.of("group", "spend")
                .summaries(df)).getMessage().contains("arm column 'group' not found"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> SparkExperiments.of("arm", "spend")
                .droppingNulls().summaries(df.filter("arm is null"))).getMessage().contains("no rows left"));

        // One column cannot be both a label and a measure (as in the core's Tablesaw adapter).
        assertTrue(assertThrows(IllegalArgumentException.class, () -> SparkExperiments.of("spend", "Spend"))
                .getMessage().contains("must differ"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> SparkExperiments.of("arm", "spend")
                .bySegment("arm")).getMessage().contains("must differ"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> SparkExperiments.of("arm", "spend", "spend"))
                .getMessage().contains("must differ"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> byTier.summaries(null))
                .getMessage().contains("rows"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> SparkExperiments.of(null, "spend"))
                .getMessage().contains("armColumn"));
    }
}
