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
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** DP NPS on Spark: the core's numbers for the same seed, contribution bounding across partitions, bad input. */
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
}
