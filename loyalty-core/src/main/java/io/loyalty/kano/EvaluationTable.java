package io.loyalty.kano;

import io.loyalty.internal.Checks;
import java.util.Arrays;

/**
 * A Kano evaluation table: the category of each (functional answer, dysfunctional answer) pair. Rows are the
 * functional answer (feature present), columns the dysfunctional answer (feature absent), both in the order
 * like, must-be, neutral, live-with, dislike.
 *
 * <pre>
 *               standard (Berger et al. 1993)      Q-diagonal variant (Pouliot, as coded by Reppel 2022)
 *               L  M  N  W  D                     L  M  N  W  D
 *   like        Q  A  A  A  O                     Q  A  A  A  O
 *   must-be     R  I  I  I  M                     R  Q  I  I  M
 *   neutral     R  I  I  I  M                     R  I  I  I  M
 *   live-with   R  I  I  I  M                     R  I  I  Q  M
 *   dislike     R  R  R  R  Q                     R  R  R  R  Q
 * </pre>
 *
 * Immutable.
 *
 * @since 0.1
 */
public final class EvaluationTable {
    private static final EvaluationTable BERGER =
            new EvaluationTable("Berger 1993", parse("QAAAO", "RIIIM", "RIIIM", "RIIIM", "RRRRQ"));
    private static final EvaluationTable Q_DIAGONAL =
            new EvaluationTable("Q-diagonal", parse("QAAAO", "RQIIM", "RIIIM", "RIIQM", "RRRRQ"));

    private final String name;
    /** Category ordinal by functional code * 6 + dysfunctional code (codes 1..5); -1 where a code is 0. */
    private final byte[] cells;

    private EvaluationTable(String name, byte[] cells) {
        this.name = name;
        this.cells = cells;
    }

    /**
     * The standard table of Berger et al. (1993), CQM Journal 2(4), p. 6: the default.
     *
     * @return the table
     */
    public static EvaluationTable berger1993() {
        return BERGER;
    }

    /**
     * The variant in which identical answers to both questions are questionable (like/like, must-be/must-be,
     * live-with/live-with, dislike/dislike) while neutral/neutral stays indifferent: Pouliot's modification in
     * Berger et al. (1993) p. 33 as coded by Reppel (2022).
     *
     * @return the table
     */
    public static EvaluationTable qDiagonal() {
        return Q_DIAGONAL;
    }

    /**
     * A caller-given table: five rows of five category letters, e.g. {@code "QAAAO", "RIIIM", ...}.
     *
     * @param name a name for printing
     * @param rows the five rows, functional answer like..dislike; letters for dysfunctional like..dislike
     * @return the table
     * @throws IllegalArgumentException if there are not five rows of five letters from A, O, M, I, R, Q
     */
    public static EvaluationTable of(String name, String... rows) {
        Checks.notBlank(name, "name");
        return new EvaluationTable(name, parse(Checks.notNull(rows, "rows")));
    }

    private static byte[] parse(String... rows) {
        Checks.require(rows.length == 5, "an evaluation table needs 5 rows, got %d", rows.length);
        byte[] cells = new byte[36];
        Arrays.fill(cells, (byte) -1);
        for (int f = 0; f < 5; f++) {
            String row = Checks.notNull(rows[f], "rows[" + f + "]");
            Checks.require(row.length() == 5, "evaluation table row %d must have 5 letters, got '%s'", f, row);
            for (int d = 0; d < 5; d++) {
                Category c;
                try {
                    c = Category.ofLetter(row.charAt(d));
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException(Checks.format(
                            "evaluation table row %d, column %d: %s", f, d, e.getMessage()), e);
                }
                cells[(f + 1) * 6 + d + 1] = (byte) c.ordinal();
            }
        }
        return cells;
    }

    /**
     * The category of one pair of answers.
     *
     * @param functional the answer with the feature present
     * @param dysfunctional the answer with the feature absent
     * @return the category
     */
    public Category category(Answer functional, Answer dysfunctional) {
        Checks.notNull(functional, "functional");
        Checks.notNull(dysfunctional, "dysfunctional");
        return Category.at(cells[functional.code() * 6 + dysfunctional.code()]);
    }

    /** Category ordinal by cell index (functional code * 6 + dysfunctional code), -1 for a missing answer. */
    byte cellCategory(int cell) {
        return cells[cell];
    }

    /**
     * The table's name.
     *
     * @return e.g. "Berger 1993"
     */
    public String name() {
        return name;
    }

    /**
     * Two tables are equal when every cell holds the same category; the name is not compared.
     *
     * @param o the other object
     * @return whether the cells agree
     */
    @Override
    public boolean equals(Object o) {
        return o instanceof EvaluationTable && Arrays.equals(cells, ((EvaluationTable) o).cells);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(cells);
    }

    /**
     * The name and the five rows of letters.
     *
     * @return e.g. {@code Berger 1993 [QAAAO RIIIM RIIIM RIIIM RRRRQ]}
     */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder(name).append(" [");
        for (int f = 1; f <= 5; f++) {
            for (int d = 1; d <= 5; d++) {
                sb.append(Category.at(cells[f * 6 + d]).letter());
            }
            sb.append(f < 5 ? " " : "]");
        }
        return sb.toString();
    }
}
