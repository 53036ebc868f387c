package io.loyalty.spark;

/**
 * What a calculator does with input rows whose required cells are null (or NaN, for a floating-point column).
 *
 * <p>The default everywhere is {@link #REJECT}: the calculator counts such rows in one pass before any long job
 * runs and throws an {@link IllegalArgumentException} naming the column and the count. {@link #DROP} is the
 * caller's explicit request to leave those rows out.
 *
 * @since 0.1
 */
public enum NullPolicy {
    /** Fail with an {@link IllegalArgumentException} naming the column and how many rows are null. */
    REJECT,
    /** Leave out every row with a null (or NaN) cell in a required column. */
    DROP
}
