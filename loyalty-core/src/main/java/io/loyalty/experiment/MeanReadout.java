package io.loyalty.experiment;

import io.loyalty.internal.Checks;
import io.loyalty.stats.Interval;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Optional;

/**
 * The whole readout of a continuous metric (spend, basket size, sessions) of a treatment arm against a control
 * arm, from one call, {@link Means#readout}: each figure is the one the package's single-purpose method returns
 * for the same values in ascending order, so the readout and the separate calls agree to the bit.
 *
 * <ul>
 * <li>the arms' summaries (n, mean, variance);</li>
 * <li>Welch's t-test (the headline) and Student's, two-sided, with the difference {@code treatment - control}
 * and its interval;</li>
 * <li>the Wilcoxon rank-sum test, normal approximation with tie and continuity corrections (R
 * {@code wilcox.test(exact = FALSE)});</li>
 * <li>the BCa bootstrap interval of the difference, {@value #REPLICATES} replicates with the fixed seed
 * {@value #SEED}, so the readout is reproducible;</li>
 * <li>the relative lift {@code treatment / control - 1} with its delta-method interval;</li>
 * <li>CUPED (Welch's test on the covariate-adjusted metric) when a pre-experiment covariate is given.</li>
 * </ul>
 *
 * <p>The values are read in ascending order (each with its covariate), so that no figure depends on the order of
 * the rows: the bootstrap resamples the sorted arms.
 *
 * <p>Two figures are not always defined, and are then empty rather than NaN: the relative lift when the control
 * mean is not positive, and CUPED when no covariate was given.
 *
 * <p>{@code toString} is a short report a marketer can read, one line per figure. Immutable; made only by
 * {@link Means#readout}.
 *
 * @since 0.2
 */
public final class MeanReadout {
    /** The bootstrap's replicates. */
    public static final int REPLICATES = 2000;
    /** The bootstrap's seed. */
    public static final long SEED = 20_080_320L;

    private final String label;
    private final String metric;
    private final ArmSummary treatment;
    private final ArmSummary control;
    private final double confidence;
    private final TTest.Result welch;
    private final TTest.Result student;
    private final RankSumTest wilcoxon;
    private final Interval bootstrap;
    private final Optional<Interval> relativeLift;
    private final Optional<CupedResult> cuped;

    MeanReadout(String label, String metric, double[] treatment, double[] treatmentCovariate, double[] control,
            double[] controlCovariate, double confidence) {
        this.label = Checks.notNull(label, "label");
        this.metric = Checks.notNull(metric, "metric");
        check(treatment, "treatment");
        check(control, "control");
        Checks.openUnit(confidence, "confidence");
        this.confidence = confidence;
        boolean adjusted = treatmentCovariate != null || controlCovariate != null;
        if (adjusted) {
            Checks.notNull(treatmentCovariate, "treatmentCovariate");
            Checks.notNull(controlCovariate, "controlCovariate");
            Checks.sameLength(treatment.length, treatmentCovariate.length, "treatmentCovariate");
            Checks.sameLength(control.length, controlCovariate.length, "controlCovariate");
            check(treatmentCovariate, "treatmentCovariate");
            check(controlCovariate, "controlCovariate");
        }
        // Sorted copies (each value with its covariate), so that no figure, the bootstrap's resampling included,
        // depends on the order of the rows.
        double[][] t = sorted(treatment, treatmentCovariate);
        double[][] c = sorted(control, controlCovariate);
        treatment = t[0];
        treatmentCovariate = t[1];
        control = c[0];
        controlCovariate = c[1];
        this.treatment = ArmSummary.of(treatment);
        this.control = ArmSummary.of(control);
        TTest tTest = TTest.withDefaults().withConfidence(confidence);
        this.welch = tTest.test(this.treatment, this.control);
        this.student = tTest.withEqualVariances(true).test(this.treatment, this.control);
        this.wilcoxon = RankSum.normal(treatment, control, Alternative.TWO_SIDED, true);
        this.bootstrap = Bootstrap.bca(treatment, control, REPLICATES, confidence, SEED);
        this.relativeLift = this.control.mean() > 0
                ? Optional.of(Means.relativeLift(this.treatment, this.control, confidence)) : Optional.empty();
        if (!adjusted) {
            this.cuped = Optional.empty();
        } else {
            this.cuped = Optional.of(Cuped.test(treatment, treatmentCovariate, control, controlCovariate,
                    confidence));
        }
    }

    /** The values in ascending order, ties by covariate; {values, covariates or null}. */
    private static double[][] sorted(double[] values, double[] covariates) {
        if (covariates == null) {
            double[] v = values.clone();
            Arrays.sort(v);
            return new double[][] {v, null};
        }
        Integer[] order = new Integer[values.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, Comparator.<Integer>comparingDouble(i -> values[i])
                .thenComparingDouble(i -> covariates[i]));
        double[] v = new double[values.length];
        double[] x = new double[values.length];
        for (int i = 0; i < order.length; i++) {
            v[i] = values[order[i]];
            x[i] = covariates[order[i]];
        }
        return new double[][] {v, x};
    }

