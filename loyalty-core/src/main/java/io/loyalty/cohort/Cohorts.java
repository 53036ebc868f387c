package io.loyalty.cohort;

import io.loyalty.data.PeriodRule;
import io.loyalty.data.Transaction;
import io.loyalty.internal.Checks;
import java.io.Serializable;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Cohort retention and revenue matrices from transactions: customers are grouped into cohorts (by the period of
 * their first purchase, or by a caller-given {@link CohortKey}), and for each cohort and period offset
 * <i>k</i> the matrices count who came back:
 * <ul>
 *   <li><b>return on</b> (Amplitude's "return on", Mixpanel's retention): active in offset <i>k</i> exactly;</li>
 *   <li><b>return on or after</b> (unbounded retention): active in offset <i>k</i> or any later offset;</li>
 *   <li><b>bracket</b>: active in any offset of a caller-given {@link Bracket};</li>
 * </ul>
 * plus the revenue per cohort and offset. Offset 0 is the cohort's own period.
 *
 * <pre>{@code
 * CohortMatrices m = Cohorts.of(CohortPeriod.MONTH, ZoneOffset.UTC)
 *         .withDataEnd(LocalDate.of(2011, 12, 9))
 *         .matrices(transactions);
 * double[][] shares = m.matrix(CohortMatrices.Measure.RETURN_ON_SHARE);
 * }</pre>
 *
 * <p>Cells past the data end are absent (the rows of the matrices are ragged), and the last present cell of a
 * row is flagged incomplete when the data end falls inside its period. The data end defaults to the last
 * transaction. Bad input ({@link IllegalArgumentException} naming the row and value): a transaction after the
 * data end or before its customer's cohort start, a non-finite amount, a negative dense id, no transactions.
 *
 * <p>Immutable, thread-safe and serializable. The work is linear in the number of transactions (one bit per
 * customer and offset up to 64 offsets, else a counting sort by customer, then one pass); the caller's arrays are
 * never modified. Revenue is summed exactly and rounded once, so no result depends on the order of the
 * transactions. For transactions that arrive in parts (a stream, the partitions of a cluster), fill a
 * {@link CohortAccumulator} ({@link #newAccumulator()}) per part of whole customers and combine them.
 */
public final class Cohorts implements Serializable {
    private static final long serialVersionUID = 1L;

    /** The cohort period. */
    private final CohortPeriod period;
    /** The zone whose calendar defines the periods. */
    private final ZoneId zone;
    /** Derived from period and zone; rebuilt on deserialization (see {@link #readResolve()}). */
    private final transient PeriodRule rule;
    /** The end of the data: later periods are not observed. */
    private final Instant dataEnd;
    /** The brackets of bracket retention. */
    private final List<Bracket> brackets;

    private Cohorts(CohortPeriod period, ZoneId zone, Instant dataEnd, List<Bracket> brackets) {
        this.period = period;
        this.zone = zone;
        this.rule = period.rule(zone);
        this.dataEnd = dataEnd;
        this.brackets = brackets;
    }

    /**
     * Cohorts and offsets in calendar periods of a time zone.
     *
     * @param period the period of cohorts and offsets
     * @param zone the zone in which days start
     * @return the calculator
     */
    public static Cohorts of(CohortPeriod period, ZoneId zone) {
        return new Cohorts(Checks.notNull(period, "period"), Checks.notNull(zone, "zone"), null, List.of());
    }

    /**
     * This calculator with the data ending at an instant (inclusive) instead of at the last transaction.
     *
     * @param end the last instant observed
     * @return a new calculator
     */
    public Cohorts withDataEnd(Instant end) {
        return new Cohorts(period, zone, Checks.notNull(end, "end"), brackets);
    }

    /**
     * This calculator with the data ending with a day (inclusive, in the calculator's zone).
     *
     * @param lastDay the last day observed
     * @return a new calculator
     */
    public Cohorts withDataEnd(LocalDate lastDay) {
        Checks.notNull(lastDay, "lastDay");
        return withDataEnd(lastDay.plusDays(1).atStartOfDay(zone).toInstant().minusSeconds(1));
    }

    /**
     * This calculator also counting bracket retention for the given brackets of offsets.
     *
     * @param brackets the brackets, in the order of the matrix's columns
     * @return a new calculator
     */
    public Cohorts withBrackets(Bracket... brackets) {
        Checks.notNull(brackets, "brackets");
        for (int i = 0; i < brackets.length; i++) {
            Checks.notNull(brackets[i], "brackets[" + i + "]");
        }
        return new Cohorts(period, zone, dataEnd, List.of(brackets));
    }

    /**
     * The cohort period.
     *
     * @return the period
     */
    public CohortPeriod period() {
        return period;
    }

    /**
     * The time zone.
     *
     * @return the zone
     */
    public ZoneId zone() {
        return zone;
    }

    /**
     * Acquisition cohorts (period of the first purchase) from transaction objects.
     *
     * @param transactions the transactions, in any order
     * @return the matrices
     */
    public CohortMatrices matrices(Iterable<? extends Transaction> transactions) {
        return fromObjects(transactions, null);
    }

    /**
     * Caller-given cohorts from transaction objects: every customer with a transaction needs a key.
     *
     * @param transactions the transactions, in any order
     * @param keys the cohort of each customer, by customer id
     * @return the matrices
     */
    public CohortMatrices matrices(Iterable<? extends Transaction> transactions, Map<String, CohortKey> keys) {
        return fromObjects(transactions, Checks.notNull(keys, "keys"));
    }

    /**
     * Acquisition cohorts from primitive columns with string customer ids.
     *
     * @param customerIds customer per row, not blank
     * @param epochSeconds time per row, seconds since 1970-01-01T00:00Z
     * @param amounts amount per row, finite
     * @return the matrices
     */
    public CohortMatrices matrices(String[] customerIds, long[] epochSeconds, double[] amounts) {
        return fromIds(customerIds, epochSeconds, amounts, null);
    }

    /**
     * Caller-given cohorts from primitive columns with string customer ids.
     *
     * @param customerIds customer per row, not blank
     * @param epochSeconds time per row, seconds since 1970-01-01T00:00Z
     * @param amounts amount per row, finite
     * @param keys the cohort of each customer, by customer id
     * @return the matrices
     */
    public CohortMatrices matrices(String[] customerIds, long[] epochSeconds, double[] amounts,
            Map<String, CohortKey> keys) {
        return fromIds(customerIds, epochSeconds, amounts, Checks.notNull(keys, "keys"));
    }

    /**
     * Acquisition cohorts from primitive columns with dense int customer ids (0..max, used as array indexes):
     * the fast path.
     *
     * @param customers customer per row, each {@code >= 0}
     * @param epochSeconds time per row, seconds since 1970-01-01T00:00Z
     * @param amounts amount per row, finite
     * @return the matrices
     */
    public CohortMatrices matrices(int[] customers, long[] epochSeconds, double[] amounts) {
        Checks.notNull(customers, "customers");
        int m = 0;
        for (int i = 0; i < customers.length; i++) {
            int c = customers[i];
            Checks.require(c >= 0, "customers[%d] must be >= 0, got %d", i, c);
            m = Math.max(m, c + 1);
        }
        requireRows(customers.length);
        CohortAccumulator acc = newAccumulator();
        acc.add(customers, m, epochSeconds, amounts, null, null, null);
        return acc.snapshot();
    }

    private CohortMatrices fromObjects(Iterable<? extends Transaction> transactions, Map<String, CohortKey> keys) {
        Checks.notNull(transactions, "transactions");
        List<Transaction> rows = new ArrayList<>();
        for (Transaction t : transactions) {
            rows.add(Checks.notNull(t, "transaction"));
        }
        int n = rows.size();
        String[] ids = new String[n];
        long[] seconds = new long[n];
        double[] amounts = new double[n];
        for (int i = 0; i < n; i++) {
            Transaction t = rows.get(i);
            ids[i] = t.customerId();
            seconds[i] = t.time().getEpochSecond();
            amounts[i] = t.amount();
        }
        return fromIds(ids, seconds, amounts, keys);
    }

    private CohortMatrices fromIds(String[] ids, long[] seconds, double[] amounts, Map<String, CohortKey> keys) {
        Checks.notNull(ids, "customerIds");
        requireRows(ids.length);
        CohortAccumulator acc = newAccumulator();
        acc.addIds(ids, seconds, amounts, keys);
        return acc.snapshot();
    }

    private static void requireRows(int n) {
        Checks.require(n > 0, "transactions must not be empty: there is no cohort");
    }

    /**
     * An empty accumulator of this calculator's cohorts, for transactions that arrive in batches of whole
     * customers (a stream, or the partitions of a data set partitioned by customer).
     *
     * @return the accumulator
     */
    public CohortAccumulator newAccumulator() {
        return new CohortAccumulator(this);
    }

    /**
     * The data end set by {@link #withDataEnd(Instant)} or {@link #withDataEnd(LocalDate)}.
     *
     * @return the last instant observed, or null when the data end is the last transaction
     */
    public Instant dataEnd() {
        return dataEnd;
    }

    /** The brackets, in column order. */
    List<Bracket> brackets() {
        return brackets;
    }

    /** Whether another calculator counts the same cells (same period, zone, data end and brackets). */
    boolean sameCounting(Cohorts other) {
        return period == other.period && zone.equals(other.zone) && Objects.equals(dataEnd, other.dataEnd)
                && brackets.equals(other.brackets);
    }

    int periodOf(long epochSecond) {
        return Math.toIntExact(rule.index(epochSecond, 0));
    }

    /** Periods per row: through a table of local days when the zone has a fixed offset, else per row. */
    int[] periods(long[] sec) {
        int n = sec.length;
        int[] per = new int[n];
        var rules = zone.getRules();
        if (!rules.isFixedOffset()) {
            long lastSec = Long.MIN_VALUE;
            int lastPer = 0;
            for (int i = 0; i < n; i++) {
                long s = sec[i];
                // Rows often come in time order: reuse the last period when the second is unchanged.
                if (s != lastSec) {
                    lastPer = periodOf(s);
                    lastSec = s;
                }
                per[i] = lastPer;
            }
            return per;
        }
        long offset = rules.getOffset(Instant.EPOCH).getTotalSeconds();
        long minDay = Long.MAX_VALUE;
        long maxDay = Long.MIN_VALUE;
        for (long s : sec) {
            long d = Math.floorDiv(s + offset, 86_400L);
            minDay = Math.min(minDay, d);
            maxDay = Math.max(maxDay, d);
        }
        if (n == 0 || maxDay - minDay > 10_000_000L) {
            for (int i = 0; i < n; i++) {
                per[i] = periodOf(sec[i]);
            }
            return per;
        }
        int[] byDay = new int[(int) (maxDay - minDay + 1)];
        for (int d = 0; d < byDay.length; d++) {
            byDay[d] = Math.toIntExact(rule.indexOfEpochDay(minDay + d));
        }
        for (int i = 0; i < n; i++) {
            per[i] = byDay[(int) (Math.floorDiv(sec[i] + offset, 86_400L) - minDay)];
        }
        return per;
    }

    /**
     * A deserialized calculator is rebuilt through the constructor, which derives the period rule.
     *
     * @return the rebuilt calculator
     */
    private Object readResolve() {
        return new Cohorts(period, zone, dataEnd, List.copyOf(brackets));
    }

    @Override
    public String toString() {
        return "Cohorts[" + period + " in " + zone + (dataEnd == null ? "" : ", data end " + dataEnd)
                + (brackets.isEmpty() ? "" : ", brackets " + brackets) + "]";
    }
}
