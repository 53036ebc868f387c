package io.loyalty.internal;

/**
 * Order statistics by selection (Hoare's quickselect with a median-of-three pivot), linear on average, for the
 * percentiles of bootstrap draws and the top of a ranking without sorting everything. Not API.
 */
public final class Selection {
    private Selection() {
    }

    /**
     * The k-th smallest value (0-based): places it at index k, smaller or equal ones left of it, larger or equal
     * ones right; reorders the array.
     *
     * @param v the values, no NaN
     * @param k the rank, 0 to {@code v.length - 1}
     * @return the value
     */
    public static double kthSmallest(double[] v, int k) {
        Checks.index(k, v.length, "k");
        int left = 0;
        int right = v.length - 1;
        while (right > left) {
            int mid = (left + right) >>> 1;
            // the median of three as the pivot keeps sorted or constant inputs linear
            double a = v[left];
            double b = v[mid];
            double c = v[right];
            double pivot = Math.max(Math.min(a, b), Math.min(Math.max(a, b), c));
            int i = left;
            int j = right;
            while (i <= j) {
                while (v[i] < pivot) {
                    i++;
                }
                while (v[j] > pivot) {
                    j--;
                }
                if (i <= j) {
                    double t = v[i];
                    v[i] = v[j];
                    v[j] = t;
                    i++;
                    j--;
                }
            }
            if (k <= j) {
                right = j;
            } else if (k >= i) {
                left = i;
            } else {
                return v[k];
            }
        }
        return v[k];
    }
}
