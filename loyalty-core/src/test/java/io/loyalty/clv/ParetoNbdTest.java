package io.loyalty.clv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.loyalty.testkit.Property;
import org.junit.jupiter.api.Test;

/**
 * Pareto/NBD on CDNOW. Published (Fader, Hardie and Lee 2005; Fader and Hardie's note 009): r = 0.553,
 * alpha = 10.578, s = 0.606, beta = 11.669, LL = -9595.0. Converged maximum (src/test/resources/clv/published.md):
 * r = 0.55328, alpha = 10.5776, s = 0.60621, beta = 11.6679, LL = -9594.97393; alpha and beta are weakly
 * identified, so they are tested to 0.002 and 0.005 and the log-likelihood to 1e-6. Predictions at the converged
 * parameters against mpmath 1.3.0 (mp.dps = 30, mpmath.hyp2f1 in A0), 1e-10 relative.
 */
class ParetoNbdTest {
    private static final ParetoNbdModel CDNOW = ParetoNbdModel.of(0.55328, 10.5776, 0.60621, 11.6679);

    private static void close(double expected, double actual, double rel, String what) {
        assertEquals(expected, actual, rel * Math.abs(expected), what);
    }

    @Test
    void fitsCdnowToTheConvergedMaximum() {
        double[][] d = ClvData.cdnow();
        ParetoNbdModel m = ParetoNbdFitter.withDefaults().fit(d[0], d[1], d[2]);
        FitSummary s = m.fitSummary().orElseThrow();
        System.out.println(s);
        System.out.println("published: r=0.553 alpha=10.578 s=0.606 beta=11.669 LL=-9595.0");
        assertEquals(0.55328, m.r(), 1e-4);
        assertEquals(10.5776, m.alpha(), 2e-3);
        assertEquals(0.60621, m.s(), 1e-4);
        assertEquals(11.6679, m.beta(), 5e-3);
        assertEquals(-9594.97393, s.logLikelihood(), 1e-5);
        for (ParameterEstimate e : s.estimates()) {
            assertTrue(e.standardError() > 0 && e.interval().lower() < e.value() && e.value() < e.interval().upper(), e.toString());
        }
    }

    @Test
    void predictionsMatchMpmath() {
        close(-9.5543250209883707, CDNOW.logLikelihood(2, 30.43, 38.86), 1e-12, "LL");
        close(-0.52120708230858232, CDNOW.logLikelihood(0, 0, 38.86), 1e-12, "LL x=0");
        close(-17.675635880271402, CDNOW.logLikelihood(5, 38.86, 38.86), 1e-12, "LL t_x = T");
        close(0.86911933856979704, CDNOW.probabilityAlive(2, 30.43, 38.86), 1e-11, "P(alive)");
        close(0.29509793807318056, CDNOW.probabilityAlive(0, 0, 38.86), 1e-11, "P(alive) x=0");
        close(5.0762644987842104e-5, CDNOW.probabilityAlive(10, 5, 38.86), 1e-9, "P(alive) inactive");
        close(1.4551184060948603, CDNOW.conditionalExpectedPurchases(39, 2, 30.43, 38.86), 1e-11, "E[Y]");
        close(0.10706108096016021, CDNOW.conditionalExpectedPurchases(39, 0, 0, 38.86), 1e-11, "E[Y] x=0");
        close(8.1618709915313581, CDNOW.conditionalExpectedPurchases(52, 10, 35, 38.86), 1e-11, "E[Y] x=10");
        close(1.2134224408627927, CDNOW.expectedPurchases(39), 1e-13, "E[X(39)]");
        close(1.909905651781903, CDNOW.expectedPurchases(78), 1e-13, "E[X(78)]");
        double[][] d = ClvData.cdnow();
        close(-9594.97392988242, CDNOW.logLikelihood(d[0], d[1], d[2], null), 1e-12, "total LL");
    }

    @Test
    void matchesRBtydAsQuotedByLifetimes() {
        // BTYD walkthrough (R): P(alive | 26, 30.86, 31) = 0.9979 at (0.5534, 10.5802, 0.6061, 11.6562), and
        // E[Y(52) | 26, 30.86, 31] = 25.46 at the CDNOW fit.
        assertEquals(0.9979, ParetoNbdModel.of(0.5534, 10.5802, 0.6061, 11.6562).probabilityAlive(26, 30.86, 31),
                5e-5);
        assertEquals(25.46, CDNOW.conditionalExpectedPurchases(52, 26, 30.86, 31), 0.005);
    }

