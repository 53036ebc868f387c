package io.loyalty.spark;

import io.loyalty.data.CalibrationHoldout;
import io.loyalty.data.CustomerSummaries;
import io.loyalty.data.PeriodRule;
import io.loyalty.data.Summarizer;
import io.loyalty.data.TransactionColumns;
import io.loyalty.testkit.Property;

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
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.to_date;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Spark summaries and calibration/holdout splits equal the core's on the full CDNOW log (69,659 rows, 23,570
 * customers, a date column) for every customer: integers exactly, doubles to the bit; one shuffle; the same result
 * for any row order and partitioning; bad input rejected before the shuffle.
 */
class SparkSummariesTest {
    private static final LocalDate END = LocalDate.of(1998, 6, 30);
    private static final Summarizer WEEKS = Summarizer.of(PeriodRule.days().withUnit(7), END);
    private static final TransactionSchema SCHEMA = TransactionSchema.of("customer", "time", "amount");
    private static final Instant CALIBRATION_END = LocalDate.of(1997, 10, 1).atStartOfDay()
            .toInstant(java.time.ZoneOffset.UTC).minusNanos(1);

    private static SparkSession spark;
    private static TestData.Transactions cdnow;
    private static Dataset<Row> cdnowFrame;

    @BeforeAll
    static void start() {
        spark = LocalSpark.start("SparkSummariesTest");
        cdnow = TestData.cdnow();
        cdnowFrame = cdnow.frame(spark, 3, 11).cache();
    }

    @AfterAll
    static void stop() {
        spark.stop();
    }

    @Test
    void cdnowSummariesEqualTheCoresForEveryCustomer() {
        CustomerSummaries core = WEEKS.summarize(cdnow.columns());
        Dataset<Row> summaries = SparkSummaries.of(WEEKS, SCHEMA).summarize(cdnowFrame);
        // The core's column names (DataTables, docs/data.md), the unit in the time columns.
        assertEquals(List.of("customer_id", "frequency", "recency_weeks", "T_weeks", "mean_repeat_amount",
                "first_purchase", "last_purchase", "transactions", "revenue"), List.of(summaries.columns()));
        List<Row> rows = summaries.collectAsList();
        assertEquals(23_570, core.size());
        assertSameSummaries(core, rows);
    }

    /** Every customer of the core's summaries in the rows, and nothing else: integers exactly, doubles to the bit. */
    private static void assertSameSummaries(CustomerSummaries core, List<Row> rows) {
        assertEquals(core.size(), rows.size());
        int[] frequency = core.frequency();
        double[] recency = core.recency();
        double[] t = core.t();
        double[] monetary = core.monetary();
        long[] first = core.firstPurchaseEpochSecond();
        long[] last = core.lastPurchaseEpochSecond();
        int[] count = core.transactions();
        double[] total = core.totalValue();
        for (Row r : rows) {
            String id = r.getString(0);
            int i = core.indexOf(id);
            assertTrue(i >= 0, "customer " + id);
            assertEquals(frequency[i], r.getInt(1), "frequency of " + id);
            // assertEquals on doubles with no delta compares the bits.
            assertEquals(recency[i], r.getDouble(2), "recency of " + id);
            assertEquals(t[i], r.getDouble(3), "T of " + id);
            assertEquals(monetary[i], r.getDouble(4), "monetary of " + id);
            assertEquals(Instant.ofEpochSecond(first[i]), r.getTimestamp(5).toInstant(), "first purchase of " + id);
            assertEquals(Instant.ofEpochSecond(last[i]), r.getTimestamp(6).toInstant(), "last purchase of " + id);
            assertEquals(count[i], r.getInt(7), "transactions of " + id);
            assertEquals(total[i], r.getDouble(8), "total value of " + id);
        }
    }

    @Test
    void cdnowCalibrationHoldoutEqualsTheCoresForEveryCustomer() {
        CalibrationHoldout core = WEEKS.calibrationHoldout(cdnow.columns(), CALIBRATION_END);
        Dataset<Row> split = SparkSummaries.of(WEEKS, SCHEMA).calibrationHoldout(cdnowFrame, CALIBRATION_END);
        assertEquals(List.of("customer_id", "frequency_cal", "recency_weeks_cal", "T_weeks_cal",
                "mean_repeat_amount_cal", "frequency_holdout", "mean_amount_holdout", "duration_weeks_holdout"),
                List.of(split.columns()));
        List<Row> rows = split.collectAsList();
        assertSameSplit(core, rows);
        int repeaters = 0;
        for (Row r : rows) {
            repeaters += r.getInt(5) > 0 ? 1 : 0;
        }
        assertTrue(repeaters > 1000, "holdout repeaters " + repeaters);
    }

