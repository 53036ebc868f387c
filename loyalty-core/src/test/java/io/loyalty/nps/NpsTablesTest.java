package io.loyalty.nps;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.loyalty.tablesaw.NpsTables;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.ColumnType;
import tech.tablesaw.api.DateColumn;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.io.csv.CsvReadOptions;

class NpsTablesTest {

    private static Table testData() throws Exception {
        ColumnType[] types = {ColumnType.INTEGER, ColumnType.DOUBLE, ColumnType.DOUBLE, ColumnType.DOUBLE,
            ColumnType.DOUBLE, ColumnType.STRING, ColumnType.STRING, ColumnType.LOCAL_DATE, ColumnType.STRING,
            ColumnType.STRING};
        return Table.read().usingOptions(CsvReadOptions.builder(
                NpsTablesTest.class.getResourceAsStream("/nps/NPS_testdata.csv")).columnTypes(types).build());
    }

    @Test
    void breakdownsFromATable() throws Exception {
        Table t = testData();
        NpsBreakdown q = NpsTables.byPeriod(t, "REC", "date", NpsPeriod.QUARTER, NpsCalculator.withDefaults());
        assertEquals(0.0843, q.row("2012-Q2").nps().score(), 5e-5);
        NpsBreakdown bu = NpsTables.bySegment(t, "REC", "BU", NpsCalculator.withDefaults());
        Table out = NpsTables.toTable(bu);
        assertEquals(4, out.rowCount());
        assertEquals(14.8, out.doubleColumn("nps").get(out.stringColumn("BU").indexOf("Apples")), 1e-9);
        assertEquals(4.8, out.doubleColumn("vs_overall").get(out.stringColumn("BU").indexOf("Apples")), 1e-9);
        assertEquals(out.booleanColumn("differs_from_rest").asList(),
                out.booleanColumn("differs_from_overall").asList());
        assertEquals(1000, t.rowCount());
        Table byQuarter = NpsTables.toTable(q);
        assertTrue(byQuarter.doubleColumn("vs_previous").isMissing(0));
    }

    @Test
    void badCellsNameColumnAndRow() {
        Table t = Table.create("s", DoubleColumn.create("REC", new double[] {9, 7.5}),
                StringColumn.create("BU", "a", "b"), DateColumn.create("d", 2));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> NpsTables.bySegment(t, "REC", "BU", NpsCalculator.withDefaults()));
        assertTrue(e.getMessage().contains("'REC'") && e.getMessage().contains("7.5")
                && e.getMessage().contains("row 1"), e.getMessage());
        Table u = Table.create("s", IntColumn.create("REC", 9, 11), StringColumn.create("BU", "a", "b"));
        e = assertThrows(IllegalArgumentException.class,
                () -> NpsTables.bySegment(u, "REC", "BU", NpsCalculator.withDefaults()));
        assertTrue(e.getMessage().contains("answers[1] = 11"), e.getMessage());
    }
}
