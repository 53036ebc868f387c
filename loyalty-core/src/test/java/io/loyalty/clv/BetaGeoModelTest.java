package io.loyalty.clv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.loyalty.testkit.Property;
import org.junit.jupiter.api.Test;

/**
 * BG/NBD predictions at the converged CDNOW parameters (r = 0.242593, alpha = 4.413532, a = 0.792886,
 * b = 2.425752). Reference values: mpmath 1.3.0 at mp.dps = 30, the formulas of Fader, Hardie and Lee (2005)
 * with mpmath.hyp2f1 (tolerance 1e-11 relative); the published spreadsheet digits (Hardie's BG/NBD sheet) are
 * printed beside them and checked to their own rounding.
 */
class BetaGeoModelTest {
    private static final BetaGeoModel CDNOW = BetaGeoModel.of(0.242593, 4.413532, 0.792886, 2.425752);

    private static void close(double expected, double actual, double rel, String what) {
        assertEquals(expected, actual, rel * Math.abs(expected), what);
    }

    @Test
    void unconditionalExpectationMatchesMpmathAndTheSpreadsheet() {
        double[] t = {0.1429, 1, 3, 31.8571, 32, 78};
        double[] mpmath = {0.0078160742661907075, 0.053184755359877464, 0.15063196938549922, 1.0404945104731045,
            1.0437374335585874, 1.8579721052041321};
        double[] published = {0.0078, 0.0532, 0.1506, 1.0405, 1.0437, 1.8576};
        for (int i = 0; i < t.length; i++) {
            double got = CDNOW.expectedPurchases(t[i]);
            System.out.printf("E[X(%s)] = %.10f (mpmath %.10f, published %s)%n", t[i], got, mpmath[i], published[i]);
            close(mpmath[i], got, 1e-11, "E[X(" + t[i] + ")]");
            // The spreadsheet's series stops early at t = 78 (1.8576 vs 1.85797); the others agree to 4 decimals.
            assertEquals(published[i], got, i == 5 ? 5e-4 : 5e-5);
        }
    }

    @Test
    void conditionalExpectationMatchesMpmathAndThePaper() {
        double got = CDNOW.conditionalExpectedPurchases(39, 2, 30.43, 38.86);
        System.out.printf("E[Y(39) | 2, 30.43, 38.86] = %.10f (published 1.226)%n", got);
        close(1.2259103856938939, got, 1e-11, "x = 2");
        assertEquals(1.226, got, 5e-4);
        close(0.19478091229356076, CDNOW.conditionalExpectedPurchases(39, 0, 0, 38.86), 1e-11, "x = 0");
        close(16.728457717648629, CDNOW.conditionalExpectedPurchases(52, 25, 35, 38.86), 1e-11, "x = 25");
        close(0.90707596160896726, CDNOW.conditionalExpectedPurchases(10, 7, 20, 30), 1e-11, "x = 7");
        close(0.0054045971910659329, CDNOW.conditionalExpectedPurchases(100, 150, 70, 78), 1e-10, "x = 150");
    }

    @Test
    void probabilitiesAndLikelihoodMatchMpmath() {
        close(0.72660910245625075, CDNOW.probabilityAlive(2, 30.43, 38.86), 1e-13, "P(alive)");
        close(0.02481498950711385, CDNOW.probabilityAlive(5, 10, 38.86), 1e-12, "P(alive)");
        assertEquals(1, CDNOW.probabilityAlive(0, 0, 38.86));
        close(0.57475737270081302, CDNOW.probabilityOfPurchases(0, 38.86), 1e-12, "P(X=0)");
        close(0.19912158746100656, CDNOW.probabilityOfPurchases(1, 38.86), 1e-12, "P(X=1)");
        close(0.085253447515686992, CDNOW.probabilityOfPurchases(2, 38.86), 1e-12, "P(X=2)");
        close(0.0086590750421575788, CDNOW.probabilityOfPurchases(7, 38.86), 1e-11, "P(X=7)");
        close(-9.4597008502101163, CDNOW.logLikelihood(2, 30.43, 38.86), 1e-13, "LL");
        close(-0.55380728775550354, CDNOW.logLikelihood(0, 0, 38.86), 1e-13, "LL");
    }

