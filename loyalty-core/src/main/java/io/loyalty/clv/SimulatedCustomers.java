package io.loyalty.clv;

import io.loyalty.internal.Checks;

/**
 * Customers drawn from a model by {@link BetaGeoModel#simulate(double[], long)}: per customer the number of
 * repeat purchases, the time of the last one and the age, in the model's time unit. The arrays are new and belong
 * to the caller.
 *
 * @param frequency repeat purchases per customer
 * @param recency time from the first to the last purchase (0 without repeat purchases)
 * @param t the age given for each customer
 * @since 0.1
 */
public record SimulatedCustomers(double[] frequency, double[] recency, double[] t) {

    /**
     * These customers with recency rounded to whole multiples of {@code step} (never past T), as recorded data
     * are: {@code withRecencyRoundedTo(1.0 / 7)} gives whole days when time is in weeks.
     *
     * @param step the resolution, finite and &gt; 0
     * @return new customers; this one is unchanged
     */
    public SimulatedCustomers withRecencyRoundedTo(double step) {
        Checks.positive(step, "step");
        double[] tx = new double[recency.length];
        for (int i = 0; i < tx.length; i++) {
            tx[i] = Math.min(t[i], Math.rint(recency[i] / step) * step);
        }
        return new SimulatedCustomers(frequency.clone(), tx, t.clone());
    }
}
