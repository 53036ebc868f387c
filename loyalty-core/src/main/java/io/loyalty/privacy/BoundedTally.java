package io.loyalty.privacy;

import io.loyalty.internal.Checks;
import java.io.Serializable;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * The contribution-bounding kernel as a mergeable accumulator: each customer, added with all of their rows at once,
 * is cut to at most L0 partitions and L-infinity rows per partition by a keyed hash, then counted; per-customer
 * value totals are clamped to the declared range. The state is a few arrays of counts; {@link #combine} adds two
 * accumulators, so the result depends only on the customers added, never on their order or on how they were split.
 * This is the seam {@code loyalty-spark} uses: executors add whole customers, the driver combines and
 * {@link DpRelease} noises. Not thread-safe.
 *
 * @since 0.2
 */
public final class BoundedTally implements Serializable {
    private static final long serialVersionUID = 1L;

    /** Distinct customers per partition. */
    final long[] customers;
    /** Kept rows per partition and category, at {@code p * categories + c}. */
    final long[] counts;
    /** Per partition, the sum of the customers' clamped totals, in grid units (null without values). */
    final long[] sums;
    /** Per partition, the sum of the squared clamped totals, in square-grid units (null without values). */
    final long[] squares;
    /** The number of categories counted per partition. */
    final int categories;
    /** The partitions' keys, in partition order. */
    private final long[] partitionKey;
    /** The most partitions one customer may contribute to. */
    private final int l0;
    /** The most rows one customer may contribute to one partition. */
    private final int linf;
    /** The range each customer's total per partition is clamped to (null without values). */
    final ValueRange range;
    /** The key of the hash that picks which partitions and rows a customer keeps. */
    final long key;
    private transient long[] keys;
    private transient int[] runStart;
    private transient int[] runPart;
    private transient long[] hashes;
    private transient long[] rowHashes;
    private transient int[] smallParts;
    private transient int[] smallCounts;

    private BoundedTally(long[] partitionKey, int categories, ValueRange range, ContributionBounds bounds, long key) {
        this.partitionKey = partitionKey;
        this.categories = categories;
        this.range = range;
        this.l0 = bounds.maxPartitions();
        this.linf = bounds.maxRowsPerPartition();
        this.key = key;
        int partitions = partitionKey.length;
        customers = new long[partitions];
        counts = new long[partitions * categories];
        sums = range != null ? new long[partitions] : null;
        squares = range != null ? new long[partitions] : null;
    }

    /**
     * An empty accumulator for a release begun with {@link DpRelease}.
     *
     * @param labels the partitions' labels, in the release's order
     * @param categories the number of categories, in [1, 256]
     * @param bounds the contribution bounds
     * @param key the release's bounding key ({@link DpRelease#key()})
     * @return the accumulator
     */
    public static BoundedTally create(List<String> labels, int categories, ContributionBounds bounds, long key) {
        Checks.require(categories >= 1 && categories <= 256, "categories must lie in [1, 256], got %d", categories);
        return new BoundedTally(partitionKeys(labels), categories, null, Checks.notNull(bounds, "bounds"), key);
    }

    /**
     * An empty accumulator of values (one category) for a release begun with {@link DpRelease}: each customer's
     * total per partition is clamped to {@code range} and summed, as are the squares of the clamped totals.
     *
     * @param labels the partitions' labels, in the release's order
     * @param range the declared range of one customer's total in one partition
     * @param bounds the contribution bounds
     * @param key the release's bounding key ({@link DpRelease#key()})
     * @return the accumulator
     */
    public static BoundedTally create(List<String> labels, ValueRange range, ContributionBounds bounds, long key) {
        Checks.notNull(range, "range");
        return new BoundedTally(partitionKeys(labels), 1, range, Checks.notNull(bounds, "bounds"), key);
    }

    private static long[] partitionKeys(List<String> labels) {
        Checks.notNull(labels, "labels");
        long[] pk = new long[labels.size()];
        for (int p = 0; p < pk.length; p++) {
            pk[p] = key(Checks.notNull(labels.get(p), "labels[" + p + "]"));
        }
        return pk;
    }

    /** The bounds this accumulator enforces. */
    ContributionBounds bounds() {
        return ContributionBounds.of(l0, linf);
    }

    /** The number of partitions. */
    int partitions() {
        return partitionKey.length;
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

    /**
     * Adds one customer with all of their rows (a customer added twice counts twice: add each customer once).
     *
     * @param customerId the customer's id
     * @param partitions the partition index of each row, in [0, labels)
     * @param categories the category of each row, in [0, categories)
     * @param rows the number of rows (the arrays may be longer)
     * @throws IllegalArgumentException if an index is out of range
     */
    public void addCustomer(String customerId, int[] partitions, int[] categories, int rows) {
        Checks.notBlank(customerId, "customerId");
        Checks.notNull(partitions, "partitions");
        Checks.notNull(categories, "categories");
        Checks.require(range == null, "this accumulator sums values: add customers with their values");
        Checks.require(rows >= 0 && rows <= partitions.length && rows <= categories.length,
                "rows must lie in [0, %d], got %d", Math.min(partitions.length, categories.length), rows);
        checkPartitions(partitions, rows);
        for (int j = 0; j < rows; j++) {
            if (!(categories[j] >= 0 && categories[j] < this.categories)) {
                throw new IllegalArgumentException(Checks.format("categories[%d] must lie in [0, %d), got %d", j,
                        this.categories, categories[j]));
            }
        }
        add(key(customerId), partitions, categories, null, rows);
    }

    /**
     * Adds one customer with all of their rows and values, to an accumulator made with a {@link ValueRange} (a
     * customer added twice counts twice: add each customer once).
     *
     * @param customerId the customer's id
     * @param partitions the partition index of each row, in [0, labels)
     * @param values the value of each row, finite
     * @param rows the number of rows (the arrays may be longer)
     * @throws IllegalArgumentException if an index is out of range or a value not finite
     */
    public void addCustomer(String customerId, int[] partitions, double[] values, int rows) {
        Checks.notBlank(customerId, "customerId");
        Checks.notNull(partitions, "partitions");
        Checks.notNull(values, "values");
        Checks.require(range != null, "this accumulator counts rows: add customers with their categories");
        Checks.require(rows >= 0 && rows <= partitions.length && rows <= values.length,
                "rows must lie in [0, %d], got %d", Math.min(partitions.length, values.length), rows);
        checkPartitions(partitions, rows);
        for (int j = 0; j < rows; j++) {
            if (!Double.isFinite(values[j])) {
                throw new IllegalArgumentException(Checks.format("values[%d] must be finite, got %s", j, values[j]));
            }
        }
        add(key(customerId), partitions, new int[rows], values, rows);
    }

    private void checkPartitions(int[] partitions, int rows) {
        for (int j = 0; j < rows; j++) {
            if (!(partitions[j] >= 0 && partitions[j] < partitionKey.length)) {
                throw new IllegalArgumentException(Checks.format("partitions[%d] must lie in [0, %d), got %d", j,
                        partitionKey.length, partitions[j]));
            }
        }
    }

    /**
     * Adds another accumulator of the same release into this one.
     *
     * @param other the other accumulator
     * @return this accumulator
     * @throws IllegalArgumentException if the other was made for another shape or key
     */
    public BoundedTally combine(BoundedTally other) {
        Checks.notNull(other, "other");
        Checks.require(other.key == key && Arrays.equals(other.partitionKey, partitionKey)
                && other.categories == categories && other.l0 == l0 && other.linf == linf
                && Objects.equals(other.range, range), "other must be made for the same release");
        add(other);
        return this;
    }

    /**
     * Tallies rows of many customers.
     *
     * @param customer dense customer index per row, in [0, customerKey.length)
     * @param customerKey per customer, its hashing key
     * @param partition dense partition index per row, in [0, partitionKey.length)
     * @param partitionKey per partition, its hashing key
     * @param category category per row in [0, categories), or null for one category
     * @param value value per row, or null
     * @param range the clamp for values (null without values)
     */
    static BoundedTally tally(int[] customer, long[] customerKey, int[] partition, long[] partitionKey,
            int[] category, int categories, double[] value, ValueRange range, ContributionBounds bounds, long key) {
        int n = customer.length;
        int nc = customerKey.length;
        ValueRange r = value == null ? null : range;
        // Two-level grouping by customer, so that every random access stays in cache: rows are first distributed
        // into up to 256 blocks of consecutive customers (256 sequential write streams), then each block is
        // grouped by a counting sort over its few thousand customers. Both passes run as tasks on the common pool:
        // the scatter writes every row where the sequential scatter would, and each task of the second pass tallies
        // whole customers into its own accumulator; the sums of counts do not depend on the split.
        int shift = Math.max(0, 32 - Integer.numberOfLeadingZeros(Math.max(1, nc - 1)) - 8);
        int blocks = ((nc - 1) >>> shift) + 1;
        int tasks = Tasks.count(n);
        int chunk = Tasks.chunk(n, tasks);
        int[][] fill = new int[tasks][blocks + 1];
        Tasks.run(tasks, t -> {
            int[] h = fill[t];
            for (int i = t * chunk, end = (int) Math.min(n, (long) i + chunk); i < end; i++) {
                h[customer[i] >>> shift]++;
            }
        });
        // Block b holds the rows of chunk 0, then chunk 1, ...: each chunk's write position per block.
        int[] blockStart = new int[blocks + 1];
        int at0 = 0;
        for (int b = 0; b < blocks; b++) {
            blockStart[b] = at0;
            for (int t = 0; t < tasks; t++) {
                int c = fill[t][b];
                fill[t][b] = at0;
                at0 += c;
            }
        }
        blockStart[blocks] = n;
        // Pass 1: each row packed as (customer within its block, category, partition), written block by block.
        long[] packed = new long[n];
        double[] blockValues = value == null ? null : new double[n];
        int low = (1 << shift) - 1;
        Tasks.run(tasks, t -> {
            int[] f = fill[t];
            for (int i = t * chunk, end = (int) Math.min(n, (long) i + chunk); i < end; i++) {
                int c = customer[i];
                int at = f[c >>> shift]++;
                int cat = category == null ? 0 : category[i];
                packed[at] = ((long) (c & low) << 39) | ((long) cat << 31) | partition[i];
                if (blockValues != null) {
                    blockValues[at] = value[i];
                }
            }
        });
        // Pass 2: groups of consecutive blocks, each into its own accumulator, combined in order.
        int groups = Math.max(1, Math.min(blocks, tasks * 4));
        BoundedTally[] parts = new BoundedTally[groups];
        Tasks.run(groups, g -> {
            BoundedTally part = new BoundedTally(partitionKey, categories, r, bounds, key);
            part.tallyBlocks(g * blocks / groups, (g + 1) * blocks / groups, blockStart, shift, nc, packed,
                    blockValues, customerKey);
            parts[g] = part;
        });
        BoundedTally out = parts[0];
        for (int g = 1; g < groups; g++) {
            out.add(parts[g]);
        }
        return out;
    }

    /** Adds another accumulator's counts and sums (same shape, already checked or built so). */
    private void add(BoundedTally other) {
        for (int p = 0; p < customers.length; p++) {
            customers[p] += other.customers[p];
            if (sums != null) {
                sums[p] += other.sums[p];
                squares[p] += other.squares[p];
            }
        }
        for (int i = 0; i < counts.length; i++) {
            counts[i] += other.counts[i];
        }
    }

    /** Groups the rows of blocks {@code [fromBlock, toBlock)} by customer and adds each customer. */
    private void tallyBlocks(int fromBlock, int toBlock, int[] blockStart, int shift, int nc, long[] packed,
            double[] blockValues, long[] customerKey) {
        int span = 1 << shift;
        int[] start = new int[span + 1];
        int[] at = new int[span];
        long[] keys = new long[16];
        double[] values = blockValues == null ? null : new double[16];
        for (int b = fromBlock; b < toBlock; b++) {
            int from = blockStart[b];
            int to = blockStart[b + 1];
            int base = b << shift;
            Arrays.fill(start, 0);
            for (int r = from; r < to; r++) {
                start[(int) (packed[r] >>> 39) + 1]++;
            }
            for (int c = 0; c < span; c++) {
                start[c + 1] += start[c];
            }
            System.arraycopy(start, 0, at, 0, span);
            if (keys.length < to - from) {
                keys = new long[to - from];
                values = blockValues == null ? null : new double[to - from];
            }
            // In cache: each row's final sort key (partition, category, position among the customer's rows).
            for (int r = from; r < to; r++) {
                long x = packed[r];
                int c = (int) (x >>> 39);
                int pos = at[c]++;
                int posBits = positionBits(start[c + 1] - start[c]);
                long cat = (x >>> 31) & 0xff;
                keys[pos] = ((x & 0x7fffffffL) << 32) | (cat << posBits) | (pos - start[c]);
                if (values != null) {
                    values[pos] = blockValues[r];
                }
            }
            for (int c = 0; c < span && base + c < nc; c++) {
                int m = start[c + 1] - start[c];
                if (m > 0) {
                    checkRows(m);
                    addSorted(customerKey[base + c], keys, start[c], m, values);
                }
            }
        }
    }

    /** {@code key(Integer.toString(id))} for a non-negative id, without making the string. */
    static long key(int id) {
        int digits = 1;
        for (int t = id; t >= 10; t /= 10) {
            digits++;
        }
        long h = 0xcbf29ce484222325L;
        int div = 1;
        for (int d = 1; d < digits; d++) {
            div *= 10;
        }
        for (; div > 0; div /= 10) {
            h = (h ^ ('0' + (id / div) % 10)) * 0x100000001b3L;
        }
        return mix(h);
    }

    /** {@link #key(int)} of customers {@code 0..count-1}, computed in parallel chunks. */
    static long[] keys(int count) {
        long[] keys = new long[count];
        int tasks = Tasks.count(count);
        int chunk = Tasks.chunk(count, tasks);
        Tasks.run(tasks, t -> {
            for (int c = t * chunk, end = (int) Math.min(count, (long) c + chunk); c < end; c++) {
                keys[c] = key(c);
            }
        });
        return keys;
    }

    /** Sorts {@code a[from, to)}: a customer's few rows or partitions by insertion, without the library's dispatch. */
    private static void sortSmall(long[] a, int from, int to) {
        if (to - from > 32) {
            Arrays.sort(a, from, to);
            return;
        }
        for (int i = from + 1; i < to; i++) {
            long k = a[i];
            int j = i - 1;
            while (j >= from && a[j] > k) {
                a[j + 1] = a[j];
                j--;
            }
            a[j + 1] = k;
        }
    }

    /** Bits for a position among m rows. */
    private static int positionBits(int m) {
        return 64 - Long.numberOfLeadingZeros(Math.max(1, m - 1));
    }

    private void checkRows(int m) {
        int catBits = 32 - Integer.numberOfLeadingZeros(Math.max(1, categories - 1));
        if (positionBits(m) + catBits > 32) {
            throw new IllegalArgumentException(Checks.format("one customer has %d rows: more than this kernel groups (2^%d)", m,
                    32 - catBits));
        }
    }

    /** Adds one customer's m rows. */
    private void add(long customerKey, int[] partition, int[] category, double[] value, int m) {
        if (m == 0) {
            return;
        }
        checkRows(m);
        if (keys == null || keys.length < m) {
            keys = new long[Math.max(m, 16)];
        }
        int posBits = positionBits(m);
        for (int j = 0; j < m; j++) {
            keys[j] = ((long) partition[j] << 32) | ((long) category[j] << posBits) | j;
        }
        addSorted(customerKey, keys, 0, m, value);
    }

    /**
     * Adds one customer whose m row keys are {@code keys[from, from + m)}; {@code values}, if any, is indexed by
     * {@code from} plus the position in the key.
     */
    private void addSorted(long customerKey, long[] keys, int from0, int m, double[] values) {
        if (values == null && m <= SMALL_ROWS && categories <= SMALL_CATEGORIES) {
            addSmall(customerKey, keys, from0, m);
            return;
        }
        if (runStart == null || runStart.length < m + 1) {
            runStart = new int[Math.max(m, 16) + 1];
            runPart = new int[Math.max(m, 16)];
        }
        int posBits = positionBits(m);
        sortSmall(keys, from0, from0 + m);
        int runs = 0;
        for (int j = from0; j < from0 + m; j++) {
            if (j == from0 || (keys[j] >>> 32) != (keys[j - 1] >>> 32)) {
                runStart[runs] = j;
                runPart[runs] = (int) (keys[j] >>> 32);
                runs++;
            }
        }
        runStart[runs] = from0 + m;
        long ck = mix(key ^ customerKey);
        long cutoff = keptCutoff(ck, runPart, runs);
        int keptPartitions = 0;
        for (int r = 0; r < runs; r++) {
            if (runs > l0 && (hashes[r] > cutoff || keptPartitions == l0)) {
                continue;
            }
            keptPartitions++;
            int p = runPart[r];
            customers[p]++;
            int from = runStart[r];
            int to = runStart[r + 1];
            countRows(keys, from, to, p, posBits, mix(ck ^ partitionKey[p]));
            if (values != null) {
                // Summed in sorted order, so the total does not depend on the input order.
                double[] vs = new double[to - from];
                for (int j = from; j < to; j++) {
                    vs[j - from] = values[from0 + (int) (keys[j] & ((1L << posBits) - 1))];
                }
                Arrays.sort(vs);
                double total = 0;
                for (double v : vs) {
                    total += v;
                }
                long units = range.units(total);
                double clamped = units * range.step();
                sums[p] += units;
                squares[p] += Math.round(clamped * clamped / (range.bound() * range.bound() / ValueRange.STEPS));
            }
        }
    }

    /**
     * The contribution bound on partitions: with more than l0 partitions (runs), keeps the l0 whose keyed hash is
     * smallest (equal hashes go to the lower partition index, as the runs are in increasing partition order).
     * Leaves each run's hash in {@code hashes[0, runs)} and returns the largest kept one; {@link Long#MAX_VALUE}
     * (and no hashes) when every partition is kept.
     */
    private long keptCutoff(long ck, int[] runPart, int runs) {
        if (runs <= l0) {
            return Long.MAX_VALUE;
        }
        if (hashes == null || hashes.length < 2 * runs) {
            hashes = new long[Math.max(2 * runs, 32)];
        }
        long[] hs = hashes;
        for (int r = 0; r < runs; r++) {
            hs[r] = mix(ck + partitionKey[runPart[r]]);
            hs[runs + r] = hs[r];
        }
        sortSmall(hs, runs, 2 * runs);
        return hs[runs + l0 - 1];
    }

    /** The most rows and categories of a customer counted without sorting their rows. */
    private static final int SMALL_ROWS = 32;
    private static final int SMALL_CATEGORIES = 8;

    /**
     * {@link #addSorted} without values for a customer of few rows, without sorting them: rows of one category in
     * one partition are interchangeable (the row kept is chosen by the hash of its category and rank), so counting
     * each (partition, category) is enough. Partitions are visited in increasing index, as the sorted runs are, so
     * the choices are the same.
     */
    private void addSmall(long customerKey, long[] keys, int from0, int m) {
        if (smallParts == null) {
            smallParts = new int[SMALL_ROWS];
            smallCounts = new int[SMALL_ROWS * SMALL_CATEGORIES];
        }
        int[] parts = smallParts;
        int[] cc = smallCounts;
        int posBits = positionBits(m);
        int runs = 0;
        for (int j = from0; j < from0 + m; j++) {
            int p = (int) (keys[j] >>> 32);
            int cat = (int) ((keys[j] & 0xffffffffL) >>> posBits);
            int r = 0;
            while (r < runs && parts[r] != p) {
                r++;
            }
            if (r == runs) {
                // A new partition: insert it in increasing order, shifting its counts with it.
                int at = runs;
                while (at > 0 && parts[at - 1] > p) {
                    parts[at] = parts[at - 1];
                    System.arraycopy(cc, (at - 1) * SMALL_CATEGORIES, cc, at * SMALL_CATEGORIES, SMALL_CATEGORIES);
                    at--;
                }
                parts[at] = p;
                Arrays.fill(cc, at * SMALL_CATEGORIES, (at + 1) * SMALL_CATEGORIES, 0);
                runs++;
                r = at;
            }
            cc[r * SMALL_CATEGORIES + cat]++;
        }
        long ck = mix(key ^ customerKey);
        long cutoff = keptCutoff(ck, parts, runs);
        int keptPartitions = 0;
        for (int r = 0; r < runs; r++) {
            if (runs > l0 && (hashes[r] > cutoff || keptPartitions == l0)) {
                continue;
            }
            keptPartitions++;
            int p = parts[r];
            customers[p]++;
            countCategories(cc, r * SMALL_CATEGORIES, p, mix(ck ^ partitionKey[p]));
        }
    }

    /** {@link #countRows} from a run's count per category. */
    private void countCategories(int[] cc, int at, int p, long runKey) {
        int base = p * categories;
        int len = 0;
        for (int c = 0; c < categories; c++) {
            len += cc[at + c];
        }
        if (len <= linf) {
            for (int c = 0; c < categories; c++) {
                counts[base + c] += cc[at + c];
            }
            return;
        }
        if (rowHashes == null || rowHashes.length < len) {
            rowHashes = new long[Math.max(len, 32)];
        }
        long[] h = rowHashes;
        int k = 0;
        long smallest = Long.MAX_VALUE;
        for (int c = 0; c < categories; c++) {
            for (int rank = 0; rank < cc[at + c]; rank++) {
                h[k] = (mix(runKey + ((long) c << 32) + rank) & ~0xffL) | c;
                smallest = Math.min(smallest, h[k++]);
            }
        }
        if (linf == 1) {
            counts[base + (int) (smallest & 0xff)]++;
            return;
        }
        sortSmall(h, 0, len);
        for (int j = 0; j < linf; j++) {
            counts[base + (int) (h[j] & 0xff)]++;
        }
    }

    /** Counts the rows of one (customer, partition) run, at most linf of them, chosen by keyed hash. */
    private void countRows(long[] keys, int from, int to, int p, int posBits, long runKey) {
        int base = p * categories;
        int len = to - from;
        if (len <= linf) {
            for (int j = from; j < to; j++) {
                counts[base + (int) ((keys[j] & 0xffffffffL) >>> posBits)]++;
            }
            return;
        }
        // Rows of one category are interchangeable: a row is (category, its rank among them), hashed with the key.
        if (rowHashes == null || rowHashes.length < len) {
            rowHashes = new long[Math.max(len, 32)];
        }
        long[] h = rowHashes;
        int rank = 0;
        long smallest = Long.MAX_VALUE;
        for (int j = from; j < to; j++) {
            int cat = (int) ((keys[j] & 0xffffffffL) >>> posBits);
            rank = j > from && (int) ((keys[j - 1] & 0xffffffffL) >>> posBits) == cat ? rank + 1 : 0;
            h[j - from] = (mix(runKey + ((long) cat << 32) + rank) & ~0xffL) | cat;
            smallest = Math.min(smallest, h[j - from]);
        }
        if (linf == 1) {
            // The common bound of one answer per partition: the smallest hash, without a sort.
            counts[base + (int) (smallest & 0xff)]++;
            return;
        }
        Arrays.sort(h, 0, len);
        for (int j = 0; j < linf; j++) {
            counts[base + (int) (h[j] & 0xff)]++;
        }
    }
}
