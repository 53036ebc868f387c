package io.loyalty.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.loyalty.tablesaw.ExperimentTables;
import java.util.List;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/** The Tablesaw adapter: columns by name, errors naming the column and row, tables out. */
class ExperimentTablesTest {
    private static Table table() {
        return Table.create("t", StringColumn.create("arm", "b", "a", "b", "a"),
                StringColumn.create("seg", "x", "x", "y", "y"), DoubleColumn.create("v", 1, 2, 3, 5));
    }

    @Test
    void summariesUseSortedLabelsAndLeaveTheTableAlone() {
        Table t = table();
        SegmentedSummaries s = ExperimentTables.summaries(t, "arm", "seg", "v");
        assertEquals(List.of("a", "b"), s.arms());
        assertEquals(3.5, s.arm(0).mean(), 1e-15);
        assertEquals(2.0, s.arm(1).mean(), 1e-15);
        assertEquals(4, ExperimentTables.toTable(s).rowCount());
        assertEquals(1.0, t.doubleColumn("v").get(0), 0);
        Table out = ExperimentTables.toTable(List.of(Means.compare("b vs a", "v", s.arm(1), s.arm(0), 0.95)));
        assertEquals(-1.5, out.doubleColumn("difference").get(0), 1e-15);
    }

    @Test
    void missingColumnAndMissingValueAreNamed() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ExperimentTables.summaries(table(), "arm", "nope", "v"));
        assertTrue(e.getMessage().contains("nope"), e.getMessage());
        Table t = table();
        t.doubleColumn("v").setMissing(2);
        IllegalArgumentException m = assertThrows(IllegalArgumentException.class,
                () -> ExperimentTables.summaries(t, "arm", "v"));
        assertTrue(m.getMessage().contains("row 2"), m.getMessage());
    }
}
