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

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Event and path inputs: accepted column types, and bad input named with its column and count of rows. */
class SparkAttributionInputTest {
    private static final long DAY = 86_400;
    private static final StructType EVENTS = new StructType()
            .add("user", DataTypes.StringType)
            .add("time", DataTypes.TimestampType)
            .add("channel", DataTypes.StringType)
            .add("converted", DataTypes.BooleanType)
            .add("value", DataTypes.DoubleType)
            .add("note", DataTypes.StringType);
    private static final TouchSchema SCHEMA = TouchSchema.of("user", "time", "channel", "converted")
            .withValue("value");

    private static SparkSession spark;

    @BeforeAll
    static void start() {
        spark = LocalSpark.start("SparkAttributionInputTest");
    }

    @AfterAll
    static void stop() {
        spark.stop();
    }

    private static Timestamp at(long seconds) {
        return new Timestamp(seconds * 1000);
    }

    private static Row touch(String user, long seconds, String channel) {
        return RowFactory.create(user, at(seconds), channel, false, null, "x");
    }

    private static Row conversion(String user, long seconds, Double value) {
        return RowFactory.create(user, at(seconds), null, true, value, "x");
    }

    private static Dataset<Row> events(Row... rows) {
        return spark.createDataFrame(List.of(rows), EVENTS);
    }

    /** The core test's events: u converts at 2d (worth 3) and 40d (no touch within 30 days); v without touches. */
    private static final Row[] CORE_EXAMPLE = {
        touch("u", DAY, "b"), touch("u", 0, "a"), touch("u", 3 * DAY, "c"), touch("u", 42 * DAY, "b"),
        touch("u", 41 * DAY, "a"), conversion("u", 40 * DAY, 7.0), conversion("u", 2 * DAY, 3.0),
        conversion("v", 5, 9.0)};

    private static IllegalArgumentException rejected(Dataset<Row> events, TouchSchema schema) {
        return assertThrows(IllegalArgumentException.class, () -> SparkAttribution.of(schema).pathCounts(events));
    }

    private static void assertMentions(IllegalArgumentException e, String... parts) {
        for (String p : parts) {
            assertTrue(e.getMessage().contains(p), e.getMessage());
        }
    }

    @Test
    void theCoresExampleGivesTheCoresCounts() {
        PathCounts counts = SparkAttribution.collect(SparkAttribution.of(SCHEMA).pathCounts(events(CORE_EXAMPLE)));
        Journeys j = counts.journeys();
        assertEquals(1, j.size());
        assertEquals("a > b", j.path(0));
        assertEquals(1, j.conversions(0));
        assertEquals(3, j.value(0));
        assertEquals(1, j.nulls(0));
        assertEquals(2, counts.unattributedConversions());
        assertEquals(16, counts.unattributedValue());
        assertTrue(counts.toString().contains("unattributed conversions 2"), counts.toString());
    }

    @Test
    void integralIdsAndMarkersAndDatesAreAccepted() {
        StructType schema = new StructType().add("id", DataTypes.LongType).add("day", DataTypes.DateType)
                .add("ch", DataTypes.StringType).add("conv", DataTypes.IntegerType);
        Dataset<Row> df = spark.createDataFrame(List.of(
                RowFactory.create(7L, Date.valueOf("2024-03-01"), " a", 0),
                RowFactory.create(7L, Date.valueOf("2024-03-02"), "b ", 0),
                RowFactory.create(7L, Date.valueOf("2024-03-02"), null, 1),
                RowFactory.create(8L, Date.valueOf("2024-01-01"), "a", 0),
                RowFactory.create(8L, Date.valueOf("2024-03-01"), null, 2)), schema);
        // Lookback 30 days: user 8's touch is 60 days before its conversion.
        PathCounts counts = SparkAttribution.collect(SparkAttribution.of(TouchSchema.of("id", "day", "ch", "conv"))
                .withJourneys(io.loyalty.attribution.JourneyBuilder.withDefaults().withLookback(Duration.ofDays(30)))
                .pathCounts(df));
        assertEquals(1, counts.journeys().size());
        assertEquals("a > b", counts.journeys().path(0));
        assertEquals(0, counts.journeys().value(0));
        assertEquals(1, counts.unattributedConversions());
    }

