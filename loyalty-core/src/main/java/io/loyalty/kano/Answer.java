package io.loyalty.kano;

/**
 * The five answers of a Kano question, in questionnaire order; {@link #code()} is the usual 1..5 code.
 *
 * @since 0.1
 */
public enum Answer {
    /** "I like it" (code 1). */
    LIKE,
    /** "It must be that way" / "I expect it" (code 2). */
    MUST_BE,
    /** "I am neutral" (code 3). */
    NEUTRAL,
    /** "I can live with it" / "I can tolerate it" (code 4). */
    LIVE_WITH,
    /** "I dislike it" (code 5). */
    DISLIKE;

    private static final Answer[] VALUES = values();

    /**
     * The answer's code in 1..5, as stored in coded survey arrays (0 there means a missing answer).
     *
     * @return the code
     */
    public int code() {
        return ordinal() + 1;
    }

    /**
     * The answer with a given code.
     *
     * @param code 1..5
     * @return the answer
     * @throws IllegalArgumentException if {@code code} is not in 1..5
     */
    public static Answer ofCode(int code) {
        if (code >= 1 && code <= 5) {
            return VALUES[code - 1];
        }
        throw new IllegalArgumentException("answer code must be in 1..5, got " + code);
    }
}
