package io.loyalty.clv;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.loyalty.testkit.Property;
import java.util.SplittableRandom;
import java.util.function.DoubleUnaryOperator;
import org.junit.jupiter.api.Test;

/**
 * The model-grid sweep of issue 15: every CLV model and every prediction over parameters 1e-3..1e3 (with the
 * removable singularities a = 1, a + b = 1, BG/BB gamma = 1 and Pareto/NBD s = 1, and their neighbours at
 * +-1e-6 relative), x and T up to 1e4, t up to 1e6. Each point must be finite and inside its documented range,
 * continuous across the singularities (the value at the singular parameter and at its neighbours agree to the
 * model's own sensitivity), and monotone in the horizon where the model says so. Parameters are drawn from a
 * seeded grid that always includes its edges, so the sweep stays at a few seconds.
 */
class ModelGridSweepTest {
    /** The parameter grid: both ends, the singular value 1 and its neighbours, and points in between. */
    private static final double[] GRID = {1e-3, 1e-2, 0.1, 0.5, 1 - 1e-6, 1, 1 + 1e-6, 2, 10, 100, 1e3};
    private static final double[] HORIZONS = {0, 1e-2, 1, 39, 52, 1e3, 1e5, 1e6};
    /** Customers (x, t_x, T), x and T up to 1e4. */
    private static final double[][] CUSTOMERS = {{0, 0, 0}, {0, 0, 1e4}, {1, 0.5, 1}, {2, 30.43, 38.86},
        {10, 30, 38}, {1e4, 5e3, 1e4}, {1e4, 1e4, 1e4}, {50, 0.01, 1e4}};
    private static final GammaGammaModel SPEND = GammaGammaModel.of(6.25, 3.74, 15.44);
    private static final int TRIALS = 60;

    private static double pick(SplittableRandom rnd) {
        return rnd.nextInt(4) == 0 ? Math.pow(10, rnd.nextDouble(-3, 3)) : GRID[rnd.nextInt(GRID.length)];
    }

    /** Four parameters; one trial in four forces a = 1 exactly, one in four a + b = 1 (for a below 1). */
    private static double[] fourParameters(SplittableRandom rnd) {
        double[] p = {pick(rnd), pick(rnd), pick(rnd), pick(rnd)};
        int force = rnd.nextInt(4);
        if (force == 0) {
            p[2] = 1;
        } else if (force == 1 && p[2] < 1) {
            p[3] = 1 - p[2];
        }
        return p;
    }

    private static void finite(double v, String what) {
        if (!(v > Double.NEGATIVE_INFINITY && v < Double.POSITIVE_INFINITY)) {
            fail(what + " is not finite: " + v);
        }
    }

    private static void inUnit(double v, String what) {
        if (!(v >= 0 && v <= 1)) {
            fail(what + " is not in [0, 1]: " + v);
        }
    }

    /**
     * The value at a singular parameter p0 lies between (or within rounding of) its values at p0 (1 -+ 1e-6): the
     * three points are on one smooth curve, so the middle one is within the spread of the outer two plus 1e-9
     * relative.
     */
    private static void continuous(DoubleUnaryOperator f, double p0, String what) {
        double at = f.applyAsDouble(p0);
        double lo = f.applyAsDouble(p0 * (1 - 1e-6));
        double hi = f.applyAsDouble(p0 * (1 + 1e-6));
        double slack = 1e-9 * Math.max(Math.abs(at), Math.max(Math.abs(lo), Math.abs(hi))) + 1e-300;
        double min = Math.min(lo, hi) - slack;
        double max = Math.max(lo, hi) + slack;
        assertTrue(at >= min && at <= max, what + " jumps across " + p0 + ": " + lo + " / " + at + " / " + hi);
    }

