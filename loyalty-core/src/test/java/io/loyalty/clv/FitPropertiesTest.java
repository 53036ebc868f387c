package io.loyalty.clv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.loyalty.stats.ConvergenceException;
import io.loyalty.testkit.Property;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Properties every fitter must have: weights mean copies, row order does not matter, failures are reported. */
class FitPropertiesTest {
    @Test
    void weightedRowsFitLikeTheirCopies() {
        double[][] d = ClvData.csv("/clv/donations.csv");
        List<double[]> exploded = new ArrayList<>();
        for (int i = 0; i < d[0].length; i++) {
            for (int k = 0; k < d[3][i]; k++) {
                exploded.add(new double[] {d[0][i], d[1][i], d[2][i]});
            }
        }
        double[][] cols = new double[3][exploded.size()];
        for (int i = 0; i < exploded.size(); i++) {
            for (int j = 0; j < 3; j++) {
                cols[j][i] = exploded.get(i)[j];
            }
        }
        BetaGeoBetaBinomModel weighted = BetaGeoBetaBinomFitter.withDefaults().fit(d[0], d[1], d[2], d[3]);
        BetaGeoBetaBinomModel copies = BetaGeoBetaBinomFitter.withDefaults().fit(cols[0], cols[1], cols[2], null);
        for (int i = 0; i < 4; i++) {
            assertEquals(weighted.parameters()[i], copies.parameters()[i], 1e-9, "BG/BB parameter " + i);
        }
        assertEquals(22, copies.fitSummary().orElseThrow().rows());

        // BG/NBD: CDNOW with every row given weight 2 fits the same parameters with twice the log-likelihood.
        double[][] c = ClvData.cdnow();
        double[] two = new double[c[0].length];
        java.util.Arrays.fill(two, 2);
        BetaGeoModel once = BetaGeoFitter.withDefaults().fit(c[0], c[1], c[2]);
        BetaGeoModel twice = BetaGeoFitter.withDefaults().fit(c[0], c[1], c[2], two);
        for (int i = 0; i < 4; i++) {
            assertEquals(once.parameters()[i], twice.parameters()[i], 1e-7 * once.parameters()[i]);
        }
        assertEquals(2 * once.fitSummary().orElseThrow().logLikelihood(),
                twice.fitSummary().orElseThrow().logLikelihood(), 1e-6);
        // Twice the data: standard errors shrink by sqrt(2).
        assertEquals(once.fitSummary().orElseThrow().estimate("r").standardError() / Math.sqrt(2),
                twice.fitSummary().orElseThrow().estimate("r").standardError(), 1e-6);
    }

    @Test
    void rowOrderDoesNotChangeTheFit() {
        double[][] c = ClvData.cdnow();
        BetaGeoModel reference = BetaGeoFitter.withDefaults().fit(c[0], c[1], c[2]);
        Property.forAll("BG/NBD fit independent of row order", 60, rnd -> {
            double[][] s = ClvData.permuted(c, Property.shuffledPermutation(rnd, c[0].length));
            BetaGeoModel m = BetaGeoFitter.withDefaults().fit(s[0], s[1], s[2]);
            for (int i = 0; i < 4; i++) {
                assertEquals(reference.parameters()[i], m.parameters()[i], 1e-8 * reference.parameters()[i]);
            }
        });
        // Samples drawn with replacement (ties and duplicates, 50 to 300 rows), penalized and not: a shuffled copy
        // gives the same fit to the bit, or the same failure with the same message (the fitter merges the rows into
        // one canonical order, so the sums run in the same order; before, a fit on a flat likelihood could stop
        // converged in one order and not in another).
        Property.forAll("BG/NBD fit of small samples independent of row order", 200, rnd -> {
            int n = rnd.nextInt(50, 301);
            double[][] sample = new double[3][n];
            for (int i = 0; i < n; i++) {
                int k = rnd.nextInt(c[0].length);
                for (int j = 0; j < 3; j++) {
                    sample[j][i] = c[j][k];
                }
            }
            double[][] shuffled = ClvData.permuted(sample, Property.shuffledPermutation(rnd, n));
            for (double penalizer : new double[] {0, 0.001}) {
                Object first = fitOrFailure(sample, penalizer);
                Object second = fitOrFailure(shuffled, penalizer);
                if (first instanceof double[] a && second instanceof double[] b) {
                    org.junit.jupiter.api.Assertions.assertArrayEquals(a, b, 0, n + " rows, penalizer " + penalizer);
                } else {
                    assertEquals(String.valueOf(first), String.valueOf(second), n + " rows, penalizer " + penalizer);
                }
            }
        });
    }

