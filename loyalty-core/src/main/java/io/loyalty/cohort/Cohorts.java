package io.loyalty.cohort;

import io.loyalty.data.PeriodRule;
import io.loyalty.data.Transaction;
import io.loyalty.internal.Checks;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

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
 * <p>Immutable and thread-safe. The work is linear in the number of transactions (a counting sort by
 * customer, then one pass); the caller's arrays are never modified.
 */
public final class Cohorts {
    /** The start of a key without one: no transaction is before it, and offsets count from the first purchase. */
    private static final long FIRST_PURCHASE = Long.MIN_VALUE;

    private final CohortPeriod period;
    private final ZoneId zone;
    private final PeriodRule rule;
    private final Instant dataEnd;
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
     * @param list the brackets, in the order of the matrix's columns
     * @return a new calculator
     */
    public Cohorts withBrackets(Bracket... list) {
        Checks.notNull(list, "brackets");
        for (int i = 0; i < list.length; i++) {
            Checks.notNull(list[i], "brackets[" + i + "]");
        }
        return new Cohorts(period, zone, dataEnd, List.of(list));
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
        return compute(customers, m, epochSeconds, amounts, null, null, null);
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
        Map<String, Integer> index = new HashMap<>();
        List<String> names = new ArrayList<>();
        int[] dense = new int[ids.length];
        for (int i = 0; i < ids.length; i++) {
            String id = ids[i];
            Checks.require(id != null && !id.isBlank(), "customerIds[%d] must not be null or blank, got %s", i,
                    id == null ? "null" : "'" + id + "'");
            Integer d = index.get(id);
            if (d == null) {
                d = names.size();
                index.put(id, d);
                names.add(id);
            }
            dense[i] = d;
        }
        String[] nameArray = names.toArray(new String[0]);
        String[] labels = null;
        long[] starts = null;
        if (keys != null) {
            labels = new String[nameArray.length];
            starts = new long[nameArray.length];
            for (int c = 0; c < nameArray.length; c++) {
                CohortKey key = keys.get(nameArray[c]);
                Checks.require(key != null, "keys has no cohort for customer '%s'", nameArray[c]);
                labels[c] = key.label();
                starts[c] = key.start() == null ? FIRST_PURCHASE : key.start().getEpochSecond();
            }
        }
        return compute(dense, nameArray.length, seconds, amounts, nameArray, labels, starts);
    }

    private int periodOf(long epochSecond) {
        return Math.toIntExact(rule.index(epochSecond, 0));
    }

