package io.loyalty.kano;

/**
 * The counting kernels: per feature, how many respondents gave each (functional, dysfunctional) code pair
 * (36 cells, code 0 = missing) and each importance 0..9. The 5x5 answer grid is the sufficient statistic of every
 * Kano summary (categories under any evaluation table, DuMouchel's scores), so the hot loop does nothing but
 * count; counts of separate parts of a survey add up.
 */
final class Tally {
    static final int CELLS = 36;

    private Tally() {
    }

    static long[] cells(byte[] functional, byte[] dysfunctional) {
        // Two interleaved counter sets halve the store-to-load dependency when neighbouring rows hit the same cell.
        int[] c0 = new int[CELLS];
        int[] c1 = new int[CELLS];
        int n = functional.length;
        int i = 0;
        for (; i + 1 < n; i += 2) {
            c0[functional[i] * 6 + dysfunctional[i]]++;
            c1[functional[i + 1] * 6 + dysfunctional[i + 1]]++;
        }
        if (i < n) {
            c0[functional[i] * 6 + dysfunctional[i]]++;
        }
        long[] out = new long[CELLS];
        for (int k = 0; k < CELLS; k++) {
            out[k] = (long) c0[k] + c1[k];
        }
        return out;
    }

    static long[][] cells(byte[] functional, byte[] dysfunctional, int[] segment, int segments) {
        int[] c = new int[segments * CELLS];
        for (int i = 0; i < functional.length; i++) {
            c[segment[i] * CELLS + functional[i] * 6 + dysfunctional[i]]++;
        }
        return split(c, segments, CELLS);
    }

    static long[] importance(byte[] importance) {
        long[] out = new long[10];
        if (importance != null) {
            int[] c = new int[10];
            for (byte v : importance) {
                c[v]++;
            }
            for (int k = 0; k < 10; k++) {
                out[k] = c[k];
            }
        }
        return out;
    }

    static long[][] importance(byte[] importance, int[] segment, int segments) {
        int[] c = new int[segments * 10];
        if (importance != null) {
            for (int i = 0; i < importance.length; i++) {
                c[segment[i] * 10 + importance[i]]++;
            }
        }
        return split(c, segments, 10);
    }

    private static long[][] split(int[] c, int segments, int width) {
        long[][] out = new long[segments][width];
        for (int s = 0; s < segments; s++) {
            for (int k = 0; k < width; k++) {
                out[s][k] = c[s * width + k];
            }
        }
        return out;
    }
}
