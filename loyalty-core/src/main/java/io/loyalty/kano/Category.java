package io.loyalty.kano;

/**
 * The Kano categories, with their usual letters.
 *
 * @since 0.1
 */
public enum Category {
    /** Attractive (exciter, delighter): pleases when present, not missed when absent. */
    ATTRACTIVE('A'),
    /** One-dimensional (performance, linear): the more the better. */
    ONE_DIMENSIONAL('O'),
    /** Must-be (basic, expected): taken for granted, resented when absent. */
    MUST_BE('M'),
    /** Indifferent: neither pleases nor displeases. */
    INDIFFERENT('I'),
    /** Reverse: the respondent prefers the feature absent. */
    REVERSE('R'),
    /** Questionable: contradictory answers (e.g. likes it both present and absent). */
    QUESTIONABLE('Q');

    private static final Category[] VALUES = values();
    private final char letter;

    Category(char letter) {
        this.letter = letter;
    }

    /**
     * The category's letter: A, O, M, I, R or Q.
     *
     * @return the letter
     */
    public char letter() {
        return letter;
    }

    /**
     * The category with a given letter (case-insensitive).
     *
     * @param letter A, O, M, I, R or Q
     * @return the category
     * @throws IllegalArgumentException for any other letter
     */
    public static Category ofLetter(char letter) {
        char up = Character.toUpperCase(letter);
        for (Category c : VALUES) {
            if (c.letter == up) {
                return c;
            }
        }
        throw new IllegalArgumentException("category letter must be one of A, O, M, I, R, Q, got '" + letter + "'");
    }

    static Category at(int ordinal) {
        return VALUES[ordinal];
    }
}
