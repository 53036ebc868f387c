package io.loyalty.cohort;

import io.loyalty.internal.Checks;
import io.loyalty.internal.ExactSum;
import io.loyalty.stats.Accumulator;
import java.io.InvalidObjectException;
import java.io.ObjectInputStream;
import java.io.Serializable;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;

/**
 * The mergeable sufficient statistics of {@link CohortMatrices}: per cohort, its size and first and last start
 * period, and per period offset the customers active, the customers last active and the revenue (summed exactly,
 * so that it does not depend on order), plus the bracket counts. Made by {@link #create(Cohorts)}; every
 * {@code Cohorts.matrices} call runs through one.
 *
 * <p>Transactions arrive in batches of <b>whole customers</b>: all the transactions of a customer must be in
 * one {@link #add} call, because its cohort and offsets depend on its first purchase. Batches are independent
 * otherwise, so a data set partitioned by customer (a Spark partitioning by customer id, or chunks of a sorted
 * file) can fill one accumulator per part and {@link #combine} them in any order; the snapshot equals
 * {@link Cohorts#matrices(String[], long[], double[])} on all the rows at once. A customer split across two
 * batches would be counted twice.
 *
 * <pre>{@code
 * CohortAccumulator acc = CohortAccumulator.create(cohorts);
 * acc.add(idsOfSomeCustomers, seconds, amounts);         // per part, e.g. per Spark partition
 * CohortMatrices m = acc.combine(otherPart).snapshot();
 * }</pre>
 *
 * <p>Follows the library's {@linkplain Accumulator accumulator contract}, with whole customers as its rows. Not
 * thread-safe: give each thread its own accumulator and combine them. Serializable, to travel between
 * the executors and the driver of a cluster: the stream holds the counts and, per cell, doubles whose exact sum
 * is the revenue, and reading it back re-checks every invariant (a crafted stream gives an
 * {@link InvalidObjectException}). A rejected batch leaves the accumulator as it was. An accumulator counts at
 * most {@link Long#MAX_VALUE} transactions, which bounds every count it holds.
 *
 * @since 0.1
 */
public final class CohortAccumulator implements Accumulator<CohortAccumulator, CohortMatrices>, Serializable {
    private static final long serialVersionUID = 2L;
    /** The start of a key without one: no transaction is before it, and offsets count from the first purchase. */
    static final long FIRST_PURCHASE = Long.MIN_VALUE;

    /** The calculator whose cohorts are counted. */
    private final Cohorts cohorts;
    /** Cohort rows by label. */
    private final Map<String, Cell> rows = new HashMap<>();
    /** The transactions counted. */
    private long transactions;
    /** The latest transaction's second, the data end when the calculator has none. */
    private long lastSecond = Long.MIN_VALUE;

    /** One cohort's counts; arrays indexed by offset, grown as offsets appear. */
    private static final class Cell implements Serializable {
        private static final long serialVersionUID = 1L;

        int earliestStart = Integer.MAX_VALUE;
        int latestStart = Integer.MIN_VALUE;
        long size;
        long[] active = new long[0];
        long[] lastActive = new long[0];
        ExactSum[] revenue = new ExactSum[0];
        final long[] bracketCount;

        Cell(int brackets) {
            bracketCount = new long[brackets];
        }

        void ensureWidth(int width) {
            if (active.length < width) {
                active = Arrays.copyOf(active, width);
                lastActive = Arrays.copyOf(lastActive, width);
                revenue = Arrays.copyOf(revenue, width);
            }
        }

        void add(Cell o) {
            earliestStart = Math.min(earliestStart, o.earliestStart);
            latestStart = Math.max(latestStart, o.latestStart);
            size += o.size;
            ensureWidth(o.active.length);
            for (int k = 0; k < o.active.length; k++) {
                active[k] += o.active[k];
                lastActive[k] += o.lastActive[k];
                if (o.revenue[k] != null) {
                    if (revenue[k] == null) {
                        revenue[k] = new ExactSum();
                    }
                    revenue[k].add(o.revenue[k]);
                }
            }
            for (int b = 0; b < bracketCount.length; b++) {
                bracketCount[b] += o.bracketCount[b];
            }
        }
    }