    @Test
    void missingAndMistypedColumnsAreNamed() {
        Dataset<Row> df = events(CORE_EXAMPLE);
        assertMentions(rejected(df, TouchSchema.of("customer", "time", "channel", "converted")), "user id",
                "'customer'", "not found");
        assertMentions(rejected(df, TouchSchema.of("user", "note", "channel", "converted")), "time", "'note'",
                "timestamp or date");
        assertMentions(rejected(df, TouchSchema.of("user", "time", "value", "converted")), "channel", "'value'",
                "string");
        assertMentions(rejected(df, TouchSchema.of("user", "time", "channel", "note")), "conversion marker",
                "'note'", "boolean or integral");
        assertMentions(rejected(df, SCHEMA.withValue("note")), "conversion value", "'note'", "numeric");
    }

    @Test
    void nullCellsAreCountedPerColumnThenDroppedOnRequest() {
        Dataset<Row> df = events(touch("u", 0, "a"), touch(null, 1, "a"), touch(null, 2, "b"),
                RowFactory.create("u", null, "a", false, null, "x"), touch("u", 3, null), touch("u", 4, " \t"),
                RowFactory.create("u", at(5), "a", null, null, "x"), conversion("u", 6, null),
                conversion("u", 7, Double.NaN), conversion("u", 8, 2.0));
        assertMentions(rejected(df, SCHEMA), "column 'user' is null in 2 rows", "column 'time' is null in 1 row",
                "column 'converted' is null in 1 row", "column 'channel' is null or blank in 2 touch rows",
                "column 'value' is null or NaN in 2 conversion rows", "NullPolicy.DROP");
        PathCounts kept = SparkAttribution.collect(SparkAttribution.of(SCHEMA.droppingNulls()).pathCounts(df));
        assertEquals("a", kept.journeys().path(0));
        assertEquals(1, kept.journeys().totalConversions());
        assertEquals(2, kept.journeys().totalValue());
    }

    /**
     * Issue 15: the core rejects channel names with a path or CSV separator, a line break or a Markov state's name
     * (after trimming); Spark counts them per rule before the job, on touch rows only, and never drops them.
     */
    @Test
    void channelNamesTheCoreRejectsAreCountedBeforeTheJob() {
        Dataset<Row> df = events(touch("u", 0, "a"), touch("u", 1, "a > b"), touch("u", 2, "x;y"),
                touch("u", 3, "line\nbreak"), touch("u", 4, " (start) "), touch("u", 5, "(null)"),
                touch("u", 6, "(conversion)"), touch("u", 7, "\u0001"), touch("u", 8, " a\n"),
                RowFactory.create("u", at(9), "(start)", true, 1.0, "x"));
        for (TouchSchema schema : List.of(SCHEMA, SCHEMA.droppingNulls())) {
            IllegalArgumentException e = rejected(df, schema);
            assertMentions(e, "column 'channel' is a channel name containing '>', ';' or a line break",
                    "separators) in 3 touch rows",
                    "column 'channel' is a channel name reserved for a Markov state ((start), (conversion), (null))"
                            + " in 3 touch rows");
        }
        // A name that trims to nothing is blank, as the core calls it.
        assertMentions(rejected(events(touch("u", 0, "\u0001 "), conversion("u", 1, 1.0)), SCHEMA),
                "column 'channel' is null or blank in 1 touch row");
        // Trimmed, a name with a line break at its end is fine.
        PathCounts trimmed = SparkAttribution.collect(SparkAttribution.of(SCHEMA).pathCounts(
                events(touch("u", 0, " a\n"), conversion("u", 1, 1.0))));
        assertEquals("a", trimmed.journeys().path(0));
    }

