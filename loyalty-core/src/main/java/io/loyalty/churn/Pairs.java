package io.loyalty.churn;

import java.util.Arrays;

/**
 * The distinct (frequency, T) pairs of the customers and each customer's index into them: what a customer would
 * buy if still active depends on these two only, so it is computed once per pair. Pairs in first-appearance order.
 */
final class Pairs {
    final double[] x;
    final double[] t;
    final int[] index;
    final int size;

    private Pairs(double[] x, double[] t, int[] index, int size) {
        this.x = x;
        this.t = t;
        this.index = index;
        this.size = size;
    }

    static Pairs of(double[] frequency, double[] age) {
        int n = frequency.length;
        int cap = Integer.highestOneBit(Math.max(4, n) * 2 - 1) << 1;
        int mask = cap - 1;
        int[] slots = new int[cap];
        Arrays.fill(slots, -1);
        int[] index = new int[n];
        double[] ux = new double[Math.min(n, 1024)];
        double[] ut = new double[ux.length];
        int u = 0;
        for (int i = 0; i < n; i++) {
            double xi = frequency[i];
            // + 0.0 makes -0.0 and 0.0 one pair
            double ti = age[i] + 0.0;
            long h = Double.doubleToLongBits(xi) * 0x9E3779B97F4A7C15L ^ Double.doubleToLongBits(ti);
            h = (h ^ (h >>> 31)) * 0xBF58476D1CE4E5B9L;
            int slot = (int) (h ^ (h >>> 29)) & mask;
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
        return new Pairs(Arrays.copyOf(ux, u), Arrays.copyOf(ut, u), index, u);
    }
}
