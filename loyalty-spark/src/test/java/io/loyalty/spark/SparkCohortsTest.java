package io.loyalty.spark;

import io.loyalty.cohort.Bracket;
import io.loyalty.cohort.CohortMatrices;
import io.loyalty.cohort.CohortPeriod;
import io.loyalty.cohort.Cohorts;

import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
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
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.GZIPInputStream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Cohort matrices on Spark equal the core's on the same Online Retail rows, exactly. */
class SparkCohortsTest {
    private static final LocalDate LAST_DAY = LocalDate.of(2011, 12, 9);
    private static final TransactionSchema SCHEMA = TransactionSchema.of("customer", "time", "amount");
    private static final StructType TX = new StructType()
            .add("customer", DataTypes.StringType)
            .add("time", DataTypes.TimestampType)
            .add("amount", DataTypes.DoubleType);

    private static SparkSession spark;
    private static String[] ids;
    private static long[] seconds;
    private static double[] amounts;
    private static Dataset<Row> retail;

    @BeforeAll
    static void start() throws IOException {
        spark = LocalSpark.start("SparkCohortsTest");
        readOnlineRetail();
        retail = frame(spark, ids, seconds, amounts).cache();
        assertEquals(ids.length, retail.count());
    }

    /**
     * The rows as a cached DataFrame of four partitions, made on the executors from broadcast arrays (much faster
     * than a local relation of 400,000 {@code Row}s).
     */
    static Dataset<Row> frame(SparkSession session, String[] id, long[] second, double[] amount) {
        JavaSparkContext jsc = JavaSparkContext.fromSparkContext(session.sparkContext());
        Broadcast<String[]> bid = jsc.broadcast(id);
        Broadcast<long[]> bsecond = jsc.broadcast(second);
        Broadcast<double[]> bamount = jsc.broadcast(amount);
        return session.range(0, id.length, 1, 4).mapPartitions((MapPartitionsFunction<Long, Row>) rows -> {
            List<Row> out = new ArrayList<>();
            while (rows.hasNext()) {
                int i = Math.toIntExact(rows.next());
                out.add(RowFactory.create(bid.value()[i], Timestamp.from(Instant.ofEpochSecond(bsecond.value()[i])),
                        bamount.value()[i]));
            }
            return out.iterator();
        }, Encoders.row(TX));
    }

    @AfterAll
    static void stop() {
        spark.stop();
    }

