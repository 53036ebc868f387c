package io.loyalty.kano;

import io.loyalty.internal.Checks;

/**
 * Fong's test of whether the two most frequent categories of a feature really differ: with <i>a</i> &ge;
 * <i>b</i> the two largest counts among A, O, M, I, R and <i>n</i> all answers (Q included), the difference is
 * not significant when
 * <pre>
 *   |a &minus; b| &lt; 1.65 &middot; &radic;( (a + b)(2n &minus; a &minus; b) / (2n) )
 * </pre>
 * (Fong, D. 1996, "Using the self-stated importance questionnaire to interpret Kano questionnaire results",
 * Center for Quality of Management Journal 5(3), 21&ndash;24; as implemented by the R package stp25kano). 1.65 is
 * the 0.95 quantile of the standard normal distribution, so the test works at the 10 % level. The test assumes
 * counts of respondents, not shares or percentages. When the two counts are equal (in particular both 0, as when
 * every answer is questionable) the critical value can be 0, and the formula read literally would call a
 * difference of 0 significant; equal counts never differ, so the test is then not significant.
 *
 * @param first the most frequent category (ties broken M &gt; O &gt; A &gt; I &gt; R)
 * @param second the second most frequent category
 * @param difference |a &minus; b|
 * @param critical the right-hand side 1.65 &middot; &radic;(...)
 * @param significant whether {@code difference >= critical} and {@code difference > 0}, i.e. the top two
 *     categories differ
 * @since 0.1
 */
public record FongTest(Category first, Category second, double difference, double critical, boolean significant) {
    /**
     * Checks the values.
     *
     * @param first the most frequent category (ties broken M &gt; O &gt; A &gt; I &gt; R)
     * @param second the second most frequent category
     * @param difference |a &minus; b|
     * @param critical the right-hand side 1.65 &middot; &radic;(...)
     * @param significant whether {@code difference >= critical} and {@code difference > 0}, i.e. the top two
     *     categories differ
     * @throws IllegalArgumentException naming the component if one is null, or a number is NaN or out of range
     */
    public FongTest {
        Checks.notNull(first, "first");
        Checks.notNull(second, "second");
        Checks.nonNegative(difference, "difference");
        Checks.nonNegative(critical, "critical");
    }


    /** The normal quantile Fong's rule uses. */
    static final double Z = 1.65;

    static FongTest of(CategoryCounts counts, Category first, Category second) {
        double n = counts.total();
        double diff = Math.abs(counts.get(first) - counts.get(second));
        double critical = 0;
        if (n > 0) {
            // On counts scaled by an even power of two (exact) so that the product neither overflows nor
            // underflows; the critical value is homogeneous of degree 1/2, so scaling back is exact too.
            int k = scale(n);
            double a = Math.scalb(counts.get(first), -k);
            double b = Math.scalb(counts.get(second), -k);
            double sn = Math.scalb(n, -k);
            critical = Math.scalb(Z * Math.sqrt((a + b) * (2 * sn - a - b) / (2 * sn)), k / 2);
        }
        return new FongTest(first, second, diff, critical, diff > 0 && !(diff < critical));
    }

    /**
     * An even power-of-two exponent that brings a positive total into [1, 4): counts scaled by it keep their
     * squares and products finite and normal.
     */
    static int scale(double total) {
        return Math.getExponent(total) & ~1;
    }

    /**
     * The inequality as stp25kano prints it.
     *
     * @return e.g. {@code |O-M| = 28 >= 19.36: significant}
     */
    @Override
    public String toString() {
        return io.loyalty.internal.Checks.format("|%s-%s| = %s %s %.2f: %s", first.letter(), second.letter(),
                CategoryCounts.num(difference), significant ? ">=" : "<", critical,
                significant ? "significant" : "not significant");
    }
}
