package io.loyalty.nps;

/**
 * How a confidence interval for a Net Promoter Score is computed. With promoters <i>P</i>, detractors <i>D</i> of
 * <i>n</i> answers, shares <i>p</i> = <i>P/n</i>, <i>d</i> = <i>D/n</i>, NPS = <i>p &minus; d</i> and
 * <i>z</i> = &Phi;<sup>&minus;1</sup>(1 &minus; &alpha;/2):
 *
 * @since 0.1
 */
public enum IntervalMethod {
    /**
     * Wald: NPS &plusmn; <i>z</i> &radic;((<i>p + d &minus; (p &minus; d)</i>&sup2;)/<i>n</i>). Textbook and what
     * most calculators print; too narrow for small <i>n</i> or extreme scores, zero width when every answer is in one
     * category, and not clipped, so it can leave [&minus;1, 1].
     */
    WALD,
    /**
     * Adjusted Wald (Rocks 2016; Sauro, MeasuringU): add 3/4 to promoters and to detractors and 3 to <i>n</i>, then
     * apply the Wald formula around the adjusted score; the bounds are clipped to [&minus;1, 1]. Good coverage from
     * small samples upward; the recommended default.
     */
    ADJUSTED_WALD,
    /**
     * Iterative score interval: every &delta; whose score statistic (<i>P &minus; D &minus; n</i>&delta;) /
     * &radic;(<i>n</i>(2<i>q</i>&#770; + &delta;(1 &minus; &delta;))) lies within &plusmn;<i>z</i>, with
     * <i>q</i>&#770; the detractor share that maximises the trinomial likelihood given NPS = &delta; (Tango 1998's
     * interval for a difference of paired proportions, which NPS is). Found by bisection; always inside
     * [&minus;1, 1] and sensible at 0 or <i>n</i> promoters.
     */
    SCORE
}
