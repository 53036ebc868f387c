package io.loyalty.churn;

/**
 * The order of the churn early-warning list. Ties are broken by customer id, so the list does not depend on the
 * order of the input.
 *
 * @since 0.2
 */
public enum Ranking {
    /** Largest value at risk first: the value a win-back could save (the default). */
    VALUE_AT_RISK,
    /** Lowest P(alive) first; in the fallback (degenerate fit), largest overdue ratio first. */
    P_ALIVE,
    /** Largest overdue ratio first: the longest silence against the customer's own rhythm. */
    OVERDUE,
    /** Largest CLV if retained first: the most valuable customers among those listed. */
    CLV_IF_RETAINED
}
