package io.loyalty.cohort;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.loyalty.tablesaw.CohortTables;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.DateColumn;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/** The Tablesaw adapter of the cohort family. */
class CohortTablesTest {
    private static Table transactions() {
        return Table.create("t",
                StringColumn.create("customer", "A", "A", "B", "C"),
                DateColumn.create("day", List.of(LocalDate.of(2024, 1, 5), LocalDate.of(2024, 3, 2),
                        LocalDate.of(2024, 1, 10), LocalDate.of(2024, 2, 1))),
                DoubleColumn.create("amount", 10, 5, 7, 4));
    }

    @Test
    void matricesComeOutAsARaggedTable() {
        CohortMatrices m = CohortTables.matrices(transactions(), "customer", "day", "amount",
                Cohorts.of(CohortPeriod.MONTH, ZoneOffset.UTC));
        Table t = CohortTables.toTable(m, CohortMatrices.Measure.RETURN_ON_COUNT);
        assertEquals(List.of("cohort", "size", "month_0", "month_1", "month_2"), t.columnNames());
        assertEquals(2.0, t.doubleColumn("month_0").get(0));
        assertEquals(1.0, t.doubleColumn("month_2").get(0));
        assertTrue(t.doubleColumn("month_2").isMissing(1), "cell past the data end is missing");
    }

    @Test
    void survivalCurvesAndChurnComeThrough() {
        ChurnDurations d = CohortTables.churn(transactions(), "customer", "day",
                ChurnRule.inactivityDays(20, ZoneOffset.UTC));
        assertEquals(3, d.size());
        Table t = CohortTables.toTable(KaplanMeier.withDefaults().fit(d));
        assertEquals(List.of("time_days", "n_risk", "n_event", "n_censor", "survival", "std_err", "lower", "upper"),
                t.columnNames());
    }

    @Test
    void bracketsChurnLogRankAndSbgComeOutAsTables() {
        CohortMatrices m = CohortTables.matrices(transactions(), "customer", "day", "amount",
                Cohorts.of(CohortPeriod.MONTH, ZoneOffset.UTC).withBrackets(Bracket.of(1, 1), Bracket.of(2, 5)));
        Table b = CohortTables.bracketTable(m, false);
        assertEquals(List.of("cohort", "size", "month_1", "month_2-5"), b.columnNames());
        assertEquals(0.0, b.doubleColumn("month_1").get(0));
        assertEquals(1.0, b.doubleColumn("month_2-5").get(0));
        assertTrue(b.doubleColumn("month_2-5").isMissing(1), "bracket past the data end is missing");

        ChurnDurations d = CohortTables.churn(transactions(), "customer", "day",
                ChurnRule.inactivityDays(20, ZoneOffset.UTC));
        Table dt = CohortTables.toTable(d);
        assertEquals(List.of("customer_id", "first_purchase", "duration_days", "churned"), dt.columnNames());
        assertEquals(3, dt.rowCount());
        assertEquals(LocalDate.of(2024, 1, 5), dt.dateColumn("first_purchase").get(0));
        Table rt = CohortTables.toTable(d.churnRates(CohortPeriod.MONTH));
        assertEquals(List.of("period", "at_risk", "churned", "rate"), rt.columnNames());
        assertEquals(d.churnRates(CohortPeriod.MONTH).labels().size(), rt.rowCount());

        LogRankTest lr = KaplanMeier.logRank(new double[] {1, 2, 3, 4}, new boolean[] {true, true, true, true},
                new String[] {"a", "b", "a", "b"});
        Table lt = CohortTables.toTable(lr);
        assertEquals(List.of("group", "n", "observed", "expected"), lt.columnNames());
        assertEquals(lr.expected()[1], lt.doubleColumn("expected").get(1));

        SbgModel model = SbgModel.of(0.668, 3.806);
        Table pt = CohortTables.projection(model, 1000, 12);
        assertEquals(13, pt.rowCount());
        assertEquals(model.projectAlive(1000, 12)[12], pt.doubleColumn("alive").get(12));
        assertTrue(pt.doubleColumn("retention_rate").isMissing(0));
        assertEquals(model.retentionRate(3), pt.doubleColumn("retention_rate").get(3));
    }

