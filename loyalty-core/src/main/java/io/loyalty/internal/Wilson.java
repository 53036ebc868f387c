package io.loyalty.internal;

/**
 * The Wilson score interval of a binomial proportion: the one implementation every family uses (E. B. Wilson 1927,
 * "Probable inference, the law of succession, and statistical inference", JASA 22(158), 209&ndash;212). Not API.
 *
 * @since 0.2
 */
public final class Wilson {
    private Wilson() {
    }

    /**
     * The bounds of the Wilson score interval of {@code x / n}: (p + z&sup2;/2n &plusmn; z &radic;(p(1 &minus; p)/n
     * + z&sup2;/4n&sup2;)) / (1 + z&sup2;/n). The bound at 0 successes is exactly 0 and at n exactly 1, and the
     * bounds are clipped to [0, 1] around p, so the interval always holds the observed share.
     *
     * @param x the successes, in [0, n] (checked by the caller)
     * @param n the trials, &gt; 0 (checked by the caller)
     * @param z the normal quantile, &ge; 0
     * @return {lower, upper}
     */
    public static double[] bounds(long x, long n, double z) {
        double p = (double) x / n;
        double z22n = z * z / (2.0 * n);
        double centre = p + z22n;
        double half = z * Math.sqrt(p * (1 - p) / n + z22n / (2.0 * n));
        double denominator = 1 + 2 * z22n;
        double lower = x == 0 ? 0 : Math.max(0, (centre - half) / denominator);
        double upper = x == n ? 1 : Math.min(1, (centre + half) / denominator);
        return new double[] {Math.min(lower, p), Math.max(upper, p)};
    }
}