    private CohortAccumulator(Cohorts cohorts) {
        this.cohorts = cohorts;
    }

    /**
     * An empty accumulator of a calculator's cohorts, for transactions that arrive in batches of whole customers
     * (a stream, or the partitions of a data set partitioned by customer).
     *
     * @param cohorts the calculator: period, zone, data end and brackets
     * @return the accumulator
     * @throws IllegalArgumentException if {@code cohorts} is null
     */
    public static CohortAccumulator create(Cohorts cohorts) {
        return new CohortAccumulator(Checks.notNull(cohorts, "cohorts"));
    }

    /**
     * The calculator whose cohorts this accumulator counts.
     *
     * @return the calculator
     */
    public Cohorts cohorts() {
        return cohorts;
    }

    /**
     * The number of transactions added so far.
     *
     * @return the count
     */
    public long transactionCount() {
        return transactions;
    }

    /**
     * Adds a batch of whole customers (every transaction of each customer in the batch is in it) as acquisition
     * cohorts. The arrays are read, never modified or kept.
     *
     * @param customerIds customer per row, not blank
     * @param epochSeconds time per row, seconds since 1970-01-01T00:00Z
     * @param amounts amount per row, finite
     * @return this accumulator
     * @throws IllegalArgumentException if the lengths differ, an id is blank, an amount is not finite, a time is
     *     outside the years &minus;999,999..999,999 or after the calculator's data end (naming the row of the
     *     batch), the batch spans more than {@link Cohorts#MAX_OFFSETS} periods, or the accumulator would count
     *     more than {@link Long#MAX_VALUE} transactions
     */
    public CohortAccumulator add(String[] customerIds, long[] epochSeconds, double[] amounts) {
        addIds(customerIds, epochSeconds, amounts, null);
        return this;
    }

    /**
     * Adds the counts of another accumulator of the same calculator, filled with other customers.
     *
     * @param other the other accumulator; not modified
     * @return this accumulator
     * @throws IllegalArgumentException if the calculators differ in period, zone, data end or brackets, or the
     *     two together would count more than {@link Long#MAX_VALUE} transactions
     */
    @Override
    public CohortAccumulator combine(CohortAccumulator other) {
        Checks.notNull(other, "other");
        Checks.require(cohorts.sameCounting(other.cohorts), "cannot combine accumulators of %s and %s", cohorts,
                other.cohorts);
        // Every count is at most the number of transactions, so this one check keeps them all exact.
        long grown = Checks.addExact(transactions, other.transactions, "transactions");
        for (Map.Entry<String, Cell> e : other.rows.entrySet()) {
            cell(e.getKey()).add(e.getValue());
        }
        transactions = grown;
        lastSecond = Math.max(lastSecond, other.lastSecond);
        return this;
    }

