package io.loyalty.spark;

import io.loyalty.attribution.Attribution;
import io.loyalty.attribution.HeuristicAttribution;
import io.loyalty.attribution.JourneyBuilder;
import io.loyalty.attribution.Journeys;
import io.loyalty.attribution.TimedJourneys;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.sql.Timestamp;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Journeys built with window functions equal the core's {@link JourneyBuilder} on the same seeded events: ties
 * between touches, between conversions and between both, conversions without touches, touches outside the
 * lookback, repeated channels (merged into sessions when a gap is set), names trimmed. Replay a seed with
 * {@code -Dloyalty.seed=...}.
 */
class SparkJourneysTest {
    private static final long DAY = 86_400;
    private static final long SEED = Long.getLong("loyalty.seed", 20_250_601L);
    private static final String[] CHANNELS = {"search", "email", " social ", "display", "direct", "affiliate",
        "social"};
    private static final StructType EVENTS = new StructType()
            .add("user", DataTypes.StringType)
            .add("time", DataTypes.TimestampType)
            .add("channel", DataTypes.StringType)
            .add("converted", DataTypes.BooleanType)
            .add("value", DataTypes.DoubleType);

    private static SparkSession spark;
    private static List<Row> rows;
    private static Dataset<Row> events;

    @BeforeAll
    static void start() {
        spark = LocalSpark.start("SparkJourneysTest");
        rows = generate(new SplittableRandom(SEED), 600);
        events = spark.createDataFrame(rows, EVENTS).cache();
    }

    @AfterAll
    static void stop() {
        spark.stop();
    }

    /**
     * Users with 0 to 14 touches and 0 to 3 conversions on a 6-hour grid over 40 days (so many share a second),
     * in random row order; conversion values in quarters (sums exact in any order); a conversion row sometimes
     * names a channel, which is not a touch.
     */
    private static List<Row> generate(SplittableRandom random, int users) {
        List<Row> out = new ArrayList<>();
        for (int u = 0; u < users; u++) {
            String user = "u" + u;
            int touches = random.nextInt(15);
            int conversions = random.nextInt(4);
            for (int k = 0; k < touches; k++) {
                long t = random.nextLong(160) * 6 * 3600;
                // Repeats: often the same channel as the previous touch of this user.
                String channel = CHANNELS[random.nextInt(random.nextBoolean() ? 2 : CHANNELS.length)];
                out.add(RowFactory.create(user, new Timestamp(t * 1000), channel, false, 0.0));
            }
            for (int k = 0; k < conversions; k++) {
                long t = random.nextLong(160) * 6 * 3600;
                String channel = random.nextInt(3) == 0 ? CHANNELS[random.nextInt(CHANNELS.length)] : null;
                out.add(RowFactory.create(user, new Timestamp(t * 1000), channel, true, random.nextInt(400) / 4.0));
            }
        }
        for (int i = out.size() - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            Row tmp = out.get(i);
            out.set(i, out.get(j));
            out.set(j, tmp);
        }
        return out;
    }

    /** The core's journeys from the same rows, touches and conversions each in row order. */
    private static TimedJourneys core(JourneyBuilder builder) {
        List<String> tu = new ArrayList<>();
        List<Long> tt = new ArrayList<>();
        List<String> tc = new ArrayList<>();
        List<String> cu = new ArrayList<>();
        List<Long> ct = new ArrayList<>();
        List<Double> cv = new ArrayList<>();
        for (Row r : rows) {
            long seconds = r.getTimestamp(1).getTime() / 1000;
            if (r.getBoolean(3)) {
                cu.add(r.getString(0));
                ct.add(seconds);
                cv.add(r.getDouble(4));
            } else {
                tu.add(r.getString(0));
                tt.add(seconds);
                tc.add(r.getString(2));
            }
        }
        return builder.build(tu.toArray(String[]::new), tt.stream().mapToLong(Long::longValue).toArray(),
                tc.toArray(String[]::new), cu.toArray(String[]::new),
                ct.stream().mapToLong(Long::longValue).toArray(), cv.stream().mapToDouble(Double::doubleValue).toArray());
    }

    private static void assertSameJourneys(JourneyBuilder builder) {
        TimedJourneys timed = core(builder);
        Journeys expected = timed.toJourneys();
        SparkAttribution attribution = SparkAttribution.of(
                TouchSchema.of("user", "time", "channel", "converted").withValue("value")).withJourneys(builder);
        PathCounts actual = SparkAttribution.collect(attribution.pathCounts(events));
        String where = builder + ", seed " + SEED;
        // The test data must exercise what it claims to.
        assertTrue(timed.unattributedConversions() > 10 && expected.totalNulls() > 10, where);
        assertEquals(timed.unattributedConversions(), actual.unattributedConversions(), where);
        assertEquals(timed.unattributedValue(), actual.unattributedValue(), where);
        SparkAttributionTest.assertSamePaths(expected, actual.journeys(), 0);
        // Every conversion event is either on a converting journey or unattributed.
        long conversionRows = rows.stream().filter(r -> r.getBoolean(3)).count();
        assertEquals(conversionRows, actual.journeys().totalConversions() + actual.unattributedConversions(), where);
        SparkAttributionTest.assertSameCredits(expected, actual.journeys());
    }

    @Test
    void lookbackOfAWeekSplitsAndDropsAsTheCore() {
        assertSameJourneys(JourneyBuilder.withDefaults().withLookback(Duration.ofDays(7)));
    }

    @Test
    void sessionGapMergesRepeatsAsTheCore() {
        assertSameJourneys(JourneyBuilder.withDefaults().withSessionGap(Duration.ofHours(12)));
        assertSameJourneys(JourneyBuilder.withDefaults().withLookback(Duration.ofDays(3))
                .withSessionGap(Duration.ofDays(1)));
    }

    @Test
    void timeDecayRunsOnTheExecutorsAndEqualsTheCore() {
        JourneyBuilder builder = JourneyBuilder.withDefaults().withLookback(Duration.ofDays(10));
        HeuristicAttribution model = HeuristicAttribution.withDefaults().withHalfLife(Duration.ofDays(2));
        TimedJourneys timed = core(builder);
        Attribution want = model.timeDecay(timed);
        Attribution got = SparkAttribution.of(TouchSchema.of("user", "time", "channel", "converted")
                .withValue("value")).withJourneys(builder).timeDecay(events, model);
        SparkAttributionTest.assertSameCredits(want, got, timed.toJourneys().totalConversions(),
                timed.toJourneys().totalValue());
        assertEquals(List.copyOf(new java.util.TreeSet<>(got.channels())), got.channels());
    }
}
