package io.loyalty.experiment;

import io.loyalty.internal.Checks;

/**
 * Fisher's exact test of two groups' rates as R's {@code fisher.test}, configured as Commons Statistics
 * configures its tests: {@code FisherTest.withDefaults().with(alternative).withConfidence(0.9).test(x1, n1, x2, n2)}
 * returns a {@link Result}: the p-value, R's conditional maximum likelihood estimate of the odds ratio and its exact
 * confidence interval, for the table {@code [[x1, n1 - x1], [x2, n2 - x2]]} (rows the arms, treatment first).
 *
 * <p>The estimate solves {@code E[A; psi] = x1} under the noncentral hypergeometric distribution, the bounds solve
 * its tail probabilities equal to {@code (1 - confidence) / 2} (one-sided: {@code 1 - confidence}), each by R's
 * {@code uniroot}. Two-sided p, as R: the sum of the probabilities of tables no more probable than the observed
 * one, with relative tolerance 1e-7; {@code GREATER} is an odds ratio &gt; 1 (the treatment converts more).
 * Immutable.
 *
 * @since 0.1
 */
public final class FisherTest {
    private static final FisherTest DEFAULTS = new FisherTest(Alternative.TWO_SIDED, 0.95);

    private final Alternative alternative;
    private final double confidence;

    private FisherTest(Alternative alternative, double confidence) {
        this.alternative = alternative;
        this.confidence = confidence;
    }

    /**
     * R's defaults: two-sided, 95 % interval.
     *
     * @return the test
     */
    public static FisherTest withDefaults() {
        return DEFAULTS;
    }

    /**
     * This test with another alternative.
     *
     * @param alternative the alternative ({@code GREATER}: odds ratio &gt; 1)
     * @return a new test
     */
    public FisherTest with(Alternative alternative) {
        return new FisherTest(Checks.notNull(alternative, "alternative"), confidence);
    }

    /**
     * This test with another interval level.
     *
     * @param confidence the confidence level in (0, 1)
     * @return a new test
     */
    public FisherTest withConfidence(double confidence) {
        return new FisherTest(alternative, Checks.openUnit(confidence, "confidence"));
    }

    /**
     * Runs the test on two groups' counts, treatment first.
     *
     * @param x1 successes of the first group (treatment)
     * @param n1 trials of the first group, &gt; 0
     * @param x2 successes of the second group (control)
     * @param n2 trials of the second group, &gt; 0
     * @return the result
     * @throws IllegalArgumentException naming the argument if a count is out of range, or if more than 50 million
     *     tables share the margins
     */
    public Result test(long x1, long n1, long x2, long n2) {
        Proportions.checkCounts(x1, n1, "x1", "n1");
        Proportions.checkCounts(x2, n2, "x2", "n2");
        return FisherExact.test(x1, n1 - x1, x2, n2 - x2, alternative, confidence);
    }

    @Override
    public String toString() {
        return Checks.format("FisherTest[alternative=%s, confidence=%s]", alternative, confidence);
    }

    /**
     * The result of {@link FisherTest#test}. The estimate is 0 or infinite when the first group's successes are at
     * the edge of their support; a one-sided alternative gives a one-sided interval. Made only by the test.
     *
     * @since 0.2
     */
    public static final class Result {
        private final double pValue;
        private final double oddsRatio;
        private final double lower;
        private final double upper;
        private final double confidence;
        private final Alternative alternative;

        Result(double pValue, double oddsRatio, double lower, double upper, double confidence,
                Alternative alternative) {
            this.pValue = pValue;
            this.oddsRatio = oddsRatio;
            this.lower = lower;
            this.upper = upper;
            this.confidence = confidence;
            this.alternative = alternative;
        }

        /**
         * The p-value for the alternative.
         *
         * @return the p-value in [0, 1]
         */
        public double pValue() {
            return pValue;
        }

        /**
         * R's conditional maximum likelihood estimate of the odds ratio.
         *
         * @return the estimate, in [0, infinity]
         */
        public double oddsRatio() {
            return oddsRatio;
        }

        /**
         * The interval's lower bound.
         *
         * @return the bound, &gt;= 0
         */
        public double lower() {
            return lower;
        }

        /**
         * The interval's upper bound.
         *
         * @return the bound, possibly infinite
         */
        public double upper() {
            return upper;
        }

        /**
         * The interval's level.
         *
         * @return the level in (0, 1)
         */
        public double confidence() {
            return confidence;
        }

        /**
         * The alternative tested.
         *
         * @return the alternative
         */
        public Alternative alternative() {
            return alternative;
        }

        @Override
        public String toString() {
            return Checks.format("Fisher's exact test: %s, odds ratio %.4g (%s %% CI %.4g to %.4g)", Format.p(pValue),
                    oddsRatio, Format.percent(confidence), lower, upper);
        }
    }
}
