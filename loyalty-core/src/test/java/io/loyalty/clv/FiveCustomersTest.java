package io.loyalty.clv;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.loyalty.stats.ConvergenceException;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Issue 16, defects found by the model comparison's property test (ModelComparisonPropertiesTest, seed
 * 4120280880923525400, trial 2) on five CDNOW customers: the unpenalized Pareto/NBD fit ran for minutes in the
 * 2F1 series near z = 1, and BG/NBD's a and b ran to the billions together, flagged only "weak".
 */
class FiveCustomersTest {
    static final double[] X = {1, 5, 0, 1, 7};
    static final double[] TX = {2.86, 13, 0, 18, 26};
    static final double[] T = {32.29, 27, 36, 37.57, 34};

    @Test
    void unpenalizedParetoNbdFailsFastAndSaysWhy() {
        long start = System.nanoTime();
        ConvergenceException e = assertThrows(ConvergenceException.class,
                () -> ParetoNbdFitter.withDefaults().fit(X, TX, T, null));
        double seconds = (System.nanoTime() - start) / 1e9;
        // About 0.4 s alone (s and beta near 1e6 made the 2F1 series wait for a million terms before issue 16);
        // the bound leaves room for a loaded machine.
        assertTrue(seconds < 5, seconds + " s");
        assertTrue(e.getMessage().contains("the maximum lies on the boundary"), e.getMessage());
        // The point mass is named at its mean in the data's time unit (weeks), not the fit's scaled unit.
        double[] p = e.lastPoint();
        assertTrue(e.getMessage().contains(io.loyalty.internal.Checks.format("r and alpha run to infinity "
                + "together, their ratio fixed: the gamma distribution of the purchase rate degenerates to a point "
                + "mass at r/alpha = %.4g", p[0] / p[1])), e.getMessage());
    }

    @Test
    void bgNbdWithAAndBInTheBillionsIsFlaggedAsAPointMass() {
        BetaGeoModel m = BetaGeoFitter.withDefaults().fit(X, TX, T, null);
        Diagnostics d = m.fitSummary().orElseThrow().diagnostics();
        assertTrue(m.fitSummary().orElseThrow().estimate("a").value() > 1e8, m.toString());
        assertTrue(d.degenerate(), d.toString());
        List<Diagnostics.Boundary> joint = d.boundaries().stream()
                .filter(b -> b.parameter().equals("a and b")).toList();
        assertTrue(joint.size() == 1 && !joint.get(0).towardZero(), d.toString());
        assertTrue(joint.get(0).meaning().contains("degenerates to a point mass at a/(a+b) = 0.19"), d.toString());
        assertTrue(m.toString().contains("point mass") || m.fitSummary().orElseThrow().toString()
                .contains("point mass"), m.toString());
    }

    @Test
    void regularFitsRaiseNoPointMassFlag() {
        double[][] c = ClvData.cdnow();
        for (FitSummary s : List.of(
                BetaGeoFitter.withDefaults().fit(c[0], c[1], c[2], null).fitSummary().orElseThrow(),
                ModifiedBetaGeoFitter.withDefaults().fit(c[0], c[1], c[2], null).fitSummary().orElseThrow(),
                ParetoNbdFitter.withDefaults().fit(c[0], c[1], c[2], null).fitSummary().orElseThrow())) {
            assertTrue(!s.diagnostics().flagged(), s.toString());
        }
    }
}
