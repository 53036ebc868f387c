package io.loyalty.experiment;

import io.loyalty.internal.Checks;
import io.loyalty.stats.Interval;

/**
 * R's {@code prop.test} for two groups: the difference of proportions with its Wald interval (with or without
 * the continuity correction), the chi-square statistic and the p-value for the alternative.
 *
 * @param difference {@code p1 - p2} with its interval (one-sided alternatives give a bound at -1 or 1)
 * @param statistic the Pearson chi-square statistic (1 degree of freedom)
 * @param pValue the p-value
 * @param alternative the alternative tested
 * @since 0.1
 */
public record PropTest(Interval difference, double statistic, double pValue, Alternative alternative) {
    /**
     * Checks the values.
     *
     * @param difference the difference
     * @param statistic the statistic
     * @param pValue the p-value
     * @param alternative the alternative
     */
    public PropTest {
        Checks.notNull(difference, "difference");
        Checks.nonNegative(statistic, "statistic");
        Checks.unit(pValue, "pValue");
        Checks.notNull(alternative, "alternative");
    }

    @Override
    public String toString() {
        return Checks.format("X-squared = %.4f, %s, difference %s", statistic, Format.p(pValue), difference);
    }
}
