package io.loyalty.clv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.loyalty.testkit.Property;
import org.junit.jupiter.api.Test;

/**
 * MBG/NBD on CDNOW against BTYDplus as quoted by lifetimes' tests (r = 0.525, alpha = 6.183, a = 0.891,
 * b = 1.614, to 3 decimals); predictions at those parameters against mpmath 1.3.0 (mp.dps = 30, mpmath.hyp2f1),
 * 1e-11 relative.
 */
class ModifiedBetaGeoTest {
    private static final ModifiedBetaGeoModel M = ModifiedBetaGeoModel.of(0.525, 6.183, 0.891, 1.614);

    private static void close(double expected, double actual, double rel, String what) {
        assertEquals(expected, actual, rel * Math.abs(expected), what);
    }

    @Test
    void fitsCdnowLikeBtydPlus() {
        double[][] d = ClvData.cdnow();
        ModifiedBetaGeoModel m = ModifiedBetaGeoFitter.withDefaults().fit(d[0], d[1], d[2]);
        FitSummary s = m.fitSummary().orElseThrow();
        System.out.println(s);
        System.out.println("BTYDplus: r=0.525 alpha=6.183 a=0.891 b=1.614");
        double[] expected = {0.525, 6.183, 0.891, 1.614};
        double[] got = m.parameters();
        for (int i = 0; i < 4; i++) {
            assertEquals(expected[i], got[i], 1.5e-3, m.parameterNames()[i]);
        }
        // The likelihood at the fit is at least that at the quoted (rounded) parameters.
        assertTrue(s.logLikelihood() >= M.logLikelihood(d[0], d[1], d[2], null));
    }

    @Test
    void comparableToBgNbdOnTheSameData() {
        // MBG/NBD is BG/NBD plus a dropout chance right after the first purchase: same four parameters, same data,
        // so the two maximized log-likelihoods compare directly. On CDNOW they agree to within 1 log-likelihood
        // unit (documented in docs/clv.md), and both predict repeat purchases within 0.1 of each other (E[X(78)] 1.8036 vs 1.8580).
        double[][] d = ClvData.cdnow();
        FitSummary mbg = ModifiedBetaGeoFitter.withDefaults().fit(d[0], d[1], d[2]).fitSummary().orElseThrow();
        BetaGeoModel bgModel = BetaGeoFitter.withDefaults().fit(d[0], d[1], d[2]);
        FitSummary bg = bgModel.fitSummary().orElseThrow();
        ModifiedBetaGeoModel mbgModel = ModifiedBetaGeoModel.of(mbg.estimates().get(0).value(),
                mbg.estimates().get(1).value(), mbg.estimates().get(2).value(), mbg.estimates().get(3).value());
        System.out.printf("CDNOW log-likelihood: MBG/NBD %.4f, BG/NBD %.4f; E[X(78)] %.4f vs %.4f%n",
                mbg.logLikelihood(), bg.logLikelihood(), mbgModel.expectedPurchases(78), bgModel.expectedPurchases(78));
        assertEquals(bg.logLikelihood(), mbg.logLikelihood(), 1.0);
        assertEquals(bgModel.expectedPurchases(78), mbgModel.expectedPurchases(78), 0.1);
        assertEquals(bgModel.conditionalExpectedPurchases(39, 2, 30.43, 38.86),
                mbgModel.conditionalExpectedPurchases(39, 2, 30.43, 38.86), 0.1);
    }

    @Test
    void predictionsMatchMpmath() {
        close(1.2629606232673657, M.conditionalExpectedPurchases(39, 2, 30.43, 38.86), 1e-11, "E[Y] x=2");
        close(0.15401274667514668, M.conditionalExpectedPurchases(39, 0, 0, 38.86), 1e-11, "E[Y] x=0");
        close(15.671100314435908, M.conditionalExpectedPurchases(52, 25, 35, 38.86), 1e-11, "E[Y] x=25");
        close(1.1829536655971726, M.expectedPurchases(39), 1e-11, "E[X(39)]");
        close(1.8047575775531417, M.expectedPurchases(78), 1e-11, "E[X(78)]");
        close(0.70620226511848728, M.probabilityAlive(2, 30.43, 38.86), 1e-13, "P(alive)");
        close(0.3897350809187629, M.probabilityAlive(0, 0, 38.86), 1e-13, "P(alive) x=0");
        close(-9.4855513145339315, M.logLikelihood(2, 30.43, 38.86), 1e-13, "LL");
        close(-0.53983746353101456, M.logLikelihood(0, 0, 38.86), 1e-13, "LL x=0");
        close(0.58284297791520693, M.probabilityOfPurchases(0, 38.86), 1e-12, "P(X=0)");
        close(0.048522814681389171, M.probabilityOfPurchases(3, 38.86), 1e-11, "P(X=3)");
        double[] arr = M.conditionalExpectedPurchases(39, new double[] {2, 0}, new double[] {30.43, 0},
                new double[] {38.86, 38.86});
        close(1.2629606232673657, arr[0], 1e-11, "array path");
    }

    @Test
    void invariants() {
        Property.forAll("MBG/NBD predictions", 100, rnd -> {
            ModifiedBetaGeoModel m = ModifiedBetaGeoModel.of(0.05 + 3 * rnd.nextDouble(), 0.5 + 20 * rnd.nextDouble(),
                    0.1 + 4 * rnd.nextDouble(), 0.1 + 6 * rnd.nextDouble());
            double age = 1 + 100 * rnd.nextDouble();
            int x = rnd.nextInt(0, 40);
            double tx = x == 0 ? 0 : age * rnd.nextDouble();
            double alive = m.probabilityAlive(x, tx, age);
            assertTrue(alive >= 0 && alive < 1, "P(alive) in [0, 1): " + alive);
            double previous = 0;
            for (double t : new double[] {0, 0.5, 5, 20, 60, 200}) {
                double e = m.conditionalExpectedPurchases(t, x, tx, age);
                assertTrue(e >= previous - 1e-12 * Math.max(1, e), "non-decreasing in the horizon: " + m);
                previous = e;
            }
            double sum = 0;
            for (int n = 0; n < 60; n++) {
                sum += m.probabilityOfPurchases(n, age);
            }
            assertTrue(sum <= 1 + 1e-9, "probabilities sum to at most 1: " + sum);
        });
    }
}
