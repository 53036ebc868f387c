package io.loyalty.kano;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.loyalty.tablesaw.KanoTables;
import java.util.List;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/** Every bad input the issue lists gives a clear error or a documented, reported skip. */
class BadInputTest {
    private static void assertMessage(IllegalArgumentException e, String... parts) {
        for (String p : parts) {
            assertTrue(e.getMessage().contains(p), () -> "message '" + e.getMessage() + "' lacks '" + p + "'");
        }
    }

    @Test
    void unknownLabelNamesLabelColumnAndRow() {
        Table t = Table.create("survey",
                StringColumn.create("F1_functional", new String[] {"I like it", "I adore it"}),
                StringColumn.create("F1_dysfunctional", new String[] {"I dislike it", "I dislike it"}));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> KanoTables.survey(t, AnswerVocabulary.standard()));
        assertMessage(e, "'I adore it'", "'F1_functional'", "row 1");
        IllegalArgumentException j = assertThrows(IllegalArgumentException.class, () -> FeatureAnswers.ofLabels(
                "F1", new String[] {"like", "like"}, new String[] {"dislike", "meh"}, AnswerVocabulary.standard()));
        assertMessage(j, "'meh'", "'F1 dysfunctional'", "row 1");
    }

    @Test
    void missingAnswersAreCountedAndReportedNotGuessed() {
        FeatureAnswers f = FeatureAnswers.ofLabels("F1", new String[] {"like", null, "like", ""},
                new String[] {"dislike", "dislike", "NA", "dislike"},
                AnswerVocabulary.standard().withMissing("NA"));
        FeatureResult r = Kano.withDefaults().analyze(KanoSurvey.of(f)).feature("F1");
        assertEquals(3, r.missing());
        assertEquals(1, r.n(), 0);
        assertEquals(CategoryCounts.of(0, 1, 0, 0, 0, 0), r.counts());
        Table t = Table.create("survey", StringColumn.create("F1_functional", new String[] {"I like it", ""}),
                StringColumn.create("F1_dysfunctional", new String[] {"I dislike it", "I dislike it"}));
        assertEquals(1, Kano.withDefaults().analyze(KanoTables.survey(t, AnswerVocabulary.standard()))
                .feature("F1_").missing());
    }

    @Test
    void importanceOutsideOneToNine() {
        FeatureAnswers f = FeatureAnswers.ofCodes("F1", new byte[] {1, 1, 1}, new byte[] {5, 5, 5});
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> f.withImportance(new int[] {3, 10, 4}));
        assertMessage(e, "importance", "'F1'", "got 10", "row 1");
        Table t = Table.create("survey", StringColumn.create("F1_functional", new String[] {"I like it"}),
                StringColumn.create("F1_dysfunctional", new String[] {"I dislike it"}),
                StringColumn.create("F1_importance", new String[] {"10 - Beyond important"}));
        assertMessage(assertThrows(IllegalArgumentException.class,
                () -> KanoTables.survey(t, AnswerVocabulary.standard())), "importance 10", "'F1_importance'", "row 0");
        Table u = Table.create("survey", StringColumn.create("F1_functional", new String[] {"I like it"}),
                StringColumn.create("F1_dysfunctional", new String[] {"I dislike it"}),
                IntColumn.create("F1_importance", new int[] {0}));
        assertMessage(assertThrows(IllegalArgumentException.class,
                () -> KanoTables.survey(u, AnswerVocabulary.standard())), "importance 0.0", "row 0");
    }

    @Test
    void featureWithNoValidAnswers() {
        FeatureAnswers f = FeatureAnswers.ofCodes("F1", new byte[] {0, 1}, new byte[] {5, 0});
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Kano.withDefaults().analyze(KanoSurvey.of(f)));
        assertMessage(e, "'F1'", "no respondent with both answers", "2 missing");
        assertThrows(IllegalArgumentException.class,
                () -> Kano.withDefaults().evaluate("F1", CategoryCounts.of(0, 0, 0, 0, 0, 0)));
    }

    @Test
    void codesOutsideTheScale() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> FeatureAnswers.ofCodes("F1", new int[] {1, 6}, new int[] {5, 5}));
        assertMessage(e, "functional", "'F1'", "got 6", "row 1");
        assertMessage(assertThrows(IllegalArgumentException.class,
                () -> FeatureAnswers.ofCodes("F1", new byte[] {1, 2}, new byte[] {-1, 5})), "dysfunctional", "got -1",
                "row 0");
    }

    @Test
    void shapeErrors() {
        assertMessage(assertThrows(IllegalArgumentException.class,
                () -> FeatureAnswers.ofCodes("F1", new byte[] {1, 2}, new byte[] {5})), "dysfunctional", "1 rows");
        FeatureAnswers a = FeatureAnswers.ofCodes("F1", new byte[] {1, 2}, new byte[] {5, 5});
        FeatureAnswers b = FeatureAnswers.ofCodes("F2", new byte[] {1}, new byte[] {5});
        assertMessage(assertThrows(IllegalArgumentException.class, () -> KanoSurvey.of(a, b)), "'F2'", "1 respondents");
        assertMessage(assertThrows(IllegalArgumentException.class, () -> KanoSurvey.of(a, a)), "two features", "'F1'");
        assertMessage(assertThrows(IllegalArgumentException.class,
                () -> KanoSurvey.of(a).withSegments(new String[] {"x", " "})), "segment", "row 1");
        assertMessage(assertThrows(IllegalArgumentException.class,
                () -> Kano.withDefaults().analyzeBySegment(KanoSurvey.of(a))), "no segments");
        assertMessage(assertThrows(IllegalArgumentException.class,
                () -> EvaluationTable.of("bad", "QAAAO", "RIIIM", "RIIIM", "RIIIM", "RRRXQ")), "row 4", "'X'");
        assertMessage(assertThrows(IllegalArgumentException.class,
                () -> CategoryCounts.of(1, Double.NaN, 0, 0, 0, 0)), "oneDimensional", "NaN");
        assertMessage(assertThrows(IllegalArgumentException.class,
                () -> AnswerVocabulary.standard().with(Answer.LIKE, "I dislike it")), "already means DISLIKE");
        Table t = Table.create("survey", StringColumn.create("F1_functional", new String[] {"I like it"}));
        assertMessage(assertThrows(IllegalArgumentException.class,
                () -> KanoTables.survey(t, AnswerVocabulary.standard(), List.of("F1_"))), "F1_dysfunctional");
    }

    @Test
    void inputsAreNotMutatedAndLaterChangesDoNotLeakIn() {
        byte[] f = {1, 2, 3};
        byte[] d = {5, 5, 5};
        FeatureAnswers a = FeatureAnswers.ofCodes("F1", f, d);
        FeatureResult before = Kano.withDefaults().analyze(KanoSurvey.of(a)).feature("F1");
        f[0] = 5;
        assertEquals(before, Kano.withDefaults().analyze(KanoSurvey.of(a)).feature("F1"));
        assertEquals(5, f[0]);
        String[] fl = {"I like it", " I EXPECT IT "};
        String[] dl = {"I dislike it", "I dislike it"};
        FeatureAnswers.ofLabels("F1", fl, dl, AnswerVocabulary.standard());
        assertEquals(" I EXPECT IT ", fl[1]);
        Table t = Table.create("survey", StringColumn.create("F1_functional", fl),
                StringColumn.create("F1_dysfunctional", dl));
        String printed = t.print();
        KanoTables.survey(t, AnswerVocabulary.standard());
        assertEquals(printed, t.print());
    }

    @Test
    void aBadRespondentLeavesTheTallyUnchanged() {
        KanoAccumulator t = KanoAccumulator.create(List.of("F1", "F2"));
        t.add(new int[] {1, 2}, new int[] {5, 5}, new int[] {9, 9});
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> t.add(new int[] {1, 2}, new int[] {5, 5}, new int[] {9, 12}));
        assertMessage(e, "importance", "'F2'", "got 12");
        assertMessage(assertThrows(IllegalArgumentException.class,
                () -> t.add(new int[] {1, 7}, new int[] {5, 5})), "functional", "'F2'", "got 7");
        assertEquals(1, t.respondents());
        assertEquals(1, t.snapshot().count(1, Answer.MUST_BE, Answer.DISLIKE));
        assertMessage(assertThrows(IllegalArgumentException.class,
                () -> t.combine(KanoAccumulator.create(List.of("F1")))), "differ");
    }
}
