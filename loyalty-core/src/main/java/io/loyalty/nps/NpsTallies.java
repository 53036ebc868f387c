package io.loyalty.nps;

import io.loyalty.internal.Checks;
import java.util.Arrays;

/**
 * Immutable tallies of detractors, passives and promoters for segments coded 0..k&minus;1: the snapshot of an
 * {@link NpsAccumulator}, from which every score, interval and breakdown of the segments is computed. Equality
 * compares the scale, the number of segments and every count. Segments after the last one with answers take no
 * memory.
 *
 * @since 0.2
 */
public final class NpsTallies {
    private final NpsScale scale;
    private final int segments;
    /**
     * Counts at {@code 3 * segment + category}, trimmed after the last segment with answers (the segments after it
     * have none).
     */
    private final long[] counts;

    /** Takes the counts without copying: the accumulator hands over a fresh, trimmed copy. */
    NpsTallies(NpsScale scale, int segments, long[] counts) {
        this.scale = scale;
        this.segments = segments;
        this.counts = counts;
    }

    /**
     * The answer scale the answers were read on.
     *
     * @return the scale
     */
    public NpsScale scale() {
        return scale;
    }

    /**
     * The number of segments k.
     *
     * @return k
     */
    public int segmentCount() {
        return segments;
    }

    /**
     * The number of answers in a segment.
     *
     * @param segment the segment code, 0..k&minus;1
     * @return the count, possibly 0
     * @throws IllegalArgumentException if the segment is out of range
     */
    public long responses(int segment) {
        checkSegment(segment);
        return count(3 * segment) + count(3 * segment + 1) + count(3 * segment + 2);
    }

    /**
     * The score of a segment.
     *
     * @param segment the segment code, 0..k&minus;1
     * @return its tally
     * @throws IllegalArgumentException if the segment is out of range or has no answers
     */
    public Nps tally(int segment) {
        Checks.require(responses(segment) > 0, "segment %d has no answers", segment);
        return Nps.ofCounts(count(3 * segment), count(3 * segment + 1), count(3 * segment + 2));
    }

    private long count(int at) {
        return at < counts.length ? counts[at] : 0;
    }

    /**
     * The score over all segments.
     *
     * @return the overall tally
     * @throws IllegalArgumentException if there are no answers
     */
    public Nps total() {
        long[] t = new long[3];
        for (int i = 0; i < counts.length; i++) {
            t[i % 3] += counts[i];
        }
        return Nps.ofCounts(t[0], t[1], t[2]);
    }

    /** A copy of the counters, {@code 3 * segment + category}, for all k segments (the caller has k labels). */
    long[] counts() {
        return Arrays.copyOf(counts, 3 * segments);
    }

    private void checkSegment(int segment) {
        Checks.require(segment >= 0 && segment < segmentCount(), "segment = %d is not a segment code 0..%d",
                segment, segmentCount() - 1);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof NpsTallies other && scale.equals(other.scale) && segments == other.segments
                && Arrays.equals(counts, other.counts);
    }

    @Override
    public int hashCode() {
        return (31 * scale.hashCode() + segments) * 31 + Arrays.hashCode(counts);
    }

    @Override
    public String toString() {
        long n = 0;
        for (long c : counts) {
            n += c;
        }
        return Checks.format("NpsTallies[%d segments, %d answers, %s]", segmentCount(), n, scale);
    }
}
