package io.loyalty.attribution;

import io.loyalty.stats.ConvergenceException;
import java.util.Arrays;

/**
 * The absorbing Markov chain of order k estimated from journeys, and its exact absorption probabilities.
 *
 * <p>States: 0 = (start), then the windows of k consecutive channels of each path in order of first appearance
 * (a path shorter than k is one window), then the absorbing (conversion) and (null), which are not stored as
 * states. Consecutive equal windows are merged (a self-loop changes no absorption probability). A path with
 * c conversions and n nulls adds c + n to each of its transitions, c to last window &rarr; (conversion) and n to
 * last window &rarr; (null): the maximum-likelihood transition counts, as ChannelAttribution builds them.
 *
 * <p>The conversion probability h solves h = P h + b with b<sub>s</sub> = P(s &rarr; conversion); the expected
 * value g solves g = P g + v with v<sub>s</sub> = (value of the paths ending at s) / (weight out of s). Both are
 * solved together by Gauss-Seidel sweeps over the sparse rows, in reverse order of first appearance (so mostly
 * after the successors), until a sweep changes nothing by more than 1e-15 relative: the chain is absorbing, so
 * the iteration converges geometrically, deterministically, to machine precision. A chain close to non-absorbing
 * (a journey cycling between two channels for thousands of touches) converges slowly: one of at most 500 states is
 * then solved directly by Gaussian elimination.
 */
final class MarkovChain {
    static final int MAX_SWEEPS = 1_000_000;
    /** Chains with at most this many states fall back to a direct solve when the sweeps stall. */
    static final int DIRECT_STATES = 500;
    /** Sweeps before a small chain falls back to the direct solve. */
    static final int SWEEPS_BEFORE_DIRECT = 10_000;

    final int order;
    final int states;
    final long[] windowKeys;
    final int[] rowStart;
    final int[] col;
    final double[] prob;
    final double[] toConversion;
    final double[] valueRate;
    final double[] toNull;

    private MarkovChain(int order, int states, long[] windowKeys, int[] rowStart, int[] col, double[] prob,
            double[] toConversion, double[] valueRate, double[] toNull) {
        this.order = order;
        this.states = states;
        this.windowKeys = windowKeys;
        this.rowStart = rowStart;
        this.col = col;
        this.prob = prob;
        this.toConversion = toConversion;
        this.valueRate = valueRate;
        this.toNull = toNull;
    }

    /** Window codes: channel + 1 in 16-bit fields, first channel in the highest used field. */
    static MarkovChain estimate(Journeys journeys, int order, boolean withNulls) {
        int[] st = journeys.starts();
        int[] t = journeys.touches();
        double[] pc = journeys.conversionArray();
        double[] pv = journeys.valueArray();
        double[] pn = journeys.nullArray();
        LongIntMap windows = new LongIntMap(1024);
        LongIntMap edges = new LongIntMap(4096);
        int[] from = new int[4096];
        int[] to = new int[4096];
        double[] weight = new double[4096];
        double[] conv = new double[1024];
        double[] nul = new double[1024];
        double[] val = new double[1024];
        long[] keys = new long[1024];
        for (int i = 0; i < journeys.size(); i++) {
            double w = pc[i] + (withNulls ? pn[i] : 0);
            if (!(w > 0)) {
                continue;
            }
            int len = st[i + 1] - st[i];
            int windowsInPath = len <= order ? 1 : len - order + 1;
            int prev = 0;
            for (int p = 0; p < windowsInPath; p++) {
                long key = 0;
                int end = Math.min(st[i] + p + order, st[i + 1]);
                for (int k = st[i] + p; k < end; k++) {
                    key = (key << 16) | (t[k] + 1);
                }
                int s = windows.intern(key) + 1;
                if (s >= keys.length) {
                    int cap = keys.length * 2;
                    keys = Arrays.copyOf(keys, cap);
                    conv = Arrays.copyOf(conv, cap);
                    nul = Arrays.copyOf(nul, cap);
                    val = Arrays.copyOf(val, cap);
                }
                keys[s] = key;
                if (s != prev) {
                    int e = edges.intern(((long) prev << 32) | s);
                    if (e >= from.length) {
                        int cap = from.length * 2;
                        from = Arrays.copyOf(from, cap);
                        to = Arrays.copyOf(to, cap);
                        weight = Arrays.copyOf(weight, cap);
                    }
                    from[e] = prev;
                    to[e] = s;
                    weight[e] += w;
                    prev = s;
                }
            }
            conv[prev] += pc[i];
            val[prev] += pv[i];
            if (withNulls) {
                nul[prev] += pn[i];
            }
        }
        int states = windows.size() + 1;
        int ne = edges.size();
        int[] rowStart = new int[states + 1];
        double[] out = new double[states];
        for (int e = 0; e < ne; e++) {
            rowStart[from[e] + 1]++;
            out[from[e]] += weight[e];
        }
        for (int s = 0; s < states; s++) {
            rowStart[s + 1] += rowStart[s];
            out[s] += conv[s] + nul[s];
        }
        int[] next = Arrays.copyOf(rowStart, states);
        int[] col = new int[ne];
        double[] prob = new double[ne];
        for (int e = 0; e < ne; e++) {
            int k = next[from[e]]++;
            col[k] = to[e];
            prob[k] = weight[e] / out[from[e]];
        }
        double[] toConversion = new double[states];
        double[] valueRate = new double[states];
        double[] toNull = new double[states];
        for (int s = 0; s < states; s++) {
            if (out[s] > 0) {
                toConversion[s] = conv[s] / out[s];
                valueRate[s] = val[s] / out[s];
                toNull[s] = nul[s] / out[s];
            }
        }
        return new MarkovChain(order, states, Arrays.copyOf(keys, states), rowStart, col, prob, toConversion,
                valueRate, toNull);
    }

