package io.loyalty.tablesaw;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.loyalty.data.CustomerSummaries;
import io.loyalty.data.PeriodRule;
import io.loyalty.data.Summarizer;
import io.loyalty.data.Transaction;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import tech.tablesaw.api.DateColumn;
import tech.tablesaw.api.DateTimeColumn;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;
import org.junit.jupiter.api.Test;

class DataTablesTest {
    private static final Summarizer DAYS = Summarizer.of(PeriodRule.days(), LocalDate.of(2024, 12, 31));

    private static Table table() {
        return Table.create("tx",
                StringColumn.create("id", "a", "b", "a"),
                DateTimeColumn.create("when", LocalDateTime.parse("2024-01-01T10:00"),
                        LocalDateTime.parse("2024-02-01T10:00"), LocalDateTime.parse("2024-03-01T09:00")),
                DoubleColumn.create("amount", 10.0, 5.0, 7.0));
    }

    @Test
    void tableInputEqualsObjectInput() {
        CustomerSummaries fromTable = DAYS.summarize(DataTables.transactions(table(), "id", "when", "amount"));
        CustomerSummaries fromObjects = DAYS.summarize(List.of(
                Transaction.of("a", LocalDateTime.parse("2024-01-01T10:00"), 10),
                Transaction.of("b", LocalDateTime.parse("2024-02-01T10:00"), 5),
                Transaction.of("a", LocalDateTime.parse("2024-03-01T09:00"), 7)));
        assertEquals(fromObjects, fromTable);
        Table out = DataTables.toTable(fromTable);
        assertEquals(2, out.rowCount());
        assertEquals(List.of("customer_id", "frequency", "recency", "T", "monetary", "first_purchase",
                "last_purchase", "transactions", "total_value"), out.columnNames());
        assertEquals(60.0, out.doubleColumn("recency").get(0));
    }

    @Test
    void numericIdsAndDatesAreAccepted() {
        Table t = Table.create("tx", DoubleColumn.create("CustomerID", 17850.0, 17850.0),
                DateColumn.create("day", LocalDate.parse("2024-01-01"), LocalDate.parse("2024-01-02")),
                DoubleColumn.create("amount", 1.0, 2.0));
        CustomerSummaries s = DAYS.summarize(DataTables.transactions(t, "CustomerID", "day", "amount"));
        assertEquals(List.of("17850"), s.ids());
        assertEquals(1, s.get(0).frequency());
    }

    @Test
    void badTablesAreReportedWithColumnAndRow() {
        Table t = table();
        IllegalArgumentException missingColumn = assertThrows(IllegalArgumentException.class,
                () -> DataTables.transactions(t, "customer", "when", "amount"));
        assertTrue(missingColumn.getMessage().contains("customer id column 'customer'"), missingColumn.getMessage());
        Table withGap = t.copy();
        withGap.doubleColumn("amount").setMissing(1);
        IllegalArgumentException gap = assertThrows(IllegalArgumentException.class,
                () -> DataTables.transactions(withGap, "id", "when", "amount"));
        assertTrue(gap.getMessage().contains("'amount'") && gap.getMessage().contains("row 1"), gap.getMessage());
        IllegalArgumentException type = assertThrows(IllegalArgumentException.class,
                () -> DataTables.transactions(t, "id", "amount", "when"));
        assertTrue(type.getMessage().contains("time column 'amount'"), type.getMessage());
        assertEquals(3, t.rowCount());
        assertEquals(5.0, t.doubleColumn("amount").get(1));
    }
}
