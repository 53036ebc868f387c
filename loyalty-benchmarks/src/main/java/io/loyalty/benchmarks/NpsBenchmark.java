package io.loyalty.benchmarks;

import io.loyalty.nps.Nps;
import io.loyalty.nps.NpsAccumulator;
import io.loyalty.nps.NpsTallies;
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
 * Issue 5's speed target: 10,000,000 answers tallied into 100 int-coded segments in under 1 s on one thread.
 * Seeded synthetic answers with a realistic skew (many 8-10s) and segments drawn uniformly.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(1)
@Warmup(iterations = 2)
@Measurement(iterations = 3)
public class NpsBenchmark {
    private static final int N = 10_000_000;
    private static final int SEGMENTS = 100;
    private static final double[] ANSWER_WEIGHTS = {2, 1, 1, 1, 1, 3, 3, 9, 22, 22, 35};

    private int[] segments;
    private int[] answers;

    /** Draws the answers and their segments. */
    @Setup
    public void setUp() {
        SplittableRandom r = new SplittableRandom(20261124L);
        double[] cdf = new double[ANSWER_WEIGHTS.length];
        double total = 0;
        for (int i = 0; i < cdf.length; i++) {
            total += ANSWER_WEIGHTS[i];
            cdf[i] = total;
        }
        segments = new int[N];
        answers = new int[N];
        for (int i = 0; i < N; i++) {
            segments[i] = r.nextInt(SEGMENTS);
            double u = r.nextDouble() * total;
            int a = 0;
            while (cdf[a] < u) {
                a++;
            }
            answers[i] = a;
        }
    }

    /**
     * Tallies 10M answers into 100 segments and snapshots every segment's score and the total.
     *
     * @return the overall score, so the work is not eliminated
     */
    @Benchmark
    public double tally10MAnswers100Segments() {
        NpsTallies tallies = NpsAccumulator.create(SEGMENTS).addAll(segments, answers).snapshot();
        double s = 0;
        for (int k = 0; k < SEGMENTS; k++) {
            s += tallies.tally(k).score();
        }
        Nps total = tallies.total();
        return s + total.score();
    }
}
