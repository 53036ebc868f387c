package io.loyalty.stats;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.loyalty.cohort.SbgData;
import io.loyalty.cohort.SbgFitter;
import org.junit.jupiter.api.Test;

/** The one convergence exception (issue 18, section 4): its checks, and sBG throwing it. */
class ConvergenceExceptionTest {
    @Test
    void carriesItsCountersAndIsAnIllegalStateException() {
        ConvergenceException e = new ConvergenceException("did not converge", new double[] {1, 2}, 10, 3, 0.5);
        assertTrue(e instanceof IllegalStateException);
        assertEquals("did not converge", e.getMessage());
        assertArrayEquals(new double[] {1, 2}, e.lastPoint());
        assertEquals(10, e.evaluations());
        assertEquals(3, e.iterations());
        assertEquals(0.5, e.gradientNorm());
        // a linear solve has no point and no gradient
        ConvergenceException solve = new ConvergenceException("solve", new double[0], 5, 5, Double.NaN);
        assertEquals(0, solve.lastPoint().length);
        assertTrue(Double.isNaN(solve.gradientNorm()));
    }

    @Test
    void rejectsImpossibleCounters() {
        assertMessage("message", () -> new ConvergenceException(null, new double[0], 0, 0, 0));
        assertMessage("lastPoint", () -> new ConvergenceException("m", null, 0, 0, 0));
        assertMessage("evaluations", () -> new ConvergenceException("m", new double[0], -1, 0, 0));
        assertMessage("iterations", () -> new ConvergenceException("m", new double[0], 0, -1, 0));
        assertMessage("gradientNorm", () -> new ConvergenceException("m", new double[0], 0, 0, -1));
        assertMessage("gradientNorm", () -> new ConvergenceException("m", new double[0], 0, 0,
                Double.NEGATIVE_INFINITY));
    }

    @Test
    void sbgThrowsItWhenTheBudgetRunsOut() {
        // a constant churn rate: no heterogeneity, so the optimizer walks toward alpha, beta -> infinity
        SbgData d = SbgData.ofSurvivors(new long[] {1000, 500, 250, 125, 62, 31, 15, 7});
        ConvergenceException e = assertThrows(ConvergenceException.class,
                () -> SbgFitter.withDefaults().withMaxIterations(1).fit(d));
        assertTrue(e.getMessage().startsWith("sBG fit did not converge: iteration limit reached after 1 iterations"),
                e.getMessage());
        assertEquals(2, e.lastPoint().length);
        assertEquals(1, e.iterations());
    }

    @Test
    void sbgThrowsItWhenTheDataDoNotIdentifyBothParameters() {
        SbgData d = SbgData.ofSurvivors(new long[] {1000, 999, 998, 997, 996, 995});
        ConvergenceException e = assertThrows(ConvergenceException.class, () -> SbgFitter.withDefaults().fit(d));
        assertTrue(e.getMessage().contains("the observed information there is not positive definite"),
                e.getMessage());
        assertEquals(2, e.lastPoint().length);
    }

    private static void assertMessage(String name, org.junit.jupiter.api.function.Executable call) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, call);
        assertTrue(e.getMessage().contains(name), e.getMessage());
    }
}
