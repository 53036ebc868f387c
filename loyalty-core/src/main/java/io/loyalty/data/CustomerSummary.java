package io.loyalty.data;

import io.loyalty.internal.Checks;
import java.time.Instant;

/**
 * One customer's purchase history in the buy-till-you-die convention (lifetimes'
 * {@code summary_data_from_transaction_data}): times are in the unit of the {@link PeriodRule} that made it.
 *
 * @param customerId the customer's id
 * @param frequency repeat purchases: the number of distinct periods with a purchase, minus one
 * @param recency time from the first to the last purchase period
 * @param t time from the first purchase period to the observation end ({@code T} in the literature)
 * @param monetary mean value of the repeat purchase periods (same-period purchases summed, the first period
 *     left out); 0 when {@code frequency} is 0
 * @param firstPurchase the exact time of the first purchase
 * @param lastPurchase the exact time of the last purchase
 * @param transactions the number of purchase rows (returns not counted)
 * @param totalValue the value of all purchases, net of returns when they are netted
 * @since 0.1
 */
public record CustomerSummary(String customerId, int frequency, double recency, double t, double monetary,
        Instant firstPurchase, Instant lastPurchase, int transactions, double totalValue) {
    /**
     * Checks the components: ids and times present, times and money finite.
     *
     * @param customerId the customer's id
     * @param frequency repeat purchases
     * @param recency time from the first to the last purchase period
     * @param t time from the first purchase period to the observation end
     * @param monetary mean value of the repeat purchase periods
     * @param firstPurchase the exact time of the first purchase
     * @param lastPurchase the exact time of the last purchase
     * @param transactions the number of purchase rows
     * @param totalValue the value of all purchases
     */
    public CustomerSummary {
        Checks.notNull(customerId, "customerId");
        Checks.finite(recency, "recency");
        Checks.finite(t, "t");
        Checks.finite(monetary, "monetary");
        Checks.notNull(firstPurchase, "firstPurchase");
        Checks.notNull(lastPurchase, "lastPurchase");
        Checks.finite(totalValue, "totalValue");
    }
}
