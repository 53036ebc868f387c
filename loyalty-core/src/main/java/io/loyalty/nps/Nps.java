package io.loyalty.nps;

import io.loyalty.internal.Checks;
import io.loyalty.internal.Normal;
import io.loyalty.stats.Interval;

/**
 * A Net Promoter Score: the tally of detractors, passives and promoters among <i>n</i> answers, with its
 * estimate, variance, standard error and confidence intervals.
 *
 * <p>With shares <i>p</i> (promoters) and <i>d</i> (detractors), NPS = <i>p &minus; d</i> on [&minus;1, 1]
 * ({@link #score()}; &times;100 in {@link #points()}). Each answer scores +1, 0 or &minus;1, so the per-answer
 * variance is <i>p + d &minus; (p &minus; d)</i>&sup2; ({@link #variance()}, as R's {@code NPS::nps_var}) and the
 * standard error is &radic;(variance / <i>n</i>).
 *
 * <p>Immutable; equality compares the three counts. Build it from counts ({@link #ofCounts}), from answers on
 * the standard scale ({@link #ofAnswers(int...)}) or on any scale ({@link NpsScale#tally(int[])}), or many at a
 * time with an {@link NpsAccumulator}.
 *
 * @since 0.1
 */
public final class Nps {
    private final long detractors;
    private final long passives;
    private final long promoters;
    private final long n;

    private Nps(long detractors, long passives, long promoters, long n) {
        this.detractors = detractors;
        this.passives = passives;
        this.promoters = promoters;
        this.n = n;
    }

    /**
     * A score from counts.
     *
     * @param detractors the number of detractors, &ge; 0
     * @param passives the number of passives, &ge; 0
     * @param promoters the number of promoters, &ge; 0
     * @return the score
     * @throws IllegalArgumentException if a count is negative or all are zero
     */
    public static Nps ofCounts(long detractors, long passives, long promoters) {
        Checks.nonNegative(detractors, "detractors");
        Checks.nonNegative(passives, "passives");
        Checks.nonNegative(promoters, "promoters");
        long n;
        try {
            n = Math.addExact(Math.addExact(detractors, passives), promoters);
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException(Checks.format("counts overflow: detractors=%d, passives=%d, "
                    + "promoters=%d", detractors, passives, promoters), e);
        }
        Checks.require(n > 0, "no responses: detractors=0, passives=0, promoters=0 (an NPS needs at least one)");
        return new Nps(detractors, passives, promoters, n);
    }

    /**
     * A score from answers on the standard 0..10 scale.
     *
     * @param answers the answers; not modified
     * @return the score
     * @throws IllegalArgumentException if an answer is outside 0..10 (naming its row) or there are none
     */
    public static Nps ofAnswers(int... answers) {
        return NpsScale.standard().tally(answers);
    }

    /**
     * The number of detractors.
     *
     * @return the count
     */
    public long detractors() {
        return detractors;
    }

    /**
     * The number of passives.
     *
     * @return the count
     */
    public long passives() {
        return passives;
    }

    /**
     * The number of promoters.
     *
     * @return the count
     */
    public long promoters() {
        return promoters;
    }

    /**
     * The number of answers.
     *
     * @return <i>n</i> &gt; 0
     */
    public long n() {
        return n;
    }

    /**
     * The share of promoters <i>p</i>.
     *
     * @return promoters / n
     */
    public double promoterShare() {
        return (double) promoters / n;
    }

    /**
     * The share of passives.
     *
     * @return passives / n
     */
    public double passiveShare() {
        return (double) passives / n;
    }

    /**
     * The share of detractors <i>d</i>.
     *
     * @return detractors / n
     */
    public double detractorShare() {
        return (double) detractors / n;
    }

    /**
     * The score as a fraction, (promoters &minus; detractors) / <i>n</i>.
     *
     * @return the score in [&minus;1, 1]
     */
    public double score() {
        return (double) (promoters - detractors) / n;
    }

    /**
     * The score in points, as usually reported.
     *
     * @return 100 &times; {@link #score()}, in [&minus;100, 100]
     */
    public double points() {
        return 100 * score();
    }

    /**
     * The variance of one answer scored +1/0/&minus;1: <i>p + d &minus; (p &minus; d)</i>&sup2;.
     *
     * @return the variance in [0, 1]
     */
    public double variance() {
        double p = promoterShare();
        double d = detractorShare();
        double s = p - d;
        // Clamp the few ulps of rounding that could make a degenerate tally slightly negative.
        return Math.max(0, p + d - s * s);
    }

    /**
     * The standard deviation of one answer.
     *
     * @return &radic;{@link #variance()}
     */
    public double standardDeviation() {
        return Math.sqrt(variance());
    }

    /**
     * The standard error of the score.
     *
     * @return &radic;(variance / <i>n</i>)
     */
    public double standardError() {
        return Math.sqrt(variance() / n);
    }

    /**
     * The Wald margin of error, half the width of the Wald interval.
     *
     * @param confidence the confidence level, in (0, 1)
     * @return <i>z</i> &times; {@link #standardError()}
     * @throws IllegalArgumentException if the level is outside (0, 1)
     */
    public double marginOfError(double confidence) {
        return Normal.twoSidedZ(confidence) * standardError();
    }