    @Test
    void expectedFrequencyCountsSumToTheCustomers() {
        double[][] d = ClvData.cdnow();
        double[] counts = CDNOW.expectedFrequencyCounts(d[2], 7);
        double sum = 0;
        for (double c : counts) {
            assertTrue(c >= 0);
            sum += c;
        }
        assertEquals(2357, sum, 1e-6);
        // The sum over the 2,357 CDNOW customers of P(X(T_i) = n) (FHL 2005, equation 8) at the converged
        // parameters, computed independently with mpmath 1.3.0 at 40 digits and printed to 6 decimals:
        // asserted to half a unit of the last printed digit. (FHL 2005 figure 2 counts 1,411 actual zeros.)
        double[] mpmath = {1407.684381, 460.324666, 192.460327, 101.163460, 59.846712, 38.119566, 25.549094,
            71.851795};
        for (int n = 0; n < mpmath.length; n++) {
            assertEquals(mpmath[n], counts[n], 5e-7, "expected customers with " + n + " repeat purchases");
        }
    }

    @Test
    void invariants() {
        Property.forAll("BG/NBD predictions", 200, rnd -> {
            BetaGeoModel m = BetaGeoModel.of(0.05 + 3 * rnd.nextDouble(), 0.5 + 20 * rnd.nextDouble(),
                    0.1 + 4 * rnd.nextDouble(), 0.1 + 6 * rnd.nextDouble());
            double age = 1 + 100 * rnd.nextDouble();
            int x = rnd.nextInt(0, 40);
            double tx = x == 0 ? 0 : age * rnd.nextDouble();
            double alive = m.probabilityAlive(x, tx, age);
            assertTrue(alive >= 0 && alive <= 1, "P(alive) in [0, 1]: " + alive);
            double previous = 0;
            for (double t : new double[] {0, 0.5, 5, 20, 60, 200}) {
                double e = m.conditionalExpectedPurchases(t, x, tx, age);
                assertTrue(e >= previous - 1e-12 * Math.max(1, e), "non-decreasing in the horizon: " + m + " t=" + t);
                previous = e;
                double u = m.expectedPurchases(t);
                assertTrue(u >= 0 && Double.isFinite(u), "E[X(t)] finite and >= 0");
            }
            // More recent activity never makes a customer less likely to be alive.
            if (x > 0) {
                assertTrue(m.probabilityAlive(x, Math.min(age, tx + 1), age) >= alive - 1e-15);
            }
        });
    }

    @Test
    void rebuiltFromParametersPredictsTheSame() {
        double[][] d = ClvData.cdnow();
        BetaGeoModel fitted = BetaGeoFitter.withDefaults().fit(d[0], d[1], d[2]);
        double[] p = fitted.parameters();
        BetaGeoModel rebuilt = BetaGeoModel.of(p[0], p[1], p[2], p[3]);
        assertEquals(fitted, rebuilt);
        assertFalse(rebuilt.fitSummary().isPresent());
        double[] a = fitted.conditionalExpectedPurchases(39, d[0], d[1], d[2]);
        double[] b = rebuilt.conditionalExpectedPurchases(39, d[0], d[1], d[2]);
        for (int i = 0; i < a.length; i++) {
            assertEquals(a[i], b[i], 0.0);
        }
    }

