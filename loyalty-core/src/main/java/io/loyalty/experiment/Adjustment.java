package io.loyalty.experiment;

import io.loyalty.internal.Checks;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * Multiplicity adjustment of p-values for many segments at once, exactly as R's {@code p.adjust}. With
 * {@code n} p-values sorted ascending as {@code p(1) <= ... <= p(n)}:
 *
 * <pre>
 * BONFERRONI  min(1, n p)
 * HOLM        min(1, cummax over i = 1..n of (n - i + 1) p(i))
 * HOCHBERG    min(1, cummin from the top of (n - i + 1) p(i))
 * HOMMEL      Hommel (1988), R's algorithm
 * BH          min(1, cummin from the top of n / i p(i))                 (Benjamini and Hochberg 1995)
 * BY          min(1, cummin from the top of (sum 1/j) n / i p(i))       (Benjamini and Yekutieli 2001)
 * </pre>
 *
 * @since 0.1
 */
public enum Adjustment {
    /** Bonferroni: controls the family-wise error rate. */
    BONFERRONI,
    /** Holm's step-down: family-wise, uniformly better than Bonferroni. */
    HOLM,
    /** Hochberg's step-up: family-wise under independence or positive dependence. */
    HOCHBERG,
    /** Hommel: family-wise, more powerful than Hochberg under the same conditions. */
    HOMMEL,
    /** Benjamini-Hochberg: controls the false discovery rate. */
    BH,
    /** Benjamini-Yekutieli: false discovery rate under any dependence. */
    BY;

    /**
     * The adjusted p-values, in the input's order; the input is not modified.
     *
     * @param p raw p-values, each in [0, 1]
     * @return the adjusted p-values
     */
    public double[] adjust(double[] p) {
        Checks.notNull(p, "p");
        for (int i = 0; i < p.length; i++) {
            Checks.require(p[i] >= 0 && p[i] <= 1, "p[%d] must lie in [0, 1], got %s", i, p[i]);
        }
        int n = p.length;
        if (n <= 1) {
            return p.clone();
        }
        Adjustment method = this == HOMMEL && n == 2 ? HOCHBERG : this;
        Integer[] boxed = new Integer[n];
        for (int i = 0; i < n; i++) {
            boxed[i] = i;
        }
        // Stable ascending order, as R's order().
        Arrays.sort(boxed, Comparator.comparingDouble(i -> p[i]));
        double[] s = new double[n];
        for (int i = 0; i < n; i++) {
            s[i] = p[boxed[i]];
        }
        double[] a = new double[n];
        switch (method) {
            case BONFERRONI:
                for (int i = 0; i < n; i++) {
                    a[i] = Math.min(1, n * s[i]);
                }
                break;
            case HOLM:
                double max = 0;
                for (int i = 0; i < n; i++) {
                    max = Math.max(max, (n - i) * s[i]);
                    a[i] = Math.min(1, max);
                }
                break;
            case HOCHBERG:
            case BH:
            case BY:
                double q = 1;
                if (method == BY) {
                    q = 0;
                    for (int j = 1; j <= n; j++) {
                        q += 1.0 / j;
                    }
                }
                double min = Double.POSITIVE_INFINITY;
                for (int i = n - 1; i >= 0; i--) {
                    int rank = i + 1;
                    double v = method == HOCHBERG ? (n - rank + 1) * s[i] : q * n / rank * s[i];
                    min = Math.min(min, v);
                    a[i] = Math.min(1, min);
                }
                break;
            default:
                a = hommel(s);
        }
        double[] out = new double[n];
        for (int i = 0; i < n; i++) {
            out[boxed[i]] = a[i];
        }
        return out;
    }

    /** R's Hommel loop on sorted p-values (0-based translation of {@code p.adjust}). */
    private static double[] hommel(double[] p) {
        int n = p.length;
        double init = Double.POSITIVE_INFINITY;
        for (int i = 0; i < n; i++) {
            init = Math.min(init, n * p[i] / (i + 1));
        }
        double[] q = new double[n];
        double[] pa = new double[n];
        Arrays.fill(q, init);
        Arrays.fill(pa, init);
        for (int m = n - 1; m >= 2; m--) {
            // i1 = 1..n-m+1, i2 = n-m+2..n (1-based)
            double q1 = Double.POSITIVE_INFINITY;
            for (int j = n - m + 2, k = 2; j <= n; j++, k++) {
                q1 = Math.min(q1, m * p[j - 1] / k);
            }
            for (int i = 1; i <= n - m + 1; i++) {
                q[i - 1] = Math.min(m * p[i - 1], q1);
            }
            for (int i = n - m + 2; i <= n; i++) {
                q[i - 1] = q[n - m];
            }
            for (int i = 0; i < n; i++) {
                pa[i] = Math.max(pa[i], q[i]);
            }
        }
        for (int i = 0; i < n; i++) {
            pa[i] = Math.max(pa[i], p[i]);
        }
        return pa;
    }

    /**
     * The comparisons with their p-values adjusted together, decisions following the adjusted values.
     *
     * @param comparisons the comparisons (one per segment, say)
     * @return new comparisons in the same order
     */
    public List<Comparison> adjust(List<Comparison> comparisons) {
        Checks.notNull(comparisons, "comparisons");
        double[] p = new double[comparisons.size()];
        for (int i = 0; i < p.length; i++) {
            p[i] = Checks.notNull(comparisons.get(i), "comparisons[" + i + "]").pValue();
        }
        double[] a = adjust(p);
        List<Comparison> out = new ArrayList<>(p.length);
        for (int i = 0; i < p.length; i++) {
            out.add(comparisons.get(i).withPValue(a[i], name() + "-adjusted over " + p.length));
        }
        return List.copyOf(out);
    }
}