    /**
     * The two-sided one-sample Wald test of H0: NPS = {@code nullScore}: p = 2&Phi;(&minus;|score &minus; nullScore|
     * / SE), through erfc, so with no floor near 1e-15. With {@code nullScore} 0 this is the {@code p.value} of R's
     * one-sample {@code NPS::nps_test(x)} (whose interval is the {@link IntervalMethod#WALD} interval). When the
     * standard error is zero, p is 1 if the score equals {@code nullScore} and 0 otherwise.
     *
     * @param nullScore the hypothesised score on the &minus;1..1 scale, in [&minus;1, 1]
     * @return the p-value in [0, 1]
     * @throws IllegalArgumentException if {@code nullScore} is outside [&minus;1, 1] or NaN
     */
    public double pValue(double nullScore) {
        Checks.require(nullScore >= -1 && nullScore <= 1, "nullScore must lie in [-1, 1], got %s", nullScore);
        double diff = score() - nullScore;
        double se = standardError();
        double z = se > 0 ? diff / se : diff == 0 ? 0 : Math.copySign(Double.POSITIVE_INFINITY, diff);
        return Normal.twoSidedP(z);
    }

    /**
     * A confidence interval.
     *
     * @param method how to compute it
     * @param confidence the confidence level, in (0, 1)
     * @return the interval, finite, on the &minus;1..1 scale; its method name is {@link IntervalMethod#label()}
     * @throws IllegalArgumentException if the method is null or the level is outside (0, 1)
     */
    public Interval interval(IntervalMethod method, double confidence) {
        return Checks.notNull(method, "method").interval(this, confidence);
    }

    /**
     * The score statistic for H0: NPS = delta, with the detractor share at its constrained maximum-likelihood value
     * q, the root of 2n q&sup2; + (&minus;D &minus; P + (2n &minus; P + D)&delta;) q &minus; D&delta;(1 &minus; &delta;) = 0.
     */
    double scoreStatistic(double delta) {
        double a = 2.0 * n;
        double b = -detractors - promoters + (2.0 * n - promoters + detractors) * delta;
        double c = -detractors * delta * (1 - delta);
        double s = Math.sqrt(Math.max(0, b * b - 4 * a * c));
        // The larger root, in the form that avoids cancellation.
        double q = b > 0 ? -2 * c / (b + s) : (s - b) / (2 * a);
        double var = n * (2 * q + delta * (1 - delta));
        double num = promoters - detractors - n * delta;
        if (!(var > 0)) {
            return num == 0 ? 0 : Math.copySign(Double.POSITIVE_INFINITY, num);
        }
        return num / Math.sqrt(var);
    }

    /**
     * Tests the difference {@code this - other} of two independent scores (segments, periods).
     *
     * @param other the other score
     * @param confidence the confidence level, in (0, 1)
     * @return the difference with its interval, z and p-value
     * @throws IllegalArgumentException if {@code other} is null or the level is outside (0, 1)
     */
    public NpsDifference minus(Nps other, double confidence) {
        return NpsDifference.of(this, Checks.notNull(other, "other"), confidence);
    }

    /**
     * The tally of both sets of answers.
     *
     * @param other another tally
     * @return the sum of the counts
     * @throws IllegalArgumentException if {@code other} is null or a sum of counts overflows a long
     */
    public Nps plus(Nps other) {
        Checks.notNull(other, "other");
        return ofCounts(Checks.addExact(detractors, other.detractors, "detractors"),
                Checks.addExact(passives, other.passives, "passives"),
                Checks.addExact(promoters, other.promoters, "promoters"));
    }

    /**
     * The number of answers needed for a Wald margin of error (half-width) at a confidence level, given expected
     * shares: <i>n</i> = &lceil;<i>z</i>&sup2; (<i>p + d &minus; (p &minus; d)</i>&sup2;) / <i>E</i>&sup2;&rceil;.
     *
     * @param promoterShare the expected share of promoters, in [0, 1]
     * @param detractorShare the expected share of detractors, in [0, 1], with the promoters at most 1
     * @param marginOfError the wanted half-width on the &minus;1..1 scale, in (0, 2]
     * @param confidence the confidence level, in (0, 1)
     * @return the sample size, at least 1
     * @throws IllegalArgumentException if an argument is out of range
     */
    public static long sampleSize(double promoterShare, double detractorShare, double marginOfError,
            double confidence) {
        Checks.unit(promoterShare, "promoterShare");
        Checks.unit(detractorShare, "detractorShare");
        Checks.require(promoterShare + detractorShare <= 1 + 1e-12,
                "promoterShare + detractorShare must be <= 1, got %s + %s", promoterShare, detractorShare);
        Checks.require(marginOfError > 0 && marginOfError <= 2, "marginOfError must lie in (0, 2], got %s",
                marginOfError);
        double z = Normal.twoSidedZ(confidence);
        double s = promoterShare - detractorShare;
        double var = Math.max(0, promoterShare + detractorShare - s * s);
        double size = Math.ceil(z * z * var / (marginOfError * marginOfError));
        Checks.require(size < Long.MAX_VALUE, "marginOfError %s is too small", marginOfError);
        return Math.max(1, (long) size);
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof Nps)) {
            return false;
        }
        Nps x = (Nps) o;
        return detractors == x.detractors && passives == x.passives && promoters == x.promoters;
    }

    @Override
    public int hashCode() {
        return Long.hashCode((detractors * 31 + passives) * 31 + promoters);
    }

    @Override
    public String toString() {
        return Checks.format("Nps[%.2f points, n=%d: %d promoters (%.1f%%), %d passives, %d detractors (%.1f%%), "
                + "SE %.4f]", points(), n, promoters, 100 * promoterShare(), passives, detractors,
                100 * detractorShare(), standardError());
    }
}
