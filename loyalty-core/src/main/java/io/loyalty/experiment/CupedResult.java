package io.loyalty.experiment;

import io.loyalty.internal.Checks;

/**
 * The result of a CUPED-adjusted comparison.
 *
 * @param theta the regression coefficient {@code cov(Y, X) / var(X)} over both arms pooled
 * @param varianceReduction {@code 1 - var(Y') / var(Y)} over both arms pooled
 * @param test Welch's test on the adjusted metric {@code Y' = Y - theta (X - mean X)}
 * @since 0.1
 */
public record CupedResult(double theta, double varianceReduction, TTest.Result test) {
    /**
     * Checks the values.
     *
     * @param theta the coefficient
     * @param varianceReduction the reduction
     * @param test the test
     */
    public CupedResult {
        Checks.finite(theta, "theta");
        Checks.finite(varianceReduction, "varianceReduction");
        Checks.notNull(test, "test");
    }

    @Override
    public String toString() {
        return Checks.format("CUPED theta = %.6g, variance reduced by %.1f %%; %s", theta, 100 * varianceReduction,
                test);
    }
}
