package io.loyalty.experiment;

import io.loyalty.internal.Checks;
import io.loyalty.internal.StudentT;
import io.loyalty.stats.Interval;
import java.util.Objects;

/**
 * R's {@code t.test(x, y, var.equal)} for two groups, configured as Commons Statistics configures its tests:
 * {@code TTest.withDefaults().with(alternative).withEqualVariances(true).withConfidence(0.9).test(x, y)} returns a
 * {@link Result}: the mean difference (first minus second, treatment minus control) with its interval, the t
 * statistic, the degrees of freedom and the p-value for the alternative. The groups are raw values or per-arm
 * summaries ({@link ArmSummary}: n, mean, variance) for streamed data; both give the same numbers.
 *
 * <pre>
 * Welch:   se^2 = s1^2/n1 + s2^2/n2,  df = se^4 / ((s1^2/n1)^2/(n1-1) + (s2^2/n2)^2/(n2-1))
 * Student: s^2 = ((n1-1) s1^2 + (n2-1) s2^2) / (n1+n2-2),  se^2 = s^2 (1/n1 + 1/n2),  df = n1+n2-2
 * t = (mean1 - mean2) / se;  interval: difference +- t_{df, 1-(1-c)/2} se (one-sided: t_{df, c}, the other bound
 * infinite)
 * </pre>
 *
 * <p>Immutable.
 *
 * @since 0.1
 */
public final class TTest {
    private static final TTest DEFAULTS = new TTest(Alternative.TWO_SIDED, false, 0.95);

    private final Alternative alternative;
    private final boolean equalVariances;
    private final double confidence;

    private TTest(Alternative alternative, boolean equalVariances, double confidence) {
        this.alternative = alternative;
        this.equalVariances = equalVariances;
        this.confidence = confidence;
    }

    /**
     * R's defaults: two-sided, Welch (unequal variances), 95 % interval.
     *
     * @return the test
     * @since 0.2
     */
    public static TTest withDefaults() {
        return DEFAULTS;
    }

    /**
     * This test with another alternative.
     *
     * @param alternative the alternative ({@code GREATER}: the first group's mean is higher)
     * @return a new test
     * @since 0.2
     */
    public TTest with(Alternative alternative) {
        return new TTest(Checks.notNull(alternative, "alternative"), equalVariances, confidence);
    }

    /**
     * This test assuming equal variances (Student's pooled test) or not (Welch's test, the default).
     *
     * @param equalVariances whether to pool the variances (R's {@code var.equal}, default false)
     * @return a new test
     * @since 0.2
     */
    public TTest withEqualVariances(boolean equalVariances) {
        return new TTest(alternative, equalVariances, confidence);
    }

    /**
     * This test with another interval level.
     *
     * @param confidence the confidence level in (0, 1)
     * @return a new test
     * @since 0.2
     */
    public TTest withConfidence(double confidence) {
        return new TTest(alternative, equalVariances, Checks.openUnit(confidence, "confidence"));
    }

    /**
     * Runs the test on raw values, treatment first.
     *
     * @param x the first group (treatment), at least 2 finite values
     * @param y the second group (control), at least 2 finite values
     * @return the result
     * @throws IllegalArgumentException naming the argument if a group is null, has fewer than 2 values or a value
     *     that is not finite, or if neither group varies
     * @since 0.2
     */
    public Result test(double[] x, double[] y) {
        return test(summary(x, "x"), summary(y, "y"));
    }

    /**
     * Runs the test on per-arm summaries, treatment first.
     *
     * @param x the first group's summary, n &gt;= 2
     * @param y the second group's summary, n &gt;= 2
     * @return the result
     * @throws IllegalArgumentException naming the argument if a summary is null or has n &lt; 2, or if neither
     *     group varies
     * @since 0.2
     */
    public Result test(ArmSummary x, ArmSummary y) {
        Checks.notNull(x, "x");
        Checks.notNull(y, "y");
        Checks.require(x.n() >= 2, "x needs at least 2 observations for a t-test, got %d", x.n());
        Checks.require(y.n() >= 2, "y needs at least 2 observations for a t-test, got %d", y.n());
        Checks.require(x.variance() > 0 || y.variance() > 0,
                "both arms have zero variance (x all %s, y all %s): the t statistic is undefined", x.mean(),
                y.mean());
        return equalVariances ? student(x, y) : welch(x, y);
    }

    private static ArmSummary summary(double[] v, String name) {
        Checks.notNull(v, name);
        Checks.require(v.length >= 2, "%s needs at least 2 observations for a t-test, got %d", name, v.length);
        try {
            return ArmSummary.of(v);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(name + ": " + e.getMessage(), e);
        }
    }

