package io.loyalty.experiment;

import io.loyalty.internal.Checks;
import io.loyalty.internal.Normal;
import io.loyalty.internal.StudentT;

/**
 * Planning a test: sample size per arm, power, or the detectable effect, for two proportions (R
 * {@code power.prop.test}) and two means (R {@code power.t.test}, two-sample, with the noncentral t, not the
 * normal shortcut). The unknown is solved by Brent's method exactly as R's {@code uniroot} (tolerance
 * {@code .Machine$double.eps^0.25}), so answers agree with R to the printed digit. As R's default
 * ({@code strict = FALSE}), a two-sided power counts only the rejection region on the side of the effect.
 *
 * <p>{@code ratio} is the allocation {@code n2 / n1} (control over treatment); {@code n} is the first arm's size.
 * With ratio k: proportions {@code power = Phi((|p1 - p2| sqrt(n) - z_a sqrt(pbar qbar (1 + 1/k)))
 * / sqrt(p1 q1 + p2 q2 / k))}, {@code pbar = (p1 + k p2) / (1 + k)}; means
 * {@code power = P(T'(n (1 + k) - 2, ncp) > t_a)}, {@code ncp = delta / (sd sqrt(1/n + 1/(k n)))}. One-sided
 * designs use {@code alpha}, two-sided {@code alpha / 2}.
 *
 * @since 0.1
 */
public final class Power {
    /**
     * The most observations in both arms together of a t-test design: beyond it the t distribution's degrees of
     * freedom leave commons-math's range (and no experiment is that large).
     */
    static final double MAX_TOTAL = 1e15;

    private Power() {
    }

    private static int sides(Alternative alternative) {
        Checks.notNull(alternative, "alternative");
        return alternative == Alternative.TWO_SIDED ? 2 : 1;
    }

    private static double propPower(double n, double p1, double p2, double alpha, int sides, double k) {
        double pbar = (p1 + k * p2) / (1 + k);
        double z = Normal.upperQuantile(alpha / sides);
        return Normal.cdf((Math.sqrt(n * (p1 - p2) * (p1 - p2))
                - z * Math.sqrt(pbar * (1 - pbar) * (1 + 1 / k))) / Math.sqrt(p1 * (1 - p1) + p2 * (1 - p2) / k));
    }

    private static double tPower(double n, double delta, double sd, double alpha, int sides, double k) {
        double nu = n * (1 + k) - 2;
        double ncp = delta / (sd * Math.sqrt(1 / n + 1 / (k * n)));
        return NoncentralT.upper(StudentT.quantile(1 - alpha / sides, nu), nu, ncp);
    }

    private static void common(double alpha, double ratio) {
        Checks.openUnit(alpha, "alpha");
        // Beyond a million to one the other arm is empty for any practical n, and 1 / ratio overflows the formulas.
        Checks.require(ratio >= 1e-6 && ratio <= 1e6, "ratio (n2 / n1) must lie in [1e-6, 1e6], got %s", ratio);
    }

    /**
     * The power of a test of two proportions.
     *
     * @param n the first arm's size, &gt;= 2
     * @param p1 the first arm's rate in (0, 1)
     * @param p2 the second arm's rate in (0, 1)
     * @param alpha the significance level in (0, 1)
     * @param alternative two-sided or one-sided (GREATER and LESS are both one-sided here)
     * @param ratio the allocation n2 / n1 (1 for equal arms), in [1e-6, 1e6]
     * @return the power
     */
    public static double proportionsPower(double n, double p1, double p2, double alpha, Alternative alternative,
            double ratio) {
        Checks.require(n >= 2 && n < Double.POSITIVE_INFINITY, "n must be finite and >= 2, got %s", n);
        Checks.openUnit(p1, "p1");
        Checks.openUnit(p2, "p2");
        common(alpha, ratio);
        return propPower(n, p1, p2, alpha, sides(alternative), ratio);
    }

    /**
     * The first arm's sample size for a test of two proportions to reach {@code power}.
     *
     * @param p1 the first arm's rate in (0, 1)
     * @param p2 the second arm's rate in (0, 1), different from p1
     * @param alpha the significance level in (0, 1)
     * @param power the power in (0, 1)
     * @param alternative two-sided or one-sided
     * @param ratio the allocation n2 / n1, in [1e-6, 1e6]
     * @return n (not rounded up)
     */
    public static double proportionsSampleSize(double p1, double p2, double alpha, double power,
            Alternative alternative, double ratio) {
        Checks.openUnit(p1, "p1");
        Checks.openUnit(p2, "p2");
        Checks.require(p1 != p2, "the effect p2 - p1 must not be zero when asking for a sample size, got p1 = p2 = %s",
                p1);
        Checks.openUnit(power, "power");
        common(alpha, ratio);
        int s = sides(alternative);
        // R: uniroot(..., c(1, 1e7), extendInt = "upX"), so sizes above 1e7 are found too.
        return Roots.zeroinUpX(n -> propPower(n, p1, p2, alpha, s, ratio) - power, 1, 1e7, Roots.R_TOL);
    }

