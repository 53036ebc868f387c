package io.loyalty.experiment;

import io.loyalty.internal.Checks;

/**
 * The sufficient statistics of a continuous metric in one arm: count, mean and sample variance (divisor
 * {@code n - 1}; 0 when {@code n = 1}). Tests of means run from these, so a service can test streamed
 * aggregates. Two summaries merge exactly by Chan's formula ({@link #combine}), never by raw sums of squares.
 *
 * @param n the number of observations, &gt;= 1
 * @param mean the mean, finite, with {@code n * mean} finite
 * @param variance the sample variance, &gt;= 0, with {@code (n - 1) * variance} finite
 * @since 0.1
 */
public record ArmSummary(long n, double mean, double variance) {
    /**
     * Checks the values.
     *
     * @param n the count
     * @param mean the mean
     * @param variance the sample variance
     */
    public ArmSummary {
        Checks.require(n >= 1, "n must be >= 1 (an arm with no data), got %d", n);
        Checks.finite(mean, "mean");
        Checks.nonNegative(variance, "variance");
        // So that total() and sumOfSquares() are finite too.
        Checks.require(Math.abs(mean) * n < Double.POSITIVE_INFINITY,
                "n * mean overflows a double: n = %d, mean = %s", n, mean);
        Checks.require(variance * (n - 1) < Double.POSITIVE_INFINITY,
                "(n - 1) * variance overflows a double: n = %d, variance = %s", n, variance);
    }

    /**
     * The summary of raw values (two-pass: mean, then centred squares).
     *
     * @param values the values, finite, at least one
     * @return the summary
     */
    public static ArmSummary of(double[] values) {
        Checks.notNull(values, "values");
        Checks.require(values.length >= 1, "values is empty (an arm with no data)");
        double max = 0;
        for (int i = 0; i < values.length; i++) {
            double v = values[i];
            if (!Double.isFinite(v)) {
                throw new IllegalArgumentException(Checks.format("values[%d] must be finite, got %s", i, v));
            }
            max = Math.max(max, Math.abs(v));
        }
        // Values scaled by a power of two (exact) so that the largest lies in [1, 2): neither the sum nor the squares
        // can overflow for finite values such as 1e200; results are scaled back once at the end.
        int shift = max == 0 ? 0 : -Math.getExponent(max);
        double sum = 0;
        for (double v : values) {
            sum += Math.scalb(v, shift);
        }
        double mean = sum / values.length;
        double ss = 0;
        double comp = 0;
        for (double v : values) {
            double d = Math.scalb(v, shift) - mean;
            ss += d * d;
            comp += d;
        }
        // Corrected two-pass algorithm (Chan, Golub and LeVeque 1983): removes the rounding error of the mean.
        ss -= comp * comp / values.length;
        double variance = Math.scalb(values.length > 1 ? Math.max(0, ss) / (values.length - 1) : 0, -2 * shift);
        if (!(variance < Double.POSITIVE_INFINITY)) {
            throw new IllegalArgumentException(Checks.format("values: the sample variance overflows a double "
                    + "(values up to %s in magnitude, n = %d)", max, values.length));
        }
        return new ArmSummary(values.length, Math.scalb(mean + comp / values.length, -shift), variance);
    }

    /**
     * The summary of both samples together (Chan, Golub and LeVeque's pairwise update).
     *
     * @param other the other summary
     * @return the merged summary
     */
    public ArmSummary combine(ArmSummary other) {
        Checks.notNull(other, "other");
        long total = n + other.n;
        if (((n ^ total) & (other.n ^ total)) < 0) {
            throw new IllegalArgumentException(Checks.format(
                    "combine: the count overflows a long: n = %d + other.n = %d", n, other.n));
        }
        double delta = other.mean - mean;
        double m2 = sumOfSquares() + other.sumOfSquares() + delta * delta * ((double) n * other.n / total);
        double merged = mean + delta * other.n / total;
        if (!(m2 < Double.POSITIVE_INFINITY) || !Double.isFinite(merged)) {
            throw new IllegalArgumentException(Checks.format("combine: the merged summary overflows a double "
                    + "(means %s and %s, variances %s and %s)", mean, other.mean, variance, other.variance));
        }
        return new ArmSummary(total, merged, m2 / Math.max(1, total - 1));
    }

    /**
     * The centred sum of squares {@code (n - 1) variance}.
     *
     * @return the sum of squared deviations from the mean
     */
    public double sumOfSquares() {
        return variance * (n - 1);
    }

    /**
     * The sum of the values, {@code n * mean}; for a 0/1 metric, the number of successes after rounding.
     *
     * @return the total
     */
    public double total() {
        return mean * n;
    }

    /**
     * The number of successes of a 0/1 metric: the total as an integer count, to pass to the rate methods
     * ({@code Proportions.readout(t.successes(), t.n(), c.successes(), c.n(), ...)}).
     *
     * @return the count, in [0, n]
     * @throws IllegalArgumentException if the total is not a whole number in [0, n] (the metric is not 0/1)
     * @since 0.2
     */
    public long successes() {
        double t = total();
        long s = Math.round(t);
        // The mean is rounded once from exact sums, so n * mean lies within far less than 1/4 of the true count.
        Checks.require(s >= 0 && s <= n && Math.abs(t - s) < 0.25, "successes: the total %s of n = %d values is "
                + "not a count of successes (the metric is not 0/1)", t, n);
        return s;
    }

    @Override
    public String toString() {
        return Checks.format("n = %d, mean = %.6g, sd = %.6g", n, mean, Math.sqrt(variance));
    }
}
