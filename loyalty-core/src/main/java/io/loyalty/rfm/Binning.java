package io.loyalty.rfm;

import java.util.Arrays;
import java.util.function.LongToDoubleFunction;

/**
 * The scoring kernels on primitive arrays: one sort per measure, then a pass per customer. Scores are written in
 * value order (bin 1 = smallest values); the caller reverses recency.
 */
final class Binning {
    private Binning() {
    }

    /**
     * A sorted copy: the one sort of the measure. Whole numbers over a range no wider than about four times the
     * count (days, order counts) are sorted by counting, in linear time; anything else by {@link Arrays#sort}.
     */
    static double[] sorted(double[] x) {
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        boolean whole = true;
        for (double v : x) {
            min = Math.min(min, v);
            max = Math.max(max, v);
            whole &= v == Math.rint(v);
        }
        if (whole && narrow(min, max, x.length)) {
            int[] count = new int[(int) (max - min) + 1];
            for (double v : x) {
                count[(int) (v - min)]++;
            }
            double[] s = new double[x.length];
            int k = 0;
            for (int b = 0; b < count.length; b++) {
                double v = min + b;
                for (int c = count[b]; c > 0; c--) {
                    s[k++] = v;
                }
            }
            return s;
        }
        double[] s = x.clone();
        Arrays.sort(s);
        return s;
    }

    private static boolean narrow(double min, double max, int count) {
        return max - min <= 4.0 * count + 1024;
    }

    /**
     * R's {@code quantile(x, p, type = 7)} on sorted data, with R's own arithmetic: {@code index = 1 + (N - 1) p},
     * {@code (1 - h) x[lo] + h x[hi]} only when {@code x[hi] != x[lo]}.
     */
    static double quantile7(double[] sorted, double p) {
        return quantile7(sorted.length, p, k -> sorted[(int) k - 1]);
    }

    /**
     * {@link #quantile7(double[], double)} for {@code count} values of which only some order statistics are at
     * hand: {@code kth} gives the k-th smallest value (k = 1..count) for the two ranks {@link #quantileRanks} names.
     * Only the ranks move to a long; the arithmetic is the same, so the result is the same to the bit.
     */
    static double quantile7(long count, double p, LongToDoubleFunction kth) {
        double index = 1 + (count - 1) * p;
        long lo = (long) Math.floor(index);
        long hi = (long) Math.ceil(index);
        double q = kth.applyAsDouble(lo);
        double top = kth.applyAsDouble(hi);
        if (index > lo && top != q) {
            double h = index - lo;
            q = (1 - h) * q + h * top;
        }
        return q;
    }

    /** The two ranks (1-based, equal when the index is whole) that the type-7 quantile at p reads. */
    private static long[] quantileRanks(long count, double p) {
        double index = 1 + (count - 1) * p;
        return new long[] {(long) Math.floor(index), (long) Math.ceil(index)};
    }

    /**
     * rfm's cut points: the inner quantiles at R's {@code seq(0, 1, length.out = n + 1)}, that is {@code i * (1/n)},
     * each plus one.
     */
    static double[] rfmCuts(double[] sorted, int n) {
        return rfmCuts(sorted.length, n, k -> sorted[(int) k - 1]);
    }

    /** {@link #rfmCuts(double[], int)} from the order statistics at {@link #rfmRanks(long, int)}. */
    static double[] rfmCuts(long count, int n, LongToDoubleFunction kth) {
        double by = 1.0 / n;
        double[] cuts = new double[n - 1];
        for (int i = 1; i < n; i++) {
            cuts[i - 1] = quantile7(count, i * by, kth) + 1;
        }
        return cuts;
    }

    /** The distinct ranks (1-based, ascending) of the order statistics that rfm's cut points of n bins read. */
    static long[] rfmRanks(long count, int n) {
        double by = 1.0 / n;
        long[] ranks = new long[2 * (n - 1)];
        for (int i = 1; i < n; i++) {
            long[] r = quantileRanks(count, i * by);
            ranks[2 * i - 2] = r[0];
            ranks[2 * i - 1] = r[1];
        }
        return Arrays.stream(ranks).sorted().distinct().toArray();
    }

    /** rfm's bins around cut points: {@code lower = (min, cuts)}, {@code upper = (cuts, max + 1)}. */
    static Bins binsAround(double min, double max, double[] cuts) {
        int n = cuts.length + 1;
        double[] lower = new double[n];
        double[] upper = new double[n];
        lower[0] = min;
        System.arraycopy(cuts, 0, lower, 1, n - 1);
        System.arraycopy(cuts, 0, upper, 0, n - 1);
        upper[n - 1] = max + 1;
        return new Bins(lower, upper);
    }

