package io.loyalty.cohort;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.loyalty.tablesaw.CohortTables;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
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
        assertEquals(List.of("cohort", "size", "0", "1", "2"), t.columnNames());
        assertEquals(2.0, t.doubleColumn("0").get(0));
        assertEquals(1.0, t.doubleColumn("2").get(0));
        assertTrue(t.doubleColumn("2").isMissing(1), "cell past the data end is missing");
    }

    @Test
    void survivalCurvesAndChurnComeThrough() {
        ChurnDurations d = CohortTables.churn(transactions(), "customer", "day",
                ChurnRule.inactivityDays(20, ZoneOffset.UTC));
        assertEquals(3, d.size());
        Table t = CohortTables.toTable(KaplanMeier.withDefaults().fit(d));
        assertEquals(List.of("time", "n_risk", "n_event", "n_censor", "survival", "std_err", "lower", "upper"),
                t.columnNames());
    }

    @Test
    void bracketsChurnLogRankAndSbgComeOutAsTables() {
        CohortMatrices m = CohortTables.matrices(transactions(), "customer", "day", "amount",
                Cohorts.of(CohortPeriod.MONTH, ZoneOffset.UTC).withBrackets(Bracket.of(1, 1), Bracket.of(2, 5)));
        Table b = CohortTables.bracketTable(m, false);
        assertEquals(List.of("cohort", "size", "1", "2-5"), b.columnNames());
        assertEquals(0.0, b.doubleColumn("1").get(0));
        assertEquals(1.0, b.doubleColumn("2-5").get(0));
        assertTrue(b.doubleColumn("2-5").isMissing(1), "bracket past the data end is missing");

        ChurnDurations d = CohortTables.churn(transactions(), "customer", "day",
                ChurnRule.inactivityDays(20, ZoneOffset.UTC));
        Table dt = CohortTables.toTable(d);
        assertEquals(List.of("customer_id", "first_purchase", "duration", "churned"), dt.columnNames());
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

    @Test
    void aMissingColumnIsNamed() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> CohortTables.matrices(
                transactions(), "customer", "when", "amount", Cohorts.of(CohortPeriod.MONTH, ZoneOffset.UTC)));
        assertTrue(e.getMessage().contains("when"), e.getMessage());
    }
}
