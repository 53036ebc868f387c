package io.loyalty.privacy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.loyalty.tablesaw.PrivacyTables;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/** Pseudonymised Tablesaw tables and columns. */
class PrivacyTablesTest {
    private final Pseudonymizer p;

    PrivacyTablesTest() {
        byte[] k = new byte[40];
        Arrays.fill(k, (byte) 7);
        p = Pseudonymizer.keyed(k);
    }

    @Test
    void idColumnIsReplacedInACopyAndNumericIdsMatchText() {
        Table t = Table.create("tx", IntColumn.create("customer", 17850, 13047),
                DoubleColumn.create("amount", 1.5, 2.5));
        Table out = PrivacyTables.pseudonymize(t, "CUSTOMER", p);
        assertEquals(p.pseudonym("17850"), out.stringColumn("customer").get(0));
        assertEquals(p.pseudonym("13047"), out.stringColumn("customer").get(1));
        assertEquals(t.doubleColumn("amount").asList(), out.doubleColumn("amount").asList());
        assertEquals(17850, t.intColumn("customer").get(0));
        assertEquals(t.columnNames(), out.columnNames());
        StringColumn text = PrivacyTables.pseudonymize(StringColumn.create("c", "17850", "13047"), p);
        assertEquals(out.stringColumn("customer").asList(), text.asList());
    }

    @Test
    void missingColumnOrCellIsNamed() {
        Table t = Table.create("tx", StringColumn.create("customer", "a", ""));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> PrivacyTables.pseudonymize(t, "customer", p));
        assertTrue(e.getMessage().contains("row 1"), e.getMessage());
        IllegalArgumentException m = assertThrows(IllegalArgumentException.class,
                () -> PrivacyTables.pseudonymize(t, "nope", p));
        assertTrue(m.getMessage().contains("nope"), m.getMessage());
        assertThrows(IllegalArgumentException.class, () -> PrivacyTables.pseudonymize(t, "customer", null));
    }

    @Test
    void publishedTablesConvertWithMissingNotZeroForSuppressedCells() {
        SuppressedTable t = SmallCellSuppression.withDefaults().cells("t", java.util.List.of("a", "b", "c"),
                java.util.List.of("n"), new double[][] {{3}, {50}, {40}}, new long[][] {{3}, {50}, {40}}, false,
                true);
        Table out = PrivacyTables.toTable(t);
        assertEquals(4, out.rowCount());
        assertTrue(out.doubleColumn("n").isMissing(0));
        assertEquals(SuppressedTable.Status.PRIMARY, t.status(0, 0));
        assertEquals(50, out.doubleColumn("n").get(1));
        assertEquals(93, out.doubleColumn("n").get(3));
        DpTable dp = DpAggregates.segmentCounts(new String[] {"a"}, new String[] {"x"},
                Partitions.known(java.util.List.of("x", "y")), ContributionBounds.ONE, PrivacyCost.laplace(1e9),
                PrivacyBudget.of(1e10, 0).withNoiseSource(new java.util.SplittableRandom(1)));
        Table d = PrivacyTables.toTable(dp);
        assertEquals(java.util.List.of("row", "customers", "customers_sd", "customers_lower", "customers_upper"),
                d.columnNames());
        assertEquals(1, d.doubleColumn("customers").get(0));
    }
}
