package io.loyalty.privacy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.loyalty.tablesaw.PrivacyTables;
import io.loyalty.testkit.CsvRoundTrip;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The published privacy tables write lossless CSV whose header is the Tablesaw adapter's column names; a
 * suppressed cell reads {@value SuppressedTable#MARK} in the file and is missing in Tablesaw, never zero.
 */
class PrivacyCsvOutTest {
    @Test
    void suppressedTablesKeepTheirMarkAndTotals() {
        SuppressedTable t = SmallCellSuppression.withDefaults().cells("t, with a comma", List.of("a", "b", "c"),
                List.of("n", "mean"), new double[][] {{3, 1.0 / 3}, {50, 2.0 / 3}, {40, Math.PI}},
                new long[][] {{3, 3}, {50, 50}, {40, 40}}, true, false);
        List<List<String>> csv = CsvRoundTrip.assertMatches(PrivacyTables.toTable(t), t::writeCsv);
        assertEquals(List.of("row", "n", "mean", "Total"), csv.get(0));
        assertEquals(SuppressedTable.MARK, csv.get(1).get(1));
        assertEquals(Math.PI, Double.parseDouble(csv.get(3).get(2)));
        SuppressedTable counts = SmallCellSuppression.withDefaults().withK(2).counts("counts", List.of("r1", "r2"),
                List.of("c1", "c2"), new long[][] {{1, 5}, {6, 7}});
        CsvRoundTrip.assertMatches(PrivacyTables.toTable(counts), counts::writeCsv);
        assertEquals(t.toCsv(), CsvRoundTrip.parse(t.toCsv()).stream().map(r -> String.join(",", r))
                .reduce("", (a, b) -> a + b + "\n"));
        assertTrue(t.toString().startsWith("t, with a comma"), t.toString());
    }

    @Test
    void dpTablesRoundTripEveryNoisyDigit() {
        DpTable dp = DpAggregates.arms(new String[] {"a", "b", "c", "d", "e"}, new String[] {"x", "y", "x", "y", "x"},
                new double[] {1, 2, 3, 4, 9}, ValueRange.of(0, 10), Partitions.known(List.of("x", "y", "z")),
                PrivacyCost.laplace(1), PrivacyBudget.of(1e6, 0.5).withNoiseSource(new SplittableRandom(42)));
        CsvRoundTrip.assertMatches(PrivacyTables.toTable(dp), dp::writeCsv);
        assertTrue(dp.toCsv().startsWith("row,"), dp.toCsv());
    }
}
