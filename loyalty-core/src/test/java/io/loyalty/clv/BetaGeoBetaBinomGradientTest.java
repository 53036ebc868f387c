package io.loyalty.clv;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.loyalty.testkit.Property;
import org.junit.jupiter.api.Test;

/**
 * The BG/BB likelihood's analytic gradient (used by {@link BetaGeoBetaBinomFitter}) against central differences
 * of the value, per customer and summed over weighted rows, from parameters near 0 to the hundreds and customers
 * with no, some and every opportunity used; and the value with a gradient equals the value without one, bit for bit.
 */
class BetaGeoBetaBinomGradientTest {
    /** Central difference of one customer's log-likelihood in parameter j, step relative to the parameter. */
    private static double numeric(double[] p, int j, double x, double tx, double n) {
        double h = 1e-6 * p[j];
        double[] up = p.clone();
        double[] down = p.clone();
        up[j] += h;
        down[j] -= h;
        return (BetaGeoBetaBinomModel.logLikelihood(up[0], up[1], up[2], up[3], x, tx, n)
                - BetaGeoBetaBinomModel.logLikelihood(down[0], down[1], down[2], down[3], x, tx, n)) / (2 * h);
    }

    private static void sameGradient(double[] p, double x, double tx, double n) {
        double[] g = new double[4];
        double[] shared = BetaGeoBetaBinomModel.sharedDigammas(p[0], p[1], p[2], p[3]);
        double value = BetaGeoBetaBinomModel.logLikelihood(p[0], p[1], p[2], p[3], x, tx, n, shared, g);
        String where = java.util.Arrays.toString(p) + " x=" + x + " tx=" + tx + " n=" + n;
        assertEquals(BetaGeoBetaBinomModel.logLikelihood(p[0], p[1], p[2], p[3], x, tx, n), value, 0.0, where);
        for (int j = 0; j < 4; j++) {
            // d/dtheta times theta: the gradient on the log scale the fitter uses, compared at 1e-6 absolute plus
            // relative (central differences with a 1e-6 relative step are good to about 1e-8 there).
            double expected = numeric(p, j, x, tx, n) * p[j];
            assertEquals(expected, g[j] * p[j], 1e-6 * (1 + Math.abs(expected)), where + " parameter " + j);
        }
    }

    @Test
    void gradientMatchesCentralDifferences() {
        Property.forAll("BG/BB gradient", 300, rnd -> {
            double[] p = new double[4];
            for (int j = 0; j < 4; j++) {
                p[j] = Math.pow(10, -3 + 5.5 * rnd.nextDouble());
            }
            int n = rnd.nextInt(4) == 0 ? rnd.nextInt(3) : rnd.nextInt(200);
            int tx = n == 0 ? 0 : rnd.nextInt(n + 1);
            int x = tx == 0 ? 0 : 1 + rnd.nextInt(tx);
            sameGradient(p, x, tx, n);
        });
        // the donations maximum and the Online Retail weekly one (gamma near 0)
        sameGradient(new double[] {1.2035, 0.7497, 0.6567, 2.7834}, 3, 5, 6);
        sameGradient(new double[] {0.7493, 8.4881, 6.88e-4, 18.556}, 0, 0, 53);
        sameGradient(new double[] {0.7493, 8.4881, 6.88e-4, 18.556}, 6, 52, 52);
        sameGradient(new double[] {0.7493, 8.4881, 6.88e-4, 18.556}, 1, 2, 50);
    }

    @Test
    void summedGradientIsTheWeightedSumOfTheCustomers() {
        double[][] d = ClvData.csv("/clv/donations.csv");
        RfmRows rows = RfmRows.collapse(d[0], d[1], d[2], d[3]);
        double[] p = {1.2, 0.75, 0.66, 2.8};
        double[] g = new double[4];
        double value = BetaGeoBetaBinomFitter.logLikelihood(rows, p, g);
        assertEquals(BetaGeoBetaBinomFitter.logLikelihood(rows, p), value, 0.0);
        double[] shared = BetaGeoBetaBinomModel.sharedDigammas(p[0], p[1], p[2], p[3]);
        double[] expected = new double[4];
        double[] one = new double[4];
        for (int i = 0; i < d[0].length; i++) {
            BetaGeoBetaBinomModel.logLikelihood(p[0], p[1], p[2], p[3], d[0][i], d[1][i], d[2][i], shared, one);
            for (int j = 0; j < 4; j++) {
                expected[j] += d[3][i] * one[j];
            }
        }
        for (int j = 0; j < 4; j++) {
            assertEquals(expected[j], g[j], 1e-9 * Math.abs(expected[j]));
        }
    }
}
