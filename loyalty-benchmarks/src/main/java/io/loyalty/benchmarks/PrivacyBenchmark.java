package io.loyalty.benchmarks;

import io.loyalty.nps.NpsScale;
import io.loyalty.privacy.ContributionBounds;
import io.loyalty.privacy.DpAggregates;
import io.loyalty.privacy.DpCohorts;
import io.loyalty.privacy.DpTable;
import io.loyalty.privacy.Partitions;
import io.loyalty.privacy.PrivacyBudget;
import io.loyalty.privacy.PrivacyCost;
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
 * Issue 21's speed targets, each under 1 s: DP NPS by segment for 10,000,000 answers (1M customers, 100 segments,
 * contribution bounding to 2 segments and 1 answer each), and a DP monthly cohort matrix for 10,000,000 transactions
 * (1M customers, 24 months, at most 6 months per customer). Everything is included: validation, bounding, budget,
 * exact discrete Laplace noise on every cell (SecureRandom).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(1)
@Warmup(iterations = 2)
@Measurement(iterations = 3)
public class PrivacyBenchmark {
    private static final int N = 10_000_000;
    private static final int CUSTOMERS = 1_000_000;
    private static final int SEGMENTS = 100;
    private static final int MONTHS = 24;

    private int[] customers;
    private int[] segments;
    private int[] answers;
    private int[] months;
    private List<String> segmentLabels;
    private List<String> monthLabels;

    /** Draws the synthetic rows. */
    @Setup
    public void setUp() {
        SplittableRandom r = new SplittableRandom(20261207L);
        customers = new int[N];
        segments = new int[N];
        answers = new int[N];
        months = new int[N];
        int[] home = new int[CUSTOMERS];
        int[] first = new int[CUSTOMERS];
        for (int c = 0; c < CUSTOMERS; c++) {
            home[c] = r.nextInt(SEGMENTS);
            first[c] = r.nextInt(MONTHS);
        }
        for (int i = 0; i < N; i++) {
            int c = r.nextInt(CUSTOMERS);
            customers[i] = c;
            // Most answers in the customer's home segment, some elsewhere: bounding has work to do.
            segments[i] = r.nextInt(5) == 0 ? r.nextInt(SEGMENTS) : home[c];
            answers[i] = r.nextInt(11);
            months[i] = Math.min(MONTHS - 1, first[c] + (r.nextInt(3) == 0 ? 0 : r.nextInt(MONTHS)));
        }
        segmentLabels = new ArrayList<>();
        for (int s = 0; s < SEGMENTS; s++) {
            segmentLabels.add("segment " + s);
        }
        monthLabels = new ArrayList<>();
        for (int m = 0; m < MONTHS; m++) {
            monthLabels.add("month " + m);
        }
    }

    /**
     * DP NPS by segment on 10M answers.
     *
     * @return the released table
     */
    @Benchmark
    public DpTable dpNpsBySegment10MAnswers() {
        return DpAggregates.nps(customers, segments, segmentLabels, answers, NpsScale.standard(),
                Partitions.known(segmentLabels), ContributionBounds.of(2, 1), PrivacyCost.laplace(1),
                PrivacyBudget.of(1, 0));
    }

    /**
     * DP monthly cohort matrix on 10M transactions.
     *
     * @return the released table
     */
    @Benchmark
    public DpTable dpMonthlyCohortMatrix10M() {
        return DpCohorts.retention(customers, months, monthLabels, 6, PrivacyCost.laplace(1), PrivacyBudget.of(1, 0));
    }
}