    /** Every calibration customer of the core's split in the rows, and nothing else, to the bit. */
    private static void assertSameSplit(CalibrationHoldout core, List<Row> rows) {
        CustomerSummaries cal = core.calibration();
        assertEquals(cal.size(), rows.size());
        int[] frequency = cal.frequency();
        double[] recency = cal.recency();
        double[] t = cal.t();
        double[] monetary = cal.monetary();
        int[] holdoutFrequency = core.holdoutFrequency();
        double[] holdoutMonetary = core.holdoutMonetary();
        for (Row r : rows) {
            String id = r.getString(0);
            int i = cal.indexOf(id);
            assertTrue(i >= 0, "customer " + id);
            assertEquals(frequency[i], r.getInt(1), "frequency_cal of " + id);
            assertEquals(recency[i], r.getDouble(2), "recency_cal of " + id);
            assertEquals(t[i], r.getDouble(3), "T_cal of " + id);
            assertEquals(monetary[i], r.getDouble(4), "monetary_cal of " + id);
            assertEquals(holdoutFrequency[i], r.getInt(5), "frequency_holdout of " + id);
            assertEquals(holdoutMonetary[i], r.getDouble(6), "monetary_holdout of " + id);
            assertEquals(core.holdoutDuration(), r.getDouble(7), "duration_holdout of " + id);
        }
    }

    @Test
    void eachCostsOneShuffle() {
        SparkSummaries s = SparkSummaries.of(WEEKS, SCHEMA);
        assertEquals(1, exchanges(s.summarize(cdnowFrame)));
        assertEquals(1, exchanges(s.calibrationHoldout(cdnowFrame, CALIBRATION_END)));
    }

    /** The shuffles in a plan: its Exchange operators. */
    static int exchanges(Dataset<Row> result) {
        String plan = result.queryExecution().executedPlan().toString();
        Matcher m = Pattern.compile("Exchange").matcher(plan);
        int n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }

    @Test
    void theResultDoesNotDependOnRowOrderOrPartitioning() {
        SparkSummaries s = SparkSummaries.of(WEEKS.withReturnsNetted(), SCHEMA);
        // Returns and same-day rows make the order of additions matter; the result must not.
        TestData.Transactions sample = withReturns(cdnow, 5_000);
        List<Row> expected = sorted(s.summarize(sample.frame(spark, 1, 1)).collectAsList());
        assertEquals(WEEKS.withReturnsNetted().summarize(sample.columns()).size(), expected.size());
        Property.forAll("summaries independent of row order, partitioning and chunking", 6, r -> {
            Dataset<Row> shuffled = sample.frame(spark, Property.between(r, 1, 7), r.nextLong());
            assertEquals(expected, sorted(s.withChunk(Property.between(r, 1, 400)).summarize(shuffled)
                    .collectAsList()));
        });
        // Calibration/holdout in small chunks, some of them holdout-only.
        Instant calibrationEnd = LocalDate.of(1997, 3, 1).atStartOfDay().toInstant(java.time.ZoneOffset.UTC);
        assertEquals(sorted(s.calibrationHoldout(cdnowFrame, calibrationEnd).collectAsList()),
                sorted(s.withChunk(3).calibrationHoldout(cdnowFrame, calibrationEnd).collectAsList()));
    }

