package io.loyalty.clv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * BG/BB on the donations data (11,104 donors, 22 weighted patterns, 6 opportunities). Published (Fader, Hardie and
 * Shang 2010): alpha = 1.204, beta = 0.750, gamma = 0.657, delta = 2.783. Converged maximum (scipy 1.17 BFGS then
 * Nelder-Mead to 1e-12 from three starts, our own check): alpha = 1.203522, beta = 0.749716, gamma = 0.656718,
 * delta = 2.783442, LL = -33225.581274; asserted to 1e-4 relative. Hardie's BG/BB spreadsheet (note 010, as quoted
 * by lifetimes' tests): expected donors with 0 and 6 donations in 6 years 3454.9 and 1253.1; sum of conditional
 * expected donations in the next 5 years 12884.2. Predictions at the published parameters against mpmath 1.3.0
 * (mp.dps = 30), 1e-12 relative.
 */
class BetaGeoBetaBinomTest {
    private static final BetaGeoBetaBinomModel P = BetaGeoBetaBinomModel.of(1.204, 0.750, 0.657, 2.783);

    private static void close(double expected, double actual, double rel, String what) {
        assertEquals(expected, actual, rel * Math.abs(expected), what);
    }

    @Test
    void fitsDonationsToTheConvergedMaximum() {
        double[][] d = ClvData.csv("/clv/donations.csv");
        BetaGeoBetaBinomModel m = BetaGeoBetaBinomFitter.withDefaults().fit(d[0], d[1], d[2], d[3]);
        FitSummary s = m.fitSummary().orElseThrow();
        System.out.println(s);
        System.out.println("published: alpha=1.204 beta=0.750 gamma=0.657 delta=2.783");
        double[] expected = {1.203522, 0.749716, 0.656718, 2.783442};
        double[] got = m.parameters();
        for (int i = 0; i < 4; i++) {
            assertEquals(expected[i], got[i], 1e-4 * expected[i], m.parameterNames()[i]);
        }
        assertEquals(-33225.581274, s.logLikelihood(), 1e-5);
        assertEquals(11104, s.customers());
        double none = 11104 * m.probabilityOfTransactions(0, 6);
        double all = 11104 * m.probabilityOfTransactions(6, 6);
        double next5 = 0;
        for (int i = 0; i < d[0].length; i++) {
            next5 += d[3][i] * m.conditionalExpectedTransactions(5, (int) d[0][i], (int) d[1][i], (int) d[2][i]);
        }
        System.out.printf("expected donors with 0 / 6 donations: %.2f / %.2f (spreadsheet 3454.9 / 1253.1); "
                + "next 5 years: %.2f (spreadsheet 12884.2)%n", none, all, next5);
        // The spreadsheet prints one decimal: half a unit of it.
        assertEquals(3454.9, none, 0.05);
        assertEquals(1253.1, all, 0.05);
        assertEquals(12884.2, next5, 0.05);
    }

    @Test
    void predictionsMatchMpmath() {
        close(-5.6158947463614154, P.logLikelihood(3, 5, 6), 1e-13, "LL");
        close(-1.1672624726738938, P.logLikelihood(0, 0, 6), 1e-13, "LL x=0");
        close(-2.1822484476182998, P.logLikelihood(6, 6, 6), 1e-13, "LL t_x = n");
        close(1.8044259997945683, P.conditionalExpectedTransactions(5, 3, 5, 6), 1e-12, "E[X(n, n+5)]");
        close(0.072802877475043012, P.conditionalExpectedTransactions(5, 0, 0, 6), 1e-12, "E x=0");
        close(0.82408851553679212, P.probabilityAlive(0, 3, 5, 6), 1e-12, "P(alive)");
        close(0.069408093206549674, P.probabilityAlive(1, 1, 1, 6), 1e-12, "P(alive next)");
        close(2.2196313934872989, P.expectedTransactions(6), 1e-12, "E[X(6)]");
        close(0.10026311502480369, P.probabilityOfTransactions(3, 6), 1e-12, "P(X(6) = 3)");
        double sum = 0;
        for (int x = 0; x <= 6; x++) {
            sum += P.probabilityOfTransactions(x, 6);
        }
        assertEquals(1, sum, 1e-12);
    }

    @Test
    void arrayPredictionsEqualScalarOnesAndNameBadRows() {
        BetaGeoBetaBinomModel m = BetaGeoBetaBinomModel.of(1.204, 0.750, 0.657, 2.783);
        double[] x = {0, 3, 6};
        double[] tx = {0, 4, 6};
        double[] n = {6, 6, 6};
        double[] e = m.conditionalExpectedTransactions(5, x, tx, n);
        double[] a = m.probabilityAlive(1, x, tx, n);
        for (int i = 0; i < 3; i++) {
            assertEquals(m.conditionalExpectedTransactions(5, (int) x[i], (int) tx[i], 6), e[i], 0.0);
            assertEquals(m.probabilityAlive(1, (int) x[i], (int) tx[i], 6), a[i], 0.0);
        }
        IllegalArgumentException ex = assertThrows(IllegalArgumentException.class,
                () -> m.probabilityAlive(0, x, new double[] {0, 7, 6}, n));
        assertTrue(ex.getMessage().contains("row 1") && ex.getMessage().contains("7.0"), ex.getMessage());
    }

    @Test
    void rejectsImpossiblePatterns() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> BetaGeoBetaBinomFitter.withDefaults().fit(new double[] {1, 3}, new double[] {1, 2},
                        new double[] {6, 6}, null));
        assertTrue(e.getMessage().contains("row 1"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> P.logLikelihood(2, 1, 6));
    }
}
