package io.loyalty.nps;

import io.loyalty.internal.Checks;
import io.loyalty.internal.Normal;
import io.loyalty.internal.StudentT;
import io.loyalty.internal.Wilson;
import io.loyalty.stats.Interval;

/** Shared arithmetic of the rating scores (CSAT, CES): counts per scale point 1..k. */
final class Ratings {
    private Ratings() {
    }

    /** Checked copy of counts for points 1..k, with at least one answer. */
    static long[] counts(long[] counts, int k, String what) {
        Checks.notNull(counts, "counts");
        Checks.require(counts.length == k, "%s needs %d counts (points 1..%d), got %d", what, k, k, counts.length);
        long n = 0;
        for (int i = 0; i < k; i++) {
            Checks.require(counts[i] >= 0, "counts[%d] (answers of %d) must be >= 0, got %d", i, i + 1, counts[i]);
            n = Checks.addExact(n, counts[i], Checks.format("%s counts[0..%d]", what, i));
        }
        Checks.require(n > 0, "no responses: all %d counts are 0", k);
        return counts.clone();
    }

    /** Counts of answers 1..k, checking each row. */
    static long[] tally(int[] answers, int k) {
        Checks.notNull(answers, "answers");
        long[] c = new long[k];
        for (int i = 0; i < answers.length; i++) {
            int a = answers[i];
            if (a < 1 || a > k) {
                throw new IllegalArgumentException(Checks.format("answers[%d] = %d is outside the answer scale 1..%d",
                        i, a, k));
            }
            c[a - 1]++;
        }
        return c;
    }

    /** Counts of whole-number answers 1..k given as doubles, checking each row. */
    static long[] tally(double[] answers, int k) {
        Checks.notNull(answers, "answers");
        int[] whole = new int[answers.length];
        for (int i = 0; i < answers.length; i++) {
            whole[i] = NpsScale.wholeAnswer(answers[i], "answers", i);
        }
        return tally(whole, k);
    }

    static long n(long[] counts) {
        long n = 0;
        for (long c : counts) {
            n += c;
        }
        return n;
    }

    static long sum(long[] counts, int fromPoint, int toPoint) {
        long s = 0;
        for (int p = fromPoint; p <= toPoint; p++) {
            s += counts[p - 1];
        }
        return s;
    }

    static double[] checkedWeights(double[] weights, int k) {
        Checks.notNull(weights, "weights");
        Checks.require(weights.length == k, "weights needs %d values (points 1..%d), got %d", k, k, weights.length);
        for (int i = 0; i < k; i++) {
            Checks.finite(weights[i], Checks.format("weights[%d]", i));
        }
        return weights;
    }

    /**
     * The weighted mean of the points answered. The weights are scaled by a power of two (exact) so that the
     * largest answered one is in [1, 2): products and sums stay finite for any finite weights, and the mean, which
     * lies between the smallest and the largest answered weight, is finite too.
     */
    static double mean(long[] counts, double[] weights) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < counts.length; i++) {
            if (counts[i] > 0) {
                lo = Math.min(lo, weights[i]);
                hi = Math.max(hi, weights[i]);
            }
        }
        double largest = Math.max(Math.abs(lo), Math.abs(hi));
        int k = largest > 0 ? Math.getExponent(largest) : 0;
        double s = 0;
        for (int i = 0; i < counts.length; i++) {
            // Unanswered points are left out: their weight, scaled, may be infinite.
            if (counts[i] > 0) {
                s += counts[i] * Math.scalb(weights[i], -k);
            }
        }
        double mean = Math.scalb(s / n(counts), k);
        // Rounding may step a few ulps outside the answered weights; the mean cannot.
        return Math.min(hi, Math.max(lo, mean));
    }

    /** Student-t interval for the mean of the weights: mean &plusmn; t(n-1) s / &radic;n, s with n - 1. */
    static Interval meanInterval(long[] counts, double[] weights, double confidence, String what) {
        Checks.openUnit(confidence, "confidence");
        long n = n(counts);
        if (n < 2) {
            throw new IllegalStateException(what + " mean interval needs at least 2 answers, got " + n);
        }
        double m = mean(counts, weights);
        double ss = 0;
        for (int i = 0; i < counts.length; i++) {
            double dev = weights[i] - m;
            ss += counts[i] * dev * dev;
        }
        double se = Math.sqrt(ss / (n - 1) / n);
        double t = StudentT.quantile(0.5 + confidence / 2, n - 1.0);
        return Interval.of(m, m - t * se, m + t * se, confidence, "Student t");
    }

    /** Wilson score interval for a proportion x / n. */
    static Interval wilson(long x, long n, double confidence) {
        double[] b = Wilson.bounds(x, n, Normal.twoSidedZ(confidence));
        return Interval.of((double) x / n, b[0], b[1], confidence, "Wilson");
    }
}
