package io.loyalty.rfm;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.loyalty.data.Transaction;
import io.loyalty.tablesaw.RfmTables;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.DateColumn;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/** The Tablesaw adapter gives the same answers as the array entry points. */
class RfmTablesTest {
    private static final LocalDate DAY = LocalDate.of(2006, 12, 31);

    @Test
    void ordersTableScoresLikeTransactions() {
        List<Transaction> tx = RfmGoldenTest.orders();
        StringColumn id = StringColumn.create("customer");
        DateColumn date = DateColumn.create("order_date");
        DoubleColumn amount = DoubleColumn.create("revenue");
        for (Transaction t : tx) {
            id.append(t.customerId());
            date.append(LocalDate.ofInstant(t.time(), java.time.ZoneOffset.UTC));
            amount.append(t.amount());
        }
        Table table = Table.create("orders", id, date, amount);
        RfmScores fromTable = RfmTables.scoreOrders(RfmScorer.withDefaults(), table, "customer", "order_date",
                "revenue", DAY);
        assertEquals(RfmScorer.withDefaults().score(tx, DAY), fromTable);
        assertEquals(tx.size(), table.rowCount());

        Table out = RfmTables.toTable(fromTable);
        assertEquals(995, out.rowCount());
        assertEquals(List.of("customer_id", "recency_days", "orders", "revenue", "monetary",
                "recency_score", "frequency_score", "monetary_score", "rfm_score", "segment"), out.columnNames());
        Table summary = RfmTables.toTable(fromTable.summary());
        assertEquals(11, summary.rowCount());
        assertEquals(35, summary.longColumn("customers").get(0));
        Table th = RfmTables.thresholds(fromTable);
        assertArrayEquals(new double[] {1, 4, 5, 6, 8}, th.doubleColumn("orders_lower").asDoubleArray(), 0);
        Table mv = RfmTables.toTable(SegmentMovement.between(fromTable, fromTable));
        assertEquals(35, mv.longColumn("Champions").get(0));
        Table cl = RfmTables.toTable(RfmClusterer.seeded(3).withK(3).cluster(fromTable));
        assertEquals(995, (int) cl.intColumn("customers").sum());
    }

    @Test
    void customersTableScoresLikeArrays() {
        Table t = Table.create("c", StringColumn.create("id", "a", "b", "c"),
                DoubleColumn.create("rec", 1, 20, 300), DoubleColumn.create("ord", 5, 2, 1),
                DoubleColumn.create("rev", 500, 90, 10));
        RfmScores s = RfmTables.scoreCustomers(RfmScorer.withDefaults().withBins(3), t, "id", "rec", "ord", "rev");
        assertEquals(RfmScorer.withDefaults().withBins(3).score(new String[] {"a", "b", "c"},
                new double[] {1, 20, 300}, new double[] {5, 2, 1}, new double[] {500, 90, 10}), s);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> RfmTables.scoreCustomers(RfmScorer.withDefaults(), t, "id", "days", "ord", "rev"));
        assertTrue(e.getMessage().contains("'days'"), e.getMessage());
    }

    private static Table orders(String[] ids, LocalDate[] dates, double[] amounts) {
        return Table.create("orders", StringColumn.create("customer", ids), DateColumn.create("day", dates),
                DoubleColumn.create("amount", amounts));
    }

    private static void rejects(Table t, String... parts) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> RfmTables.scoreOrders(RfmScorer.withDefaults(), t, "customer", "day", "amount", DAY));
        for (String p : parts) {
            assertTrue(e.getMessage().contains(p), () -> "message '" + e.getMessage() + "' lacks '" + p + "'");
        }
    }

    @Test
    void ordersTableRejectsBadRowsNamingThem() {
        LocalDate[] days = {DAY, DAY.minusDays(3)};
        rejects(orders(new String[] {"a", "b"}, days, new double[] {5, -7}), "amount", "row 1", "'b'", "-7.0");
        rejects(orders(new String[] {"a", "b"}, days, new double[] {Double.NaN, 7}), "amount", "row 0");
        rejects(orders(new String[] {"a", "b"}, new LocalDate[] {DAY, DAY.plusDays(2)}, new double[] {5, 7}),
                "row 1", "'b'", "2007-01-02");
        rejects(orders(new String[] {"a", null}, days, new double[] {5, 7}), "customer", "row 1");
        rejects(Table.create("orders", StringColumn.create("customer"), DateColumn.create("day"),
                DoubleColumn.create("amount")), "table");
    }

    @Test
    void customersTableRejectsBadValuesNamingThem() {
        Table t = Table.create("c", StringColumn.create("id", "a", "b"), DoubleColumn.create("rec", 1, 20),
                DoubleColumn.create("ord", 5, 2), DoubleColumn.create("rev", 500, -90));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> RfmTables.scoreCustomers(RfmScorer.withDefaults(), t, "id", "rec", "ord", "rev"));
        assertTrue(e.getMessage().contains("revenue") && e.getMessage().contains("row 1")
                && e.getMessage().contains("-90.0"), e.getMessage());
    }
}
