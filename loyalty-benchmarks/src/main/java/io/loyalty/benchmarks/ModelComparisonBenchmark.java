package io.loyalty.benchmarks;

import io.loyalty.clv.BetaGeoModel;
import io.loyalty.clv.ModelComparison;
import io.loyalty.clv.SimulatedCustomers;
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
 * The model comparison of issue 16 (target: BG/NBD, MBG/NBD and Pareto/NBD fitted and scored on 100,000 customers
 * in under 5 s). Customers are seeded BG/NBD draws at the CDNOW estimates, T uniform on 1..78 weeks in whole
 * days; their holdout purchases over 39 weeks are Poisson draws around the true model's conditional expectation.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class ModelComparisonBenchmark {
    private static final double HOLDOUT = 39;
    private double[][] customers;

    /** Draws the customers and their holdout purchases. */
    @Setup
    public void setUp() {
        customers = customersWithHoldout(100_000, 20261207L);
    }

    /**
     * Fits the three models and scores them (histogram, holdout errors, AUCs), 100k customers.
     *
     * @return the comparison
     */
    @Benchmark
    public ModelComparison.Result compareThreeModels100k() {
        return ModelComparison.withDefaults().compare(customers[0], customers[1], customers[2], customers[3],
                HOLDOUT);
    }

    /** {frequency, recency, T, holdout purchases} of {@code n} seeded customers, in weeks. */
    static double[][] customersWithHoldout(int n, long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        double[] ages = rnd.doubles(n).map(u -> Math.rint((1 + 77 * u) * 7) / 7).toArray();
        BetaGeoModel truth = BetaGeoModel.of(0.242593, 4.413532, 0.792886, 2.425752);
        SimulatedCustomers c = truth.simulate(ages, seed + 1).withRecencyRoundedTo(1.0 / 7);
        double[] mean = truth.conditionalExpectedPurchases(HOLDOUT, c.frequency(), c.recency(), c.t());
        double[] holdout = new double[n];
        for (int i = 0; i < n; i++) {
            // Poisson by multiplying uniforms (Knuth): the means are a few purchases at most.
            double limit = Math.exp(-mean[i]);
            double p = rnd.nextDouble();
            int k = 0;
            while (p > limit) {
                k++;
                p *= rnd.nextDouble();
            }
            holdout[i] = k;
        }
        return new double[][] {c.frequency(), c.recency(), c.t(), holdout};
    }
}
