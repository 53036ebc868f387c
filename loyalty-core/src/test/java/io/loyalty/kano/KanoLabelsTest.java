package io.loyalty.kano;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Issue 18: Kano reads answer and importance labels itself, without Tablesaw. */
class KanoLabelsTest {
    @Test
    void importanceLabelsGiveTheirLeadingNumber() {
        assertArrayEquals(new byte[] {9, 0, 1, 0, 5},
                FeatureAnswers.importanceCodes(new String[] {"9 - Extremely important", " ", "1", null, " 5 (mid)"},
                        "Importance"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> FeatureAnswers.importanceCodes(new String[] {"3", "10 - more"}, "Importance"));
        assertTrue(e.getMessage().contains("'Importance' at row 1") && e.getMessage().contains("10"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> FeatureAnswers.importanceCodes(new String[] {"very"}, "Importance"));
        assertTrue(e.getMessage().contains("'very'") && e.getMessage().contains("row 0"), e.getMessage());
    }

    @Test
    void answerLabelsAreCodedThroughTheVocabulary() {
        AnswerVocabulary v = AnswerVocabulary.standard();
        assertArrayEquals(new byte[] {(byte) Answer.LIKE.code(), 0, 0, (byte) Answer.LIKE.code()},
                v.codes(new String[] {"I like it", null, " ", "I like it"}, "F functional"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> v.codes(new String[] {"I like it", "meh"}, "F functional"));
        assertTrue(e.getMessage().contains("'meh' in column 'F functional' at row 1"), e.getMessage());
    }
}
