package io.loyalty.nps;

import io.loyalty.internal.Checks;
import io.loyalty.stats.Accumulator;
import java.util.Arrays;

/**
 * Mutable tallies of detractors, passives and promoters for segments coded 0..k&minus;1: the sufficient
 * statistics of every score, interval and test in this package. Follows the library's
 * {@linkplain Accumulator accumulator contract}: add answers one at a time (a stream, a service receiving events) or a
 * column at a time; {@link #combine} merges accumulators filled in parallel; {@link #snapshot} gives the immutable
 * {@link NpsTallies}, which never depend on the order of the answers or how they were split.
 *
 * <p>State is one primitive array of counters, three per segment, that grows with the highest segment code added
 * (doubling, never past 3k): memory follows the answers, not {@code k}, so a generous k costs nothing until its
 * segments are used. Not thread-safe: give each thread its own accumulator and combine them. A rejected answer leaves the accumulator as it was. An accumulator holds at most
 * {@link Long#MAX_VALUE} answers in all, so that every count and every sum of counts it reports is exact: an
 * {@code add} or {@code combine} that would go past it is rejected when it happens.
 *
 * @since 0.1
 */
public final class NpsAccumulator implements Accumulator<NpsAccumulator, NpsTallies> {
    /** The most segments an accumulator codes: their counters must be indexable by an {@code int}. */
    public static final int MAX_SEGMENTS = 100_000_000;
    /** The segments an empty accumulator has room for before it grows. */
    private static final int INITIAL_SEGMENTS = 16;

    private final NpsScale scale;
    private final int segments;
    private final byte[] codes;
    private final int min;
    /** Counts at {@code 3 * segment + category}; segments past its end have none yet. */
    private long[] counts;
    /** The number of answers in all: every counter and every sum of counters is at most this. */
    private long held;

    private NpsAccumulator(NpsScale scale, int segments) {
        this.scale = scale;
        this.segments = segments;
        this.codes = scale.codes();
        this.min = scale.min();
        this.counts = new long[3 * Math.min(segments, INITIAL_SEGMENTS)];
    }

    /**
     * An empty accumulator on the standard 0..10 scale.
     *
     * @param segments the number of segments k &ge; 1; segments are coded 0..k&minus;1
     * @return the accumulator
     * @throws IllegalArgumentException if {@code segments} is not in 1..{@value #MAX_SEGMENTS}
     */
    public static NpsAccumulator create(int segments) {
        return create(NpsScale.standard(), segments);
    }

    /**
     * An empty accumulator on a scale.
     *
     * @param scale the answer scale
     * @param segments the number of segments k &ge; 1; segments are coded 0..k&minus;1
     * @return the accumulator
     * @throws IllegalArgumentException if the scale is null or {@code segments} is not in 1..{@value #MAX_SEGMENTS}
     */
    public static NpsAccumulator create(NpsScale scale, int segments) {
        Checks.notNull(scale, "scale");
        Checks.require(segments >= 1 && segments <= MAX_SEGMENTS, "segments must lie in 1..%d, got %d",
                MAX_SEGMENTS, segments);
        return new NpsAccumulator(scale, segments);
    }

    /**
     * The answer scale.
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
     * Adds one answer.
     *
     * @param segment the segment code, 0..k&minus;1
     * @param answer the answer, on the scale
     * @return this accumulator
     * @throws IllegalArgumentException if the segment or the answer is out of range
     */
    public NpsAccumulator add(int segment, int answer) {
        checkSegment(segment, "segment", -1);
        int at = 3 * segment + scale.code(answer, "answer", -1);
        held = grown(1, "answer");
        room(segment)[at]++;
        return this;
    }

    /**
     * Adds {@code count} equal answers at once: a tally made elsewhere (a database's {@code GROUP BY}, a Spark
     * aggregation) merged without replaying its rows.
     *
     * @param segment the segment code, 0..k&minus;1
     * @param answer the answer, on the scale
     * @param count how many answered it, &ge; 0
     * @return this accumulator
     * @throws IllegalArgumentException if the segment or the answer is out of range, the count is negative, or
     *     the tally would overflow
     */
    public NpsAccumulator add(int segment, int answer, long count) {
        checkSegment(segment, "segment", -1);
        int code = scale.code(answer, "answer", -1);
        Checks.nonNegative(count, "count");
        held = grown(count, "count");
        room(segment)[3 * segment + code] += count;
        return this;
    }