    /**
     * Issue 15: touches at one second are ordered by channel name in code point order (not UTF-16 order: U+FF21
     * comes before U+1F600), and conversions at one second by value, largest first; the others at that second are
     * unattributed. Whatever the order of the rows, Spark and the core agree.
     */
    @Test
    void tiedEventsFollowTheCoresRuleInAnyRowOrder() {
        String[] names = {"b", "a", "\uD83D\uDE00", "\uFF21", "Z", "\u00e9"};
        Row[] rows = {touch("u", 10, names[0]), touch("u", 10, names[1]), touch("u", 10, names[2]),
            touch("u", 10, names[3]), touch("u", 10, names[4]), touch("u", 10, names[5]), conversion("u", 10, 5.0),
            conversion("u", 10, 7.0), conversion("u", 10, 6.0)};
        JourneyBuilder builder = JourneyBuilder.withDefaults();
        for (int shift = 0; shift < rows.length; shift += 4) {
            Row[] rotated = new Row[rows.length];
            for (int i = 0; i < rows.length; i++) {
                rotated[i] = rows[(i + shift) % rows.length];
            }
            List<Row> reversed = new java.util.ArrayList<>(List.of(rotated));
            java.util.Collections.reverse(reversed);
            for (Row[] order : List.of(rotated, reversed.toArray(Row[]::new))) {
                PathCounts counts = SparkAttribution.collect(SparkAttribution.of(SCHEMA).withJourneys(builder)
                        .pathCounts(events(order)));
                assertEquals(1, counts.journeys().size());
                assertEquals("Z > a > b > \u00e9 > \uFF21 > \uD83D\uDE00", counts.journeys().path(0));
                assertEquals(7, counts.journeys().value(0));
                assertEquals(2, counts.unattributedConversions());
                assertEquals(11, counts.unattributedValue());
                assertEquals(core(builder, order).toJourneys().path(0), counts.journeys().path(0));
            }
        }
    }

    /** The core's journeys from the same rows, touches and conversions each in row order. */
    private static TimedJourneys core(JourneyBuilder builder, Row[] rows) {
        List<Row> touches = java.util.Arrays.stream(rows).filter(r -> !r.getBoolean(3)).toList();
        List<Row> conversions = java.util.Arrays.stream(rows).filter(r -> r.getBoolean(3)).toList();
        return builder.build(touches.stream().map(r -> r.getString(0)).toArray(String[]::new),
                touches.stream().mapToLong(r -> r.getTimestamp(1).getTime() / 1000).toArray(),
                touches.stream().map(r -> r.getString(2)).toArray(String[]::new),
                conversions.stream().map(r -> r.getString(0)).toArray(String[]::new),
                conversions.stream().mapToLong(r -> r.getTimestamp(1).getTime() / 1000).toArray(),
                conversions.stream().mapToDouble(r -> r.getDouble(4)).toArray());
    }

    /**
     * Issue 15: collect takes any path-count layout; the empty path (unattributed conversions) bypasses the core's
     * accumulator, so its counts are checked here and summed exactly, never passed on as NaN or a negative count.
     */
    @Test
    void aBadEmptyPathInCollectedCountsIsNamed() {
        StructType layout = new StructType().add("path", DataTypes.createArrayType(DataTypes.StringType))
                .add("total_conversions", DataTypes.DoubleType).add("total_conversion_value", DataTypes.DoubleType)
                .add("total_null", DataTypes.DoubleType);
        List<String> none = List.of();
        for (Row bad : List.of(RowFactory.create(none, -1.0, 0.0, 0.0),
                RowFactory.create(none, 1.0, Double.NaN, 0.0), RowFactory.create(none, Double.POSITIVE_INFINITY, 0.0,
                        0.0), RowFactory.create(none, 1.0, 2.0, 1.0), RowFactory.create(none, null, 2.0, 0.0))) {
            Dataset<Row> df = spark.createDataFrame(List.of(bad), layout);
            assertMentions(assertThrows(IllegalArgumentException.class, () -> SparkAttribution.collect(df)),
                    "empty path", "total_conversions", "total_null");
        }
        Dataset<Row> twice = spark.createDataFrame(List.of(RowFactory.create(none, 1.0, 0.1, 0.0),
                RowFactory.create(none, 2.0, 0.2, 0.0), RowFactory.create(List.of("a"), 1.0, 0.3, 0.0)), layout);
        PathCounts counts = SparkAttribution.collect(twice);
        assertEquals(3, counts.unattributedConversions());
        // 0.1 + 0.2 rounded once from the exact sum of the two doubles, as the core sums values.
        assertEquals(new java.math.BigDecimal(0.1).add(new java.math.BigDecimal(0.2)).doubleValue(),
                counts.unattributedValue());
    }

    @Test
    void negativeOrInfiniteValuesAreRejectedEvenWhenDroppingNulls() {
        Dataset<Row> df = events(touch("u", 0, "a"), conversion("u", 1, -1.0),
                conversion("u", 2, Double.POSITIVE_INFINITY), conversion("u", 3, null));
        IllegalArgumentException e = rejected(df, SCHEMA.droppingNulls());
        assertMentions(e, "column 'value' is negative or infinite in 2 conversion rows");
        assertTrue(!e.getMessage().contains("NullPolicy.DROP"), e.getMessage());
    }

