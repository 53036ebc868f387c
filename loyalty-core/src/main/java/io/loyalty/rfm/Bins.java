package io.loyalty.rfm;

import io.loyalty.internal.Checks;
import io.loyalty.internal.TextTable;
import java.util.Arrays;

/**
 * The bins one measure was cut into, in increasing order of value: bin i holds the values in
 * {@code [lower(i), upper(i))}, i = 0..n-1, as rfm's threshold table. Bin i scores i + 1 for frequency and monetary
 * value and n - i for recency. The first lower bound is the minimum, the last upper bound the maximum plus one; an
 * empty bin has {@code lower == upper} (or, with fixed cut points, lies beyond the data).
 *
 * @since 0.1
 */
public final class Bins {
    private final double[] lower;
    private final double[] upper;

    Bins(double[] lower, double[] upper) {
        this.lower = lower;
        this.upper = upper;
    }

    /**
     * The number of bins.
     *
     * @return n
     */
    public int size() {
        return lower.length;
    }

    /**
     * The lower bound (inclusive) of bin i.
     *
     * @param i the bin, 0-based
     * @return the bound
     */
    public double lower(int i) {
        return lower[Checks.index(i, lower.length, "i")];
    }

    /**
     * The upper bound (exclusive) of bin i.
     *
     * @param i the bin, 0-based
     * @return the bound
     */
    public double upper(int i) {
        return upper[Checks.index(i, upper.length, "i")];
    }

    /**
     * All lower bounds.
     *
     * @return a copy
     */
    public double[] lowers() {
        return lower.clone();
    }

    /**
     * All upper bounds.
     *
     * @return a copy
     */
    public double[] uppers() {
        return upper.clone();
    }

    /**
     * The inner cut points {@code lower(1), ..., lower(n-1)}, ready for {@link CutPoints#of(double...)} to score
     * another snapshot with the same bins.
     *
     * @return the cut points
     */
    public CutPoints cutPoints() {
        return CutPoints.of(Arrays.copyOfRange(lower, 1, lower.length));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Bins && Arrays.equals(lower, ((Bins) o).lower) && Arrays.equals(upper, ((Bins) o).upper);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(lower) + Arrays.hashCode(upper);
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("Bins[");
        for (int i = 0; i < lower.length; i++) {
            sb.append(i == 0 ? "" : ", ").append("[" + TextTable.significant(lower[i], 6) + ", " + TextTable.significant(upper[i], 6) + ")");
        }
        return sb.append(']').toString();
    }
}
