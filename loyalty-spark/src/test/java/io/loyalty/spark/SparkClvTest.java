package io.loyalty.spark;

import io.loyalty.clv.BetaGeoFitter;
import io.loyalty.clv.BetaGeoModel;
import io.loyalty.clv.ClvCalculator;
import io.loyalty.clv.FitSummary;
import io.loyalty.clv.GammaGammaFitter;
import io.loyalty.clv.GammaGammaModel;
import io.loyalty.clv.ModifiedBetaGeoFitter;
import io.loyalty.clv.ModifiedBetaGeoModel;
import io.loyalty.clv.ParetoNbdFitter;
import io.loyalty.clv.ParetoNbdModel;
import io.loyalty.clv.TransactionModel;
import io.loyalty.stats.ConvergenceException;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * SparkClv against the core on the CDNOW summaries (2,357 customers, two partitions): the fits of both
 * strategies equal the core's array fits, the prediction columns equal the core's array methods per customer,
 * a failed fit is the core's ConvergenceException, and bad input is named before any fit job.
 */
class SparkClvTest {
    private static final ClvStrategy[] STRATEGIES = {ClvStrategy.COMPRESSED, ClvStrategy.DISTRIBUTED};
    private static SparkSession spark;
    /** CDNOW calibration summary (lifetimes' file): ID, frequency (int), recency, T. */
    private static Dataset<Row> cdnow;
    /** The same customers with their mean repeat spend: ID, x, t_x, T, zbar. */
    private static Dataset<Row> cdnowSpend;
    /** The spend file as core columns: ID, x, t_x, T, zbar. */
    private static double[][] core;

    @BeforeAll
    static void start() {
        spark = LocalSpark.start("SparkClvTest");
        StructType summary = new StructType().add("ID", DataTypes.IntegerType).add("frequency", DataTypes.IntegerType)
                .add("recency", DataTypes.DoubleType).add("T", DataTypes.DoubleType);
        cdnow = spark.read().option("header", true).schema(summary)
                .csv(LocalSpark.data("cdnow", "cdnow_customers_summary.csv").toString()).repartition(2).cache();
        StructType spend = new StructType().add("ID", DataTypes.IntegerType).add("x", DataTypes.IntegerType)
                .add("t_x", DataTypes.DoubleType).add("T", DataTypes.DoubleType).add("zbar", DataTypes.DoubleType);
        cdnowSpend = spark.read().option("header", true).schema(spend)
                .csv(LocalSpark.data("cdnow", "cdnow_customers_summary_with_transactions.csv").toString())
                .repartition(2).cache();
        core = csv(LocalSpark.data("cdnow", "cdnow_customers_summary_with_transactions.csv"));
        assertEquals(2357, cdnow.count());
        assertEquals(2357, cdnowSpend.count());
    }

    @AfterAll
    static void stop() {
        spark.stop();
    }

