package io.loyalty.clv;

import io.loyalty.internal.Checks;
import java.util.Arrays;

/**
 * Customers drawn from a model by {@link BetaGeoModel#simulate(double[], long)}: per customer the number of
 * repeat purchases, the time of the last one and the age, in the model's time unit.
 *
 * <p>Immutable: the constructor copies the arrays it is given and every accessor returns a new copy, so neither
 * the caller's arrays nor the returned ones can change the record. {@code equals} compares the contents.
 *
 * @param frequency repeat purchases per customer, whole numbers &gt;= 0
 * @param recency time from the first to the last purchase, in [0, t], 0 without repeat purchases
 * @param t the age given for each customer, finite and &gt;= 0
 * @since 0.1
 */
public record SimulatedCustomers(double[] frequency, double[] recency, double[] t) {

    /**
     * Checks and copies the columns.
     *
     * @param frequency repeat purchases per customer, whole numbers &gt;= 0
     * @param recency time from the first to the last purchase, in [0, t], 0 without repeat purchases
     * @param t the age given for each customer, finite and &gt;= 0
     * @throws IllegalArgumentException if a column is null, the lengths differ, or a row is not a valid history
     *     (the message names the row and the value)
     */
    public SimulatedCustomers {
        Checks.notNull(frequency, "frequency");
        Checks.notNull(recency, "recency");
        Checks.notNull(t, "t");
        Checks.sameLength(frequency.length, recency.length, "recency");
        Checks.sameLength(frequency.length, t.length, "t");
        frequency = frequency.clone();
        recency = recency.clone();
        t = t.clone();
        for (int i = 0; i < frequency.length; i++) {
            Inputs.customer(frequency[i], recency[i], t[i], i);
        }
    }

    /**
     * Repeat purchases per customer.
     *
     * @return a new copy
     */
    @Override
    public double[] frequency() {
        return frequency.clone();
    }

    /**
     * Time from the first to the last purchase per customer.
     *
     * @return a new copy
     */
    @Override
    public double[] recency() {
        return recency.clone();
    }

    /**
     * The age of each customer.
     *
     * @return a new copy
     */
    @Override
    public double[] t() {
        return t.clone();
    }

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
        return new SimulatedCustomers(frequency, tx, t);
    }

    /** Equal when all three columns hold the same values ({@link Arrays#equals(double[], double[])}). */
    @Override
    public boolean equals(Object o) {
        return o instanceof SimulatedCustomers c && Arrays.equals(frequency, c.frequency)
                && Arrays.equals(recency, c.recency) && Arrays.equals(t, c.t);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * Arrays.hashCode(frequency) + Arrays.hashCode(recency)) + Arrays.hashCode(t);
    }

    @Override
    public String toString() {
        return Checks.format("SimulatedCustomers[%d customers]", frequency.length);
    }
}
