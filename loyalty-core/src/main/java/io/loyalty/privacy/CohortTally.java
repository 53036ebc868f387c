package io.loyalty.privacy;

import io.loyalty.internal.Checks;
import java.io.IOException;
import java.io.InvalidObjectException;
import java.io.ObjectInputStream;
import java.io.Serializable;
import java.util.Arrays;

/**
 * The cohort matrix's bounding kernel as a mergeable accumulator: each customer, added with all of their periods at
 * once, counts in their cohort row (the first period) at the first {@code maxOffsets} distinct periods they were
 * active in, exactly as {@link DpCohorts#retention} bounds them. {@link #combine} adds two accumulators, so the
 * matrix depends only on the customers added, never on their order or on how they were split. This is the seam
 * {@code loyalty-spark} uses for {@link DpRelease#beginRetention}. Not thread-safe.
 *
 * @since 0.2
 */
public final class CohortTally implements Serializable {
    private static final long serialVersionUID = 1L;

    /** The exact matrix: counts[cohort][offset]. */
    final long[][] counts;
    /** The most cells one customer counts in. */
    final int maxOffsets;
    private transient int[] scratch;

    private CohortTally(int periods, int maxOffsets) {
        this.counts = DpCohorts.emptyCounts(periods);
        this.maxOffsets = maxOffsets;
    }

    /**
     * Checks a deserialized accumulator's shape, so that a crafted stream cannot make one that combines wrongly.
     *
     * @param in the stream
     * @throws IOException if the stream fails
     * @throws ClassNotFoundException if a class is missing
     */
    private void readObject(ObjectInputStream in) throws IOException, ClassNotFoundException {
        in.defaultReadObject();
        boolean ok = counts != null && counts.length >= 1 && counts.length <= DpCohorts.MAX_PERIODS
                && maxOffsets >= 1;
        for (int c = 0; ok && c < counts.length; c++) {
            ok = counts[c] != null && counts[c].length == counts.length - c;
            for (int k = 0; ok && k < counts[c].length; k++) {
                ok = counts[c][k] >= 0;
            }
        }
        if (!ok) {
            throw new InvalidObjectException("a cohort tally must be a triangular matrix of non-negative counts");
        }
    }

    /**
     * An empty accumulator.
     *
     * @param periods the number of declared periods, in [1, {@value DpCohorts#MAX_PERIODS}]
     * @param maxOffsets the most cells one customer may count in, {@code >= 1}
     * @return the accumulator
     */
    public static CohortTally create(int periods, int maxOffsets) {
        Checks.require(periods >= 1 && periods <= DpCohorts.MAX_PERIODS, "periods must lie in [1, %d], got %d",
                DpCohorts.MAX_PERIODS, periods);
        Checks.require(maxOffsets >= 1, "maxOffsets must be >= 1, got %d", maxOffsets);
        return new CohortTally(periods, maxOffsets);
    }

    /**
     * Adds one customer with the periods of all of their transactions (a customer added twice counts twice: add
     * each customer once).
     *
     * @param periods the period index of each transaction, in [0, periods), in any order
     * @param rows the number of transactions (the array may be longer)
     * @throws IllegalArgumentException if a period is out of range
     */
    public void addCustomer(int[] periods, int rows) {
        Checks.notNull(periods, "periods");
        Checks.require(rows >= 0 && rows <= periods.length, "rows must lie in [0, %d], got %d", periods.length, rows);
        for (int j = 0; j < rows; j++) {
            if (!(periods[j] >= 0 && periods[j] < counts.length)) {
                throw new IllegalArgumentException(Checks.format("periods[%d] must lie in [0, %d), got %d", j,
                        counts.length, periods[j]));
            }
        }
        if (rows == 0) {
            return;
        }
        if (scratch == null || scratch.length < rows) {
            scratch = new int[Math.max(rows, 16)];
        }
        System.arraycopy(periods, 0, scratch, 0, rows);
        Arrays.sort(scratch, 0, rows);
        DpCohorts.countCustomer(counts, scratch, 0, rows, maxOffsets);
    }

    /**
     * Adds another accumulator of the same shape into this one.
     *
     * @param other the other accumulator
     * @return this accumulator
     * @throws IllegalArgumentException if the other has another number of periods or offsets
     */
    public CohortTally combine(CohortTally other) {
        Checks.notNull(other, "other");
        Checks.require(other.counts.length == counts.length && other.maxOffsets == maxOffsets,
                "other must have %d periods and %d offsets, got %d and %d", counts.length, maxOffsets,
                other.counts.length, other.maxOffsets);
        for (int c = 0; c < counts.length; c++) {
            for (int k = 0; k < counts[c].length; k++) {
                counts[c][k] += other.counts[c][k];
            }
        }
        return this;
    }
}
