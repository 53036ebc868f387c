package io.loyalty.spark;

import io.loyalty.data.PeriodRule;
import io.loyalty.nps.Ces;
import io.loyalty.nps.Csat;
import io.loyalty.nps.IntervalMethod;
import io.loyalty.nps.NpsBreakdown;
import io.loyalty.nps.NpsCalculator;
import io.loyalty.nps.NpsPeriod;
import io.loyalty.nps.NpsScale;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** NPS, CSAT and CES tallies on Spark give the core's scores, intervals and tests exactly. */
class SparkSurveysTest {
    private static final NpsCalculator CALC = NpsCalculator.withDefaults();

    private static SparkSession spark;
    /** NPS_testdata.csv (R package NPS): REC, BU, PRODUCT, date, Region. */
    private static int[] rec;
    private static String[] bu;
    private static String[] product;
    private static String[] region;
    private static LocalDate[] dates;
    private static Dataset<Row> answers;

    @BeforeAll
    static void start() throws IOException {
        spark = LocalSpark.start("SparkSurveysTest");
        List<String> lines = Files.readAllLines(LocalSpark.data("nps", "NPS_testdata.csv"), StandardCharsets.UTF_8);
        List<String> header = List.of(Csv.fields(lines.get(0)));
        int n = lines.size() - 1;
        rec = new int[n];
        bu = new String[n];
        product = new String[n];
        region = new String[n];
        dates = new LocalDate[n];
        List<Row> rows = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            String[] f = Csv.fields(lines.get(i + 1));
            rec[i] = Integer.parseInt(f[header.indexOf("REC")]);
            bu[i] = f[header.indexOf("BU")];
            product[i] = f[header.indexOf("PRODUCT")];
            region[i] = f[header.indexOf("Region")];
            dates[i] = LocalDate.parse(f[header.indexOf("date")]);
            rows.add(RowFactory.create(rec[i], bu[i], product[i], region[i], Date.valueOf(dates[i]),
                    Timestamp.from(dates[i].atTime(12, 0).toInstant(ZoneOffset.UTC))));
        }
        assertEquals(1000, n);
        StructType schema = new StructType().add("REC", DataTypes.IntegerType).add("BU", DataTypes.StringType)
                .add("PRODUCT", DataTypes.StringType).add("Region", DataTypes.StringType)
                .add("date", DataTypes.DateType).add("noon", DataTypes.TimestampType);
        answers = spark.createDataFrame(rows, schema).cache();
    }

    @AfterAll
    static void stop() {
        spark.stop();
    }

    private static void assertSameBreakdown(NpsBreakdown expected, NpsBreakdown actual) {
        assertEquals(expected.overall(), actual.overall());
        assertEquals(expected.overallInterval(), actual.overallInterval());
        assertEquals(expected.rows(), actual.rows());
    }

    @Test
    void npsBySegmentOfTheRPackageTestDataEqualsTheCore() {
        SurveyTallies byUnit = SparkSurveys.of("REC").bySegment("BU").nps(answers);
        assertEquals(1000, byUnit.responses());
        assertSameBreakdown(CALC.bySegment("BU", bu, rec), byUnit.npsBySegment(CALC));
        NpsCalculator score = CALC.withMethod(IntervalMethod.SCORE).withConfidence(0.9);
        assertSameBreakdown(score.bySegment(product, rec),
                SparkSurveys.of("REC").bySegment("PRODUCT").nps(answers).npsBySegment(score));
        String[] both = IntStream.range(0, rec.length).mapToObj(i -> bu[i] + " / " + region[i])
                .toArray(String[]::new);
        NpsBreakdown crossed = SparkSurveys.of("REC").bySegment("BU", "Region").nps(answers).npsBySegment(CALC);
        assertSameBreakdown(CALC.bySegment(both, rec), crossed);
        assertEquals("BU / Region", crossed.dimension());
        // Any scale on the same range scores the same tallies.
        NpsScale wide = NpsScale.of(0, 5, 7, 10);
        assertSameBreakdown(CALC.withScale(wide).bySegment(bu, rec), byUnit.npsBySegment(CALC.withScale(wide)));
    }

    @Test
    void npsByPeriodEqualsTheCoreForDatesAndInstants() {
        NpsBreakdown core = CALC.byPeriod(dates, rec, NpsPeriod.MONTH);
        SurveyTallies monthly = SparkSurveys.of("REC").bySegment("BU").byPeriod("date", PeriodRule.months())
                .nps(answers);
        assertEquals(12, monthly.periods().size());
        assertSameBreakdown(core, monthly.npsByPeriod(CALC));
        assertSameBreakdown(core, SparkSurveys.of("REC").byPeriod("noon", PeriodRule.months()).nps(answers)
                .npsByPeriod(CALC));
        String unit = bu[0];
        List<Integer> in = IntStream.range(0, rec.length).filter(i -> bu[i].equals(unit)).boxed().toList();
        assertSameBreakdown(CALC.byPeriod(in.stream().map(i -> dates[i]).toArray(LocalDate[]::new),
                in.stream().mapToInt(i -> rec[i]).toArray(), NpsPeriod.MONTH), monthly.npsByPeriod(CALC, unit));
        // Noon UTC is the next calendar day in Kiritimati (UTC+14): the day is the zone's.
        ZoneId kiritimati = ZoneId.of("Pacific/Kiritimati");
        LocalDate[] local = Arrays.stream(dates).map(d -> d.atTime(12, 0).atOffset(ZoneOffset.UTC)
                .atZoneSameInstant(kiritimati).toLocalDate()).toArray(LocalDate[]::new);
        assertSameBreakdown(CALC.byPeriod(local, rec, NpsPeriod.WEEK), SparkSurveys.of("REC")
                .byPeriod("noon", PeriodRule.weeks(kiritimati)).nps(answers).npsByPeriod(CALC));
    }

    @Test
    void csatAndCesBySegmentAndQuarterEqualTheCore() {
        SplittableRandom r = new SplittableRandom(20261124L);
        int n = 3000;
        String[] segment = new String[n];
        LocalDate[] day = new LocalDate[n];
        int[] csat = new int[n];
        int[] ces = new int[n];
        List<Row> rows = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            segment[i] = "s" + r.nextInt(4);
            day[i] = LocalDate.of(2024, 1, 1).plusDays(r.nextInt(366));
            csat[i] = 1 + Math.min(4, (int) Math.floor(5 * Math.pow(r.nextDouble(), 0.6)));
            ces[i] = 1 + r.nextInt(7);
            rows.add(RowFactory.create(segment[i], Date.valueOf(day[i]), (double) csat[i], (long) ces[i]));
        }
        Dataset<Row> df = spark.createDataFrame(rows, new StructType().add("segment", DataTypes.StringType)
                .add("day", DataTypes.DateType).add("csat", DataTypes.DoubleType).add("ces", DataTypes.LongType));
        SurveyTallies c = SparkSurveys.of("csat").bySegment("segment").byPeriod("day", PeriodRule.quarters())
                .csat(df);
        SurveyTallies e = SparkSurveys.of("ces").bySegment("segment").byPeriod("day", PeriodRule.quarters())
                .ces(df);
        assertEquals(List.of("2024-Q1", "2024-Q2", "2024-Q3", "2024-Q4"), c.periods());
        assertEquals(List.of("s0", "s1", "s2", "s3"), c.segments());
        for (String s : withAll(c.segments())) {
            for (String q : withAll(c.periods())) {
                int[] in = IntStream.range(0, n).filter(i -> (s == null || segment[i].equals(s))
                        && (q == null || PeriodRule.quarters().label(PeriodRule.quarters()
                                .indexOfEpochDay(day[i].toEpochDay())).equals(q))).toArray();
                assertEquals(Csat.ofAnswers(Arrays.stream(in).map(i -> csat[i]).toArray()), c.csat(s, q));
                assertEquals(Ces.ofAnswers(Arrays.stream(in).map(i -> ces[i]).toArray()), e.ces(s, q));
            }
        }
        Csat all = c.csat(null, null);
        assertEquals(Csat.ofAnswers(csat).topTwoBoxInterval(0.95), all.topTwoBoxInterval(0.95));
        assertThrows(IllegalArgumentException.class, () -> c.ces(null, null), "a 1..5 tally is not CES");
        assertThrows(IllegalArgumentException.class, () -> c.npsBySegment(CALC), "nor NPS");
    }

    private static List<String> withAll(List<String> labels) {
        List<String> out = new ArrayList<>(labels);
        out.add(null);
        return out;
    }

    @Test
    void badAnswersAndNullsAreCountedAndNamed() {
        StructType schema = new StructType().add("score", DataTypes.DoubleType).add("unit", DataTypes.StringType)
                .add("at", DataTypes.TimestampType).add("text", DataTypes.StringType);
        Timestamp t = Timestamp.from(Instant.parse("2024-03-01T10:00:00Z"));
        List<Row> rows = List.of(
                RowFactory.create(9.0, "a", t, "x"),
                RowFactory.create(11.0, "a", t, "x"),
                RowFactory.create(7.5, "b", t, "x"),
                RowFactory.create(null, "b", t, "x"),
                RowFactory.create(Double.NaN, "b", t, "x"),
                RowFactory.create(3.0, null, t, "x"),
                RowFactory.create(10.0, "b", null, "x"));
        Dataset<Row> df = spark.createDataFrame(rows, schema);
        SparkSurveys byUnit = SparkSurveys.of("score").bySegment("unit").byPeriod("at", PeriodRule.days());

        IllegalArgumentException scale = assertThrows(IllegalArgumentException.class, () -> byUnit.nps(df));
        assertTrue(scale.getMessage().contains("answer column 'score' is not a whole number on the scale 0..10 in 2 "
                + "rows (the smallest such answer is 7.5)"), scale.getMessage());

        Dataset<Row> onScale = df.filter("score is null or isnan(score) or score <= 10 and score = floor(score)");
        IllegalArgumentException nulls = assertThrows(IllegalArgumentException.class, () -> byUnit.nps(onScale));
        assertTrue(nulls.getMessage().contains("column 'unit' is null in 1 row")
                && nulls.getMessage().contains("column 'at' is null in 1 row")
                && nulls.getMessage().contains("column 'score' is null or NaN in 2 rows"), nulls.getMessage());
        SurveyTallies kept = byUnit.droppingNulls().nps(onScale);
        assertEquals(1, kept.responses());
        assertEquals(List.of("a"), kept.segments());
        assertEquals(List.of("2024-03-01"), kept.periods());

        assertTrue(assertThrows(IllegalArgumentException.class, () -> SparkSurveys.of("text").nps(df))
                .getMessage().contains("answer column 'text' must be a numeric column"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> SparkSurveys.of("score").bySegment("team")
                .nps(df)).getMessage().contains("segment column 'team' not found"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> SparkSurveys.of("score")
                .byPeriod("at", PeriodRule.every(Duration.ofHours(6))).nps(df)).getMessage()
                .contains("needs a calendar rule"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> byUnit.droppingNulls()
                .nps(df.filter("score is null"))).getMessage().contains("no answers left after dropping nulls"));
    }

    @Test
    void integralAndBooleanSegmentsAreLabelledByTheirTextAndCombinationsNeverMerge() {
        StructType schema = new StructType().add("score", DataTypes.LongType).add("store", DataTypes.LongType)
                .add("member", DataTypes.BooleanType).add("x", DataTypes.StringType).add("y", DataTypes.StringType);
        List<Row> rows = new ArrayList<>();
        List<String> labels = new ArrayList<>();
        List<Integer> scores = new ArrayList<>();
        SplittableRandom random = new SplittableRandom(11);
        for (int i = 0; i < 200; i++) {
            long store = random.nextInt(3) * 10L;
            boolean member = random.nextBoolean();
            int score = random.nextInt(11);
            rows.add(RowFactory.create((long) score, store, member, "a", "b"));
            labels.add(store + " / " + member);
            scores.add(score);
        }
        Dataset<Row> df = spark.createDataFrame(rows, schema);
        assertSameBreakdown(CALC.bySegment("store / member", labels.toArray(String[]::new),
                        scores.stream().mapToInt(Integer::intValue).toArray()),
                SparkSurveys.of("score").bySegment("store", "member").nps(df).npsBySegment(CALC));

        // ("a / b", "c") and ("a", "b / c") would both be "a / b / c": rejected, not merged.
        Dataset<Row> clash = df.limit(1).union(spark.createDataFrame(List.of(
                RowFactory.create(9L, 0L, true, "a / b", "c"), RowFactory.create(0L, 0L, true, "a", "b / c")), schema));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> SparkSurveys.of("score").bySegment("x", "y").nps(clash));
        assertTrue(e.getMessage().contains("both make the label 'a / b / c'"), e.getMessage());

        assertTrue(assertThrows(IllegalArgumentException.class, () -> SparkSurveys.of("score").nps(null))
                .getMessage().contains("responses"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> SparkSurveys.of("score").nps(df, null))
                .getMessage().contains("scale"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> SparkSurveys.of(null))
                .getMessage().contains("scoreColumn"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> SparkSurveys.of("score").byPeriod("t", null))
                .getMessage().contains("periods"));
    }
}
