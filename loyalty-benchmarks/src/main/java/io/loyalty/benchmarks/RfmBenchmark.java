package io.loyalty.benchmarks;

import io.loyalty.data.Transaction;
import io.loyalty.rfm.RfmScorer;
import io.loyalty.rfm.RfmScores;
import io.loyalty.rfm.ScoringMethod;
import io.loyalty.rfm.SegmentSummary;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * RFM scoring and segmentation of 1,000,000 customers on one thread (target: under 1 s), and of 1,000,000
 * transactions of about 95,000 customers. Seeded synthetic data: recency uniform on 0..730 days, orders 1 plus a
 * geometric count (many ties, as real order counts), revenue lognormal per order, ids with lognormal weights.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(1)
@Warmup(iterations = 2)
@Measurement(iterations = 3)
public class RfmBenchmark {
    private static final int CUSTOMERS = 1_000_000;
    private static final int TRANSACTIONS = 1_000_000;
    private static final LocalDate DAY = LocalDate.of(2024, 12, 31);

    private String[] ids;
    private double[] recency;
    private double[] orders;
    private double[] revenue;
    private List<Transaction> transactions;

    /** Creates a benchmark state; JMH calls {@link #setUp()}. */
    public RfmBenchmark() {
    }

    /** Generates the seeded data. */
    @Setup
    public void setUp() {
        SplittableRandom r = new SplittableRandom(20261124L);
        ids = new String[CUSTOMERS];
        recency = new double[CUSTOMERS];
        orders = new double[CUSTOMERS];
        revenue = new double[CUSTOMERS];
        for (int i = 0; i < CUSTOMERS; i++) {
            ids[i] = Integer.toString(i);
            recency[i] = r.nextInt(731);
            int k = 1;
            while (r.nextDouble() < 0.7 && k < 200) {
                k++;
            }
            orders[i] = k;
            double sum = 0;
            for (int j = 0; j < Math.min(k, 20); j++) {
                sum += Math.exp(3.5 + 0.8 * r.nextGaussian());
            }
            revenue[i] = Math.round(sum * k / Math.min(k, 20) * 100) / 100.0;
        }
        transactions = new ArrayList<>(TRANSACTIONS);
        for (int i = 0; i < TRANSACTIONS; i++) {
            int id = (int) Math.min(94_999, Math.exp(r.nextGaussian() * 2.0 + 8.0)) % 95_000;
            transactions.add(Transaction.of(Integer.toString(id), DAY.minusDays(r.nextInt(730)),
                    Math.round(Math.exp(3.5 + 0.8 * r.nextGaussian()) * 100) / 100.0));
        }
    }

    /**
     * 1M customers: rfm 0.3.0 bins (three sorts), scores, segments and the segment summary.
     *
     * @return the summary
     */
    @Benchmark
    public SegmentSummary rfmScoreAndSegment1M() {
        return RfmScorer.withDefaults().score(ids, recency, orders, revenue).summary();
    }

    /**
     * 1M customers: equal-count (ntile) scores and segments.
     *
     * @return the scores
     */
    @Benchmark
    public RfmScores ntileScoreAndSegment1M() {
        return RfmScorer.withDefaults().withMethod(ScoringMethod.NTILE).score(ids, recency, orders, revenue);
    }

    /**
     * 1M transaction objects to per-customer figures (the foundation's summarizer), then rfm scores and segments.
     *
     * @return the scores
     */
    @Benchmark
    public RfmScores rfmFromTransactions1M() {
        return RfmScorer.withDefaults().score(transactions, DAY);
    }
}
