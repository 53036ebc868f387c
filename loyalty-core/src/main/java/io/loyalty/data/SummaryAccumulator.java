package io.loyalty.data;

import io.loyalty.internal.Checks;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A mergeable accumulator of per-customer summary state: add transactions in any order, split the input across
 * threads with one accumulator each and {@link #combine} them, then take an immutable {@link #snapshot()}. The
 * snapshot never depends on the order of the input or on how it was split.
 *
 * <p>Memory grows with customers and their distinct purchase periods, not with transactions. Not thread-safe:
 * use one accumulator per thread. Rows are numbered from 0 in the order this accumulator received them, for
 * error messages.
 *
 * @since 0.1
 */
public final class SummaryAccumulator {
    private final Summarizer config;
    private final Map<String, CustomerState> states = new HashMap<>();
    private long rows;

    SummaryAccumulator(Summarizer config) {
        this.config = config;
    }

    /**
     * Adds one transaction.
     *
     * @param transaction the transaction
     * @return this accumulator
     */
    public SummaryAccumulator add(Transaction transaction) {
        Checks.notNull(transaction, "transaction at row " + rows);
        Instant t = transaction.time();
        return add(transaction.customerId(), t.getEpochSecond(), t.getNano(), transaction.amount(), rows);
    }

    /**
     * Adds one transaction given by its parts.
     *
     * @param customerId the customer's id
     * @param time when it happened
     * @param amount the money
     * @return this accumulator
     */
    public SummaryAccumulator add(String customerId, Instant time, double amount) {
        Checks.notNull(time, "time at row " + rows);
        return add(customerId, time.getEpochSecond(), time.getNano(), amount, rows);
    }

    SummaryAccumulator add(String customerId, long second, int nano, double amount, long row) {
        config.checkRow(row, customerId, second, nano, amount);
        return addChecked(customerId, second, nano, amount, config.rule().index(second, nano));
    }

    /** Adds a row that passed {@link Summarizer#checkRow}, in the purchase period the caller worked out. */
    SummaryAccumulator addChecked(String customerId, long second, int nano, double amount, long period) {
        CustomerState s = states.get(customerId);
        if (s == null) {
            s = new CustomerState();
            states.put(customerId, s);
        }
        if (amount < 0) {
            s.addReturn(amount);
        } else {
            s.addPurchase(period, second, nano, amount);
        }
        rows++;
        return this;
    }

    /**
     * Merges another accumulator of the same configuration into this one; {@code other} is left unchanged.
     *
     * @param other the other accumulator
     * @return this accumulator
     */
    public SummaryAccumulator combine(SummaryAccumulator other) {
        Checks.notNull(other, "other");
        Checks.require(other.config.rule().equals(config.rule())
                && other.config.observationEnd().equals(config.observationEnd())
                && other.config.netsReturns() == config.netsReturns(),
                "cannot combine accumulators of different summarizers: %s and %s", config, other.config);
        for (Map.Entry<String, CustomerState> e : other.states.entrySet()) {
            CustomerState mine = states.get(e.getKey());
            if (mine == null) {
                states.put(e.getKey(), e.getValue().copy());
            } else {
                mine.merge(e.getValue());
            }
        }
        rows += other.rows;
        return this;
    }

    /**
     * The number of rows added (including those merged in).
     *
     * @return the row count
     */
    public long rows() {
        return rows;
    }

    /**
     * The number of distinct customers seen.
     *
     * @return the customer count
     */
    public int customers() {
        return states.size();
    }

    /**
     * The immutable summaries of everything added so far, ordered by customer id (empty if nothing was added).
     *
     * @return the summaries
     */
    public CustomerSummaries snapshot() {
        List<String> ids = new ArrayList<>(states.keySet());
        ids.sort(IdOrder.INSTANCE);
        String[] idArray = ids.toArray(new String[0]);
        CustomerState[] ordered = new CustomerState[idArray.length];
        for (int i = 0; i < idArray.length; i++) {
            ordered[i] = states.get(idArray[i]);
        }
        return CustomerSummaries.of(config.rule(), config.observationEnd(),
                config.rule().index(config.observationEnd()), idArray, ordered);
    }
}
