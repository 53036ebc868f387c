package io.loyalty.data;

import io.loyalty.internal.Checks;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

/**
 * One purchase (or, with {@link Summarizer#withReturnsNetted()}, one return): who, when, how much, and
 * optionally the order and the channel it came through.
 *
 * <p>Times are instants. The {@link LocalDate} and {@link LocalDateTime} factories read a local date or time
 * as UTC; use {@link #of(String, Instant, double)} with your own zone when that matters. An amount may be zero;
 * a negative amount is a return, which {@link Summarizer} rejects unless returns are netted.
 *
 * @param customerId the customer's id, not blank
 * @param time when it happened
 * @param amount the money, finite (zero allowed)
 * @param orderId the order (invoice) id, or null
 * @param channel the channel it came through, or null
 * @since 0.1
 */
public record Transaction(String customerId, Instant time, double amount, String orderId, String channel) {

    /**
     * Validates the fields.
     *
     * @param customerId the customer's id, not blank
     * @param time when it happened
     * @param amount the money, finite
     * @param orderId the order id, or null
     * @param channel the channel, or null
     */
    public Transaction {
        Checks.notBlank(customerId, "customerId");
        Checks.notNull(time, "time");
        if (!Double.isFinite(amount)) {
            throw new IllegalArgumentException(
                    Checks.format("amount must be finite, got %s for customer '%s'", amount, customerId));
        }
    }

    /**
     * A transaction without order id or channel.
     *
     * @param customerId the customer's id
     * @param time when it happened
     * @param amount the money
     * @return the transaction
     */
    public static Transaction of(String customerId, Instant time, double amount) {
        return new Transaction(customerId, time, amount, null, null);
    }

    /**
     * A transaction on a date, read as the start of that day in UTC.
     *
     * @param customerId the customer's id
     * @param date the day it happened
     * @param amount the money
     * @return the transaction
     */
    public static Transaction of(String customerId, LocalDate date, double amount) {
        Checks.notNull(date, "date");
        return of(customerId, date.atStartOfDay(ZoneOffset.UTC).toInstant(), amount);
    }

    /**
     * A transaction at a local date-time, read as UTC.
     *
     * @param customerId the customer's id
     * @param time when it happened (UTC)
     * @param amount the money
     * @return the transaction
     */
    public static Transaction of(String customerId, LocalDateTime time, double amount) {
        Checks.notNull(time, "time");
        return of(customerId, time.toInstant(ZoneOffset.UTC), amount);
    }

    /**
     * A transaction whose customer id is a number.
     *
     * @param customerId the customer's id
     * @param time when it happened
     * @param amount the money
     * @return the transaction
     */
    public static Transaction of(long customerId, Instant time, double amount) {
        return of(Long.toString(customerId), time, amount);
    }

    /**
     * This transaction with an order id.
     *
     * @param id the order (invoice) id
     * @return a new transaction
     */
    public Transaction withOrderId(String id) {
        return new Transaction(customerId, time, amount, id, channel);
    }

    /**
     * This transaction with a channel.
     *
     * @param name the channel
     * @return a new transaction
     */
    public Transaction withChannel(String name) {
        return new Transaction(customerId, time, amount, orderId, name);
    }
}
