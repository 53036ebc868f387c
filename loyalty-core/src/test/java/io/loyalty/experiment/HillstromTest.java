package io.loyalty.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.loyalty.tablesaw.ExperimentTables;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.Table;

/** The Hillstrom readout through the Tablesaw adapter: published summary figures and readout invariants. */
class HillstromTest {
    private static Table data;

    @BeforeAll
    static void read() throws IOException {
        data = HillstromData.table();
    }

    @Test
    void publishedFigures() {
        SegmentedSummaries visit = ExperimentTables.summaries(data, "segment", "visit");
        assertEquals(List.of("Mens E-Mail", "No E-Mail", "Womens E-Mail"), visit.arms());
        assertEquals(21_307, visit.arm(0).n());
        assertEquals(21_306, visit.arm(1).n());
        assertEquals(21_387, visit.arm(2).n());
        ArmSummary all = visit.arm(0).combine(visit.arm(1)).combine(visit.arm(2));
        assertEquals(0.14678, all.mean(), 5e-6);
        SegmentedSummaries conversion = ExperimentTables.summaries(data, "segment", "conversion");
        assertEquals(0.00903, conversion.arm(0).combine(conversion.arm(1)).combine(conversion.arm(2)).mean(), 5e-6);
        SegmentedSummaries spend = ExperimentTables.summaries(data, "segment", "history_segment", "spend");
        assertEquals(7, spend.segments().size());
        assertEquals(1.05091, spend.arm(0).combine(spend.arm(1)).combine(spend.arm(2)).mean(), 5e-6);
        SampleRatioCheck srm = Assignment.sampleRatioCheck(new long[] {visit.arm(0).n(), visit.arm(1).n(),
            visit.arm(2).n()}, new double[] {1, 1, 1}, Assignment.SRM_THRESHOLD);
        assertFalse(srm.mismatch());
    }

    @Test
    void womensEmailLiftsVisits() {
        SegmentedSummaries visit = ExperimentTables.summaries(data, "segment", "visit");
        ArmSummary w = visit.arm(2);
        ArmSummary c = visit.arm(1);
        Comparison cmp = Proportions.compare("Womens E-Mail vs No E-Mail", "visit rate", Math.round(w.total()), w.n(),
                Math.round(c.total()), c.n(), 0.95);
        assertEquals("Womens E-Mail vs No E-Mail: visit rate +4.52 pp (95 % CI +3.89 to +5.16), p < 1e-40, "
                + "significant", cmp.toString());
        // The uncorrected chi-square of prop.test is the square of the z statistic.
        ChiSquareTest.Result chi = ChiSquareTest.withDefaults().withContinuityCorrection(false)
                .equalProportions(new long[] {Math.round(w.total()), Math.round(c.total())}, new long[] {w.n(), c.n()});
        double z = Proportions.zStatistic(Math.round(w.total()), w.n(), Math.round(c.total()), c.n());
        assertEquals(z * z, chi.statistic(), 1e-9 * chi.statistic());
        assertTrue(ExperimentTables.toTable(List.of(cmp)).rowCount() == 1);
        assertEquals(21, ExperimentTables.toTable(ExperimentTables.summaries(data, "segment", "history_segment",
                "visit")).rowCount());
    }
}
