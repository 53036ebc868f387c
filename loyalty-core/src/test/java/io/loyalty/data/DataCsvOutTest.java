package io.loyalty.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.loyalty.tablesaw.DataTables;
import io.loyalty.testkit.CsvRoundTrip;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Customer summaries and calibration/holdout splits write lossless CSV whose header is the Tablesaw adapter's
 * column names, recency and age named with the rule's unit.
 */
class DataCsvOutTest {
    private static final LocalDate END = LocalDate.of(1998, 6, 30);

    @Test
    void summariesAndSplitsRoundTripWithTheUnitInTheirNames() {
        List<Transaction> tx = CdnowFixture.sampleTransactions();
        Summarizer weeks = Summarizer.of(PeriodRule.days().withUnit(7), END);
        CustomerSummaries s = weeks.summarize(tx);
        List<List<String>> csv = CsvRoundTrip.assertMatches(DataTables.toTable(s), s::writeCsv);
        assertEquals(List.of("customer_id", "frequency", "recency_weeks", "T_weeks", "mean_repeat_amount",
                "first_purchase", "last_purchase", "transactions", "revenue"), csv.get(0));
        CalibrationHoldout split = weeks.calibrationHoldout(tx, LocalDate.of(1997, 9, 30));
        CsvRoundTrip.assertMatches(DataTables.toTable(split), split::writeCsv);
        CustomerSummaries days = Summarizer.of(PeriodRule.days(), END).summarize(tx);
        assertTrue(DataTables.toTable(days).columnNames().contains("recency_days"));
        assertTrue(s.toString().contains("recency_weeks") && s.toString().contains("more rows"), s.toString());
    }

    @Test
    void unitNamesFollowTheRule() {
        assertEquals("days", PeriodRule.days().unitName());
        assertEquals("weeks", PeriodRule.days().withUnit(7).unitName());
        assertEquals("weeks", PeriodRule.weeks(ZoneOffset.UTC).unitName());
        assertEquals("months", PeriodRule.months().unitName());
        assertEquals("quarters", PeriodRule.months().withUnit(3).unitName());
        assertEquals("years", PeriodRule.quarters().withUnit(4).unitName());
        assertEquals("hours", PeriodRule.every(java.time.Duration.ofHours(1)).unitName());
        assertEquals("days", PeriodRule.every(java.time.Duration.ofHours(1)).withUnit(24).unitName());
        assertEquals("periods", PeriodRule.days().withUnit(30).unitName());
    }
}
