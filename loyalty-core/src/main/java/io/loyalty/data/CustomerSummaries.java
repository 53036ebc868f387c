package io.loyalty.data;

import io.loyalty.internal.Checks;
import io.loyalty.internal.TextTable;
import java.io.Writer;
import java.nio.file.Path;
import java.time.Instant;
import java.util.AbstractList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The immutable per-customer summaries of a transaction log, stored column by column and ordered by customer id
 * (numeric ids in numeric order, others after them in string order), so the result never depends on the order
 * of the input.
 *
 * <p>Column accessors such as {@link #frequency()} return copies: change them freely. Use {@link #get(int)} or
 * {@link #toList()} for one record per customer.
 *
 * @since 0.1
 */
public final class CustomerSummaries {
    private final PeriodRule rule;
    private final Instant observationEnd;
    private final String[] ids;
    private final int[] frequency;
    private final double[] recency;
    private final double[] t;
    private final double[] monetary;
    private final long[] firstSecond;
    private final int[] firstNano;
    private final long[] lastSecond;
    private final int[] lastNano;
    private final int[] transactions;
    private final double[] totalValue;
    private volatile Map<String, Integer> index;

    private CustomerSummaries(PeriodRule rule, Instant observationEnd, int n) {
        this.rule = rule;
        this.observationEnd = observationEnd;
        this.ids = new String[n];
        this.frequency = new int[n];
        this.recency = new double[n];
        this.t = new double[n];
        this.monetary = new double[n];
        this.firstSecond = new long[n];
        this.firstNano = new int[n];
        this.lastSecond = new long[n];
        this.lastNano = new int[n];
        this.transactions = new int[n];
        this.totalValue = new double[n];
    }

    /**
     * Builds the summaries from per-customer states already in output order.
     */
    static CustomerSummaries of(PeriodRule rule, Instant observationEnd, long endPeriod, String[] ids,
            CustomerState[] states) {
        CustomerSummaries s = new CustomerSummaries(rule, observationEnd, ids.length);
        for (int i = 0; i < ids.length; i++) {
            CustomerState c = states[i];
            s.set(i, ids[i], endPeriod, c.periodCount, c.periodCount == 0 ? 0 : c.periods[0],
                    c.periodCount == 0 ? 0 : c.periods[c.periodCount - 1], c.repeatValue(), c.totalValue(),
                    c.purchases, c.firstSecond, c.firstNano, c.lastSecond, c.lastNano);
        }
        return s;
    }

    /** Empty summaries of {@code n} customers, to be filled in order by {@link #set}. */
    static CustomerSummaries ofSize(PeriodRule rule, Instant observationEnd, int n) {
        return new CustomerSummaries(rule, observationEnd, n);
    }

    /**
     * Fills customer {@code i} from its accumulated state; the one place where the summary formulas live.
     * {@code repeatValue} (later periods' purchases net of all returns) and {@code totalValue} (every purchase net
     * of returns) are exact sums rounded once, so they do not depend on the order of the rows.
     */
    void set(int i, String id, long endPeriod, int periodCount, long firstPeriod, long lastPeriod,
            double repeatValue, double totalValue, int purchases, long firstSec, int firstNs, long lastSec,
            int lastNs) {
        if (periodCount == 0) {
            throw new IllegalArgumentException(Checks.format("customer '%s' has returns but no purchase", id));
        }
        if (!(Math.abs(totalValue) <= Double.MAX_VALUE && Math.abs(repeatValue) <= Double.MAX_VALUE)) {
            throw new IllegalArgumentException(Checks.format(
                    "the amounts of customer '%s' (%d purchases) sum to more than the largest double (%s): "
                            + "scale the amounts down", id, purchases, Double.MAX_VALUE));
        }
        int x = periodCount - 1;
        ids[i] = id;
        frequency[i] = x;
        recency[i] = rule.toUnits(lastPeriod - firstPeriod);
        t[i] = rule.toUnits(endPeriod - firstPeriod);
        // Returns are netted against repeat purchases; a one-off buyer's returns reduce only the total.
        monetary[i] = x == 0 ? 0 : Math.max(0, repeatValue) / x;
        firstSecond[i] = firstSec;
        firstNano[i] = firstNs;
        lastSecond[i] = lastSec;
        lastNano[i] = lastNs;
        transactions[i] = purchases;
        this.totalValue[i] = totalValue;
    }

    /**
     * The number of customers.
     *
     * @return the size
     */
    public int size() {
        return ids.length;
    }

    /**
     * The rule that cut time into periods and set the unit of recency and age.
     *
     * @return the rule
     */
    public PeriodRule rule() {
        return rule;
    }

    /**
     * The end of the observation window; age ({@code T}) runs to the period that holds it.
     *
     * @return the observation end
     */
    public Instant observationEnd() {
        return observationEnd;
    }

    /**
     * The id of customer {@code i}.
     *
     * @param i the position, 0..size()-1
     * @return the id
     */
    public String id(int i) {
        return ids[Checks.index(i, ids.length, "i")];
    }

    /**
     * The position of a customer, or -1 when absent.
     *
     * @param customerId the id
     * @return the position or -1
     */
    public int indexOf(String customerId) {
        Map<String, Integer> m = index;
        if (m == null) {
            m = new HashMap<>(ids.length * 2);
            for (int i = 0; i < ids.length; i++) {
                m.put(ids[i], i);
            }
            index = m;
        }
        Integer at = m.get(customerId);
        return at == null ? -1 : at;
    }

    /**
     * The summary of customer {@code i}.
     *
     * @param i the position, 0..size()-1
     * @return the summary
     */
    public CustomerSummary get(int i) {
        Checks.index(i, ids.length, "i");
        return new CustomerSummary(ids[i], frequency[i], recency[i], t[i], monetary[i],
                Instant.ofEpochSecond(firstSecond[i], firstNano[i]), Instant.ofEpochSecond(lastSecond[i], lastNano[i]),
                transactions[i], totalValue[i]);
    }

    /**
     * One record per customer, in order.
     *
     * @return an unmodifiable list view
     */
    public List<CustomerSummary> toList() {
        return new AbstractList<>() {
            @Override
            public CustomerSummary get(int i) {
                return CustomerSummaries.this.get(i);
            }

            @Override
            public int size() {
                return ids.length;
            }
        };
    }

    /**
     * The customer ids, in order.
     *
     * @return an unmodifiable list
     */
    public List<String> ids() {
        return List.of(ids);
    }

    /**
     * Repeat purchases per customer ({@code x}).
     *
     * @return a copy of the column
     */
    public int[] frequency() {
        return frequency.clone();
    }

    /**
     * Repeat purchases per customer as doubles, the form the models take.
     *
     * @return a new array
     */
    public double[] frequencyAsDouble() {
        double[] x = new double[frequency.length];
        for (int i = 0; i < x.length; i++) {
            x[i] = frequency[i];
        }
        return x;
    }

    /**
     * Time from first to last purchase ({@code t_x}).
     *
     * @return a copy of the column
     */
    public double[] recency() {
        return recency.clone();
    }

    /**
     * Time from first purchase to the observation end ({@code T}).
     *
     * @return a copy of the column
     */
    public double[] t() {
        return t.clone();
    }

    /**
     * Mean value of repeat purchase periods, 0 without repeat purchases.
     *
     * @return a copy of the column
     */
    public double[] monetary() {
        return monetary.clone();
    }

    /**
     * Purchase rows per customer.
     *
     * @return a copy of the column
     */
    public int[] transactions() {
        return transactions.clone();
    }

    /**
     * Total value per customer.
     *
     * @return a copy of the column
     */
    public double[] totalValue() {
        return totalValue.clone();
    }

    /**
     * First purchase per customer, in seconds since the epoch.
     *
     * @return a copy of the column
     */
    public long[] firstPurchaseEpochSecond() {
        return firstSecond.clone();
    }

    /**
     * Last purchase per customer, in seconds since the epoch.
     *
     * @return a copy of the column
     */
    public long[] lastPurchaseEpochSecond() {
        return lastSecond.clone();
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof CustomerSummaries)) {
            return false;
        }
        CustomerSummaries s = (CustomerSummaries) o;
        return rule.equals(s.rule) && observationEnd.equals(s.observationEnd) && Arrays.equals(ids, s.ids)
                && Arrays.equals(frequency, s.frequency) && Arrays.equals(recency, s.recency)
                && Arrays.equals(t, s.t) && Arrays.equals(monetary, s.monetary)
                && Arrays.equals(firstSecond, s.firstSecond) && Arrays.equals(firstNano, s.firstNano)
                && Arrays.equals(lastSecond, s.lastSecond) && Arrays.equals(lastNano, s.lastNano)
                && Arrays.equals(transactions, s.transactions) && Arrays.equals(totalValue, s.totalValue);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(ids) + Arrays.hashCode(recency);
    }

    /**
     * The rule and observation end, then the first ten customers with the columns of {@link #writeCsv(Writer)}
     * (recency and age in the rule's unit).
     */
    @Override
    public String toString() {
        return textTable().render(10);
    }

    TextTable textTable() {
        String unit = rule.unitName();
        TextTable.Builder b = TextTable.builder().title(Checks.format(
                "CustomerSummaries[%d customers, %s, observation end %s]", size(), rule, observationEnd))
                .text("customer_id").count("frequency").decimal("recency_" + unit, 2).decimal("T_" + unit, 2)
                .decimal("mean_repeat_amount", 2).text("first_purchase").text("last_purchase").count("transactions")
                .decimal("revenue", 2);
        for (int i = 0; i < ids.length; i++) {
            b.row(ids[i], frequency[i], recency[i], t[i], monetary[i], Instant.ofEpochSecond(firstSecond[i], firstNano[i]).toString(),
                    Instant.ofEpochSecond(lastSecond[i], lastNano[i]).toString(), transactions[i], totalValue[i]);
        }
        return b.build();
    }

    /**
     * Writes the table of {@link #toString()} as CSV with full precision (rounding is only for print): one row per customer, {@code customer_id, frequency, recency_<unit>, T_<unit>, mean_repeat_amount, first_purchase, last_purchase, transactions, revenue}, where {@code <unit>} is {@link PeriodRule#unitName()} ({@code recency_weeks}) and the purchase times are ISO-8601 instants.
     * Column names are those of the Tablesaw adapter; see {@code docs/data.md}.
     *
     * @param out where to write; not closed
     * @throws java.io.UncheckedIOException if writing fails
     * @since 0.2
     */
    public void writeCsv(Writer out) {
        Checks.notNull(out, "out");
        textTable().writeCsv(out);
    }

    /**
     * Writes the CSV of {@link #writeCsv(Writer)} to a file in UTF-8, replacing it.
     *
     * @param csvFile the file
     * @throws java.io.UncheckedIOException if writing fails
     * @since 0.2
     */
    public void writeCsv(Path csvFile) {
        Checks.notNull(csvFile, "csvFile");
        textTable().writeCsv(csvFile);
    }
}