    /** The channels (0-based) of window state s, first to last. */
    int[] window(int s) {
        long key = windowKeys[s];
        int n = 0;
        for (long k = key; k != 0; k >>>= 16) {
            n++;
        }
        int[] out = new int[n];
        for (int i = n - 1; i >= 0; i--) {
            out[i] = (int) (key & 0xFFFF) - 1;
            key >>>= 16;
        }
        return out;
    }

    /** The states whose window contains channel c. */
    boolean[] statesWith(int c) {
        boolean[] removed = new boolean[states];
        long code = c + 1;
        for (int s = 1; s < states; s++) {
            for (long k = windowKeys[s]; k != 0; k >>>= 16) {
                if ((k & 0xFFFF) == code) {
                    removed[s] = true;
                    break;
                }
            }
        }
        return removed;
    }

    /**
     * Solves for the conversion probability h and expected value g of every state, removed states (null allowed)
     * sent to (null). The arrays are the starting point (any upper bound, e.g. the solution without removal, or
     * zeros) and receive the solution. Returns the number of sweeps.
     */
    int solve(boolean[] removed, double[] h, double[] g) {
        // A chain that is close to non-absorbing (one journey cycling between two channels for thousands of
        // touches) converges slowly; a small one is then solved directly instead.
        int maxSweeps = states <= DIRECT_STATES ? SWEEPS_BEFORE_DIRECT : MAX_SWEEPS;
        for (int sweep = 1; sweep <= maxSweeps; sweep++) {
            double maxDh = 0;
            double maxDg = 0;
            double maxH = 0;
            double maxG = 0;
            for (int s = states - 1; s >= 0; s--) {
                if (removed != null && removed[s]) {
                    h[s] = 0;
                    g[s] = 0;
                    continue;
                }
                double hs = toConversion[s];
                double gs = valueRate[s];
                for (int k = rowStart[s]; k < rowStart[s + 1]; k++) {
                    int j = col[k];
                    hs += prob[k] * h[j];
                    gs += prob[k] * g[j];
                }
                maxDh = Math.max(maxDh, Math.abs(hs - h[s]));
                maxDg = Math.max(maxDg, Math.abs(gs - g[s]));
                maxH = Math.max(maxH, hs);
                maxG = Math.max(maxG, gs);
                h[s] = hs;
                g[s] = gs;
            }
            if (maxDh <= 1e-15 * maxH && maxDg <= 1e-15 * maxG) {
                return sweep;
            }
        }
        if (states <= DIRECT_STATES) {
            solveDirect(removed, h, g);
            return maxSweeps;
        }
        // A linear solve: no parameter point and no gradient to report.
        throw new ConvergenceException("Markov solve did not reach machine precision in " + MAX_SWEEPS
                + " sweeps; the chain is close to non-absorbing", new double[0], MAX_SWEEPS, MAX_SWEEPS, Double.NaN);
    }

    /**
     * Solves (I - P) h = b and (I - P) g = v on the states that are not removed by Gaussian elimination with
     * partial pivoting (I - P is non-singular: every state leads to absorption).
     */
    private void solveDirect(boolean[] removed, double[] h, double[] g) {
        int n = states;
        double[][] a = new double[n][n + 2];
        for (int s = 0; s < n; s++) {
            a[s][s] = 1;
            if (removed != null && removed[s]) {
                continue;
            }
            for (int k = rowStart[s]; k < rowStart[s + 1]; k++) {
                a[s][col[k]] -= prob[k];
            }
            a[s][n] = toConversion[s];
            a[s][n + 1] = valueRate[s];
        }
        for (int c = 0; c < n; c++) {
            int pivot = c;
            for (int r = c + 1; r < n; r++) {
                if (Math.abs(a[r][c]) > Math.abs(a[pivot][c])) {
                    pivot = r;
                }
            }
            double[] tmp = a[c];
            a[c] = a[pivot];
            a[pivot] = tmp;
            for (int r = c + 1; r < n; r++) {
                double f = a[r][c] / a[c][c];
                if (f != 0) {
                    for (int k = c; k <= n + 1; k++) {
                        a[r][k] -= f * a[c][k];
                    }
                }
            }
        }
        for (int r = n - 1; r >= 0; r--) {
            double hs = a[r][n];
            double gs = a[r][n + 1];
            for (int k = r + 1; k < n; k++) {
                hs -= a[r][k] * h[k];
                gs -= a[r][k] * g[k];
            }
            h[r] = Math.max(0, hs / a[r][r]);
            g[r] = Math.max(0, gs / a[r][r]);
        }
    }
}
