package io.loyalty.benchmarks;

import io.loyalty.cohort.CohortMatrices;
import io.loyalty.cohort.CohortPeriod;
import io.loyalty.cohort.Cohorts;
import io.loyalty.cohort.KaplanMeier;
import io.loyalty.cohort.SurvivalCurve;
import java.time.ZoneOffset;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The cohort family's speed targets: monthly cohort matrices for 10,000,000 transactions of 1,000,000 customers
 * (target under 3 s) and Kaplan-Meier for 1,000,000 customers (target under 1 s). Seeded synthetic data: every
 * customer buys once, the other 9,000,000 rows go to skewed customer ids; times uniform over two years; amounts
 * exponential; durations whole days with 60 % events.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class CohortBenchmark {
    private static final int CUSTOMERS = 1_000_000;
    private static final int ROWS = 10_000_000;
    private static final long START = 1_577_836_800L; // 2020-01-01T00:00Z

    private int[] customers;
    private long[] seconds;
    private double[] amounts;
    private double[] durations;
    private boolean[] events;
    private Cohorts monthly;

    /** Generates the data once per trial. */
    @Setup
    public void setUp() {
        SplittableRandom r = new SplittableRandom(20261124L);
        customers = new int[ROWS];
        seconds = new long[ROWS];
        amounts = new double[ROWS];
        for (int i = 0; i < ROWS; i++) {
            double u = r.nextDouble();
            customers[i] = i < CUSTOMERS ? i : (int) (CUSTOMERS * u * u);
            seconds[i] = START + r.nextLong(730L * 86_400);
            amounts[i] = -20 * Math.log(1 - r.nextDouble());
        }
        durations = new double[CUSTOMERS];
        events = new boolean[CUSTOMERS];
        for (int i = 0; i < CUSTOMERS; i++) {
            durations[i] = r.nextInt(731);
            events[i] = r.nextDouble() < 0.6;
        }
        monthly = Cohorts.of(CohortPeriod.MONTH, ZoneOffset.UTC);
    }

    /**
     * Monthly acquisition cohorts with every matrix, 10M transactions of 1M customers.
     *
     * @return the matrices
     */
    @Benchmark
    public CohortMatrices monthlyMatrices10M() {
        return monthly.matrices(customers, seconds, amounts);
    }

    /**
     * Kaplan-Meier with Greenwood errors and log-scale limits, 1M customers.
     *
     * @return the curve
     */
    @Benchmark
    public SurvivalCurve kaplanMeier1M() {
        return KaplanMeier.withDefaults().fit(durations, events);
    }
}
