package io.loyalty.privacy;

import io.loyalty.internal.Checks;

/**
 * How much one customer may contribute to a release, enforced by the library on the raw rows before anything is
 * counted: at most {@link #maxPartitions()} partitions (L0: segments, segment-periods, paths, arms) and at most
 * {@link #maxRowsPerPartition()} rows in each (L-infinity: answers, journeys). A customer over the limit keeps
 * partitions and rows chosen by a keyed hash drawn afresh for each release, so the choice is uniform in effect,
 * independent of the input order and of how the input is split.
 *
 * <p>The bounds set the sensitivity, hence the noise: a count table's L1 sensitivity is
 * {@code maxPartitions * maxRowsPerPartition}, its L2 sensitivity {@code sqrt(maxPartitions) * maxRowsPerPartition}.
 * Tight bounds mean less noise but drop the contributions of the most active customers.
 *
 * @param maxPartitions the L0 bound, {@code >= 1}
 * @param maxRowsPerPartition the L-infinity bound, {@code >= 1}
 * @since 0.2
 */
public record ContributionBounds(int maxPartitions, int maxRowsPerPartition) {
    /** The bounds that cap sensitivity at 1: one partition, one row. */
    public static final ContributionBounds ONE = new ContributionBounds(1, 1);

    /**
     * Validates the bounds.
     *
     * @param maxPartitions the L0 bound, {@code >= 1}
     * @param maxRowsPerPartition the L-infinity bound, {@code >= 1}
     */
    public ContributionBounds {
        Checks.require(maxPartitions >= 1, "maxPartitions must be >= 1, got %d", maxPartitions);
        Checks.require(maxRowsPerPartition >= 1, "maxRowsPerPartition must be >= 1, got %d", maxRowsPerPartition);
    }

    /**
     * The bounds.
     *
     * @param maxPartitions the L0 bound, {@code >= 1}
     * @param maxRowsPerPartition the L-infinity bound, {@code >= 1}
     * @return the bounds
     */
    public static ContributionBounds of(int maxPartitions, int maxRowsPerPartition) {
        return new ContributionBounds(maxPartitions, maxRowsPerPartition);
    }
}
