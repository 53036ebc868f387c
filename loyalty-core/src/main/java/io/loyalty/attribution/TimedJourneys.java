package io.loyalty.attribution;

import io.loyalty.internal.Checks;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Individual journeys with touch times: each a time-ordered list of touches (channel, time in epoch seconds)
 * ending either in a conversion (with its time and value) or without one (a "null" journey, ending at its last
 * touch). Time-decay attribution needs the times; {@link #toJourneys()} drops them and aggregates by path for
 * every other model. Built by {@link JourneyBuilder} from touch and conversion events, or row by row with
 * {@link #builder()}. Immutable.
 *
 * @since 0.1
 */
public final class TimedJourneys {
    private final List<String> channels;
    private final int[] starts;
    private final int[] touchChannels;
    private final long[] touchSeconds;
    private final long[] endSeconds;
    private final double[] conversions;
    private final double[] values;
    private final long unattributedConversions;
    private final double unattributedValue;
    private final double[] channelCosts;

    TimedJourneys(List<String> channels, int[] starts, int[] touchChannels, long[] touchSeconds, long[] endSeconds,
            double[] conversions, double[] values, long unattributedConversions, double unattributedValue,
            double[] channelCosts) {
        this.channels = channels;
        this.starts = starts;
        this.touchChannels = touchChannels;
        this.touchSeconds = touchSeconds;
        this.endSeconds = endSeconds;
        this.conversions = conversions;
        this.values = values;
        this.unattributedConversions = unattributedConversions;
        this.unattributedValue = unattributedValue;
        this.channelCosts = channelCosts;
    }

    /**
     * A builder that takes journeys one at a time.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * The journeys aggregated by path: a converting journey adds 1 conversion and its value to its path, a null
     * journey 1 null.
     *
     * @return the journeys by path
     */
    public Journeys toJourneys() {
        Journeys.Accumulator acc = Journeys.Accumulator.create();
        for (String c : channels) {
            acc.channel(c);
        }
        for (int i = 0; i < size(); i++) {
            acc.addCodes(touchChannels, starts[i], starts[i + 1] - starts[i], conversions[i], values[i],
                    1 - conversions[i]);
        }
        return acc.snapshot();
    }

    /**
     * The channels, in order of first appearance (or as given to {@link JourneyBuilder}).
     *
     * @return an unmodifiable list
     */
    public List<String> channels() {
        return channels;
    }

    /**
     * The number of journeys.
     *
     * @return the count
     */
    public int size() {
        return endSeconds.length;
    }

    /**
     * The number of converting journeys.
     *
     * @return the count
     */
    public long convertingJourneys() {
        long n = 0;
        for (double c : conversions) {
            n += (long) c;
        }
        return n;
    }

    /**
     * Conversions that had no touch within the lookback window, so no journey (and no credit).
     *
     * @return the count
     */
    public long unattributedConversions() {
        return unattributedConversions;
    }

    /**
     * The value of the {@link #unattributedConversions()}.
     *
     * @return the value
     */
    public double unattributedValue() {
        return unattributedValue;
    }

    /**
     * Whether the touch events came with costs ({@link JourneyBuilder} given {@code touchCosts}).
     *
     * @return true if {@link #channelCosts()} holds the spend
     */
    public boolean hasCosts() {
        return channelCosts != null;
    }

    /**
     * The cost of the touch events summed per channel: the spend for return on spend, e.g.
     * {@code AttributionComparison.of(models).withCosts(timed.channelCosts())}. Every touch given counts, also
     * those outside the lookback or merged into a session. All zero without costs (see {@link #hasCosts()}).
     *
     * @return a new array, in the order of {@link #channels()}
     */
    public double[] channelCosts() {
        return channelCosts == null ? new double[channels.size()] : channelCosts.clone();
    }

    /**
     * Journey {@code i}'s touches as channel indexes.
     *
     * @param i the journey
     * @return a new array
     */
    public int[] journeyChannels(int i) {
        Checks.index(i, starts.length - 1, "i");
        return Arrays.copyOfRange(touchChannels, starts[i], starts[i + 1]);
    }

    /**
     * Journey {@code i}'s touch times in epoch seconds.
     *
     * @param i the journey
     * @return a new array
     */
    public long[] journeyTimes(int i) {
        Checks.index(i, starts.length - 1, "i");
        return Arrays.copyOfRange(touchSeconds, starts[i], starts[i + 1]);
    }

    /**
     * Whether journey {@code i} converted.
     *
     * @param i the journey
     * @return true for a conversion
     */
    public boolean converted(int i) {
        return conversions[Checks.index(i, conversions.length, "i")] > 0;
    }

    /**
     * Journey {@code i}'s conversion value (0 for a null journey).
     *
     * @param i the journey
     * @return the value
     */
    public double value(int i) {
        return values[Checks.index(i, values.length, "i")];
    }

    int[] starts() {
        return starts;
    }

    int[] touchChannels() {
        return touchChannels;
    }

    long[] touchSeconds() {
        return touchSeconds;
    }

    long[] endSeconds() {
        return endSeconds;
    }

    double[] conversionArray() {
        return conversions;
    }

    double[] valueArray() {
        return values;
    }

    @Override
    public String toString() {
        return Checks.format("TimedJourneys[%d journeys (%d converting), %d touches, %d channels, "
                + "%d conversions without touches]", size(), convertingJourneys(), touchChannels.length,
                channels.size(), unattributedConversions);
    }

    /**
     * Takes journeys one at a time; {@link #build()} gives the immutable {@link TimedJourneys}. Not thread-safe.
     *
     * @since 0.1
     */
    public static final class Builder {
        private final Map<String, Integer> channelIds = new HashMap<>();
        private final List<String> channelNames = new ArrayList<>();
        private final Growing g = new Growing();
        private long row;

        private Builder() {
        }

        /**
         * Adds a converting journey.
         *
         * @param channels the touches' channels, at least one, each a valid name (see {@link Journeys}); touches at
         *     the same second are put in channel-name order, as {@link JourneyBuilder} does
         * @param touchEpochSeconds the touches' times, non-decreasing, none after the conversion
         * @param conversionEpochSecond the conversion's time
         * @param value the conversion value, {@code >= 0}
         * @return this builder
         * @throws IllegalArgumentException naming the row (from 0) and value
         */
        public Builder addConverted(List<String> channels, long[] touchEpochSeconds, long conversionEpochSecond,
                double value) {
            Checks.notNull(channels, "channels");
            Checks.require(value >= 0 && value < Double.POSITIVE_INFINITY,
                    "row %d: conversion value must be finite and >= 0, got %s", row, value);
            add(channels, touchEpochSeconds, conversionEpochSecond, true, value);
            return this;
        }

        /**
         * Adds a journey that did not convert; it ends at its last touch.
         *
         * @param channels the touches' channels, at least one, each a valid name (see {@link Journeys}); touches at
         *     the same second are put in channel-name order, as {@link JourneyBuilder} does
         * @param touchEpochSeconds the touches' times, non-decreasing
         * @return this builder
         * @throws IllegalArgumentException naming the row (from 0) and value
         */
        public Builder addNull(List<String> channels, long[] touchEpochSeconds) {
            Checks.notNull(channels, "channels");
            Checks.notNull(touchEpochSeconds, "touchEpochSeconds");
            add(channels, touchEpochSeconds,
                    touchEpochSeconds.length == 0 ? 0 : touchEpochSeconds[touchEpochSeconds.length - 1], false, 0);
            return this;
        }

        private void add(List<String> channels, long[] times, long end, boolean converted, double value) {
            Checks.require(channels != null && !channels.isEmpty(), "row %d: the path is empty", row);
            Checks.notNull(times, "touchEpochSeconds");
            Checks.require(times.length == channels.size(), "row %d: %d touch times for %d channels", row,
                    times.length, channels.size());
            String[] names = new String[times.length];
            for (int k = 0; k < times.length; k++) {
                names[k] = Journeys.channelName(channels.get(k), Checks.format("row %d, position %d", row, k + 1));
                long previous = k == 0 ? Long.MIN_VALUE : times[k - 1];
                Checks.require(times[k] >= previous,
                        "row %d: touch times must be non-decreasing, got %d after %d at position %d", row, times[k],
                        previous, k + 1);
                Checks.require(times[k] <= end,
                        "row %d: touch at %d is after its conversion at conversionEpochSecond %d (position %d)", row,
                        times[k], end, k + 1);
            }
            // The tie rule of JourneyBuilder: touches at the same second in channel-name order.
            for (int k = 1; k < names.length; k++) {
                String name = names[k];
                int j = k - 1;
                while (j >= 0 && times[j] == times[k] && JourneyBuilder.compareCodePoints(name, names[j]) < 0) {
                    names[j + 1] = names[j];
                    j--;
                }
                names[j + 1] = name;
            }
            for (int k = 0; k < times.length; k++) {
                String name = names[k];
                Integer id = channelIds.get(name);
                if (id == null) {
                    id = channelNames.size();
                    channelIds.put(name, id);
                    channelNames.add(name);
                }
                g.touch(id, times[k]);
            }
            g.endJourney(end, converted ? 1 : 0, value);
            row++;
        }

        /**
         * The journeys added so far.
         *
         * @return an immutable copy
         */
        public TimedJourneys build() {
            return g.build(Collections.unmodifiableList(new ArrayList<>(channelNames)), 0, 0, null);
        }
    }

    /** Growable flat arrays of journeys, shared by {@link Builder} and {@link JourneyBuilder}. */
    static final class Growing {
        private int[] channel = new int[1024];
        private long[] time = new long[1024];
        private int touches;
        private int[] starts = new int[257];
        private long[] end = new long[256];
        private double[] conv = new double[256];
        private double[] value = new double[256];
        private int journeys;
        /** The time of the latest touch added or merged into the last touch (the session rule's clock). */
        private long lastSeen;

        Growing() {
        }

        Growing(int expectedTouches, int expectedJourneys) {
            channel = new int[Math.max(16, expectedTouches)];
            time = new long[channel.length];
            starts = new int[Math.max(16, expectedJourneys) + 1];
            end = new long[starts.length - 1];
            conv = new double[end.length];
            value = new double[end.length];
        }

        int touchesInJourney() {
            return touches - starts[journeys];
        }

        int lastChannel() {
            return channel[touches - 1];
        }

        long lastTime() {
            return time[touches - 1];
        }

        long lastSeen() {
            return lastSeen;
        }

        void merged(long t) {
            lastSeen = Math.max(lastSeen, t);
        }

        void touch(int c, long t) {
            if (touches == channel.length) {
                channel = Arrays.copyOf(channel, touches * 2);
                time = Arrays.copyOf(time, touches * 2);
            }
            channel[touches] = c;
            time[touches++] = t;
            lastSeen = t;
        }

        void endJourney(long endTime, double conversions, double val) {
            if (journeys + 1 == starts.length) {
                int cap = end.length * 2;
                starts = Arrays.copyOf(starts, cap + 1);
                end = Arrays.copyOf(end, cap);
                conv = Arrays.copyOf(conv, cap);
                value = Arrays.copyOf(value, cap);
            }
            end[journeys] = endTime;
            conv[journeys] = conversions;
            value[journeys] = val;
            starts[++journeys] = touches;
        }

        TimedJourneys build(List<String> names, long unattributed, double unattributedValue, double[] costs) {
            return new TimedJourneys(names, Arrays.copyOf(starts, journeys + 1), Arrays.copyOf(channel, touches),
                    Arrays.copyOf(time, touches), Arrays.copyOf(end, journeys), Arrays.copyOf(conv, journeys),
                    Arrays.copyOf(value, journeys), unattributed, unattributedValue, costs);
        }
    }
}
