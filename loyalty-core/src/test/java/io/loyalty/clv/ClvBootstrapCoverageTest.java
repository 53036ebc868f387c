package io.loyalty.clv;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.loyalty.stats.Interval;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * The bootstrap's intervals checked by simulation: customers drawn from known BG/NBD parameters, refitted, and the
 * 95% intervals for the population expectations must cover the truth in 93-97% of the seeded replications. A
 * miscalibrated covariance (a missing delta-method factor, draws on the wrong scale) fails it.
 */
class ClvBootstrapCoverageTest {
    private static final BetaGeoModel TRUTH = BetaGeoModel.of(0.243, 4.414, 0.793, 2.426);
    private static final int REPLICATIONS = 400;
    private static final int CUSTOMERS = 800;

    @Test
    void ninetyFivePercentIntervalsCoverTheTruthOfSimulatedPopulations() {
        AtomicInteger newCustomer = new AtomicInteger();
        AtomicInteger total = new AtomicInteger();
        // Replications are independent and each is seeded by its index: parallel and reproducible.
        IntStream.range(0, REPLICATIONS).parallel().forEach(rep -> {
            double[] age = new double[CUSTOMERS];
            for (int i = 0; i < CUSTOMERS; i++) {
                age[i] = 27 + (i % 13);
            }
            // Recency in whole days, as real summaries have it: identical rows merge and the fit is quick.
            SimulatedCustomers data = TRUTH.simulate(age, 1_000L + rep).withRecencyRoundedTo(1.0 / 7);
            BetaGeoModel fit = BetaGeoFitter.withDefaults().fit(data.frequency(), data.recency(), data.t());
            ClvBootstrap boot = ClvBootstrap.withDefaults().withSeed(rep);
            Interval e = boot.expectedPurchases(fit, 52);
            if (e.contains(TRUTH.expectedPurchases(52))) {
                newCustomer.incrementAndGet();
            }
            Interval sum = boot.totalConditionalExpectedPurchases(fit, 39, data.frequency(),
                    data.recency(), data.t());
            if (sum.contains(TRUTH.totalConditionalExpectedPurchases(39, data.frequency(), data.recency(),
                    data.t()))) {
                total.incrementAndGet();
            }
        });
        double c1 = newCustomer.get() / (double) REPLICATIONS;
        double c2 = total.get() / (double) REPLICATIONS;
        System.out.printf("coverage E[X(52)] %.4f, total E[Y(39)] %.4f%n", c1, c2);
        assertTrue(c1 >= 0.93 && c1 <= 0.97, "coverage of E[X(52)] " + c1);
        assertTrue(c2 >= 0.93 && c2 <= 0.97, "coverage of the total E[Y(39)] " + c2);
    }
}
