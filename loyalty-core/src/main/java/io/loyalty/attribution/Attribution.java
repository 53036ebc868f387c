package io.loyalty.attribution;

import io.loyalty.internal.Checks;
import io.loyalty.internal.TextTable;
import java.io.Writer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The result of one attribution model: conversions and conversion value credited to each channel. Credits are
 * {@code >= 0} and sum to the total conversions and total value of the journeys (up to rounding). Immutable;
 * arrays are copied in and out; {@code equals} is identity.
 *
 * @since 0.1
 */
public final class Attribution {
    private final String model;
    private final List<String> channels;
    private final double[] conversions;
    private final double[] values;

    private Attribution(String model, List<String> channels, double[] conversions, double[] values) {
        this.model = model;
        this.channels = channels;
        this.conversions = conversions;
        this.values = values;
    }

    /**
     * A result from its parts.
     *
     * @param model the model's name, e.g. "markov order 1"
     * @param channels the channel names, none null, none repeated
     * @param conversions conversions credited per channel, same order, each finite and {@code >= 0}
     * @param values value credited per channel, same order, each finite and {@code >= 0}
     * @return the result
     * @throws IllegalArgumentException naming the channel for a NaN, infinite or negative credit
     */
    public static Attribution of(String model, List<String> channels, double[] conversions, double[] values) {
        Checks.notBlank(model, "model");
        Checks.notNull(channels, "channels");
        Checks.sameLength(channels.size(), Checks.notNull(conversions, "conversions").length, "conversions");
        Checks.sameLength(channels.size(), Checks.notNull(values, "values").length, "values");
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < channels.size(); i++) {
            String c = Checks.notNull(channels.get(i), "channels[" + i + "]");
            Checks.require(seen.add(c), "channels[%d]: '%s' repeats an earlier channel", i, c);
            Checks.require(conversions[i] >= 0 && conversions[i] < Double.POSITIVE_INFINITY,
                    "conversions[%d] (%s) must be finite and >= 0, got %s", i, c, conversions[i]);
            Checks.require(values[i] >= 0 && values[i] < Double.POSITIVE_INFINITY,
                    "values[%d] (%s) must be finite and >= 0, got %s", i, c, values[i]);
        }
        return new Attribution(model, Collections.unmodifiableList(new ArrayList<>(channels)), conversions.clone(),
                values.clone());
    }

    /**
     * The model's name.
     *
     * @return the name
     */
    public String model() {
        return model;
    }

    /**
     * The channels, in the order of the journeys' first appearance.
     *
     * @return an unmodifiable list
     */
    public List<String> channels() {
        return channels;
    }

    /**
     * Conversions credited per channel.
     *
     * @return a new array, in the order of {@link #channels()}
     */
    public double[] conversions() {
        return conversions.clone();
    }

    /**
     * Conversion value credited per channel.
     *
     * @return a new array, in the order of {@link #channels()}
     */
    public double[] values() {
        return values.clone();
    }

    /**
     * Conversions credited to one channel.
     *
     * @param channel the channel's name
     * @return the credit
     * @throws IllegalArgumentException if the channel is unknown
     */
    public double conversions(String channel) {
        return conversions[index(channel)];
    }

    /**
     * Value credited to one channel.
     *
     * @param channel the channel's name
     * @return the credit
     * @throws IllegalArgumentException if the channel is unknown
     */
    public double value(String channel) {
        return values[index(channel)];
    }

    /**
     * The sum of the conversion credits.
     *
     * @return the total
     */
    public double totalConversions() {
        return Arrays.stream(conversions).sum();
    }

    /**
     * The sum of the value credits.
     *
     * @return the total
     */
    public double totalValue() {
        return Arrays.stream(values).sum();
    }

    private int index(String channel) {
        int i = channels.indexOf(channel);
        Checks.require(i >= 0, "channel '%s' is not among %s", channel, channels);
        return i;
    }

    /** The model, then one row per channel with the columns of {@link #writeCsv(Writer)}. */
    @Override
    public String toString() {
        return textTable().toString();
    }

    TextTable textTable() {
        TextTable.Builder b = TextTable.builder().title(model).text("channel").decimal("conversions", 3)
                .percent("share", 2).decimal("value", 3);
        double total = totalConversions();
        for (int i = 0; i < channels.size(); i++) {
            b.row(channels.get(i), conversions[i], total > 0 ? conversions[i] / total : 0.0, values[i]);
        }
        return b.build();
    }

    /**
     * Writes the table of {@link #toString()} as CSV with full precision (rounding is only for print): one row per channel, {@code channel, conversions, share, value} (share of all conversions, as a fraction).
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
