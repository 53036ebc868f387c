/**
 * Survey loyalty: Net Promoter Score with confidence intervals, difference tests, sample sizes and breakdowns by
 * segment and period; customer satisfaction (CSAT) and customer effort (CES); and the attitudinal &times;
 * behavioural loyalty matrix.
 *
 * <h2>Net Promoter Score</h2>
 * Answers to "How likely are you to recommend us?" on 0..10 are detractors (0&ndash;6), passives (7&ndash;8) or
 * promoters (9&ndash;10) (Reichheld 2003, "The one number you need to grow", Harvard Business Review 81(12)).
 * With promoter share <i>p</i> and detractor share <i>d</i> of <i>n</i> answers:
 * <pre>
 *   NPS      = p &minus; d                       (&times;100 for points)
 *   Var      = p + d &minus; (p &minus; d)&sup2;           (per answer scored +1 / 0 / &minus;1)
 *   SE       = &radic;(Var / n)
 *   Wald     = NPS &plusmn; z SE,  z = &Phi;&sup1;(1 &minus; &alpha;/2)
 *   adjusted = p' &minus; d' &plusmn; z &radic;((p' + d' &minus; (p' &minus; d')&sup2;)/(n + 3)),  p' = (P + 3/4)/(n + 3), d' = (D + 3/4)/(n + 3)
 *   score    = {&delta; : |P &minus; D &minus; n&delta;| &le; z &radic;(n (2q&#770;(&delta;) + &delta;(1 &minus; &delta;)))}
 *   diff     = NPS&#8321; &minus; NPS&#8322;,  SE = &radic;(Var&#8321;/n&#8321; + Var&#8322;/n&#8322;),  p-value = 2&Phi;(&minus;|z|)
 *   n needed = &lceil;z&sup2; Var / E&sup2;&rceil; for a margin of error E
 * </pre>
 * where q&#770;(&delta;) is the detractor share maximising the trinomial likelihood under NPS = &delta;.
 * References: the variance and test as in R package NPS (B. Rocks, GPL-2|3,
 * https://github.com/brendan-r/NPS) and whuber's derivation (https://stats.stackexchange.com/a/18609); the adjusted
 * Wald interval from B. Rocks (2016), "Interval estimation for the 'Net Promoter Score'", The American Statistician
 * 70(4), 365&ndash;372, https://doi.org/10.1080/00031305.2016.1158124, and J. Sauro (MeasuringU); the score interval
 * from T. Tango (1998), "Equivalence test and confidence interval for the difference in proportions for the paired
 * sample design", Statistics in Medicine 17(8), 891&ndash;908, applied to NPS by Rocks (2016).
 *
 * <h2>CSAT and CES</h2>
 * {@link io.loyalty.nps.Csat}: top-2-box share of 4&ndash;5 on 1..5 (Wilson interval), the weighted mean with
 * weights 0, 25, 50, 75, 100, and the mean rating (Student-t intervals). {@link io.loyalty.nps.Ces}: the mean on
 * 1..7 (Student-t) and the net easy score %6&ndash;7 &minus; %1&ndash;3 (NPS intervals).
 *
 * <h2>Loyalty matrix</h2>
 * {@link io.loyalty.nps.LoyaltyMatrix}: promoter or not &times; repeat purchasing at or above a threshold gives
 * true, latent, spurious and no loyalty (Dick &amp; Basu 1994, Journal of the Academy of Marketing Science 22(2),
 * 99&ndash;113, https://doi.org/10.1177/0092070394222001).
 *
 * <h2>Entry points</h2>
 * {@link io.loyalty.nps.Nps} (a tally and everything computed from it), {@link io.loyalty.nps.NpsCalculator}
 * (configured scale, interval method and level; breakdowns), {@link io.loyalty.nps.NpsAccumulator} (mergeable
 * tallies for streams and services), {@link io.loyalty.nps.Csat}, {@link io.loyalty.nps.Ces},
 * {@link io.loyalty.nps.LoyaltyMatrix}.
 */
package io.loyalty.nps;
