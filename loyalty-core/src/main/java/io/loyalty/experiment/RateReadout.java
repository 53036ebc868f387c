package io.loyalty.experiment;

import io.loyalty.internal.Checks;
import io.loyalty.stats.Interval;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * The whole readout of a binary metric (visited, converted, retained) of a treatment arm against a control arm,
 * from one call, {@link Proportions#readout}: each number is the one the package's single-purpose method returns
 * for the same counts, so the readout and the separate calls agree to the bit.
 *
 * <ul>
 * <li>the rates and the counts they come from;</li>
 * <li>the difference {@code treatment - control} with Newcombe's hybrid score interval (the headline) and the
 * Wald interval;</li>
 * <li>the pooled z-test, the chi-square test without and with Yates' correction (R {@code prop.test}) and
 * Fisher's exact test, all two-sided;</li>
 * <li>the relative lift {@code treatment / control - 1} with its delta-method interval;</li>
 * <li>uniform-prior Bayesian figures: P(treatment &gt; control) and the expected loss of shipping each arm;</li>
 * <li>the power the design had to detect the observed rates at the significance level {@code 1 - confidence}.</li>
 * </ul>
 *
 * <p>Three figures are not always defined, and are then empty rather than NaN: the relative lift when the control
 * arm has no success (the lift is a ratio to 0); Fisher's p when more than 50 million tables share the margins
 * (the exact enumeration would not fit in memory); the power when a rate is 0 or 1 or the arms are more than a
 * million to one apart (the power formula's range).
 *
 * <p>{@code toString} is a short report a marketer can read, one line per figure. Immutable; made only by
 * {@link Proportions#readout}.
 *
 * @since 0.2
 */
public final class RateReadout {
    private final String label;
    private final String metric;
    private final long treatmentSuccesses;
    private final long treatmentTrials;
    private final long controlSuccesses;
    private final long controlTrials;
    private final double confidence;
    private final Interval newcombe;
    private final Interval wald;
    private final double zStatistic;
    private final double zPValue;
    private final ChiSquareTest.Result chiSquare;
    private final ChiSquareTest.Result yates;
    private final OptionalDouble fisherPValue;
    private final Optional<Interval> relativeLift;
    private final BayesReadout bayes;
    private final OptionalDouble power;

    RateReadout(String label, String metric, long treatmentSuccesses, long treatmentTrials, long controlSuccesses,
            long controlTrials, double confidence) {
        this.label = Checks.notNull(label, "label");
        this.metric = Checks.notNull(metric, "metric");
        Proportions.checkCounts(treatmentSuccesses, treatmentTrials, "treatmentSuccesses", "treatmentTrials");
        Proportions.checkCounts(controlSuccesses, controlTrials, "controlSuccesses", "controlTrials");
        Checks.openUnit(confidence, "confidence");
        long tx = treatmentSuccesses;
        long tn = treatmentTrials;
        long cx = controlSuccesses;
        long cn = controlTrials;
        this.treatmentSuccesses = tx;
        this.treatmentTrials = tn;
        this.controlSuccesses = cx;
        this.controlTrials = cn;
        this.confidence = confidence;
        this.zStatistic = Proportions.zStatistic(tx, tn, cx, cn);
        this.zPValue = Proportions.zTest(tx, tn, cx, cn, Alternative.TWO_SIDED);
        this.newcombe = Proportions.newcombe(tx, tn, cx, cn, confidence);
        this.wald = Proportions.wald(tx, tn, cx, cn, confidence, false);
        this.chiSquare = ChiSquareTest.withDefaults().withContinuityCorrection(false)
                .equalProportions(new long[] {tx, cx}, new long[] {tn, cn});
        this.yates = ChiSquareTest.withDefaults().equalProportions(new long[] {tx, cx}, new long[] {tn, cn});
        this.fisherPValue = FisherExact.support(tx, tn - tx, cx, cn - cx) <= FisherExact.MAX_SUPPORT
                ? OptionalDouble.of(FisherExact.pValue(tx, tn - tx, cx, cn - cx, Alternative.TWO_SIDED))
                : OptionalDouble.empty();
        this.relativeLift = cx > 0 ? Optional.of(Proportions.relativeLift(tx, tn, cx, cn, confidence))
                : Optional.empty();
        this.bayes = BetaBinomial.withDefaults().readout(tx, tn, cx, cn, confidence);
        double p1 = (double) tx / tn;
        double p2 = (double) cx / cn;
        double ratio = (double) cn / tn;
        boolean powerDefined = tn >= 2 && p1 > 0 && p1 < 1 && p2 > 0 && p2 < 1 && ratio >= 1e-6 && ratio <= 1e6;
        this.power = powerDefined
                ? OptionalDouble.of(Power.proportionsPower(tn, p1, p2, 1 - confidence, Alternative.TWO_SIDED, ratio))
                : OptionalDouble.empty();
    }

    /**
     * What is compared.
     *
     * @return the label, e.g. "Womens E-Mail vs No E-Mail"
     */
    public String label() {
        return label;
    }

    /**
     * The metric's name.
     *
     * @return the metric, e.g. "visit rate"
     */
    public String metric() {
        return metric;
    }

    /**
     * Successes in the treatment arm.
     *
     * @return the count
     */
    public long treatmentSuccesses() {
        return treatmentSuccesses;
    }

    /**
     * Trials in the treatment arm.
     *
     * @return the count, &gt; 0
     */
    public long treatmentTrials() {
        return treatmentTrials;
    }

    /**
     * Successes in the control arm.
     *
     * @return the count
     */
    public long controlSuccesses() {
        return controlSuccesses;
    }

    /**
     * Trials in the control arm.
     *
     * @return the count, &gt; 0
     */
    public long controlTrials() {
        return controlTrials;
    }

    /**
     * The treatment arm's rate.
     *
     * @return successes / trials
     */
    public double treatmentRate() {
        return (double) treatmentSuccesses / treatmentTrials;
    }

    /**
     * The control arm's rate.
     *
     * @return successes / trials
     */
    public double controlRate() {
        return (double) controlSuccesses / controlTrials;
    }

    /**
     * The confidence level of every interval; the significance level of the decision is {@code 1 - confidence}.
     *
     * @return the level in (0, 1)
     */
    public double confidence() {
        return confidence;
    }

    /**
     * The difference {@code treatment - control} with Newcombe's hybrid score interval (method 10), as
     * {@link Proportions#newcombe}.
     *
     * @return the difference and its interval
     */
    public Interval difference() {
        return newcombe;
    }

    /**
     * The difference with the uncorrected Wald interval, as {@link Proportions#wald} without correction.
     *
     * @return the difference and its interval
     */
    public Interval waldDifference() {
        return wald;
    }

    /**
     * The pooled two-proportion z statistic; its square is {@link #chiSquare()}'s statistic.
     *
     * @return z, positive when the treatment's rate is higher
     */
    public double zStatistic() {
        return zStatistic;
    }

    /**
     * The two-sided p-value of the pooled z-test.
     *
     * @return the p-value
     */
    public double zPValue() {
        return zPValue;
    }

    /**
     * The chi-square test of equal rates without continuity correction (R {@code prop.test(correct = FALSE)}).
     *
     * @return the test
     */
    public ChiSquareTest.Result chiSquare() {
        return chiSquare;
    }

    /**
     * The chi-square test with Yates' continuity correction (R {@code prop.test}'s default).
     *
     * @return the test
     */
    public ChiSquareTest.Result chiSquareYates() {
        return yates;
    }

    /**
     * The two-sided p-value of Fisher's exact test, as {@link FisherTest}.
     *
     * @return the p-value; empty when more than 50 million tables share the observed margins
     */
    public OptionalDouble fisherPValue() {
        return fisherPValue;
    }

    /**
     * The relative lift {@code treatment / control - 1} with its delta-method interval, as
     * {@link Proportions#relativeLift}.
     *
     * @return the lift (0.10 = +10 %); empty when the control arm has no success
     */
    public Optional<Interval> relativeLift() {
        return relativeLift;
    }

    /**
     * The posterior probability, uniform priors, that the treatment's rate is higher than the control's.
     *
     * @return P(treatment &gt; control)
     */
    public double probabilityTreatmentBetter() {
        return bayes.probabilityBBeatsA();
    }

    /**
     * The expected loss of shipping the treatment, {@code E[max(control - treatment, 0)]}, uniform priors.
     *
     * @return the loss in rate units
     */
    public double expectedLossTreatment() {
        return bayes.expectedLossB();
    }

    /**
     * The expected loss of keeping the control, {@code E[max(treatment - control, 0)]}, uniform priors.
     *
     * @return the loss in rate units
     */
    public double expectedLossControl() {
        return bayes.expectedLossA();
    }

    /**
     * The power the two-sided test at the level {@code 1 - confidence} had with these arm sizes to detect the
     * observed rates, as {@link Power#proportionsPower} with the treatment arm's size and the ratio
     * control / treatment.
     *
     * @return the power; empty when a rate is 0 or 1, the treatment arm has one trial or the arms are more than a
     *     million to one apart
     */
    public OptionalDouble power() {
        return power;
    }

    /**
     * Whether the difference is significant: the z-test's p-value is below {@code 1 - confidence}.
     *
     * @return the decision
     */
    public boolean significant() {
        return zPValue < 1 - confidence;
    }

    @Override
    public String toString() {
        String level = Format.percent(confidence);
        StringBuilder b = new StringBuilder();
        b.append(label).append(": ").append(metric).append(" (treatment vs control)\n");
        line(b, "rates", Checks.format("%s (%,d of %,d) vs %s (%,d of %,d)", percent(treatmentRate()),
                treatmentSuccesses, treatmentTrials, percent(controlRate()), controlSuccesses, controlTrials));
        line(b, "difference", Checks.format("%s pp, %s %% CI %s to %s (Newcombe), %s to %s (Wald)",
                pp(newcombe.estimate()), level, pp(newcombe.lower()), pp(newcombe.upper()), pp(wald.lower()),
                pp(wald.upper())));
        line(b, "relative lift", relativeLift.map(l -> Checks.format("%s, %s %% CI %s to %s",
                signedPercent(l.estimate()), level, signedPercent(l.lower()), signedPercent(l.upper())))
                .orElse("undefined (no success in the control arm)"));
        line(b, "z-test", Checks.format("z = %.3f, %s", zStatistic, Format.p(zPValue)));
        line(b, "chi-square", Checks.format("X2 = %.3f, %s; with Yates' correction X2 = %.3f, %s",
                chiSquare.statistic(), Format.p(chiSquare.pValue()), yates.statistic(), Format.p(yates.pValue())));
        line(b, "Fisher's exact", fisherPValue.isPresent() ? Format.p(fisherPValue.getAsDouble())
                : "not computed (more than 50 million tables share the margins)");
        line(b, "Bayesian", Checks.format("P(treatment better) = %.4f; expected loss of shipping the treatment "
                + "%.3g pp, of keeping the control %.3g pp", probabilityTreatmentBetter(),
                100 * expectedLossTreatment(), 100 * expectedLossControl()));
        line(b, "power achieved", power.isPresent() ? Checks.format("%.1f %% at the %s %% level",
                100 * power.getAsDouble(), Format.percent(1 - confidence))
                : "undefined (a rate of 0 or 1, a single trial, or arms a million to one apart)");
        b.append(Checks.format("  => %s at the %s %% level", significant()
                ? (newcombe.estimate() > 0 ? "the treatment's rate is higher" : "the treatment's rate is lower")
                : "no significant difference", Format.percent(1 - confidence)));
        return b.toString();
    }

    private static void line(StringBuilder b, String name, String value) {
        b.append(Checks.format("  %-15s %s\n", name, value));
    }

    private static String percent(double rate) {
        return Checks.format("%.2f %%", 100 * rate);
    }

    private static String pp(double d) {
        return Checks.format("%+.2f", 100 * d);
    }

    private static String signedPercent(double lift) {
        return Checks.format("%+.1f %%", 100 * lift);
    }
}