    /** E[X(t)], E[Y(t) | ...] and CLV finite, >= 0 and non-decreasing in t; P(alive), P(X(t) = n) in [0, 1]. */
    private static void transactionModel(TransactionModel m, String name) {
        double previous = 0;
        for (double t : HORIZONS) {
            double e = m.expectedPurchases(t);
            finite(e, name + " E[X(" + t + ")]");
            assertTrue(e >= previous * (1 - 1e-12), name + " E[X(t)] decreases at t = " + t + ": " + e + " < "
                    + previous);
            previous = e;
        }
        for (double[] c : CUSTOMERS) {
            String who = name + " (x, t_x, T) = (" + c[0] + ", " + c[1] + ", " + c[2] + ")";
            inUnit(m.probabilityAlive(c[0], c[1], c[2]), who + " P(alive)");
            finite(m.logLikelihood(c[0], c[1], c[2]), who + " log-likelihood");
            double prev = 0;
            for (double t : HORIZONS) {
                double e = m.conditionalExpectedPurchases(t, c[0], c[1], c[2]);
                finite(e, who + " E[Y(" + t + ")]");
                assertTrue(e >= prev * (1 - 1e-12), who + " E[Y(t)] decreases at t = " + t + ": " + e + " < " + prev);
                prev = e;
            }
        }
        // CLV sums twelve conditional expectations: the youngest, a typical and the heaviest customer.
        for (int k : new int[] {0, 3, 6}) {
            double[] c = CUSTOMERS[k];
            double clv = ClvCalculator.of(m, SPEND, 4.345).clv(c[0], c[1], c[2], 20);
            finite(clv, name + " CLV of customer " + k);
            assertTrue(clv >= 0, name + " CLV < 0 for customer " + k + ": " + clv);
        }
    }

    private static void purchaseProbabilities(java.util.function.IntToDoubleFunction p, String name) {
        for (int n : new int[] {0, 1, 5, 100}) {
            inUnit(p.applyAsDouble(n), name + " P(X = " + n + ")");
        }
    }

    @Test
    void betaGeoAndModifiedBetaGeo() {
        Property.forAll("BG/NBD and MBG/NBD grid", TRIALS / 2, rnd -> {
            double[] p = fourParameters(rnd);
            for (int k = 0; k < 2; k++) {
                BetaGeoFamily m = k == 0 ? BetaGeoModel.of(p[0], p[1], p[2], p[3])
                        : ModifiedBetaGeoModel.of(p[0], p[1], p[2], p[3]);
                String name = m + java.util.Arrays.toString(p);
                transactionModel(m, name);
                for (double t : new double[] {1, 52, 1e6}) {
                    purchaseProbabilities(n -> m instanceof BetaGeoModel bg ? bg.probabilityOfPurchases(n, t)
                            : ((ModifiedBetaGeoModel) m).probabilityOfPurchases(n, t), name + " t = " + t);
                }
                boolean bg = k == 0;
                for (double t : new double[] {52, 1e6}) {
                    continuous(a -> family(bg, p[0], p[1], a, p[3]).expectedPurchases(t), 1,
                            name + " E[X(" + t + ")] in a");
                    continuous(a -> family(bg, p[0], p[1], a, p[3]).conditionalExpectedPurchases(t, 10, 30, 38), 1,
                            name + " E[Y(" + t + ") | 10, 30, 38] in a");
                    if (p[2] < 1) {
                        continuous(b -> family(bg, p[0], p[1], p[2], b).expectedPurchases(t), 1 - p[2],
                                name + " E[X(" + t + ")] in b across a + b = 1");
                        continuous(b -> family(bg, p[0], p[1], p[2], b).conditionalExpectedPurchases(t, 0, 0, 38),
                                1 - p[2], name + " E[Y(" + t + ") | 0, 0, 38] in b across a + b = 1");
                    }
                }
            }
        });
    }

    private static BetaGeoFamily family(boolean bg, double r, double alpha, double a, double b) {
        return bg ? BetaGeoModel.of(r, alpha, a, b) : ModifiedBetaGeoModel.of(r, alpha, a, b);
    }

    @Test
    void paretoNbd() {
        Property.forAll("Pareto/NBD grid", TRIALS, rnd -> {
            double[] p = fourParameters(rnd);
            ParetoNbdModel m = ParetoNbdModel.of(p[0], p[1], p[2], p[3]);
            String name = m + java.util.Arrays.toString(p);
            transactionModel(m, name);
            for (double t : new double[] {1, 52, 1e6}) {
                purchaseProbabilities(n -> m.probabilityOfPurchases(n, t), name + " t = " + t);
            }
            for (double t : new double[] {52, 1e6}) {
                continuous(s -> ParetoNbdModel.of(p[0], p[1], s, p[3]).expectedPurchases(t), 1, m + " E[X(t)] in s");
                continuous(s -> ParetoNbdModel.of(p[0], p[1], s, p[3]).conditionalExpectedPurchases(t, 10, 30, 38), 1,
                        m + " E[Y(t) | 10, 30, 38] in s");
            }
        });
    }