    /** Columns of a numeric CSV with a header. */
    private static double[][] csv(Path path) {
        try {
            List<String> lines = Files.readAllLines(path);
            int width = lines.get(0).split(",").length;
            double[][] c = new double[width][lines.size() - 1];
            for (int i = 1; i < lines.size(); i++) {
                String[] f = lines.get(i).split(",");
                for (int k = 0; k < width; k++) {
                    c[k][i - 1] = Double.parseDouble(f[k]);
                }
            }
            return c;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Relative agreement of the parameters with the core's, what docs/benchmarks.md claims: 5e-13 for BG/NBD and
     * MBG/NBD (COMPRESSED is the core's own call on the same merged rows: 0; DISTRIBUTED sums the partitions' rows,
     * each partition in its canonical order, in another order than the core's one array, and the optimizer's stop
     * on MBG/NBD's flatter surface carries that rounding: measured 6e-15 to 2.1e-13), 5e-13 for Gamma-Gamma (1.6e-13); Pareto/NBD's likelihood is flat near its optimum, so the
     * optimizers stop at points 1e-9 to 2e-7 apart (1e-6).
     */
    private static final double CLOSE = 5e-13;
    private static final double SPEND = 5e-13;
    private static final double FLAT = 1e-6;

    private static void sameFit(TransactionModel expected, TransactionModel actual, double tolerance, String what) {
        sameFit(expected.parameters(), actual.parameters(), expected.fitSummary().orElseThrow(),
                actual.fitSummary().orElseThrow(), tolerance, what);
    }

    private static void sameFit(double[] expected, double[] actual, FitSummary e, FitSummary a, double tolerance,
            String what) {
        double worst = 0;
        for (int i = 0; i < expected.length; i++) {
            assertEquals(expected[i], actual[i], tolerance * expected[i], what + " parameter " + i);
            worst = Math.max(worst, Math.abs(actual[i] / expected[i] - 1));
        }
        System.out.printf("%s: largest relative parameter difference from the core %.1e, log-likelihood %.1e, "
                + "%d rows, %d evaluations%n", what, worst, Math.abs(a.logLikelihood() / e.logLikelihood() - 1),
                a.rows(), a.evaluations());
        assertEquals(e.logLikelihood(), a.logLikelihood(), 1e-13 * Math.abs(e.logLikelihood()), what + " LL");
        assertEquals(e.customers(), a.customers(), what + " customers");
        // the Spark fit carries the core's diagnostics: on CDNOW, as in the core, no flag fires
        assertEquals(e.diagnostics().flagged(), a.diagnostics().flagged(), what + " diagnostics flag");
        assertEquals(e.diagnostics().boundaries().size(), a.diagnostics().boundaries().size(), what + " boundaries");
        assertTrue(a.diagnostics().converged(), what + " converged");
        assertTrue(spark.sparkContext().getPersistentRDDs().size() == 2, what + ": chunks left cached");
    }

    @Test
    void fitsEqualTheCoreOnCdnow() {
        double[] x = core[1];
        double[] tx = core[2];
        double[] t = core[3];
        BetaGeoModel bg = BetaGeoFitter.withDefaults().fit(x, tx, t);
        BetaGeoModel bgPenalized = BetaGeoFitter.withDefaults().withPenalizer(0.01).fit(x, tx, t);
        ModifiedBetaGeoModel mbg = ModifiedBetaGeoFitter.withDefaults().fit(x, tx, t);
        ParetoNbdModel pn = ParetoNbdFitter.withDefaults().fit(x, tx, t);
        List<double[]> repeat = new ArrayList<>();
        for (int i = 0; i < x.length; i++) {
            if (x[i] > 0) {
                repeat.add(new double[] {x[i], core[4][i]});
            }
        }
        GammaGammaModel gg = GammaGammaFitter.withDefaults().fit(repeat.stream().mapToDouble(r -> r[0]).toArray(),
                repeat.stream().mapToDouble(r -> r[1]).toArray());
        SparkClv spendColumns = SparkClv.withDefaults().withColumns("x", "t_x", "T").withMonetaryColumn("zbar");
        for (ClvStrategy s : STRATEGIES) {
            SparkClv clv = SparkClv.withDefaults().withStrategy(s);
            sameFit(bg, clv.fit(cdnow, BetaGeoFitter.withDefaults()), CLOSE, "BG/NBD " + s);
            if (s == ClvStrategy.DISTRIBUTED) {
                // The fitter's options reach the driver-side optimizer (the compressed fit is the core's own call).
                sameFit(bgPenalized, clv.fit(cdnow, BetaGeoFitter.withDefaults().withPenalizer(0.01)),
                        CLOSE, "penalized BG/NBD " + s);
            }
            sameFit(mbg, clv.fit(cdnow, ModifiedBetaGeoFitter.withDefaults()), CLOSE, "MBG/NBD " + s);
            sameFit(pn, clv.fit(cdnow, ParetoNbdFitter.withDefaults()), FLAT, "Pareto/NBD " + s);
            GammaGammaModel sparkGg = spendColumns.withStrategy(s).fit(cdnowSpend, GammaGammaFitter.withDefaults());
            sameFit(gg.parameters(), sparkGg.parameters(), gg.fitSummary().orElseThrow(),
                    sparkGg.fitSummary().orElseThrow(), SPEND, "Gamma-Gamma " + s);
        }
        // The compressed fit sees the core's distinct rows; AUTO compresses data this small.
        assertEquals(bg.fitSummary().orElseThrow().rows(), SparkClv.withDefaults()
                .fit(cdnow, BetaGeoFitter.withDefaults()).fitSummary().orElseThrow().rows());
    }

    @Test
    void predictionsEqualTheCorePerCustomer() {
        double[] x = core[1];
        double[] tx = core[2];
        double[] t = core[3];
        double[] m = core[4];
        BetaGeoModel bg = BetaGeoModel.of(0.242593, 4.413532, 0.792886, 2.425752);
        GammaGammaModel gg = GammaGammaModel.of(6.24880, 3.74459, 15.4477);
        SparkClv clv = SparkClv.withDefaults().withColumns("x", "t_x", "T").withMonetaryColumn("zbar");
        TransactionModel[] models = {bg, ModifiedBetaGeoModel.of(0.525, 6.183, 0.891, 1.614),
            ParetoNbdModel.of(0.55328, 10.5776, 0.60621, 11.6679)};
        for (TransactionModel model : models) {
            ClvCalculator calculator = ClvCalculator.of(model, gg, 4.345).withMonths(12).withDiscountRate(0.01);
            double[] alive = model.probabilityAlive(x, tx, t);
            double[] expected = model.conditionalExpectedPurchases(39, x, tx, t);
            double[] spend = gg.conditionalExpectedAverageProfit(x, m);
            double[] value = calculator.clv(x, tx, t, m);
            List<Row> rows = clv.predict(cdnowSpend, calculator, 39).collectAsList();
            assertEquals(x.length, rows.size());
            for (Row r : rows) {
                int i = r.getInt(r.fieldIndex("ID")) - 1;
                assertEquals(core[0][i], i + 1.0, "ID order of the core arrays");
                String who = model.name() + " customer " + (i + 1);
                assertEquals(alive[i], r.getDouble(r.fieldIndex(SparkClv.P_ALIVE)), 1e-12 * alive[i], who);
                assertEquals(expected[i], r.getDouble(r.fieldIndex(SparkClv.EXPECTED_PURCHASES)), 1e-12 * expected[i],
                        who);
                assertEquals(spend[i], r.getDouble(r.fieldIndex(SparkClv.EXPECTED_SPEND)), 1e-12 * spend[i], who);
                assertEquals(value[i], r.getDouble(r.fieldIndex(SparkClv.CLV)), 1e-12 * value[i], who);
                assertEquals(m[i], r.getDouble(r.fieldIndex("zbar")), who + " input kept");
            }
        }
        // Purchases only, on the other file's column names.
        Dataset<Row> scored = SparkClv.withDefaults().predict(cdnow, bg, 52);
        assertEquals(List.of("ID", "frequency", "recency", "T", SparkClv.P_ALIVE, SparkClv.EXPECTED_PURCHASES),
                List.of(scored.columns()));
        double[] e52 = bg.conditionalExpectedPurchases(52, x, tx, t);
        for (Row r : scored.collectAsList()) {
            int i = r.getInt(0) - 1;
            assertEquals(e52[i], r.getDouble(5), 1e-12 * e52[i], "E[Y(52)] customer " + (i + 1));
        }
    }

    @Test
    void theDocsExampleRuns() {
        // The summaries' names (SparkSummaries, DataTables): the defaults find the unit.
        Dataset<Row> summaries = cdnowSpend.withColumnRenamed("x", "frequency")
                .withColumnRenamed("t_x", "recency_weeks").withColumnRenamed("T", "T_weeks")
                .withColumnRenamed("zbar", "mean_repeat_amount");
        // docs/spark.md, CLV
        SparkClv clv = SparkClv.withDefaults();
        BetaGeoModel purchases = clv.fit(summaries, BetaGeoFitter.withDefaults());
        GammaGammaModel spend = clv.fit(summaries, GammaGammaFitter.withDefaults());
        Dataset<Row> scored = clv.predict(summaries,
                ClvCalculator.of(purchases, spend, 4.345).withMonths(12).withDiscountRate(0.01), 52);
        assertEquals(List.of("ID", "frequency", "recency_weeks", "T_weeks", "mean_repeat_amount", "p_alive",
                "expected_purchases", "expected_spend", "clv"), List.of(scored.columns()));
        assertEquals(0.242593, purchases.r(), 1e-6);
        assertEquals(6.24880, spend.p(), 1e-5);
        assertEquals(2357, scored.count());
    }

    /**
     * Issue 19: after a join, summaries hold recency and T in two units (lifetimes' weeks beside days); the
     * defaults do not guess one but name the pairs, before any job, and withColumns picks one. Gamma-Gamma does
     * not read them and is not stopped.
     */
    @Test
    void recencyInTwoUnitsIsNamedNotGuessed() {
        Dataset<Row> joined = cdnowSpend.withColumnRenamed("x", "frequency").withColumnRenamed("t_x", "recency")
                .withColumnRenamed("zbar", "mean_repeat_amount")
                .withColumn("recency_days", org.apache.spark.sql.functions.col("recency").multiply(7))
                .withColumn("T_days", org.apache.spark.sql.functions.col("T").multiply(7));
        SparkClv clv = SparkClv.withDefaults();
        String m = rejected(() -> clv.fit(joined, BetaGeoFitter.withDefaults()));
        assertTrue(m.contains("recency_days and T_days, recency and T") && m.contains("withColumns(\"frequency\", "
                + "\"recency_days\", \"T_days\")"), m);
        assertEquals(m, rejected(() -> clv.predict(joined, BetaGeoModel.of(0.24, 4.4, 0.79, 2.4), 52)));
        BetaGeoModel weeks = clv.withColumns("frequency", "recency", "T").fit(joined, BetaGeoFitter.withDefaults());
        BetaGeoModel days = clv.withColumns("frequency", "recency_days", "T_days").fit(joined,
                BetaGeoFitter.withDefaults());
        assertEquals(0.242593, weeks.r(), 1e-6);
        // The same customers in days: alpha, the time scale, is 7 times larger.
        assertEquals(7 * weeks.alpha(), days.alpha(), 1e-4 * days.alpha());
        assertEquals(6.24880, clv.fit(joined, GammaGammaFitter.withDefaults()).p(), 1e-5);
    }

    @Test
    void aFailedFitIsTheCoresConvergenceException() {
        // No repeat buyers: the data cannot identify the dropout process.
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            rows.add(RowFactory.create(0, 0.0, 1.0 + i));
        }
        Dataset<Row> newcomers = spark.createDataFrame(rows, new StructType().add("frequency", DataTypes.IntegerType)
                .add("recency", DataTypes.DoubleType).add("T", DataTypes.DoubleType)).coalesce(2);
        for (ClvStrategy s : STRATEGIES) {
            ConvergenceException e = assertThrows(ConvergenceException.class,
                    () -> SparkClv.withDefaults().withStrategy(s).fit(newcomers, BetaGeoFitter.withDefaults()));
            assertTrue(e.getMessage().contains("withPenalizer"), e.getMessage());
            assertEquals(4, e.lastPoint().length);
            assertTrue(e.evaluations() > 0, s + ": " + e.evaluations());
            assertEquals(2, spark.sparkContext().getPersistentRDDs().size(), "chunks left cached");
        }
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> SparkClv.withDefaults().withMonetaryColumn("recency").fit(newcomers,
                        GammaGammaFitter.withDefaults()));
        assertTrue(e.getMessage().contains("no customer with repeat purchases"), e.getMessage());
    }

    /** Runs a call that must fail on its input, and checks that it cached nothing (no fit job started). */
    private static String rejected(Executable call) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, call);
        assertEquals(2, spark.sparkContext().getPersistentRDDs().size(), "a fit started: " + e.getMessage());
        return e.getMessage();
    }

    @Test
    void badInputIsNamedBeforeAnyFitJob() {
        StructType schema = new StructType().add("frequency", DataTypes.DoubleType)
                .add("recency", DataTypes.DoubleType).add("T", DataTypes.DoubleType)
                .add("monetary", DataTypes.DoubleType).add("label", DataTypes.StringType);
        Dataset<Row> good = spark.createDataFrame(List.of(RowFactory.create(2.0, 10.0, 20.0, 5.0, "a"),
                RowFactory.create(0.0, 0.0, 30.0, null, "b")), schema);
        SparkClv clv = SparkClv.withDefaults().withStrategy(ClvStrategy.DISTRIBUTED);
        BetaGeoFitter bg = BetaGeoFitter.withDefaults();

        String m = rejected(() -> clv.withColumns("freq", "recency", "T").fit(good, bg));
        assertTrue(m.contains("'freq' not found"), m);
        m = rejected(() -> clv.withColumns("frequency", "label", "T").fit(good, bg));
        assertTrue(m.contains("'label' must be a numeric column"), m);
        m = rejected(() -> clv.withMonetaryColumn("label").fit(good, GammaGammaFitter.withDefaults()));
        assertTrue(m.contains("'label' must be a numeric column"), m);

        Dataset<Row> holes = good.union(spark.createDataFrame(List.of(
                RowFactory.create(null, 1.0, 5.0, 1.0, "c"),
                RowFactory.create(1.0, Double.NaN, 5.0, 1.0, "d"),
                RowFactory.create(1.0, 2.0, null, 1.0, "e"),
                RowFactory.create(3.0, null, 9.0, Double.NaN, "f")), schema));
        m = rejected(() -> clv.fit(holes, bg));
        assertTrue(m.contains("column 'frequency' is null or NaN in 1 row;"), m);
        assertTrue(m.contains("column 'recency' is null or NaN in 2 rows"), m);
        assertTrue(m.contains("column 'T' is null or NaN in 1 row"), m);
        assertTrue(m.contains("NullPolicy.DROP"), m);
        m = rejected(() -> clv.fit(holes, GammaGammaFitter.withDefaults()));
        assertTrue(m.contains("column 'monetary' is null or NaN where 'frequency' > 0 in 1 row"), m);
        assertTrue(!m.contains("recency"), "Gamma-Gamma reads no recency: " + m);
        // Dropped on request: the two complete rows remain (both strategies agree on them).
        BetaGeoModel kept = clv.withNulls(NullPolicy.DROP).withStrategy(ClvStrategy.COMPRESSED)
                .fit(holes, bg.withPenalizer(0.1));
        assertEquals(2, kept.fitSummary().orElseThrow().customers());
        // Two customers fit a degenerate model (a near 0) whose predictions the core rejects; predict with the
        // CDNOW estimates to check only that the incomplete rows are dropped.
        assertEquals(2, SparkClv.withDefaults().withNulls(NullPolicy.DROP)
                .predict(holes, BetaGeoModel.of(0.2426, 4.4136, 0.7929, 2.4258), 10).count());

        Dataset<Row> impossible = good.union(spark.createDataFrame(List.of(
                RowFactory.create(-1.0, 0.0, 5.0, 1.0, "g"),
                RowFactory.create(1.5, 1.0, 5.0, 1.0, "h"),
                RowFactory.create(1.0, 6.0, 5.0, 1.0, "i"),
                RowFactory.create(0.0, 2.0, 5.0, 1.0, "j"),
                RowFactory.create(1.0, 1.0, Double.POSITIVE_INFINITY, 0.0, "k")), schema));
        m = rejected(() -> clv.fit(impossible, ParetoNbdFitter.withDefaults()));
        assertTrue(m.contains("column 'frequency' is not a whole number >= 0 in 2 rows"), m);
        assertTrue(m.contains("column 'T' is negative or infinite in 1 row"), m);
        assertTrue(m.contains("column 'recency' is outside [0, T] in 1 row"), m);
        assertTrue(m.contains("column 'recency' is not 0 where 'frequency' is 0 in 1 row"), m);
        m = rejected(() -> clv.fit(impossible, GammaGammaFitter.withDefaults()));
        assertTrue(m.contains("column 'monetary' is <= 0 or infinite where 'frequency' > 0 in 1 row"), m);
        m = rejected(() -> clv.predict(impossible, BetaGeoModel.of(1, 2, 3, 4), 10));
        assertTrue(m.contains("column 'frequency' is not a whole number >= 0 in 2 rows"), m);

        Dataset<Row> empty = good.filter("frequency > 100");
        m = rejected(() -> clv.fit(empty, bg));
        assertTrue(m.contains("no customers"), m);
        Dataset<Row> newcomers = good.withColumn("T", org.apache.spark.sql.functions.lit(0.0))
                .withColumn("recency", org.apache.spark.sql.functions.lit(0.0));
        m = rejected(() -> clv.fit(newcomers, bg));
        assertTrue(m.contains("column 'T' is 0 in every row"), m);
        m = rejected(() -> clv.predict(good.withColumn("p_alive", org.apache.spark.sql.functions.lit(1.0)),
                BetaGeoModel.of(1, 2, 3, 4), 10));
        assertTrue(m.contains("already has a column 'p_alive'"), m);
        m = rejected(() -> clv.predict(good, BetaGeoModel.of(1, 2, 3, 4), Double.NaN));
        assertTrue(m.contains("horizon"), m);
        m = rejected(() -> clv.predict(good.withColumn("clv", org.apache.spark.sql.functions.lit(1.0)),
                ClvCalculator.of(BetaGeoModel.of(1, 2, 3, 4), GammaGammaModel.of(1, 2, 3), 4), 10));
        assertTrue(m.contains("already has a column 'clv'"), m);
        assertEquals(2, good.count(), "input unchanged");
    }

    @Test
    void nullArgumentsAreNamed() {
        Dataset<Row> good = cdnow.limit(3);
        SparkClv clv = SparkClv.withDefaults();
        BetaGeoModel model = BetaGeoModel.of(1, 2, 3, 4);
        assertNamed("customers", () -> clv.fit(null, BetaGeoFitter.withDefaults()));
        assertNamed("customers", () -> clv.fit(null, GammaGammaFitter.withDefaults()));
        assertNamed("fitter", () -> clv.fit(good, (BetaGeoFitter) null));
        assertNamed("fitter", () -> clv.fit(good, (ModifiedBetaGeoFitter) null));
        assertNamed("fitter", () -> clv.fit(good, (ParetoNbdFitter) null));
        assertNamed("fitter", () -> clv.fit(good, (GammaGammaFitter) null));
        assertNamed("customers", () -> clv.predict(null, model, 1));
        assertNamed("model", () -> clv.predict(good, (TransactionModel) null, 1));
        assertNamed("clv", () -> clv.predict(good, (ClvCalculator) null, 1));
        assertNamed("frequency", () -> clv.withColumns(null, "recency", "T"));
        assertNamed("monetary", () -> clv.withMonetaryColumn(" "));
        assertNamed("strategy", () -> clv.withStrategy(null));
        assertNamed("nulls", () -> clv.withNulls(null));
    }

    private static void assertNamed(String argument, Executable call) {
        String m = assertThrows(IllegalArgumentException.class, call).getMessage();
        assertTrue(m.startsWith(argument + " must not be null"), m);
    }
}
