package io.loyalty.experiment;

import io.loyalty.internal.Checks;

/**
 * A Wilcoxon rank-sum (Mann-Whitney) test, as R {@code wilcox.test(x, y)}.
 *
 * @param w the statistic {@code W = R1 - n1 (n1 + 1) / 2}, R1 the rank sum of the first group (mid-ranks for ties)
 * @param pValue the p-value
 * @param exact whether the p-value comes from the exact null distribution (otherwise the normal approximation)
 * @param alternative the alternative tested
 * @since 0.1
 */
public record RankSumTest(double w, double pValue, boolean exact, Alternative alternative) {
    /**
     * Checks the values.
     *
     * @param w the statistic
     * @param pValue the p-value
     * @param exact whether exact
     * @param alternative the alternative
     */
    public RankSumTest {
        Checks.nonNegative(w, "w");
        Checks.unit(pValue, "pValue");
        Checks.notNull(alternative, "alternative");
    }

    @Override
    public String toString() {
        return Checks.format("W = %.1f, %s (%s)", w, Format.p(pValue), exact ? "exact" : "normal approximation");
    }
}
