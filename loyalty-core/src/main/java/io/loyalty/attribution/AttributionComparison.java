package io.loyalty.attribution;

import io.loyalty.internal.Checks;
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

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("Conversions credited (share of all conversions)\n");
        sb.append(Checks.format("%-12s", "channel"));
        for (Attribution a : models) {
            sb.append(Checks.format(" %22s", a.model()));
        }
        sb.append('\n');
        double[][] conv = new double[models.size()][];
        double[] totals = new double[models.size()];
        for (int m = 0; m < models.size(); m++) {
            conv[m] = models.get(m).conversions();
            totals[m] = models.get(m).totalConversions();
        }
        for (int c = 0; c < channels().size(); c++) {
            sb.append(Checks.format("%-12s", channels().get(c)));
            for (int m = 0; m < models.size(); m++) {
                sb.append(Checks.format(" %13.1f (%5.1f%%)", conv[m][c], totals[m] > 0 ? 100 * conv[m][c] / totals[m]
                        : 0.0));
            }
            sb.append('\n');
        }
        sb.append("Value credited");
        sb.append(costs == null ? "\n" : " / return on spend\n");
        for (int c = 0; c < channels().size(); c++) {
            sb.append(Checks.format("%-12s", channels().get(c)));
            for (int m = 0; m < models.size(); m++) {
                double v = models.get(m).values()[c];
                sb.append(costs == null ? Checks.format(" %22.1f", v)
                        : Checks.format(" %13.1f / %6.2f", v, returnOnSpend(m, c)));
            }
            sb.append('\n');
        }
        return sb.toString();
    }
}
