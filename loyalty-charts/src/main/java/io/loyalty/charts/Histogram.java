package io.loyalty.charts;

import io.loyalty.internal.Checks;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** Counts of values in equal-width bins up to the 99th percentile, the tail pooled into the last bin. */
final class Histogram {
    private final List<String> labels;
    private final double[] counts;

    private Histogram(List<String> labels, double[] counts) {
        this.labels = labels;
        this.counts = counts;
    }

    /**
     * @param values finite values, at least one
     * @param bins the number of bins
     * @param whole whether the values are whole numbers, binned one per value when there are at most {@code bins}
     */
    static Histogram of(double[] values, int bins, boolean whole) {
        double[] sorted = values.clone();
        for (int i = 0; i < sorted.length; i++) {
            Checks.finite(sorted[i], "values at row " + i);
        }
        Arrays.sort(sorted);
        double lo = sorted[0];
        double p99 = sorted[(int) Math.ceil(0.99 * sorted.length) - 1];
        boolean tail = p99 < sorted[sorted.length - 1];
        List<String> labels = new ArrayList<>();
        double[] counts;
        if (whole && p99 - lo < bins) {
            int k = (int) (p99 - lo) + 1;
            counts = new double[k];
            for (double v : sorted) {
                counts[(int) Math.min(k - 1, v - lo)]++;
            }
            for (int i = 0; i < k; i++) {
                labels.add(number(lo + i) + (i == k - 1 && tail ? "+" : ""));
            }
        } else {
            // Divided first, so that values near +-Double.MAX_VALUE do not overflow the range.
            double width = p99 / bins - lo / bins;
            int k = width > 0 ? bins : 1;
            counts = new double[k];
            for (double v : sorted) {
                counts[width > 0 ? (int) Math.min(k - 1, (v - lo) / width) : 0]++;
            }
            for (int i = 0; i < k; i++) {
                labels.add(number(lo + i * width) + (i == k - 1 && tail ? "+" : ""));
            }
        }
        return new Histogram(labels, counts);
    }

    private static String number(double v) {
        double a = Math.abs(v);
        return String.format(Locale.ROOT, a >= 100 || v == Math.rint(v) ? "%,.0f" : a >= 10 ? "%.1f" : "%.2f", v);
    }

    List<String> labels() {
        return labels;
    }

    double[] counts() {
        return counts.clone();
    }

    List<Number> countList() {
        List<Number> out = new ArrayList<>();
        for (double c : counts) {
            out.add(c);
        }
        return out;
    }
}
