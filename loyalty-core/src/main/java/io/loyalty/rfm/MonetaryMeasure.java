package io.loyalty.rfm;

/**
 * Which monetary value is scored.
 *
 * @since 0.1
 */
public enum MonetaryMeasure {
    /** The customer's total revenue, as the rfm package scores it (the default). */
    TOTAL,
    /** The customer's revenue per order: total revenue divided by the order count. */
    MEAN_PER_ORDER
}