    /**
     * Adds a column of answers with their segment codes. All or nothing: if a row is bad, the rows already added
     * are taken out again before the exception leaves.
     *
     * @param segmentCodes the segment of each answer, 0..k&minus;1; not modified
     * @param answers the answers, on the scale; not modified
     * @return this accumulator
     * @throws IllegalArgumentException if the arrays differ in length, a row is out of range (naming it), or the
     *     accumulator would hold more than {@link Long#MAX_VALUE} answers
     */
    public NpsAccumulator addAll(int[] segmentCodes, int[] answers) {
        Checks.notNull(segmentCodes, "segmentCodes");
        Checks.notNull(answers, "answers");
        Checks.sameLength(segmentCodes.length, answers.length, "answers");
        // Checked first: the total bounds every counter, so the loop below cannot overflow one.
        long grownTotal = grown(answers.length, "answers.length");
        long[] c = counts;
        final byte[] lut = codes;
        final int k = segments;
        final int lo = min;
        int i = 0;
        for (; i < answers.length; i++) {
            int s = segmentCodes[i];
            int a = answers[i] - lo;
            if (s < 0 || s >= k || a < 0 || a >= lut.length) {
                break;
            }
            if (3 * s >= c.length) {
                c = room(s);
            }
            c[3 * s + lut[a]]++;
        }
        if (i < answers.length) {
            for (int j = 0; j < i; j++) {
                c[3 * segmentCodes[j] + lut[answers[j] - lo]]--;
            }
            checkSegment(segmentCodes[i], "segments", i);
            throw scale.outside(answers[i], "answers", i);
        }
        held = grownTotal;
        return this;
    }

    /**
     * Adds the tallies of another accumulator with the same scale and number of segments.
     *
     * @param other the other accumulator; not modified
     * @return this accumulator
     * @throws IllegalArgumentException if the scales or segment counts differ, or the two together would hold
     *     more than {@link Long#MAX_VALUE} answers
     */
    @Override
    public NpsAccumulator combine(NpsAccumulator other) {
        Checks.notNull(other, "other");
        Checks.require(scale.equals(other.scale) && segments == other.segments,
                "cannot combine %s with %d segments and %s with %d segments", scale, segments, other.scale,
                other.segments);
        held = grown(other.held, "other");
        long[] c = other.counts.length > counts.length ? room(other.counts.length / 3 - 1) : counts;
        for (int i = 0; i < other.counts.length; i++) {
            c[i] += other.counts[i];
        }
        return this;
    }

    /**
     * The tallies so far, per segment.
     *
     * @return an immutable snapshot; later additions do not change it
     */
    @Override
    public NpsTallies snapshot() {
        // Trimmed after the last segment with answers, so that equal tallies have equal arrays whatever room the
        // accumulators had grown.
        int end = counts.length;
        while (end > 0 && counts[end - 1] == 0) {
            end--;
        }
        return new NpsTallies(scale, segments, Arrays.copyOf(counts, (end + 2) / 3 * 3));
    }

    /** The counters, grown if needed to hold {@code segment} (a valid code): twice the room, at most 3k. */
    private long[] room(int segment) {
        if (3 * segment >= counts.length) {
            long want = Math.max(3L * segment + 3, 2L * counts.length);
            counts = Arrays.copyOf(counts, (int) Math.min(want, 3L * segments));
        }
        return counts;
    }

    /**
     * The total after adding {@code more} answers; rejects the addition, naming it, when the total would pass
     * {@link Long#MAX_VALUE}.
     */
    private long grown(long more, String what) {
        if (more <= Long.MAX_VALUE - held) {
            return held + more;
        }
        throw new IllegalArgumentException(Checks.format("%s adds %d answers to the %d already held: more than "
                + "the %d an accumulator can count", what, more, held, Long.MAX_VALUE));
    }

    private void checkSegment(int segment, String name, long row) {
        if (segment < 0 || segment >= segments) {
            String where = row < 0 ? name : Checks.format("%s[%d]", name, row);
            throw new IllegalArgumentException(Checks.format("%s = %d is not a segment code 0..%d", where, segment,
                    segments - 1));
        }
    }

    @Override
    public String toString() {
        return Checks.format("NpsAccumulator[%d segments, %d answers, %s]", segments, held, scale);
    }
}
