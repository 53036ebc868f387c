package io.loyalty.rfm;

import io.loyalty.internal.Checks;
import io.loyalty.internal.TextTable;

/**
 * One row of a {@link SegmentSummary}.
 *
 * @param segment the segment's name
 * @param customers the number of customers in it
 * @param orders their orders
 * @param revenue their revenue
 * @param averageOrderValue revenue / orders, 0 for an empty segment
 * @param customerShare customers / all customers
 * @param revenueShare revenue / all revenue, 0 when there is no revenue at all
 * @since 0.1
 */
public record SegmentStats(String segment, long customers, double orders, double revenue, double averageOrderValue,
        double customerShare, double revenueShare) {
    /**
     * Checks the values.
     *
     * @param segment the segment's name
     * @param customers the number of customers in it
     * @param orders their orders
     * @param revenue their revenue
     * @param averageOrderValue revenue / orders, 0 for an empty segment
     * @param customerShare customers / all customers
     * @param revenueShare revenue / all revenue, 0 when there is no revenue at all
     * @throws IllegalArgumentException naming the component if one is null, or a number is NaN or out of range
     */
    public SegmentStats {
        Checks.notNull(segment, "segment");
        Checks.nonNegative(orders, "orders");
        Checks.finite(revenue, "revenue");
        Checks.finite(averageOrderValue, "averageOrderValue");
        Checks.unit(customerShare, "customerShare");
        Checks.finite(revenueShare, "revenueShare");
    }


    @Override
    public String toString() {
        return Checks.format("%s: %d customers, %s orders, revenue %.2f, AOV %.2f, %.1f%% of customers, %.1f%% of revenue",
                segment, customers, TextTable.count(orders), revenue, averageOrderValue, 100 * customerShare, 100 * revenueShare);
    }
}
