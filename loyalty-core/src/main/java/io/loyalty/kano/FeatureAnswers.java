package io.loyalty.kano;

import io.loyalty.internal.Checks;

/**
 * One feature's answers, one entry per respondent: the functional answer (feature present) and the dysfunctional
 * answer (feature absent) as codes 1..5 ({@link Answer#code()}; 0 = missing), and optionally the self-stated
 * importance 1..9 (0 = missing). Arrays are copied in and checked once, so the analysis runs on trusted
 * primitive arrays. Immutable.
 *
 * @since 0.1
 */
public final class FeatureAnswers {
    private final String name;
    private final byte[] functional;
    private final byte[] dysfunctional;
    private final byte[] importance;

    private FeatureAnswers(String name, byte[] functional, byte[] dysfunctional, byte[] importance) {
        this.name = name;
        this.functional = functional;
        this.dysfunctional = dysfunctional;
        this.importance = importance;
    }

    /**
     * Answers given as codes.
     *
     * @param name the feature's name
     * @param functional functional answer codes, 1..5 or 0 for missing
     * @param dysfunctional dysfunctional answer codes, 1..5 or 0 for missing
     * @return the answers
     * @throws IllegalArgumentException if the lengths differ or a code is outside 0..5 (naming feature, row,
     *     value)
     */
    public static FeatureAnswers ofCodes(String name, byte[] functional, byte[] dysfunctional) {
        Checks.notBlank(name, "name");
        Checks.notNull(functional, "functional");
        Checks.notNull(dysfunctional, "dysfunctional");
        Checks.sameLength(functional.length, dysfunctional.length, "dysfunctional of feature '" + name + "'");
        checkCodes(name, "functional", functional);
        checkCodes(name, "dysfunctional", dysfunctional);
        return new FeatureAnswers(name, functional.clone(), dysfunctional.clone(), null);
    }

    /**
     * Answers given as int codes.
     *
     * @param name the feature's name
     * @param functional functional answer codes, 1..5 or 0 for missing
     * @param dysfunctional dysfunctional answer codes, 1..5 or 0 for missing
     * @return the answers
     * @throws IllegalArgumentException if the lengths differ or a code is outside 0..5 (naming feature, row,
     *     value)
     */
    public static FeatureAnswers ofCodes(String name, int[] functional, int[] dysfunctional) {
        Checks.notBlank(name, "name");
        return ofCodes(name, narrow(name, "functional", Checks.notNull(functional, "functional"), 5),
                narrow(name, "dysfunctional", Checks.notNull(dysfunctional, "dysfunctional"), 5));
    }

    /**
     * Answers given as labels, mapped by meaning through a vocabulary; a null or blank label is a missing
     * answer.
     *
     * @param name the feature's name
     * @param functional functional answer labels
     * @param dysfunctional dysfunctional answer labels
     * @param vocabulary what the labels mean
     * @return the answers
     * @throws IllegalArgumentException if the lengths differ, or for an unknown label (naming the label, the
     *     column "{@code name} functional" or "{@code name} dysfunctional" and the row)
     */
    public static FeatureAnswers ofLabels(String name, String[] functional, String[] dysfunctional,
            AnswerVocabulary vocabulary) {
        Checks.notBlank(name, "name");
        Checks.notNull(functional, "functional");
        Checks.notNull(dysfunctional, "dysfunctional");
        Checks.notNull(vocabulary, "vocabulary");
        Checks.sameLength(functional.length, dysfunctional.length, "dysfunctional of feature '" + name + "'");
        return new FeatureAnswers(name, vocabulary.codes(functional, name + " functional"),
                vocabulary.codes(dysfunctional, name + " dysfunctional"), null);
    }

    /**
     * The codes of a column of importance labels such as "9 - Extremely important": the whole number 1..9 a label
     * starts with (after leading white space), or 0 for a null or blank label (no answer). This is how the
     * Tablesaw adapter reads labelled importance columns; pass the result to {@link #withImportance(byte[])}.
     *
     * @param labels the labels, one per respondent; not modified
     * @param column the column they came from, for the message
     * @return one code 0..9 per label
     * @throws IllegalArgumentException if an argument is null, or naming the label, the column and the row if a
     *     label does not start with a number 1..9
     * @since 0.2
     */
    public static byte[] importanceCodes(String[] labels, String column) {
        Checks.notNull(labels, "labels");
        Checks.notNull(column, "column");
        byte[] out = new byte[labels.length];
        for (int row = 0; row < labels.length; row++) {
            String label = labels[row] == null ? "" : labels[row].trim();
            if (!label.isEmpty()) {
                out[row] = (byte) leadingImportance(label, column, row);
            }
        }
        return out;
    }

