package io.loyalty.rfm;

import io.loyalty.internal.Checks;
import java.util.Arrays;

/**
 * Caller-given inner cut points of one measure for {@link ScoringMethod#FIXED}: n - 1 non-decreasing finite values
 * that make n half-open bins {@code (-inf, c_1), [c_1, c_2), ..., [c_{n-1}, +inf)}. Bin i scores i for frequency
 * and monetary value and n + 1 - i for recency. Equal cut points leave a bin empty, as in rfm.
 *
 * @since 0.1
 */
public final class CutPoints {
    private final double[] cuts;

    private CutPoints(double[] cuts) {
        this.cuts = cuts;
    }

    /**
     * Cut points given directly, as rfm's {@code recency_bins = c(...)} and friends.
     *
     * @param cuts n - 1 finite, non-decreasing values (n &gt;= 2)
     * @return the cut points
     * @throws IllegalArgumentException if there are none, one is not finite, or they decrease (overlapping bins)
     */
    public static CutPoints of(double... cuts) {
        Checks.notNull(cuts, "cuts");
        Checks.require(cuts.length >= 1, "cuts must hold at least one cut point (n >= 2 bins), got none");
        double[] c = cuts.clone();
        for (int i = 0; i < c.length; i++) {
            Checks.finite(c[i], "cuts[" + i + "]");
            if (i > 0 && !(c[i] >= c[i - 1])) {
                throw new IllegalArgumentException(Checks.format(
                        "cuts[%d] = %s is below cuts[%d] = %s: the bins would overlap", i, c[i], i - 1, c[i - 1]));
            }
        }
        return new CutPoints(c);
    }

    /**
     * Cut points from bins given as half-open ranges {@code [lower_i, upper_i)} in increasing order, such as a
     * table of thresholds: each upper bound must equal the next lower bound. The outermost bounds only document the
     * range; values beyond them fall in the first or last bin.
     *
     * @param lower the lower bounds, one per bin (n &gt;= 2)
     * @param upper the upper bounds, one per bin
     * @return the cut points {@code lower_2, ..., lower_n}
     * @throws IllegalArgumentException if the lengths differ, a range is reversed, or two neighbours overlap or
     *     leave a gap
     */
    public static CutPoints ofRanges(double[] lower, double[] upper) {
        Checks.notNull(lower, "lower");
        Checks.notNull(upper, "upper");
        Checks.sameLength(lower.length, upper.length, "upper");
        Checks.require(lower.length >= 2, "ranges must describe at least 2 bins, got %d", lower.length);
        for (int i = 0; i < lower.length; i++) {
            Checks.finite(lower[i], "lower[" + i + "]");
            Checks.finite(upper[i], "upper[" + i + "]");
            Checks.require(lower[i] <= upper[i], "range %d [%s, %s) is reversed", i, lower[i], upper[i]);
            if (i > 0) {
                Checks.require(!(upper[i - 1] > lower[i]), "ranges %d [%s, %s) and %d [%s, %s) overlap", i - 1,
                        lower[i - 1], upper[i - 1], i, lower[i], upper[i]);
                Checks.require(!(upper[i - 1] < lower[i]), "ranges %d [%s, %s) and %d [%s, %s) leave a gap", i - 1,
                        lower[i - 1], upper[i - 1], i, lower[i], upper[i]);
            }
        }
        return new CutPoints(Arrays.copyOfRange(lower, 1, lower.length));
    }

    /**
     * The number of bins, one more than the cut points.
     *
     * @return n
     */
    public int bins() {
        return cuts.length + 1;
    }

    /**
     * The cut points.
     *
     * @return a copy
     */
    public double[] values() {
        return cuts.clone();
    }

    double[] raw() {
        return cuts;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CutPoints && Arrays.equals(cuts, ((CutPoints) o).cuts);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(cuts);
    }

    @Override
    public String toString() {
        return "CutPoints" + Arrays.toString(cuts);
    }
}