    @Test
    void largeFrequenciesStayFinite() {
        // lifetimes' overflow cases: alpha << beta and hundreds of purchases push 2F1 towards overflow.
        ParetoNbdModel m = ParetoNbdModel.of(10.465, 7.98565181e-03, 3.0516, 2.820);
        double[][] cases = {{400, 5, 6}, {500, 1, 37}, {500, 4, 37}, {40, 5, 6}, {50, 1, 37}, {50, 4, 37}};
        for (double[] c : cases) {
            double logA0 = ParetoNbdModel.logA0(10.465, 7.98565181e-03, 3.0516, 2.820, c[0], c[1], c[2]);
            assertTrue(logA0 < 0 && Double.isFinite(logA0), "log A0 at " + java.util.Arrays.toString(c));
            double alive = m.probabilityAlive(c[0], c[1], c[2]);
            assertTrue(alive >= 0 && alive <= 1, "P(alive) at " + java.util.Arrays.toString(c));
            assertTrue(Double.isFinite(m.logLikelihood(c[0], c[1], c[2])));
        }
        // Underflow guard: one more purchase changes the expectation smoothly.
        double left = CDNOW.conditionalExpectedPurchases(10, 132, 200, 200);
        double right = CDNOW.conditionalExpectedPurchases(10, 133, 200, 200);
        assertTrue(Math.abs(left - right) < 0.05, left + " vs " + right);
    }

    @Test
    void continuousAtSEqualsOne() {
        ParetoNbdModel at = ParetoNbdModel.of(0.5, 10, 1, 12);
        ParetoNbdModel near = ParetoNbdModel.of(0.5, 10, 1 + 1e-9, 12);
        close(near.expectedPurchases(30), at.expectedPurchases(30), 1e-8, "E[X] at s = 1");
        close(near.conditionalExpectedPurchases(30, 3, 20, 35), at.conditionalExpectedPurchases(30, 3, 20, 35), 1e-8,
                "E[Y] at s = 1");
    }

    @Test
    void invariants() {
        Property.forAll("Pareto/NBD predictions", 100, rnd -> {
            ParetoNbdModel m = ParetoNbdModel.of(0.05 + 3 * rnd.nextDouble(), 0.5 + 20 * rnd.nextDouble(),
                    0.05 + 3 * rnd.nextDouble(), 0.5 + 20 * rnd.nextDouble());
            double age = 1 + 100 * rnd.nextDouble();
            int x = rnd.nextInt(0, 40);
            double tx = x == 0 ? 0 : age * rnd.nextDouble();
            double alive = m.probabilityAlive(x, tx, age);
            assertTrue(alive >= 0 && alive <= 1, "P(alive) in [0, 1]: " + alive + " " + m);
            double previous = 0;
            for (double t : new double[] {0, 0.5, 5, 20, 60, 200}) {
                double e = m.conditionalExpectedPurchases(t, x, tx, age);
                assertTrue(e >= previous - 1e-12 * Math.max(1, e), "non-decreasing in the horizon: " + m);
                previous = e;
            }
            assertTrue(Double.isFinite(m.logLikelihood(x, tx, age)));
        });
    }

    /**
     * P(X(t) = n) of a new customer (Fader and Hardie's note 012) checked by identities that do not share its
     * formula: the probabilities sum to 1 and their mean is the closed-form E[X(t)], on the CDNOW fit (alpha &lt;
     * beta) and with alpha &gt; beta.
     */
    @Test
    void purchaseCountDistributionSumsToOneWithTheModelsMean() {
        for (ParetoNbdModel m : new ParetoNbdModel[] {CDNOW, ParetoNbdModel.of(0.55, 15, 0.6, 9)}) {
            for (double t : new double[] {1, 39, 78}) {
                double total = 0;
                double mean = 0;
                for (int n = 0; n <= 400; n++) {
                    double p = m.probabilityOfPurchases(n, t);
                    assertTrue(p >= 0 && p <= 1, m + " P(X(" + t + ") = " + n + ") = " + p);
                    total += p;
                    mean += n * p;
                }
                assertEquals(1, total, 1e-9, m + " t = " + t);
                assertEquals(m.expectedPurchases(t), mean, 1e-7 * Math.max(1, mean), m + " t = " + t);
            }
        }
        assertEquals(1, CDNOW.probabilityOfPurchases(0, 0));
        double[] counts = CDNOW.expectedFrequencyCounts(new double[] {39, 39, 20}, 7);
        assertEquals(3, java.util.Arrays.stream(counts).sum(), 1e-9);
    }
}