    /**
     * The matrices of everything added so far: cohorts ordered by start period (caller-given cohorts by earliest
     * start, then label), the data end the calculator's or else the last transaction's.
     *
     * @return the matrices
     * @throws IllegalStateException if nothing was added yet
     * @throws IllegalArgumentException if the matrices would be wider than {@link Cohorts#MAX_OFFSETS} periods,
     *     or a cohort's revenue sums beyond the range of a double
     */
    @Override
    public CohortMatrices snapshot() {
        if (transactions == 0) {
            throw new IllegalStateException("no transactions were added: there is no cohort");
        }
        long endSec = cohorts.dataEnd() != null ? cohorts.dataEnd().getEpochSecond() : lastSecond;
        int endPeriod = cohorts.periodOf(endSec);
        boolean endPartial = cohorts.periodOf(endSec + 1) == endPeriod;
        int earliest = Integer.MAX_VALUE;
        for (Cell cell : rows.values()) {
            earliest = Math.min(earliest, cell.earliestStart);
        }
        checkedWidth(endPeriod - (long) earliest + 1, "the earliest cohort and the data end " + Instant.ofEpochSecond(
                endSec));
        List<Map.Entry<String, Cell>> order = new ArrayList<>(rows.entrySet());
        order.sort((a, b) -> a.getValue().earliestStart != b.getValue().earliestStart
                ? Integer.compare(a.getValue().earliestStart, b.getValue().earliestStart)
                : a.getKey().compareTo(b.getKey()));
        int n = order.size();
        List<String> labels = new ArrayList<>(n);
        long[] size = new long[n];
        int[] lastOffset = new int[n];
        long[][] active = new long[n][];
        long[][] lastActive = new long[n][];
        double[][] revenue = new double[n][];
        long[][] bracketCount = new long[n][];
        for (int c = 0; c < n; c++) {
            Cell cell = order.get(c).getValue();
            labels.add(order.get(c).getKey());
            size[c] = cell.size;
            lastOffset[c] = endPeriod - cell.latestStart;
            active[c] = cell.active;
            lastActive[c] = cell.lastActive;
            revenue[c] = new double[cell.revenue.length];
            for (int k = 0; k < cell.revenue.length; k++) {
                revenue[c][k] = cell.revenue[k] == null ? 0 : cell.revenue[k].value();
            }
            bracketCount[c] = cell.bracketCount.clone();
        }
        return new CohortMatrices(cohorts.period(), labels, size, lastOffset, endPartial,
                Instant.ofEpochSecond(endSec), active, lastActive, revenue, cohorts.brackets(), bracketCount);
    }

    private Cell cell(String label) {
        return rows.computeIfAbsent(label, l -> new Cell(cohorts.brackets().size()));
    }