    @Test
    void rejectsBadArguments() {
        assertThrows(IllegalArgumentException.class, () -> BetaGeoModel.of(Double.NaN, 1, 1, 1));
        assertThrows(IllegalArgumentException.class, () -> BetaGeoModel.of(1, -1, 1, 1));
        assertThrows(IllegalArgumentException.class, () -> CDNOW.expectedPurchases(-1));
        assertThrows(IllegalArgumentException.class, () -> CDNOW.probabilityAlive(1.5, 1, 2));
        assertThrows(IllegalArgumentException.class, () -> CDNOW.probabilityAlive(0, 1, 2));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> CDNOW.probabilityAlive(new double[] {1, 2}, new double[] {1, 3}, new double[] {2, 2}));
        assertTrue(e.getMessage().contains("row 1"), e.getMessage());
    }

    @Test
    void simulationIsSeededAndMatchesTheModelsExpectation() {
        BetaGeoModel m = BetaGeoModel.of(0.242593, 4.413532, 0.792886, 2.425752);
        double[] ages = new double[200_000];
        java.util.Arrays.fill(ages, 39);
        SimulatedCustomers c = m.simulate(ages, 11);
        assertTrue(java.util.Arrays.equals(c.frequency(), m.simulate(ages, 11).frequency()));
        double mean = java.util.Arrays.stream(c.frequency()).average().orElseThrow();
        // E[X(39)] of a new customer; the sample mean of 200,000 draws is within a few standard errors of it.
        assertEquals(m.expectedPurchases(39), mean, 0.02);
        double[] x = c.frequency();
        double[] tx = c.recency();
        for (int i = 0; i < ages.length; i++) {
            assertTrue(tx[i] >= 0 && tx[i] <= 39 && (x[i] > 0 || tx[i] == 0));
        }
        SimulatedCustomers days = c.withRecencyRoundedTo(1.0 / 7);
        assertEquals(Math.rint(c.recency()[0] * 7) / 7, days.recency()[0], 1e-12);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> m.simulate(new double[] {1, 0}, 1));
        assertTrue(e.getMessage().contains("T at row 1"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> c.withRecencyRoundedTo(0));
    }

    @Test
    void expectationsAreContinuousAcrossTheRemovableSingularityAtAEqualsOne() {
        for (double a : new double[] {1, 1 + 1e-9, 1 - 3e-6}) {
            BetaGeoModel at = BetaGeoModel.of(0.25, 4.4, a, 2.4);
            BetaGeoModel near = BetaGeoModel.of(0.25, 4.4, 1 + 2e-4, 2.4);
            ModifiedBetaGeoModel mAt = ModifiedBetaGeoModel.of(0.25, 4.4, a, 2.4);
            ModifiedBetaGeoModel mNear = ModifiedBetaGeoModel.of(0.25, 4.4, 1 + 2e-4, 2.4);
            assertTrue(Double.isFinite(at.expectedPurchases(39)));
            // The expectation moves by about its a-derivative times 2e-4 between the two points.
            assertEquals(near.expectedPurchases(39), at.expectedPurchases(39), 1e-3 * near.expectedPurchases(39));
            assertEquals(near.conditionalExpectedPurchases(39, 3, 20, 38), at.conditionalExpectedPurchases(39, 3, 20,
                    38), 1e-3 * near.conditionalExpectedPurchases(39, 3, 20, 38));
            assertEquals(mNear.expectedPurchases(39), mAt.expectedPurchases(39), 1e-3 * mNear.expectedPurchases(39));
        }
        BetaGeoBetaBinomModel bb = BetaGeoBetaBinomModel.of(1.2, 0.75, 1, 2.8);
        BetaGeoBetaBinomModel bbNear = BetaGeoBetaBinomModel.of(1.2, 0.75, 1 + 2e-4, 2.8);
        assertEquals(bbNear.expectedTransactions(5), bb.expectedTransactions(5), 1e-3 * bbNear.expectedTransactions(5));
        assertEquals(bbNear.conditionalExpectedTransactions(5, 3, 5, 6), bb.conditionalExpectedTransactions(5, 3, 5,
                6), 1e-3 * bbNear.conditionalExpectedTransactions(5, 3, 5, 6));
    }

    /** Issue 15 item 11: neither the arrays handed in nor those handed out can change a SimulatedCustomers. */
    @Test
    void issue15Item11SimulatedCustomersIsImmutable() {
        SimulatedCustomers c = BetaGeoModel.of(0.24, 4.4, 0.79, 2.4).simulate(new double[] {39, 39, 39}, 5);
        double[] x = c.frequency();
        x[0] = -1;
        assertTrue(c.frequency()[0] >= 0, "the record handed out its internal array");
        double[] in = {1, 0};
        SimulatedCustomers own = new SimulatedCustomers(in, new double[] {2, 0}, new double[] {3, 4});
        in[0] = 7;
        assertEquals(1, own.frequency()[0], "the record kept the caller's array");
        assertEquals(own, new SimulatedCustomers(new double[] {1, 0}, new double[] {2, 0}, new double[] {3, 4}));
        IllegalArgumentException bad = assertThrows(IllegalArgumentException.class,
                () -> new SimulatedCustomers(new double[] {1, 0}, new double[] {2, 1}, new double[] {3, 4}));
        assertTrue(bad.getMessage().contains("row 1"), bad.getMessage());
    }
}
