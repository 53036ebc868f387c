package io.loyalty.spark;

import io.loyalty.attribution.Attribution;
import io.loyalty.attribution.HeuristicAttribution;
import io.loyalty.attribution.Journeys;
import io.loyalty.attribution.MarkovAttribution;
import io.loyalty.attribution.MarkovResult;
import io.loyalty.attribution.ShapleyAttribution;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat_ws;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.monotonically_increasing_id;
import static org.apache.spark.sql.functions.posexplode;
import static org.apache.spark.sql.functions.sequence;
import static org.apache.spark.sql.functions.size;
import static org.apache.spark.sql.functions.split;
import static org.apache.spark.sql.functions.timestamp_seconds;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * ChannelAttribution's Data.csv (the paths the core's golden tests use): path counts aggregated by Spark, from the
 * paths themselves and from touch events rebuilt out of them, give the core's credits for every model to 1e-9.
 */
class SparkAttributionTest {
    private static final double TOLERANCE = 1e-9;

    private static SparkSession spark;
    private static Journeys core;
    private static Dataset<Row> paths;

    @BeforeAll
    static void start() throws IOException {
        spark = LocalSpark.start("SparkAttributionTest");
        Path file = LocalSpark.data("attribution", "Data.csv");
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.US_ASCII)) {
            core = Journeys.readCsv(in);
        }
        paths = spark.read().option("header", "true").option("sep", ";")
                .schema("path STRING, total_conversions DOUBLE, total_conversion_value DOUBLE, total_null DOUBLE")
                .csv(file.toString());
    }

    @AfterAll
    static void stop() {
        spark.stop();
    }

    @Test
    void pathsAggregatedOnTheClusterGiveTheCoresCredits() {
        Dataset<Row> counts = SparkAttribution.aggregatePaths(paths, "path", "total_conversions",
                "total_conversion_value", "total_null");
        PathCounts collected = SparkAttribution.collect(counts);
        assertEquals(0, collected.unattributedConversions());
        assertSamePaths(core, collected.journeys(), 0);
        assertSameCredits(core, collected.journeys());
    }

    @Test
    void journeysRebuiltFromTouchEventsGiveTheSamePathsAndCredits() {
        // Each path row becomes (conversions + nulls) users: one touch a second along the path, then, for the
        // first `conversions` of them, a conversion one second after the last touch worth value / conversions.
        Dataset<Row> journeys = paths
                .withColumn("row", monotonically_increasing_id())
                .withColumn("channels", split(col("path"), ">"))
                .withColumn("copy", explode(sequence(lit(1),
                        col("total_conversions").plus(col("total_null")).cast("int"))))
                .withColumn("user", concat_ws("-", col("row"), col("copy")))
                .withColumn("converted", col("copy").leq(col("total_conversions")));
        Dataset<Row> touches = journeys
                .select(col("user"), posexplode(col("channels")).as(new String[] {"pos", "channel"}))
                .select(col("user"), timestamp_seconds(col("pos")).as("time"), col("channel"),
                        lit(false).as("converted"), lit(0.0).as("value"));
        Dataset<Row> conversions = journeys.filter(col("converted"))
                .select(col("user"), timestamp_seconds(size(col("channels"))).as("time"),
                        lit(null).cast("string").as("channel"), lit(true).as("converted"),
                        col("total_conversion_value").divide(col("total_conversions")).as("value"));
        Dataset<Row> events = touches.unionByName(conversions);

        SparkAttribution attribution = SparkAttribution.of(
                TouchSchema.of("user", "time", "channel", "converted").withValue("value"));
        PathCounts collected = SparkAttribution.collect(attribution.pathCounts(events));
        assertEquals(0, collected.unattributedConversions());
        assertSamePaths(core, collected.journeys(), 1e-12);
        assertSameCredits(core, collected.journeys());
    }

    /** Equal counts per path (the core's text of each path); values to {@code valueTolerance} relative. */
    static void assertSamePaths(Journeys expected, Journeys actual, double valueTolerance) {
        Map<String, double[]> want = byPath(expected);
        Map<String, double[]> got = byPath(actual);
        Set<String> missing = new TreeSet<>(want.keySet());
        missing.removeAll(got.keySet());
        Set<String> extra = new TreeSet<>(got.keySet());
        extra.removeAll(want.keySet());
        assertTrue(missing.isEmpty() && extra.isEmpty(), "paths missing " + first(missing) + ", extra "
                + first(extra));
        for (Map.Entry<String, double[]> e : want.entrySet()) {
            double[] w = e.getValue();
            double[] g = got.get(e.getKey());
            assertEquals(w[0], g[0], 0, e.getKey());
            assertEquals(w[2], g[2], 0, e.getKey());
            assertEquals(w[1], g[1], valueTolerance * Math.max(1, Math.abs(w[1])), e.getKey());
        }
    }

    private static String first(Set<String> paths) {
        return paths.size() + " " + paths.stream().limit(5).toList();
    }

    private static Map<String, double[]> byPath(Journeys j) {
        Map<String, double[]> out = new HashMap<>();
        for (int i = 0; i < j.size(); i++) {
            out.put(j.path(i), new double[] {j.conversions(i), j.value(i), j.nulls(i)});
        }
        return out;
    }

    /** Every path-based model of the core gives the same credits, channel by channel, on both journeys. */
    static void assertSameCredits(Journeys expected, Journeys actual) {
        HeuristicAttribution rules = HeuristicAttribution.withDefaults().withDirectChannel("alpha");
        ShapleyAttribution shapley = ShapleyAttribution.withDefaults();
        List<Attribution> want = new ArrayList<>();
        List<Attribution> got = new ArrayList<>();
        for (Journeys j : List.of(expected, actual)) {
            List<Attribution> out = j == expected ? want : got;
            out.add(rules.firstTouch(j));
            out.add(rules.lastTouch(j));
            out.add(rules.lastNonDirectTouch(j));
            out.add(rules.linear(j));
            out.add(rules.positionBased(j));
            out.add(shapley.simplified(j));
            out.add(shapley.general(j).attribution());
            for (int order = 1; order <= 3; order++) {
                for (boolean nulls : new boolean[] {true, false}) {
                    MarkovResult m = MarkovAttribution.withDefaults().withOrder(order).withNulls(nulls).attribute(j);
                    out.add(m.attribution());
                }
            }
        }
        for (int m = 0; m < want.size(); m++) {
            assertSameCredits(want.get(m), got.get(m), expected.totalConversions(), expected.totalValue());
        }
    }

    /** Credits equal per channel name (a channel the other side lacks must get 0); totals as the journeys'. */
    static void assertSameCredits(Attribution want, Attribution got, double conversions, double value) {
        assertEquals(want.model(), got.model());
        for (Attribution a : List.of(want, got)) {
            assertEquals(conversions, a.totalConversions(), TOLERANCE * Math.max(1, conversions), a.model());
            assertEquals(value, a.totalValue(), TOLERANCE * Math.max(1, value), a.model());
        }
        List<String> channels = new ArrayList<>(want.channels());
        got.channels().stream().filter(c -> !channels.contains(c)).forEach(channels::add);
        for (String c : channels) {
            double wc = want.channels().contains(c) ? want.conversions(c) : 0;
            double gc = got.channels().contains(c) ? got.conversions(c) : 0;
            double wv = want.channels().contains(c) ? want.value(c) : 0;
            double gv = got.channels().contains(c) ? got.value(c) : 0;
            assertTrue(Math.abs(wc - gc) <= TOLERANCE * Math.max(1, Math.abs(wc)),
                    want.model() + " " + c + ": conversions " + wc + " vs " + gc);
            assertTrue(Math.abs(wv - gv) <= TOLERANCE * Math.max(1, Math.abs(wv)),
                    want.model() + " " + c + ": value " + wv + " vs " + gv);
        }
    }
}
