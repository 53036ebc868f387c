package io.loyalty.nps;

import io.loyalty.internal.Checks;
import io.loyalty.internal.Normal;

/**
 * The difference of two independent Net Promoter Scores {@code first - second} with its Wald test: standard error
 * &radic;(Var<sub>1</sub>/<i>n</i><sub>1</sub> + Var<sub>2</sub>/<i>n</i><sub>2</sub>), <i>z</i> = difference / SE,
 * two-sided p = 2&Phi;(&minus;|<i>z</i>|) (as R's {@code NPS::nps_test}, but keeping the sign and computing the tail
 * through erfc, so tiny p-values are not floored). When both standard errors are zero, <i>z</i> is 0 (p = 1) for
 * equal scores and &plusmn;&infin; (p = 0) otherwise. The one exception is {@link NpsBreakdown.Row#vsOverall()}, a
 * segment against the overall score that contains it, whose standard error accounts for the overlap.
 *
 * <p>R's {@code NPS::nps_test(x, y)} reports {@code delta = |first - second|} with the interval {@code delta +/- z * se.hat}: here that is {@code |difference()|} with {@code [lower, upper]} mirrored when the difference is negative;
 * {@code standardError()} and {@code pValue()} are its {@code se.hat} and {@code p.value}.
 *
 * @param first the first score
 * @param second the second score
 * @param confidence the confidence level of the interval and of {@link #significant()}
 * @param difference {@code first.score() - second.score()}
 * @param standardError the standard error of the difference
 * @param z the test statistic
 * @param pValue the two-sided p-value
 * @param lower the lower bound of the Wald interval for the difference
 * @param upper the upper bound of the Wald interval for the difference
 * @since 0.1
 */
public record NpsDifference(Nps first, Nps second, double confidence, double difference, double standardError,
        double z, double pValue, double lower, double upper) {
    /**
     * Checks the values.
     *
     * @param first the first score
     * @param second the second score
     * @param confidence the confidence level of the interval and of {@link #significant()}
     * @param difference {@code first.score() - second.score()}
     * @param standardError the standard error of the difference
     * @param z the test statistic
     * @param pValue the two-sided p-value
     * @param lower the lower bound of the Wald interval for the difference
     * @param upper the upper bound of the Wald interval for the difference
     * @throws IllegalArgumentException naming the component if one is null, or a number is NaN or out of range
     */
    public NpsDifference {
        Checks.notNull(first, "first");
        Checks.notNull(second, "second");
        Checks.openUnit(confidence, "confidence");
        Checks.finite(difference, "difference");
        Checks.nonNegative(standardError, "standardError");
        // z is infinite when the standard error is 0 and the scores differ.
        Checks.require(!Double.isNaN(z), "z must not be NaN");
        Checks.unit(pValue, "pValue");
        Checks.finite(lower, "lower");
        Checks.finite(upper, "upper");
    }


    /**
     * Tests {@code first - second}.
     *
     * @param first the first score
     * @param second the second score
     * @param confidence the confidence level, in (0, 1)
     * @return the test
     * @throws IllegalArgumentException if a score is null or the level is outside (0, 1)
     */
    public static NpsDifference of(Nps first, Nps second, double confidence) {
        Checks.notNull(first, "first");
        Checks.notNull(second, "second");
        double crit = Normal.twoSidedZ(confidence);
        double diff = first.score() - second.score();
        double se = Math.sqrt(first.variance() / first.n() + second.variance() / second.n());
        double z = se > 0 ? diff / se : diff == 0 ? 0 : Math.copySign(Double.POSITIVE_INFINITY, diff);
        return new NpsDifference(first, second, confidence, diff, se, z, Normal.twoSidedP(z), diff - crit * se,
                diff + crit * se);
    }

    /**
     * A part (segment) against the whole it belongs to, from the test of the part against the rest: the difference
     * part &minus; whole = (n<sub>rest</sub> / n)(part &minus; rest), so the standard error scales by the same factor
     * and <i>z</i> and p are those of {@code vsRest}.
     */
    static NpsDifference partOfWhole(NpsDifference vsRest, Nps whole) {
        Nps part = vsRest.first();
        double f = (double) vsRest.second().n() / whole.n();
        double diff = part.score() - whole.score();
        double se = f * vsRest.standardError();
        double crit = Normal.twoSidedZ(vsRest.confidence());
        return new NpsDifference(part, whole, vsRest.confidence(), diff, se, vsRest.z(), vsRest.pValue(),
                diff - crit * se, diff + crit * se);
    }

    /**
     * Whether the difference is significant at the level: p &lt; 1 &minus; confidence.
     *
     * @return the flag
     */
    public boolean significant() {
        return pValue < 1 - confidence;
    }

    @Override
    public String toString() {
        return Checks.format("NpsDifference[%+.4f, SE %.4f, z %.3f, p %.4g, %.0f%% CI [%.4f, %.4f]%s]", difference,
                standardError, z, pValue, confidence * 100, lower, upper, significant() ? ", significant" : "");
    }
}
