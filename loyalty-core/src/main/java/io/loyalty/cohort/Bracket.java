package io.loyalty.cohort;

import io.loyalty.internal.Checks;
import java.io.Serializable;

/**
 * A bracket of period offsets for bracket retention: a customer is retained in the bracket when active in any of
 * its offsets ({@code from..to}, both inclusive), e.g. days 1, 2-7 and 8-30 after the first purchase.
 *
 * @param from the first offset, {@code >= 0}
 * @param to the last offset, {@code >= from}
 *
 * @since 0.1
 */
public record Bracket(int from, int to) implements Serializable {
    private static final long serialVersionUID = 1L;

    /**
     * Validates the offsets.
     *
     * @param from the first offset, {@code >= 0}
     * @param to the last offset, {@code >= from}
     */
    public Bracket {
        Checks.require(from >= 0 && to >= from, "bracket must have 0 <= from <= to, got from=%d to=%d", from, to);
    }

    /**
     * The bracket {@code from..to}.
     *
     * @param from the first offset
     * @param to the last offset
     * @return the bracket
     */
    public static Bracket of(int from, int to) {
        return new Bracket(from, to);
    }

    @Override
    public String toString() {
        return from == to ? Integer.toString(from) : from + "-" + to;
    }
}
