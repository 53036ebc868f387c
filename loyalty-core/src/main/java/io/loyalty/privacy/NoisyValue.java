package io.loyalty.privacy;

import io.loyalty.internal.Checks;
import io.loyalty.internal.TextTable;

/**
 * A released value with its utility: the noise's standard deviation and a 95 % interval for the true (bounded,
 * pre-noise) value. For a count the interval is exact: {@code value ± h} with {@code h} the smallest integer such
 * that the noise lies in {@code [-h, h]} with probability at least 0.95. For a derived value (a rate, a mean, an NPS)
 * the standard deviation combines the noise with the sampling error where stated, by the delta method, and the
 * interval is normal and clipped to the value's domain.
 *
 * @param value the released (noisy) value
 * @param standardDeviation the standard deviation of the noise (and sampling error where stated)
 * @param lower the lower end of the 95 % interval
 * @param upper the upper end of the 95 % interval
 * @since 0.2
 */
public record NoisyValue(double value, double standardDeviation, double lower, double upper) {
    /** 95 % two-sided normal quantile. */
    static final double Z95 = 1.959963984540054;

    /**
     * Checks the components: every released value and bound is finite (the domains are bounded), and a standard
     * deviation is not negative.
     *
     * @param value the released (noisy) value
     * @param standardDeviation the standard deviation, {@code >= 0}
     * @param lower the lower end of the 95 % interval
     * @param upper the upper end of the 95 % interval
     * @throws IllegalArgumentException naming the component when one is NaN or infinite, or the standard deviation
     *         is negative
     */
    public NoisyValue {
        Checks.finite(value, "value");
        Checks.nonNegative(standardDeviation, "standardDeviation");
        Checks.finite(lower, "lower");
        Checks.finite(upper, "upper");
    }

    /** A normal 95 % interval around {@code value}, clipped to {@code [min, max]}. */
    static NoisyValue normal(double value, double sd, double min, double max) {
        double v = Math.min(max, Math.max(min, value));
        return new NoisyValue(v, sd, Math.max(min, v - Z95 * sd), Math.min(max, v + Z95 * sd));
    }

    /**
     * The value in words, rounded to the digits the noise leaves meaningful: to the place of the standard
     * deviation's second significant digit ({@code 41.3 ± 3.7 (95 % [34.0, 48.5])}), or six significant digits
     * without trailing zeros when there is no noise ({@code 100 ± 0 (95 % [100, 100])}).
     *
     * @return the text
     */
    @Override
    public String toString() {
        if (standardDeviation > 0 && standardDeviation < Double.POSITIVE_INFINITY) {
            int places = Math.max(0, Math.min(15, 1 - (int) Math.floor(Math.log10(standardDeviation))));
            String f = "%." + places + "f";
            return Checks.format(f + " ± " + f + " (95 %% [" + f + ", " + f + "])", value, standardDeviation, lower,
                    upper);
        }
        return plain(value) + " ± " + plain(standardDeviation) + " (95 % [" + plain(lower) + ", " + plain(upper)
                + "])";
    }

    /** Six significant digits without trailing zeros: {@code 100}, {@code 41.2731}. */
    private static String plain(double d) {
        String s = TextTable.significant(d, 6);
        return s.indexOf('.') < 0 || s.indexOf('e') >= 0 ? s : s.replaceAll("0+$", "").replaceAll("\\.$", "");
    }
}
