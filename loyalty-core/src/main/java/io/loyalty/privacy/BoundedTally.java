package io.loyalty.privacy;

import java.util.Arrays;

/**
 * The contribution-bounding kernel on primitive arrays: rows grouped by customer (a counting sort, O(n)), each
 * customer cut to at most L0 partitions and L-infinity rows per partition by a keyed hash, then counted. The output
 * depends only on the rows as a multiset and on the key, never on their order or on how they were split.
 */
final class BoundedTally {
    /** Distinct customers per partition. */
    final long[] customers;
    /** Kept rows per partition and category, at {@code p * categories + c}. */
    final long[] counts;
    /** Per partition, the sum of the customers' clamped totals, in grid units (null without values). */
    final long[] sums;
    /** Per partition, the sum of the squared clamped totals, in square-grid units (null without values). */
    final long[] squares;
    final int categories;

    private BoundedTally(int partitions, int categories, boolean values) {
        this.categories = categories;
        customers = new long[partitions];
        counts = new long[partitions * categories];
        sums = values ? new long[partitions] : null;
        squares = values ? new long[partitions] : null;
    }

    /** SplitMix64's finaliser: a bijective 64-bit mix. */
    static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }

    /** The hashing key of a label (a customer id, a partition): FNV-1a on its UTF-16 units, then mixed. */
    static long key(String label) {
        long h = 0xcbf29ce484222325L;
        for (int i = 0; i < label.length(); i++) {
            h = (h ^ label.charAt(i)) * 0x100000001b3L;
        }
        return mix(h);
    }

    /** The hashing key of an integer id. */
    static long key(long id) {
        return mix(id + 0x9e3779b97f4a7c15L);
    }

    /**
     * Tallies the rows.
     *
     * @param customer dense customer index per row, in [0, customerKey.length)
     * @param customerKey per customer, its hashing key
     * @param partition dense partition index per row, in [0, partitionKey.length)
     * @param partitionKey per partition, its hashing key
     * @param category category per row in [0, categories), or null for one category
     * @param value value per row, or null
     * @param range the clamp for values (ignored without values)
     */
    static BoundedTally tally(int[] customer, long[] customerKey, int[] partition, long[] partitionKey,
            int[] category, int categories, double[] value, ValueRange range, ContributionBounds bounds, long key) {
        int n = customer.length;
        int nc = customerKey.length;
        BoundedTally out = new BoundedTally(partitionKey.length, categories, value != null);
        int[] start = new int[nc + 1];
        for (int c : customer) {
            start[c + 1]++;
        }
        for (int c = 0; c < nc; c++) {
            start[c + 1] += start[c];
        }
        int[] order = new int[n];
        int[] fill = Arrays.copyOf(start, nc);
        for (int i = 0; i < n; i++) {
            order[fill[customer[i]]++] = i;
        }
        long[] keys = new long[16];
        int[] runStart = new int[16];
        int[] runPart = new int[16];
        int l0 = bounds.maxPartitions();
        int linf = bounds.maxRowsPerPartition();
        double squareStep = range == null ? 1 : range.bound() * range.bound() / ValueRange.STEPS;
        for (int c = 0; c < nc; c++) {
            int m = start[c + 1] - start[c];
            if (m == 0) {
                continue;
            }
            if (keys.length < m) {
                keys = new long[Math.max(m, keys.length * 2)];
            }
            // (partition, category, position in the bucket): positions need ceil(log2 m) bits.
            int posBits = 64 - Long.numberOfLeadingZeros(Math.max(1, m - 1));
            int catBits = 32 - Integer.numberOfLeadingZeros(Math.max(1, categories - 1));
            if (posBits + catBits > 32) {
                throw new IllegalArgumentException(io.loyalty.internal.Checks.format(
                        "one customer has %d rows: more than this kernel groups (2^%d)", m, 32 - catBits));
            }
            for (int j = 0; j < m; j++) {
                int row = order[start[c] + j];
                int cat = category == null ? 0 : category[row];
                keys[j] = ((long) partition[row] << 32) | ((long) cat << posBits) | j;
            }
            Arrays.sort(keys, 0, m);
            int runs = 0;
            for (int j = 0; j < m; j++) {
                if (j == 0 || (keys[j] >>> 32) != (keys[j - 1] >>> 32)) {
                    if (runStart.length <= runs + 1) {
                        runStart = Arrays.copyOf(runStart, runStart.length * 2);
                        runPart = Arrays.copyOf(runPart, runPart.length * 2);
                    }
                    runStart[runs] = j;
                    runPart[runs] = (int) (keys[j] >>> 32);
                    runs++;
                }
            }
            runStart[runs] = m;
            long ck = mix(key ^ customerKey[c]);
            long[] hs = null;
            long cutoff = Long.MAX_VALUE;
            if (runs > l0) {
                // Keep the l0 partitions whose keyed hash is smallest; equal hashes go to the lower partition index.
                hs = new long[runs];
                for (int r = 0; r < runs; r++) {
                    hs[r] = mix(ck + partitionKey[runPart[r]]);
                }
                long[] sorted = hs.clone();
                Arrays.sort(sorted);
                cutoff = sorted[l0 - 1];
            }
            int keptPartitions = 0;
            for (int r = 0; r < runs; r++) {
                if (hs != null && (hs[r] > cutoff || keptPartitions == l0)) {
                    continue;
                }
                keptPartitions++;
                int p = runPart[r];
                out.customers[p]++;
                int from = runStart[r];
                int to = runStart[r + 1];
                countRows(out, keys, from, to, p, posBits, linf, mix(ck ^ partitionKey[p]));
                if (value != null) {
                    // Summed in sorted order, so the total does not depend on the input order.
                    double[] vs = new double[to - from];
                    for (int j = from; j < to; j++) {
                        vs[j - from] = value[order[start[c] + (int) (keys[j] & ((1L << posBits) - 1))]];
                    }
                    Arrays.sort(vs);
                    double total = 0;
                    for (double v : vs) {
                        total += v;
                    }
                    long units = range.units(total);
                    double clamped = units * range.step();
                    out.sums[p] += units;
                    out.squares[p] += Math.round(clamped * clamped / squareStep);
                }
            }
        }
        return out;
    }

    /** Counts the rows of one (customer, partition) run, at most linf of them, chosen by keyed hash. */
    private static void countRows(BoundedTally out, long[] keys, int from, int to, int p, int posBits, int linf,
            long runKey) {
        int base = p * out.categories;
        int len = to - from;
        if (len <= linf) {
            for (int j = from; j < to; j++) {
                out.counts[base + (int) ((keys[j] & 0xffffffffL) >>> posBits)]++;
            }
            return;
        }
        // Rows of one category are interchangeable: a row is (category, its rank among them), hashed with the key.
        long[] h = new long[len];
        int rank = 0;
        for (int j = from; j < to; j++) {
            int cat = (int) ((keys[j] & 0xffffffffL) >>> posBits);
            rank = j > from && (int) ((keys[j - 1] & 0xffffffffL) >>> posBits) == cat ? rank + 1 : 0;
            h[j - from] = (mix(runKey + ((long) cat << 32) + rank) & ~0xffL) | cat;
        }
        Arrays.sort(h);
        for (int j = 0; j < linf; j++) {
            out.counts[base + (int) (h[j] & 0xff)]++;
        }
    }
}
