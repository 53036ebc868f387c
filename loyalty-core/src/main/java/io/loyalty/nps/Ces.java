package io.loyalty.nps;

import io.loyalty.internal.Checks;
import io.loyalty.stats.Interval;

/**
 * Customer effort score (CES 2.0) on a 1..7 scale (1 extremely difficult .. 7 extremely easy).
 *
 * <ul>
 *   <li>The mean answer with a Student-t interval.</li>
 *   <li>The net easy score: share of 6&ndash;7 minus share of 1&ndash;3 ({@link #net()}), a trinomial difference like
 *       NPS, so {@link #netScore()} returns it as an {@link Nps} (1&ndash;3 as "detractors", 4&ndash;5 as
 *       "passives", 6&ndash;7 as "promoters") with all its intervals.</li>
 * </ul>
 *
 * <p>Immutable; equality compares the counts.
 *
 * @since 0.1
 */
public final class Ces {
    private static final int POINTS = 7;
    private static final double[] RATINGS = {1, 2, 3, 4, 5, 6, 7};

    private final long[] counts;

    private Ces(long[] counts) {
        this.counts = counts;
    }

    /**
     * CES from the number of answers at each point.
     *
     * @param counts seven counts, for answers 1..7; not modified
     * @return the score
     * @throws IllegalArgumentException if there are not seven counts, one is negative, or all are zero
     */
    public static Ces ofCounts(long... counts) {
        return new Ces(Ratings.counts(counts, POINTS, "CES"));
    }

    /**
     * CES from answers 1..7.
     *
     * @param answers the answers; not modified
     * @return the score
     * @throws IllegalArgumentException if an answer is outside 1..7 (naming its row) or there are none
     */
    public static Ces ofAnswers(int... answers) {
        return ofCounts(Ratings.tally(answers, POINTS));
    }

    /**
     * CES from answers 1..7 given as doubles; each must be a whole number.
     *
     * @param answers the answers; not modified
     * @return the score
     * @throws IllegalArgumentException if an answer is not an integer or is outside 1..7 (naming its row), or
     *     there are none
     */
    public static Ces ofAnswers(double... answers) {
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
     * The counts for answers 1..7.
     *
     * @return a copy
     */
    public long[] counts() {
        return counts.clone();
    }

    /**
     * The mean answer.
     *
     * @return the mean in [1, 7]
     */
    public double mean() {
        return Ratings.mean(counts, RATINGS);
    }

    /**
     * The Student-t interval of the mean answer.
     *
     * @param confidence the confidence level, in (0, 1)
     * @return the interval
     * @throws IllegalStateException with fewer than 2 answers
     */
    public Interval meanInterval(double confidence) {
        return Ratings.meanInterval(counts, RATINGS, confidence, "CES");
    }

    /**
     * The net easy score: share of 6&ndash;7 minus share of 1&ndash;3.
     *
     * @return the net score in [&minus;1, 1]
     */
    public double net() {
        return netScore().score();
    }

    /**
     * The net easy score as a trinomial tally, for its intervals and tests.
     *
     * @return 1&ndash;3 as detractors, 4&ndash;5 as passives, 6&ndash;7 as promoters
     */
    public Nps netScore() {
        return Nps.ofCounts(Ratings.sum(counts, 1, 3), Ratings.sum(counts, 4, 5), Ratings.sum(counts, 6, 7));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Ces && java.util.Arrays.equals(counts, ((Ces) o).counts);
    }

    @Override
    public int hashCode() {
        return java.util.Arrays.hashCode(counts);
    }

    @Override
    public String toString() {
        return Checks.format("Ces[n=%d, mean %.3f, net %+.1f%%]", n(), mean(), 100 * net());
    }
}