    /**
     * The UCI Online Retail log cleaned as the examples' {@code Examples.onlineRetail()} does: a customer id, no
     * cancellation ("C" invoices); amount = quantity x unit price; times read as UTC.
     */
    private static void readOnlineRetail() throws IOException {
        List<String> id = new ArrayList<>();
        List<Long> time = new ArrayList<>();
        List<Double> amount = new ArrayList<>();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(new GZIPInputStream(
                Files.newInputStream(LocalSpark.data("online-retail", "online_retail.csv.gz"))),
                StandardCharsets.UTF_8))) {
            in.readLine();
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                String[] f = Csv.fields(line);
                if (f[6].isEmpty() || f[0].startsWith("C")) {
                    continue;
                }
                id.add(Long.toString((long) Double.parseDouble(f[6])));
                time.add(LocalDateTime.parse(f[4].replace(' ', 'T')).toEpochSecond(ZoneOffset.UTC));
                amount.add(Integer.parseInt(f[3]) * Double.parseDouble(f[5]));
            }
        }
        ids = id.toArray(new String[0]);
        seconds = time.stream().mapToLong(Long::longValue).toArray();
        amounts = amount.stream().mapToDouble(Double::doubleValue).toArray();
        assertEquals(397_924, ids.length, "rows after the usual cleaning (SOURCE.md)");
    }

    static void assertSameMatrices(CohortMatrices expected, CohortMatrices actual) {
        assertEquals(expected.labels(), actual.labels());
        assertArrayEquals(expected.sizes(), actual.sizes());
        assertEquals(expected.dataEnd(), actual.dataEnd());
        assertEquals(expected.lastPeriodIncomplete(), actual.lastPeriodIncomplete());
        for (int c = 0; c < expected.cohortCount(); c++) {
            assertEquals(expected.lastOffset(c), actual.lastOffset(c), "last offset of " + expected.labels().get(c));
        }
        for (CohortMatrices.Measure measure : CohortMatrices.Measure.values()) {
            assertTrue(Arrays.deepEquals(expected.matrix(measure), actual.matrix(measure)), "differs: " + measure);
        }
        assertEquals(expected.brackets(), actual.brackets());
        assertTrue(Arrays.deepEquals(expected.bracketMatrix(false), actual.bracketMatrix(false)), "brackets");
    }

    @Test
    void monthlyMatricesOfOnlineRetailEqualTheCore() {
        Cohorts monthly = Cohorts.of(CohortPeriod.MONTH, ZoneOffset.UTC).withDataEnd(LAST_DAY)
                .withBrackets(Bracket.of(1, 1), Bracket.of(2, 3), Bracket.of(4, 12));
        CohortMatrices core = monthly.matrices(ids, seconds, amounts);
        CohortMatrices distributed = SparkCohorts.matrices(retail, SCHEMA, monthly);
        assertEquals(13, core.cohortCount());
        assertEquals(4339, Arrays.stream(core.sizes()).sum(), "customers (SOURCE.md)");
        assertSameMatrices(core, distributed);
    }

    @Test
    void dailyCohortsInAZoneWithSummerTimeEqualTheCore() {
        // More than 64 offsets (the core's counting-sort path) and a zone whose offset changes.
        Cohorts daily = Cohorts.of(CohortPeriod.DAY, ZoneId.of("Europe/London"));
        assertSameMatrices(daily.matrices(ids, seconds, amounts), SparkCohorts.matrices(retail, SCHEMA, daily));
    }

    @Test
    void aDateColumnIsTheDayInTheCalculatorsZone() {
        ZoneId zone = ZoneId.of("America/New_York");
        Cohorts weekly = Cohorts.of(CohortPeriod.ISO_WEEK, zone);
        int n = 20_000;
        long[] dayStarts = new long[n];
        List<Row> rows = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            LocalDate day = LocalDateTime.ofEpochSecond(seconds[i], 0, ZoneOffset.UTC).toLocalDate();
            dayStarts[i] = day.atStartOfDay(zone).toEpochSecond();
            rows.add(RowFactory.create(ids[i], Date.valueOf(day), amounts[i]));
        }
        StructType schema = new StructType().add("customer", DataTypes.StringType)
                .add("day", DataTypes.DateType).add("amount", DataTypes.DoubleType);
        CohortMatrices core = weekly.matrices(Arrays.copyOf(ids, n), dayStarts, Arrays.copyOf(amounts, n));
        assertSameMatrices(core, SparkCohorts.matrices(spark.createDataFrame(rows, schema),
                TransactionSchema.of("customer", "day", "amount"), weekly));
    }

    @Test
    void badRowsAreCountedAndNamedBeforeAnyResult() {
        List<Row> rows = List.of(
                RowFactory.create("a", Timestamp.from(Instant.parse("2024-01-05T10:00:00Z")), 1.0),
                RowFactory.create(null, Timestamp.from(Instant.parse("2024-01-06T10:00:00Z")), 2.0),
                RowFactory.create("b", Timestamp.from(Instant.parse("2024-02-05T10:00:00Z")), Double.NaN),
                RowFactory.create(" ", Timestamp.from(Instant.parse("2024-02-05T10:00:00Z")), 3.0),
                RowFactory.create("c", Timestamp.from(Instant.parse("2024-03-05T10:00:00Z")),
                        Double.POSITIVE_INFINITY),
                RowFactory.create("c", Timestamp.from(Instant.parse("2024-05-05T10:00:00Z")), 4.0));
        Dataset<Row> df = spark.createDataFrame(rows, TX);
        Cohorts monthly = Cohorts.of(CohortPeriod.MONTH, ZoneOffset.UTC).withDataEnd(LocalDate.of(2024, 3, 31));

        IllegalArgumentException nulls = assertThrows(IllegalArgumentException.class,
                () -> SparkCohorts.matrices(df, SCHEMA, monthly));
        assertTrue(nulls.getMessage().contains("column 'customer' is null in 1 row")
                && nulls.getMessage().contains("column 'amount' is null or NaN in 1 row"), nulls.getMessage());

        IllegalArgumentException bad = assertThrows(IllegalArgumentException.class,
                () -> SparkCohorts.matrices(df, SCHEMA.droppingNulls(), monthly));
        assertTrue(bad.getMessage().contains("column 'customer' is blank in 1 row")
                && bad.getMessage().contains("column 'amount' is infinite in 1 row")
                && bad.getMessage().contains("column 'time' is after the data end 2024-03-31T23:59:59Z in 1 row"),
                bad.getMessage());

        IllegalArgumentException missing = assertThrows(IllegalArgumentException.class,
                () -> SparkCohorts.matrices(df, TransactionSchema.of("customer", "when", "amount"), monthly));
        assertTrue(missing.getMessage().contains("'when' not found"), missing.getMessage());
        IllegalArgumentException mistyped = assertThrows(IllegalArgumentException.class,
                () -> SparkCohorts.matrices(df, TransactionSchema.of("customer", "amount", "amount"), monthly));
        assertTrue(mistyped.getMessage().contains("time column 'amount' must be a timestamp or date column"),
                mistyped.getMessage());
        IllegalArgumentException empty = assertThrows(IllegalArgumentException.class,
                () -> SparkCohorts.matrices(df.limit(0), SCHEMA, monthly));
        assertTrue(empty.getMessage().contains("no rows"), empty.getMessage());

        CohortMatrices kept = SparkCohorts.matrices(df.filter("customer = 'a'"), SCHEMA.droppingNulls(), monthly);
        assertEquals(List.of("2024-01"), kept.labels());
    }

    @Test
    void integralIdsAndASingleRowEqualTheCoreAndNullArgumentsAreNamed() {
        // Long ids are read as their decimal text, the core's string ids.
        int n = 5_000;
        List<Row> rows = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            rows.add(RowFactory.create(Long.parseLong(ids[i]), Timestamp.from(Instant.ofEpochSecond(seconds[i])),
                    amounts[i]));
        }
        StructType longIds = new StructType().add("customer", DataTypes.LongType)
                .add("time", DataTypes.TimestampType).add("amount", DataTypes.DoubleType);
        Cohorts weekly = Cohorts.of(CohortPeriod.ISO_WEEK, ZoneOffset.UTC);
        CohortMatrices core = weekly.matrices(Arrays.copyOf(ids, n), Arrays.copyOf(seconds, n),
                Arrays.copyOf(amounts, n));
        assertSameMatrices(core, SparkCohorts.matrices(spark.createDataFrame(rows, longIds), SCHEMA, weekly));
        // One row: every shuffle partition but one is empty.
        assertSameMatrices(weekly.matrices(new String[] {ids[0]}, new long[] {seconds[0]}, new double[] {amounts[0]}),
                SparkCohorts.matrices(spark.createDataFrame(rows.subList(0, 1), longIds), SCHEMA, weekly));

        Dataset<Row> df = spark.createDataFrame(rows.subList(0, 1), longIds);
        assertTrue(assertThrows(IllegalArgumentException.class, () -> SparkCohorts.matrices(null, SCHEMA, weekly))
                .getMessage().contains("transactions"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> SparkCohorts.matrices(df, null, weekly))
                .getMessage().contains("schema"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> SparkCohorts.matrices(df, SCHEMA, null))
                .getMessage().contains("cohorts"));
    }
}
