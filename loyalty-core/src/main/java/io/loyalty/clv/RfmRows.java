package io.loyalty.clv;

import io.loyalty.internal.Checks;
import io.loyalty.internal.ChunkedSum;
import io.loyalty.internal.IndexSort;
import io.loyalty.internal.PairIndex;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Validated frequency/recency/age rows, identical rows merged into weighted rows (in (x, t_x, T) order) when a
 * sample of the rows shows that merging pays; otherwise the rows as given ({@link #aligned}), since merging
 * nearly distinct rows (continuous recency and T) costs a hash pass and buys nothing. The likelihood kernels run
 * over these arrays. Not serializable: a {@link CustomerChunk} travels as its rows, re-checked on arrival.
 */
final class RfmRows {
    /** Why a fit cannot start when every T is 0. */
    static final String NO_AGE = "every customer has T = 0 (first purchase at the end of the window): a fit needs "
            + "customers with T > 0";
    final double[] x;
    final double[] tx;
    final double[] t;
    final double[] w;
    final int size;
    final double totalWeight;
    final double maxT;
    final int maxX;
    /** The distinct frequencies, ascending, and each row's index into them (per-frequency tables follow the data). */
    final double[] frequencies;
    final int[] xIndex;
    /**
     * The distinct values of recency and T, and each row's index into them (kernels look up logs of them). In
     * {@link #aligned} rows the values are not merged: recency of row i at i, T at size + i.
     */
    final double[] times;
    final int[] txIndex;
    final int[] tIndex;
    /**
     * Whether the rows are the input rows, not merged and not time-indexed: a kernel then computes its logs of
     * recency and T row by row, in the parallel loop, rather than through {@link #times}.
     */
    final boolean aligned;

    private RfmRows(double[] x, double[] tx, double[] t, double[] w, int size, boolean aligned) {
        this.x = x;
        this.tx = tx;
        this.t = t;
        this.w = w;
        this.size = size;
        this.aligned = aligned;
        txIndex = new int[size];
        tIndex = new int[size];
        if (aligned) {
            times = new double[2 * size];
            ChunkedSum.forEach(size, (from, to) -> {
                for (int i = from; i < to; i++) {
                    txIndex[i] = i;
                    tIndex[i] = size + i;
                    times[i] = tx[i];
                    times[size + i] = t[i];
                }
            });
        } else {
            times = indexTimes(tx, t, size, txIndex, tIndex);
        }
        double total = 0;
        double mt = 0;
        int mx = 0;
        for (int i = 0; i < size; i++) {
            total += w[i];
            mt = Math.max(mt, t[i]);
            mx = Math.max(mx, (int) x[i]);
        }
        this.totalWeight = total;
        this.maxT = mt;
        this.maxX = mx;
        this.xIndex = new int[size];
        if (mx <= 4L * size + 1024) {
            // Frequencies are whole numbers: rank them through a table of 0..maxX (memory bounded by the rows).
            int[] rank = new int[mx + 1];
            for (int i = 0; i < size; i++) {
                rank[(int) x[i]] = 1;
            }
            int distinct = 0;
            for (int v = 0; v <= mx; v++) {
                rank[v] = rank[v] == 0 ? -1 : distinct++;
            }
            double[] values = new double[distinct];
            for (int v = 0; v <= mx; v++) {
                if (rank[v] >= 0) {
                    values[rank[v]] = v;
                }
            }
            this.frequencies = values;
            ChunkedSum.forEach(size, (from, to) -> {
                for (int i = from; i < to; i++) {
                    xIndex[i] = rank[(int) x[i]];
                }
            });
        } else {
            double[] sorted = Arrays.copyOf(x, size);
            Arrays.sort(sorted);
            int distinct = 0;
            for (int i = 0; i < size; i++) {
                if (i == 0 || sorted[i] != sorted[i - 1]) {
                    sorted[distinct++] = sorted[i];
                }
            }
            this.frequencies = Arrays.copyOf(sorted, distinct);
            for (int i = 0; i < size; i++) {
                xIndex[i] = Arrays.binarySearch(frequencies, x[i]);
            }
        }
    }

    /**
     * Checks the columns (continuous time: frequency a whole number &gt;= 0, 0 &lt;= recency &lt;= T, recency 0
     * when frequency is 0, weights finite and &gt;= 0 with a positive sum) and merges identical rows.
     */
    static RfmRows of(double[] frequency, double[] recency, double[] age, double[] weights) {
        check(frequency, recency, age, weights, false);
        RfmRows rows = collapse(frequency, recency, age, weights);
        Checks.require(rows.maxT > 0, NO_AGE);
        return rows;
    }

    /**
     * {@link #check} of unweighted continuous-time rows, for the prediction methods: the rows are tested on both
     * cores, and only when one fails does the serial check run again, so the error names the first bad row as
     * {@link #check} does.
     */
    static void checkInParallel(double[] frequency, double[] recency, double[] age) {
        if (!sameShape(frequency, recency, age)) {
            check(frequency, recency, age, null, false);
            return;
        }
        AtomicBoolean bad = new AtomicBoolean();
        ChunkedSum.forEach(frequency.length, (from, to) -> {
            boolean ok = true;
            for (int i = from; i < to; i++) {
                ok &= valid(frequency[i], recency[i], age[i]);
            }
            if (!ok) {
                bad.set(true);
            }
        });
        if (bad.get()) {
            check(frequency, recency, age, null, false);
        }
    }

    /** Whether the three columns are non-null, non-empty and of one length ({@link #check} says which is not). */
    static boolean sameShape(double[] frequency, double[] recency, double[] age) {
        return frequency != null && recency != null && age != null && frequency.length > 0
                && recency.length == frequency.length && age.length == frequency.length;
    }

    /**
     * Whether one continuous-time row passes {@link #check}: evaluated without short circuits, so that a loop over
     * the rows has no branch but its own.
     */
    static boolean valid(double x, double r, double t) {
        return x >= 0 & x == Math.rint(x) & x < Integer.MAX_VALUE & t >= 0 & t < Double.POSITIVE_INFINITY & r >= 0
                & r <= t & (x != 0 | r == 0);
    }

    static void check(double[] frequency, double[] recency, double[] age, double[] weights, boolean discrete) {
        Checks.notNull(frequency, "frequency");
        Checks.notNull(recency, "recency");
        Checks.notNull(age, discrete ? "periods" : "T");
        int n = frequency.length;
        Checks.require(n > 0, "no customers: frequency is empty");
        Checks.sameLength(n, recency.length, "recency");
        Checks.sameLength(n, age.length, discrete ? "periods" : "T");
        if (weights != null) {
            Checks.sameLength(n, weights.length, "weights");
        }
        double total = 0;
        for (int i = 0; i < n; i++) {
            double x = frequency[i];
            double r = recency[i];
            double t = age[i];
            if (!(x >= 0 && x == Math.rint(x) && x < Integer.MAX_VALUE)) {
                throw new IllegalArgumentException(Checks.format(
                        "frequency at row %d must be a whole number >= 0, got %s", i, x));
            }
            if (!(t >= 0 && t < Double.POSITIVE_INFINITY)) {
                throw new IllegalArgumentException(Checks.format(
                        "%s at row %d must be finite and >= 0, got %s", discrete ? "periods" : "T", i, t));
            }
            if (!(r >= 0 && r <= t)) {
                throw new IllegalArgumentException(Checks.format(
                        "recency at row %d must lie in [0, %s] (0..%s), got %s", i, discrete ? "periods" : "T",
                        t, r));
            }
            if (x == 0 && r != 0) {
                throw new IllegalArgumentException(Checks.format(
                        "recency at row %d must be 0 when frequency is 0, got %s", i, r));
            }
            if (discrete) {
                if (!(t == Math.rint(t) && r == Math.rint(r))) {
                    throw new IllegalArgumentException(Checks.format(
                            "periods and recency at row %d must be whole numbers, got %s and %s", i, t, r));
                }
                if (!(x <= r)) {
                    throw new IllegalArgumentException(Checks.format(
                            "frequency at row %d (%s) must not exceed recency (%s) in the discrete-time model", i,
                            x, r));
                }
            }
            if (weights != null) {
                double wi = weights[i];
                if (!(wi >= 0 && wi < Double.POSITIVE_INFINITY)) {
                    throw new IllegalArgumentException(Checks.format(
                            "weights at row %d must be finite and >= 0, got %s", i, wi));
                }
                total += wi;
            }
        }
        if (weights != null) {
            Checks.require(total > 0 && total < Double.POSITIVE_INFINITY,
                    "weights must have a positive, finite sum (the number of customers), got %s", total);
        }
    }

    /**
     * Merges identical (x, tx, T) rows by open-addressing hashing, unless {@link #mergingPays} finds too few
     * duplicates; rows of weight 0 are dropped either way.
     */
    static RfmRows collapse(double[] frequency, double[] recency, double[] age, double[] weights) {
        int n = frequency.length;
        if (n >= MERGE_CHECK_ROWS && !mergingPays(frequency, recency, age, weights)) {
            return aligned(frequency, recency, age, weights);
        }
        int cap = Integer.highestOneBit(Math.max(4, n) * 2 - 1) << 1;
        int mask = cap - 1;
        int shift = 64 - Integer.numberOfTrailingZeros(cap);
        int[] slots = new int[cap];
        Arrays.fill(slots, -1);
        double[] ux = new double[Math.min(n, 1024)];
        double[] utx = new double[ux.length];
        double[] ut = new double[ux.length];
        double[] uw = new double[ux.length];
        int u = 0;
        for (int i = 0; i < n; i++) {
            double wi = weights == null ? 1 : weights[i];
            if (wi == 0) {
                continue;
            }
            double x = frequency[i];
            double r = recency[i] + 0.0;
            double t = age[i] + 0.0;
            int slot = (int) (hash(x, r, t) >>> shift);
            while (true) {
                int k = slots[slot];
                if (k < 0) {
                    if (u == ux.length) {
                        int len = Math.min(n, ux.length * 2);
                        ux = Arrays.copyOf(ux, len);
                        utx = Arrays.copyOf(utx, len);
                        ut = Arrays.copyOf(ut, len);
                        uw = Arrays.copyOf(uw, len);
                    }
                    ux[u] = x;
                    utx[u] = r;
                    ut[u] = t;
                    uw[u] = wi;
                    slots[slot] = u++;
                    break;
                }
                if (ux[k] == x && utx[k] == r && ut[k] == t) {
                    uw[k] += wi;
                    break;
                }
                slot = (slot + 1) & mask;
            }
        }
        // The merged rows in one canonical order, (x, t_x, T) ascending, whatever the input order: the kernels'
        // sums then run in the same order for any permutation of the rows, so a fit does not depend on it, not even
        // by rounding (which on a flat likelihood can decide between converged and not).
        int[] order = canonicalOrder(ux, utx, ut, u);
        return new RfmRows(permute(ux, order), permute(utx, order), permute(ut, order), permute(uw, order), u,
                false);
    }

    /** The indexes 0..n-1 sorted by (x, tx, t) ascending. */
    static int[] canonicalOrder(double[] x, double[] tx, double[] t, int n) {
        return IndexSort.sorted(n, (i, j) -> compare(x, tx, t, i, j) < 0);
    }

    private static int compare(double[] x, double[] tx, double[] t, int i, int j) {
        int c = Double.compare(x[i], x[j]);
        if (c == 0) {
            c = Double.compare(tx[i], tx[j]);
        }
        return c != 0 ? c : Double.compare(t[i], t[j]);
    }

    static double[] permute(double[] v, int[] order) {
        double[] out = new double[order.length];
        for (int i = 0; i < order.length; i++) {
            out[i] = v[order[i]];
        }
        return out;
    }

    /** Below this many rows merging is always done: it is cheap, and small fits keep one path. */
    static final int MERGE_CHECK_ROWS = 2 * ChunkedSum.CHUNK;
    /** Merging pays when the sample's distinct rows are at most this fraction of its rows. */
    private static final double MERGE_WORTH = 0.75;

    /**
     * Whether merging would drop enough rows to pay for its hash pass, judged from the rows whose hash falls in
     * 1/64 of its range: every copy of a row falls in the same part, so the sample's share of distinct rows
     * estimates the whole's without bias, and does not depend on the row order.
     */
    static boolean mergingPays(double[] frequency, double[] recency, double[] age, double[] weights) {
        int n = frequency.length;
        long[] sample = new long[Math.max(16, n >>> 4)];
        int m = 0;
        for (int i = 0; i < n && m < sample.length; i++) {
            if (weights != null && weights[i] == 0) {
                continue;
            }
            long h = hash(frequency[i], recency[i] + 0.0, age[i] + 0.0);
            if (h >>> 58 == 0) {
                sample[m++] = h;
            }
        }
        if (m < 64 || m == sample.length) {
            return true;
        }
        // Distinct hashes stand for distinct rows (a 64-bit collision merely counts two rows as one).
        long[] s = Arrays.copyOf(sample, m);
        Arrays.sort(s);
        int distinct = 1;
        for (int i = 1; i < m; i++) {
            if (s[i] != s[i - 1]) {
                distinct++;
            }
        }
        return distinct <= MERGE_WORTH * m;
    }

    /** The rows as given (weight-0 rows dropped), copied, not merged: {@link #aligned}. */
    static RfmRows aligned(double[] frequency, double[] recency, double[] age, double[] weights) {
        int n = frequency.length;
        int kept = n;
        if (weights != null) {
            kept = 0;
            for (int i = 0; i < n; i++) {
                kept += weights[i] == 0 ? 0 : 1;
            }
        }
        double[] x = new double[kept];
        double[] tx = new double[kept];
        double[] t = new double[kept];
        double[] w = new double[kept];
        if (kept == n) {
            ChunkedSum.forEach(n, (from, to) -> {
                for (int i = from; i < to; i++) {
                    x[i] = frequency[i];
                    tx[i] = recency[i] + 0.0;
                    t[i] = age[i] + 0.0;
                    w[i] = weights == null ? 1 : weights[i];
                }
            });
        } else {
            for (int i = 0, k = 0; i < n; i++) {
                if (weights[i] != 0) {
                    x[k] = frequency[i];
                    tx[k] = recency[i] + 0.0;
                    t[k] = age[i] + 0.0;
                    w[k++] = weights[i];
                }
            }
        }
        return new RfmRows(x, tx, t, w, kept, true);
    }

    /** Distinct values of recency and T by open-addressing hashing; fills the per-row indexes. */
    private static double[] indexTimes(double[] tx, double[] t, int size, int[] txIndex, int[] tIndex) {
        int cap = Integer.highestOneBit(Math.max(4, size) * 4 - 1) << 1;
        int mask = cap - 1;
        int shift = 64 - Integer.numberOfTrailingZeros(cap);
        int[] slots = new int[cap];
        Arrays.fill(slots, -1);
        double[] values = new double[Math.min(2 * size, 1024)];
        int count = 0;
        for (int pass = 0; pass < 2; pass++) {
            double[] col = pass == 0 ? tx : t;
            int[] index = pass == 0 ? txIndex : tIndex;
            for (int i = 0; i < size; i++) {
                double v = col[i] + 0.0;
                int slot = (int) (PairIndex.mix(Double.doubleToLongBits(v)) >>> shift);
                while (true) {
                    int k = slots[slot];
                    if (k < 0) {
                        if (count == values.length) {
                            values = Arrays.copyOf(values, Math.min(2 * size, 2 * count));
                        }
                        values[count] = v;
                        slots[slot] = count;
                        index[i] = count++;
                        break;
                    }
                    if (values[k] == v) {
                        index[i] = k;
                        break;
                    }
                    slot = (slot + 1) & mask;
                }
            }
        }
        return Arrays.copyOf(values, count);
    }

    /** A well-mixed 64-bit hash of three doubles (murmur3's finalizer after each word); use its high bits. */
    private static long hash(double x, double r, double t) {
        long h = PairIndex.mix(Double.doubleToLongBits(x));
        h = PairIndex.mix(h ^ Double.doubleToLongBits(r));
        return PairIndex.mix(h ^ Double.doubleToLongBits(t));
    }
}
