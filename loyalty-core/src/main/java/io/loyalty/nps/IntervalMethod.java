package io.loyalty.nps;

import io.loyalty.internal.Checks;
import io.loyalty.internal.Normal;
import io.loyalty.stats.Interval;

/**
 * How a confidence interval for a Net Promoter Score is computed; each constant carries its formula (as Commons
 * Statistics puts each binomial interval on its enum constant). With promoters <i>P</i>, detractors <i>D</i> of
 * <i>n</i> answers, shares <i>p</i> = <i>P/n</i>, <i>d</i> = <i>D/n</i>, NPS = <i>p &minus; d</i> and
 * <i>z</i> = &Phi;<sup>&minus;1</sup>(1 &minus; (1 &minus; confidence)/2). Every interval is finite and holds its
 * estimate.
 *
 * @since 0.1
 */
public enum IntervalMethod {
    /**
     * Wald: NPS &plusmn; <i>z</i> &radic;((<i>p + d &minus; (p &minus; d)</i>&sup2;)/<i>n</i>). Textbook and what
     * most calculators print; too narrow for small <i>n</i> or extreme scores, zero width when every answer is in one
     * category, and not clipped, so it can leave [&minus;1, 1]. Its interval's method name is "Wald".
     */
    WALD("Wald") {
        @Override
        Interval compute(Nps nps, double z, double confidence) {
            double est = nps.score();
            double h = z * nps.standardError();
            return Interval.of(est, est - h, est + h, confidence, label());
        }
    },
    /**
     * Adjusted Wald (Rocks 2016; Sauro, MeasuringU): add 3/4 to promoters and to detractors and 3 to <i>n</i>, then
     * apply the Wald formula around the adjusted score; the bounds are clipped to [&minus;1, 1]. Good coverage from
     * small samples upward; the recommended default. The interval's estimate is the adjusted score
     * (<i>P</i> + 3/4 &minus; <i>D</i> &minus; 3/4)/(<i>n</i> + 3); its method name is "adjusted Wald".
     */
    ADJUSTED_WALD("adjusted Wald") {
        @Override
        Interval compute(Nps nps, double z, double confidence) {
            double m = nps.n() + 3.0;
            double p = (nps.promoters() + 0.75) / m;
            double d = (nps.detractors() + 0.75) / m;
            double est = p - d;
            double h = z * Math.sqrt(Math.max(0, p + d - est * est) / m);
            return Interval.of(est, Math.max(-1, est - h), Math.min(1, est + h), confidence, label());
        }
    },
    /**
     * Iterative score interval: every &delta; whose score statistic (<i>P &minus; D &minus; n</i>&delta;) /
     * &radic;(<i>n</i>(2<i>q</i>&#770; + &delta;(1 &minus; &delta;))) lies within &plusmn;<i>z</i>, with
     * <i>q</i>&#770; the detractor share that maximises the trinomial likelihood given NPS = &delta; (Tango 1998's
     * interval for a difference of paired proportions, which NPS is). Found by bisection; always inside
     * [&minus;1, 1] and sensible at 0 or <i>n</i> promoters. Its interval's method name is "score".
     */
    SCORE("score") {
        @Override
        Interval compute(Nps nps, double z, double confidence) {
            double est = nps.score();
            double upper = 1;
            if (nps.promoters() < nps.n()) {
                double lo = est;
                double hi = 1;
                for (int i = 0; i < BISECTIONS && hi - lo > 0x1p-52; i++) {
                    double mid = 0.5 * (lo + hi);
                    if (nps.scoreStatistic(mid) > -z) {
                        lo = mid;
                    } else {
                        hi = mid;
                    }
                }
                upper = 0.5 * (lo + hi);
            }
            double lower = -1;
            if (nps.detractors() < nps.n()) {
                double lo = -1;
                double hi = est;
                for (int i = 0; i < BISECTIONS && hi - lo > 0x1p-52; i++) {
                    double mid = 0.5 * (lo + hi);
                    if (nps.scoreStatistic(mid) < z) {
                        hi = mid;
                    } else {
                        lo = mid;
                    }
                }
                lower = 0.5 * (lo + hi);
            }
            return Interval.of(est, Math.min(lower, est), Math.max(upper, est), confidence, label());
        }
    };

    private static final int BISECTIONS = 200;

    private final String label;

    IntervalMethod(String label) {
        this.label = label;
    }

    /**
     * The short name this method puts in its intervals' {@link Interval#method()}.
     *
     * @return the name, e.g. "adjusted Wald"
     */
    public String label() {
        return label;
    }

    /**
     * The interval of a score by this method.
     *
     * @param nps the score's tally
     * @param confidence the confidence level, in (0, 1)
     * @return the interval, finite, on the &minus;1..1 scale
     * @throws IllegalArgumentException if {@code nps} is null or the level is outside (0, 1)
     */
    public Interval interval(Nps nps, double confidence) {
        Checks.notNull(nps, "nps");
        return compute(nps, Normal.twoSidedZ(confidence), confidence);
    }

    /** The formula, given the checked tally, z and level. */
    abstract Interval compute(Nps nps, double z, double confidence);
}
