package io.loyalty.experiment;

import io.loyalty.internal.Checks;
import io.loyalty.internal.Normal;
import io.loyalty.stats.Interval;

/**
 * R's {@code prop.test} for two groups, configured as Commons Statistics configures its tests:
 * {@code PropTest.withDefaults().with(alternative).withConfidence(0.9).test(x1, n1, x2, n2)} returns a
 * {@link Result}: the difference of proportions {@code p1 - p2} (treatment minus control) with its Wald interval
 * (with or without the continuity correction), the chi-square statistic and the p-value for the alternative.
 *
 * <p>The statistic is that of {@link ChiSquareTest#equalProportions}; the two-sided p is the chi-square's, a
 * one-sided p comes from {@code z = sign(p1 - p2) sqrt(X^2)}; the Wald interval uses {@code z_{(1+c)/2}}
 * (two-sided) or {@code z_c} (one-sided), widened by the Yates term when corrected. Immutable.
 *
 * @since 0.1
 */
public final class PropTest {
    private static final PropTest DEFAULTS = new PropTest(Alternative.TWO_SIDED, 0.95, true);

    private final Alternative alternative;
    private final double confidence;
    private final boolean continuityCorrection;

    private PropTest(Alternative alternative, double confidence, boolean continuityCorrection) {
        this.alternative = alternative;
        this.confidence = confidence;
        this.continuityCorrection = continuityCorrection;
    }

    /**
     * R's defaults: two-sided, 95 % interval, Yates' continuity correction.
     *
     * @return the test
     */
    public static PropTest withDefaults() {
        return DEFAULTS;
    }

    /**
     * This test with another alternative.
     *
     * @param alternative the alternative ({@code GREATER}: the first group's rate is higher)
     * @return a new test
     */
    public PropTest with(Alternative alternative) {
        return new PropTest(Checks.notNull(alternative, "alternative"), confidence, continuityCorrection);
    }

    /**
     * This test with another interval level.
     *
     * @param confidence the confidence level in (0, 1)
     * @return a new test
     */
    public PropTest withConfidence(double confidence) {
        return new PropTest(alternative, Checks.openUnit(confidence, "confidence"), continuityCorrection);
    }

    /**
     * This test with or without Yates' continuity correction.
     *
     * @param continuityCorrection whether to apply it (R's default: true)
     * @return a new test
     */
    public PropTest withContinuityCorrection(boolean continuityCorrection) {
        return new PropTest(alternative, confidence, continuityCorrection);
    }

    /**
     * Runs the test on two groups' counts, treatment first.
     *
     * @param x1 successes of the first group (treatment)
     * @param n1 trials of the first group, &gt; 0
     * @param x2 successes of the second group (control)
     * @param n2 trials of the second group, &gt; 0
     * @return the result
     * @throws IllegalArgumentException naming the argument if a count is out of range, or if the pooled rate is 0 or
     *     1
     */
    public Result test(long x1, long n1, long x2, long n2) {
        Proportions.checkCounts(x1, n1, "x1", "n1");
        Proportions.checkCounts(x2, n2, "x2", "n2");
        ChiSquareTest.Result chi = ChiSquareTest.withDefaults().withContinuityCorrection(continuityCorrection)
                .equalProportions(new long[] {x1, x2}, new long[] {n1, n2});
        double p1 = (double) x1 / n1;
        double p2 = (double) x2 / n2;
        double d = p1 - p2;
        double inv = 1.0 / n1 + 1.0 / n2;
        double yates = continuityCorrection ? Math.min(0.5, Math.abs(d) / inv) : 0;
        double z = alternative == Alternative.TWO_SIDED ? Normal.upperQuantile((1 - confidence) / 2)
                : Normal.upperQuantile(1 - confidence);
        double width = z * Math.sqrt(p1 * (1 - p1) / n1 + p2 * (1 - p2) / n2) + yates * inv;
        double lower = alternative == Alternative.LESS ? -1 : Math.max(d - width, -1);
        double upper = alternative == Alternative.GREATER ? 1 : Math.min(d + width, 1);
        double p;
        if (alternative == Alternative.TWO_SIDED) {
            p = chi.pValue();
        } else {
            double zs = Math.signum(d) * Math.sqrt(chi.statistic());
            p = alternative == Alternative.LESS ? Normal.cdf(zs) : Normal.upper(zs);
        }
        Interval difference = Interval.of(d, Math.min(lower, d), Math.max(upper, d), confidence,
                continuityCorrection ? "Wald, continuity-corrected" : "Wald");
        return new Result(difference, chi.statistic(), p, alternative);
    }

    @Override
    public String toString() {
        return Checks.format("PropTest[alternative=%s, confidence=%s, continuityCorrection=%s]", alternative,
                confidence, continuityCorrection);
    }

    /**
     * The result of {@link PropTest#test}. Made only by the test.
     *
     * @since 0.2
     */
    public static final class Result {
        private final Interval difference;
        private final double statistic;
        private final double pValue;
        private final Alternative alternative;

        Result(Interval difference, double statistic, double pValue, Alternative alternative) {
            this.difference = difference;
            this.statistic = statistic;
            this.pValue = pValue;
            this.alternative = alternative;
        }

        /**
         * The difference {@code p1 - p2} with its Wald interval (a one-sided alternative gives a bound at -1 or 1).
         *
         * @return the difference
         */
        public Interval difference() {
            return difference;
        }

        /**
         * The Pearson chi-square statistic (1 degree of freedom).
         *
         * @return the statistic, &gt;= 0
         */
        public double statistic() {
            return statistic;
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
         * The alternative tested.
         *
         * @return the alternative
         */
        public Alternative alternative() {
            return alternative;
        }

        @Override
        public String toString() {
            return Checks.format("X-squared = %.4f, %s, difference %s", statistic, Format.p(pValue), difference);
        }
    }
}
