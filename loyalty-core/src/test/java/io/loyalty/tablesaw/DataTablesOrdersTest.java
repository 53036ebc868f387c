package io.loyalty.tablesaw;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.loyalty.data.CustomerSummaries;
import io.loyalty.data.PeriodRule;
import io.loyalty.data.Summarizer;
import io.loyalty.data.Transaction;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.DateTimeColumn;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/** {@link DataTables#orders}: order lines in a table grouped by an order-id column. */
class DataTablesOrdersTest {
    private static final Summarizer DAYS = Summarizer.of(PeriodRule.days(), LocalDate.of(2024, 12, 31));
    private static final LocalDateTime T = LocalDateTime.parse("2024-01-01T10:00");

    private static Table lines(String... orders) {
        return Table.create("lines",
                StringColumn.create("id", "a", "a", "b", "a"),
                DateTimeColumn.create("when", T.plusMinutes(1), T, T, T.plusDays(40)),
                DoubleColumn.create("amount", 0.1, 0.2, 5.0, 7.0),
                StringColumn.create("invoice", orders));
    }

    @Test
    void linesWithTheSameOrderIdAreOneOrder() {
        CustomerSummaries fromTable = DAYS.summarize(DataTables.orders(lines("1", "1", "2", "3"), "id", "when",
                "amount", "invoice"));
        CustomerSummaries fromObjects = DAYS.summarize(List.of(
                Transaction.of("a", T, 0.30000000000000004).withOrderId("1"), Transaction.of("b", T, 5),
                Transaction.of("a", T.plusDays(40), 7)));
        assertEquals(fromObjects, fromTable);
        assertEquals(List.of(2, 1), java.util.Arrays.stream(fromTable.transactions()).boxed().toList());
        // Numeric order ids are read as ids are: 536365.0 is 536365.
        Table numeric = lines("1", "1", "2", "3").replaceColumn("invoice",
                DoubleColumn.create("invoice", 536365.0, 536365.0, 2, 3));
        assertEquals(fromTable, DAYS.summarize(DataTables.orders(numeric, "id", "when", "amount", "invoice")));
    }

    @Test
    void badOrderIdsAreRejectedNamingThem() {
        assertEquals("order '1' has lines of two customers: 'a' at row 0 and 'b' at row 2", assertThrows(
                IllegalArgumentException.class, () -> DataTables.orders(lines("1", "2", "1", "3"), "id", "when",
                        "amount", "invoice")).getMessage());
        Table missing = lines("1", "1", "2", "3");
        missing.stringColumn("invoice").setMissing(3);
        assertThrows(IllegalArgumentException.class, () -> DataTables.orders(missing, "id", "when", "amount",
                "invoice"));
        assertEquals("column names must differ, got [id, when, amount, id]", assertThrows(
                IllegalArgumentException.class, () -> DataTables.orders(missing, "id", "when", "amount", "id"))
                .getMessage());
        assertEquals("orderIdColumn must not be null", assertThrows(IllegalArgumentException.class,
                () -> DataTables.orders(missing, "id", "when", "amount", null)).getMessage());
    }
}
