package io.loyalty.experiment;

import io.loyalty.internal.Checks;
import io.loyalty.stats.Interval;

/**
 * A two-sample t-test of the mean difference (first minus second) with its interval, as R {@code t.test}.
 *
 * @param difference the mean difference with its interval (one-sided alternatives give a one-sided interval)
 * @param statistic the t statistic
 * @param df the degrees of freedom (Welch-Satterthwaite, or {@code n1 + n2 - 2} for Student)
 * @param pValue the p-value
 * @param alternative the alternative tested
 * @since 0.1
 */
public record TTest(Interval difference, double statistic, double df, double pValue, Alternative alternative) {
    /**
     * Checks the values.
     *
     * @param difference the difference
     * @param statistic the statistic
     * @param df the degrees of freedom
     * @param pValue the p-value
     * @param alternative the alternative
     */
    public TTest {
        Checks.notNull(difference, "difference");
        Checks.finite(statistic, "statistic");
        Checks.positive(df, "df");
        Checks.unit(pValue, "pValue");
        Checks.notNull(alternative, "alternative");
    }

    @Override
    public String toString() {
        return Checks.format("t = %.4f, df = %.4f, %s, difference %s", statistic, df, Format.p(pValue), difference);
    }
}
