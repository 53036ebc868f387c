package io.loyalty.spark;

import io.loyalty.attribution.Journeys;

import java.util.Locale;

/**
 * Path counts collected on the driver by {@link SparkAttribution#collect}: the core's {@link Journeys} (each
 * distinct path with its conversions, value and nulls), which every model of {@code io.loyalty.attribution} takes,
 * and the conversions that had no touch within the lookback (no path, so no credit), as the core's
 * {@link io.loyalty.attribution.TimedJourneys#unattributedConversions()}. Immutable.
 *
 * @since 0.1
 */
public final class PathCounts {
    private final Journeys journeys;
    private final double unattributedConversions;
    private final double unattributedValue;

    PathCounts(Journeys journeys, double unattributedConversions, double unattributedValue) {
        this.journeys = journeys;
        this.unattributedConversions = unattributedConversions;
        this.unattributedValue = unattributedValue;
    }

    /** @return the journeys aggregated by path, for the core's heuristic, Markov and Shapley models */
    public Journeys journeys() {
        return journeys;
    }

    /** @return the conversions without a touch within the lookback (0 for counts of already aggregated paths) */
    public double unattributedConversions() {
        return unattributedConversions;
    }

    /** @return the value of the {@link #unattributedConversions()} */
    public double unattributedValue() {
        return unattributedValue;
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "PathCounts[%s, unattributed conversions %s, value %.2f]", journeys,
                unattributedConversions, unattributedValue);
    }
}