    /**
     * Issue 15, items 1 and 7: 64-bit ids above 2^53 (snowflake ids, neighbours that one double cannot tell apart),
     * a decimal(20,0) id beyond a long, and a repeat spend whose sum needs more than a double (1e16 then 1 and 1:
     * monetary exactly 1): every customer kept apart, every sum exact, equal to the core's to the bit.
     */
    @Test
    void snowflakeIdsStayApartAndRepeatSpendIsExact() {
        long big = (1L << 53) + 1;
        Object[][] rows = {
            {big, "1998-01-01", 1e16}, {big, "1998-02-01", 1.0}, {big, "1998-03-01", 1.0},
            {big + 1, "1998-01-01", 5.0}, {big + 1, "1998-01-02", 7.0},
            {Long.MAX_VALUE, "1998-01-01", 2.5}, {Long.MAX_VALUE - 1, "1998-01-01", 3.5}};
        List<Row> longIds = new ArrayList<>();
        String[] ids = new String[rows.length];
        int[] days = new int[rows.length];
        double[] amounts = new double[rows.length];
        for (int i = 0; i < rows.length; i++) {
            LocalDate day = LocalDate.parse((String) rows[i][1]);
            longIds.add(RowFactory.create(rows[i][0], java.sql.Date.valueOf(day), rows[i][2]));
            ids[i] = Long.toString((Long) rows[i][0]);
            days[i] = (int) day.toEpochDay();
            amounts[i] = (Double) rows[i][2];
        }
        Dataset<Row> frame = spark.createDataFrame(longIds, new StructType().add("id", DataTypes.LongType)
                .add("day", DataTypes.DateType).add("amount", DataTypes.DoubleType));
        Summarizer days30 = Summarizer.of(PeriodRule.days(), END);
        CustomerSummaries core = days30.summarize(TransactionColumns.ofEpochDays(ids, days, amounts));
        assertEquals(4, core.size());
        assertEquals(1.0, core.monetary()[core.indexOf(Long.toString(big))]);
        TransactionSchema schema = TransactionSchema.of("id", "day", "amount");
        assertSameSummaries(core, SparkSummaries.of(days30, schema).summarize(frame).collectAsList());

        // A decimal(20,0) id column: 2^64 - 1 and its neighbour, beyond a long, kept as their digits.
        Dataset<Row> decimal = frame.select(col("id").cast(DataTypes.createDecimalType(20, 0))
                .plus(lit(new java.math.BigDecimal("18446744073709551615")).minus(lit(Long.MAX_VALUE)))
                .as("id"), col("day"), col("amount"));
        List<Row> out = SparkSummaries.of(days30, schema).summarize(decimal).collectAsList();
        assertEquals(4, out.size());
        assertTrue(out.stream().anyMatch(r -> r.getString(0).equals("18446744073709551615")), out.toString());
    }

    /**
     * Integral ids, decimal amounts, a date column and a timestamp column under period rules in zones other than
     * UTC, read in a session whose time zone is neither; returns netted; a single customer (so that most shuffle
     * partitions are empty); a customer with every row in the holdout: all equal to the core's columns.
     */
    @Test
    void otherColumnTypesZonesAndShapesEqualTheCore() {
        String[][] days = {
            {"1000", "1997-12-31", "1.00"}, {"1000", "1998-06-30", "2.50"},
            {"42", "1998-03-15", "100.10"},
            {"7", "1998-01-05", "5.01"}, {"7", "1998-01-05", "19.99"}, {"7", "1998-02-10", "12.30"},
            {"7", "1998-03-01", "-4.00"}};
        Summarizer newYork = Summarizer.of(PeriodRule.days(ZoneId.of("America/New_York")).withUnit(7),
                LocalDate.of(1998, 6, 30)).withReturnsNetted();
        Summarizer tokyo = Summarizer.of(PeriodRule.days(ZoneId.of("Asia/Tokyo")), LocalDate.of(1998, 6, 30));
        TransactionSchema schema = TransactionSchema.of("id", "day", "amount");
        String zone = spark.conf().get("spark.sql.session.timeZone");
        spark.conf().set("spark.sql.session.timeZone", "America/Los_Angeles");
        try {
            // Dates: the rows in (id as a string, day, amount) order, as the Spark side sorts them.
            Dataset<Row> byDay = dated(days);
            assertEquals("bigint", byDay.schema().apply("id").dataType().simpleString());
            assertEquals("date", byDay.schema().apply("day").dataType().simpleString());
            assertEquals("decimal(12,2)", byDay.schema().apply("amount").dataType().simpleString());
            assertSameSummaries(newYork.summarize(epochDays(days)),
                    SparkSummaries.of(newYork, schema).summarize(byDay).collectAsList());
            String[][] one = java.util.Arrays.copyOfRange(days, 3, 7);
            assertSameSummaries(newYork.summarize(epochDays(one)),
                    SparkSummaries.of(newYork, schema).summarize(dated(one)).collectAsList());
            // Customer 42 buys first in the holdout: left out, as by the core.
            Instant calibrationEnd = LocalDate.of(1998, 3, 1).atStartOfDay(ZoneId.of("America/New_York"))
                    .toInstant().minusNanos(1);
            CalibrationHoldout split = newYork.calibrationHoldout(epochDays(days), calibrationEnd);
            assertEquals(java.util.Set.of("1000", "7"), java.util.Set.copyOf(split.calibration().ids()));
            assertSameSplit(split, SparkSummaries.of(newYork, schema).calibrationHoldout(byDay, calibrationEnd)
                    .collectAsList());

            // Timestamps either side of midnight in Tokyo, read as instants whatever the session's zone.
            String[][] times = {
                {"5", "1998-01-04T14:59:59Z", "3.25"}, {"5", "1998-01-04T15:00:00Z", "1.75"},
                {"5", "1998-02-01T00:00:00Z", "2.00"}, {"6", "1998-06-30T14:59:59Z", "9.99"}};
            List<Row> rows = new ArrayList<>();
            String[] ids = new String[times.length];
            long[] seconds = new long[times.length];
            double[] amounts = new double[times.length];
            for (int i = 0; i < times.length; i++) {
                Instant at = Instant.parse(times[i][1]);
                rows.add(RowFactory.create(Integer.parseInt(times[i][0]), java.sql.Timestamp.from(at),
                        new java.math.BigDecimal(times[i][2])));
                ids[i] = times[i][0];
                seconds[i] = at.getEpochSecond();
                amounts[i] = Double.parseDouble(times[i][2]);
            }
            Dataset<Row> stamped = spark.createDataFrame(rows, new StructType().add("id", DataTypes.IntegerType)
                    .add("day", DataTypes.TimestampType).add("amount", DataTypes.createDecimalType(12, 2)));
            CustomerSummaries core = tokyo.summarize(TransactionColumns.ofEpochSeconds(ids, seconds, amounts));
            assertEquals(2, core.frequency()[core.indexOf("5")], "three Tokyo days (two UTC days)");
            assertSameSummaries(core, SparkSummaries.of(tokyo, schema).summarize(stamped).collectAsList());
        } finally {
            spark.conf().set("spark.sql.session.timeZone", zone);
        }
    }

