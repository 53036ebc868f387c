package io.loyalty.rfm;

import io.loyalty.internal.Checks;

/**
 * One cluster of an {@link RfmClusters} result, with its centroid mapped back to original units: each coordinate
 * is {@code exp(mean + sd * z) - 1} of the standardized {@code log(1 + x)} centroid z, a geometric-mean-like typical
 * customer of the cluster.
 *
 * @param label the cluster's label, 0-based, clusters ordered by decreasing size
 * @param size the number of customers in it
 * @param recencyDays the centroid's recency in days
 * @param orders the centroid's orders
 * @param monetary the centroid's monetary value
 * @since 0.1
 */
public record RfmCluster(int label, int size, double recencyDays, double orders, double monetary) {
    /**
     * Checks the values.
     *
     * @param label the cluster's label, 0-based, clusters ordered by decreasing size
     * @param size the number of customers in it
     * @param recencyDays the centroid's recency in days
     * @param orders the centroid's orders
     * @param monetary the centroid's monetary value
     * @throws IllegalArgumentException naming the component if one is null, or a number is NaN or out of range
     */
    public RfmCluster {
        Checks.finite(recencyDays, "recencyDays");
        Checks.finite(orders, "orders");
        Checks.finite(monetary, "monetary");
    }


    @Override
    public String toString() {
        return Checks.format("cluster %d: %d customers, centroid recency %.1f d, %.2f orders, monetary %.2f", label,
                size, recencyDays, orders, monetary);
    }
}