    /**
     * Bin (1..n) of each value for half-open bins at non-decreasing cut points: one plus the number of cut points
     * at or below the value. Recency is reversed to {@code n + 1 - bin} when {@code reverse}. The same rule, written
     * for other engines, is {@link CutPoints#scoreExpression}; a test keeps the two equal.
     */
    static void scoreByCuts(double[] x, double[] cuts, boolean reverse, byte[] out) {
        int n = cuts.length + 1;
        for (int i = 0; i < x.length; i++) {
            double v = x[i];
            int bin = 1;
            for (double c : cuts) {
                if (v >= c) {
                    bin++;
                }
            }
            out[i] = (byte) (reverse ? n + 1 - bin : bin);
        }
    }

    /**
     * SQL {@code ntile(n)} bucket (1..n) of the 0-based position {@code pos} among {@code size} rows: the first
     * {@code size % n} buckets hold one more row.
     */
    static int ntile(long pos, long size, int n) {
        long q = size / n;
        long r = size % n;
        long big = r * (q + 1);
        return (int) (pos < big ? pos / (q + 1) + 1 : r + (pos - big) / q + 1);
    }

    /**
     * Equal-count scores. A value's position is the first position of its tied run, in ascending order for
     * frequency and monetary value and in descending order for recency; its score is the SQL ntile bucket of that
     * position. Computed without a search: bucket k (k = 2..n) starts at position {@code s_k} holding value
     * {@code t_k}, and the run of v starts at or after {@code s_k} exactly when {@code t_k} comes before v in the
     * ordering, or equals v and {@code s_k} is the first position of its run. So each score is n - 1 comparisons.
     */
    static void scoreByNtile(double[] x, double[] sorted, int n, boolean descending, byte[] out) {
        int size = sorted.length;
        double[] t = new double[n - 1];
        boolean[] first = new boolean[n - 1];
        int used = 0;
        for (int k = 2; k <= n; k++) {
            long start = bucketStart(k, size, n);
            if (start >= size) {
                break;
            }
            int at = descending ? size - 1 - (int) start : (int) start;
            t[used] = sorted[at];
            first[used] = descending ? sorted[at + 1] != sorted[at] : sorted[at - 1] != sorted[at];
            used++;
        }
        for (int i = 0; i < x.length; i++) {
            double v = x[i];
            int bucket = 1;
            for (int k = 0; k < used; k++) {
                double c = t[k];
                if ((descending ? c > v : c < v) || (c == v && first[k])) {
                    bucket++;
                }
            }
            out[i] = (byte) bucket;
        }
    }

    /** The 0-based position where SQL ntile bucket k (1..n) of {@code size} rows starts. */
    static long bucketStart(int k, long size, int n) {
        long q = size / n;
        long r = size % n;
        long j = k - 1;
        return j <= r ? j * (q + 1) : r * (q + 1) + (j - r) * q;
    }

    /**
     * The bins in value order that equal-count scores produced: bin i starts at the smallest value of bin i, an
     * empty bin at the start of the next non-empty one; the last ends at the maximum plus one.
     */
    static Bins binsOfNtile(double[] sorted, int n, boolean descending) {
        int size = sorted.length;
        double[] lower = new double[n];
        double[] upper = new double[n];
        double end = sorted[size - 1] + 1;
        Arrays.fill(lower, end);
        // Walk the distinct values from the largest down, so each bin keeps its smallest value.
        for (int j = size - 1; j >= 0; j--) {
            double v = sorted[j];
            if (j > 0 && sorted[j - 1] == v) {
                continue;
            }
            long pos = descending ? size - upperBound(sorted, v) : j;
            int score = ntile(pos, size, n);
            int bin = descending ? n - score : score - 1;
            lower[bin] = v;
        }
        for (int i = n - 2; i >= 0; i--) {
            if (lower[i] == end) {
                lower[i] = lower[i + 1];
            }
        }
        lower[0] = sorted[0];
        System.arraycopy(lower, 1, upper, 0, n - 1);
        upper[n - 1] = end;
        return new Bins(lower, upper);
    }

    /** The first index whose value is > v. */
    static int upperBound(double[] sorted, double v) {
        int lo = 0;
        int hi = sorted.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (sorted[mid] <= v) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }
}
