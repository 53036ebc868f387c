package io.loyalty.attribution;

import io.loyalty.internal.Checks;
import io.loyalty.internal.ExactSum;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Customer journeys aggregated by path: each distinct channel sequence once, with the number of journeys on it
 * that converted, their total conversion value and the number that did not convert ("nulls"). This is the
 * sufficient statistic of every path-based model here, so any number of journeys reduces to their distinct paths.
 *
 * <p>Paths are written {@code a > b > c}: channel names separated by {@code >}, the spaces around them not part
 * of the name; repeated channels are kept. Channels are numbered in order of first appearance, which is also the
 * order of every result. Counts may be fractional (weights) but never negative; a value needs conversions.
 * The counts and values of a path are summed exactly (rounded once), so they do not depend on the order of the
 * rows or on how they were split between accumulators.
 *
 * <p>A channel name is trimmed; it must not be blank, must not contain {@code >} (the path separator), {@code ;}
 * (the field separator of {@link #readCsv}) or a line break, and must not be one of the Markov chain's state names
 * {@link TransitionMatrix#START}, {@link TransitionMatrix#CONVERSION}, {@link TransitionMatrix#NULL}: such names
 * are rejected wherever channels enter (here, {@link JourneyBuilder}, {@link TimedJourneys.Builder}), so that
 * every path written by {@link #writeCsv} reads back the same and no channel is mistaken for a state.
 * Conversions + nulls and the value must total below 2<sup>1020</sup> (about 1.1e307), so that every model's sums
 * of shares stay finite.
 * Immutable; arrays are copied out.
 *
 * @since 0.1
 */
public final class Journeys {
    /** The bound on the totals: conversions + nulls and value must stay below it. */
    static final double MAX_TOTAL = 0x1p1020;

    private final List<String> channels;
    private final int[] starts;
    private final int[] touches;
    private final double[] conversions;
    private final double[] values;
    private final double[] nulls;
    private final double totalConversions;
    private final double totalValue;
    private final double totalNulls;

    private Journeys(List<String> channels, int[] starts, int[] touches, double[] conversions, double[] values,
            double[] nulls) {
        this.channels = channels;
        this.starts = starts;
        this.touches = touches;
        this.conversions = conversions;
        this.values = values;
        this.nulls = nulls;
        // Exact sums, so that the totals do not depend on the order of the paths (their first appearance).
        ExactSum c = new ExactSum();
        ExactSum v = new ExactSum();
        ExactSum n = new ExactSum();
        for (int i = 0; i < conversions.length; i++) {
            c.add(conversions[i]);
            v.add(values[i]);
            n.add(nulls[i]);
        }
        this.totalConversions = c.value();
        this.totalValue = v.value();
        this.totalNulls = n.value();
        // Every model sums shares of conversions, nulls or value over paths and coalitions: totals below 2^1020
        // leave room for the rounding of those sums, so every credit stays finite.
        Checks.require(totalConversions + totalNulls < MAX_TOTAL && totalValue < MAX_TOTAL,
                "the journeys' totals are too large (conversions + nulls and value must stay below 2^1020, about "
                + "1.1e307, for every model's sums to stay finite): conversions %s, nulls %s, value %s",
                totalConversions, totalNulls, totalValue);
    }

    /**
     * Journeys from parallel columns of paths and counts, as in ChannelAttribution's {@code Data.csv}; rows with
     * the same path are merged.
     *
     * @param paths path per row, {@code a > b > c}
     * @param conversions converting journeys per row, {@code >= 0}
     * @param values total conversion value per row, {@code >= 0}, 0 when there are no conversions
     * @param nulls non-converting journeys per row, {@code >= 0}
     * @return the journeys
     * @throws IllegalArgumentException naming the row and value for an empty path or channel name, a negative
     *     count or value, or a value without conversions
     */
    public static Journeys ofPaths(String[] paths, double[] conversions, double[] values, double[] nulls) {
        Checks.notNull(paths, "paths");
        Checks.sameLength(paths.length, Checks.notNull(conversions, "conversions").length, "conversions");
        Checks.sameLength(paths.length, Checks.notNull(values, "values").length, "values");
        Checks.sameLength(paths.length, Checks.notNull(nulls, "nulls").length, "nulls");
        Accumulator acc = Accumulator.create();
        for (int row = 0; row < paths.length; row++) {
            acc.add(paths[row], conversions[row], values[row], nulls[row]);
        }
        return acc.snapshot();
    }

    /**
     * Reads the {@code Data.csv} format: a header, then {@code path;conversions;value;nulls} per line, separated
     * by {@code ;}. The header's names are not checked; rows with the same path are merged.
     *
     * @param in the text; not closed
     * @return the journeys
     * @throws IllegalArgumentException naming the line for a malformed row or a bad value
     * @throws UncheckedIOException if reading fails
     */
    public static Journeys readCsv(Reader in) {
        Checks.notNull(in, "in");
        Accumulator acc = Accumulator.create();
        BufferedReader reader = in instanceof BufferedReader ? (BufferedReader) in : new BufferedReader(in);
        try {
            String line = reader.readLine();
            int lineNo = 1;
            while ((line = reader.readLine()) != null) {
                lineNo++;
                if (line.isBlank()) {
                    continue;
                }
                String[] f = line.split(";", -1);
                Checks.require(f.length == 4, "line %d: expected 4 fields separated by ';', got %d: '%s'", lineNo,
                        f.length, line);
                try {
                    acc.add(f[0], Double.parseDouble(f[1].trim()), Double.parseDouble(f[2].trim()),
                            Double.parseDouble(f[3].trim()));
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException(Checks.format("line %d: %s", lineNo, e.getMessage()), e);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return acc.snapshot();
    }

    /**
     * Writes the {@code Data.csv} format, one row per distinct path: header
     * {@code path;total_conversions;total_conversion_value;total_null}. Whole numbers are written without a
     * fraction, others so that they read back exactly.
     *
     * @param out where to write
     * @throws UncheckedIOException if writing fails
     */
    public void writeCsv(Appendable out) {
        Checks.notNull(out, "out");
        try {
            out.append("path;total_conversions;total_conversion_value;total_null\n");
            for (int i = 0; i < size(); i++) {
                out.append(path(i)).append(';').append(number(conversions[i])).append(';')
                        .append(number(values[i])).append(';').append(number(nulls[i])).append('\n');
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Splits a path written {@code a > b > c} into its channel names.
     *
     * @param path the path
     * @return the channel names, in order
     * @throws IllegalArgumentException for a blank path or an empty channel name
     */
    public static List<String> parsePath(String path) {
        Checks.notBlank(path, "path");
        String[] parts = path.split(">", -1);
        List<String> out = new ArrayList<>(parts.length);
        for (int k = 0; k < parts.length; k++) {
            String name = parts[k].trim();
            Checks.require(!name.isEmpty(), "path '%s' has an empty channel name at position %d", path, k + 1);
            out.add(name);
        }
        return out;
    }

    /**
     * Why a channel name, already trimmed and not blank, cannot be used; null if it can.
     *
     * @param name the trimmed name
     * @return the reason, or null
     */
    static String nameProblem(String name) {
        if (name.equals(TransitionMatrix.START) || name.equals(TransitionMatrix.CONVERSION)
                || name.equals(TransitionMatrix.NULL)) {
            return "is reserved for a Markov state";
        }
        for (int k = 0; k < name.length(); k++) {
            char ch = name.charAt(k);
            if (ch == '>' || ch == ';' || ch == '\n' || ch == '\r') {
                return Checks.format("contains %s, which paths and the CSV format use as a separator",
                        ch == '\n' ? "a line feed" : ch == '\r' ? "a carriage return" : "'" + ch + "'");
            }
        }
        return null;
    }

    /**
     * Checks a channel name and returns it trimmed.
     *
     * @param name the name
     * @param where the argument, row and position, for the message
     * @return the trimmed name
     * @throws IllegalArgumentException if the name cannot be used (see the class comment)
     */
    static String channelName(String name, String where) {
        Checks.require(name != null && !name.isBlank(), "%s: empty channel name: %s", where,
                name == null ? "null" : "'" + name + "'");
        String trimmed = name.trim();
        String problem = nameProblem(trimmed);
        Checks.require(problem == null, "%s: channel name '%s' %s", where, trimmed, problem);
        return trimmed;
    }

    /**
     * Writes channel names as a path {@code a > b > c}.
     *
     * @param channelNames the names, at least one
     * @return the path
     */
    public static String formatPath(List<String> channelNames) {
        Checks.require(channelNames != null && !channelNames.isEmpty(), "channelNames must not be empty");
        return String.join(" > ", channelNames);
    }

    /**
     * The channels, in order of first appearance.
     *
     * @return an unmodifiable list
     */
    public List<String> channels() {
        return channels;
    }

    /**
     * The number of distinct paths.
     *
     * @return the count
     */
    public int size() {
        return conversions.length;
    }

    /**
     * Path {@code i} written {@code a > b > c}.
     *
     * @param i the path's index, in order of first appearance
     * @return the path
     */
    public String path(int i) {
        Checks.index(i, starts.length - 1, "i");
        StringBuilder sb = new StringBuilder();
        for (int k = starts[i]; k < starts[i + 1]; k++) {
            if (k > starts[i]) {
                sb.append(" > ");
            }
            sb.append(channels.get(touches[k]));
        }
        return sb.toString();
    }

    /**
     * Path {@code i} as channel indexes into {@link #channels()}.
     *
     * @param i the path's index
     * @return a new array
     */
    public int[] pathChannels(int i) {
        Checks.index(i, starts.length - 1, "i");
        return Arrays.copyOfRange(touches, starts[i], starts[i + 1]);
    }

    /**
     * Converting journeys on path {@code i}.
     *
     * @param i the path's index
     * @return the count
     */
    public double conversions(int i) {
        return conversions[Checks.index(i, conversions.length, "i")];
    }

    /**
     * Total conversion value on path {@code i}.
     *
     * @param i the path's index
     * @return the value
     */
    public double value(int i) {
        return values[Checks.index(i, values.length, "i")];
    }

    /**
     * Non-converting journeys on path {@code i}.
     *
     * @param i the path's index
     * @return the count
     */
    public double nulls(int i) {
        return nulls[Checks.index(i, nulls.length, "i")];
    }

    /**
     * All conversions.
     *
     * @return the sum over paths
     */
    public double totalConversions() {
        return totalConversions;
    }

    /**
     * All conversion value.
     *
     * @return the sum over paths
     */
    public double totalValue() {
        return totalValue;
    }

    /**
     * All non-converting journeys.
     *
     * @return the sum over paths
     */
    public double totalNulls() {
        return totalNulls;
    }

    int[] starts() {
        return starts;
    }

    int[] touches() {
        return touches;
    }

    double[] conversionArray() {
        return conversions;
    }

    double[] valueArray() {
        return values;
    }

    double[] nullArray() {
        return nulls;
    }

    @Override
    public String toString() {
        return Checks.format("Journeys[%d distinct paths, %d channels, conversions %s, value %.2f, nulls %s]", size(),
                channels.size(), number(totalConversions), totalValue, number(totalNulls));
    }

    private static String number(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
    }

    /**
     * Accumulates journeys by path: add rows (paths with counts), combine partial accumulators, then take an
     * immutable {@link #snapshot()}. The counts and values of each path do not depend on the order of the rows
     * or on how they were split (they are summed exactly); only the channel and path numbering follows the order
     * of first appearance. Not thread-safe: use one per thread and {@link #combine}.
     *
     * <p>This is the library's {@link io.loyalty.stats.Accumulator} contract, with one stated exception: the
     * snapshot's channel and path numbering follows first appearance, so two snapshots of the same rows in another
     * order hold the same paths with the same counts, bit for bit, in another order.
     *
     * @since 0.1
     */
    public static final class Accumulator implements io.loyalty.stats.Accumulator<Accumulator, Journeys> {
        private final Map<String, Integer> channelIds = new HashMap<>();
        private final List<String> channelNames = new ArrayList<>();
        private final PathIndex paths = new PathIndex();
        private final PathSums conversions = new PathSums(64);
        private final PathSums values = new PathSums(64);
        private final PathSums nulls = new PathSums(64);
        private int[] buffer = new int[16];
        private long rows;

        private Accumulator() {
        }

        /**
         * A new, empty accumulator.
         *
         * @return the accumulator
         * @since 0.2
         */
        public static Accumulator create() {
            return new Accumulator();
        }

        /**
         * Adds a row: a path written {@code a > b > c} and its counts.
         *
         * @param path the path
         * @param conversions converting journeys, {@code >= 0}
         * @param value their total conversion value, {@code >= 0}, 0 without conversions
         * @param nulls non-converting journeys, {@code >= 0}
         * @return this accumulator
         * @throws IllegalArgumentException naming the row (counted from 0 over this accumulator's adds) and value
         */
        public Accumulator add(String path, double conversions, double value, double nulls) {
            List<String> names;
            try {
                names = parsePath(path);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(Checks.format("row %d: %s", rows, e.getMessage()), e);
            }
            return add(names, conversions, value, nulls);
        }

        /**
         * Adds a row: a path as channel names and its counts.
         *
         * @param path the channel names, at least one, none blank
         * @param conversions converting journeys, {@code >= 0}
         * @param value their total conversion value, {@code >= 0}, 0 without conversions
         * @param nulls non-converting journeys, {@code >= 0}
         * @return this accumulator
         * @throws IllegalArgumentException naming the row and value
         */
        public Accumulator add(List<String> path, double conversions, double value, double nulls) {
            long row = rows;
            Checks.require(path != null && !path.isEmpty(), "row %d: the path is empty", row);
            checkCounts(row, conversions, value, nulls);
            if (buffer.length < path.size()) {
                buffer = new int[path.size()];
            }
            // Every name is checked before any is interned, so a rejected row leaves the accumulator unchanged.
            String[] names = new String[path.size()];
            for (int k = 0; k < names.length; k++) {
                names[k] = channelName(path.get(k), Checks.format("row %d, position %d", row, k + 1));
            }
            for (int k = 0; k < names.length; k++) {
                buffer[k] = channel(names[k]);
            }
            addCodes(buffer, 0, path.size(), conversions, value, nulls);
            return this;
        }

        /**
         * Adds every path of {@code other} (which is not changed) to this accumulator.
         *
         * @param other another accumulator
         * @return this accumulator
         */
        @Override
        public Accumulator combine(Accumulator other) {
            Checks.notNull(other, "other");
            int[] pool = other.paths.pool();
            int[] st = other.paths.starts();
            int n = other.paths.size();
            int[] map = new int[other.channelNames.size()];
            for (int c = 0; c < map.length; c++) {
                map[c] = channel(other.channelNames.get(c));
            }
            for (int i = 0; i < n; i++) {
                int len = st[i + 1] - st[i];
                if (buffer.length < len) {
                    buffer = new int[len];
                }
                for (int k = 0; k < len; k++) {
                    buffer[k] = map[pool[st[i] + k]];
                }
                int id = paths.intern(buffer, 0, len);
                ensure(id + 1);
                conversions.add(id, other.conversions, i);
                values.add(id, other.values, i);
                nulls.add(id, other.nulls, i);
                rows++;
            }
            return this;
        }

        /**
         * An immutable copy of the journeys so far; the accumulator can go on.
         *
         * @return the journeys
         */
        @Override
        public Journeys snapshot() {
            int n = paths.size();
            int[] st = Arrays.copyOf(paths.starts(), n + 1);
            return new Journeys(Collections.unmodifiableList(new ArrayList<>(channelNames)), st,
                    Arrays.copyOf(paths.pool(), st[n]), conversions.values(n), values.values(n), nulls.values(n));
        }

        int channel(String name) {
            Integer id = channelIds.get(name);
            if (id == null) {
                id = channelNames.size();
                channelIds.put(name, id);
                channelNames.add(name);
            }
            return id;
        }

        /** Adds a path of channel codes of this accumulator; counts already checked. */
        void addCodes(int[] codes, int from, int length, double conv, double value, double nullCount) {
            int id = paths.intern(codes, from, length);
            ensure(id + 1);
            conversions.add(id, conv);
            values.add(id, value);
            nulls.add(id, nullCount);
            rows++;
        }

        private void ensure(int capacity) {
            conversions.ensure(capacity);
            values.ensure(capacity);
            nulls.ensure(capacity);
        }

        static void checkCounts(long row, double conversions, double value, double nulls) {
            Checks.require(conversions >= 0 && conversions < Double.POSITIVE_INFINITY,
                    "row %d: conversions must be finite and >= 0, got %s", row, conversions);
            Checks.require(value >= 0 && value < Double.POSITIVE_INFINITY,
                    "row %d: conversion value must be finite and >= 0, got %s", row, value);
            Checks.require(nulls >= 0 && nulls < Double.POSITIVE_INFINITY,
                    "row %d: nulls must be finite and >= 0, got %s", row, nulls);
            Checks.require(value == 0 || conversions > 0,
                    "row %d: conversion value %s without conversions (conversions = %s)", row, value, conversions);
        }
    }
}
