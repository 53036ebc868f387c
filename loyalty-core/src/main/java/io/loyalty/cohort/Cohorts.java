package io.loyalty.cohort;

import io.loyalty.data.PeriodRule;
import io.loyalty.data.Transaction;
import io.loyalty.internal.Checks;
import java.io.InvalidObjectException;
import java.io.ObjectInputStream;
import java.io.Serializable;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
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
 * data end or before its customer's cohort start, a non-finite amount, a negative dense id, no transactions, a
 * time (transaction, data end or cohort start) outside the years &minus;999,999..999,999 UTC, matrices wider than
 * {@value #MAX_OFFSETS} periods (from the earliest cohort to the data end), or revenue whose exact sum in a cell is
 * beyond the range of a double.
 *
 * <p>Immutable, thread-safe and serializable (a stream is read back through the checking factories). The work is linear in the number of transactions (one bit per
 * customer and offset up to 64 offsets, else a counting sort by customer, then one pass); the caller's arrays are
 * never modified. Revenue is summed exactly and rounded once, so no result depends on the order of the
 * transactions. For transactions that arrive in parts (a stream, the partitions of a cluster), fill a
 * {@link CohortAccumulator} ({@link CohortAccumulator#create(Cohorts)}) per part of whole customers and combine
 * them.
 *
 * @since 0.1
 */
public final class Cohorts implements Serializable {
    private static final long serialVersionUID = 2L;
    /** The widest matrices (period offsets from the earliest cohort to the data end) that may be built. */
    public static final int MAX_OFFSETS = 100_000;
    /** The first second accepted, -999999-01-01T00:00:00Z: period indexes and offsets stay within an int. */
    static final long MIN_SECOND = LocalDate.of(-999_999, 1, 1).atStartOfDay(ZoneOffset.UTC).toEpochSecond();
    /** The last second accepted, +999999-12-31T23:59:59Z. */
    static final long MAX_SECOND = LocalDate.of(999_999, 12, 31).atTime(23, 59, 59).toEpochSecond(ZoneOffset.UTC);

    /** The period cohorts and offsets are counted in. */
    private final CohortPeriod period;
    /** The zone periods begin in. */
    private final ZoneId zone;
    /** Derived from period and zone; rebuilt on deserialization (see {@link #readResolve()}). */
    private final transient PeriodRule rule;
    /** The data end, or null for the last transaction's time. */
    private final Instant dataEnd;
    /** The offset brackets counted besides the matrices. */
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
     * @param end the last instant observed, in years &minus;999,999..999,999 UTC
     * @return a new calculator
     * @throws IllegalArgumentException if {@code end} is null or outside the years &minus;999,999..999,999
     */
    public Cohorts withDataEnd(Instant end) {
        Checks.notNull(end, "end");
        Checks.require(end.getEpochSecond() >= MIN_SECOND && end.getEpochSecond() <= MAX_SECOND,
                "end = %s is outside the supported times %s..%s", end, Instant.ofEpochSecond(MIN_SECOND),
                Instant.ofEpochSecond(MAX_SECOND));
        return new Cohorts(period, zone, end, brackets);
    }

    /**
     * This calculator with the data ending with a day (inclusive, in the calculator's zone).
     *
     * @param lastDay the last day observed, in years &minus;999,999..999,999
     * @return a new calculator
     * @throws IllegalArgumentException if {@code lastDay} is null or outside the years &minus;999,999..999,999
     */
    public Cohorts withDataEnd(LocalDate lastDay) {
        Checks.notNull(lastDay, "lastDay");
        // Checked before plusDays, which throws DateTimeException on LocalDate.MAX.
        Checks.require(lastDay.getYear() >= -999_999 && lastDay.getYear() <= 999_999,
                "lastDay must lie in the years -999999..999999, got %s", lastDay);
        long end = lastDay.plusDays(1).atStartOfDay(zone).toEpochSecond() - 1;
        Checks.require(end >= MIN_SECOND && end <= MAX_SECOND, "lastDay = %s ends at %s in %s, outside the "
                + "supported times %s..%s", lastDay, Instant.ofEpochSecond(end), zone,
                Instant.ofEpochSecond(MIN_SECOND), Instant.ofEpochSecond(MAX_SECOND));
        return new Cohorts(period, zone, Instant.ofEpochSecond(end), brackets);
    }

    /**
     * Returns an epoch second unless it lies outside the years &minus;999,999..999,999 UTC.
     *
     * @param epochSecond the second
     * @param name the argument's name, for the message
     * @param row its row, or &minus;1
     * @return {@code epochSecond}
     */
    static long second(long epochSecond, String name, int row) {
        if (epochSecond >= MIN_SECOND && epochSecond <= MAX_SECOND) {
            return epochSecond;
        }
        String where = row < 0 ? name : Checks.format("%s[%d]", name, row);
        throw new IllegalArgumentException(Checks.format("%s = %d is outside the supported times %s..%s "
                + "(epoch seconds %d..%d)", where, epochSecond, Instant.ofEpochSecond(MIN_SECOND),
                Instant.ofEpochSecond(MAX_SECOND), MIN_SECOND, MAX_SECOND));
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
     * Acquisition cohorts from primitive columns with int customer ids: the fast path when the ids are dense
     * (0..max with few gaps, used as array indexes). Sparse ids (a largest id above twice the number of rows) are
     * first coded 0..d&minus;1 by sorting, so memory follows the number of rows, never the value of an id.
     *
     * @param customers customer per row, each {@code >= 0}
     * @param epochSeconds time per row, seconds since 1970-01-01T00:00Z
     * @param amounts amount per row, finite
     * @return the matrices
     */
    public CohortMatrices matrices(int[] customers, long[] epochSeconds, double[] amounts) {
        Checks.notNull(customers, "customers");
        int n = customers.length;
        int m = 0;
        for (int i = 0; i < n; i++) {
            int c = customers[i];
            Checks.require(c >= 0, "customers[%d] must be >= 0, got %d", i, c);
            m = Math.max(m, c);
        }
        requireRows(n);
        CohortAccumulator acc = CohortAccumulator.create(this);
        if (m < 2L * n + 64) {
            acc.add(customers, m + 1, epochSeconds, amounts, null, null, null);
        } else {
            int[] distinct = customers.clone();
            java.util.Arrays.sort(distinct);
            int d = 0;
            for (int i = 0; i < n; i++) {
                if (d == 0 || distinct[i] != distinct[d - 1]) {
                    distinct[d++] = distinct[i];
                }
            }
            int[] codes = new int[n];
            for (int i = 0; i < n; i++) {
                codes[i] = java.util.Arrays.binarySearch(distinct, 0, d, customers[i]);
            }
            acc.add(codes, d, epochSeconds, amounts, c -> Integer.toString(distinct[c]), null, null);
        }
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
        CohortAccumulator acc = CohortAccumulator.create(this);
        acc.addIds(ids, seconds, amounts, keys);
        return acc.snapshot();
    }

    private static void requireRows(int n) {
        Checks.require(n > 0, "transactions must not be empty: there is no cohort");
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
        // The table pays off when there are more rows than days; its size follows the rows, never the time span.
        if (n == 0 || maxDay - minDay >= 2L * n + 4096) {
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
     * Writes the {@link SerializedForm} instead of the fields, so that reading goes through the factories.
     *
     * @return the serialized form
     */
    private Object writeReplace() {
        return new SerializedForm(period, zone, dataEnd, brackets.toArray(new Bracket[0]));
    }

    /**
     * Rejects a stream that holds the fields of a calculator rather than its serialized form: such a stream was
     * crafted, since {@link #writeReplace()} never writes one.
     *
     * @param in the stream
     * @throws InvalidObjectException always
     */
    private void readObject(ObjectInputStream in) throws InvalidObjectException {
        throw new InvalidObjectException("Cohorts is read through its serialized form");
    }

    /**
     * The serialized form of a calculator: its settings, rebuilt on reading through {@link #of},
     * {@link #withDataEnd(Instant)} and {@link #withBrackets}, so that a crafted stream cannot make a calculator
     * those would reject.
     */
    private static final class SerializedForm implements Serializable {
        private static final long serialVersionUID = 1L;
        private final CohortPeriod period;
        private final ZoneId zone;
        private final Instant dataEnd;
        private final Bracket[] brackets;

        SerializedForm(CohortPeriod period, ZoneId zone, Instant dataEnd, Bracket[] brackets) {
            this.period = period;
            this.zone = zone;
            this.dataEnd = dataEnd;
            this.brackets = brackets;
        }

        private Object readResolve() throws InvalidObjectException {
            try {
                Cohorts c = of(period, zone).withBrackets(Checks.notNull(brackets, "brackets"));
                return dataEnd == null ? c : c.withDataEnd(dataEnd);
            } catch (IllegalArgumentException e) {
                InvalidObjectException bad = new InvalidObjectException("invalid Cohorts in the stream: "
                        + e.getMessage());
                bad.initCause(e);
                throw bad;
            }
        }
    }

    @Override
    public String toString() {
        return "Cohorts[" + period + " in " + zone + (dataEnd == null ? "" : ", data end " + dataEnd)
                + (brackets.isEmpty() ? "" : ", brackets " + brackets) + "]";
    }
}
