package io.loyalty.experiment;

import io.loyalty.internal.Checks;
import io.loyalty.internal.Normal;
import io.loyalty.internal.Wilson;
import io.loyalty.stats.Interval;

/**
 * Rates (visited, converted, retained): intervals and tests for one or two proportions. Differences are
 * {@code p1 - p2}, first group (treatment) minus second (control). Counts are {@code long} so that streamed
 * totals fit.
 *
 * <ul>
 * <li>{@link #wilson}: Wilson score interval, R {@code prop.test(x, n, correct = FALSE)$conf.int}.</li>
 * <li>{@link #newcombe}: Newcombe (1998) method 10, the hybrid score interval of {@code p1 - p2}.</li>
 * <li>{@link #wald}: the Wald interval of {@code p1 - p2}, optionally with R's continuity correction.</li>
 * <li>{@link PropTest}: R's {@code prop.test}, the chi-square test of equal rates with its Wald interval.</li>
 * <li>{@link FisherTest}: Fisher's exact test, as R {@code fisher.test}, with R's conditional MLE of the odds
 * ratio and its exact interval.</li>
 * <li>{@link #relativeLift}: {@code p1 / p2 - 1} with a delta-method interval.</li>
 * <li>{@link #compare}: the short readout: Newcombe interval and z-test p-value.</li>
 * <li>{@link #readout}: the whole readout in one call: both intervals, every test, the lift, the Bayesian
 * figures and the power achieved.</li>
 * </ul>
 *
 * @since 0.1
 */
public final class Proportions {
    private Proportions() {
    }

    /** Checks an arm's counts, naming the caller's parameters in the message. */
    static void checkCounts(long successes, long trials, String successesName, String trialsName) {
        Checks.require(successes >= 0, "%s must be >= 0, got %d", successesName, successes);
        Checks.require(trials > 0, "%s must be > 0 (an arm with no data), got %d", trialsName, trials);
        Checks.require(successes <= trials, "%s = %d is greater than %s = %d", successesName, successes, trialsName,
                trials);
    }

    /**
     * The Wilson score interval of {@code x / n}:
     * {@code (p + z^2/2n +- z sqrt(p(1-p)/n + z^2/4n^2)) / (1 + z^2/n)}.
     *
     * @param successes the successes, in [0, trials]
     * @param trials the trials, &gt; 0
     * @param confidence the confidence level in (0, 1)
     * @return the rate with its interval
     */
    public static Interval wilson(long successes, long trials, double confidence) {
        checkCounts(successes, trials, "successes", "trials");
        Checks.openUnit(confidence, "confidence");
        double[] b = Wilson.bounds(successes, trials, Normal.upperQuantile((1 - confidence) / 2));
        return Interval.of((double) successes / trials, b[0], b[1], confidence, "Wilson");
    }

    private static String wald(boolean continuityCorrection) {
        return continuityCorrection ? "Wald, continuity-corrected" : "Wald";
    }

    /**
     * Newcombe's hybrid score interval of {@code d = p1 - p2} (method 10): with Wilson bounds
     * {@code (l_i, u_i)}, {@code d - sqrt((p1 - l1)^2 + (u2 - p2)^2)} to {@code d + sqrt((u1 - p1)^2 + (p2 - l2)^2)}.
     *
     * @param x1 successes of the first group
     * @param n1 trials of the first group
     * @param x2 successes of the second group
     * @param n2 trials of the second group
     * @param confidence the confidence level in (0, 1)
     * @return the difference with its interval
     */
    public static Interval newcombe(long x1, long n1, long x2, long n2, double confidence) {
        checkCounts(x1, n1, "x1", "n1");
        checkCounts(x2, n2, "x2", "n2");
        Checks.openUnit(confidence, "confidence");
        double z = Normal.upperQuantile((1 - confidence) / 2);
        double p1 = (double) x1 / n1;
        double p2 = (double) x2 / n2;
        double[] b1 = Wilson.bounds(x1, n1, z);
        double[] b2 = Wilson.bounds(x2, n2, z);
        double d = p1 - p2;
        double lower = d - Math.hypot(p1 - b1[0], b2[1] - p2);
        double upper = d + Math.hypot(b1[1] - p1, p2 - b2[0]);
        return Interval.of(d, lower, upper, confidence, "Newcombe");
    }

    /**
     * The Wald interval of {@code p1 - p2}: {@code d +- (z sqrt(p1 q1/n1 + p2 q2/n2) + c (1/n1 + 1/n2))}, with
     * {@code c = min(0.5, |d| / (1/n1 + 1/n2))} when corrected and 0 otherwise, clipped to [-1, 1] (R
     * {@code prop.test(c(x1, x2), c(n1, n2), correct)$conf.int}).
     *
     * @param x1 successes of the first group
     * @param n1 trials of the first group
     * @param x2 successes of the second group
     * @param n2 trials of the second group
     * @param confidence the confidence level in (0, 1)
     * @param continuityCorrection whether to widen by R's Yates term
     * @return the difference with its interval
     */
    public static Interval wald(long x1, long n1, long x2, long n2, double confidence,
            boolean continuityCorrection) {
        checkCounts(x1, n1, "x1", "n1");
        checkCounts(x2, n2, "x2", "n2");
        Checks.openUnit(confidence, "confidence");
        double z = Normal.upperQuantile((1 - confidence) / 2);
        double p1 = (double) x1 / n1;
        double p2 = (double) x2 / n2;
        double d = p1 - p2;
        double inv = 1.0 / n1 + 1.0 / n2;
        double yates = continuityCorrection ? Math.min(0.5, Math.abs(d) / inv) : 0;
        double width = z * Math.sqrt(p1 * (1 - p1) / n1 + p2 * (1 - p2) / n2) + yates * inv;
        return Interval.of(d, Math.max(d - width, -1), Math.min(d + width, 1), confidence,
                wald(continuityCorrection));
    }