    /** Rows (id, day, amount) as bigint, date and decimal(12,2) columns, the dates parsed by Spark from text. */
    private static Dataset<Row> dated(String[][] rows) {
        List<Row> list = new ArrayList<>();
        for (String[] r : rows) {
            list.add(RowFactory.create((Object[]) r));
        }
        StructType text = new StructType().add("id", DataTypes.StringType).add("day", DataTypes.StringType)
                .add("amount", DataTypes.StringType);
        return spark.createDataFrame(list, text).select(col("id").cast(DataTypes.LongType).as("id"),
                to_date(col("day")).as("day"), col("amount").cast(DataTypes.createDecimalType(12, 2)).as("amount"))
                .repartition(3);
    }

    /** The same rows as the core's columns: epoch days, amounts parsed to the nearest double. */
    private static TransactionColumns epochDays(String[][] rows) {
        String[] ids = new String[rows.length];
        int[] days = new int[rows.length];
        double[] amounts = new double[rows.length];
        for (int i = 0; i < rows.length; i++) {
            ids[i] = rows[i][0];
            days[i] = Math.toIntExact(LocalDate.parse(rows[i][1]).toEpochDay());
            amounts[i] = Double.parseDouble(rows[i][2]);
        }
        return TransactionColumns.ofEpochDays(ids, days, amounts);
    }

    /** The first {@code rows} rows of a log, with a customer's row made a partial return now and then. */
    private static TestData.Transactions withReturns(TestData.Transactions t, int rows) {
        String[] ids = java.util.Arrays.copyOf(t.ids(), rows);
        long[] times = java.util.Arrays.copyOf(t.times(), rows);
        double[] amounts = java.util.Arrays.copyOf(t.amounts(), rows);
        for (int i = 1; i < rows; i += 3) {
            if (ids[i].equals(ids[i - 1])) {
                amounts[i] = -amounts[i] / 3;
            }
        }
        return new TestData.Transactions(ids, times, amounts, t.epochDays());
    }

    private static List<Row> sorted(List<Row> rows) {
        List<Row> out = new ArrayList<>(rows);
        out.sort(Comparator.comparing(r -> r.getString(0)));
        return out;
    }

    // ---- bad input -----------------------------------------------------------------------------------------