    /** The cells of a table column: its doubles, NaN where missing. */
    private static double[] cells(Table t, String column) {
        double[] out = new double[t.rowCount()];
        for (int i = 0; i < out.length; i++) {
            out[i] = t.numberColumn(column).isMissing(i) ? Double.NaN : t.numberColumn(column).getDouble(i);
        }
        return out;
    }

    /**
     * Every cell of every table against the hand count. Customers A (2024-01-05: 10, 2024-03-02: 5), B
     * (2024-01-10: 7) and C (2024-02-01: 4); monthly cohorts 2024-01 = {A, B} and 2024-02 = {C}; the data end is
     * the last transaction, 2024-03-02, so the January row has offsets 0..2 and the February row 0..1.
     */
    @Test
    void everyMatrixCellMatchesTheHandCount() {
        CohortMatrices m = CohortTables.matrices(transactions(), "customer", "day", "amount",
                Cohorts.of(CohortPeriod.MONTH, ZoneOffset.UTC).withBrackets(Bracket.of(1, 1), Bracket.of(2, 5)));
        double nan = Double.NaN;
        Map<CohortMatrices.Measure, double[][]> expected = Map.of(
                CohortMatrices.Measure.RETURN_ON_COUNT, new double[][] {{2, 0, 1}, {1, 0, nan}},
                CohortMatrices.Measure.RETURN_ON_SHARE, new double[][] {{1, 0, 0.5}, {1, 0, nan}},
                CohortMatrices.Measure.RETURN_ON_OR_AFTER_COUNT, new double[][] {{2, 1, 1}, {1, 0, nan}},
                CohortMatrices.Measure.RETURN_ON_OR_AFTER_SHARE, new double[][] {{1, 0.5, 0.5}, {1, 0, nan}},
                CohortMatrices.Measure.REVENUE, new double[][] {{17, 0, 5}, {4, 0, nan}},
                CohortMatrices.Measure.CUMULATIVE_REVENUE_PER_CUSTOMER, new double[][] {{8.5, 8.5, 11}, {4, 4, nan}},
                CohortMatrices.Measure.NET_REVENUE_RETENTION, new double[][] {{1, 0, 5.0 / 17}, {1, 0, nan}});
        for (CohortMatrices.Measure measure : CohortMatrices.Measure.values()) {
            Table t = CohortTables.toTable(m, measure);
            assertEquals(List.of("2024-01", "2024-02"), t.stringColumn("cohort").asList(), measure.name());
            assertArrayEquals(new double[] {2, 1}, cells(t, "size"), measure.name());
            for (int k = 0; k < 3; k++) {
                double[] column = {expected.get(measure)[0][k], expected.get(measure)[1][k]};
                assertArrayEquals(column, cells(t, "month_" + k), measure + " offset " + k);
            }
        }
        Table counts = CohortTables.bracketTable(m, false);
        assertArrayEquals(new double[] {0, 0}, cells(counts, "month_1"));
        assertArrayEquals(new double[] {1, nan}, cells(counts, "month_2-5"));
        Table shares = CohortTables.bracketTable(m, true);
        assertArrayEquals(new double[] {0, 0}, cells(shares, "month_1"));
        assertArrayEquals(new double[] {0.5, nan}, cells(shares, "month_2-5"));
    }