    private CohortMatrices compute(int[] cust, int m, long[] sec, double[] amt, String[] names, String[] keyLabel,
            long[] keyStart) {
        Checks.notNull(sec, "epochSeconds");
        Checks.notNull(amt, "amounts");
        int n = cust.length;
        Checks.sameLength(n, sec.length, "epochSeconds");
        Checks.sameLength(n, amt.length, "amounts");
        Checks.require(n > 0, "transactions must not be empty: there is no cohort");
        long endSec;
        if (dataEnd != null) {
            endSec = dataEnd.getEpochSecond();
        } else {
            endSec = Long.MIN_VALUE;
            for (long s : sec) {
                endSec = Math.max(endSec, s);
            }
        }
        int endPeriod = periodOf(endSec);
        boolean endPartial = periodOf(endSec + 1) == endPeriod;

        // Pass 1: period per row, rows per customer, acquisition start per customer; checks name the row.
        int[] per = periods(sec);
        int[] count = new int[m + 1];
        int[] start = new int[m];
        Arrays.fill(start, Integer.MAX_VALUE);
        for (int i = 0; i < n; i++) {
            int c = cust[i];
            long s = sec[i];
            if (!(s <= endSec)) {
                throw new IllegalArgumentException(Checks.format(
                        "row %d: transaction of customer '%s' at %s is after the data end %s", i, name(names, c),
                        Instant.ofEpochSecond(s), Instant.ofEpochSecond(endSec)));
            }
            if (!Double.isFinite(amt[i])) {
                throw new IllegalArgumentException(Checks.format("row %d: amount must be finite, got %s", i, amt[i]));
            }
            if (keyStart != null && s < keyStart[c]) {
                throw new IllegalArgumentException(Checks.format(
                        "row %d: transaction of customer '%s' at %s is before its cohort start %s", i, name(names, c),
                        Instant.ofEpochSecond(s), Instant.ofEpochSecond(keyStart[c])));
            }
            count[c + 1]++;
            if (per[i] < start[c]) {
                start[c] = per[i];
            }
        }
        if (keyStart != null) {
            for (int c = 0; c < m; c++) {
                if (count[c + 1] > 0 && keyStart[c] != FIRST_PURCHASE) {
                    start[c] = periodOf(keyStart[c]);
                }
            }
        }

        // Cohorts: by start period, or by caller label ordered by earliest start then label.
        int[] cohortOf = new int[m];
        List<String> labels = new ArrayList<>();
        int cohorts;
        int minStart = Integer.MAX_VALUE;
        for (int c = 0; c < m; c++) {
            if (count[c + 1] > 0) {
                minStart = Math.min(minStart, start[c]);
            }
        }
        int width = endPeriod - minStart + 1;
        if (keyLabel == null) {
            int[] rank = new int[width];
            for (int c = 0; c < m; c++) {
                if (count[c + 1] > 0) {
                    rank[start[c] - minStart] = 1;
                }
            }
            int r = 0;
            for (int k = 0; k < width; k++) {
                if (rank[k] == 1) {
                    labels.add(period.label((long) minStart + k));
                    rank[k] = r++;
                }
            }
            cohorts = r;
            for (int c = 0; c < m; c++) {
                if (count[c + 1] > 0) {
                    cohortOf[c] = rank[start[c] - minStart];
                }
            }
        } else {
            Map<String, Integer> earliest = new TreeMap<>();
            for (int c = 0; c < m; c++) {
                if (count[c + 1] > 0) {
                    earliest.merge(keyLabel[c], start[c], Math::min);
                }
            }
            List<Map.Entry<String, Integer>> order = new ArrayList<>(earliest.entrySet());
            order.sort(Map.Entry.<String, Integer>comparingByValue().thenComparing(Map.Entry.comparingByKey()));
            Map<String, Integer> rank = new HashMap<>();
            for (Map.Entry<String, Integer> e : order) {
                rank.put(e.getKey(), labels.size());
                labels.add(e.getKey());
            }
            cohorts = labels.size();
            for (int c = 0; c < m; c++) {
                if (count[c + 1] > 0) {
                    cohortOf[c] = rank.get(keyLabel[c]);
                }
            }
        }
        long[] size = new long[cohorts];
        int[] latestStart = new int[cohorts];
        Arrays.fill(latestStart, Integer.MIN_VALUE);
        for (int c = 0; c < m; c++) {
            if (count[c + 1] > 0) {
                int co = cohortOf[c];
                size[co]++;
                latestStart[co] = Math.max(latestStart[co], start[c]);
            }
        }

        int nb = brackets.size();
        int[] bracketOf = new int[width];
        Arrays.fill(bracketOf, -1);
        for (int b = nb - 1; b >= 0; b--) {
            Bracket br = brackets.get(b);
            for (int k = br.from(); k <= Math.min(br.to(), width - 1); k++) {
                bracketOf[k] = b;
            }
        }
        long[][] active = new long[cohorts][width];
        long[][] lastActive = new long[cohorts][width];
        double[][] revenue = new double[cohorts][width];
        long[][] bracketCount = new long[cohorts][nb];
        if (width <= Long.SIZE) {
            // Up to 64 offsets (five years of months): one bit per offset and customer, no sort.
            long[] mask = new long[m];
            for (int i = 0; i < n; i++) {
                int c = cust[i];
                int k = per[i] - start[c];
                mask[c] |= 1L << k;
                revenue[cohortOf[c]][k] += amt[i];
            }
            long[] bracketMask = new long[nb];
            for (int b = 0; b < nb; b++) {
                for (int k = 0; k < width; k++) {
                    if (bracketOf[k] == b) {
                        bracketMask[b] |= 1L << k;
                    }
                }
            }
            for (int c = 0; c < m; c++) {
                long bits = mask[c];
                if (bits == 0) {
                    continue;
                }
                int co = cohortOf[c];
                long[] act = active[co];
                for (long rest = bits; rest != 0; rest &= rest - 1) {
                    act[Long.numberOfTrailingZeros(rest)]++;
                }
                lastActive[co][Long.SIZE - 1 - Long.numberOfLeadingZeros(bits)]++;
                for (int b = 0; b < nb; b++) {
                    if ((bits & bracketMask[b]) != 0) {
                        bracketCount[co][b]++;
                    }
                }
            }
        } else {
            countSorted(cust, m, count, per, amt, start, cohortOf, bracketOf, active, lastActive, revenue,
                    bracketCount);
        }
        int[] lastOffset = new int[cohorts];
        for (int co = 0; co < cohorts; co++) {
            lastOffset[co] = endPeriod - latestStart[co];
        }
        return new CohortMatrices(period, labels, size, lastOffset, endPartial, Instant.ofEpochSecond(endSec), active,
                lastActive, revenue, brackets, bracketCount);
    }

    /** Periods per row: through a table of local days when the zone has a fixed offset, else per row. */
    private int[] periods(long[] sec) {
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

    /** More than 64 offsets: a counting sort by customer makes each customer's rows contiguous. */
    private static void countSorted(int[] cust, int m, int[] count, int[] per, double[] amt, int[] start,
            int[] cohortOf, int[] bracketOf, long[][] active, long[][] lastActive, double[][] revenue,
            long[][] bracketCount) {
        int n = cust.length;
        int[] first = new int[m + 1];
        for (int c = 0; c < m; c++) {
            first[c + 1] = first[c] + count[c + 1];
        }
        int[] order = new int[n];
        int[] fill = Arrays.copyOf(first, m);
        for (int i = 0; i < n; i++) {
            order[fill[cust[i]]++] = i;
        }
        int[] stamp = new int[bracketOf.length];
        Arrays.fill(stamp, -1);
        int[] bracketStamp = new int[Math.max(bracketCount.length == 0 ? 1 : bracketCount[0].length, 1)];
        Arrays.fill(bracketStamp, -1);
        for (int c = 0; c < m; c++) {
            if (first[c] == first[c + 1]) {
                continue;
            }
            int co = cohortOf[c];
            int s = start[c];
            long[] act = active[co];
            double[] rev = revenue[co];
            int maxK = 0;
            for (int j = first[c]; j < first[c + 1]; j++) {
                int row = order[j];
                int k = per[row] - s;
                rev[k] += amt[row];
                if (stamp[k] != c) {
                    stamp[k] = c;
                    act[k]++;
                    maxK = Math.max(maxK, k);
                    int b = bracketOf[k];
                    if (b >= 0 && bracketStamp[b] != c) {
                        bracketStamp[b] = c;
                        bracketCount[co][b]++;
                    }
                }
            }
            lastActive[co][maxK]++;
        }
    }

    private static String name(String[] names, int c) {
        return names == null ? Integer.toString(c) : names[c];
    }

    @Override
    public String toString() {
        return "Cohorts[" + period + " in " + zone + (dataEnd == null ? "" : ", data end " + dataEnd)
                + (brackets.isEmpty() ? "" : ", brackets " + brackets) + "]";
    }
}
