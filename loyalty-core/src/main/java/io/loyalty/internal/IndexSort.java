package io.loyalty.internal;

/**
 * A stable sort of row indexes by an order on the rows (a merge sort on primitives, insertion sort for short runs,
 * no boxing), for code that must put rows in one canonical order: the attribution journeys' touches and
 * conversions, the CLV fitters' merged rows. Not API.
 */
public final class IndexSort {
    private IndexSort() {
    }

    /** The order of rows: whether row {@code a} comes strictly before row {@code b}. */
    @FunctionalInterface
    public interface Before {
        /**
         * Whether row {@code a} comes strictly before row {@code b}.
         *
         * @param a a row index
         * @param b a row index
         * @return true when a sorts before b
         */
        boolean before(int a, int b);
    }

    /**
     * The indexes 0..n-1 in {@code order}, rows that compare equal in their index order.
     *
     * @param n the number of rows
     * @param order the order
     * @return a new array of the n indexes
     */
    public static int[] sorted(int n, Before order) {
        int[] idx = new int[n];
        for (int i = 0; i < n; i++) {
            idx[i] = i;
        }
        sort(idx, 0, n, order, new int[0]);
        return idx;
    }

    /**
     * Sorts {@code idx[from, to)} stably by {@code order}.
     *
     * @param idx the indexes, sorted in place
     * @param from the first position
     * @param to the position after the last
     * @param order the order
     * @param scratch a buffer to reuse (any length)
     * @return the buffer to pass to the next call: {@code scratch}, or a larger one when it was too short
     */
    public static int[] sort(int[] idx, int from, int to, Before order, int[] scratch) {
        boolean sorted = true;
        for (int i = from + 1; i < to && sorted; i++) {
            sorted = !order.before(idx[i], idx[i - 1]);
        }
        if (sorted) {
            return scratch;
        }
        if (to - from <= 32) {
            insertionSort(idx, from, to, order);
            return scratch;
        }
        int[] buf = scratch.length >= to - from ? scratch : new int[to - from];
        mergeSort(idx, from, to, order, buf);
        return buf;
    }

    /** Stable insertion sort of idx[from, to), for short runs. */
    private static void insertionSort(int[] idx, int from, int to, Before order) {
        for (int i = from + 1; i < to; i++) {
            int v = idx[i];
            int j = i - 1;
            while (j >= from && order.before(v, idx[j])) {
                idx[j + 1] = idx[j];
                j--;
            }
            idx[j + 1] = v;
        }
    }

    private static void mergeSort(int[] idx, int from, int to, Before order, int[] buf) {
        if (to - from <= 16) {
            insertionSort(idx, from, to, order);
            return;
        }
        int mid = (from + to) >>> 1;
        mergeSort(idx, from, mid, order, buf);
        mergeSort(idx, mid, to, order, buf);
        System.arraycopy(idx, from, buf, 0, mid - from);
        int i = 0;
        int iEnd = mid - from;
        int j = mid;
        int k = from;
        while (i < iEnd && j < to) {
            idx[k++] = order.before(idx[j], buf[i]) ? idx[j++] : buf[i++];
        }
        while (i < iEnd) {
            idx[k++] = buf[i++];
        }
    }
}
