package io.loyalty.benchmarks;

import io.loyalty.experiment.Adjustment;
import io.loyalty.experiment.Assignment;
import io.loyalty.experiment.BetaBinomial;
import io.loyalty.experiment.Comparison;
import io.loyalty.experiment.Cuped;
import io.loyalty.experiment.CupedResult;
import io.loyalty.experiment.Means;
import io.loyalty.experiment.Proportions;
import io.loyalty.experiment.SampleRatioCheck;
import io.loyalty.experiment.SegmentedSummaries;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The experiment family's speed targets: reducing 10,000,000 (arm, segment, value) rows to summaries (target
 * 20 M rows/s on one thread), the whole Hillstrom-shaped readout (64,000 customers, 2 comparisons x 3 metrics x
 * 7 segments, BH, CUPED, SRM; target under 50 ms) and P(B &gt; A) for counts of a million (target under 10 ms).
 * Seeded synthetic data of the Hillstrom shape is generated in setup.
 */
@State(Scope.Benchmark)
@Fork(1)
@Warmup(iterations = 2)
@Measurement(iterations = 3)
public class ExperimentBenchmark {
    private static final int ROWS = 10_000_000;
    private static final int CUSTOMERS = 64_000;
    private static final List<String> ARMS = List.of("Mens E-Mail", "No E-Mail", "Womens E-Mail");
    private static final List<String> SEGMENTS = List.of("1", "2", "3", "4", "5", "6", "7");

    private int[] bigArm;
    private int[] bigSegment;
    private double[] bigValue;

    private int[] arm;
    private int[] segment;
    private double[] visit;
    private double[] conversion;
    private double[] spend;
    private double[] history;

    /** Creates the benchmark state (JMH calls {@link #setUp()}). */
    public ExperimentBenchmark() {
    }

    /** Generates the seeded data. */
    @Setup(Level.Trial)
    public void setUp() {
        SplittableRandom r = new SplittableRandom(20080320L);
        bigArm = new int[ROWS];
        bigSegment = new int[ROWS];
        bigValue = new double[ROWS];
        for (int i = 0; i < ROWS; i++) {
            bigArm[i] = r.nextInt(3);
            bigSegment[i] = r.nextInt(7);
            bigValue[i] = r.nextDouble() < 0.99 ? 0 : Math.exp(4 + r.nextGaussian());
        }
        arm = new int[CUSTOMERS];
        segment = new int[CUSTOMERS];
        visit = new double[CUSTOMERS];
        conversion = new double[CUSTOMERS];
        spend = new double[CUSTOMERS];
        history = new double[CUSTOMERS];
        for (int i = 0; i < CUSTOMERS; i++) {
            arm[i] = r.nextInt(3);
            segment[i] = r.nextInt(7);
            history[i] = Math.exp(5 + r.nextGaussian());
            double lift = arm[i] == 1 ? 0 : 0.05;
            visit[i] = r.nextDouble() < 0.1 + lift ? 1 : 0;
            conversion[i] = visit[i] == 1 && r.nextDouble() < 0.06 ? 1 : 0;
            spend[i] = conversion[i] == 1 ? Math.exp(4.5 + 0.5 * r.nextGaussian()) : 0;
        }
    }

    /**
     * Reduces 10 M rows to per-arm and per-segment summaries; the score is rows per second.
     *
     * @return the summaries
     */
    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    @OperationsPerInvocation(ROWS)
    public SegmentedSummaries reduceTenMillionRows() {
        return SegmentedSummaries.of(bigArm, bigSegment, bigValue, ARMS, SEGMENTS);
    }

    /**
     * The whole readout of a Hillstrom-shaped experiment.
     *
     * @return the adjusted segment comparisons
     */
    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    public List<Comparison> hillstromReadout() {
        SegmentedSummaries v = SegmentedSummaries.of(arm, segment, visit, ARMS, SEGMENTS);
        SegmentedSummaries c = SegmentedSummaries.of(arm, segment, conversion, ARMS, SEGMENTS);
        SegmentedSummaries s = SegmentedSummaries.of(arm, segment, spend, ARMS, SEGMENTS);
        SampleRatioCheck srm = Assignment.sampleRatioCheck(new long[] {v.arm(0).n(), v.arm(1).n(), v.arm(2).n()},
                new double[] {1, 1, 1}, Assignment.SRM_THRESHOLD);
        List<Comparison> overall = new ArrayList<>();
        List<Comparison> perSegment = new ArrayList<>();
        for (int t : new int[] {0, 2}) {
            overall.add(rate(v.arm(t), v.arm(1)));
            overall.add(rate(c.arm(t), c.arm(1)));
            overall.add(Means.compare("e-mail vs none", "spend", s.arm(t), s.arm(1), 0.95));
            for (int g = 0; g < SEGMENTS.size(); g++) {
                perSegment.add(rate(v.cell(t, g), v.cell(1, g)));
                perSegment.add(rate(c.cell(t, g), c.cell(1, g)));
                perSegment.add(Means.compare("e-mail vs none", "spend", s.cell(t, g), s.cell(1, g), 0.95));
            }
        }
        List<Comparison> adjusted = Adjustment.BH.adjust(perSegment);
        double[][] y = split(spend);
        double[][] x = split(history);
        CupedResult mens = Cuped.test(y[0], x[0], y[1], x[1], 0.95);
        CupedResult womens = Cuped.test(y[2], x[2], y[1], x[1], 0.95);
        if (srm.mismatch() && mens.theta() == womens.theta() && overall.isEmpty()) {
            throw new IllegalStateException("unreachable: keeps every result live");
        }
        return adjusted;
    }

    private double[][] split(double[] values) {
        int[] sizes = new int[3];
        for (int a : arm) {
            sizes[a]++;
        }
        double[][] out = {new double[sizes[0]], new double[sizes[1]], new double[sizes[2]]};
        int[] fill = new int[3];
        for (int i = 0; i < values.length; i++) {
            out[arm[i]][fill[arm[i]]++] = values[i];
        }
        return out;
    }

    private static Comparison rate(io.loyalty.experiment.ArmSummary t, io.loyalty.experiment.ArmSummary c) {
        return Proportions.compare("e-mail vs none", "rate", Math.round(t.total()), t.n(), Math.round(c.total()),
                c.n(), 0.95);
    }

    /**
     * P(B &gt; A) exactly, for a million trials per arm at rates near one half (about 500,000 terms: the worst case).
     *
     * @return the probability
     */
    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    public double probabilityBBeatsAMillion() {
        return BetaBinomial.probabilityGreater(1 + 500_000, 1 + 500_000, 1 + 501_000, 1 + 499_000);
    }
}