    /**
     * The second arm's rate above p1 detectable with {@code power} at n per first arm.
     *
     * @param n the first arm's size, &gt;= 2
     * @param p1 the first arm's rate in (0, 1)
     * @param alpha the significance level in (0, 1)
     * @param power the power in (0, 1)
     * @param alternative two-sided or one-sided
     * @param ratio the allocation n2 / n1, in [1e-6, 1e6]
     * @return p2
     */
    public static double proportionsDetectable(double n, double p1, double alpha, double power,
            Alternative alternative, double ratio) {
        Checks.require(n >= 2 && n < Double.POSITIVE_INFINITY, "n must be finite and >= 2, got %s", n);
        Checks.openUnit(p1, "p1");
        Checks.openUnit(power, "power");
        common(alpha, ratio);
        int s = sides(alternative);
        return Roots.zeroin(p2 -> propPower(n, p1, Math.min(p2, 1), alpha, s, ratio) - power, p1, 1,
                Roots.R_TOL);
    }

    /**
     * The power of a two-sample t-test.
     *
     * @param n the first arm's size, &gt;= 2
     * @param delta the true difference of means (one-sided designs test delta &gt; 0)
     * @param sd the common standard deviation, &gt; 0
     * @param alpha the significance level in (0, 1)
     * @param alternative two-sided or one-sided
     * @param ratio the allocation n2 / n1, in [1e-6, 1e6]
     * @return the power
     */
    public static double meansPower(double n, double delta, double sd, double alpha, Alternative alternative,
            double ratio) {
        Checks.require(n >= 2 && n < Double.POSITIVE_INFINITY, "n must be finite and >= 2, got %s", n);
        Checks.finite(delta, "delta");
        Checks.positive(sd, "sd");
        common(alpha, ratio);
        Checks.require(n * (1 + ratio) <= MAX_TOTAL, "n = %s with ratio %s makes %s observations in all, above %s", n,
                ratio, n * (1 + ratio), MAX_TOTAL);
        int s = sides(alternative);
        // As R: a two-sided design takes |delta|; a one-sided one keeps the sign (a wrong-signed effect has low power).
        return tPower(n, s == 2 ? Math.abs(delta) : delta, sd, alpha, s, ratio);
    }

    /**
     * The first arm's sample size for a two-sample t-test to reach {@code power}.
     *
     * @param delta the difference of means to detect, not zero
     * @param sd the common standard deviation, &gt; 0
     * @param alpha the significance level in (0, 1)
     * @param power the power in (0, 1)
     * @param alternative two-sided or one-sided
     * @param ratio the allocation n2 / n1, in [1e-6, 1e6]
     * @return n (not rounded up)
     * @throws IllegalArgumentException if the normal approximation of n, both arms together, exceeds 1e12 (an
     *     effect far below the noise)
     */
    public static double meansSampleSize(double delta, double sd, double alpha, double power,
            Alternative alternative, double ratio) {
        Checks.finite(delta, "delta");
        Checks.require(delta != 0, "delta (the effect) must not be zero when asking for a sample size, got %s", delta);
        Checks.positive(sd, "sd");
        Checks.openUnit(power, "power");
        common(alpha, ratio);
        int s = sides(alternative);
        double d = Math.abs(delta);
        // The normal approximation first: the search's time grows with the answer, so a size no experiment could
        // have (an effect far below the noise) is refused rather than searched for.
        double z = Normal.upperQuantile(alpha / s) + Normal.upperQuantile(1 - power);
        double approx = (1 + 1 / ratio) * Math.pow(Math.max(0, z) * (sd / d), 2);
        Checks.require(approx * (1 + ratio) <= MAX_TOTAL / 1000, "delta = %s is too small beside sd = %s (ratio %s): "
                + "the sample size would be about %s in the first arm, %s in all, above %s", delta, sd, ratio, approx,
                approx * (1 + ratio), MAX_TOTAL / 1000);
        // R: uniroot(..., c(2, 1e7), extendInt = "upX").
        return Roots.zeroinUpX(n -> tPower(n, d, sd, alpha, s, ratio) - power, 2, 1e7, Roots.R_TOL);
    }

    /**
     * The difference of means detectable with {@code power} at n per first arm.
     *
     * @param n the first arm's size, &gt;= 2
     * @param sd the common standard deviation, &gt; 0
     * @param alpha the significance level in (0, 1)
     * @param power the power in (0, 1)
     * @param alternative two-sided or one-sided
     * @param ratio the allocation n2 / n1, in [1e-6, 1e6]
     * @return delta &gt; 0
     */
    public static double meansDetectable(double n, double sd, double alpha, double power, Alternative alternative,
            double ratio) {
        Checks.require(n >= 2 && n < Double.POSITIVE_INFINITY, "n must be finite and >= 2, got %s", n);
        Checks.positive(sd, "sd");
        Checks.openUnit(power, "power");
        common(alpha, ratio);
        Checks.require(n * (1 + ratio) <= MAX_TOTAL, "n = %s with ratio %s makes %s observations in all, above %s", n,
                ratio, n * (1 + ratio), MAX_TOTAL);
        int s = sides(alternative);
        return Roots.zeroin(d -> tPower(n, d, sd, alpha, s, ratio) - power, sd * 1e-7, sd * 1e7, Roots.R_TOL);
    }
}
