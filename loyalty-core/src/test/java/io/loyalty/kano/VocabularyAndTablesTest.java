package io.loyalty.kano;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.loyalty.tablesaw.KanoTables;
import java.util.List;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/** Label mapping by meaning, column pairs in either order, the evaluation tables and the output table. */
class VocabularyAndTablesTest {
    @Test
    void theFourWordingsMeanTheSameAnswers() {
        AnswerVocabulary v = AnswerVocabulary.standard();
        String[][] byAnswer = {
            {"I like it that way", "I enjoy it that way", "This would be very helpful to me", "I like it"},
            {"I must be that way", "It is a basic necessity or I expect it that way",
                "This is a basic requirement for me", "I expect it"},
            {"I am neutral", "I am neutral", "This would not affect me", "I\u2019m neutral"},
            {"I can live with it that way", "I dislike it, but I can live with it that way",
                "This would be a minor inconvenience", "I can tolerate it"},
            {"I dislike it that way", "I dislike it, and I can\u2019t accept it", "This would be a major problem for me",
                "I dislike it"}};
        for (int k = 0; k < 5; k++) {
            for (String label : byAnswer[k]) {
                assertEquals(Answer.ofCode(k + 1), v.answer(label), label);
                assertEquals(Answer.ofCode(k + 1), v.answer("  " + label.toUpperCase(java.util.Locale.ROOT) + " "));
            }
        }
        AnswerVocabulary german = AnswerVocabulary.empty().with(Answer.LIKE, "Das w\u00fcrde mich sehr freuen");
        assertEquals(Answer.LIKE, german.answer("das würde  mich sehr freuen"));
    }

    @Test
    void columnPairsAreFoundByNameInEitherOrder() {
        String[] f = {"I like it", "I expect it", "I dislike it"};
        String[] d = {"I dislike it", "I am neutral", "I like it"};
        Table forward = Table.create("a", StringColumn.create("X functional", f), StringColumn.create("X dysfunctional", d),
                IntColumn.create("X importance", new int[] {9, 5, 1}));
        Table backward = Table.create("b", IntColumn.create("x IMPORTANCE", new int[] {9, 5, 1}),
                StringColumn.create("x Dysfunctional", d), StringColumn.create("x Functional", f));
        FeatureResult a = Kano.withDefaults().analyze(KanoTables.survey(forward, AnswerVocabulary.standard()))
                .features().get(0);
        FeatureResult b = Kano.withDefaults().analyze(KanoTables.survey(backward, AnswerVocabulary.standard()))
                .features().get(0);
        assertEquals(CategoryCounts.of(0, 1, 0, 1, 1, 0), a.counts());
        assertEquals(a.counts(), b.counts());
        assertEquals(5.0, b.meanImportance().getAsDouble(), 0);
    }

    @Test
    void evaluationTablesCellByCell() {
        String standard = "QAAAO RIIIM RIIIM RIIIM RRRRQ";
        String variant = "QAAAO RQIIM RIIIM RIIQM RRRRQ";
        for (int f = 1; f <= 5; f++) {
            for (int d = 1; d <= 5; d++) {
                char s = standard.charAt((f - 1) * 6 + d - 1);
                char q = variant.charAt((f - 1) * 6 + d - 1);
                assertEquals(s, EvaluationTable.berger1993().category(Answer.ofCode(f), Answer.ofCode(d)).letter());
                assertEquals(q, EvaluationTable.qDiagonal().category(Answer.ofCode(f), Answer.ofCode(d)).letter());
            }
        }
        EvaluationTable custom = EvaluationTable.of("mine", standard.split(" "));
        assertEquals(EvaluationTable.berger1993(), custom);
        assertEquals("mine [QAAAO RIIIM RIIIM RIIIM RRRRQ]", custom.toString());
    }

    @Test
    void outputTableHasOneRowPerFeatureWithNamedColumns() {
        FeatureAnswers a = FeatureAnswers.ofCodes("F1", new byte[] {1, 2, 3}, new byte[] {5, 5, 3});
        Table t = KanoTables.toTable(Kano.withDefaults().analyze(KanoSurvey.of(a)));
        assertEquals(1, t.rowCount());
        assertEquals(List.of("feature", "n", "missing", "A", "O", "M", "I", "R", "Q", "category", "total_strength",
                "category_strength", "fong_difference", "fong_critical", "fong_significant", "better", "worse",
                "chi_square", "chi_square_p", "importance", "functional_mean", "functional_sd", "dysfunctional_mean",
                "dysfunctional_sd", "quadrant"), t.columnNames());
        assertEquals(1, t.doubleColumn("importance").countMissing());
        assertEquals("M", t.stringColumn("category").get(0));
    }

    @Test
    void worseIsPositiveZeroWithoutOneDimensionalOrMustBe() {
        FeatureResult r = Kano.withDefaults().evaluate("F", CategoryCounts.of(5, 0, 0, 3, 1, 0));
        assertEquals(0.0, r.worse());
        assertEquals(Double.doubleToLongBits(0.0), Double.doubleToLongBits(r.worse()));
    }

    @Test
    void chiSquarePValueMatchesTheClosedFormForThreeDegreesOfFreedom() {
        // stp25kano's "Service app": chi-square printed 72.49; the unrounded statistic is 5364/74.
        FeatureResult r = Kano.withDefaults().evaluate("Service app", CategoryCounts.of(45, 123, 95, 33, 0, 0));
        assertEquals(5364.0 / 74, r.chiSquare(), 1e-12);
        double x = 5364.0 / 74;
        // Closed form for 3 degrees of freedom: Q = erfc(sqrt(x/2)) + sqrt(2x/pi) exp(-x/2).
        double expected = org.apache.commons.math3.special.Erf.erfc(Math.sqrt(x / 2))
                + Math.sqrt(2 * x / Math.PI) * Math.exp(-x / 2);
        assertEquals(expected, r.chiSquarePValue(), 1e-12 * expected);
    }
}
