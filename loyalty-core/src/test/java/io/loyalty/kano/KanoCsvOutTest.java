package io.loyalty.kano;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.loyalty.tablesaw.KanoTables;
import io.loyalty.testkit.CsvRoundTrip;
import java.io.StringWriter;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The Kano analysis writes lossless CSV whose header is the Tablesaw adapter's column names. */
class KanoCsvOutTest {
    @Test
    void analysisRoundTripsAndMatchesTablesaw() {
        KanoAnalysis analysis = Kano.withDefaults().analyze(KanoTables.survey(
                TestData.surveyTable("transfers--all_cohorts-clean.csv"), AnswerVocabulary.standard()));
        CsvRoundTrip.assertMatches(KanoTables.toTable(analysis), analysis::writeCsv);
        // A feature without importance or continuous scores leaves those cells empty.
        KanoAnalysis bare = Kano.withDefaults().analyze(KanoSurvey.of(
                FeatureAnswers.ofCodes("F1", new byte[] {1, 2, 3}, new byte[] {5, 5, 3})));
        CsvRoundTrip.assertMatches(KanoTables.toTable(bare), bare::writeCsv);
        String text = analysis.toString();
        assertTrue(text.startsWith("Kano analysis: ") && text.contains("category_strength"), text);
    }

    @Test
    void priorityAndSegmentTablesRoundTripAndMatchTablesaw() {
        KanoSurvey survey = KanoTables.survey(TestData.surveyTable("transfers--all_cohorts-clean.csv"),
                AnswerVocabulary.standard());
        KanoAnalysis analysis = Kano.withDefaults().analyze(survey);
        for (PriorityOrder order : PriorityOrder.values()) {
            CsvRoundTrip.assertMatches(KanoTables.toPriorityTable(analysis, order),
                    out -> analysis.writePriorityCsv(order, out));
        }
        String[] segments = new String[survey.respondents()];
        for (int i = 0; i < segments.length; i++) {
            segments[i] = i % 3 == 0 ? "new, \"trial\"" : "returning";
        }
        Map<String, KanoAnalysis> bySegment = Kano.withDefaults().analyzeBySegment(survey.withSegments(segments));
        CsvRoundTrip.assertMatches(KanoTables.toTable(bySegment), out -> KanoAnalysis.writeCsv(bySegment, out));
        assertThrows(IllegalArgumentException.class, () -> KanoAnalysis.writeCsv(Map.of(), new StringWriter()));
    }
}
