package io.loyalty.data;

import io.loyalty.internal.ExactSum;

/**
 * The cheap front of an exact sum of money, for the per-customer state of the summaries: a sum is an unevaluated
 * pair of doubles {@code hi + lo} (their raw bits in two adjacent longs of an array) whose exact value is the
 * exact sum of the terms added so far. Adding a term is Knuth's error-free TwoSum of {@code hi} and the term,
 * then the error is added to {@code lo} and that addition checked to be exact as well: a dozen flops, no branch
 * taken in practice and no allocation. Amounts of money (cents on amounts up to billions, a 1e16 next to a 1)
 * stay exact this way for millions of terms. When an addition would not be exact (terms far apart in magnitude,
 * an overflow), {@link #add} refuses it and leaves the sum unchanged: the caller then puts the term into an
 * {@link ExactSum} (the general exact sum), so the total stays exact. The value is rounded once, when read:
 * {@code hi + lo} in floating point is the correctly rounded exact sum, whatever the order of the terms.
 */
final class ExactMoney {
    private ExactMoney() {
    }

    /**
     * Adds {@code x} to the sum at {@code a[at]} (hi), {@code a[at + 1]} (lo); returns false, leaving the sum
     * unchanged, when the pair cannot hold the new exact sum.
     */
    static boolean add(long[] a, int at, double x) {
        double hi = Double.longBitsToDouble(a[at]);
        double lo = Double.longBitsToDouble(a[at + 1]);
        double s = hi + x;
        double b = s - hi;
        double err = (hi - (s - b)) + (x - b);
        double t = lo + err;
        double c = t - lo;
        // Zero when lo + err is exact; NaN when s overflowed (err is then NaN).
        double err2 = (lo - (t - c)) + (err - c);
        if (err2 != 0 || err2 != err2) {
            return false;
        }
        a[at] = Double.doubleToRawLongBits(s);
        a[at + 1] = Double.doubleToRawLongBits(t);
        return true;
    }

    /** Adds the sum at {@code a[at]} to a general exact sum. */
    static void addTo(ExactSum sum, long[] a, int at) {
        sum.add(Double.longBitsToDouble(a[at]));
        sum.add(Double.longBitsToDouble(a[at + 1]));
    }

    /** Adds the sum at {@code from[i]} to the sum at {@code to[j]}; false, leaving it unchanged, if not exact. */
    static boolean add(long[] to, int j, long[] from, int i) {
        long hi = to[j];
        long lo = to[j + 1];
        if (add(to, j, Double.longBitsToDouble(from[i])) && add(to, j, Double.longBitsToDouble(from[i + 1]))) {
            return true;
        }
        to[j] = hi;
        to[j + 1] = lo;
        return false;
    }

    /** The sum at {@code a[at]} rounded to the nearest double (0.0 for zero, never -0.0). */
    static double value(long[] a, int at) {
        return Double.longBitsToDouble(a[at]) + Double.longBitsToDouble(a[at + 1]) + 0.0;
    }

    /** The value of the sum at {@code a[at]} plus, when not null, a general exact sum, rounded once. */
    static double value(long[] a, int at, ExactSum spill) {
        if (spill == null) {
            return value(a, at);
        }
        ExactSum all = new ExactSum();
        all.add(spill);
        addTo(all, a, at);
        return all.value();
    }

    /**
     * The value of two sums ({@code a[i]} with {@code spillI}, {@code a[j]} with {@code spillJ}; a spill may be
     * null) added exactly and rounded once.
     */
    static double value(long[] a, int i, ExactSum spillI, int j, ExactSum spillJ) {
        if (spillI == null && spillJ == null) {
            long[] sum = {a[i], a[i + 1]};
            if (add(sum, 0, a, j)) {
                return value(sum, 0);
            }
        }
        ExactSum all = new ExactSum();
        if (spillI != null) {
            all.add(spillI);
        }
        if (spillJ != null) {
            all.add(spillJ);
        }
        addTo(all, a, i);
        addTo(all, a, j);
        return all.value();
    }
}