    @Test
    void aggregatedPathsAreCheckedAndSummedByPath() {
        StructType schema = new StructType().add("p", DataTypes.StringType).add("c", DataTypes.LongType)
                .add("v", DataTypes.DoubleType).add("n", DataTypes.IntegerType);
        Dataset<Row> good = spark.createDataFrame(List.of(RowFactory.create("a > b", 1L, 2.5, 3),
                RowFactory.create("a>b", 2L, 0.5, 0), RowFactory.create("b", 0L, 0.0, 4)), schema);
        Journeys j = SparkAttribution.collect(SparkAttribution.aggregatePaths(good, "p", "c", "v", "n")).journeys();
        assertEquals(2, j.size());
        assertEquals(3, j.totalConversions());
        assertEquals(3, j.totalValue());
        assertEquals(7, j.totalNulls());

        Dataset<Row> bad = spark.createDataFrame(List.of(RowFactory.create(null, 1L, 2.5, 3),
                RowFactory.create("a", null, 0.5, -1), RowFactory.create("b", 0L, 1.0, 4)), schema);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> SparkAttribution.aggregatePaths(bad, "p", "c", "v", "n"));
        assertMentions(e, "column 'p' is null in 1 row", "column 'c' is null in 1 row",
                "column 'n' is negative or infinite in 1 row", "column 'v' is positive where conversions are 0 in 1 row");
        assertMentions(assertThrows(IllegalArgumentException.class,
                () -> SparkAttribution.aggregatePaths(good, "path", "c", "v", "n")), "path column 'path' not found");
        assertMentions(assertThrows(IllegalArgumentException.class,
                () -> SparkAttribution.aggregatePaths(good, "c", "c", "v", "n")), "path column 'c'", "string");
    }

    @Test
    void collectNeedsThePathCountLayout() {
        Dataset<Row> df = events(CORE_EXAMPLE);
        assertMentions(assertThrows(IllegalArgumentException.class, () -> SparkAttribution.collect(df)),
                "path column 'path' not found");
        Dataset<Row> wrong = df.selectExpr("converted as path", "1 as total_conversions",
                "0.0 as total_conversion_value", "0 as total_null");
        assertMentions(assertThrows(IllegalArgumentException.class, () -> SparkAttribution.collect(wrong)),
                "string or an array of strings", "boolean");
        assertThrows(IllegalArgumentException.class, () -> SparkAttribution.of(null));
        assertThrows(IllegalArgumentException.class, () -> SparkAttribution.of(SCHEMA).pathCounts(null));
        assertThrows(IllegalArgumentException.class, () -> SparkAttribution.of(SCHEMA).withJourneys(null));
        assertThrows(IllegalArgumentException.class, () -> TouchSchema.of("user", " ", "channel", "converted"));
        assertMentions(assertThrows(IllegalArgumentException.class, () -> SCHEMA.withValue(null)), "column");
        HeuristicAttribution rules = HeuristicAttribution.withDefaults();
        assertMentions(assertThrows(IllegalArgumentException.class,
                () -> SparkAttribution.of(SCHEMA).timeDecay(null, rules)), "events");
        assertMentions(assertThrows(IllegalArgumentException.class,
                () -> SparkAttribution.of(SCHEMA).timeDecay(df, null)), "model");
        assertMentions(assertThrows(IllegalArgumentException.class,
                () -> SparkAttribution.aggregatePaths(null, "p", "c", "v", "n")), "paths");
        assertMentions(assertThrows(IllegalArgumentException.class,
                () -> SparkAttribution.aggregatePaths(df, "user", null, "value", "value")), "conversions column name");
        assertMentions(assertThrows(IllegalArgumentException.class, () -> SparkAttribution.collect(null)),
                "pathCounts");
    }

    @Test
    void noEventsGiveNoPathsAndNoCredit() {
        Dataset<Row> none = events();
        PathCounts paths = SparkAttribution.collect(SparkAttribution.of(SCHEMA).pathCounts(none));
        assertEquals(0, paths.journeys().size());
        assertEquals(0.0, paths.unattributedConversions());
        Attribution decay = SparkAttribution.of(SCHEMA).timeDecay(none, HeuristicAttribution.withDefaults());
        assertEquals(List.of(), decay.channels());
    }
}
