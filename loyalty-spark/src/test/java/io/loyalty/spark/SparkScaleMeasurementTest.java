package io.loyalty.spark;

import io.loyalty.data.CustomerSummaries;
import io.loyalty.data.PeriodRule;
import io.loyalty.data.Summarizer;
import io.loyalty.data.TransactionColumns;
import io.loyalty.rfm.RfmScorer;
import io.loyalty.rfm.RfmScores;

import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerStageCompleted;
import org.apache.spark.scheduler.StageInfo;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeoutException;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.date_from_unix_date;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The measurement behind the scale figures of docs/spark.md and docs/benchmarks.md: customer summaries + RFM for
 * 10,000,000 synthetic transactions of 1,000,000 customers in local mode, against the single-JVM core on the same
 * rows. Prints wall times, rows per second, the ratio to the core and the shuffled bytes of every stage. (The
 * BG/NBD fit on a million customers is {@link ClvScaleMeasurementTest}'s: it needs customers drawn from the model,
 * which these uniform purchase days are not.) Not part of the default build; run it with
 *
 * <pre>
 * mvn -B -pl loyalty-spark -am verify -Dtest=SparkScaleMeasurementTest -Dsurefire.failIfNoSpecifiedTests=false \
 *     -Dloyalty.measure=true -Dloyalty.test.heap=12g [-Dloyalty.measure.rows=10000000] \
 *     [-Dloyalty.measure.customers=1000000]
 * </pre>
 *
 * The transactions are written once to Parquet under {@code target/scale} (generation is not timed) and read back,
 * as a job would read a lakehouse table.
 */
@EnabledIfSystemProperty(named = "loyalty.measure", matches = "true")
class SparkScaleMeasurementTest {
    private static final int ROWS = Integer.getInteger("loyalty.measure.rows", 10_000_000);
    private static final int CUSTOMERS = Integer.getInteger("loyalty.measure.customers", 1_000_000);
    private static final int CHUNKS = 16;
    private static final int FIRST_DAY = 18_262; // 2020-01-01
    private static final int DAYS = 730;
    private static final LocalDate END = LocalDate.ofEpochDay(FIRST_DAY + DAYS - 1);
    private static final long SEED = 20_261_124L;
    private static SparkSession spark;
    private static final StageLog STAGES = new StageLog();

    /** Shuffle bytes and times of every completed stage, from the listener bus. */
    private static final class StageLog extends SparkListener {
        private final List<String> lines = new ArrayList<>();
        private long shuffleWritten;

        @Override
        public synchronized void onStageCompleted(SparkListenerStageCompleted completed) {
            StageInfo s = completed.stageInfo();
            long written = s.taskMetrics().shuffleWriteMetrics().bytesWritten();
            long read = s.taskMetrics().shuffleReadMetrics().totalBytesRead();
            shuffleWritten += written;
            long ms = (long) s.completionTime().get() - (long) s.submissionTime().get();
            lines.add(String.format("  stage %3d %-48.48s tasks %3d  %7d ms  shuffle write %,14d B  read %,14d B",
                    s.stageId(), s.name(), s.numTasks(), ms, written, read));
        }

        synchronized List<String> drain() {
            try {
                spark.sparkContext().listenerBus().waitUntilEmpty();
            } catch (TimeoutException e) {
                throw new IllegalStateException(e);
            }
            List<String> out = new ArrayList<>(lines);
            lines.clear();
            return out;
        }

        synchronized long takeShuffleWritten() {
            long w = shuffleWritten;
            shuffleWritten = 0;
            return w;
        }
    }

    @BeforeAll
    static void start() {
        spark = SparkSession.builder().appName("SparkScaleMeasurementTest").master("local[*]")
                .config("spark.ui.enabled", "false")
                .config("spark.sql.shuffle.partitions", "16")
                .config("spark.driver.host", "127.0.0.1")
                .config("spark.driver.bindAddress", "127.0.0.1")
                .config("spark.sql.session.timeZone", "UTC")
                .getOrCreate();
        spark.sparkContext().addSparkListener(STAGES);
    }

    @AfterAll
    static void stop() {
        spark.stop();
    }

    /** Cumulative lognormal activity weights: a few customers buy often, most rarely (as the JMH data). */
    private static double[] weights() {
        SplittableRandom r = new SplittableRandom(SEED);
        double[] cumulative = new double[CUSTOMERS];
        double total = 0;
        for (int c = 0; c < CUSTOMERS; c++) {
            total += Math.exp(r.nextGaussian());
            cumulative[c] = total;
        }
        return cumulative;
    }

    /** Rows of chunk {@code k}: the same on the driver and on an executor. */
    private static void chunk(int k, double[] cumulative, int[] customer, int[] day, double[] amount, int from,
            int to) {
        SplittableRandom r = new SplittableRandom(SEED + 1 + k);
        double total = cumulative[cumulative.length - 1];
        for (int i = from; i < to; i++) {
            int at = Arrays.binarySearch(cumulative, r.nextDouble() * total);
            customer[i] = Math.min(CUSTOMERS - 1, at < 0 ? -at - 1 : at);
            day[i] = FIRST_DAY + r.nextInt(DAYS);
            // A gamma(2) amount with mean 40, to the cent.
            amount[i] = Math.round(-20 * (Math.log(1 - r.nextDouble()) + Math.log(1 - r.nextDouble())) * 100)
                    / 100.0;
        }
    }