    /** The fitted parameters, or the exception the fit threw (a ConvergenceException or an argument error). */
    private static Object fitOrFailure(double[][] d, double penalizer) {
        try {
            return BetaGeoFitter.withDefaults().withPenalizer(penalizer).fit(d[0], d[1], d[2]).parameters();
        } catch (ConvergenceException | IllegalArgumentException e) {
            return e;
        }
    }

    @Test
    void recoversSyntheticParameters() {
        double[] truth = ClvData.CDNOW_BGNBD;
        double[][] d = ClvData.synthetic(100_000, 7, truth[0], truth[1], truth[2], truth[3]);
        BetaGeoModel m = BetaGeoFitter.withDefaults().fit(d[0], d[1], d[2]);
        FitSummary s = m.fitSummary().orElseThrow();
        for (int i = 0; i < 4; i++) {
            ParameterEstimate e = s.estimates().get(i);
            assertTrue(Math.abs(e.value() - truth[i]) < 4 * e.standardError(), e + " vs true " + truth[i]);
        }
    }

    @Test
    void nonConvergenceThrowsWithDiagnostics() {
        double[][] c = ClvData.cdnow();
        ConvergenceException e = assertThrows(ConvergenceException.class,
                () -> BetaGeoFitter.withDefaults().withMaxIterations(2).fit(c[0], c[1], c[2]));
        assertEquals(4, e.lastPoint().length);
        assertTrue(e.evaluations() > 0 && e.iterations() == 2 && e.gradientNorm() > 1e-9, e.getMessage());
        assertTrue(e.getMessage().contains("withPenalizer"), e.getMessage());
        assertThrows(ConvergenceException.class,
                () -> ParetoNbdFitter.withDefaults().withMaxIterations(1).fit(c[0], c[1], c[2]));
    }

    @Test
    void penalizerShrinksTheParameters() {
        double[][] c = ClvData.cdnow();
        BetaGeoModel plain = BetaGeoFitter.withDefaults().fit(c[0], c[1], c[2]);
        BetaGeoModel penalized = BetaGeoFitter.withDefaults().withPenalizer(0.1).fit(c[0], c[1], c[2]);
        double scale = 10 / 38.86;
        double plainNorm = sq(plain.r()) + sq(plain.alpha() * scale) + sq(plain.a()) + sq(plain.b());
        double penalizedNorm = sq(penalized.r()) + sq(penalized.alpha() * scale) + sq(penalized.a())
                + sq(penalized.b());
        assertTrue(penalizedNorm < plainNorm, penalizedNorm + " vs " + plainNorm);
        assertTrue(penalized.fitSummary().orElseThrow().logLikelihood() < plain.fitSummary().orElseThrow()
                .logLikelihood());
        assertEquals(0.1, penalized.fitSummary().orElseThrow().penalizer());
    }

    @Test
    void initialParametersDoNotChangeTheMaximum() {
        double[][] c = ClvData.cdnow();
        BetaGeoModel m = BetaGeoFitter.withDefaults().withInitialParameters(2, 20, 3, 5).fit(c[0], c[1], c[2]);
        assertEquals(ClvData.CDNOW_BGNBD[1], m.alpha(), 1e-4 * ClvData.CDNOW_BGNBD[1]);
        GammaGammaModel g = GammaGammaFitter.withDefaults().withInitialParameters(3, 2, 40)
                .fit(ClvData.cdnowRepeatSpend()[0], ClvData.cdnowRepeatSpend()[1]);
        assertEquals(6.24880, g.p(), 1e-4 * 6.2488);
    }

    @Test
    void arrayPredictionsEqualScalarOnes() {
        double[][] c = ClvData.cdnow();
        TransactionModel[] models = {BetaGeoModel.of(0.242593, 4.413532, 0.792886, 2.425752),
            ParetoNbdModel.of(0.55328, 10.5776, 0.60621, 11.6679), ModifiedBetaGeoModel.of(0.525, 6.183, 0.891, 1.614)};
        for (TransactionModel m : models) {
            double[] e = m.conditionalExpectedPurchases(39, c[0], c[1], c[2]);
            double[] p = m.probabilityAlive(c[0], c[1], c[2]);
            double sum = 0;
            for (int i = 0; i < e.length; i++) {
                assertEquals(m.conditionalExpectedPurchases(39, c[0][i], c[1][i], c[2][i]), e[i],
                        1e-13 * Math.max(1, e[i]), m.name() + " row " + i);
                assertEquals(m.probabilityAlive(c[0][i], c[1][i], c[2][i]), p[i], 1e-14, m.name() + " row " + i);
                sum += m.logLikelihood(c[0][i], c[1][i], c[2][i]);
            }
            assertEquals(sum, m.logLikelihood(c[0], c[1], c[2], null), 1e-9 * Math.abs(sum), m.name());
        }
    }

    private static double sq(double v) {
        return v * v;
    }
}
