package io.loyalty.attribution;

import io.loyalty.internal.Checks;
import io.loyalty.internal.TextTable;
import java.io.Writer;
import java.nio.file.Path;
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

    /** The chain, then one row per channel with the columns of {@link #writeCsv(Writer)}. */
    @Override
    public String toString() {
        return textTable().toString();
    }

    TextTable textTable() {
        TextTable.Builder b = TextTable.builder().title(Checks.format(
                "Markov order %d%s: %d states, P(conversion) = %.7f, expected value %.6f", order,
                withNulls ? " with nulls" : " without nulls", transitions.states().size(), conversionProbability,
                expectedValue))
                .text("channel").decimal("removal_effect", 6).decimal("value_removal_effect", 6)
                .decimal("conversions", 3).decimal("value", 3);
        double[] c = attribution.conversions();
        double[] v = attribution.values();
        for (int i = 0; i < c.length; i++) {
            b.row(channels().get(i), removalEffects[i], valueRemovalEffects[i], c[i], v[i]);
        }
        return b.build();
    }

    /**
     * Writes the table of {@link #toString()} as CSV with full precision (rounding is only for print): one row per channel, {@code channel, removal_effect, value_removal_effect, conversions, value}.
     * Column names are those of the Tablesaw adapter; see {@code docs/data.md}.
     *
     * @param out where to write; not closed
     * @throws java.io.UncheckedIOException if writing fails
     * @since 0.2
     */
    public void writeCsv(Writer out) {
        Checks.notNull(out, "out");
        textTable().writeCsv(out);
    }

    /**
     * Writes the CSV of {@link #writeCsv(Writer)} to a file in UTF-8, replacing it.
     *
     * @param csvFile the file
     * @throws java.io.UncheckedIOException if writing fails
     * @since 0.2
     */
    public void writeCsv(Path csvFile) {
        Checks.notNull(csvFile, "csvFile");
        textTable().writeCsv(csvFile);
    }
}
