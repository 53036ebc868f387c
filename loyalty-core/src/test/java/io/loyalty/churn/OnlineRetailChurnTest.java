package io.loyalty.churn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.loyalty.data.CalibrationHoldout;
import io.loyalty.data.CustomerSummaries;
import io.loyalty.rfm.RfmScorer;
import io.loyalty.rfm.RfmScores;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The figures of docs/clv.md's "churn early-warning list" section, reproduced from the Online Retail orders (test
 * resource churn/online_retail_orders.csv.gz, CC BY 4.0): calibration to 2011-09-09, holdout to 2011-12-09, daily
 * periods in weeks. BG/NBD has no proper maximum on the calibration window, so the list runs in its fallback.
 */
class OnlineRetailChurnTest {
    @Test
    void listMeasuredOnTheHoldoutBesideTheRecencyBaseline() {
        CalibrationHoldout split = OnlineRetailData.summarizer().calibrationHoldout(OnlineRetailData.orders(),
                OnlineRetailData.CALIBRATION_END);
        WarningEvaluation e = ChurnWarning.withDefaults().evaluate(split);
        assertTrue(e.fallback());
        assertEquals(3370, e.customers());
        assertEquals(1449, e.nonBuyers());
        assertEquals(1572, e.listed());
        assertEquals(925, e.listedNonBuyers());
        assertEquals(925.0 / 1572, e.precision(), 0);
        assertEquals(925.0 / 1449, e.recall(), 0);
        assertEquals(907.0 / 1572, e.baselinePrecision(), 1e-15);
        assertEquals(0.6753718032037748, e.auc(), 1e-12);
        assertEquals(0.6834080047306854, e.baselineAuc(), 1e-12);
        assertEquals(String.join("\n",
                "3,370 customers, 1,449 (43.0%) without a purchase in the holdout; list in the fallback (degenerate fit)",
                "list              listed  listed_non_buyers  precision  recall  lift    auc",
                "warning list        1572                925      0.588   0.638  1.37  0.675",
                "recency baseline    1572                907      0.577   0.626  1.34  0.683"),
                e.toString().lines().skip(1).reduce((a, b) -> a + "\n" + b).orElseThrow());
        // Issue 19: the same table as CSV, full precision.
        java.io.StringWriter csv = new java.io.StringWriter();
        e.writeCsv(csv);
        List<String> lines = csv.toString().lines().toList();
        assertEquals(List.of("list,listed,listed_non_buyers,precision,recall,lift,auc"), lines.subList(0, 1));
        assertTrue(lines.get(1).startsWith("warning list,1572,925," + io.loyalty.internal.CsvWriter.number(
                e.precision()) + ","), lines.get(1));
        assertTrue(lines.get(2).endsWith("," + io.loyalty.internal.CsvWriter.number(e.baselineAuc())), lines.get(2));
        assertEquals(907, e.baselineListedNonBuyers());
        io.loyalty.testkit.CsvRoundTrip.assertMatches(io.loyalty.tablesaw.ChurnTables.toTable(e), e::writeCsv);
    }

    @Test
    void listAtTheObservationEndWithMovementSinceTheCalibrationEnd() {
        CalibrationHoldout split = OnlineRetailData.summarizer().calibrationHoldout(OnlineRetailData.orders(),
                OnlineRetailData.CALIBRATION_END);
        CustomerSummaries now = OnlineRetailData.summarizer().summarize(OnlineRetailData.orders());
        RfmScores before = RfmScorer.withDefaults().score(split.calibration(), OnlineRetailData.CALIBRATION_END);
        WarningList list = ChurnWarning.withDefaults().withLimit(10).list(now, before);
        assertTrue(list.fallback());
        assertEquals(4339, list.customers());
        assertEquals(1952, list.listed());
        assertEquals("16029", list.get(0).customerId());
    }

    /** Issue 19: the printed list reads in a terminal: lines of at most 120 characters, reasons in words. */
    @Test
    void printedListIsNarrowWithReasonsInWordsAndUnitsInTheHeader() {
        CalibrationHoldout split = OnlineRetailData.summarizer().calibrationHoldout(OnlineRetailData.orders(),
                OnlineRetailData.CALIBRATION_END);
        CustomerSummaries now = OnlineRetailData.summarizer().summarize(OnlineRetailData.orders());
        RfmScores before = RfmScorer.withDefaults().score(split.calibration(), OnlineRetailData.CALIBRATION_END);
        WarningList list = ChurnWarning.withDefaults().withLimit(1000).list(now, before);
        String text = list.toString();
        for (String line : text.lines().toList()) {
            assertTrue(line.length() <= 120, line.length() + " characters: " + line);
        }
        String header = text.lines().filter(l -> l.startsWith("rank")).findFirst().orElseThrow();
        for (String column : new String[] {"id", "P(alive)", "95% CI", "at risk", "idle days", "overdue",
            "segment", "reasons"}) {
            assertTrue(header.contains(column), header);
        }
        assertTrue(text.contains("overdue; at-risk segment; RFM down"), text);
        for (Reason r : Reason.values()) {
            assertTrue(!text.contains(r.name()), r.name() + " printed as a code: " + text);
        }
        // The CSV keeps every column and the codes, one line per row.
        java.io.StringWriter csv = new java.io.StringWriter();
        list.writeCsv(csv);
        List<String> lines = csv.toString().lines().toList();
        assertEquals(WarningList.CSV_HEADER, lines.get(0));
        assertEquals(1001, lines.size());
        assertTrue(lines.get(1).endsWith(",Potential Loyalist,Champions,OVERDUE;SEGMENT_DOWNGRADE"), lines.get(1));
    }
}