    /** The number a label such as "9 - Extremely important" starts with. */
    private static int leadingImportance(String label, String column, int row) {
        int end = 0;
        while (end < label.length() && end < 3 && Character.isDigit(label.charAt(end))) {
            end++;
        }
        Checks.require(end > 0 && (end == label.length() || !Character.isDigit(label.charAt(end))),
                "importance label '%s' in column '%s' at row %d does not start with a number 1..9", label, column,
                row);
        int v = Integer.parseInt(label.substring(0, end));
        Checks.require(v >= 1 && v <= 9, "importance %d in column '%s' at row %d is outside 1..9", v, column, row);
        return v;
    }

    /**
     * These answers with the self-stated importance of the feature.
     *
     * @param importance importance per respondent, 1..9 or 0 for missing
     * @return new answers
     * @throws IllegalArgumentException if the length differs or a value is outside 0..9 (naming feature, row,
     *     value)
     */
    public FeatureAnswers withImportance(byte[] importance) {
        Checks.notNull(importance, "importance");
        Checks.sameLength(functional.length, importance.length, "importance of feature '" + name + "'");
        for (int row = 0; row < importance.length; row++) {
            int v = importance[row];
            Checks.require(v >= 0 && v <= 9,
                    "importance of feature '%s' must lie in 1..9 (0 = missing), got %d at row %d", name, v, row);
        }
        return new FeatureAnswers(name, functional, dysfunctional, importance.clone());
    }

    /**
     * These answers with the self-stated importance of the feature, as ints.
     *
     * @param importance importance per respondent, 1..9 or 0 for missing
     * @return new answers
     * @throws IllegalArgumentException if the length differs or a value is outside 0..9 (naming feature, row,
     *     value)
     */
    public FeatureAnswers withImportance(int[] importance) {
        return withImportance(narrow(name, "importance", Checks.notNull(importance, "importance"), 9));
    }

    /**
     * These answers under another name.
     *
     * @param name the new name
     * @return new answers
     */
    public FeatureAnswers withName(String name) {
        return new FeatureAnswers(Checks.notBlank(name, "name"), functional, dysfunctional, importance);
    }

    private static byte[] narrow(String name, String what, int[] values, int max) {
        byte[] out = new byte[values.length];
        for (int row = 0; row < values.length; row++) {
            int v = values[row];
            Checks.require(v >= 0 && v <= max, "%s of feature '%s' must lie in 1..%d (0 = missing), got %d at row %d",
                    what, name, max, v, row);
            out[row] = (byte) v;
        }
        return out;
    }

    private static void checkCodes(String name, String what, byte[] codes) {
        for (int row = 0; row < codes.length; row++) {
            int v = codes[row];
            Checks.require(v >= 0 && v <= 5, "%s answer of feature '%s' must be a code in 1..5 (0 = missing), "
                    + "got %d at row %d", what, name, v, row);
        }
    }

    /**
     * The feature's name.
     *
     * @return the name
     */
    public String name() {
        return name;
    }

    /**
     * The number of respondents (array length).
     *
     * @return the number of respondents
     */
    public int respondents() {
        return functional.length;
    }

    /**
     * Whether an importance was attached.
     *
     * @return whether {@link #withImportance(byte[])} was called
     */
    public boolean hasImportance() {
        return importance != null;
    }

    byte[] functionalCodes() {
        return functional;
    }

    byte[] dysfunctionalCodes() {
        return dysfunctional;
    }

    byte[] importanceCodes() {
        return importance;
    }

    /**
     * The name and size.
     *
     * @return e.g. {@code FeatureAnswers[Secure transfers, 358 respondents, with importance]}
     */
    @Override
    public String toString() {
        return Checks.format("FeatureAnswers[%s, %d respondents%s]", name, functional.length,
                importance == null ? "" : ", with importance");
    }
}