    /**
     * Churn with a 40-day gap, last day 2024-03-02: A lapses after 2024-01-05 (57 days to its next purchase), B
     * after 2024-01-10 (2024-02-19 is within the data); C (2024-02-01) is censored after 30 days.
     */
    @Test
    void churnSurvivalRatesLogRankAndSbgTablesHoldTheCoreValues() {
        ChurnDurations d = CohortTables.churn(transactions(), "customer", "day",
                ChurnRule.inactivityDays(40, ZoneOffset.UTC));
        Table dt = CohortTables.toTable(d);
        assertEquals(List.of("A", "B", "C"), dt.stringColumn("customer_id").asList());
        assertEquals(List.of(LocalDate.of(2024, 1, 5), LocalDate.of(2024, 1, 10), LocalDate.of(2024, 2, 1)),
                dt.dateColumn("first_purchase").asList());
        assertArrayEquals(new double[] {0, 0, 30}, cells(dt, "duration_days"));
        assertEquals(List.of(true, true, false), dt.booleanColumn("churned").asList());

        SurvivalCurve curve = KaplanMeier.withDefaults().fit(d);
        Table kt = CohortTables.toTable(curve);
        assertArrayEquals(curve.times(), cells(kt, "time_days"));
        assertArrayEquals(Arrays.stream(curve.atRisk()).asDoubleStream().toArray(), cells(kt, "n_risk"));
        assertArrayEquals(Arrays.stream(curve.events()).asDoubleStream().toArray(), cells(kt, "n_event"));
        assertArrayEquals(Arrays.stream(curve.censored()).asDoubleStream().toArray(), cells(kt, "n_censor"));
        assertArrayEquals(curve.survival(), cells(kt, "survival"));
        assertArrayEquals(curve.standardError(), cells(kt, "std_err"));
        assertArrayEquals(curve.lower(), cells(kt, "lower"));
        assertArrayEquals(curve.upper(), cells(kt, "upper"));
        // Two of three churn at time 0, the third is censored at 30.
        assertEquals(0, kt.doubleColumn("time_days").get(0));
        assertEquals(1.0 / 3, kt.doubleColumn("survival").get(0), 1e-15);

        ChurnRates rates = d.churnRates(CohortPeriod.MONTH);
        Table rt = CohortTables.toTable(rates);
        assertEquals(rates.labels(), rt.stringColumn("period").asList());
        assertArrayEquals(Arrays.stream(rates.atRisk()).asDoubleStream().toArray(), cells(rt, "at_risk"));
        assertArrayEquals(Arrays.stream(rates.churned()).asDoubleStream().toArray(), cells(rt, "churned"));
        assertArrayEquals(rates.rates(), cells(rt, "rate"));

        LogRankTest lr = KaplanMeier.logRank(new double[] {1, 2, 3, 4}, new boolean[] {true, true, true, true},
                new String[] {"a", "b", "a", "b"});
        Table lt = CohortTables.toTable(lr);
        assertEquals(lr.groups(), lt.stringColumn("group").asList());
        assertArrayEquals(Arrays.stream(lr.n()).asDoubleStream().toArray(), cells(lt, "n"));
        assertArrayEquals(lr.observed(), cells(lt, "observed"));
        assertArrayEquals(lr.expected(), cells(lt, "expected"));

        // sBG with the published High End parameters; reference values from mpmath 1.3.0 at 30 digits,
        // 1000 * beta(a, b + t) / beta(a, b) with a = 0.668, b = 3.806 (resources/cohort/README.md).
        SbgModel model = SbgModel.of(0.668, 3.806);
        Table pt = CohortTables.projection(model, 1000, 12);
        double[] reference = {1000.0, 850.692892266, 746.881629564, 669.81692018, 609.951024719, 561.868975567,
            522.252290357, 488.944620894, 460.478958809, 435.819671934, 414.213056166, 395.096411043,
            378.040420182};
        for (int t = 0; t <= 12; t++) {
            assertEquals(t, pt.intColumn("t_periods").get(t));
            assertEquals(reference[t], pt.doubleColumn("alive").get(t), 1e-9 * reference[t], "t = " + t);
            assertEquals(reference[t] / 1000, pt.doubleColumn("survival").get(t), 1e-12, "t = " + t);
            if (t > 0) {
                assertEquals(reference[t] / reference[t - 1], pt.doubleColumn("retention_rate").get(t), 1e-11,
                        "t = " + t);
            }
        }
    }

    @Test
    void aMissingColumnIsNamed() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> CohortTables.matrices(
                transactions(), "customer", "when", "amount", Cohorts.of(CohortPeriod.MONTH, ZoneOffset.UTC)));
        assertTrue(e.getMessage().contains("when"), e.getMessage());
    }
}