    private static void check(double[] values, String name) {
        Checks.notNull(values, name);
        Checks.require(values.length >= 2, "%s needs at least 2 observations, got %d", name, values.length);
        for (int i = 0; i < values.length; i++) {
            if (!Double.isFinite(values[i])) {
                throw new IllegalArgumentException(Checks.format("%s[%d] must be finite, got %s", name, i,
                        values[i]));
            }
        }
    }

    /**
     * What is compared.
     *
     * @return the label, e.g. "Mens E-Mail vs No E-Mail"
     */
    public String label() {
        return label;
    }

    /**
     * The metric's name.
     *
     * @return the metric, e.g. "spend ($)"
     */
    public String metric() {
        return metric;
    }

    /**
     * The treatment arm's summary.
     *
     * @return n, mean and variance
     */
    public ArmSummary treatment() {
        return treatment;
    }

    /**
     * The control arm's summary.
     *
     * @return n, mean and variance
     */
    public ArmSummary control() {
        return control;
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
     * Welch's two-sided t-test, as {@link TTest#withDefaults()} at the readout's confidence.
     *
     * @return the test, with the difference {@code treatment - control} and its interval
     */
    public TTest.Result welch() {
        return welch;
    }

    /**
     * Student's two-sided t-test (equal variances), as {@link TTest#withEqualVariances(boolean)}.
     *
     * @return the test
     */
    public TTest.Result student() {
        return student;
    }

    /**
     * The two-sided Wilcoxon rank-sum test, as {@link RankSum#normal} with continuity correction.
     *
     * @return the test
     */
    public RankSumTest wilcoxon() {
        return wilcoxon;
    }

    /**
     * The BCa bootstrap interval of the difference, as {@link Bootstrap#bca} with {@link #REPLICATES} and
     * {@link #SEED}.
     *
     * @return the difference with its interval
     */
    public Interval bootstrap() {
        return bootstrap;
    }

    /**
     * The relative lift {@code treatment / control - 1} of the means with its delta-method interval.
     *
     * @return the lift (0.10 = +10 %); empty when the control mean is not positive
     */
    public Optional<Interval> relativeLift() {
        return relativeLift;
    }

    /**
     * The CUPED-adjusted test, as {@link Cuped#test}.
     *
     * @return the result; empty when no covariate was given
     */
    public Optional<CupedResult> cuped() {
        return cuped;
    }

    /**
     * Whether the difference is significant: Welch's p-value (CUPED's when a covariate was given) is below
     * {@code 1 - confidence}.
     *
     * @return the decision
     */
    public boolean significant() {
        return headline().pValue() < 1 - confidence;
    }

    private TTest.Result headline() {
        return cuped.map(CupedResult::test).orElse(welch);
    }

    @Override
    public String toString() {
        String level = Format.percent(confidence);
        StringBuilder b = new StringBuilder();
        b.append(label).append(": ").append(metric).append(" (treatment vs control)\n");
        line(b, "means", Checks.format("%.4g (n = %,d) vs %.4g (n = %,d)", treatment.mean(), treatment.n(),
                control.mean(), control.n()));
        line(b, "difference", Checks.format("%+.4g, %s %% CI %+.4g to %+.4g (Welch)", welch.difference().estimate(),
                level, welch.difference().lower(), welch.difference().upper()));
        line(b, "relative lift", relativeLift.map(l -> Checks.format("%+.1f %%, %s %% CI %+.1f %% to %+.1f %%",
                100 * l.estimate(), level, 100 * l.lower(), 100 * l.upper()))
                .orElse("undefined (the control mean is not positive)"));
        line(b, "Welch t-test", Checks.format("t = %.3f, df = %.1f, %s", welch.statistic(), welch.df(),
                Format.p(welch.pValue())));
        line(b, "Student t-test", Checks.format("t = %.3f, df = %.0f, %s", student.statistic(), student.df(),
                Format.p(student.pValue())));
        line(b, "Wilcoxon", Checks.format("W = %.0f, %s", wilcoxon.w(), Format.p(wilcoxon.pValue())));
        line(b, "bootstrap", Checks.format("%s %% BCa CI %+.4g to %+.4g (%d replicates)", level, bootstrap.lower(),
                bootstrap.upper(), REPLICATES));
        cuped.ifPresent(c -> line(b, "CUPED", Checks.format(
                "%+.4g, %s %% CI %+.4g to %+.4g, %s, variance reduced by %.2f %%",
                c.test().difference().estimate(), level, c.test().difference().lower(),
                c.test().difference().upper(), Format.p(c.test().pValue()), 100 * c.varianceReduction())));
        b.append(Checks.format("  => %s at the %s %% level", significant()
                ? (headline().difference().estimate() > 0 ? "the treatment's mean is higher"
                        : "the treatment's mean is lower")
                : "no significant difference", Format.percent(1 - confidence)));
        return b.toString();
    }

    private static void line(StringBuilder b, String name, String value) {
        b.append(Checks.format("  %-15s %s\n", name, value));
    }
}
