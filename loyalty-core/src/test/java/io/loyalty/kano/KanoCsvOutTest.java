package io.loyalty.kano;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.loyalty.tablesaw.KanoTables;
import io.loyalty.testkit.CsvRoundTrip;
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
}
