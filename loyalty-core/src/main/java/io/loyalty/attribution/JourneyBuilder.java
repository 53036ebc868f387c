package io.loyalty.attribution;

import io.loyalty.internal.Checks;
import io.loyalty.internal.ExactSum;
import io.loyalty.internal.IndexSort;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Builds journeys from events: touches (customer, time, channel, optional cost) and conversions (customer, time,
 * value).
 *
 * <p>For each customer, with touches and conversions in time order, conversion <i>j</i> at time
 * <i>c<sub>j</sub></i> gets the touches with <i>c<sub>j-1</sub></i> &lt; <i>t</i> &le; <i>c<sub>j</sub></i>
 * (<i>c<sub>0</sub></i> = &minus;&infin;) and <i>t</i> &ge; <i>c<sub>j</sub></i> &minus; lookback; a conversion
 * without such touches is counted as unattributed. The touches after the customer's last conversion make one
 * non-converting ("null") journey, those within the lookback before its last touch. With a session gap, a touch of
 * the same channel as the journey's previous touch and at most the gap after the latest touch of that session is
 * merged into it (an inactivity gap: touches every 20 minutes with a 30-minute gap make one session however long;
 * the session keeps its first time). Touches may carry a cost, summed per channel for return on spend. Customer
 * ids are hashed once into dense ints and events grouped by a counting sort, so the work is linear in the events
 * apart from sorting each customer's few events by time.
 *
 * <p>Ties: touches at the same second are ordered by channel name (Unicode code point order, the order of the
 * names' UTF-8 bytes), and conversions at the same second by value, largest first (it takes the touches; the others
 * at that second have none left and count as unattributed); so the journeys do not depend on the order of the
 * rows. A lookback reaching before the earliest representable second starts there (it saturates, never wraps).
 * Channel names are checked and trimmed as {@link Journeys} describes.
 *
 * <p>Immutable; configure with {@code withX}. Arrays are read, never modified.
 *
 * @since 0.1
 */
public final class JourneyBuilder {
    private static final JourneyBuilder DEFAULTS = new JourneyBuilder(30L * 86_400, -1);

    private final long lookbackSeconds;
    private final long sessionGapSeconds;

    private JourneyBuilder(long lookbackSeconds, long sessionGapSeconds) {
        this.lookbackSeconds = lookbackSeconds;
        this.sessionGapSeconds = sessionGapSeconds;
    }

    /**
     * Lookback 30 days, no session merging.
     *
     * @return the default builder
     */
    public static JourneyBuilder withDefaults() {
        return DEFAULTS;
    }

    /**
     * The lookback window: touches longer than this before a conversion are not part of its journey.
     *
     * @param lookback a positive duration, at least one second
     * @return a new builder
     */
    public JourneyBuilder withLookback(Duration lookback) {
        Checks.notNull(lookback, "lookback");
        Checks.require(lookback.getSeconds() > 0, "lookback must be > 0 (at least 1 second), got %s", lookback);
        return new JourneyBuilder(lookback.getSeconds(), sessionGapSeconds);
    }

    /**
     * Merges consecutive touches of the same channel, each at most {@code gap} after the previous one, into one
     * touch (a session ends after {@code gap} without a touch of its channel; it keeps its first time).
     *
     * @param gap a duration {@code >= 0}
     * @return a new builder
     */
    public JourneyBuilder withSessionGap(Duration gap) {
        Checks.notNull(gap, "gap");
        Checks.require(!gap.isNegative(), "session gap must be >= 0, got %s", gap);
        return new JourneyBuilder(lookbackSeconds, gap.getSeconds());
    }

    /**
     * The lookback window (see {@link #withLookback(Duration)}).
     *
     * @return the window, at least one second
     */
    public Duration lookback() {
        return Duration.ofSeconds(lookbackSeconds);
    }

    /**
     * The session gap (see {@link #withSessionGap(Duration)}), if touches are merged into sessions.
     *
     * @return the gap, or empty when every touch is kept
     */
    public Optional<Duration> sessionGap() {
        return sessionGapSeconds < 0 ? Optional.empty() : Optional.of(Duration.ofSeconds(sessionGapSeconds));
    }

    /**
     * Builds journeys from events with text ids and channel names.
     *
     * @param touchCustomers customer per touch
     * @param touchEpochSeconds time per touch
     * @param touchChannels channel name per touch
     * @param conversionCustomers customer per conversion
     * @param conversionEpochSeconds time per conversion
     * @param conversionValues value per conversion, {@code >= 0}
     * @return the journeys; channels in order of first appearance among the touches
     */
    public TimedJourneys build(String[] touchCustomers, long[] touchEpochSeconds, String[] touchChannels,
            String[] conversionCustomers, long[] conversionEpochSeconds, double[] conversionValues) {
        return build(touchCustomers, touchEpochSeconds, touchChannels, null, conversionCustomers,
                conversionEpochSeconds, conversionValues);
    }

