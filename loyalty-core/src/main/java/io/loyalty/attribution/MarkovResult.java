package io.loyalty.attribution;

import io.loyalty.internal.Checks;
import java.util.List;

/**
 * The result of {@link MarkovAttribution}: the conversion probability from (start), the removal effects and the
 * credits, with the transition matrix. Immutable; arrays are copied out.
 *
 * @since 0.1
 */
public final class MarkovResult {
    private final int order;
    private final boolean withNulls;
    private final double conversionProbability;
    private final double expectedValue;
    private final double[] removalEffects;
    private final double[] valueRemovalEffects;
    private final Attribution attribution;
    private final TransitionMatrix transitions;

    MarkovResult(int order, boolean withNulls, double conversionProbability, double expectedValue,
            double[] removalEffects, double[] valueRemovalEffects, Attribution attribution,
            TransitionMatrix transitions) {
        this.order = order;
        this.withNulls = withNulls;
        this.conversionProbability = conversionProbability;
        this.expectedValue = expectedValue;
        this.removalEffects = removalEffects;
        this.valueRemovalEffects = valueRemovalEffects;
        this.attribution = attribution;
        this.transitions = transitions;
    }

    /**
     * The chain's order.
     *
     * @return 1 to 4
     */
    public int order() {
        return order;
    }

    /**
     * Whether null journeys entered the chain.
     *
     * @return true if they did
     */
    public boolean usesNulls() {
        return withNulls;
    }

    /**
     * The probability of reaching (conversion) from (start); with nulls it equals conversions / (conversions +
     * nulls) for every order.
     *
     * @return the probability
     */
    public double conversionProbability() {
        return conversionProbability;
    }

    /**
     * The expected conversion value of a journey from (start).
     *
     * @return the value
     */
    public double expectedValue() {
        return expectedValue;
    }

    /**
     * The channels, in the order of the journeys' first appearance.
     *
     * @return an unmodifiable list
     */
    public List<String> channels() {
        return attribution.channels();
    }

    /**
     * Removal effects on conversions, {@code 1 - P(conversion without the channel) / P(conversion)}, in [0, 1].
     *
     * @return a new array, in the order of {@link #channels()}
     */
    public double[] removalEffects() {
        return removalEffects.clone();
    }

    /**
     * Removal effects on the expected conversion value, in [0, 1].
     *
     * @return a new array, in the order of {@link #channels()}
     */
    public double[] valueRemovalEffects() {
        return valueRemovalEffects.clone();
    }

    /**
     * The credits: conversions and value split in proportion to the removal effects.
     *
     * @return the attribution
     */
    public Attribution attribution() {
        return attribution;
    }

    /**
     * The estimated transition matrix.
     *
     * @return the matrix
     */
    public TransitionMatrix transitions() {
        return transitions;
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder(Checks.format(
                "Markov order %d%s: %d states, P(conversion) = %.7f, expected value %.6f%n", order,
                withNulls ? " with nulls" : " without nulls", transitions.states().size(), conversionProbability,
                expectedValue));
        sb.append(Checks.format("%-16s %10s %10s %14s %14s%n", "channel", "RE conv", "RE value", "conversions",
                "value"));
        double[] c = attribution.conversions();
        double[] v = attribution.values();
        for (int i = 0; i < c.length; i++) {
            sb.append(Checks.format("%-16s %10.6f %10.6f %14.3f %14.3f%n", channels().get(i), removalEffects[i],
                    valueRemovalEffects[i], c[i], v[i]));
        }
        return sb.toString();
    }
}
