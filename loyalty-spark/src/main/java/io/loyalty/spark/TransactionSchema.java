package io.loyalty.spark;

import io.loyalty.internal.Checks;

import java.io.Serializable;
import java.util.Objects;

/**
 * Which columns of a transactions {@code Dataset<Row>} hold the customer id, the event time and the amount, and
 * what to do with rows where one of them is null.
 *
 * <ul>
 *   <li>customer id: a string or an integral column (integral ids are read as their decimal string);</li>
 *   <li>time: a {@code timestamp} column (an instant, read to the second) or a {@code date} column (a calendar
 *       day, whose period is that day in the period rule's zone, as the core's
 *       {@link io.loyalty.data.TransactionColumns#ofEpochDays(String[], int[], double[])} reads it);</li>
 *   <li>amount: any numeric column.</li>
 * </ul>
 *
 * <pre>{@code
 * TransactionSchema schema = TransactionSchema.of("CustomerID", "InvoiceDate", "Amount");
 * }</pre>
 *
 * @since 0.1
 */
public final class TransactionSchema implements Serializable {
    private static final long serialVersionUID = 1L;

    /** The column of customer ids. */
    private final String customerId;
    /** The column of transaction times. */
    private final String time;
    /** The column of amounts. */
    private final String amount;
    /** What a row with a null in a required column does. */
    private final NullPolicy nulls;

    private TransactionSchema(String customerId, String time, String amount, NullPolicy nulls) {
        this.customerId = customerId;
        this.time = time;
        this.amount = amount;
        this.nulls = nulls;
    }

    /**
     * Names the three columns; rows with a null in any of them are rejected.
     *
     * @param customerId the customer-id column
     * @param time the event-time column
     * @param amount the amount column
     * @return the schema
     */
    public static TransactionSchema of(String customerId, String time, String amount) {
        return new TransactionSchema(Checks.notBlank(customerId, "customerId"), Checks.notBlank(time, "time"),
                Checks.notBlank(amount, "amount"), NullPolicy.REJECT);
    }

    /**
     * The same columns, with rows that have a null id, time or amount (or a NaN amount) left out.
     *
     * @return a schema that drops incomplete rows
     */
    public TransactionSchema droppingNulls() {
        return new TransactionSchema(customerId, time, amount, NullPolicy.DROP);
    }

    /** @return the customer-id column name */
    public String customerId() {
        return customerId;
    }

    /** @return the event-time column name */
    public String time() {
        return time;
    }

    /** @return the amount column name */
    public String amount() {
        return amount;
    }

    /** @return what happens to rows with a null in a named column */
    public NullPolicy nulls() {
        return nulls;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TransactionSchema s && s.customerId.equals(customerId) && s.time.equals(time)
                && s.amount.equals(amount) && s.nulls == nulls;
    }

    @Override
    public int hashCode() {
        return Objects.hash(customerId, time, amount, nulls);
    }

    @Override
    public String toString() {
        return "TransactionSchema[id=" + customerId + ", time=" + time + ", amount=" + amount + ", nulls=" + nulls
                + "]";
    }
}