    /**
     * Builds journeys from events with text ids and channel names, each touch with its cost; the costs are
     * summed per channel into {@link TimedJourneys#channelCosts()} (every touch given counts, also those outside
     * the lookback or merged into a session: they were paid for), for return on spend in
     * {@link AttributionComparison#withCosts(double[])}.
     *
     * @param touchCustomers customer per touch
     * @param touchEpochSeconds time per touch
     * @param touchChannels channel name per touch
     * @param touchCosts cost per touch, finite and {@code >= 0}; {@code null} for no costs
     * @param conversionCustomers customer per conversion
     * @param conversionEpochSeconds time per conversion
     * @param conversionValues value per conversion, {@code >= 0}
     * @return the journeys; channels in order of first appearance among the touches
     * @throws IllegalArgumentException naming the row for a bad channel, cost or value
     */
    public TimedJourneys build(String[] touchCustomers, long[] touchEpochSeconds, String[] touchChannels,
            double[] touchCosts, String[] conversionCustomers, long[] conversionEpochSeconds,
            double[] conversionValues) {
        Checks.notNull(touchCustomers, "touchCustomers");
        Checks.notNull(touchChannels, "touchChannels");
        Checks.notNull(conversionCustomers, "conversionCustomers");
        Map<String, Long> customerIds = new HashMap<>();
        Map<String, Integer> channelIds = new HashMap<>();
        List<String> names = new ArrayList<>();
        long[] tc = new long[touchCustomers.length];
        int[] ch = new int[touchChannels.length];
        for (int i = 0; i < tc.length; i++) {
            tc[i] = customerIds.computeIfAbsent(Checks.notNull(touchCustomers[i], "touchCustomers[" + i + "]"),
                    k -> (long) customerIds.size());
        }
        for (int i = 0; i < ch.length; i++) {
            String name = Journeys.channelName(touchChannels[i], "touchChannels row " + i);
            ch[i] = channelIds.computeIfAbsent(name, k -> {
                names.add(k);
                return names.size() - 1;
            });
        }
        long[] cc = new long[conversionCustomers.length];
        for (int i = 0; i < cc.length; i++) {
            cc[i] = customerIds.computeIfAbsent(
                    Checks.notNull(conversionCustomers[i], "conversionCustomers[" + i + "]"),
                    k -> (long) customerIds.size());
        }
        return build(tc, touchEpochSeconds, ch, touchCosts, names, cc, conversionEpochSeconds, conversionValues);
    }

    /**
     * Builds journeys from events as primitive columns: the fast path.
     *
     * @param touchCustomers customer id per touch (any long)
     * @param touchEpochSeconds time per touch
     * @param touchChannels channel per touch, an index into {@code channels}
     * @param channels the channel names
     * @param conversionCustomers customer id per conversion
     * @param conversionEpochSeconds time per conversion
     * @param conversionValues value per conversion, {@code >= 0}
     * @return the journeys, channels as given (trimmed)
     * @throws IllegalArgumentException naming the row for a channel index out of range or a bad value, or the
     *     channel for a name that is not valid (see {@link Journeys}) or repeated
     */
    public TimedJourneys build(long[] touchCustomers, long[] touchEpochSeconds, int[] touchChannels,
            List<String> channels, long[] conversionCustomers, long[] conversionEpochSeconds,
            double[] conversionValues) {
        return build(touchCustomers, touchEpochSeconds, touchChannels, null, channels, conversionCustomers,
                conversionEpochSeconds, conversionValues);
    }

