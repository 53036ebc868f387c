package io.loyalty.internal;

import java.util.Arrays;

/**
 * The distinct (first, second) pairs of two parallel columns, in first-appearance order, and each row's index into
 * them: a per-customer quantity that depends on (frequency, T) only (CLV's conditional expectation, churn's
 * purchases if retained) is computed once per pair. The second value is taken with {@code + 0.0}, so {@code -0.0}
 * and {@code 0.0} are one pair. Built by open addressing, linear in the rows; memory follows the rows. Not API.
 */
public final class PairIndex {
    /** The first value of each distinct pair; length {@link #size}. */
    public final double[] x;
    /** The second value of each distinct pair; length {@link #size}. */
    public final double[] t;
    /** Each row's pair, in [0, {@link #size}). */
    public final int[] index;
    /** The number of distinct pairs. */
    public final int size;

    private PairIndex(double[] x, double[] t, int[] index, int size) {
        this.x = x;
        this.t = t;
        this.index = index;
        this.size = size;
    }

    /**
     * Indexes the pairs of two columns of equal length (the caller has checked them).
     *
     * @param frequency the first column
     * @param age the second column
     * @return the distinct pairs and the rows' indexes
     */
    public static PairIndex of(double[] frequency, double[] age) {
        int n = frequency.length;
        int cap = Integer.highestOneBit(Math.max(4, n) * 2 - 1) << 1;
        int mask = cap - 1;
        int shift = 64 - Integer.numberOfTrailingZeros(cap);
        int[] slots = new int[cap];
        Arrays.fill(slots, -1);
        int[] index = new int[n];
        double[] ux = new double[Math.min(n, 1024)];
        double[] ut = new double[ux.length];
        int u = 0;
        for (int i = 0; i < n; i++) {
            double xi = frequency[i];
            double ti = age[i] + 0.0;
            long h = mix(mix(Double.doubleToLongBits(xi)) ^ Double.doubleToLongBits(ti));
            int slot = (int) (h >>> shift);
            while (true) {
                int k = slots[slot];
                if (k < 0) {
                    if (u == ux.length) {
                        ux = Arrays.copyOf(ux, Math.min(n, 2 * u));
                        ut = Arrays.copyOf(ut, ux.length);
                    }
                    ux[u] = xi;
                    ut[u] = ti;
                    slots[slot] = u;
                    index[i] = u++;
                    break;
                }
                if (ux[k] == xi && ut[k] == ti) {
                    index[i] = k;
                    break;
                }
                slot = (slot + 1) & mask;
            }
        }
        return new PairIndex(Arrays.copyOf(ux, u), Arrays.copyOf(ut, u), index, u);
    }

    /**
     * murmur3's 64-bit finalizer: a bijective mix whose high bits pick an open-addressing slot.
     *
     * @param k the bits to mix
     * @return the mixed bits
     */
    public static long mix(long k) {
        k ^= k >>> 33;
        k *= 0xff51afd7ed558ccdL;
        k ^= k >>> 33;
        k *= 0xc4ceb9fe1a85ec53L;
        return k ^ (k >>> 33);
    }
}
