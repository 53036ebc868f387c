package io.loyalty.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Newton steps with an analytic Hessian (issue 17): quadratic convergence near the minimum, BFGS elsewhere. */
class MinimizerTest {
    /** Rosenbrock's function, minimum 0 at (1, 1), with its gradient and Hessian. */
    private static final Minimizer.Objective ROSENBROCK = new Minimizer.Objective() {
        @Override
        public double value(double[] p, double[] g) {
            double x = p[0];
            double y = p[1];
            if (g != null) {
                g[0] = -2 * (1 - x) - 400 * x * (y - x * x);
                g[1] = 200 * (y - x * x);
            }
            return (1 - x) * (1 - x) + 100 * (y - x * x) * (y - x * x);
        }

        @Override
        public double value(double[] p, double[] g, double[][] h) {
            double x = p[0];
            double y = p[1];
            h[0][0] = 1200 * x * x - 400 * y + 2;
            h[0][1] = -400 * x;
            h[1][0] = -400 * x;
            h[1][1] = 200;
            return value(p, g);
        }
    };

    @Test
    void newtonStepsFromNearTheMinimumConvergeInAFewEvaluations() {
        Minimizer m = new Minimizer(ROSENBROCK, 2, true, 1e-9, 1000);
        Minimizer.Result r = m.minimizeNewton(new double[] {1.05, 1.1});
        assertTrue(r.converged(), r.message());
        assertEquals(1, r.point()[0], 1e-10);
        assertEquals(1, r.point()[1], 1e-10);
        assertTrue(r.evaluations() <= 8, r.evaluations() + " evaluations");
        assertTrue(r.gradientNorm() <= 1e-12, "polished to 1e-3 of the tolerance: " + r.gradientNorm());
        // the result's Hessian is the analytic one at the result's point
        assertEquals(1200 * r.point()[0] * r.point()[0] - 400 * r.point()[1] + 2, r.hessian()[0][0], 0);
        assertEquals(-400 * r.point()[0], r.hessian()[0][1], 0);
    }

    @Test
    void anIndefiniteHessianHandsOverToBfgs() {
        // at (0, 1) the Hessian is diag(-398, 200): no Newton step, BFGS from there
        Minimizer m = new Minimizer(ROSENBROCK, 2, true, 1e-9, 1000);
        Minimizer.Result r = m.minimizeNewton(new double[] {0, 1});
        assertTrue(r.converged(), r.message());
        assertEquals(1, r.point()[0], 1e-7);
        assertEquals(1, r.point()[1], 1e-7);
        assertTrue(r.iterations() > 5, "BFGS iterations: " + r.iterations());
    }

    @Test
    void anObjectiveWithoutHessianSaysSo() {
        Minimizer.Objective plain = (p, g) -> p[0] * p[0];
        assertThrows(UnsupportedOperationException.class, () -> plain.value(new double[] {1}, new double[1],
                new double[1][1]));
    }
}