    /**
     * Builds journeys from events as primitive columns, each touch with its cost: the fast path with costs. The
     * costs are summed per channel into {@link TimedJourneys#channelCosts()} (every touch given counts, also those
     * outside the lookback or merged into a session).
     *
     * @param touchCustomers customer id per touch (any long)
     * @param touchEpochSeconds time per touch
     * @param touchChannels channel per touch, an index into {@code channels}
     * @param touchCosts cost per touch, finite and {@code >= 0}; {@code null} for no costs
     * @param channels the channel names
     * @param conversionCustomers customer id per conversion
     * @param conversionEpochSeconds time per conversion
     * @param conversionValues value per conversion, {@code >= 0}
     * @return the journeys, channels as given (trimmed)
     * @throws IllegalArgumentException naming the row for a channel index out of range, a bad cost or value, or
     *     the channel for a name that is not valid (see {@link Journeys}) or repeated
     */
    public TimedJourneys build(long[] touchCustomers, long[] touchEpochSeconds, int[] touchChannels,
            double[] touchCosts, List<String> channels, long[] conversionCustomers, long[] conversionEpochSeconds,
            double[] conversionValues) {
        int n = Checks.notNull(touchCustomers, "touchCustomers").length;
        Checks.sameLength(n, Checks.notNull(touchEpochSeconds, "touchEpochSeconds").length, "touchEpochSeconds");
        Checks.sameLength(n, Checks.notNull(touchChannels, "touchChannels").length, "touchChannels");
        Checks.notNull(channels, "channels");
        int m = Checks.notNull(conversionCustomers, "conversionCustomers").length;
        Checks.sameLength(m, Checks.notNull(conversionEpochSeconds, "conversionEpochSeconds").length,
                "conversionEpochSeconds");
        Checks.sameLength(m, Checks.notNull(conversionValues, "conversionValues").length, "conversionValues");
        List<String> names = new ArrayList<>(channels.size());
        Map<String, Integer> seen = new HashMap<>();
        for (int c = 0; c < channels.size(); c++) {
            String name = Journeys.channelName(channels.get(c), "channels[" + c + "]");
            Integer before = seen.put(name, c);
            Checks.require(before == null, "channels[%d]: channel name '%s' repeats channels[%d]", c, name, before);
            names.add(name);
        }
        int nc = channels.size();
        for (int i = 0; i < n; i++) {
            int c = touchChannels[i];
            if (c < 0 || c >= nc) {
                throw new IllegalArgumentException(Checks.format(
                        "touchChannels row %d: channel index %d outside 0..%d", i, c, nc - 1));
            }
        }
        double[] channelCosts = null;
        if (touchCosts != null) {
            Checks.sameLength(n, touchCosts.length, "touchCosts");
            // Summed exactly, so that the spend does not depend on the order of the rows.
            ExactSum[] spend = new ExactSum[nc];
            for (int c = 0; c < nc; c++) {
                spend[c] = new ExactSum();
            }
            for (int i = 0; i < n; i++) {
                double cost = touchCosts[i];
                if (!(cost >= 0 && cost < Double.POSITIVE_INFINITY)) {
                    throw new IllegalArgumentException(Checks.format(
                            "touchCosts row %d: cost must be finite and >= 0, got %s", i, cost));
                }
                spend[touchChannels[i]].add(cost);
            }
            channelCosts = new double[nc];
            for (int c = 0; c < nc; c++) {
                channelCosts[c] = spend[c].value();
                Checks.require(channelCosts[c] < Double.POSITIVE_INFINITY,
                        "touchCosts: the cost of channel '%s' sums beyond the largest double", names.get(c));
            }
        }
        for (int i = 0; i < m; i++) {
            double v = conversionValues[i];
            if (!(v >= 0 && v < Double.POSITIVE_INFINITY)) {
                throw new IllegalArgumentException(Checks.format(
                        "conversionValues row %d: value must be finite and >= 0, got %s", i, v));
            }
        }
        // Dense customer ids in order of first appearance (touches first), then both event sets grouped by them.
        LongIntMap ids = new LongIntMap(Math.max(16, (n + m) / 4));
        int[] tDense = new int[n];
        for (int i = 0; i < n; i++) {
            tDense[i] = ids.intern(touchCustomers[i]);
        }
        int[] cDense = new int[m];
        for (int i = 0; i < m; i++) {
            cDense[i] = ids.intern(conversionCustomers[i]);
        }
        int customers = ids.size();
        int[] tStart = new int[customers + 1];
        int[] tOrder = groupBy(tDense, customers, tStart);
        int[] cStart = new int[customers + 1];
        int[] cOrder = groupBy(cDense, customers, cStart);
        // The tie rules: touches at the same second in channel-name order, conversions at the same second by
        // value, largest first; so the journeys do not depend on the order of the rows.
        int[] rank = nameRanks(names);
        IndexSort.Before touchOrder = (a, b) -> touchEpochSeconds[a] < touchEpochSeconds[b]
                || touchEpochSeconds[a] == touchEpochSeconds[b] && rank[touchChannels[a]] < rank[touchChannels[b]];
        IndexSort.Before conversionOrder = (a, b) -> conversionEpochSeconds[a] < conversionEpochSeconds[b]
                || conversionEpochSeconds[a] == conversionEpochSeconds[b]
                        && Double.compare(conversionValues[a], conversionValues[b]) > 0;
        int[] tmp = new int[64];
        TimedJourneys.Growing out = new TimedJourneys.Growing(n, m + customers / 4);
        long unattributed = 0;
        ExactSum unattributedValue = new ExactSum();
        for (int cu = 0; cu < customers; cu++) {
            int t0 = tStart[cu];
            int t1 = tStart[cu + 1];
            int c0 = cStart[cu];
            int c1 = cStart[cu + 1];
            tmp = IndexSort.sort(tOrder, t0, t1, touchOrder, tmp);
            tmp = IndexSort.sort(cOrder, c0, c1, conversionOrder, tmp);
            int k = t0;
            for (int j = c0; j < c1; j++) {
                int conv = cOrder[j];
                long at = conversionEpochSeconds[conv];
                long from = windowStart(at);
                int added = 0;
                while (k < t1 && touchEpochSeconds[tOrder[k]] <= at) {
                    int touch = tOrder[k++];
                    if (touchEpochSeconds[touch] >= from) {
                        added += addTouch(out, added, touchChannels[touch], touchEpochSeconds[touch]);
                    }
                }
                if (added > 0) {
                    out.endJourney(at, 1, conversionValues[conv]);
                } else {
                    unattributed++;
                    unattributedValue.add(conversionValues[conv]);
                }
            }
            if (k < t1) {
                long last = touchEpochSeconds[tOrder[t1 - 1]];
                long from = windowStart(last);
                int added = 0;
                for (; k < t1; k++) {
                    int touch = tOrder[k];
                    if (touchEpochSeconds[touch] >= from) {
                        added += addTouch(out, added, touchChannels[touch], touchEpochSeconds[touch]);
                    }
                }
                out.endJourney(last, 0, 0);
            }
        }
        double lostValue = unattributedValue.value();
        Checks.require(lostValue < Double.POSITIVE_INFINITY,
                "conversionValues: the value of the conversions without touches sums beyond the largest double");
        return out.build(Collections.unmodifiableList(names), unattributed, lostValue, channelCosts);
    }