    /** String ids coded densely, then {@link #add(int[], int, long[], double[], String[], String[], long[])}. */
    void addIds(String[] ids, long[] seconds, double[] amounts, Map<String, CohortKey> keys) {
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
                if (key.start() == null) {
                    starts[c] = FIRST_PURCHASE;
                } else {
                    long start = key.start().getEpochSecond();
                    Checks.require(start >= Cohorts.MIN_SECOND && start <= Cohorts.MAX_SECOND, "keys has a cohort "
                            + "start %s for customer '%s', outside the supported times %s..%s", key.start(),
                            nameArray[c], Instant.ofEpochSecond(Cohorts.MIN_SECOND),
                            Instant.ofEpochSecond(Cohorts.MAX_SECOND));
                    starts[c] = start;
                }
            }
        }
        add(dense, nameArray.length, seconds, amounts, c -> nameArray[c], labels, starts);
    }

    /**
     * Adds a batch of whole customers coded 0..m-1: checks every row first (so that a bad batch changes
     * nothing), then counts each customer's active offsets into its cohort's row.
     *
     * @param names the customers' ids by code, for messages, or null to name them by code
     * @param keyLabel the cohort label per customer, or null for acquisition cohorts
     * @param keyStart the start second per customer ({@link #FIRST_PURCHASE} for none), or null
     */
    void add(int[] cust, int m, long[] sec, double[] amt, IntFunction<String> names, String[] keyLabel,
            long[] keyStart) {
        Checks.notNull(sec, "epochSeconds");
        Checks.notNull(amt, "amounts");
        int n = cust.length;
        Checks.sameLength(n, sec.length, "epochSeconds");
        Checks.sameLength(n, amt.length, "amounts");
        if (n == 0) {
            return;
        }
        Instant dataEnd = cohorts.dataEnd();
        long endSec = dataEnd == null ? Long.MAX_VALUE : dataEnd.getEpochSecond();
        // Checked first, so that a rejected batch leaves the accumulator as it was.
        long grownTransactions = Checks.addExact(transactions, n, "transactions");
        for (int i = 0; i < n; i++) {
            Cohorts.second(sec[i], "epochSeconds", i);
        }

        // Pass 1: period per row, rows per customer, acquisition start per customer; checks name the row.
        int[] per = cohorts.periods(sec);
        int[] count = new int[m + 1];
        int[] start = new int[m];
        Arrays.fill(start, Integer.MAX_VALUE);
        int maxPer = Integer.MIN_VALUE;
        long maxSec = Long.MIN_VALUE;
        for (int i = 0; i < n; i++) {
            int c = cust[i];
            long s = sec[i];
            if (!(s <= endSec)) {
                throw new IllegalArgumentException(Checks.format(
                        "row %d: transaction of customer '%s' at %s is after the data end %s", i, name(names, c),
                        Instant.ofEpochSecond(s), dataEnd));
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
            maxPer = Math.max(maxPer, per[i]);
            maxSec = Math.max(maxSec, s);
        }
        if (keyStart != null) {
            for (int c = 0; c < m; c++) {
                if (count[c + 1] > 0 && keyStart[c] != FIRST_PURCHASE) {
                    start[c] = cohorts.periodOf(keyStart[c]);
                }
            }
        }

        // The cohort row of each customer: by start period, or by the caller's label.
        int minStart = Integer.MAX_VALUE;
        for (int c = 0; c < m; c++) {
            if (count[c + 1] > 0) {
                minStart = Math.min(minStart, start[c]);
            }
        }
        int width = checkedWidth(maxPer - (long) minStart + 1, "the transactions of this batch");
        Cell[] cellOf = new Cell[m];
        Cell[] byStart = keyLabel == null ? new Cell[width] : null;
        for (int c = 0; c < m; c++) {
            if (count[c + 1] == 0) {
                continue;
            }
            Cell cell;
            if (keyLabel == null) {
                cell = byStart[start[c] - minStart];
                if (cell == null) {
                    cell = cell(cohorts.period().label(start[c]));
                    byStart[start[c] - minStart] = cell;
                }
            } else {
                cell = cell(keyLabel[c]);
            }
            // Its offsets reach maxPer - start: the rows stay ragged, as the matrices are.
            cell.ensureWidth(maxPer - start[c] + 1);
            cell.size++;
            cell.earliestStart = Math.min(cell.earliestStart, start[c]);
            cell.latestStart = Math.max(cell.latestStart, start[c]);
            cellOf[c] = cell;
        }

        List<Bracket> brackets = cohorts.brackets();
        int nb = brackets.size();
        int[] bracketOf = new int[width];
        Arrays.fill(bracketOf, -1);
        for (int b = nb - 1; b >= 0; b--) {
            Bracket br = brackets.get(b);
            for (int k = br.from(); k <= Math.min(br.to(), width - 1); k++) {
                bracketOf[k] = b;
            }
        }
        // From here on, per[i] is the row's offset from its customer's start.
        for (int i = 0; i < n; i++) {
            per[i] -= start[cust[i]];
        }
        addRevenue(cust, per, amt, cellOf);
        if (width <= Long.SIZE) {
            countByMask(cust, m, per, cellOf, bracketOf, nb);
        } else {
            countSorted(cust, m, count, per, cellOf, bracketOf);
        }
        transactions = grownTransactions;
        lastSecond = Math.max(lastSecond, maxSec);
    }

    /** Revenue per cohort and offset: a loop of its own, small enough for the exact sums to be inlined. */
    private static void addRevenue(int[] cust, int[] offset, double[] amt, Cell[] cellOf) {
        for (int i = 0; i < cust.length; i++) {
            ExactSum[] revenue = cellOf[cust[i]].revenue;
            int k = offset[i];
            ExactSum s = revenue[k];
            if (s == null) {
                s = new ExactSum();
                revenue[k] = s;
            }
            s.add(amt[i]);
        }
    }

    /** Up to 64 offsets (five years of months): one bit per offset and customer, no sort. */
    private static void countByMask(int[] cust, int m, int[] offset, Cell[] cellOf, int[] bracketOf, int nb) {
        int n = cust.length;
        long[] mask = new long[m];
        for (int i = 0; i < n; i++) {
            mask[cust[i]] |= 1L << offset[i];
        }
        long[] bracketMask = new long[nb];
        for (int k = 0; k < bracketOf.length; k++) {
            if (bracketOf[k] >= 0) {
                bracketMask[bracketOf[k]] |= 1L << k;
            }
        }
        for (int c = 0; c < m; c++) {
            long bits = mask[c];
            if (bits == 0) {
                continue;
            }
            Cell cell = cellOf[c];
            long[] act = cell.active;
            for (long rest = bits; rest != 0; rest &= rest - 1) {
                act[Long.numberOfTrailingZeros(rest)]++;
            }
            cell.lastActive[Long.SIZE - 1 - Long.numberOfLeadingZeros(bits)]++;
            for (int b = 0; b < nb; b++) {
                if ((bits & bracketMask[b]) != 0) {
                    cell.bracketCount[b]++;
                }
            }
        }
    }

    /** More than 64 offsets: a counting sort by customer makes each customer's rows contiguous. */
    private static void countSorted(int[] cust, int m, int[] count, int[] offset, Cell[] cellOf, int[] bracketOf) {
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
        int nb = 0;
        for (int b : bracketOf) {
            nb = Math.max(nb, b + 1);
        }
        int[] bracketStamp = new int[Math.max(nb, 1)];
        Arrays.fill(bracketStamp, -1);
        for (int c = 0; c < m; c++) {
            if (first[c] == first[c + 1]) {
                continue;
            }
            Cell cell = cellOf[c];
            long[] act = cell.active;
            int maxK = 0;
            for (int j = first[c]; j < first[c + 1]; j++) {
                int k = offset[order[j]];
                if (stamp[k] != c) {
                    stamp[k] = c;
                    act[k]++;
                    maxK = Math.max(maxK, k);
                    int b = bracketOf[k];
                    if (b >= 0 && bracketStamp[b] != c) {
                        bracketStamp[b] = c;
                        cell.bracketCount[b]++;
                    }
                }
            }
            cell.lastActive[maxK]++;
        }
    }

    /** Rejects matrices wider than {@link Cohorts#MAX_OFFSETS}: memory follows the width, not the rows. */
    private int checkedWidth(long width, String what) {
        Checks.require(width <= Cohorts.MAX_OFFSETS, "%s span %d %s periods, more than the %d a cohort matrix may "
                + "have", what, width, cohorts.period(), Cohorts.MAX_OFFSETS);
        return (int) width;
    }

    private static String name(IntFunction<String> names, int c) {
        return names == null ? Integer.toString(c) : names.apply(c);
    }

    /**
     * Writes the {@link SerializedForm} instead of the fields, so that reading re-checks the counts.
     *
     * @return the serialized form
     */
    private Object writeReplace() {
        return new SerializedForm(this);
    }

    /**
     * Rejects a stream that holds the fields of an accumulator rather than its serialized form: such a stream
     * was crafted, since {@link #writeReplace()} never writes one.
     *
     * @param in the stream
     * @throws InvalidObjectException always
     */
    private void readObject(ObjectInputStream in) throws InvalidObjectException {
        throw new InvalidObjectException("CohortAccumulator is read through its serialized form");
    }

    /**
     * The serialized form: the calculator (itself read through its factories), the counts per cohort in plain
     * arrays, and each revenue cell as doubles whose exact sum it is. {@link #readResolve()} checks every
     * invariant the accumulator keeps before rebuilding it.
     */
    private static final class SerializedForm implements Serializable {
        private static final long serialVersionUID = 1L;
        private final Cohorts cohorts;
        private final long transactions;
        private final long lastSecond;
        private final String[] labels;
        private final int[] earliestStart;
        private final int[] latestStart;
        private final long[] size;
        private final long[][] active;
        private final long[][] lastActive;
        /** Per cohort and offset, doubles whose exact sum is the revenue; null where nothing was added. */
        private final double[][][] revenue;
        private final long[][] bracketCount;

        SerializedForm(CohortAccumulator acc) {
            cohorts = acc.cohorts;
            transactions = acc.transactions;
            lastSecond = acc.lastSecond;
            int n = acc.rows.size();
            labels = new String[n];
            earliestStart = new int[n];
            latestStart = new int[n];
            size = new long[n];
            active = new long[n][];
            lastActive = new long[n][];
            revenue = new double[n][][];
            bracketCount = new long[n][];
            int c = 0;
            for (Map.Entry<String, Cell> e : acc.rows.entrySet()) {
                Cell cell = e.getValue();
                labels[c] = e.getKey();
                earliestStart[c] = cell.earliestStart;
                latestStart[c] = cell.latestStart;
                size[c] = cell.size;
                active[c] = cell.active.clone();
                lastActive[c] = cell.lastActive.clone();
                revenue[c] = new double[cell.revenue.length][];
                for (int k = 0; k < cell.revenue.length; k++) {
                    revenue[c][k] = cell.revenue[k] == null ? null : terms(cell.revenue[k]);
                }
                bracketCount[c] = cell.bracketCount.clone();
                c++;
            }
        }

        /**
         * Finite doubles whose exact sum is {@code sum}: the sum rounded, then the rounded remainder, and so on
         * (each step leaves a remainder below half an ulp of the last term, so a few dozen terms at most); a sum
         * beyond the range of a double gives up &plusmn;{@link Double#MAX_VALUE} first.
         */
        private static double[] terms(ExactSum sum) {
            ExactSum rest = new ExactSum();
            rest.add(sum);
            List<Double> out = new ArrayList<>();
            for (double v = rest.value(); v != 0; v = rest.value()) {
                double term = Double.isFinite(v) ? v : Math.copySign(Double.MAX_VALUE, v);
                out.add(term);
                rest.add(-term);
            }
            double[] t = new double[out.size()];
            for (int i = 0; i < t.length; i++) {
                t[i] = out.get(i);
            }
            return t;
        }

        private Object readResolve() throws InvalidObjectException {
            try {
                return restore();
            } catch (IllegalArgumentException e) {
                InvalidObjectException bad = new InvalidObjectException("invalid CohortAccumulator in the stream: "
                        + e.getMessage());
                bad.initCause(e);
                throw bad;
            }
        }

        private CohortAccumulator restore() {
            Checks.notNull(cohorts, "cohorts");
            int n = Checks.notNull(labels, "labels").length;
            Checks.require(Checks.notNull(earliestStart, "earliestStart").length == n
                    && Checks.notNull(latestStart, "latestStart").length == n && Checks.notNull(size, "size").length == n
                    && Checks.notNull(active, "active").length == n
                    && Checks.notNull(lastActive, "lastActive").length == n
                    && Checks.notNull(revenue, "revenue").length == n
                    && Checks.notNull(bracketCount, "bracketCount").length == n,
                    "the per-cohort arrays differ in length from the %d labels", n);
            Checks.nonNegative(transactions, "transactions");
            if (transactions == 0) {
                Checks.require(n == 0 && lastSecond == Long.MIN_VALUE,
                        "no transactions, yet %d cohorts and a last second %d", n, lastSecond);
            } else {
                Cohorts.second(lastSecond, "lastSecond", -1);
                Checks.require(cohorts.dataEnd() == null || lastSecond <= cohorts.dataEnd().getEpochSecond(),
                        "lastSecond %d is after the data end %s", lastSecond, cohorts.dataEnd());
            }
            int first = cohorts.periodOf(Cohorts.MIN_SECOND);
            int last = n == 0 ? first : cohorts.periodOf(lastSecond);
            int brackets = cohorts.brackets().size();
            CohortAccumulator acc = new CohortAccumulator(cohorts);
            long customers = 0;
            for (int c = 0; c < n; c++) {
                String label = Checks.notBlank(labels[c], Checks.format("labels[%d]", c));
                long sz = size[c];
                Checks.require(sz >= 1, "cohort '%s' has size %d", label, sz);
                customers = Checks.addExact(customers, sz, "the cohort sizes");
                Checks.require(first <= earliestStart[c] && earliestStart[c] <= latestStart[c]
                        && latestStart[c] <= last, "cohort '%s' starts in periods %d..%d, outside %d..%d", label,
                        earliestStart[c], latestStart[c], first, last);
                long[] act = Checks.notNull(active[c], "active");
                long[] lastAct = Checks.notNull(lastActive[c], "lastActive");
                double[][] rev = Checks.notNull(revenue[c], "revenue");
                long[] br = Checks.notNull(bracketCount[c], "bracketCount");
                int width = act.length;
                Checks.require(lastAct.length == width && rev.length == width && width <= Cohorts.MAX_OFFSETS,
                        "cohort '%s' has %d, %d and %d offsets of counts and revenue (at most %d, all equal)", label,
                        width, lastAct.length, rev.length, Cohorts.MAX_OFFSETS);
                Checks.require(br.length == brackets, "cohort '%s' has %d bracket counts for %d brackets", label,
                        br.length, brackets);
                Cell cell = new Cell(brackets);
                cell.ensureWidth(width);
                long lastTotal = 0;
                for (int k = 0; k < width; k++) {
                    Checks.require(act[k] >= 0 && act[k] <= sz && lastAct[k] >= 0 && lastAct[k] <= sz,
                            "cohort '%s' of size %d has %d active and %d last active at offset %d", label, sz,
                            act[k], lastAct[k], k);
                    lastTotal += lastAct[k];
                    Checks.require(lastTotal <= sz, "cohort '%s' of size %d has more last active customers", label,
                            sz);
                    if (rev[k] != null) {
                        ExactSum sum = new ExactSum();
                        for (double t : rev[k]) {
                            Checks.require(Double.isFinite(t), "cohort '%s' has a revenue term %s at offset %d",
                                    label, t, k);
                            sum.add(t);
                        }
                        cell.revenue[k] = sum;
                    }
                }
                // Each customer is last active at exactly one offset.
                Checks.require(lastTotal == sz, "cohort '%s' of size %d has %d last active customers", label, sz,
                        lastTotal);
                for (int b = 0; b < brackets; b++) {
                    Checks.require(br[b] >= 0 && br[b] <= sz, "cohort '%s' of size %d has bracket count %d", label,
                            sz, br[b]);
                }
                System.arraycopy(act, 0, cell.active, 0, width);
                System.arraycopy(lastAct, 0, cell.lastActive, 0, width);
                System.arraycopy(br, 0, cell.bracketCount, 0, brackets);
                cell.size = sz;
                cell.earliestStart = earliestStart[c];
                cell.latestStart = latestStart[c];
                Checks.require(acc.rows.put(label, cell) == null, "two cohorts are labelled '%s'", label);
            }
            // Each customer has at least one transaction.
            Checks.require(customers <= transactions, "%d customers but only %d transactions", customers,
                    transactions);
            acc.transactions = transactions;
            acc.lastSecond = lastSecond;
            return acc;
        }
    }

    @Override
    public String toString() {
        return Checks.format("CohortAccumulator[%s, %d transactions, %d cohorts]", cohorts, transactions,
                rows.size());
    }
}