    private static int start(int k) {
        return (int) ((long) ROWS * k / CHUNKS);
    }

    private static Path parquet() {
        Path dir = Path.of("target", "scale", "tx-" + ROWS + "-" + CUSTOMERS + ".parquet");
        if (!Files.isDirectory(dir)) {
            StructType schema = new StructType().add("customer_id", DataTypes.IntegerType)
                    .add("day", DataTypes.IntegerType).add("amount", DataTypes.DoubleType);
            Dataset<Row> rows = spark.range(0, CHUNKS, 1, CHUNKS).mapPartitions(
                    (MapPartitionsFunction<Long, Row>) ks -> {
                        double[] cumulative = weights();
                        List<Row> out = new ArrayList<>();
                        while (ks.hasNext()) {
                            int k = ks.next().intValue();
                            int n = start(k + 1) - start(k);
                            int[] c = new int[n];
                            int[] d = new int[n];
                            double[] a = new double[n];
                            chunk(k, cumulative, c, d, a, 0, n);
                            for (int i = 0; i < n; i++) {
                                out.add(RowFactory.create(c[i], d[i], a[i]));
                            }
                        }
                        return out.iterator();
                    }, Encoders.row(schema));
            rows.select(col("customer_id").cast(DataTypes.LongType).as("customer_id"),
                    date_from_unix_date(col("day")).as("day"), col("amount"))
                    .write().mode(SaveMode.Overwrite).parquet(dir.toString());
            STAGES.drain();
            STAGES.takeShuffleWritten();
        }
        return dir;
    }

    @Test
    void summariesAndRfmAgainstTheCore() {
        Path data = parquet();
        // The core on the same rows: dense int ids and epoch days (its fastest path), one thread.
        double[] cumulative = weights();
        int[] customer = new int[ROWS];
        int[] day = new int[ROWS];
        double[] amount = new double[ROWS];
        for (int k = 0; k < CHUNKS; k++) {
            int[] c = new int[start(k + 1) - start(k)];
            int[] d = new int[c.length];
            double[] a = new double[c.length];
            chunk(k, cumulative, c, d, a, 0, c.length);
            System.arraycopy(c, 0, customer, start(k), c.length);
            System.arraycopy(d, 0, day, start(k), c.length);
            System.arraycopy(a, 0, amount, start(k), c.length);
        }
        Summarizer summarizer = Summarizer.of(PeriodRule.days(), END);
        RfmScorer scorer = RfmScorer.withDefaults();
        LocalDate analysisDate = END.plusDays(1);
        TransactionColumns columns = TransactionColumns.ofEpochDays(customer, day, amount);
        CustomerSummaries coreSummaries = null;
        RfmScores coreScores = null;
        long coreBest = Long.MAX_VALUE;
        for (int run = 0; run < 3; run++) {
            long t0 = System.nanoTime();
            coreSummaries = summarizer.summarize(columns);
            coreScores = scorer.score(coreSummaries, analysisDate);
            coreBest = Math.min(coreBest, System.nanoTime() - t0);
        }
        System.out.printf("%ncore (one thread): summaries + RFM of %,d rows, %,d customers: %.2f s (%.1f M rows/s)%n",
                ROWS, coreSummaries.size(), coreBest / 1e9, ROWS / (coreBest / 1e9) / 1e6);

        SparkSummaries summaries = SparkSummaries.of(summarizer, TransactionSchema.of("customer_id", "day", "amount"));
        SparkRfm rfm = SparkRfm.of(scorer);
        long sparkBest = Long.MAX_VALUE;
        long customers = 0;
        List<String> stages = List.of();
        for (int run = 0; run < 3; run++) {
            STAGES.drain();
            long t0 = System.nanoTime();
            Dataset<Row> s = summaries.summarize(spark.read().parquet(data.toString())).cache();
            SparkRfm.Result scored = rfm.score(s, analysisDate);
            scored.scores().write().format("noop").mode(SaveMode.Overwrite).save();
            long elapsed = System.nanoTime() - t0;
            customers = scored.customers();
            s.unpersist(true);
            stages = STAGES.drain();
            System.out.printf("spark run %d: %.2f s, shuffle written %,d B%n", run + 1, elapsed / 1e9,
                    STAGES.takeShuffleWritten());
            sparkBest = Math.min(sparkBest, elapsed);
        }
        assertEquals(coreSummaries.size(), customers);
        System.out.printf("spark local[*] (%d cores): summaries + RFM: %.2f s (%.1f M rows/s), %.2fx the core%n",
                Runtime.getRuntime().availableProcessors(), sparkBest / 1e9, ROWS / (sparkBest / 1e9) / 1e6,
                (double) coreBest / sparkBest);
        stages.forEach(System.out::println);
    }
}
