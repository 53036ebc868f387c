package io.loyalty.spark;

import io.loyalty.clv.BetaGeoFitter;
import io.loyalty.clv.BetaGeoModel;
import io.loyalty.clv.ClvCalculator;
import io.loyalty.clv.GammaGammaFitter;
import io.loyalty.clv.GammaGammaModel;
import io.loyalty.data.PeriodRule;
import io.loyalty.data.Summarizer;
import io.loyalty.rfm.RfmScorer;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.split;
import static org.apache.spark.sql.functions.to_timestamp;
import static org.apache.spark.sql.functions.trim;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The README's Spark snippet, as written there, on the CDNOW 1/10 sample written to a temporary "lake"; and the
 * README's block is this test's copy, line for line.
 */
class ReadmeSparkTest {
    private static SparkSession spark;

    @BeforeAll
    static void start() {
        spark = LocalSpark.start("ReadmeSparkTest");
    }

    @AfterAll
    static void stop() {
        spark.stop();
    }

    @Test
    void theReadmeSnippetRuns(@TempDir Path dir) {
        String lake = dir.toString();
        Dataset<Row> fields = spark.read().text(LocalSpark.data("cdnow", "CDNOW_sample.txt").toString())
                .select(split(trim(col("value")), "\\s+").as("f"));
        fields.select(col("f").getItem(1).as("customer_id"), to_timestamp(col("f").getItem(2), "yyyyMMdd").as("ts"),
                col("f").getItem(4).cast("double").as("amount")).write().parquet(lake + "/transactions");

        // --- README ---
        Dataset<Row> tx = spark.read().parquet(lake + "/transactions");        // customer_id, ts, amount
        Dataset<Row> customers = SparkSummaries.of(Summarizer.of(PeriodRule.days().withUnit(7), LocalDate.of(1998, 6, 30)),
                TransactionSchema.of("customer_id", "ts", "amount")).summarize(tx).cache();
        SparkRfm.Result rfm = SparkRfm.of(RfmScorer.withDefaults()).score(customers, LocalDate.of(1998, 7, 1));
        SparkClv clv = SparkClv.withDefaults();
        BetaGeoModel purchases = clv.fit(customers, BetaGeoFitter.withDefaults());
        GammaGammaModel spend = clv.fit(customers, GammaGammaFitter.withDefaults());
        ClvCalculator value = ClvCalculator.of(purchases, spend, 4.345).withMonths(12).withDiscountRate(0.01);
        clv.predict(customers, value, 52).join(rfm.scores().select("customer_id", "rfm_score", "segment"), "customer_id")
                .write().parquet(lake + "/customer_value");
        // --- end ---

        Dataset<Row> out = spark.read().parquet(lake + "/customer_value");
        assertEquals(2357, out.count());
        assertEquals(0, out.filter(col("clv").isNull().or(col("clv").lt(0)).or(col("segment").isNull())).count());
        assertEquals(2357.0, purchases.fitSummary().orElseThrow().customers());
    }

    @Test
    void theReadmeShowsThisSnippet() throws IOException {
        List<String> readme = Files.readAllLines(Paths.get("..", "README.md"));
        int section = readme.indexOf("## On Apache Spark");
        int open = readme.subList(section, readme.size()).indexOf("```java") + section;
        int close = readme.subList(open + 1, readme.size()).indexOf("```") + open + 1;
        List<String> source = Files.readAllLines(Paths.get("src", "test", "java", "io", "loyalty", "spark",
                "ReadmeSparkTest.java"));
        List<String> snippet = new ArrayList<>();
        for (String line : source.subList(source.indexOf("        // --- README ---") + 1,
                source.indexOf("        // --- end ---"))) {
            snippet.add(line.isEmpty() ? line : line.substring(8));
        }
        assertEquals(snippet, readme.subList(open + 1, close));
    }
}
