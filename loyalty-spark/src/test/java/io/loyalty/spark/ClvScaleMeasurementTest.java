package io.loyalty.spark;

import io.loyalty.clv.BetaGeoFitter;
import io.loyalty.clv.BetaGeoModel;
import io.loyalty.clv.FitSummary;
import io.loyalty.clv.ParetoNbdFitter;
import io.loyalty.clv.SimulatedCustomers;
import io.loyalty.clv.TransactionModel;

import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerJobStart;
import org.apache.spark.scheduler.SparkListenerStageCompleted;
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
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

import static org.apache.spark.sql.functions.approx_count_distinct;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.struct;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The measurement behind the CLV section of docs/spark.md: BG/NBD (and, on request, Pareto/NBD) fitted on
 * 1,000,000 synthetic customers in local mode by the single-JVM core, by {@link ClvStrategy#COMPRESSED} and by
 * {@link ClvStrategy#DISTRIBUTED}, on three grids: recency and T in whole weeks, in whole days (as recorded data
 * are) and continuous (every customer a distinct pattern). Prints wall times (best of five for BG/NBD),
 * distinct patterns, Spark jobs, stages and shuffled bytes per fit. Not part of the default build; run it with
 *
 * <pre>
 * mvn -B -o -pl loyalty-spark -am verify -Dtest=ClvScaleMeasurementTest -Dsurefire.failIfNoSpecifiedTests=false \
 *     -Dloyalty.measure=true [-Dloyalty.measure.customers=1000000] [-Dloyalty.measure.partitions=4] \
 *     [-Dloyalty.measure.runs=5] [-Dloyalty.measure.pareto=true]
 * </pre>
 */
@EnabledIfSystemProperty(named = "loyalty.measure", matches = "true")
class ClvScaleMeasurementTest {
    /** The CDNOW BG/NBD estimates the customers are drawn from. */
    private static final BetaGeoModel TRUTH = BetaGeoModel.of(0.242593, 4.413532, 0.792886, 2.425752);
    private static final StructType SCHEMA = new StructType().add("frequency", DataTypes.DoubleType)
            .add("recency", DataTypes.DoubleType).add("T", DataTypes.DoubleType);
    private static final int CUSTOMERS = Integer.getInteger("loyalty.measure.customers", 1_000_000);
    private static final int PARTITIONS = Integer.getInteger("loyalty.measure.partitions", 4);
    private static final boolean PARETO = Boolean.getBoolean("loyalty.measure.pareto");
    private static final int RUNS = Integer.getInteger("loyalty.measure.runs", 5);
    private static SparkSession spark;
    private static final Metrics METRICS = new Metrics();

    /** Jobs, stages and shuffled bytes, from the listener bus. */
    private static final class Metrics extends SparkListener {
        final AtomicLong jobs = new AtomicLong();
        final AtomicLong stages = new AtomicLong();
        final AtomicLong shuffleWritten = new AtomicLong();

        @Override
        public void onJobStart(SparkListenerJobStart jobStart) {
            jobs.incrementAndGet();
        }

        @Override
        public void onStageCompleted(SparkListenerStageCompleted stage) {
            stages.incrementAndGet();
            shuffleWritten.addAndGet(stage.stageInfo().taskMetrics().shuffleWriteMetrics().bytesWritten());
        }

        long[] snapshot() {
            try {
                spark.sparkContext().listenerBus().waitUntilEmpty();
            } catch (TimeoutException e) {
                throw new IllegalStateException(e);
            }
            return new long[] {jobs.get(), stages.get(), shuffleWritten.get()};
        }
    }

    @BeforeAll
    static void start() {
        spark = LocalSpark.start("ClvScaleMeasurementTest");
        spark.sparkContext().addSparkListener(METRICS);
    }

    @AfterAll
    static void stop() {
        spark.stop();
    }

    /** How finely recency and T are recorded. */
    private enum Grid {
        WEEKS(1), DAYS(1.0 / 7), CONTINUOUS(0);

        /** The resolution in weeks, 0 for none. */
        final double step;

        Grid(double step) {
            this.step = step;
        }
    }

    /** One partition's customers: a seeded slice, the same on the driver and on an executor. */
    static double[][] slice(int part, int size, Grid grid) {
        SplittableRandom rnd = new SplittableRandom(20_240_101L + part);
        double[] ages = new double[size];
        for (int i = 0; i < size; i++) {
            double weeks = 1 + 77 * rnd.nextDouble();
            ages[i] = grid.step > 0 ? Math.rint(weeks / grid.step) * grid.step : weeks;
        }
        SimulatedCustomers c = TRUTH.simulate(ages, 7_000L + part);
        if (grid.step > 0) {
            c = c.withRecencyRoundedTo(grid.step);
        }
        return new double[][] {c.frequency(), c.recency(), c.t()};
    }

    private static double[][] driverCopy(Grid grid) {
        int per = CUSTOMERS / PARTITIONS;
        double[][] all = new double[3][per * PARTITIONS];
        for (int p = 0; p < PARTITIONS; p++) {
            double[][] s = slice(p, per, grid);
            for (int k = 0; k < 3; k++) {
                System.arraycopy(s[k], 0, all[k], p * per, per);
            }
        }
        return all;
    }

    private static Dataset<Row> sparkCopy(Grid grid) {
        int per = CUSTOMERS / PARTITIONS;
        Dataset<Row> df = spark.range(0, PARTITIONS, 1, PARTITIONS).mapPartitions(
                (MapPartitionsFunction<Long, Row>) it -> {
                    List<Row> rows = new ArrayList<>(per);
                    while (it.hasNext()) {
                        double[][] s = slice(it.next().intValue(), per, grid);
                        for (int i = 0; i < per; i++) {
                            rows.add(RowFactory.create(s[0][i], s[1][i], s[2][i]));
                        }
                    }
                    return rows.iterator();
                }, Encoders.row(SCHEMA));
        df.cache();
        assertEquals((long) per * PARTITIONS, df.count());
        return df;
    }

    /** The best wall time of the runs, the last result, and the jobs, stages and shuffled bytes of one run. */
    private static final class Timed {
        double seconds = Double.POSITIVE_INFINITY;
        TransactionModel value;
        long[] perRun;

        void run(Supplier<TransactionModel> work) {
            long[] before = METRICS.snapshot();
            long t0 = System.nanoTime();
            value = work.get();
            seconds = Math.min(seconds, (System.nanoTime() - t0) / 1e9);
            long[] after = METRICS.snapshot();
            perRun = new long[] {after[0] - before[0], after[1] - before[1], after[2] - before[2]};
        }
    }

    private static void report(String what, Timed fit, double core, FitSummary reference) {
        FitSummary s = fit.value.fitSummary().orElseThrow();
        double worst = 0;
        for (int i = 0; i < 4; i++) {
            worst = Math.max(worst, Math.abs(fit.value.parameters()[i] / reference.estimates().get(i).value() - 1));
        }
        System.out.printf("  %-22s %7.2f s (%5.1fx the core)  rows %,9d  evaluations %4d  jobs %4d  stages %4d  "
                + "shuffled %,12d bytes  max rel. parameter diff %.1e%n", what, fit.seconds, fit.seconds / core,
                s.rows(), s.evaluations(), fit.perRun[0], fit.perRun[1], fit.perRun[2], worst);
    }

    @Test
    void fitsOnAMillionCustomers() {
        System.out.printf("CLV fits on %,d synthetic customers (BG/NBD at the CDNOW estimates, T uniform on 1..78 "
                + "weeks), %d partitions, local[2], %d cores, JDK %s, load average %.2f%n", CUSTOMERS, PARTITIONS,
                Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"),
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        for (Grid grid : Grid.values()) {
            double[][] d = driverCopy(grid);
            Dataset<Row> df = sparkCopy(grid);
            long approx = df.agg(approx_count_distinct(struct(col("frequency"), col("recency"), col("T"))))
                    .first().getLong(0);
            System.out.printf("%s grid: about %,d distinct (x, t_x, T) patterns (AUTO's HyperLogLog count), so AUTO "
                    + "picks %s%n", grid, approx, approx <= Math.min(SparkClv.AUTO_PATTERN_LIMIT, CUSTOMERS / 2)
                            ? ClvStrategy.COMPRESSED : ClvStrategy.DISTRIBUTED);
            if (grid == Grid.DAYS) {
                System.out.println("  pattern count plan: " + SparkClv.patternCounts(
                        df.select(col("frequency").as("x"), col("recency").as("tx"), col("T").as("t")), "x", "tx", "t")
                        .queryExecution().executedPlan().toString().replace("\n", " | "));
            }
            fitAll("BG/NBD", d, df, BetaGeoFitter.withDefaults()::fit, s -> s.fit(df, BetaGeoFitter.withDefaults()));
            // Pareto/NBD evaluates one 2F1 per distinct (x, time) pair: on the continuous grid that is two per
            // customer per evaluation, minutes per fit whatever the strategy, so it is measured on the grids only.
            if (PARETO && grid != Grid.CONTINUOUS) {
                fitAll("Pareto/NBD", d, df, (x, tx, t) -> ParetoNbdFitter.withDefaults().fit(x, tx, t),
                        s -> s.fit(df, ParetoNbdFitter.withDefaults()));
            }
            df.unpersist(true);
        }
    }

    /** A fit of the driver's arrays. */
    @FunctionalInterface
    private interface ArrayFit {
        TransactionModel fit(double[] x, double[] tx, double[] t);
    }

    private static void fitAll(String model, double[][] d, Dataset<Row> df, ArrayFit core,
            java.util.function.Function<SparkClv, TransactionModel> spark) {
        // Best of RUNS (one for the slow Pareto/NBD), the strategies interleaved so that both meet the same load.
        int runs = model.equals("BG/NBD") ? RUNS : 1;
        ClvStrategy[] strategies = {ClvStrategy.COMPRESSED, ClvStrategy.DISTRIBUTED};
        core.fit(d[0], d[1], d[2]);
        for (ClvStrategy s : strategies) {
            spark.apply(SparkClv.withDefaults().withStrategy(s));
        }
        Timed single = new Timed();
        Timed[] timed = {new Timed(), new Timed()};
        for (int r = 0; r < runs; r++) {
            single.run(() -> core.fit(d[0], d[1], d[2]));
            for (int k = 0; k < strategies.length; k++) {
                SparkClv clv = SparkClv.withDefaults().withStrategy(strategies[k]);
                timed[k].run(() -> spark.apply(clv));
            }
        }
        FitSummary reference = single.value.fitSummary().orElseThrow();
        System.out.printf("  %s single-JVM core: %.2f s, %,d distinct rows, %d evaluations, %d iterations%n", model,
                single.seconds, reference.rows(), reference.evaluations(), reference.iterations());
        for (int k = 0; k < strategies.length; k++) {
            report(model + " " + strategies[k], timed[k], single.seconds, reference);
        }
    }
}