    private Result welch(ArmSummary x, ArmSummary y) {
        // Scaled by an even power of two (exact, also under the square root) so that the squares cannot overflow.
        int e = evenExponent(Math.max(x.variance() / x.n(), y.variance() / y.n()));
        double vx = Math.scalb(x.variance(), -e) / x.n();
        double vy = Math.scalb(y.variance(), -e) / y.n();
        double se2 = vx + vy;
        double df = se2 * se2 / (vx * vx / (x.n() - 1) + vy * vy / (y.n() - 1));
        return finish(x, y, Math.scalb(Math.sqrt(se2), e / 2), df, "Welch");
    }

    private Result student(ArmSummary x, ArmSummary y) {
        double df = x.n() + y.n() - 2.0;
        // Scaled as in welch: the sum of the two sums of squares cannot overflow.
        int e = evenExponent(Math.max(x.sumOfSquares(), y.sumOfSquares()));
        double pooled = (Math.scalb(x.sumOfSquares(), -e) + Math.scalb(y.sumOfSquares(), -e)) / df;
        return finish(x, y, Math.scalb(Math.sqrt(pooled * (1.0 / x.n() + 1.0 / y.n())), e / 2), df, "Student");
    }

    /** An even power-of-two exponent at most that of {@code v}, so that {@code v} scaled by it lies in [1, 4). */
    private static int evenExponent(double v) {
        return Math.getExponent(v) & ~1;
    }

    private Result finish(ArmSummary x, ArmSummary y, double se, double df, String method) {
        // Finite: n >= 2 and n * mean finite (ArmSummary) keep each mean within half the largest double.
        double diff = x.mean() - y.mean();
        double t = diff / se;
        double p;
        double lower;
        double upper;
        switch (alternative) {
            case GREATER:
                p = Dist.tUpper(t, df);
                lower = diff - StudentT.quantile(confidence, df) * se;
                upper = Double.POSITIVE_INFINITY;
                break;
            case LESS:
                p = Dist.tCdf(t, df);
                lower = Double.NEGATIVE_INFINITY;
                upper = diff + StudentT.quantile(confidence, df) * se;
                break;
            default:
                p = Math.min(1, 2 * Dist.tUpper(Math.abs(t), df));
                double q = StudentT.quantile(1 - (1 - confidence) / 2, df);
                lower = diff - q * se;
                upper = diff + q * se;
        }
        return new Result(Interval.of(diff, lower, upper, confidence, method), t, df, p, alternative);
    }

    @Override
    public String toString() {
        return Checks.format("TTest[alternative=%s, equalVariances=%s, confidence=%s]", alternative, equalVariances,
                confidence);
    }

    /**
     * The result of {@link TTest#test}. Made only by the test. Two results are equal when every number is the same
     * to the bit ({@link Double#compare}) and they test the same alternative.
     *
     * @since 0.2
     */
    public static final class Result {
        private final Interval difference;
        private final double statistic;
        private final double df;
        private final double pValue;
        private final Alternative alternative;

        Result(Interval difference, double statistic, double df, double pValue, Alternative alternative) {
            this.difference = Checks.notNull(difference, "difference");
            this.statistic = Checks.finite(statistic, "statistic");
            this.df = Checks.positive(df, "df");
            this.pValue = Checks.unit(pValue, "pValue");
            this.alternative = Checks.notNull(alternative, "alternative");
        }

        /**
         * The mean difference (first minus second) with its interval; a one-sided alternative gives a one-sided
         * interval (the other bound infinite). Its method is "Welch" or "Student".
         *
         * @return the difference
         */
        public Interval difference() {
            return difference;
        }

        /**
         * The t statistic.
         *
         * @return the statistic, finite
         */
        public double statistic() {
            return statistic;
        }

        /**
         * The degrees of freedom: Welch-Satterthwaite, or {@code n1 + n2 - 2} for Student.
         *
         * @return the degrees of freedom, &gt; 0
         */
        public double df() {
            return df;
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
        public boolean equals(Object o) {
            if (!(o instanceof Result)) {
                return false;
            }
            Result r = (Result) o;
            return difference.equals(r.difference) && Double.compare(statistic, r.statistic) == 0
                    && Double.compare(df, r.df) == 0 && Double.compare(pValue, r.pValue) == 0
                    && alternative == r.alternative;
        }

        @Override
        public int hashCode() {
            return Objects.hash(difference, statistic, df, pValue, alternative);
        }

        @Override
        public String toString() {
            return Checks.format("t = %.4f, df = %.4f, %s, difference %s", statistic, df, Format.p(pValue),
                    difference);
        }
    }
}
