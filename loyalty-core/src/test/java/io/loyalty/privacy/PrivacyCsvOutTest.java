package io.loyalty.privacy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.loyalty.data.PeriodRule;
import io.loyalty.tablesaw.PrivacyTables;
import io.loyalty.testkit.CsvRoundTrip;
import java.time.Instant;
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

    /**
     * Issue 19: a DP cohort matrix whose span ends inside its last month marks that month's cells as the exact
     * cohort matrices do: {@code *} after the value in print and in the CSV, a note, the shares too.
     */
    @Test
    void dpCohortMatrixMarksTheIncompleteLastPeriod() {
        Instant from = Instant.parse("2024-01-01T00:00:00Z");
        long t = from.getEpochSecond();
        String[] ids = {"a", "a", "b", "c"};
        long[] times = {t, t + 40 * 86_400L, t + 35 * 86_400L, t + 70 * 86_400L};
        PrivacyBudget budget = PrivacyBudget.of(10, 0).withNoiseSource(new SplittableRandom(7));
        DpTable counts = DpCohorts.retention(ids, times, PeriodRule.months(), from,
                Instant.parse("2024-03-09T23:59:59Z"), 2, PrivacyCost.laplace(1), budget);
        DpTable shares = DpCohorts.shares(counts);
        for (DpTable table : List.of(counts, shares)) {
            assertTrue(table.lastPeriodIncomplete());
            // Rows are the cohorts 2024-01, -02, -03; their last cells (offsets 2, 1, 0) lie in March.
            for (int r = 0; r < 3; r++) {
                for (int c = 0; c < 3 - r; c++) {
                    assertEquals(c == 2 - r, table.isIncomplete(r, c), r + ", " + c);
                }
            }
            List<List<String>> csv = CsvRoundTrip.assertMatches(PrivacyTables.toTable(table), table::writeCsv);
            assertTrue(csv.get(1).get(9).endsWith("*") && !csv.get(1).get(5).endsWith("*"), csv.toString());
            assertTrue(csv.get(3).get(1).endsWith("*") && !csv.get(3).get(2).endsWith("*"), csv.toString());
            String text = table.toString();
            assertTrue(text.contains("* the period had not ended"), text);
            assertEquals(3, text.lines().filter(l -> l.matches("2024-0\\d .*\\d\\* .*")).count(), text);
        }
        // A span ending on the month's last second is complete; the dense path is marked on request.
        DpTable complete = DpCohorts.retention(ids, times, PeriodRule.months(), from,
                Instant.parse("2024-03-31T23:59:59Z"), 2, PrivacyCost.laplace(1), budget);
        assertFalse(complete.lastPeriodIncomplete() || complete.isIncomplete(2, 0));
        assertFalse(complete.toCsv().contains("*"), complete.toCsv());
        assertTrue(complete.withLastPeriodIncomplete().isIncomplete(2, 0));
        assertTrue(DpCohorts.lastPeriodIncomplete(PeriodRule.days(), Instant.parse("2024-03-09T23:59:58Z")));
        assertFalse(DpCohorts.lastPeriodIncomplete(PeriodRule.days(), Instant.parse("2024-03-09T23:59:59.5Z")));
        assertThrows(IllegalArgumentException.class, () -> DpCohorts.lastPeriodIncomplete(PeriodRule.days(),
                Instant.MAX));
        assertThrows(IllegalArgumentException.class, () -> counts.isIncomplete(3, 0));
    }

    /** Issue 19: a noisy value prints the digits its noise leaves meaningful. */
    @Test
    void noisyValuePrintsMeaningfulDigits() {
        assertEquals("41.3 ± 3.7 (95 % [34.0, 48.5])", new NoisyValue(41.2731, 3.71, 34.0, 48.5).toString());
        assertEquals("1234 ± 56 (95 % [1124, 1344])", new NoisyValue(1234.4, 56.2, 1124.2, 1344.4).toString());
        assertEquals("100 ± 0 (95 % [100, 100])", new NoisyValue(100, 0, 100, 100).toString());
    }
}
