package io.loyalty.rfm;

import io.loyalty.internal.Checks;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * An ordered list of segments. A customer takes the first segment whose ranges contain its scores; a customer of no
 * segment is in {@value #OTHERS}. Segment i has index i; {@value #OTHERS} has index {@link #size()}.
 *
 * @since 0.1
 */
public final class SegmentMap {
    /** The name of the segment of customers that match no segment of the map. */
    public static final String OTHERS = "Others";

    private static final SegmentMap RFM_DEFAULT = of(List.of(
            Segment.of("Champions", 5, 5, 5, 5, 5, 5),
            Segment.of("Potential Loyalist", 3, 5, 3, 5, 2, 5),
            Segment.of("Loyal Customers", 2, 4, 2, 4, 2, 4),
            Segment.of("Promising", 3, 4, 1, 3, 3, 5),
            Segment.of("New Customers", 4, 5, 1, 3, 1, 5),
            Segment.of("Can't Lose Them", 1, 2, 3, 4, 4, 5),
            Segment.of("At Risk", 1, 2, 2, 5, 4, 5),
            Segment.of("Need Attention", 1, 3, 3, 5, 3, 5),
            Segment.of("About To Sleep", 2, 3, 1, 3, 1, 4),
            Segment.of("Lost", 1, 1, 1, 5, 1, 5)));

    private final List<Segment> segments;
    // The ranges as flat arrays: the assignment loop runs once per customer.
    private final int[] ranges;

    private SegmentMap(List<Segment> segments) {
        this.segments = segments;
        this.ranges = new int[6 * segments.size()];
        for (int s = 0; s < segments.size(); s++) {
            Segment g = segments.get(s);
            ranges[6 * s] = g.recencyLow();
            ranges[6 * s + 1] = g.recencyHigh();
            ranges[6 * s + 2] = g.frequencyLow();
            ranges[6 * s + 3] = g.frequencyHigh();
            ranges[6 * s + 4] = g.monetaryLow();
            ranges[6 * s + 5] = g.monetaryHigh();
        }
    }

    /**
     * The rfm package's (0.3.0) ten default segments for 5 bins, in its order: Champions, Potential Loyalist, Loyal
     * Customers, Promising, New Customers, Can't Lose Them, At Risk, Need Attention, About To Sleep, Lost.
     *
     * @return the map
     */
    public static SegmentMap rfmDefault() {
        return RFM_DEFAULT;
    }

    /**
     * A map of segments tried in the given order.
     *
     * @param segments the segments, at least one, with distinct names
     * @return the map
     * @throws IllegalArgumentException if the list is empty, holds a null or repeats a name
     */
    public static SegmentMap of(List<Segment> segments) {
        Checks.notNull(segments, "segments");
        Checks.require(!segments.isEmpty(), "segments must not be empty");
        Set<String> names = new HashSet<>();
        List<Segment> copy = new ArrayList<>(segments.size());
        for (int i = 0; i < segments.size(); i++) {
            Segment s = Checks.notNull(segments.get(i), "segments[" + i + "]");
            Checks.require(names.add(s.name()), "segments[%d] repeats the name '%s'", i, s.name());
            copy.add(s);
        }
        return new SegmentMap(List.copyOf(copy));
    }

    /**
     * A map of segments tried in the given order.
     *
     * @param segments the segments
     * @return the map
     */
    public static SegmentMap of(Segment... segments) {
        Checks.notNull(segments, "segments");
        return of(List.of(segments));
    }

    /**
     * The segments, in order.
     *
     * @return an unmodifiable list
     */
    public List<Segment> segments() {
        return segments;
    }

    /**
     * The number of segments, not counting {@value #OTHERS}.
     *
     * @return the count
     */
    public int size() {
        return segments.size();
    }

    /**
     * The name of segment index i, {@value #OTHERS} for {@link #size()}.
     *
     * @param index the segment index
     * @return the name
     */
    public String name(int index) {
        // One past the last segment is "Others".
        Checks.index(index, segments.size() + 1, "index");
        return index == segments.size() ? OTHERS : segments.get(index).name();
    }

    /**
     * The index of the first segment containing the scores, or {@link #size()} for {@value #OTHERS}.
     *
     * @param r the recency score
     * @param f the frequency score
     * @param m the monetary score
     * @return the segment index
     */
    public int indexOf(int r, int f, int m) {
        int[] g = ranges;
        for (int s = 0, o = 0; o < g.length; s++, o += 6) {
            if (r >= g[o] && r <= g[o + 1] && f >= g[o + 2] && f <= g[o + 3] && m >= g[o + 4] && m <= g[o + 5]) {
                return s;
            }
        }
        return segments.size();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SegmentMap && segments.equals(((SegmentMap) o).segments);
    }

    @Override
    public int hashCode() {
        return segments.hashCode();
    }

    @Override
    public String toString() {
        return "SegmentMap" + segments;
    }
}
