package io.loyalty.kano;

import io.loyalty.internal.Checks;

/**
 * DuMouchel's continuous analysis of one feature (Berger et al. 1993, section IVb): each answer pair is scored
 * on the functional scale like 4, must-be 2, neutral 0, live-with &minus;1, dislike &minus;2 and on the
 * dysfunctional scale like &minus;2, must-be &minus;1, neutral 0, live-with 2, dislike 4; the feature is summarised
 * by the mean and the <b>sample</b> standard deviation (divisor n &minus; 1; 0 when n = 1) of both scores over the
 * respondents who gave both answers (R and Q pairs included). The quadrant splits both axes at 2, the middle of
 * the scale's useful range: functional &ge; 2 and dysfunctional &ge; 2 is one-dimensional, functional &ge; 2 alone
 * attractive, dysfunctional &ge; 2 alone must-be, neither indifferent.
 *
 * @param functionalMean mean functional score, in [&minus;2, 4]
 * @param functionalSd sample standard deviation of the functional score
 * @param dysfunctionalMean mean dysfunctional score, in [&minus;2, 4]
 * @param dysfunctionalSd sample standard deviation of the dysfunctional score
 * @param n respondents with both answers
 * @param quadrant A, O, M or I as above
 * @since 0.1
 */
public record ContinuousScores(double functionalMean, double functionalSd, double dysfunctionalMean,
        double dysfunctionalSd, long n, Category quadrant) {

    /** Functional score by answer code (index 0 unused). */
    static final int[] FUNCTIONAL = {0, 4, 2, 0, -1, -2};
    /** Dysfunctional score by answer code (index 0 unused). */
    static final int[] DYSFUNCTIONAL = {0, -2, -1, 0, 2, 4};
    /** Where both axes are split into quadrants. */
    static final double SPLIT = 2;

    /**
     * Checks the components.
     *
     * @param functionalMean mean functional score
     * @param functionalSd its standard deviation
     * @param dysfunctionalMean mean dysfunctional score
     * @param dysfunctionalSd its standard deviation
     * @param n respondents with both answers
     * @param quadrant the quadrant
     */
    public ContinuousScores {
        Checks.require(functionalMean >= -2 && functionalMean <= 4, "functionalMean must lie in [-2, 4], got %s",
                functionalMean);
        Checks.require(dysfunctionalMean >= -2 && dysfunctionalMean <= 4,
                "dysfunctionalMean must lie in [-2, 4], got %s", dysfunctionalMean);
        Checks.nonNegative(functionalSd, "functionalSd");
        Checks.nonNegative(dysfunctionalSd, "dysfunctionalSd");
        Checks.require(n > 0, "n must be > 0, got %d", n);
        Checks.notNull(quadrant, "quadrant");
    }

    /** From the counts of the 36 answer cells (functional code * 6 + dysfunctional code); null if no pair. */
    static ContinuousScores fromCells(long[] cells) {
        long n = 0;
        double fs = 0;
        double ds = 0;
        for (int f = 1; f <= 5; f++) {
            for (int d = 1; d <= 5; d++) {
                long c = cells[f * 6 + d];
                n += c;
                fs += (double) c * FUNCTIONAL[f];
                ds += (double) c * DYSFUNCTIONAL[d];
            }
        }
        if (n == 0) {
            return null;
        }
        double fm = fs / n;
        double dm = ds / n;
        // Centred sums of squares from the cell counts: exact, no cancellation of raw sums.
        double fss = 0;
        double dss = 0;
        for (int f = 1; f <= 5; f++) {
            for (int d = 1; d <= 5; d++) {
                long c = cells[f * 6 + d];
                double fd = FUNCTIONAL[f] - fm;
                double dd = DYSFUNCTIONAL[d] - dm;
                fss += c * fd * fd;
                dss += c * dd * dd;
            }
        }
        double fsd = n > 1 ? Math.sqrt(fss / (n - 1)) : 0;
        double dsd = n > 1 ? Math.sqrt(dss / (n - 1)) : 0;
        return new ContinuousScores(fm, fsd, dm, dsd, n, quadrant(fm, dm));
    }

    /**
     * The population standard deviation (divisor n) of the functional score, for comparison with tools that
     * use it: {@code functionalSd * sqrt((n - 1) / n)}.
     *
     * @return the population standard deviation
     */
    public double functionalPopulationSd() {
        return functionalSd * Math.sqrt((n - 1) / (double) n);
    }

    /**
     * The population standard deviation (divisor n) of the dysfunctional score.
     *
     * @return the population standard deviation
     */
    public double dysfunctionalPopulationSd() {
        return dysfunctionalSd * Math.sqrt((n - 1) / (double) n);
    }

    static Category quadrant(double functional, double dysfunctional) {
        if (functional >= SPLIT) {
            return dysfunctional >= SPLIT ? Category.ONE_DIMENSIONAL : Category.ATTRACTIVE;
        }
        return dysfunctional >= SPLIT ? Category.MUST_BE : Category.INDIFFERENT;
    }

    /**
     * The means, deviations and quadrant.
     *
     * @return e.g. {@code functional 1.23 (sd 2.01), dysfunctional 0.45 (sd 1.50), n=358, quadrant I}
     */
    @Override
    public String toString() {
        return Checks.format("functional %.3f (sd %.3f), dysfunctional %.3f (sd %.3f), n=%d, quadrant %s",
                functionalMean, functionalSd, dysfunctionalMean, dysfunctionalSd, n, quadrant.letter());
    }
}
