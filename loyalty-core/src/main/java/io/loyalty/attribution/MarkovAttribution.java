package io.loyalty.attribution;

import io.loyalty.internal.Checks;

/**
 * Markov-chain removal-effect attribution of order 1 to 4, computed exactly (no simulation).
 *
 * <p>The journeys define an absorbing chain: (start), one state per window of {@code order} consecutive
 * channels, (conversion) and (null), with maximum-likelihood transition probabilities (see
 * {@link MarkovResult#transitions()}). Let <i>P</i> be the probability of reaching (conversion) from (start) and
 * <i>P</i><sub>&minus;c</sub> the same with every state containing channel c sent to (null). Then
 * <pre>
 *   removal effect   RE_c = 1 - P_{-c} / P
 *   credit           conversions_c = C * RE_c / sum_d RE_d
 * </pre>
 * with C the total conversions; values likewise with the expected conversion value in place of P (a conversion
 * from a state is worth the mean value of the conversions observed from it), which is what ChannelAttribution's
 * simulation estimates. Each probability solves a sparse linear system (one per channel plus one), iterated to
 * machine precision; the answer is the same on every run.
 *
 * <p>Unlike the rule-based and Shapley models, a channel on no converting path can get credit here: a null path
 * {@code a > x > b} adds the transitions a &rarr; x &rarr; b, and if b converts on other paths, sending x to (null)
 * lowers P. This is the removal-effect model's nature (ChannelAttribution's simulation does the same); a channel
 * from whose states no transition leads toward (conversion) gets 0.
 *
 * <p>Without nulls, only converting journeys enter the chain (P = 1) and the removal effect is the share of
 * conversion probability that must pass through the channel.
 *
 * <p>References: Anderl, Becker, von Wangenheim &amp; Schumann (2016), "Mapping the customer journey: Lessons
 * learned from graph-based online attribution modeling", International Journal of Research in Marketing 33(3),
 * 457&ndash;474, doi:10.1016/j.ijresmar.2016.03.001; ChannelAttribution (Altomare &amp; Loris), {@code markov_model}.
 *
 * @since 0.1
 */
public final class MarkovAttribution {
    private static final MarkovAttribution DEFAULTS = new MarkovAttribution(1, true);

    private final int order;
    private final boolean withNulls;

    private MarkovAttribution(int order, boolean withNulls) {
        this.order = order;
        this.withNulls = withNulls;
    }

    /**
     * Order 1, with null journeys.
     *
     * @return the default model
     */
    public static MarkovAttribution withDefaults() {
        return DEFAULTS;
    }

    /**
     * The chain's order: how many consecutive channels make a state.
     *
     * @param order 1 to 4
     * @return a new configuration
     * @throws IllegalArgumentException if the order lies outside 1..4
     */
    public MarkovAttribution withOrder(int order) {
        Checks.require(order >= 1 && order <= 4, "order must lie in 1..4, got %d", order);
        return new MarkovAttribution(order, withNulls);
    }

    /**
     * Whether non-converting journeys enter the chain (they do by default).
     *
     * @param withNulls true to use the null counts
     * @return a new configuration
     */
    public MarkovAttribution withNulls(boolean withNulls) {
        return new MarkovAttribution(order, withNulls);
    }

    /**
     * Estimates the chain and computes the removal effects and credits.
     *
     * @param journeys the journeys
     * @return the result
     * @throws IllegalArgumentException if there are more than 65,534 channels
     * @throws io.loyalty.stats.ConvergenceException if the chain has more than 500 states and is so close to non-absorbing (journeys
     *     cycling between channels for hundreds of thousands of touches) that a million sweeps do not reach machine
     *     precision
     */
    public MarkovResult attribute(Journeys journeys) {
        Checks.notNull(journeys, "journeys");
        int nc = journeys.channels().size();
        Checks.require(nc <= 65_534, "at most 65534 channels are supported, got %d", nc);
        MarkovChain chain = MarkovChain.estimate(journeys, order, withNulls);
        double[] h = new double[chain.states];
        double[] g = new double[chain.states];
        chain.solve(null, h, g);
        double p = h[0];
        double v = g[0];
        double[] re = new double[nc];
        double[] reValue = new double[nc];
        double[] hc = new double[chain.states];
        double[] gc = new double[chain.states];
        for (int c = 0; c < nc; c++) {
            // Start from the full solution: removal only lowers it, so the sweeps descend to the new one.
            System.arraycopy(h, 0, hc, 0, h.length);
            System.arraycopy(g, 0, gc, 0, g.length);
            chain.solve(chain.statesWith(c), hc, gc);
            re[c] = p > 0 ? clampUnit(1 - hc[0] / p) : 0;
            reValue[c] = v > 0 ? clampUnit(1 - gc[0] / v) : 0;
        }
        double[] conv = share(re, journeys.totalConversions());
        double[] val = share(reValue, journeys.totalValue());
        String name = Checks.format("markov order %d%s", order, withNulls ? "" : " (no nulls)");
        return new MarkovResult(order, withNulls, p, v, re, reValue,
                Attribution.of(name, journeys.channels(), conv, val), TransitionMatrix.of(chain, journeys.channels()));
    }

    private static double clampUnit(double x) {
        return Math.max(0, Math.min(1, x));
    }

    private static double[] share(double[] weights, double total) {
        double sum = 0;
        for (double w : weights) {
            sum += w;
        }
        double[] out = new double[weights.length];
        if (sum > 0) {
            for (int i = 0; i < out.length; i++) {
                out[i] = total * weights[i] / sum;
            }
        }
        return out;
    }

    @Override
    public String toString() {
        return Checks.format("MarkovAttribution[order=%d, withNulls=%s]", order, withNulls);
    }
}
