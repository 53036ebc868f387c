package io.loyalty.clv;

import io.loyalty.internal.Checks;
import java.util.Arrays;

/**
 * Validated frequency/recency/age rows, identical rows merged into weighted rows (first-appearance order).
 * The likelihood kernels run over these arrays.
 */
final class RfmRows {
    final double[] x;
    final double[] tx;
    final double[] t;
    final double[] w;
    final int size;
    final double totalWeight;
    final double maxT;
    final int maxX;

    private RfmRows(double[] x, double[] tx, double[] t, double[] w, int size) {
        this.x = x;
        this.tx = tx;
        this.t = t;
        this.w = w;
        this.size = size;
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
    }

    /**
     * Checks the columns (continuous time: frequency a whole number &gt;= 0, 0 &lt;= recency &lt;= T, recency 0
     * when frequency is 0, weights finite and &gt;= 0 with a positive sum) and merges identical rows.
     */
    static RfmRows of(double[] frequency, double[] recency, double[] age, double[] weights) {
        check(frequency, recency, age, weights, false);
        return collapse(frequency, recency, age, weights);
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
            Checks.require(total > 0, "weights must have a positive sum, got %s", total);
        }
    }

    /** Merges identical (x, tx, T) rows by open-addressing hashing; rows of weight 0 are dropped. */
    static RfmRows collapse(double[] frequency, double[] recency, double[] age, double[] weights) {
        int n = frequency.length;
        int cap = Integer.highestOneBit(Math.max(4, n) * 2 - 1) << 1;
        int mask = cap - 1;
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
            long h = Double.doubleToLongBits(x) * 0x9E3779B97F4A7C15L;
            h = (h ^ Double.doubleToLongBits(r)) * 0xC2B2AE3D27D4EB4FL;
            h = (h ^ Double.doubleToLongBits(t)) * 0x165667B19E3779F9L;
            int slot = (int) (h ^ (h >>> 29)) & mask;
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
        return new RfmRows(ux, utx, ut, uw, u);
    }

    /** The same rows with recency and T multiplied by {@code factor}. */
    RfmRows scaled(double factor) {
        double[] stx = new double[size];
        double[] st = new double[size];
        for (int i = 0; i < size; i++) {
            stx[i] = tx[i] * factor;
            st[i] = t[i] * factor;
        }
        return new RfmRows(x, stx, st, w, size);
    }
}
