/**
 * Multi-touch attribution: which channels get the credit for conversions.
 *
 * <p><b>Journeys.</b> {@link io.loyalty.attribution.JourneyBuilder} turns touch events (customer, time, channel,
 * optional cost) and conversion events (customer, time, value) into
 * {@link io.loyalty.attribution.TimedJourneys} (lookback window, optional session merging, costs per channel);
 * {@link io.loyalty.attribution.Journeys} aggregates them by path ({@code a > b > c}
 * with conversions, value and nulls, read and written in ChannelAttribution's {@code Data.csv} format), the
 * sufficient statistic of every model below.
 *
 * <p><b>Rule-based</b> ({@link io.loyalty.attribution.HeuristicAttribution}): journey j with conversions
 * C<sub>j</sub> and touches 1..n gives touch k the credit w<sub>k</sub> C<sub>j</sub> with &sum; w<sub>k</sub> = 1:
 * first touch, last touch, last non-direct, linear (w = 1/n), position-based (40/20/40), time decay
 * (w<sub>k</sub> &prop; 2<sup>&minus;(t<sub>conv</sub> &minus; t<sub>k</sub>)/h</sup>, half-life h = 7 days).
 *
 * <p><b>Markov removal effect</b> ({@link io.loyalty.attribution.MarkovAttribution}), order k = 1..4: the
 * absorbing chain on (start), windows of k channels, (conversion), (null) with transition counts from the paths.
 * With P the probability of absorption in (conversion) from (start), solved exactly from h = Ph + b on the
 * transient states, and P<sub>&minus;c</sub> the same with the states containing c sent to (null),
 * <pre>
 *   RE_c = 1 - P_{-c} / P,        credit_c = C * RE_c / sum_d RE_d.
 * </pre>
 * Anderl, Becker, von Wangenheim &amp; Schumann (2016), International Journal of Research in Marketing 33(3),
 * 457&ndash;474, doi:10.1016/j.ijresmar.2016.03.001. ChannelAttribution (Altomare &amp; Loris) estimates the same
 * quantities by simulating journeys; here they are solved to machine precision and do not vary between runs.
 *
 * <p><b>Shapley</b> ({@link io.loyalty.attribution.ShapleyAttribution}): channels are players, v(S) = conversions
 * of the journeys whose channels all lie in S; the Shapley value reduces to &phi;<sub>j</sub> = &sum;<sub>T &ni;
 * j</sub> R(T)/|T| (Zhao, Mahboobi &amp; Bagheri 2018, arXiv:1804.05327). The general definition is enumerated
 * exactly up to 20 channels and sampled over seeded orderings beyond, with standard errors.
 *
 * <p>{@link io.loyalty.attribution.AttributionComparison} puts the models side by side (with return on spend when
 * costs are given). Every result's credits are {@code >= 0} and sum to the total conversions and value.
 */
package io.loyalty.attribution;
