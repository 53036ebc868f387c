package io.loyalty.rfm;

import io.loyalty.internal.Checks;
import java.util.Arrays;

/**
 * Inner cut points of one measure: n - 1 non-decreasing finite values that make n half-open bins
 * {@code (-inf, c_1), [c_1, c_2), ..., [c_{n-1}, +inf)}. Bin i scores i for frequency and monetary value and
 * n + 1 - i for recency. Equal cut points leave a bin empty, as in rfm.
 *
 * <p>Given by the caller for {@link ScoringMethod#FIXED} ({@link #of(double...)}, {@link #ofRanges}), or computed
 * by the rule of {@link ScoringMethod#R_RFM} from a few order statistics of the data
 * ({@link #rfmRanks(long, int)}, {@link #ofRfmOrderStatistics}), so that an engine that cannot hold the sorted
 * values in one array (a Spark cluster) fetches those and gets the scorer's cut points to the bit. How a value
 * is scored against them is {@link #scoreExpression(boolean, ScoreBuilder)}, for such an engine to write in its
 * own expression language.
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
     * The ranks (1-based, ascending, distinct) of the order statistics that {@link ScoringMethod#R_RFM} reads to
     * cut {@code count} values into {@code bins} bins: for each inner probability {@code p_i = i (1/n)}, R's type-7
     * quantile reads the values at ranks {@code floor(h)} and {@code ceil(h)}, {@code h = 1 + (count - 1) p_i}.
     *
     * @param count the number of values (customers), at least 1
     * @param bins n, 2..{@value RfmScorer#MAX_BINS}
     * @return the ranks whose values {@link #ofRfmOrderStatistics} takes
     * @throws IllegalArgumentException if count or bins is out of range
     */
    public static long[] rfmRanks(long count, int bins) {
        checkCountAndBins(count, bins);
        return Binning.rfmRanks(count, bins);
    }

    /**
     * The cut points {@link ScoringMethod#R_RFM} makes from {@code count} values, given only the order
     * statistics it reads: {@code Q(p_i) + 1} with R's type-7 quantile {@code Q}, computed by the same code as
     * {@link RfmScorer} on a sorted array, so equal to its cut points to the bit.
     *
     * @param count the number of values (customers), at least 1
     * @param bins n, 2..{@value RfmScorer#MAX_BINS}
     * @param ranks exactly {@link #rfmRanks(long, int) rfmRanks(count, bins)}
     * @param values the k-th smallest value for each rank k in {@code ranks}: finite, non-decreasing
     * @return the cut points (not re-checked for order: as the scorer, kept as computed)
     * @throws IllegalArgumentException if the ranks are not those of {@code rfmRanks}, or a value is not finite or
     *     below the one before
     */
    public static CutPoints ofRfmOrderStatistics(long count, int bins, long[] ranks, double[] values) {
        Checks.notNull(ranks, "ranks");
        Checks.notNull(values, "values");
        long[] expected = rfmRanks(count, bins);
        Checks.require(Arrays.equals(expected, ranks), "ranks must be rfmRanks(%d, %d) = %s, got %s", count, bins,
                Arrays.toString(expected), Arrays.toString(ranks));
        Checks.sameLength(ranks.length, values.length, "values");
        for (int i = 0; i < values.length; i++) {
            Checks.finite(values[i], "values[" + i + "]");
            if (i > 0 && !(values[i] >= values[i - 1])) {
                throw new IllegalArgumentException(Checks.format(
                        "values[%d] = %s is below values[%d] = %s: order statistics do not decrease", i, values[i],
                        i - 1, values[i - 1]));
            }
        }
        return new CutPoints(Binning.rfmCuts(count, bins, k -> values[Arrays.binarySearch(ranks, k)]));
    }

    private static void checkCountAndBins(long count, int bins) {
        Checks.require(count >= 1, "count must be at least 1, got %d", count);
        Checks.require(bins >= 2 && bins <= RfmScorer.MAX_BINS, "bins must lie in 2..%d, got %d", RfmScorer.MAX_BINS,
                bins);
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

    /**
     * The bins these cut points make over data that runs from {@code min} to {@code max}, as {@link RfmScores}
     * reports them: the first lower bound is {@code min}, the last upper bound {@code max + 1}.
     *
     * @param min the smallest value of the measure
     * @param max the largest value of the measure, &gt;= min
     * @return the bins
     * @throws IllegalArgumentException if a bound is not finite or max &lt; min
     */
    public Bins bins(double min, double max) {
        Checks.finite(min, "min");
        Checks.finite(max, "max");
        Checks.require(min <= max, "max (%s) must be >= min (%s)", max, min);
        return Binning.binsAround(min, max, cuts);
    }

    /**
     * Writes how a value is scored against these cut points in another engine's expression language (a Spark
     * {@code Column}, SQL text), so that the engine applies the scorer's rule rather than its own. The score is
     * <pre>
     *   start + step [value &gt;= c_1] + ... + step [value &gt;= c_{n-1}]
     * </pre>
     * with {@code start = 1, step = +1} for frequency and monetary value and {@code start = n, step = -1} for
     * recency ({@code reversed}): one plus the number of cut points at or below the value, reversed for recency,
     * exactly as {@link RfmScorer} scores. A value equal to a cut point belongs to the higher bin.
     *
     * @param <E> the engine's expression type
     * @param reversed true for recency (the fewest days score n)
     * @param builder writes the expression
     * @return the score expression
     */
    public <E> E scoreExpression(boolean reversed, ScoreBuilder<E> builder) {
        Checks.notNull(builder, "builder");
        int n = bins();
        int step = reversed ? -1 : 1;
        E score = builder.constant(reversed ? n : 1);
        for (double c : cuts) {
            score = builder.plusIfAtLeast(score, c, step);
        }
        return score;
    }

    /**
     * The two operations {@link #scoreExpression(boolean, ScoreBuilder)} needs from an expression language.
     *
     * @param <E> the engine's expression type
     * @since 0.1
     */
    public interface ScoreBuilder<E> {
        /**
         * A constant score.
         *
         * @param score the score
         * @return the expression
         */
        E constant(int score);

        /**
         * {@code score + (value >= cut ? step : 0)}, where value is the measure being scored.
         *
         * @param score the score so far
         * @param cut a cut point
         * @param step +1 or -1
         * @return the expression
         */
        E plusIfAtLeast(E score, double cut, int step);
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
