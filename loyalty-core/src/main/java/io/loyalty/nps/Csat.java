package io.loyalty.nps;

import io.loyalty.internal.Checks;
import io.loyalty.stats.Interval;

/**
 * Customer satisfaction (CSAT) on a 1..5 scale (1 very dissatisfied .. 5 very satisfied).
 *
 * <ul>
 *   <li>Top-2-box CSAT: the share of 4s and 5s ({@link #topTwoBox()}; &times;100 for the usual percentage), with a
 *       Wilson score interval.</li>
 *   <li>Weighted-mean CSAT: the mean of a weight per point, by default 0, 25, 50, 75, 100 (a percentage), with a
 *       Student-t interval.</li>
 *   <li>The mean rating 1..5 with a Student-t interval.</li>
 * </ul>
 *
 * <p>Immutable; equality compares the counts.
 *
 * @since 0.1
 */
public final class Csat {
    private static final int POINTS = 5;
    private static final double[] PERCENT_WEIGHTS = {0, 25, 50, 75, 100};
    private static final double[] RATINGS = {1, 2, 3, 4, 5};

    private final long[] counts;

    private Csat(long[] counts) {
        this.counts = counts;
    }

    /**
     * CSAT from the number of answers at each point.
     *
     * @param counts five counts, for ratings 1..5; not modified
     * @return the score
     * @throws IllegalArgumentException if there are not five counts, one is negative, or all are zero
     */
    public static Csat ofCounts(long... counts) {
        return new Csat(Ratings.counts(counts, POINTS, "CSAT"));
    }

    /**
     * CSAT from answers 1..5.
     *
     * @param answers the answers; not modified
     * @return the score
     * @throws IllegalArgumentException if an answer is outside 1..5 (naming its row) or there are none
     */
    public static Csat ofAnswers(int... answers) {
        return ofCounts(Ratings.tally(answers, POINTS));
    }

    /**
     * CSAT from answers 1..5 given as doubles; each must be a whole number.
     *
     * @param answers the answers; not modified
     * @return the score
     * @throws IllegalArgumentException if an answer is not an integer or is outside 1..5 (naming its row), or
     *     there are none
     */
    public static Csat ofAnswers(double... answers) {
        return ofCounts(Ratings.tally(answers, POINTS));
    }

    /**
     * The number of answers.
     *
     * @return n &gt; 0
     */
    public long n() {
        return Ratings.n(counts);
    }

    /**
     * The counts for ratings 1..5.
     *
     * @return a copy
     */
    public long[] counts() {
        return counts.clone();
    }

    /**
     * The share of satisfied answers (4 or 5).
     *
     * @return the share in [0, 1]
     */
    public double topTwoBox() {
        return (double) Ratings.sum(counts, 4, 5) / n();
    }

    /**
     * The Wilson score interval of the top-2-box share.
     *
     * @param confidence the confidence level, in (0, 1)
     * @return the interval, inside [0, 1]
     */
    public Interval topTwoBoxInterval(double confidence) {
        return Ratings.wilson(Ratings.sum(counts, 4, 5), n(), confidence);
    }

    /**
     * The weighted-mean CSAT with weights 0, 25, 50, 75, 100 for ratings 1..5.
     *
     * @return the percentage in [0, 100]
     */
    public double weightedPercent() {
        return Ratings.mean(counts, PERCENT_WEIGHTS);
    }

    /**
     * The mean of a weight per rating.
     *
     * @param weights five finite weights, for ratings 1..5; not modified
     * @return the weighted mean
     */
    public double weightedMean(double[] weights) {
        return Ratings.mean(counts, Ratings.checkedWeights(weights, POINTS));
    }

    /**
     * The Student-t interval of the weighted-mean CSAT (weights 0..100).
     *
     * @param confidence the confidence level, in (0, 1)
     * @return the interval
     * @throws IllegalStateException with fewer than 2 answers
     */
    public Interval weightedPercentInterval(double confidence) {
        return Ratings.meanInterval(counts, PERCENT_WEIGHTS, confidence, "CSAT");
    }

    /**
     * The mean rating.
     *
     * @return the mean in [1, 5]
     */
    public double mean() {
        return Ratings.mean(counts, RATINGS);
    }

    /**
     * The Student-t interval of the mean rating.
     *
     * @param confidence the confidence level, in (0, 1)
     * @return the interval
     * @throws IllegalStateException with fewer than 2 answers
     */
    public Interval meanInterval(double confidence) {
        return Ratings.meanInterval(counts, RATINGS, confidence, "CSAT");
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Csat && java.util.Arrays.equals(counts, ((Csat) o).counts);
    }

    @Override
    public int hashCode() {
        return java.util.Arrays.hashCode(counts);
    }

    @Override
    public String toString() {
        return Checks.format("Csat[n=%d, top-2-box %.1f%%, weighted %.2f%%, mean %.3f]", n(), 100 * topTwoBox(),
                weightedPercent(), mean());
    }
}
