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
        assertEquals(List.of("customer_id", "frequency", "recency_days", "T_days", "mean_repeat_amount",
                "first_purchase", "last_purchase", "transactions", "revenue"), out.columnNames());
        assertEquals(60.0, out.doubleColumn("recency_days").get(0));
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

    /** Issue 15, item 1: integral id columns are read as integers, so 64-bit ids above 2^53 stay distinct. */
    @Test
    void issue15Item1LongIdsAbove2To53StayDistinctInEveryIntegralColumnType() {
        long big = (1L << 53) + 1;
        // Long.MIN_VALUE is Tablesaw's missing-value sentinel, so the smallest id a long column holds is one above.
        long[] longs = {big, big + 1, big - 1, Long.MAX_VALUE, Long.MIN_VALUE + 1, 0};
        Table t = Table.create("tx", tech.tablesaw.api.LongColumn.create("id", longs),
                DateColumn.create("day", java.util.Collections.nCopies(longs.length, LocalDate.of(2024, 1, 1))),
                DoubleColumn.create("amount", 1, 2, 3, 4, 5, 6));
        CustomerSummaries s = DAYS.summarize(DataTables.transactions(t, "id", "day", "amount"));
        assertEquals(longs.length, s.size());
        for (int i = 0; i < longs.length; i++) {
            assertEquals(i + 1.0, s.totalValue()[s.indexOf(Long.toString(longs[i]))], Long.toString(longs[i]));
        }
        Table ints = Table.create("tx", tech.tablesaw.api.IntColumn.create("id", Integer.MAX_VALUE, Integer.MIN_VALUE + 1),
                tech.tablesaw.api.ShortColumn.create("s", Short.MAX_VALUE, (short) (Short.MIN_VALUE + 1)),
                StringColumn.create("text", "17850", "017850"),
                DateColumn.create("day", LocalDate.of(2024, 1, 1), LocalDate.of(2024, 1, 2)),
                DoubleColumn.create("amount", 1, 2));
        assertEquals(List.of("-2147483647", "2147483647"), DAYS.summarize(
                DataTables.transactions(ints, "id", "day", "amount")).ids().stream().sorted().toList());
        assertEquals(List.of("-32767", "32767"), DAYS.summarize(
                DataTables.transactions(ints, "s", "day", "amount")).ids().stream().sorted().toList());
        assertEquals(List.of("017850", "17850"), DAYS.summarize(
                DataTables.transactions(ints, "text", "day", "amount")).ids());
        // The sentinel itself is a missing cell, reported with its row.
        t.longColumn("id").set(2, Long.MIN_VALUE);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> DataTables.transactions(t, "id", "day", "amount"));
        assertTrue(e.getMessage().contains("missing value at row 2"), e.getMessage());
    }

    /** Issue 15, item 19: a null column name is named, not an NPE whose message is "null". */
    @Test
    void issue15Item19NullColumnNamesAreNamed() {
        String[][] calls = {{null, "when", "amount", "customerIdColumn"}, {"id", null, "amount", "timeColumn"},
            {"id", "when", null, "amountColumn"}};
        for (String[] c : calls) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> DataTables.transactions(table(), c[0], c[1], c[2]));
            assertEquals(c[3] + " must not be null", e.getMessage());
        }
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> DataTables.transactions(null, "id", "when", "amount"));
        assertEquals("table must not be null", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> RfmTables.scoreCustomers(
                io.loyalty.rfm.RfmScorer.withDefaults(), table(), "id", null, "x", "y"));
        assertEquals("recencyDaysColumn must not be null", e.getMessage());
    }

    /** Seeded: any table of boundary ids and amounts gives the summaries of the same rows as string columns. */
    @Test
    void tablesOfBoundaryValuesEqualTheStringColumnsOfTheSameRows() {
        long[] edgeIds = {0, 1, (1L << 53) - 1, 1L << 53, (1L << 53) + 1, Long.MAX_VALUE, Long.MIN_VALUE + 1, -1};
        double[] edgeAmounts = {0, 1, 0.01, 1e16, Double.MIN_VALUE, 9007199254740993.0, 1e300};
        io.loyalty.testkit.Property.forAll("tablesaw summaries", 60, r -> {
            int n = io.loyalty.testkit.Property.between(r, 1, 500);
            long[] ids = new long[n];
            String[] text = new String[n];
            double[] amounts = new double[n];
            LocalDate[] days = new LocalDate[n];
            long[] seconds = new long[n];
            for (int i = 0; i < n; i++) {
                ids[i] = r.nextInt(3) == 0 ? edgeIds[r.nextInt(edgeIds.length)] : r.nextInt(50);
                text[i] = Long.toString(ids[i]);
                amounts[i] = r.nextInt(4) == 0 ? edgeAmounts[r.nextInt(edgeAmounts.length)] : r.nextInt(10_000) / 100.0;
                days[i] = LocalDate.of(2024, 1, 1).plusDays(r.nextInt(366));
                seconds[i] = days[i].toEpochDay() * 86_400L;
            }
            Table t = Table.create("tx", tech.tablesaw.api.LongColumn.create("id", ids),
                    DateColumn.create("day", days), DoubleColumn.create("amount", amounts));
            assertEquals(DAYS.summarize(io.loyalty.data.TransactionColumns.ofEpochSeconds(text, seconds, amounts)),
                    DAYS.summarize(DataTables.transactions(t, "id", "day", "amount")));
        });
    }
}
