package io.loyalty.kano;

import io.loyalty.internal.Checks;
import java.util.Collections;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Maps answer labels to their meaning ({@link Answer}), never to a position. Labels are compared after
 * normalisation: trimmed, inner white space collapsed, case ignored, and the typographic apostrophe U+2019 read as
 * {@code '}. A null or blank label, or a label declared with {@link #withMissing(String...)}, is a missing answer;
 * any other label not in the vocabulary is an error.
 *
 * <p>{@link #standard()} knows the canonical names and the answer sets in common use, among them the five
 * wordings of Berger et al. (1993) pp. 25&ndash;27 used by the Reppel (2022) survey:
 * <pre>
 *   like       I like it that way | I enjoy it that way | This would be very helpful to me | I like it
 *   must-be    It/I must be that way | It is a basic necessity or I expect it that way
 *              | This is a basic requirement for me | I expect it
 *   neutral    I am neutral | I'm neutral | This would not affect me
 *   live-with  I can live with it that way | I dislike it, but I can live with it that way
 *              | This would be a minor inconvenience | I can tolerate it
 *   dislike    I dislike it that way | I dislike it, and I can't accept it
 *              | This would be a major problem for me | I dislike it
 * </pre>
 * Immutable; {@code with...} returns a new vocabulary.
 *
 * @since 0.1
 */
public final class AnswerVocabulary {
    private static final byte MISSING = 0;
    private static final AnswerVocabulary EMPTY = new AnswerVocabulary(Map.of());
    private static final AnswerVocabulary STANDARD = EMPTY
            .with(Answer.LIKE, "like", "I like it", "I like it that way", "I enjoy it that way",
                    "This would be very helpful to me", "I would like it", "I would like it that way")
            .with(Answer.MUST_BE, "must-be", "must be", "must_be", "expect", "I expect it", "It must be that way",
                    "I must be that way", "It is a basic necessity or I expect it that way",
                    "This is a basic requirement for me", "I expect it that way")
            .with(Answer.NEUTRAL, "neutral", "I am neutral", "I'm neutral", "This would not affect me",
                    "I don't care")
            .with(Answer.LIVE_WITH, "live-with", "live with", "live_with", "tolerate", "I can tolerate it",
                    "I can live with it", "I can live with it that way",
                    "I dislike it, but I can live with it that way", "This would be a minor inconvenience")
            .with(Answer.DISLIKE, "dislike", "I dislike it", "I dislike it that way",
                    "I dislike it, and I can't accept it", "This would be a major problem for me");

    /** Normalised label to code: 1..5, or 0 for a label that means "no answer". */
    private final Map<String, Byte> codes;

    private AnswerVocabulary(Map<String, Byte> codes) {
        this.codes = codes;
    }

    /**
     * The standard vocabulary (see the class comment).
     *
     * @return the vocabulary
     */
    public static AnswerVocabulary standard() {
        return STANDARD;
    }

    /**
     * A vocabulary with no labels, to be filled with {@link #with(Answer, String...)}.
     *
     * @return the empty vocabulary
     */
    public static AnswerVocabulary empty() {
        return EMPTY;
    }

    /**
     * This vocabulary plus labels meaning {@code answer}.
     *
     * @param answer what the labels mean
     * @param labels the labels
     * @return a new vocabulary
     * @throws IllegalArgumentException if a label is blank or already means something else
     */
    public AnswerVocabulary with(Answer answer, String... labels) {
        Checks.notNull(answer, "answer");
        return plus((byte) answer.code(), labels);
    }

    /**
     * This vocabulary plus labels meaning "no answer" (e.g. {@code "NA"}, {@code "n/a"}); such answers are
     * counted as missing, never guessed.
     *
     * @param labels the labels
     * @return a new vocabulary
     * @throws IllegalArgumentException if a label is blank or already means an answer
     */
    public AnswerVocabulary withMissing(String... labels) {
        return plus(MISSING, labels);
    }

    private AnswerVocabulary plus(byte code, String... labels) {
        Checks.notNull(labels, "labels");
        Map<String, Byte> next = new HashMap<>(codes);
        for (String label : labels) {
            String key = normalize(Checks.notBlank(label, "label"));
            Byte old = next.putIfAbsent(key, code);
            if (old != null && old != code) {
                throw new IllegalArgumentException(Checks.format("label '%s' already means %s", label, describe(old)));
            }
        }
        return new AnswerVocabulary(Collections.unmodifiableMap(next));
    }

    /**
     * The codes of a column of answer labels: 1..5, or 0 for a missing answer (null, blank, or declared missing).
     * This is how the Tablesaw adapter and {@link FeatureAnswers#ofLabels} read labels.
     *
     * @param labels the labels, one per respondent; not modified
     * @param column the column they came from, for the message
     * @return one code per label
     * @throws IllegalArgumentException if an argument is null, or naming the label, the column and the row if a
     *     label is unknown
     * @since 0.2
     */
    public byte[] codes(String[] labels, String column) {
        Checks.notNull(labels, "labels");
        Checks.notNull(column, "column");
        byte[] out = new byte[labels.length];
        // Surveys repeat a handful of labels: look each distinct string up once.
        Map<String, Byte> seen = new HashMap<>();
        for (int row = 0; row < labels.length; row++) {
            String label = labels[row];
            Byte code = label == null ? null : seen.get(label);
            if (code == null) {
                code = code(label, column, row);
                if (label != null) {
                    seen.put(label, code);
                }
            }
            out[row] = code;
        }
        return out;
    }

    /** The code of one label, naming the column and row of an unknown one. */
    byte code(String label, String column, int row) {
        if (label == null || label.isBlank()) {
            return MISSING;
        }
        Byte code = codes.get(normalize(label));
        if (code == null) {
            throw new IllegalArgumentException(Checks.format(
                    "unknown answer label '%s' in column '%s' at row %d (add it with AnswerVocabulary.with)", label,
                    column, row));
        }
        return code;
    }

    /**
     * The meaning of a label, for inspection.
     *
     * @param label the label
     * @return the answer
     * @throws IllegalArgumentException if the label is unknown or means "no answer"
     */
    public Answer answer(String label) {
        byte code = code(Checks.notBlank(label, "label"), "label", 0);
        Checks.require(code != MISSING, "label '%s' means no answer", label);
        return Answer.ofCode(code);
    }

    /** Trimmed, runs of white space as one space, U+2019 as an apostrophe, lower case; one pass, no regex. */
    static String normalize(String label) {
        StringBuilder sb = new StringBuilder(label.length());
        boolean space = false;
        for (int i = 0; i < label.length(); i++) {
            char c = label.charAt(i);
            if (Character.isWhitespace(c)) {
                space = sb.length() > 0;
            } else {
                if (space) {
                    sb.append(' ');
                    space = false;
                }
                sb.append(c == '\u2019' ? '\'' : c);
            }
        }
        return sb.toString().toLowerCase(Locale.ROOT);
    }

    private static String describe(Byte code) {
        return code == MISSING ? "no answer" : Answer.ofCode(code).toString();
    }

    /**
     * The labels by meaning.
     *
     * @return e.g. {@code AnswerVocabulary{LIKE=[...], ...}}
     */
    @Override
    public String toString() {
        Map<String, java.util.List<String>> by = new TreeMap<>();
        codes.forEach((k, v) -> by.computeIfAbsent(describe(v), x -> new java.util.ArrayList<>()).add(k));
        by.values().forEach(Collections::sort);
        return "AnswerVocabulary" + by;
    }
}
