package io.loyalty.attribution;

import io.loyalty.internal.Checks;
import io.loyalty.internal.TextTable;
import java.io.Writer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Several models side by side per channel: conversions, value and share of each, and return on spend (value /
 * cost) when the channels' costs are given. Immutable.
 *
 * @since 0.1
 */
public final class AttributionComparison {
    private final List<Attribution> models;
    private final double[] costs;

    private AttributionComparison(List<Attribution> models, double[] costs) {
        this.models = models;
        this.costs = costs;
    }

    /**
     * Compares results over the same channels.
     *
     * @param models the results, at least one, all with the same channels in the same order
     * @return the comparison
     * @throws IllegalArgumentException if the channels differ
     */
    public static AttributionComparison of(List<Attribution> models) {
        Checks.require(models != null && !models.isEmpty(), "models must not be empty");
        List<String> channels = Checks.notNull(models.get(0), "models[0]").channels();
        for (int m = 1; m < models.size(); m++) {
            Attribution a = Checks.notNull(models.get(m), "models[" + m + "]");
            Checks.require(a.channels().equals(channels), "models[%d] (%s) has channels %s, expected %s", m,
                    a.model(), a.channels(), channels);
        }
        return new AttributionComparison(Collections.unmodifiableList(new ArrayList<>(models)), null);
    }

    /**
     * Adds the channels' costs, for return on spend. From touch events with costs:
     * {@code withCosts(timedJourneys.channelCosts())} (see {@link TimedJourneys#channelCosts()}).
     *
     * @param costs cost per channel, in the order of {@link #channels()}, each {@code >= 0}
     * @return a new comparison
     */
    public AttributionComparison withCosts(double[] costs) {
        Checks.notNull(costs, "costs");
        Checks.sameLength(channels().size(), costs.length, "costs");
        for (int i = 0; i < costs.length; i++) {
            Checks.nonNegative(costs[i], "costs[" + i + "] (" + channels().get(i) + ")");
        }
        return new AttributionComparison(models, costs.clone());
    }

    /**
     * Whether costs were given ({@link #withCosts(double[])}).
     *
     * @return true if return on spend is available
     */
    public boolean hasCosts() {
        return costs != null;
    }

    /**
     * The channels' costs.
     *
     * @return a new array in the order of {@link #channels()}; empty when no costs were given
     */
    public double[] costs() {
        return costs == null ? new double[0] : costs.clone();
    }

    /**
     * The results compared.
     *
     * @return an unmodifiable list
     */
    public List<Attribution> models() {
        return models;
    }

    /**
     * The channels.
     *
     * @return an unmodifiable list
     */
    public List<String> channels() {
        return models.get(0).channels();
    }

    /**
     * Return on spend of one model for one channel: credited value / cost (NaN-free: infinite for a zero cost
     * with value, 0 for no value); empty costs give 0.
     *
     * @param model index into {@link #models()}
     * @param channel index into {@link #channels()}
     * @return the return on spend
     */
    public double returnOnSpend(int model, int channel) {
        Checks.require(model >= 0 && model < models.size(), "model must be in 0..%d, got %d", models.size() - 1,
                model);
        Checks.require(channel >= 0 && channel < channels().size(), "channel must be in 0..%d, got %d",
                channels().size() - 1, channel);
        if (costs == null) {
            return 0;
        }
        double v = models.get(model).values()[channel];
        return v == 0 ? 0 : v / costs[channel];
    }

    /**
     * Two tables, one column per model: the conversions each model credits with their share of the model's
     * conversions, then the value credited (with the return on spend when costs were given); {@link #writeCsv(Writer)}
     * has every number in its own column.
     */
    @Override
    public String toString() {
        TextTable.Builder conversions = TextTable.builder()
                .title("Conversions credited (share of each model's conversions)").text("channel");
        TextTable.Builder value = TextTable.builder()
                .title(costs == null ? "Value credited" : "Value credited / return on spend").text("channel");
        for (Attribution a : models) {
            conversions.decimal(a.model(), 1);
            value.decimal(a.model(), 1);
        }
        for (int c = 0; c < channels().size(); c++) {
            Object[] first = new Object[models.size() + 1];
            Object[] second = new Object[models.size() + 1];
            first[0] = channels().get(c);
            second[0] = channels().get(c);
            for (int m = 0; m < models.size(); m++) {
                Attribution a = models.get(m);
                double total = a.totalConversions();
                double credited = a.conversions()[c];
                first[m + 1] = TextTable.marked(credited, Checks.format(" (%5.1f%%)",
                        total > 0 ? 100 * credited / total : 0.0));
                double v = a.values()[c];
                second[m + 1] = costs == null ? v : TextTable.marked(v, Checks.format(" / %.2f", returnOnSpend(m, c)));
            }
            conversions.row(first);
            value.row(second);
        }
        return conversions.build().toString() + value.build();
    }

    /** Every column, one row per channel, as {@code AttributionTables.toTable} has them. */
    TextTable textTable() {
        TextTable.Builder b = TextTable.builder().text("channel");
        for (Attribution a : models) {
            b.decimal(a.model() + " conversions", 1).decimal(a.model() + " value", 1).percent(a.model() + " share", 1);
        }
        if (costs != null) {
            b.decimal("cost", 1);
            for (Attribution a : models) {
                b.decimal(a.model() + " return on spend", 2);
            }
        }
        int nc = channels().size();
        for (int c = 0; c < nc; c++) {
            List<Object> row = new ArrayList<>();
            row.add(channels().get(c));
            for (Attribution a : models) {
                double total = a.totalConversions();
                row.add(a.conversions()[c]);
                row.add(a.values()[c]);
                row.add(total > 0 ? a.conversions()[c] / total : 0.0);
            }
            if (costs != null) {
                row.add(costs[c]);
                for (int m = 0; m < models.size(); m++) {
                    row.add(returnOnSpend(m, c));
                }
            }
            b.row(row.toArray());
        }
        return b.build();
    }

    /**
     * Writes the table of {@link #toString()} as CSV with full precision (rounding is only for print): one row per channel, {@code channel}, then {@code <model> conversions}, {@code <model> value} and {@code <model> share} for each model, then, when costs were given, {@code cost} and {@code <model> return on spend} for each model.
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
