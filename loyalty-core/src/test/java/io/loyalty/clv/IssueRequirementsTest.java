package io.loyalty.clv;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.loyalty.testkit.Property;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/**
 * Issue 4's "Bad input", "no NaN for frequencies or T up to 10,000" and CLV property items, checked one by one.
 */
class IssueRequirementsTest {
    private static final BetaGeoModel BG = BetaGeoModel.of(0.242593, 4.413532, 0.792886, 2.425752);
    private static final ModifiedBetaGeoModel MBG = ModifiedBetaGeoModel.of(0.525, 6.18, 0.891, 1.614);
    private static final ParetoNbdModel PNBD = ParetoNbdModel.of(0.55328, 10.5776, 0.60621, 11.6679);
    private static final GammaGammaModel GG = GammaGammaModel.of(6.24880, 3.74459, 15.4477);

    /** The exception names the row and the offending value. */
    private static void rejectsNaming(Executable e, String... parts) {
        IllegalArgumentException ex = assertThrows(IllegalArgumentException.class, e);
        for (String p : parts) {
            assertTrue(ex.getMessage().contains(p), "'" + p + "' missing from: " + ex.getMessage());
        }
    }

    @Test
    void badInputIsRejectedNamingTheRowAndValue() {
        double[] x = {1, 2, 0};
        double[] tx = {3, 4, 0};
        double[] t = {10, 10, 10};
        for (int model = 0; model < 3; model++) {
            int k = model;
            java.util.function.Consumer<double[][]> fit = d -> {
                if (k == 0) {
                    BetaGeoFitter.withDefaults().fit(d[0], d[1], d[2]);
                } else if (k == 1) {
                    ModifiedBetaGeoFitter.withDefaults().fit(d[0], d[1], d[2]);
                } else {
                    ParetoNbdFitter.withDefaults().fit(d[0], d[1], d[2]);
                }
            };
            // recency > T
            rejectsNaming(() -> fit.accept(new double[][] {x, {3, 12, 0}, t}), "row 1", "12.0");
            // negative values
            rejectsNaming(() -> fit.accept(new double[][] {{1, -2, 0}, tx, t}), "row 1", "-2.0");
            rejectsNaming(() -> fit.accept(new double[][] {x, {3, 4, -1}, t}), "row 2", "-1.0");
            rejectsNaming(() -> fit.accept(new double[][] {x, tx, {10, 10, -5}}), "row 2", "-5.0");
            // frequency 0 with recency > 0
            rejectsNaming(() -> fit.accept(new double[][] {x, {3, 4, 2.5}, t}), "row 2", "2.5");
            // non-finite values
            rejectsNaming(() -> fit.accept(new double[][] {{Double.NaN, 2, 0}, tx, t}), "row 0", "NaN");
            rejectsNaming(() -> fit.accept(new double[][] {x, tx, {10, Double.POSITIVE_INFINITY, 10}}), "row 1",
                    "Infinity");
            // empty data
            rejectsNaming(() -> fit.accept(new double[][] {{}, {}, {}}), "empty");
        }
        // Gamma-Gamma given customers without repeat purchases
        rejectsNaming(() -> GammaGammaFitter.withDefaults().fit(new double[] {2, 0, 3}, new double[] {10, 0, 12}),
                "row 1", "frequency");
        rejectsNaming(() -> GammaGammaFitter.withDefaults().fit(new double[] {2, 3}, new double[] {10, Double.NaN}),
                "row 1", "NaN");
        rejectsNaming(() -> GammaGammaFitter.withDefaults().fit(new double[0], new double[0]));
        // BG/BB recency > periods
        rejectsNaming(() -> BetaGeoBetaBinomFitter.withDefaults().fit(new double[] {1, 2}, new double[] {1, 7},
                new double[] {6, 6}, null), "row 1", "7.0");
        // the array predictions check the same way
        rejectsNaming(() -> BG.conditionalExpectedPurchases(1, x, new double[] {3, 12, 0}, t), "row 1", "12.0");
        rejectsNaming(() -> PNBD.probabilityAlive(x, tx, new double[] {10, 10, Double.NaN}), "row 2", "NaN");
        rejectsNaming(() -> ClvCalculator.of(BG, GG, 4.345).clv(x, tx, t, new double[] {5, -1, 0}), "row 1",
                "-1.0");
    }

