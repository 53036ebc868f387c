package io.loyalty.kano;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.loyalty.tablesaw.KanoTables;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.Table;

/**
 * The raw Reppel (2022) answers ({@code kano/transfers--all_cohorts-clean.csv}, GPL-3, see the README there)
 * through the whole pipeline: labels, Q-diagonal table, (O+A+M) rule; the counts, categories, Better/Worse and
 * mean importance the author published for the six transfer features.
 */
class ReppelSurveyTest {
    private static final List<String> NAMES = List.of("Anonymous transfers", "Convenient transfers",
            "Reliable transfers", "Responsive transfers", "Secure transfers", "Transparent transfers");

    private static KanoSurvey transfers() {
        Table t = TestData.surveyTable("transfers--all_cohorts-clean.csv");
        return KanoTables.survey(t, AnswerVocabulary.standard()).withFeatureNames(NAMES);
    }

    @Test
    void countsCategoriesBetterWorseAndImportanceMatchThePublishedTable() {
        KanoAnalysis a = Kano.withDefaults().withTable(EvaluationTable.qDiagonal())
                .withRule(ClassificationRule.FUNCTIONAL_VS_INDIFFERENT).analyze(transfers());
        assertEquals(358, a.respondents());
        int checked = 0;
        for (Map<String, String> row : TestData.csv("published_cases.csv")) {
            if (!row.get("case").equals("reppl-2022-transfers")) {
                continue;
            }
            FeatureResult r = a.feature(row.get("feature"));
            CategoryCounts c = r.counts();
            String what = r.feature();
            assertEquals(Double.parseDouble(row.get("A")), c.attractive(), 0, what);
            assertEquals(Double.parseDouble(row.get("O")), c.oneDimensional(), 0, what);
            assertEquals(Double.parseDouble(row.get("M")), c.mustBe(), 0, what);
            assertEquals(Double.parseDouble(row.get("I")), c.indifferent(), 0, what);
            assertEquals(Double.parseDouble(row.get("R")), c.reverse(), 0, what);
            assertEquals(Double.parseDouble(row.get("Q")), c.questionable(), 0, what);
            assertEquals(0, r.missing());
            assertEquals(row.get("rule_category").charAt(0), r.category().letter(), what);
            assertEquals(Double.parseDouble(row.get("better")), r.better(), 0.5e-7, what);
            assertEquals(Double.parseDouble(row.get("worse")), r.worse(), 0.5e-7, what);
            assertEquals(Double.parseDouble(row.get("importance_mean")), r.meanImportance().getAsDouble(), 0.5e-6,
                    what);
            assertEquals(358, r.importanceAnswers());
            checked++;
        }
        assertEquals(6, checked);
    }

    @Test
    void standardTableMovesTheDiagonalPairsFromQToI() {
        FeatureResult r = Kano.withDefaults().analyze(transfers()).feature("Anonymous transfers");
        assertEquals(CategoryCounts.of(91, 19, 9, 177, 49, 13), r.counts());
    }

    @Test
    void theFourStorageWordingsAreReadByMeaning() {
        for (int cohort = 1; cohort <= 4; cohort++) {
            Table t = TestData.surveyTable("storage--cohort" + cohort + "-clean.csv");
            KanoSurvey s = KanoTables.survey(t, AnswerVocabulary.standard());
            assertEquals(List.of("F1_", "F2_", "F3_", "F4_", "F5_"),
                    s.features().stream().map(FeatureAnswers::name).toList());
            KanoAnalysis a = Kano.withDefaults().analyze(s);
            for (FeatureResult r : a.features()) {
                assertEquals(t.rowCount(), r.n(), 0);
                assertTrue(r.meanImportance().isPresent());
            }
        }
    }

    @Test
    void segmentsPartitionTheOverallCounts() {
        Table t = TestData.surveyTable("transfers--all_cohorts-clean.csv");
        KanoSurvey s = transfers().withSegments(KanoTables.segments(t, "Gender"));
        Kano kano = Kano.withDefaults();
        Map<String, KanoAnalysis> by = kano.analyzeBySegment(s);
        assertEquals(List.of("female", "male", "non_binary"), List.copyOf(by.keySet()));
        KanoAnalysis all = kano.analyze(s);
        for (FeatureResult r : all.features()) {
            for (Category c : Category.values()) {
                double sum = by.values().stream().mapToDouble(a -> a.feature(r.feature()).counts().get(c)).sum();
                assertEquals(r.counts().get(c), sum, 0, r.feature() + " " + c);
            }
        }
        Table out = KanoTables.toTable(by);
        assertEquals(3 * 6, out.rowCount());
        assertEquals("segment", out.column(0).name());
    }
}
