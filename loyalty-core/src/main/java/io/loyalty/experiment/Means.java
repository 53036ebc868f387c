package io.loyalty.experiment;

import io.loyalty.internal.Checks;
import io.loyalty.internal.Normal;
import io.loyalty.internal.StudentT;
import io.loyalty.stats.Interval;

/**
 * Continuous metrics (spend, orders, points per customer): Welch and Student two-sample t-tests of the mean
 * difference, from raw values or from per-arm summaries, as R {@code t.test(x, y, var.equal)}.
 *
 * <pre>
 * Welch:   se^2 = s1^2/n1 + s2^2/n2,  df = se^4 / ((s1^2/n1)^2/(n1-1) + (s2^2/n2)^2/(n2-1))
 * Student: s^2 = ((n1-1) s1^2 + (n2-1) s2^2) / (n1+n2-2),  se^2 = s^2 (1/n1 + 1/n2),  df = n1+n2-2
 * t = (mean1 - mean2) / se;  interval: difference +- t_{df, 1-(1-c)/2} se
 * </pre>
 *
 * @since 0.1
 */
public final class Means {
    private Means() {
    }

    /**
     * Welch's t-test from raw values.
     *
     * @param x the first group (treatment), at least 2 finite values
     * @param y the second group (control), at least 2 finite values
     * @param confidence the interval's level in (0, 1)
     * @param alternative the alternative
     * @return the test
     */
    public static TTest welch(double[] x, double[] y, double confidence, Alternative alternative) {
        return welch(summary(x, "x"), summary(y, "y"), confidence, alternative);
    }

