package io.loyalty.experiment;

import io.loyalty.internal.Checks;

/**
 * Always-valid p-values for continuous monitoring of two arms by the normal-mixture sequential probability
 * ratio test (Johari, Pekelis and Walsh 2017, "Peeking at A/B tests", KDD, doi:10.1145/3097983.3097992; Operations
 * Research 70, 2022). With n observations per arm, arm means {@code ybarA}, {@code ybarB}, per-observation
 * variance {@code sigma^2} (for a rate the pooled {@code pbar (1 - pbar)}), mixing variance {@code tau^2} and null
 * difference {@code theta0}:
 *
 * <pre>
 * Lambda_n = sqrt(2 sigma^2 / (2 sigma^2 + n tau^2))
 *            * exp(n^2 tau^2 (ybarB - ybarA - theta0)^2 / (4 sigma^2 (2 sigma^2 + n tau^2)))
 * p_k = min(p_{k-1}, 1 / Lambda_{n_k}),  p_0 = 1
 * </pre>
 *
 * The p-value never increases from look to look, so the test may be read at any time without inflating the
 * type I error. Instances are immutable; {@link #look} returns the next state.
 *
 * @since 0.1
 */
public final class Msprt {
    private final double tau2;
    private final double theta0;
    private final double pValue;
    private final int looks;

    private Msprt(double tau2, double theta0, double pValue, int looks) {
        this.tau2 = tau2;
        this.theta0 = theta0;
        this.pValue = pValue;
        this.looks = looks;
    }

    /**
     * A monitor before the first look (p-value 1).
     *
     * @param tau2 the mixing variance, &gt; 0 (about the square of the effect sizes expected)
     * @param theta0 the null difference B - A, usually 0
     * @return the monitor
     */
    public static Msprt of(double tau2, double theta0) {
        return new Msprt(Checks.positive(tau2, "tau2"), Checks.finite(theta0, "theta0"), 1, 0);
    }

    /**
     * The mixture likelihood ratio {@code Lambda_n}.
     *
     * @param n observations per arm, &gt;= 1
     * @param meanA arm A's mean
     * @param meanB arm B's mean
     * @param variance the per-observation variance, &gt; 0
     * @return Lambda
     */
    public double lambda(long n, double meanA, double meanB, double variance) {
        Checks.require(n >= 1, "n must be >= 1, got %d", n);
        Checks.finite(meanA, "meanA");
        Checks.finite(meanB, "meanB");
        Checks.positive(variance, "variance");
        double s2 = 2 * variance;
        double d = meanB - meanA - theta0;
        double nn = n;
        double logLambda = 0.5 * Math.log(s2 / (s2 + nn * tau2))
                + nn * nn * tau2 * d * d / (2 * variance * 2 * (s2 + nn * tau2));
        return Math.exp(logLambda);
    }

    /**
     * The monitor after one more look.
     *
     * @param n observations per arm so far
     * @param meanA arm A's mean so far
     * @param meanB arm B's mean so far
     * @param variance the per-observation variance, &gt; 0
     * @return the new state, whose p-value is {@code min(previous, 1 / Lambda)}
     */
    public Msprt look(long n, double meanA, double meanB, double variance) {
        double l = lambda(n, meanA, meanB, variance);
        return new Msprt(tau2, theta0, Math.min(pValue, Math.min(1, 1 / l)), looks + 1);
    }

    /**
     * The monitor after one more look at two rates, read directly: the arm means are the rates and the
     * per-observation variance is the pooled {@code pbar (1 - pbar)}, {@code pbar} the rate of both arms together.
     * Arguments in the package's order, treatment (B) first.
     *
     * @param treatmentSuccesses successes in the treatment arm so far, in [0, trialsPerArm]
     * @param controlSuccesses successes in the control arm so far, in [0, trialsPerArm]
     * @param trialsPerArm trials in each arm so far, &gt;= 1
     * @return the new state, as {@link #look} with {@code meanA} the control's rate, {@code meanB} the treatment's
     * @throws IllegalArgumentException naming the argument if a count is out of range, or if the pooled rate is 0 or
     *     1 (no variance yet: look again later)
     */
    public Msprt lookAtRates(long treatmentSuccesses, long controlSuccesses, long trialsPerArm) {
        Proportions.checkCounts(treatmentSuccesses, trialsPerArm, "treatmentSuccesses", "trialsPerArm");
        Proportions.checkCounts(controlSuccesses, trialsPerArm, "controlSuccesses", "trialsPerArm");
        double pooled = (treatmentSuccesses + (double) controlSuccesses) / (2.0 * trialsPerArm);
        Checks.require(pooled > 0 && pooled < 1, "the pooled rate must lie in (0, 1) for a variance, got %s "
                + "(%d and %d successes of %d per arm)", pooled, treatmentSuccesses, controlSuccesses, trialsPerArm);
        return look(trialsPerArm, (double) controlSuccesses / trialsPerArm, (double) treatmentSuccesses / trialsPerArm,
                pooled * (1 - pooled));
    }

    /**
     * The always-valid p-value after the looks so far.
     *
     * @return the p-value in (0, 1]
     */
    public double pValue() {
        return pValue;
    }

    /**
     * The number of looks taken.
     *
     * @return the count
     */
    public int looks() {
        return looks;
    }

    @Override
    public String toString() {
        return Checks.format("mSPRT (tau^2 = %s) after %d looks: always-valid %s", tau2, looks, Format.p(pValue));
    }
}
