package io.loyalty.experiment;

/**
 * The alternative hypothesis of a test, as R's {@code alternative} argument. Differences are always first
 * group (treatment) minus second group (control).
 *
 * @since 0.1
 */
public enum Alternative {
    /** The difference is not zero. */
    TWO_SIDED,
    /** The first group is greater than the second. */
    GREATER,
    /** The first group is less than the second. */
    LESS
}
