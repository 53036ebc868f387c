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
        p = Pseudonymizer.withKey(k);
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
}
