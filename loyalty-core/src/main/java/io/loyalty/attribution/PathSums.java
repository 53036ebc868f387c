package io.loyalty.attribution;

import io.loyalty.internal.ExactSum;
import java.util.Arrays;

/**
 * One sum per path that does not depend on the order of its terms or on how they were split: a plain double while
 * every addition is exact (whole counts, most sums of a few amounts), and an {@link ExactSum} from the first
 * addition that would round. The exact sum is rounded once when read, and a double that never rounded is the
 * exact sum itself, so both give the same value for any order.
 */
final class PathSums {
    private double[] sum;
    private ExactSum[] exact;

    PathSums(int capacity) {
        sum = new double[capacity];
        exact = new ExactSum[capacity];
    }

    void ensure(int capacity) {
        if (capacity > sum.length) {
            int cap = Math.max(capacity, sum.length * 2);
            sum = Arrays.copyOf(sum, cap);
            exact = Arrays.copyOf(exact, cap);
        }
    }

    /** Adds a finite term to path {@code id}. */
    void add(int id, double x) {
        ExactSum e = exact[id];
        if (e != null) {
            e.add(x);
            return;
        }
        double s = sum[id];
        double t = s + x;
        // Knuth's two-sum: the rounding error of s + x, zero exactly when the addition was exact.
        double bb = t - s;
        double err = (s - (t - bb)) + (x - bb);
        if (err == 0 && t - t == 0) {
            sum[id] = t;
        } else {
            e = new ExactSum();
            e.add(s);
            e.add(x);
            exact[id] = e;
        }
    }

    /** Adds path {@code otherId} of {@code other} to path {@code id}. */
    void add(int id, PathSums other, int otherId) {
        ExactSum o = other.exact[otherId];
        if (o == null) {
            add(id, other.sum[otherId]);
            return;
        }
        if (exact[id] == null) {
            ExactSum e = new ExactSum();
            e.add(sum[id]);
            exact[id] = e;
        }
        exact[id].add(o);
    }

    /** The sums of paths 0..n-1, each rounded once. */
    double[] values(int n) {
        double[] out = Arrays.copyOf(sum, n);
        for (int i = 0; i < n; i++) {
            if (exact[i] != null) {
                out[i] = exact[i].value();
            }
        }
        return out;
    }
}
