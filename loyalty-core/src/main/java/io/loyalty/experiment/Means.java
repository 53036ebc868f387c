package io.loyalty.experiment;

import io.loyalty.internal.Checks;
import io.loyalty.internal.Normal;
import io.loyalty.stats.Interval;

/**
 * Continuous metrics (spend, orders, points per customer): the relative lift of the means, a one-line comparison
 * and the whole readout. The t-tests themselves are {@link TTest}.
 *
 * @since 0.1
 */
public final class Means {
    private Means() {
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
        TTest.Result t = TTest.withDefaults().withConfidence(confidence).test(treatment, control);
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
