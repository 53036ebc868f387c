package io.loyalty.attribution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.loyalty.tablesaw.AttributionTables;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

class AttributionTablesTest {
    @Test
    void readsPathsAndWritesResults() {
        Table t = Table.create("paths", StringColumn.create("path", "a > b", "b", "a > b"),
                IntColumn.create("conv", 1, 0, 2), DoubleColumn.create("value", 2.5, 0, 1),
                IntColumn.create("nulls", 3, 4, 0));
        Journeys j = AttributionTables.journeys(t, "path", "conv", "value", "nulls");
        assertEquals(2, j.size());
        assertEquals(3, j.totalConversions());
        assertEquals(3, t.rowCount());
        Table out = AttributionTables.toTable(MarkovAttribution.withDefaults().attribute(j));
        assertEquals(2, out.rowCount());
        assertEquals("removal_effect", out.column(1).name());
        assertEquals(2, AttributionTables.toTable(j).rowCount());
        Table cmp = AttributionTables.toTable(AttributionComparison.of(java.util.List.of(
                HeuristicAttribution.withDefaults().linear(j))));
        assertEquals("linear conversions", cmp.column(1).name());
        assertEquals("linear share", cmp.column(3).name());
        assertEquals(0.5, cmp.doubleColumn("linear share").get(1), 1e-15);
        Table withCosts = AttributionTables.toTable(AttributionComparison.of(java.util.List.of(
                HeuristicAttribution.withDefaults().linear(j))).withCosts(new double[] {2, 0.5}));
        assertEquals(java.util.List.of(2.0, 0.5), withCosts.doubleColumn("cost").asList());
        assertEquals(3.5 / 2 / 2, withCosts.doubleColumn("linear return on spend").get(0), 1e-15);
        assertEquals(3.5 / 2 / 0.5, withCosts.doubleColumn("linear return on spend").get(1), 1e-15);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> AttributionTables.journeys(t, "path", "conv", "value", "missing"));
        assertTrue(e.getMessage().contains("missing"));
        IllegalArgumentException row = assertThrows(IllegalArgumentException.class,
                () -> AttributionTables.journeys(Table.create("x", StringColumn.create("p", "a", ""),
                        IntColumn.create("c", 1, 1), DoubleColumn.create("v", 1, 1), IntColumn.create("n", 1, 1)),
                        "p", "c", "v", "n"));
        assertTrue(row.getMessage().contains("row 1"), row.getMessage());
    }
}
