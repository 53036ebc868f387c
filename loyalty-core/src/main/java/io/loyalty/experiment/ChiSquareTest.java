package io.loyalty.experiment;

import io.loyalty.internal.Checks;
import java.util.Objects;

/**
 * Pearson chi-square tests, configured as Commons Statistics configures its tests:
 * {@code ChiSquareTest.withDefaults().withContinuityCorrection(false).equalProportions(successes, trials)} returns
 * a {@link Result} (statistic, degrees of freedom, upper-tail p-value). Two tests:
 * {@link #goodnessOfFit(long[], double[])} (R {@code chisq.test(x, p = ...)}, the sample-ratio check) and
 * {@link #equalProportions(long[], long[])} (R {@code prop.test} on k groups). Immutable.
 *
 * @since 0.1
 */
public final class ChiSquareTest {
    private static final ChiSquareTest DEFAULTS = new ChiSquareTest(true);

    private final boolean continuityCorrection;

    private ChiSquareTest(boolean continuityCorrection) {
        this.continuityCorrection = continuityCorrection;
    }

    /**
     * R's defaults: Yates' continuity correction on (it applies only to {@link #equalProportions} with two
     * groups, as in R).
     *
     * @return the test
     * @since 0.2
     */
    public static ChiSquareTest withDefaults() {
        return DEFAULTS;
    }

    /**
     * This test with or without Yates' continuity correction.
     *
     * @param continuityCorrection whether to apply it to two groups' proportions (R's default: true)
     * @return a new test
     * @since 0.2
     */
    public ChiSquareTest withContinuityCorrection(boolean continuityCorrection) {
        return new ChiSquareTest(continuityCorrection);
    }

    /**
     * Goodness of fit of observed counts to planned weights: {@code X^2 = sum (O_i - E_i)^2 / E_i} with
     * {@code E_i = N w_i / sum w}, {@code k - 1} degrees of freedom (R {@code chisq.test(x, p = w, rescale.p = TRUE)}).
     *
     * @param observed the counts per arm, at least two, each &gt;= 0, total &gt; 0
     * @param weights the planned weights per arm, each finite and &gt; 0
     * @return the result, with {@code k - 1} degrees of freedom; the continuity correction does not apply
     * @since 0.2
     */
    public Result goodnessOfFit(long[] observed, double[] weights) {
        Checks.notNull(observed, "observed");
        Checks.notNull(weights, "weights");
        Checks.require(observed.length >= 2, "observed needs at least 2 arms, got %d", observed.length);
        Checks.sameLength(observed.length, weights.length, "weights");
        double total = 0;
        double max = 0;
        for (int i = 0; i < observed.length; i++) {
            Checks.nonNegative(observed[i], "observed[" + i + "]");
            Checks.positive(weights[i], "weights[" + i + "]");
            total += observed[i];
            max = Math.max(max, weights[i]);
        }
        Checks.require(total > 0, "observed counts sum to 0");
        double[] scaled = Assignment.scaled(weights);
        double wsum = 0;
        for (double w : scaled) {
            wsum += w;
        }
        double stat = 0;
        for (int i = 0; i < observed.length; i++) {
            double e = total * scaled[i] / wsum;
            Checks.require(e > 0, "weights[%d] = %s is too small beside the largest weight %s: its expected count "
                    + "underflows to 0", i, weights[i], max);
            double d = observed[i] - e;
            stat += d * d / e;
        }
        Checks.require(stat < Double.POSITIVE_INFINITY, "the chi-square statistic of observed %s against weights %s "
                + "overflows a double", java.util.Arrays.toString(observed), java.util.Arrays.toString(weights));
        int df = observed.length - 1;
        return new Result(stat, df, Dist.chiSquareUpper(stat, df));
    }

    /**
     * Equality of k proportions, R {@code prop.test(x, n, correct)}: the Pearson statistic of the 2 x k table;
     * with the continuity correction and k = 2, each |O - E| is reduced by
     * {@code min(0.5, |p1 - p2| / (1/n1 + 1/n2))}.
     *
     * @param successes successes per group, each in [0, trials]
     * @param trials trials per group, each &gt; 0
     * @return the result, with {@code k - 1} degrees of freedom
     * @since 0.2
     */
    public Result equalProportions(long[] successes, long[] trials) {
        Checks.notNull(successes, "successes");
        Checks.notNull(trials, "trials");
        Checks.require(successes.length >= 2, "successes needs at least 2 groups, got %d", successes.length);
        Checks.sameLength(successes.length, trials.length, "trials");
        double x = 0;
        double n = 0;
        for (int i = 0; i < successes.length; i++) {
            Proportions.checkCounts(successes[i], trials[i], "successes[" + i + "]", "trials[" + i + "]");
            x += successes[i];
            n += trials[i];
        }
        double p = x / n;
        Checks.require(p > 0 && p < 1, "the pooled proportion must lie in (0, 1), got %s (%s of %s)", p, x, n);
        double correction = 0;
        if (continuityCorrection && successes.length == 2) {
            double delta = (double) successes[0] / trials[0] - (double) successes[1] / trials[1];
            correction = Math.min(0.5, Math.abs(delta) / (1.0 / trials[0] + 1.0 / trials[1]));
        }
        double stat = 0;
        for (int i = 0; i < successes.length; i++) {
            double e1 = trials[i] * p;
            double e0 = trials[i] * (1 - p);
            double d1 = Math.abs(successes[i] - e1) - correction;
            double d0 = Math.abs(trials[i] - successes[i] - e0) - correction;
            stat += d1 * d1 / e1 + d0 * d0 / e0;
        }
        int df = successes.length - 1;
        return new Result(stat, df, Dist.chiSquareUpper(stat, df));
    }

    @Override
    public String toString() {
        return Checks.format("ChiSquareTest[continuityCorrection=%s]", continuityCorrection);
    }

    /**
     * The result of a {@link ChiSquareTest}: statistic, degrees of freedom and upper-tail p-value. Made only by the
     * test. Two results are equal when every number is the same to the bit ({@link Double#compare}).
     *
     * @since 0.2
     */
    public static final class Result {
        private final double statistic;
        private final int df;
        private final double pValue;

        Result(double statistic, int df, double pValue) {
            this.statistic = Checks.nonNegative(statistic, "statistic");
            Checks.require(df >= 1, "df must be >= 1, got %d", df);
            this.df = df;
            this.pValue = Checks.unit(pValue, "pValue");
        }

        /**
         * The chi-square statistic.
         *
         * @return the statistic, &gt;= 0
         */
        public double statistic() {
            return statistic;
        }

        /**
         * The degrees of freedom.
         *
         * @return the degrees of freedom, &gt;= 1
         */
        public int df() {
            return df;
        }

        /**
         * The upper-tail p-value.
         *
         * @return the p-value in [0, 1]
         */
        public double pValue() {
            return pValue;
        }

        @Override
        public boolean equals(Object o) {
            if (!(o instanceof Result)) {
                return false;
            }
            Result r = (Result) o;
            return Double.compare(statistic, r.statistic) == 0 && df == r.df
                    && Double.compare(pValue, r.pValue) == 0;
        }

        @Override
        public int hashCode() {
            return Objects.hash(statistic, df, pValue);
        }

        @Override
        public String toString() {
            return Checks.format("X-squared = %.4f, df = %d, %s", statistic, df, Format.p(pValue));
        }
    }
}