    @Test
    void betaGeoBetaBinom() {
        int[][] customers = {{0, 0, 0}, {0, 0, 10_000}, {1, 1, 1}, {3, 5, 6}, {10, 30, 38}, {10_000, 10_000, 10_000},
            {5_000, 9_000, 10_000}};
        Property.forAll("BG/BB grid", TRIALS, rnd -> {
            double[] p = {pick(rnd), pick(rnd), pick(rnd), pick(rnd)};
            if (rnd.nextInt(3) == 0) {
                p[2] = 1;
            }
            BetaGeoBetaBinomModel m = BetaGeoBetaBinomModel.of(p[0], p[1], p[2], p[3]);
            double previous = 0;
            for (int n : new int[] {0, 1, 6, 52, 1000, 100_000, 1_000_000}) {
                double e = m.expectedTransactions(n);
                finite(e, m + " E[X(" + n + ")]");
                assertTrue(e >= previous * (1 - 1e-12), m + " E[X(n)] decreases at n = " + n);
                previous = e;
            }
            for (int[] c : customers) {
                String who = m + " (x, t_x, n) = (" + c[0] + ", " + c[1] + ", " + c[2] + ")";
                double prev = 0;
                double alive = 1;
                for (int h : new int[] {0, 1, 6, 100, 10_000}) {
                    double e = m.conditionalExpectedTransactions(h, c[0], c[1], c[2]);
                    finite(e, who + " E[X(n, n+" + h + ")]");
                    assertTrue(e >= prev * (1 - 1e-12), who + " conditional expectation decreases at m = " + h);
                    prev = e;
                    double a = m.probabilityAlive(h, c[0], c[1], c[2]);
                    inUnit(a, who + " P(alive at n+" + h + ")");
                    assertTrue(a <= alive * (1 + 1e-12), who + " P(alive) increases at m = " + h);
                    alive = a;
                }
                finite(m.logLikelihood(c[0], c[1], c[2]), who + " log-likelihood");
            }
            for (int n : new int[] {1, 6, 100}) {
                for (int x : new int[] {0, 1, n}) {
                    inUnit(m.probabilityOfTransactions(x, n), m + " P(X(" + n + ") = " + x + ")");
                }
            }
            for (int n : new int[] {6, 1000}) {
                continuous(g -> BetaGeoBetaBinomModel.of(p[0], p[1], g, p[3]).expectedTransactions(n), 1,
                        m + " E[X(" + n + ")] in gamma");
                continuous(g -> BetaGeoBetaBinomModel.of(p[0], p[1], g, p[3]).conditionalExpectedTransactions(n, 3, 5,
                        6), 1, m + " E[X(6, 6+" + n + ") | 3, 5, 6] in gamma");
            }
        });
    }

    @Test
    void gammaGamma() {
        Property.forAll("Gamma-Gamma grid", TRIALS * 4, rnd -> {
            GammaGammaModel m = GammaGammaModel.of(pick(rnd), pick(rnd), pick(rnd));
            double[] p = m.parameters();
            for (double x : new double[] {0, 1, 2, 10, 1e4}) {
                for (double spend : new double[] {0, 1e-3, 20, 1e4}) {
                    if (p[0] * x + p[1] > 1) {
                        double v = m.conditionalExpectedAverageProfit(x, spend);
                        finite(v, m + " E[Z | " + x + ", " + spend + "]");
                        assertTrue(v >= 0, m + " E[Z | " + x + ", " + spend + "] < 0: " + v);
                    } else {
                        double xx = x;
                        IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(
                                IllegalArgumentException.class, () -> m.conditionalExpectedAverageProfit(xx, spend));
                        assertTrue(e.getMessage().contains("frequency"), e.getMessage());
                    }
                }
                if (x > 0) {
                    finite(m.logLikelihood(x, 20), m + " log-likelihood");
                }
            }
        });
    }
}
