package io.loyalty.kano;

import io.loyalty.internal.Checks;

/**
 * How many answers (or what share or percentage of them) fell in each Kano category for one feature. Values are
 * doubles so that published tables given as shares or percentages can be evaluated as they are; counts from
 * survey answers are whole numbers. Equality is that of the six doubles. Each value is finite and &ge; 0, and
 * their total is at most 1e307, so that every statistic computed from them is finite.
 *
 * @param attractive A
 * @param oneDimensional O
 * @param mustBe M
 * @param indifferent I
 * @param reverse R
 * @param questionable Q
 * @since 0.1
 */
public record CategoryCounts(double attractive, double oneDimensional, double mustBe, double indifferent,
        double reverse, double questionable) {

    /**
     * The largest total A + O + M + I + R + Q accepted: three times it (the largest chi-square statistic of
     * Berger's test) is still a finite double.
     */
    static final double MAX_TOTAL = 1e307;

    /**
     * Checks that every count is finite and non-negative, and that they sum to at most 1e307.
     *
     * @param attractive A
     * @param oneDimensional O
     * @param mustBe M
     * @param indifferent I
     * @param reverse R
     * @param questionable Q
     */
    public CategoryCounts {
        Checks.nonNegative(attractive, "attractive (A)");
        Checks.nonNegative(oneDimensional, "oneDimensional (O)");
        Checks.nonNegative(mustBe, "mustBe (M)");
        Checks.nonNegative(indifferent, "indifferent (I)");
        Checks.nonNegative(reverse, "reverse (R)");
        Checks.nonNegative(questionable, "questionable (Q)");
        double total = attractive + oneDimensional + mustBe + indifferent + reverse + questionable;
        Checks.require(total <= MAX_TOTAL, "the counts must sum to at most %s, got attractive (A)=%s, "
                + "oneDimensional (O)=%s, mustBe (M)=%s, indifferent (I)=%s, reverse (R)=%s, questionable (Q)=%s",
                MAX_TOTAL, attractive, oneDimensional, mustBe, indifferent, reverse, questionable);
    }

    /**
     * Counts in the letter order A, O, M, I, R, Q.
     *
     * @param a attractive
     * @param o one-dimensional
     * @param m must-be
     * @param i indifferent
     * @param r reverse
     * @param q questionable
     * @return the counts
     */
    public static CategoryCounts of(double a, double o, double m, double i, double r, double q) {
        return new CategoryCounts(a, o, m, i, r, q);
    }

    static CategoryCounts of(double[] byOrdinal) {
        return new CategoryCounts(byOrdinal[0], byOrdinal[1], byOrdinal[2], byOrdinal[3], byOrdinal[4], byOrdinal[5]);
    }

    /**
     * The count of one category.
     *
     * @param category the category
     * @return its count
     */
    public double get(Category category) {
        switch (Checks.notNull(category, "category")) {
            case ATTRACTIVE:
                return attractive;
            case ONE_DIMENSIONAL:
                return oneDimensional;
            case MUST_BE:
                return mustBe;
            case INDIFFERENT:
                return indifferent;
            case REVERSE:
                return reverse;
            default:
                return questionable;
        }
    }

    /**
     * The sum over all six categories.
     *
     * @return A + O + M + I + R + Q
     */
    public double total() {
        return attractive + oneDimensional + mustBe + indifferent + reverse + questionable;
    }

    /**
     * The share of one category in the total.
     *
     * @param category the category
     * @return its count over {@link #total()}; 0 when the total is 0
     */
    public double share(Category category) {
        double n = total();
        return n > 0 ? get(category) / n : 0;
    }

    /**
     * The counts as letters and numbers.
     *
     * @return e.g. {@code A=91 O=19 M=9 I=160 R=49 Q=30}
     */
    @Override
    public String toString() {
        return Checks.format("A=%s O=%s M=%s I=%s R=%s Q=%s", num(attractive), num(oneDimensional), num(mustBe),
                num(indifferent), num(reverse), num(questionable));
    }

    static String num(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Checks.format("%s", v);
    }
}