    private static final StructType TX = new StructType()
            .add("customer", DataTypes.StringType)
            .add("time", DataTypes.TimestampType)
            .add("amount", DataTypes.DoubleType)
            .add("note", DataTypes.StringType);

    private static Dataset<Row> small(Object[]... rows) {
        List<Row> list = new ArrayList<>();
        for (Object[] r : rows) {
            list.add(RowFactory.create(r));
        }
        return spark.createDataFrame(list, TX);
    }

    private static Instant at(String day) {
        return LocalDate.parse(day).atStartOfDay().toInstant(java.time.ZoneOffset.UTC);
    }

    private static IllegalArgumentException rejects(SparkSummaries s, Dataset<Row> df) {
        return assertThrows(IllegalArgumentException.class, () -> s.summarize(df));
    }

    private static void assertContains(String message, String... parts) {
        for (String p : parts) {
            assertTrue(message.contains(p), "'" + message + "' should contain '" + p + "'");
        }
    }

    @Test
    void missingAndMistypedColumnsAreNamed() {
        Dataset<Row> df = small(new Object[] {"a", at("1998-01-01"), 1.0, "x"});
        assertContains(rejects(SparkSummaries.of(WEEKS, TransactionSchema.of("id", "time", "amount")), df)
                .getMessage(), "'id'", "not found");
        assertContains(rejects(SparkSummaries.of(WEEKS, TransactionSchema.of("customer", "time", "note")), df)
                .getMessage(), "amount column 'note'", "numeric", "string");
        assertContains(rejects(SparkSummaries.of(WEEKS, TransactionSchema.of("customer", "amount", "amount")), df)
                .getMessage(), "time column 'amount'");
        assertContains(rejects(SparkSummaries.of(WEEKS, TransactionSchema.of("amount", "time", "amount")), df)
                .getMessage(), "customer id column 'amount' must be a string or integral column but is double");
    }

    @Test
    void nullsAreCountedByColumnOrDroppedOnRequest() {
        Dataset<Row> df = small(
                new Object[] {"a", at("1998-01-01"), 1.0, "x"},
                new Object[] {null, at("1998-01-02"), 2.0, "x"},
                new Object[] {null, null, 3.0, "x"},
                new Object[] {"b", null, 4.0, "x"},
                new Object[] {"b", at("1998-01-03"), 5.0, "x"},
                new Object[] {"c", at("1998-01-03"), null, "x"});
        List<Row> before = df.collectAsList();
        String message = rejects(SparkSummaries.of(WEEKS, SCHEMA), df).getMessage();
        assertContains(message, "column 'customer' is null in 2 rows", "column 'time' is null in 2 rows",
                "column 'amount' is null or NaN in 1 row", "NullPolicy.DROP");
        Dataset<Row> kept = SparkSummaries.of(WEEKS, SCHEMA.droppingNulls()).summarize(df);
        CustomerSummaries core = WEEKS.summarize(TransactionColumns.ofEpochSeconds(new String[] {"a", "b"},
                new long[] {at("1998-01-01").getEpochSecond(), at("1998-01-03").getEpochSecond()},
                new double[] {1.0, 5.0}));
        List<Row> rows = sorted(kept.collectAsList());
        assertEquals(2, rows.size());
        assertEquals(core.t()[0], rows.get(0).getDouble(3));
        assertEquals(5.0, rows.get(1).getDouble(8));
        assertEquals(before, df.collectAsList());
        assertEquals(TX, df.schema());
    }

