package io.loyalty.rfm;

/**
 * How a measure's values are cut into scores 1..n. Recency is always reversed: the most recent customers get n.
 *
 * @since 0.1
 */
public enum ScoringMethod {
    /**
     * The R package rfm 0.3.0, exactly: quantiles of R's default type 7 at probabilities 0, 1/n, ..., 1; the inner
     * quantiles plus one are the cut points; bin i is the half-open {@code [lower_i, upper_i)} running from the
     * minimum to the maximum plus one. Tied values always share a bin, and equal cut points leave a bin empty, so
     * score counts can be uneven.
     */
    R_RFM,
    /**
     * Equal-count ranking like SQL {@code ntile(n)}: customers ordered by the measure (recency descending) fill
     * buckets of sizes {@code ceil(N/n)} then {@code floor(N/n)}. Tie rule: every customer of a run of equal values
     * takes the bucket of the run's first position, the lowest score the run reaches, so equal values share a
     * score, the result does not depend on input order or ids, and the bucket sizes are equal up to ties.
     */
    NTILE,
    /**
     * Caller-given cut points per measure ({@link CutPoints}), used as given (no +1): bin i is
     * {@code [c_{i-1}, c_i)} with the outer bins open towards the minimum and the maximum, as rfm does with
     * user-given bins.
     */
    FIXED
}
