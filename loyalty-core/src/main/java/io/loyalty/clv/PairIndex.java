package io.loyalty.clv;

import java.util.Arrays;

/**
 * The distinct (frequency, T) pairs of a customer table and each row's index into them: the hypergeometric part
 * of the BG/NBD and MBG/NBD conditional expectation depends on these two only, so it is computed once per pair.
 */
final class PairIndex {
    final double[] x;
    final double[] t;
    final int[] index;
    final int size;

    private PairIndex(double[] x, double[] t, int[] index, int size) {
        this.x = x;
        this.t = t;
        this.index = index;
        this.size = size;
    }

    static PairIndex of(double[] frequency, double[] age) {
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
        return new PairIndex(ux, ut, index, u);
    }

    private static long mix(long k) {
        k ^= k >>> 33;
        k *= 0xff51afd7ed558ccdL;
        k ^= k >>> 33;
        k *= 0xc4ceb9fe1a85ec53L;
        return k ^ (k >>> 33);
    }
}