    @Test
    void negativeAmountsAndLateRowsAreCountedBeforeTheShuffle() {
        Dataset<Row> df = small(
                new Object[] {"a", at("1998-01-01"), 10.0, "x"},
                new Object[] {"a", at("1998-01-02"), -4.0, "x"},
                new Object[] {"b", at("1998-01-03"), -1.0, "x"},
                new Object[] {"b", at("1998-01-01"), 3.0, "x"},
                new Object[] {"c", at("1998-07-01"), 2.0, "x"},
                new Object[] {" ", at("1998-01-01"), Double.POSITIVE_INFINITY, "x"});
        List<Row> before = df.collectAsList();
        // summarize() is lazy apart from its validation pass: throwing here means no shuffle ran.
        String message = rejects(SparkSummaries.of(WEEKS, SCHEMA), df).getMessage();
        assertContains(message, "column 'amount' is negative in 2 rows", "withReturnsNetted",
                "column 'time' is after the observation end 1998-06-30T23:59:59.999999999Z in 1 row",
                "column 'customer' is blank in 1 row", "column 'amount' is infinite in 1 row");
        Dataset<Row> fine = df.filter("customer <> ' ' and time < timestamp'1998-07-01 00:00:00'");
        List<Row> netted = sorted(SparkSummaries.of(WEEKS.withReturnsNetted(), SCHEMA).summarize(fine)
                .collectAsList());
        assertEquals(6.0, netted.get(0).getDouble(8));
        assertEquals(2.0, netted.get(1).getDouble(8));
        assertEquals(before, df.collectAsList());
        // A customer with returns but no purchase is found only once its rows meet, after the shuffle: the job
        // fails with the core's message.
        Dataset<Row> onlyReturns = fine.filter("customer = 'b'").union(small(new Object[] {"r", at("1998-01-02"),
                -4.0, "x"}));
        Exception failed = assertThrows(Exception.class, () -> SparkSummaries.of(WEEKS.withReturnsNetted(), SCHEMA)
                .summarize(onlyReturns).collectAsList());
        StringBuilder messages = new StringBuilder();
        for (Throwable t = failed; t != null; t = t.getCause()) {
            messages.append(t.getMessage()).append('\n');
        }
        assertContains(messages.toString(), "customer 'r' has returns but no purchase");
    }

    @Test
    void aDateAfterTheEndIsLateInTheRulesZoneAsInTheCore() {
        // 1998-07-01 begins at midnight UTC, still June 30 in New York: it is late all the same.
        StructType schema = new StructType().add("customer", DataTypes.StringType).add("day", DataTypes.DateType)
                .add("amount", DataTypes.DoubleType);
        Dataset<Row> df = spark.createDataFrame(List.of(
                RowFactory.create("a", java.sql.Date.valueOf("1998-06-01"), 1.0),
                RowFactory.create("a", java.sql.Date.valueOf("1998-07-01"), 2.0)), schema);
        Summarizer ny = Summarizer.of(PeriodRule.days(ZoneId.of("America/New_York")).withUnit(7),
                LocalDate.of(1998, 6, 30));
        String message = rejects(SparkSummaries.of(ny, TransactionSchema.of("customer", "day", "amount")), df)
                .getMessage();
        assertContains(message, "column 'day' is after the observation end", "in 1 row");
        assertThrows(IllegalArgumentException.class, () -> ny.summarize(TransactionColumns.ofEpochDays(
                new String[] {"a", "a"}, new int[] {(int) LocalDate.of(1998, 6, 1).toEpochDay(),
                    (int) LocalDate.of(1998, 7, 1).toEpochDay()}, new double[] {1, 2})));
    }

    @Test
    void aCalibrationEndOnOrAfterTheObservationEndAndNullArgumentsAreRejected() {
        Instant end = WEEKS.observationEnd();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> SparkSummaries.of(WEEKS, SCHEMA).calibrationHoldout(cdnowFrame, end));
        assertContains(e.getMessage(), "calibrationEnd", "before the observation end");
        SparkSummaries s = SparkSummaries.of(WEEKS, SCHEMA);
        assertContains(assertThrows(IllegalArgumentException.class, () -> SparkSummaries.of(null, SCHEMA))
                .getMessage(), "summarizer must not be null");
        assertContains(assertThrows(IllegalArgumentException.class, () -> SparkSummaries.of(WEEKS, null))
                .getMessage(), "schema must not be null");
        assertContains(assertThrows(IllegalArgumentException.class, () -> s.summarize(null)).getMessage(),
                "transactions must not be null");
        assertContains(assertThrows(IllegalArgumentException.class, () -> s.calibrationHoldout(null,
                CALIBRATION_END)).getMessage(), "transactions must not be null");
        assertContains(assertThrows(IllegalArgumentException.class, () -> s.calibrationHoldout(cdnowFrame, null))
                .getMessage(), "calibrationEnd must not be null");
        assertContains(assertThrows(IllegalArgumentException.class, () -> TransactionSchema.of(" ", "t", "a"))
                .getMessage(), "customerId must not be null or blank");
        assertContains(assertThrows(IllegalArgumentException.class, () -> TransactionSchema.of("c", null, "a"))
                .getMessage(), "time must not be null");
        assertContains(assertThrows(IllegalArgumentException.class, () -> TransactionSchema.of("c", "t", ""))
                .getMessage(), "amount must not be null or blank");
    }
}