    /**
     * The pooled two-proportion z statistic {@code (p1 - p2) / sqrt(p (1 - p) (1/n1 + 1/n2))}, p the pooled rate.
     *
     * @param x1 successes of the first group
     * @param n1 trials of the first group
     * @param x2 successes of the second group
     * @param n2 trials of the second group
     * @return z
     */
    static double zStatistic(long x1, long n1, long x2, long n2) {
        checkCounts(x1, n1, "x1", "n1");
        checkCounts(x2, n2, "x2", "n2");
        double p = (double) (x1 + x2) / (n1 + n2);
        Checks.require(p > 0 && p < 1,
                "the pooled rate must lie in (0, 1) for a z-test, got %s (no variance in either arm)", p);
        return ((double) x1 / n1 - (double) x2 / n2) / Math.sqrt(p * (1 - p) * (1.0 / n1 + 1.0 / n2));
    }

    /**
     * The p-value of the pooled two-proportion z-test (two-sided, it equals R's {@code prop.test(correct = FALSE)}).
     *
     * @param x1 successes of the first group
     * @param n1 trials of the first group
     * @param x2 successes of the second group
     * @param n2 trials of the second group
     * @param alternative the alternative
     * @return the p-value
     */
    static double zTest(long x1, long n1, long x2, long n2, Alternative alternative) {
        Checks.notNull(alternative, "alternative");
        return Dist.zPValue(zStatistic(x1, n1, x2, n2), alternative);
    }

    /**
     * The relative lift {@code p1 / p2 - 1} with the delta-method interval
     * {@code +- z sqrt(v1 / p2^2 + p1^2 v2 / p2^4)}, {@code v_i = p_i (1 - p_i) / n_i}.
     *
     * @param x1 successes of the first group
     * @param n1 trials of the first group
     * @param x2 successes of the second group, &gt; 0
     * @param n2 trials of the second group
     * @param confidence the confidence level in (0, 1)
     * @return the lift (0.10 = +10 %) with its interval
     */
    public static Interval relativeLift(long x1, long n1, long x2, long n2, double confidence) {
        checkCounts(x1, n1, "x1", "n1");
        checkCounts(x2, n2, "x2", "n2");
        Checks.require(x2 > 0, "x2 must be > 0 for a relative lift (the control rate is the denominator), got %d", x2);
        double p1 = (double) x1 / n1;
        double p2 = (double) x2 / n2;
        return Means.ratioLift(p1, p1 * (1 - p1) / n1, p2, p2 * (1 - p2) / n2, confidence);
    }

    /**
     * The readout of a rate: difference with the Newcombe hybrid score interval at {@code confidence} and the
     * two-sided pooled z-test p-value, significant below {@code 1 - confidence}.
     *
     * @param label what is compared, e.g. "Womens E-Mail vs No E-Mail"
     * @param metric the metric's name, e.g. "visit rate"
     * @param treatmentSuccesses successes in the treatment arm
     * @param treatmentTrials trials in the treatment arm
     * @param controlSuccesses successes in the control arm
     * @param controlTrials trials in the control arm
     * @param confidence the confidence level in (0, 1), e.g. 0.95
     * @return the comparison
     */
    public static Comparison compare(String label, String metric, long treatmentSuccesses, long treatmentTrials,
            long controlSuccesses, long controlTrials, double confidence) {
        checkCounts(treatmentSuccesses, treatmentTrials, "treatmentSuccesses", "treatmentTrials");
        checkCounts(controlSuccesses, controlTrials, "controlSuccesses", "controlTrials");
        Checks.openUnit(confidence, "confidence");
        Interval d = newcombe(treatmentSuccesses, treatmentTrials, controlSuccesses, controlTrials, confidence);
        double p = zTest(treatmentSuccesses, treatmentTrials, controlSuccesses, controlTrials, Alternative.TWO_SIDED);
        return new Comparison(label, metric, true, (double) treatmentSuccesses / treatmentTrials,
                (double) controlSuccesses / controlTrials, d, p, confidence, "Newcombe hybrid score interval; z-test");
    }

    /**
     * The whole readout of a rate in one call: rates, difference with Newcombe and Wald intervals, z, chi-square
     * (without and with Yates) and Fisher's exact p-values, relative lift, P(treatment better) and expected losses
     * under uniform priors, and the power achieved. Each figure equals the separate method's for the same counts.
     *
     * @param label what is compared, e.g. "Womens E-Mail vs No E-Mail"
     * @param metric the metric's name, e.g. "visit rate"
     * @param treatmentSuccesses successes in the treatment arm
     * @param treatmentTrials trials in the treatment arm, &gt; 0
     * @param controlSuccesses successes in the control arm
     * @param controlTrials trials in the control arm, &gt; 0
     * @param confidence the confidence level of the intervals in (0, 1), e.g. 0.95
     * @return the readout
     * @throws IllegalArgumentException naming the argument if a count is out of range or the confidence is outside
     *     (0, 1), or if both arms have only successes or only failures (no variance to test)
     */
    public static RateReadout readout(String label, String metric, long treatmentSuccesses, long treatmentTrials,
            long controlSuccesses, long controlTrials, double confidence) {
        return new RateReadout(label, metric, treatmentSuccesses, treatmentTrials, controlSuccesses, controlTrials,
                confidence);
    }
}