    /** The earliest touch time in the lookback before {@code at}, saturating at the oldest representable time. */
    private long windowStart(long at) {
        return at < Long.MIN_VALUE + lookbackSeconds ? Long.MIN_VALUE : at - lookbackSeconds;
    }

    /** Each channel's position in code point order of the names (UTF-8 byte order, as Spark sorts strings). */
    private static int[] nameRanks(List<String> names) {
        Integer[] byName = new Integer[names.size()];
        for (int c = 0; c < byName.length; c++) {
            byName[c] = c;
        }
        java.util.Arrays.sort(byName, (a, b) -> compareCodePoints(names.get(a), names.get(b)));
        int[] rank = new int[byName.length];
        for (int r = 0; r < byName.length; r++) {
            rank[byName[r]] = r;
        }
        return rank;
    }

    /** Compares strings by Unicode code point, which is also the order of their UTF-8 bytes. */
    static int compareCodePoints(String a, String b) {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            int ca = a.codePointAt(i);
            int cb = b.codePointAt(j);
            if (ca != cb) {
                return Integer.compare(ca, cb);
            }
            i += Character.charCount(ca);
            j += Character.charCount(cb);
        }
        return Boolean.compare(i < a.length(), j < b.length());
    }

    /** Adds a touch unless the session rule merges it into the journey's previous one; returns 1 if added. */
    private int addTouch(TimedJourneys.Growing out, int added, int channel, long time) {
        // Touches come in time order, so time - lastSeen >= 0 as an unsigned number even when it overflows a long.
        if (sessionGapSeconds >= 0 && added > 0 && out.lastChannel() == channel
                && Long.compareUnsigned(time - out.lastSeen(), sessionGapSeconds) <= 0) {
            out.merged(time);
            return 0;
        }
        out.touch(channel, time);
        return 1;
    }

    /** A stable counting sort of row indexes by dense key; fills {@code start} with the group offsets. */
    private static int[] groupBy(int[] keys, int groups, int[] start) {
        for (int key : keys) {
            start[key + 1]++;
        }
        for (int g = 0; g < groups; g++) {
            start[g + 1] += start[g];
        }
        int[] next = java.util.Arrays.copyOf(start, groups);
        int[] order = new int[keys.length];
        for (int i = 0; i < keys.length; i++) {
            order[next[keys[i]]++] = i;
        }
        return order;
    }

    @Override
    public String toString() {
        return Checks.format("JourneyBuilder[lookback=%s, sessionGap=%s]", Duration.ofSeconds(lookbackSeconds),
                sessionGapSeconds < 0 ? "none" : Duration.ofSeconds(sessionGapSeconds));
    }
}
