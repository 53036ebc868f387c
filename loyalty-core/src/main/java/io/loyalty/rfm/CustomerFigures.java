package io.loyalty.rfm;

import io.loyalty.internal.Checks;

/**
 * One customer's ready figures, as rfm's {@code rfm_table_customer} takes them.
 *
 * @param customerId the customer's id, not blank
 * @param recencyDays days since the last purchase, finite and &gt;= 0
 * @param orders the number of orders, finite and &gt; 0
 * @param revenue the total revenue, finite and &gt;= 0
 * @since 0.1
 */
public record CustomerFigures(String customerId, double recencyDays, double orders, double revenue) {

    /**
     * Validates the figures.
     *
     * @param customerId the customer's id
     * @param recencyDays days since the last purchase
     * @param orders the number of orders
     * @param revenue the total revenue
     * @throws IllegalArgumentException naming the field and the value if one is out of range
     */
    public CustomerFigures {
        Checks.notBlank(customerId, "customerId");
        RfmScorer.checkFigures(customerId, recencyDays, orders, revenue);
    }

    /**
     * Figures of one customer.
     *
     * @param customerId the customer's id
     * @param recencyDays days since the last purchase
     * @param orders the number of orders
     * @param revenue the total revenue
     * @return the figures
     */
    public static CustomerFigures of(String customerId, double recencyDays, double orders, double revenue) {
        return new CustomerFigures(customerId, recencyDays, orders, revenue);
    }
}
