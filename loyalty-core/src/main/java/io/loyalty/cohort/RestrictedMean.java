package io.loyalty.cohort;

import io.loyalty.internal.Checks;
import io.loyalty.internal.TextTable;

/**
 * The restricted mean survival time: the area under the survival curve from 0 to a horizon, with its standard
 * error (the formula of R's {@code print.survfit(rmean = tau)}).
 *
 * @param horizon the horizon tau
 * @param estimate the area under the curve on [0, tau]
 * @param standardError its standard error
 *
 * @since 0.1
 */
public record RestrictedMean(double horizon, double estimate, double standardError) {
    /**
     * Checks the values.
     *
     * @param horizon the horizon tau
     * @param estimate the area under the curve on [0, tau]
     * @param standardError its standard error
     * @throws IllegalArgumentException naming the component if one is null, or a number is NaN or out of range
     */
    public RestrictedMean {
        Checks.nonNegative(horizon, "horizon");
        Checks.nonNegative(estimate, "estimate");
        Checks.nonNegative(standardError, "standardError");
    }

    /**
     * The mean in words, rounded to meaningful digits: {@code restricted mean to 365: 126.8 (se 2.66)}.
     *
     * @return the text
     */
    @Override
    public String toString() {
        // Meaningful digits: the horizon as given, the mean to four significant digits, its error to three.
        return "restricted mean to " + TextTable.count(horizon) + ": " + TextTable.significant(estimate, 4)
                + " (se " + TextTable.significant(standardError, 3) + ")";
    }
}
