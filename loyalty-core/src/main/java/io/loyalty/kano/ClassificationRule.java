package io.loyalty.kano;

/**
 * How a feature's category is chosen from its category counts. The rules differ in what they do when the
 * answers are split: the most frequent category alone can be a narrow plurality, the (O+A+M) rule first asks
 * whether the feature matters at all, and the margin rule prefers the more demanding category when the top two
 * are close.
 *
 * @since 0.1
 */
public enum ClassificationRule {
    /**
     * The most frequent of A, O, M, I, R, Q, ties broken M &gt; O &gt; A &gt; I &gt; R &gt; Q (Berger et al. 1993,
     * the "M &gt; O &gt; A &gt; I" precedence). The default.
     */
    MOST_FREQUENT,
    /**
     * If O + A + M &gt; I + R + Q, the most frequent of M, O, A (ties M &gt; O &gt; A); otherwise the most frequent
     * of I, R, Q (ties I &gt; R &gt; Q). The rule of Reppel (2022), after Berger et al. (1993).
     */
    FUNCTIONAL_VS_INDIFFERENT,
    /**
     * The most frequent of A, O, M, I, R, Q (ties M &gt; O &gt; A &gt; I &gt; R &gt; Q) when the category strength
     * (top share minus second share, among A, O, M, I, R) exceeds the margin ({@link Kano#withMargin(double)},
     * 0.06 by default); otherwise the first of M, O, A, I that is among the two most frequent of A, O, M, I, R
     * (one of them always is). The rule of the R package stp25kano.
     */
    TOP_TWO_WITHIN_MARGIN
}
