package io.loyalty.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.loyalty.tablesaw.ExperimentTables;
import io.loyalty.testkit.CsvRoundTrip;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.Table;

/**
 * The experiment result tables (segmented summaries, comparisons, sequential designs) write lossless CSV whose
 * header is the Tablesaw adapter's column names where there is one.
 */
class ExperimentCsvOutTest {
    @Test
    void summariesAndComparisonsRoundTripAndMatchTablesaw() throws Exception {
        Table hillstrom = HillstromData.table();
        SegmentedSummaries s = ExperimentTables.summaries(hillstrom, "segment", "history_segment", "spend");
        CsvRoundTrip.assertMatches(ExperimentTables.toTable(s), s::writeCsv);
        List<Comparison> comparisons = new ArrayList<>();
        for (int a = 1; a < s.arms().size(); a++) {
            comparisons.add(Means.compare(s.arms().get(a) + " vs " + s.arms().get(0), "spend, $", s.arm(a), s.arm(0),
                    0.95));
        }
        comparisons.add(Proportions.compare("b vs a", "conversion", 13, 1000, 7, 1000, 0.9));
        CsvRoundTrip.assertMatches(ExperimentTables.toTable(comparisons), out -> Comparison.writeCsv(comparisons,
                out));
        assertTrue(s.toString().startsWith("arm "), s.toString());
        Path file = Files.createTempFile("comparisons", ".csv");
        try {
            Comparison.writeCsv(comparisons, file);
            StringWriter w = new StringWriter();
            Comparison.writeCsv(comparisons, w);
            assertEquals(w.toString(), Files.readString(file));
        } finally {
            Files.delete(file);
        }
    }

    @Test
    void sequentialDesignsRoundTrip() {
        SequentialDesign d = GroupSequential.design(GroupSequential.Type.OBRIEN_FLEMING_SPENDING, 0.025, 4);
        StringWriter out = new StringWriter();
        d.writeCsv(out);
        List<List<String>> csv = CsvRoundTrip.parse(out.toString());
        assertEquals(List.of("look", "information", "critical_z", "alpha_spent"), csv.get(0));
        for (int k = 0; k < 4; k++) {
            assertEquals(d.criticalValues()[k], Double.parseDouble(csv.get(k + 1).get(2)));
            assertEquals(d.cumulativeAlphaSpent()[k], Double.parseDouble(csv.get(k + 1).get(3)));
            assertEquals(d.informationRates()[k], Double.parseDouble(csv.get(k + 1).get(1)));
        }
        assertTrue(d.toString().contains("critical_z"), d.toString());
    }
}
