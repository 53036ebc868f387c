package io.loyalty.clv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.loyalty.data.CalibrationHoldout;
import io.loyalty.data.PeriodRule;
import io.loyalty.data.Summarizer;
import io.loyalty.tablesaw.ChurnTables;
import io.loyalty.tablesaw.ClvTables;
import io.loyalty.tablesaw.ModelComparisonTables;
import io.loyalty.testkit.CsvRoundTrip;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every clv result table writes lossless CSV whose header is the Tablesaw adapter's column names. */
class ClvCsvOutTest {
    @Test
    void fitHoldoutAndIntervalsRoundTripAndMatchTablesaw(@TempDir Path dir) throws IOException {
        CalibrationHoldout split = Summarizer.of(PeriodRule.days().withUnit(7), LocalDate.of(1998, 6, 30))
                .calibrationHoldout(HoldoutValidationTest.cdnowSample(), LocalDate.of(1997, 9, 30));
        BetaGeoModel m = BetaGeoFitter.withDefaults().fit(split.calibration());
        FitSummary fit = m.fitSummary().orElseThrow();
        CsvRoundTrip.assertMatches(ClvTables.toTable(fit), fit::writeCsv);
        CsvRoundTrip.assertMatches(ClvTables.toTable("BG/NBD", fit.estimates()),
                w -> ParameterEstimate.writeCsv(fit.estimates(), w));
        String printed = fit.toString();
        assertTrue(printed.lines().anyMatch(l -> l.startsWith("parameter  estimate")), printed);
        assertFalse(printed.matches("(?s).*\\d\\.\\d{7,}.*"), "long fractions in print: " + printed);

        HoldoutValidation v = HoldoutValidation.of(m, split, 7);
        CsvRoundTrip.assertMatches(ClvTables.toTable(v), v::writeCsv);
        assertTrue(v.toString().contains("7+"), v.toString());

        CustomerIntervals p = ClvBootstrap.withDefaults().withDraws(20).probabilityAlive(m,
                split.calibration().frequencyAsDouble(), split.calibration().recency(), split.calibration().t());
        CsvRoundTrip.assertMatches(ChurnTables.toTable(p), p::writeCsv);
        assertTrue(p.toString().contains("... 2347 more rows"), p.toString());

        StringWriter w = new StringWriter();
        v.writeCsv(w);
        Path file = dir.resolve("holdout.csv");
        v.writeCsv(file);
        assertEquals(w.toString(), Files.readString(file));
    }

    @Test
    void modelComparisonRoundTripsWithFailedFitsAsEmptyCells() {
        ModelComparison.Result r = ModelComparisonTest.onlineRetail();
        List<List<String>> records = CsvRoundTrip.assertMatches(ModelComparisonTables.toTable(r), r::writeCsv);
        // BG/NBD failed on this boundary: its numbers are empty cells, its actual counts are still there.
        List<String> header = records.get(0);
        List<String> bg = records.get(1);
        assertEquals("FAILED", bg.get(header.indexOf("status")));
        assertEquals("", bg.get(header.indexOf("aic")));
        assertEquals(Long.toString(r.actualCounts()[0]), bg.get(header.indexOf("actual_0")));
    }
}