    /**
     * Student's t-test (equal variances) from raw values.
     *
     * @param x the first group, at least 2 finite values
     * @param y the second group, at least 2 finite values
     * @param confidence the interval's level in (0, 1)
     * @param alternative the alternative
     * @return the test
     */
    public static TTest student(double[] x, double[] y, double confidence, Alternative alternative) {
        return student(summary(x, "x"), summary(y, "y"), confidence, alternative);
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

    /**
     * Welch's t-test from per-arm summaries.
     *
     * @param x the first group's summary, n &gt;= 2
     * @param y the second group's summary, n &gt;= 2
     * @param confidence the interval's level in (0, 1)
     * @param alternative the alternative
     * @return the test
     */
    public static TTest welch(ArmSummary x, ArmSummary y, double confidence, Alternative alternative) {
        check(x, y, confidence, alternative);
        // Scaled by an even power of two (exact, also under the square root) so that the squares cannot overflow.
        int e = evenExponent(Math.max(x.variance() / x.n(), y.variance() / y.n()));
        double vx = Math.scalb(x.variance(), -e) / x.n();
        double vy = Math.scalb(y.variance(), -e) / y.n();
        double se2 = vx + vy;
        double df = se2 * se2 / (vx * vx / (x.n() - 1) + vy * vy / (y.n() - 1));
        return finish(x, y, Math.scalb(Math.sqrt(se2), e / 2), df, confidence, alternative, "Welch");
    }

    /**
     * Student's t-test (pooled variance) from per-arm summaries.
     *
     * @param x the first group's summary, n &gt;= 2
     * @param y the second group's summary, n &gt;= 2
     * @param confidence the interval's level in (0, 1)
     * @param alternative the alternative
     * @return the test
     */
    public static TTest student(ArmSummary x, ArmSummary y, double confidence, Alternative alternative) {
        check(x, y, confidence, alternative);
        double df = x.n() + y.n() - 2.0;
        // Scaled as in welch: the sum of the two sums of squares cannot overflow.
        int e = evenExponent(Math.max(x.sumOfSquares(), y.sumOfSquares()));
        double pooled = (Math.scalb(x.sumOfSquares(), -e) + Math.scalb(y.sumOfSquares(), -e)) / df;
        return finish(x, y, Math.scalb(Math.sqrt(pooled * (1.0 / x.n() + 1.0 / y.n())), e / 2), df, confidence,
                alternative, "Student");
    }

    /** An even power-of-two exponent at most that of {@code v}, so that {@code v} scaled by it lies in [1, 4). */
    private static int evenExponent(double v) {
        return Math.getExponent(v) & ~1;
    }

    private static void check(ArmSummary x, ArmSummary y, double confidence, Alternative alternative) {
        Checks.notNull(x, "x");
        Checks.notNull(y, "y");
        Checks.require(x.n() >= 2, "x needs at least 2 observations for a t-test, got %d", x.n());
        Checks.require(y.n() >= 2, "y needs at least 2 observations for a t-test, got %d", y.n());
        Checks.require(x.variance() > 0 || y.variance() > 0,
                "both arms have zero variance (x all %s, y all %s): the t statistic is undefined", x.mean(),
                y.mean());
        Checks.openUnit(confidence, "confidence");
        Checks.notNull(alternative, "alternative");
    }

    private static TTest finish(ArmSummary x, ArmSummary y, double se, double df, double confidence,
            Alternative alternative, String method) {
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
        return new TTest(Interval.of(diff, lower, upper, confidence, method), t, df, p, alternative);
    }

    /**
     * The relative lift of the means {@code mean1 / mean2 - 1} with the delta-method interval.
     *
     * @param x the first group's summary
     * @param y the second group's summary, mean &gt; 0
     * @param confidence the interval's level in (0, 1)
     * @return the lift with its interval
     */
    public static Interval relativeLift(ArmSummary x, ArmSummary y, double confidence) {
        Checks.notNull(x, "x");
        Checks.notNull(y, "y");
        Checks.require(y.mean() > 0, "y mean must be > 0 for a relative lift (it is the denominator), got %s",
                y.mean());
        return ratioLift(x.mean(), x.variance() / x.n(), y.mean(), y.variance() / y.n(), confidence);
    }

    static Interval ratioLift(double m1, double v1, double m2, double v2, double confidence) {
        Checks.openUnit(confidence, "confidence");
        double lift = m1 / m2 - 1;
        double se = Math.sqrt(v1 / (m2 * m2) + m1 * m1 * v2 / (m2 * m2 * m2 * m2));
        double z = Normal.upperQuantile((1 - confidence) / 2);
        return Interval.of(lift, lift - z * se, lift + z * se, confidence, "delta method");
    }

    /**
     * The readout of a mean: Welch's two-sided test and interval at {@code confidence}, significant below
     * {@code 1 - confidence}.
     *
     * @param label what is compared, e.g. "Mens E-Mail vs No E-Mail"
     * @param metric the metric's name, e.g. "spend per customer"
     * @param treatment the treatment arm's summary
     * @param control the control arm's summary
     * @param confidence the confidence level in (0, 1), e.g. 0.95
     * @return the comparison
     */
    public static Comparison compare(String label, String metric, ArmSummary treatment, ArmSummary control,
            double confidence) {
        Checks.notNull(treatment, "treatment");
        Checks.notNull(control, "control");
        Checks.openUnit(confidence, "confidence");
        TTest t = welch(treatment, control, confidence, Alternative.TWO_SIDED);
        return new Comparison(label, metric, false, treatment.mean(), control.mean(), t.difference(), t.pValue(),
                confidence, "Welch t-test");
    }

    /**
     * The whole readout of a continuous metric in one call: the arms' summaries, Welch's and Student's t-tests,
     * the Wilcoxon rank-sum test, the BCa bootstrap interval and the relative lift. Each figure equals the
     * separate method's for the same values.
     *
     * @param label what is compared, e.g. "Mens E-Mail vs No E-Mail"
     * @param metric the metric's name, e.g. "spend ($)"
     * @param treatment the treatment arm's values, at least 2, finite
     * @param control the control arm's values, at least 2, finite
     * @param confidence the confidence level of the intervals in (0, 1), e.g. 0.95
     * @return the readout
     * @throws IllegalArgumentException naming the argument if an arm is too small, holds a non-finite value, or the
     *     metric does not vary at all (no test is defined)
     */
    public static MeanReadout readout(String label, String metric, double[] treatment, double[] control,
            double confidence) {
        return new MeanReadout(label, metric, treatment, null, control, null, confidence);
    }

    /**
     * The whole readout of a continuous metric with a pre-experiment covariate: as
     * {@link #readout(String, String, double[], double[], double)}, plus CUPED, whose test is then the headline.
     *
     * @param label what is compared
     * @param metric the metric's name
     * @param treatment the treatment arm's values, at least 2, finite
     * @param treatmentCovariate the covariate of each treatment value (same length), finite
     * @param control the control arm's values, at least 2, finite
     * @param controlCovariate the covariate of each control value (same length), finite
     * @param confidence the confidence level of the intervals in (0, 1)
     * @return the readout
     * @throws IllegalArgumentException naming the argument as the other readout, or if a covariate array is null, of
     *     another length, or does not vary
     */
    public static MeanReadout readout(String label, String metric, double[] treatment, double[] treatmentCovariate,
            double[] control, double[] controlCovariate, double confidence) {
        Checks.notNull(treatmentCovariate, "treatmentCovariate");
        Checks.notNull(controlCovariate, "controlCovariate");
        return new MeanReadout(label, metric, treatment, treatmentCovariate, control, controlCovariate, confidence);
    }
}
