package io.loyalty.privacy;

import io.loyalty.internal.Checks;

/**
 * A library-wide switch that keeps customer data out of exception messages, for services that log exceptions.
 *
 * <p>Under {@link #REDACTED}, every message the library formats through its central formatter (the argument checks
 * of every family and of the Tablesaw adapters, but for a few messages built by string concatenation) reads
 * {@code <redacted>} in place of: a floating-point value
 * (an amount, a score, a parameter), a date or time, and a value quoted in the message as {@code '...'} (a customer
 * id, an order id, a segment or channel name taken from the data, a blank cell). Argument and column names, row
 * numbers, counts and the rule that was broken stay, so the message still says what to fix and where. Messages of
 * the JDK and of Tablesaw or Spark themselves, and the {@code toString()} of results, are not covered.
 *
 * <p>The switch is global and volatile: set it once at start-up.
 *
 * @since 0.2
 */
public enum MessagePolicy {
    /** Messages name the offending values (the default). */
    VERBATIM,
    /** Messages keep names, rows and counts but not values. */
    REDACTED;

    /**
     * Sets the policy for the whole library.
     *
     * @param policy the policy
     * @throws IllegalArgumentException if {@code policy} is null
     */
    public static void set(MessagePolicy policy) {
        Checks.redactValues(Checks.notNull(policy, "policy") == REDACTED);
    }

    /**
     * The policy in force.
     *
     * @return the policy
     */
    public static MessagePolicy current() {
        return Checks.redactsValues() ? REDACTED : VERBATIM;
    }
}
