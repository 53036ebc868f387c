package io.loyalty.clv;

import io.loyalty.internal.Checks;

/**
 * Discounted customer lifetime value from a purchase model and a spend model, month by month as lifetimes'
 * {@code customer_lifetime_value}:
 *
 * <pre>
 * CLV = sum_{i=1..months} E[Z | x, m] * (E[Y(i f) | x, t_x, T] - E[Y((i-1) f) | x, t_x, T]) / (1 + d)^i
 * </pre>
 *
 * with f the purchase model's time units per month (4.345 for weeks, 30 for days, 1 for months), d the monthly
 * discount rate and E[Z | x, m] the Gamma-Gamma expected spend per transaction.
 *
 * <pre>{@code
 * ClvCalculator clv = ClvCalculator.of(bgnbd, gammaGamma, 4.345).withMonths(12).withDiscountRate(0.01);
 * double[] value = clv.clv(frequency, recency, T, monetary);
 * }</pre>
 *
 * <p>Immutable and thread-safe. Defaults: 12 months, 1% a month (lifetimes' defaults). The accessors give back
 * what the calculator was made of, so that it can be rebuilt elsewhere (loyalty-spark rebuilds it on each
 * executor from the models' parameters).
 *
 * @since 0.1
 */
public final class ClvCalculator {
    /** The longest horizon {@link #withMonths} accepts. */
    public static final int MAX_MONTHS = 6000;
    private final TransactionModel purchases;
    private final GammaGammaModel spend;
    private final double unitsPerMonth;
    private final int months;
    private final double discountRate;

    private ClvCalculator(TransactionModel purchases, GammaGammaModel spend, double unitsPerMonth, int months,
            double discountRate) {
        this.purchases = purchases;
        this.spend = spend;
        this.unitsPerMonth = unitsPerMonth;
        this.months = months;
        this.discountRate = discountRate;
    }

    /**
     * A calculator over 12 months at 1% a month.
     *
     * @param purchases the purchase model (BG/NBD, Pareto/NBD or MBG/NBD)
     * @param spend the spend model
     * @param unitsPerMonth the purchase model's time units in one month (4.345 for weeks, 30 for days)
     * @return the calculator
     */
    public static ClvCalculator of(TransactionModel purchases, GammaGammaModel spend, double unitsPerMonth) {
        Checks.notNull(purchases, "purchases");
        Checks.notNull(spend, "spend");
        Checks.positive(unitsPerMonth, "unitsPerMonth");
        return new ClvCalculator(purchases, spend, unitsPerMonth, 12, 0.01);
    }

    /**
     * This calculator over another horizon.
     *
     * @param months the number of months, 1 to {@value #MAX_MONTHS} (500 years: beyond that no discount rate
     *     or purchase model tells anything, and each month costs one pass over the customers)
     * @return a new calculator
     */
    public ClvCalculator withMonths(int months) {
        Checks.require(months > 0 && months <= MAX_MONTHS, "months must lie in 1..%d, got %d", MAX_MONTHS, months);
        return new ClvCalculator(purchases, spend, unitsPerMonth, months, discountRate);
    }

    /**
     * This calculator with another monthly discount rate.
     *
     * @param monthlyRate the rate, &gt;= 0 (0.01 is 1% a month)
     * @return a new calculator
     */
    public ClvCalculator withDiscountRate(double monthlyRate) {
        Checks.nonNegative(monthlyRate, "monthlyRate");
        return new ClvCalculator(purchases, spend, unitsPerMonth, months, monthlyRate);
    }

    /**
     * The purchase model.
     *
     * @return the model
     */
    public TransactionModel purchases() {
        return purchases;
    }

    /**
     * The spend model.
     *
     * @return the model
     */
    public GammaGammaModel spend() {
        return spend;
    }

    /**
     * The purchase model's time units in one month.
     *
     * @return the units
     */
    public double unitsPerMonth() {
        return unitsPerMonth;
    }

    /**
     * The number of months summed.
     *
     * @return the months
     */
    public int months() {
        return months;
    }

    /**
     * The monthly discount rate (0.01 is 1% a month).
     *
     * @return the rate
     */
    public double discountRate() {
        return discountRate;
    }

    /**
     * The discounted value of one customer.
     *
     * @param frequency repeat purchases x
     * @param recency t_x
     * @param T age
     * @param monetary mean value of the repeat purchases (ignored when x = 0)
     * @return the value
     */
    public double clv(double frequency, double recency, double T, double monetary) {
        return clv(new double[] {frequency}, new double[] {recency}, new double[] {T}, new double[] {monetary})[0];
    }

    /**
     * The discounted value of many customers.
     *
     * @param frequency repeat purchases per customer
     * @param recency t_x per customer
     * @param T age per customer
     * @param monetary mean value of the repeat purchases per customer (ignored when x = 0)
     * @return the values, one per customer, finite and &gt;= 0
     * @throws IllegalArgumentException naming the row if a row is invalid, if the Gamma-Gamma mean spend does not
     *     exist for it ({@link GammaGammaModel#conditionalExpectedAverageProfit(double, double)}), or if its value
     *     overflows a double
     */
    public double[] clv(double[] frequency, double[] recency, double[] T, double[] monetary) {
        double[] value = spend.conditionalExpectedAverageProfit(frequency, monetary);
        Checks.sameLength(frequency.length, Checks.notNull(recency, "recency").length, "recency");
        double[] out = new double[frequency.length];
        double[] previous = new double[frequency.length];
        Checks.require(months * unitsPerMonth < Double.POSITIVE_INFINITY,
                "months * unitsPerMonth overflows a double (months = %d, unitsPerMonth = %s)", months, unitsPerMonth);
        for (int i = 1; i <= months; i++) {
            double[] cumulative = purchases.conditionalExpectedPurchases(i * unitsPerMonth, frequency, recency, T);
            double discount = Math.pow(1 + discountRate, -i);
            for (int k = 0; k < out.length; k++) {
                out[k] += value[k] * (cumulative[k] - previous[k]) * discount;
            }
            previous = cumulative;
        }
        for (int k = 0; k < out.length; k++) {
            if (!(out[k] < Double.POSITIVE_INFINITY)) {
                throw new IllegalArgumentException(Checks.format("the value at row %d overflows a double (monetary = "
                        + "%s, expected spend per purchase %s)", k, monetary[k], value[k]));
            }
        }
        return out;
    }

    /**
     * The population total: the discounted value of all these customers together, the sum of
     * {@link #clv(double[], double[], double[], double[])}.
     *
     * @param frequency repeat purchases per customer
     * @param recency t_x per customer
     * @param T age per customer
     * @param monetary mean value of the repeat purchases per customer (ignored when x = 0)
     * @return the total value
     */
    public double totalClv(double[] frequency, double[] recency, double[] T, double[] monetary) {
        double total = 0;
        for (double v : clv(frequency, recency, T, monetary)) {
            total += v;
        }
        Checks.require(total < Double.POSITIVE_INFINITY, "the total value overflows a double: give fewer customers "
                + "per call and add the totals in a wider type");
        return total;
    }

    @Override
    public String toString() {
        return Checks.format("ClvCalculator[%s, %s, %s units/month, %d months, %.4g%%/month]", purchases.name(),
                spend, unitsPerMonth, months, 100 * discountRate);
    }
}