    @Test
    void noNaNOrInfinityForFrequencyAndAgeUpTo10000() {
        double[] ages = {0.5, 1, 10, 100, 1000, 10_000};
        int[] freqs = {0, 1, 2, 10, 100, 1000, 5000, 10_000};
        for (FourParameterModel m : new FourParameterModel[] {BG, MBG, PNBD,
                BetaGeoModel.of(2.5, 0.3, 3.0, 0.4), ParetoNbdModel.of(10.465, 7.98565181e-03, 3.0516, 2.820)}) {
            for (double age : ages) {
                for (int x : freqs) {
                    for (double frac : new double[] {0, 0.01, 0.5, 0.99, 1}) {
                        double tx = x == 0 ? 0 : frac * age;
                        String at = m + " x=" + x + " t_x=" + tx + " T=" + age;
                        double alive = m.probabilityAlive(x, tx, age);
                        assertTrue(alive >= 0 && alive <= 1, "P(alive) " + alive + " at " + at);
                        double ll = m.logLikelihood(x, tx, age);
                        assertTrue(Double.isFinite(ll), "LL " + ll + " at " + at);
                        for (double h : new double[] {1, 52, 10_000}) {
                            double e = m.conditionalExpectedPurchases(h, x, tx, age);
                            assertTrue(e >= 0 && Double.isFinite(e), "E[Y(" + h + ")] " + e + " at " + at);
                        }
                    }
                }
            }
            assertTrue(Double.isFinite(m.expectedPurchases(10_000)), "E[X(10000)] of " + m);
        }
        // the fitters' kernels, with analytic gradients, on such rows
        double[][] d = {{0, 1, 10_000, 5000, 3}, {0, 0.5, 9999, 10_000, 2}, {1, 2, 10_000, 10_000, 10_000}};
        for (double[] theta : new double[][] {{0.24, 4.4, 0.79, 2.4}, {2.5, 0.3, 3.0, 0.4}}) {
            RfmRows rows = RfmRows.of(d[0], d[1], d[2], null);
            double[] g = new double[4];
            for (boolean modified : new boolean[] {false, true}) {
                double ll = ModelKind.betaGeo(rows, 1, theta, g, modified);
                assertTrue(Double.isFinite(ll), "kernel LL at " + Arrays.toString(theta));
                for (double gi : g) {
                    assertTrue(Double.isFinite(gi), "kernel gradient " + Arrays.toString(g));
                }
            }
        }
        BetaGeoBetaBinomModel bb = BetaGeoBetaBinomModel.of(1.204, 0.750, 0.657, 2.783);
        for (int n : new int[] {1, 10, 1000, 10_000}) {
            for (int x : new int[] {0, 1, n / 2, n}) {
                int tx = x == 0 ? 0 : Math.max(x, n - 1);
                String at = "x=" + x + " t_x=" + tx + " n=" + n;
                assertTrue(Double.isFinite(bb.logLikelihood(x, tx, n)), "BG/BB LL at " + at);
                double alive = bb.probabilityAlive(0, x, tx, n);
                assertTrue(alive >= 0 && alive <= 1 + 1e-12, "BG/BB P(alive) " + alive + " at " + at);
                double e = bb.conditionalExpectedTransactions(10, x, tx, n);
                assertTrue(e >= 0 && Double.isFinite(e), "BG/BB E " + e + " at " + at);
            }
        }
    }

    @Test
    void clvIsNonNegativeAndNonIncreasingInTheDiscountRate() {
        Property.forAll("CLV and the discount rate", 50, rnd -> {
            double age = 1 + 77 * rnd.nextDouble();
            int x = rnd.nextInt(0, 30);
            double tx = x == 0 ? 0 : age * rnd.nextDouble();
            double spend = x == 0 ? 0 : 200 * rnd.nextDouble();
            TransactionModel purchases = rnd.nextBoolean() ? BG : PNBD;
            int months = rnd.nextInt(1, 61);
            double previous = Double.POSITIVE_INFINITY;
            for (double rate : new double[] {0, 0.001, 0.01, 0.05, 0.2, 1, 10}) {
                double v = ClvCalculator.of(purchases, GG, 4.345).withMonths(months)
                        .withDiscountRate(rate).clv(x, tx, age, spend);
                assertTrue(v >= 0 && Double.isFinite(v), "CLV " + v + " >= 0");
                assertTrue(v <= previous * (1 + 1e-12), "CLV non-increasing in the rate: " + v + " after "
                        + previous);
                previous = v;
            }
        });
    }
}
