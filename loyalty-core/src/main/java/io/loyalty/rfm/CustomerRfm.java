package io.loyalty.rfm;

import io.loyalty.internal.Checks;
import io.loyalty.internal.TextTable;

/**
 * One customer's row of an {@link RfmScores} table, as rfm prints it.
 *
 * @param customerId the customer's id
 * @param recencyDays days since the last purchase
 * @param orders the number of orders (the frequency)
 * @param revenue the total revenue
 * @param monetary the scored monetary value (the revenue, or the revenue per order)
 * @param recencyScore the recency score, 1..n (n = most recent)
 * @param frequencyScore the frequency score, 1..n
 * @param monetaryScore the monetary score, 1..n
 * @param segment the segment's name
 * @since 0.1
 */
public record CustomerRfm(String customerId, double recencyDays, double orders, double revenue, double monetary,
        int recencyScore, int frequencyScore, int monetaryScore, String segment) {
    /**
     * Checks the values.
     *
     * @param customerId the customer's id
     * @param recencyDays days since the last purchase
     * @param orders the number of orders (the frequency)
     * @param revenue the total revenue
     * @param monetary the scored monetary value (the revenue, or the revenue per order)
     * @param recencyScore the recency score, 1..n (n = most recent)
     * @param frequencyScore the frequency score, 1..n
     * @param monetaryScore the monetary score, 1..n
     * @param segment the segment's name
     * @throws IllegalArgumentException naming the component if one is null, or a number is NaN or out of range
     */
    public CustomerRfm {
        Checks.notNull(customerId, "customerId");
        Checks.finite(recencyDays, "recencyDays");
        Checks.nonNegative(orders, "orders");
        Checks.finite(revenue, "revenue");
        Checks.finite(monetary, "monetary");
        Checks.notNull(segment, "segment");
    }


    /**
     * The combined score {@code 100 R + 10 F + M}, as rfm's {@code rfm_score} (read as three digits when n &lt;= 9).
     *
     * @return the combined score
     */
    public int rfmScore() {
        return RfmScores.combinedScore(recencyScore, frequencyScore, monetaryScore);
    }

    @Override
    public String toString() {
        return Checks.format("%s: recency %s days, %s orders, monetary %.2f, score %d, %s", customerId,
                TextTable.count(recencyDays), TextTable.count(orders), monetary, rfmScore(), segment);
    }
}
