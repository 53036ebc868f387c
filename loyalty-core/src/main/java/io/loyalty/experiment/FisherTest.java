package io.loyalty.experiment;

import io.loyalty.internal.Checks;

/**
 * Fisher's exact test of a 2 x 2 table as R's {@code fisher.test}: the p-value, the conditional maximum
 * likelihood estimate of the odds ratio and its exact confidence interval. The estimate is 0 or infinite when the
 * top-left count is at the edge of its support; a one-sided alternative gives a one-sided interval.
 *
 * @param pValue the p-value
 * @param oddsRatio the conditional MLE of the odds ratio, in [0, infinity]
 * @param lower the interval's lower bound, &gt;= 0
 * @param upper the interval's upper bound, possibly infinite
 * @param confidence the interval's level
 * @param alternative the alternative tested
 * @since 0.1
 */
public record FisherTest(double pValue, double oddsRatio, double lower, double upper, double confidence,
        Alternative alternative) {
    /**
     * Checks the values.
     *
     * @param pValue the p-value
     * @param oddsRatio the estimate
     * @param lower the lower bound
     * @param upper the upper bound
     * @param confidence the level
     * @param alternative the alternative
     */
    public FisherTest {
        Checks.unit(pValue, "pValue");
        Checks.require(oddsRatio >= 0 && lower >= 0 && lower <= upper,
                "oddsRatio, lower and upper must be >= 0 with lower <= upper, got %s in [%s, %s]", oddsRatio, lower,
                upper);
        Checks.openUnit(confidence, "confidence");
        Checks.notNull(alternative, "alternative");
    }

    @Override
    public String toString() {
        return Checks.format("Fisher's exact test: %s, odds ratio %.4g (%s %% CI %.4g to %.4g)", Format.p(pValue),
                oddsRatio, Format.percent(confidence), lower, upper);
    }
}
