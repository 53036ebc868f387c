package io.loyalty.clv;

import io.loyalty.internal.ExactSum;
import java.util.Arrays;

/**
 * The order-independent numbers behind {@link ModelComparison}: exact sums, a rank AUC over sorted scores, the
 * expected calibration histogram summed over sorted ages, and CSV cells.
 */
final class ComparisonMetrics {
    private ComparisonMetrics() {
    }

    /** The exact sum of finite values, rounded once: the same for every order of the values. */
    static double sum(double[] values) {
        ExactSum s = new ExactSum();
        for (double v : values) {
            s.add(v);
        }
        return s.value();
    }

    /**
     * The AUC of {@code score} for {@code positive}: P(score of a positive &gt; score of a negative) plus half the
     * probability of a tie, counted exactly over sorted scores. NaN when either class is empty.
     */
    static double auc(double[] score, boolean[] positive) {
        int positives = 0;
        for (boolean p : positive) {
            positives += p ? 1 : 0;
        }
        double[] pos = new double[positives];
        double[] neg = new double[score.length - positives];
        int i = 0;
        int j = 0;
        for (int k = 0; k < score.length; k++) {
            // + 0.0 turns -0.0 into 0.0, so that the sort and the comparisons below agree on ties.
            if (positive[k]) {
                pos[i++] = score[k] + 0.0;
            } else {
                neg[j++] = score[k] + 0.0;
            }
        }
        if (pos.length == 0 || neg.length == 0) {
            return Double.NaN;
        }
        Arrays.sort(pos);
        Arrays.sort(neg);
        // Twice the Mann-Whitney U: 2 per (positive, negative) pair ranked right, 1 per tie; exact in a long.
        long twiceU = 0;
        int below = 0;
        for (int k = 0; k < pos.length; k++) {
            double s = pos[k];
            while (below < neg.length && neg[below] < s) {
                below++;
            }
            int equal = 0;
            while (below + equal < neg.length && neg[below + equal] == s) {
                equal++;
            }
            twiceU += 2L * below + equal;
        }
        return twiceU / (2.0 * pos.length * (double) neg.length);
    }

    /**
     * Expected customers with 0..maxFrequency-1 and maxFrequency+ repeat purchases: the sum over customers of
     * P(X(T_i) = n), grouped by distinct age and summed in increasing age, so the order of the rows cannot matter.
     */
    static double[] expectedCounts(TransactionModel model, double[] age, int maxFrequency) {
        FrequencyCounts.Probability p;
        if (model instanceof BetaGeoModel m) {
            p = m::probabilityOfPurchases;
        } else if (model instanceof ModifiedBetaGeoModel m) {
            p = m::probabilityOfPurchases;
        } else {
            p = ((ParetoNbdModel) model)::probabilityOfPurchases;
        }
        double[] sorted = age.clone();
        Arrays.sort(sorted);
        double[] out = new double[maxFrequency + 1];
        int i = 0;
        while (i < sorted.length) {
            double t = sorted[i] + 0.0;
            int count = 0;
            while (i < sorted.length && sorted[i] == t) {
                i++;
                count++;
            }
            double rest = 1;
            for (int n = 0; n < maxFrequency; n++) {
                double pn = p.of(n, t);
                out[n] += count * pn;
                rest -= pn;
            }
            out[maxFrequency] += count * Math.max(0, rest);
        }
        return out;
    }
}
