package io.loyalty.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.loyalty.data.OrderExport.Cancellations;
import io.loyalty.testkit.Property;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The CSV recipe on a subset of the raw Online Retail export ({@code data/online_retail_subset.csv.gz}, CC BY 4.0,
 * see {@code data/README.md}) and on hand-made bad files.
 */
class OrderExportTest {
    private static final LocalDate LAST_DAY = LocalDate.of(2011, 12, 9);
    private static final String HEADER = "InvoiceNo,StockCode,Description,Quantity,InvoiceDate,UnitPrice,CustomerID,"
            + "Country\n";

    private static OrderExport recipe(Cancellations mode) {
        return OrderExport.of("CustomerID", "InvoiceDate", "InvoiceNo").withAmount("Quantity", "UnitPrice")
                .withProduct("StockCode").withCancellations("C", mode).withMissingCustomersSkipped()
                .withKeptColumns("Country");
    }

    private static String fixture() throws IOException {
        try (InputStream in = new GZIPInputStream(OrderExportTest.class.getResourceAsStream(
                "/data/online_retail_subset.csv.gz"))) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static OrderExport.Result read(OrderExport recipe, String csv) {
        try {
            return recipe.read(new StringReader(csv));
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void rawLinesOfTheSubsetGiveItsInvoices(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("subset.csv.gz");
        try (InputStream in = OrderExportTest.class.getResourceAsStream("/data/online_retail_subset.csv.gz")) {
            Files.copy(in, file);
        }
        OrderExport.Result r = recipe(Cancellations.DROP).read(file);
        assertEquals(1_679, r.rows());
        assertEquals(20, r.skippedMissingCustomer());
        assertEquals(2, r.cancellationLines());
        assertEquals(1_657, r.lines().size());
        assertEquals(39, r.orders().size());
        Set<String> naive = new HashSet<>();
        for (Transaction t : r.lines()) {
            naive.add(t.orderId() + "@" + t.time());
        }
        assertEquals(69, naive.size());
        assertEquals("17850", r.lines().get(0).customerId());
        assertEquals("United Kingdom", r.column("Country")[0]);
        assertEquals(15.299999999999999, r.lines().get(0).amount(), 0);   // 6 x 2.55, one rounding
        CustomerSummaries s = Summarizer.of(PeriodRule.days(), LAST_DAY).summarize(r.lines());
        assertEquals(33, s.size());
        assertEquals(77183.6, s.totalValue()[s.indexOf("12346")], 1e-9);
        assertEquals("541,909".length() > 0 ? "1,679 rows: 20 skipped without customer id, 2 cancellation lines; "
                + "1,657 lines kept" : "", r.toString());
    }

    @Test
    void cancellationsDroppedNettedOrCancellingTheirOrders() {
        String csv;
        try {
            csv = fixture();
        } catch (IOException e) {
            throw new AssertionError(e);
        }
        OrderExport.Result cancel = read(recipe(Cancellations.CANCEL_ORDERS), csv);
        assertEquals(2, cancel.cancelledLines());
        assertEquals(0, cancel.unmatchedCancellations());
        assertEquals(2, cancel.cancelledOrders());
        assertEquals(37, cancel.orders().size());
        CustomerSummaries s = Summarizer.of(PeriodRule.days(), LAST_DAY).summarize(cancel.lines());
        assertEquals(32, s.size());
        assertEquals(-1, s.indexOf("12346"));
        assertEquals(2.90, s.totalValue()[s.indexOf("16446")], 1e-12);
        assertEquals(1, s.transactions()[s.indexOf("16446")]);

        OrderExport.Result net = read(recipe(Cancellations.NET), csv);
        assertEquals(1_659, net.lines().size());
        assertEquals(41, net.orders().size());
        CustomerSummaries n = Summarizer.of(PeriodRule.days(), LAST_DAY).withReturnsNetted().summarize(net.lines());
        assertEquals(0.0, n.totalValue()[n.indexOf("12346")], 0);
        assertEquals(1, n.transactions()[n.indexOf("12346")]);
        assertEquals(2.90, n.totalValue()[n.indexOf("16446")], 1e-9);
        // RFM takes purchases only: a netted cancellation is rejected, not silently counted.
        assertThrows(IllegalArgumentException.class,
                () -> io.loyalty.rfm.RfmScorer.withDefaults().score(net.lines(), LAST_DAY.plusDays(1)));
    }

    @Test
    void cancellationMatchingTakesTheLatestEqualLineAtOrBeforeIt() {
        String csv = HEADER
                + "1,P,x,2,2011-01-01 10:00:00,1.0,7.0,UK\n"
                + "2,P,x,2,2011-01-02 10:00:00,1.0,7,UK\n"
                + "2,Q,y,1,2011-01-02 10:00:00,5.0,7,UK\n"
                + "C3,P,x,-2,2011-01-03 10:00:00,1.0,7,UK\n"
                + "C4,P,x,-3,2011-01-03 10:00:00,1.0,7,UK\n"
                + "C5,Q,y,-1,2011-01-01 09:00:00,5.0,7,UK\n"
                + "6,P,x,2,2011-01-04 10:00:00,1.0,7,UK\n";
        OrderExport.Result r = read(recipe(Cancellations.CANCEL_ORDERS), csv);
        // C3 cancels invoice 2's P line (the latest before it); C4 (other quantity) and C5 (before Q) match nothing.
        assertEquals(1, r.cancelledLines());
        assertEquals(2, r.unmatchedCancellations());
        assertEquals(0, r.cancelledOrders());
        assertEquals(List.of("1", "2", "6"), r.orders().stream().map(Transaction::orderId).toList());
        assertEquals(5.0, r.orders().get(1).amount(), 0);
        // Shuffled rows give the same orders.
        Property.forAll("cancellation matching in any row order", 30, rnd -> {
            String[] rows = csv.substring(HEADER.length()).split("\n");
            StringBuilder sb = new StringBuilder(HEADER);
            for (int i : Property.shuffledPermutation(rnd, rows.length)) {
                sb.append(rows[i]).append('\n');
            }
            OrderExport.Result s = read(recipe(Cancellations.CANCEL_ORDERS), sb.toString());
            assertEquals(Summarizer.of(PeriodRule.days(), LAST_DAY).summarize(r.lines()),
                    Summarizer.of(PeriodRule.days(), LAST_DAY).summarize(s.lines()));
        });
    }

    @Test
    void idsWrittenAsWholeDecimalsAreIntegers() {
        assertEquals("17850", OrderExport.normalizedId("17850.0"));
        assertEquals("17850", OrderExport.normalizedId("+17850.00"));
        assertEquals("-3", OrderExport.normalizedId("-3.0"));
        assertEquals("17850.5", OrderExport.normalizedId("17850.5"));
        assertEquals("017850", OrderExport.normalizedId("017850"));
        assertEquals("1e3", OrderExport.normalizedId("1e3"));
        assertEquals("A.0", OrderExport.normalizedId("A.0"));
    }

    @Test
    void quotedFieldsCrlfAndOtherFormats() {
        String csv = "order,note,when,who,money\r\n"
                + "\"A,1\",\"say \"\"hi\"\"\nthere\",01/02/2021 10:00, c1 ,\"1.5\"\r\n"
                + "\r\n"
                + "A,x,01/02/2021 11:00,c1,2\n";
        OrderExport r = OrderExport.of("who", "when", "order").withAmount("money")
                .withTimeFormat("dd/MM/yyyy HH:mm", ZoneId.of("Europe/London"));
        List<Transaction> lines = read(r, csv).lines();
        assertEquals(List.of(new Transaction("c1", Instant.parse("2021-02-01T10:00:00Z"), 1.5, "A,1", null),
                new Transaction("c1", Instant.parse("2021-02-01T11:00:00Z"), 2, "A", null)), lines);
    }

    private static String error(OrderExport recipe, String csv) {
        return assertThrows(IllegalArgumentException.class, () -> recipe.read(new StringReader(csv))).getMessage();
    }

    @Test
    void badRowsAreNamedByLineAndColumn() {
        OrderExport r = recipe(Cancellations.DROP);
        String ok = "1,P,x,2,2011-01-01 10:00:00,1.0,7.0,UK\n";
        assertEquals("line 3, column 'Quantity': 'two' is not a finite decimal number",
                error(r, HEADER + ok + "1,P,x,two,2011-01-01 10:00:00,1.0,7.0,UK\n"));
        assertEquals("line 2, column 'UnitPrice': 'NaN' is not a finite decimal number",
                error(r, HEADER + "1,P,x,2,2011-01-01 10:00:00,NaN,7.0,UK\n"));
        assertEquals("line 2, column 'UnitPrice': '1e999' is not a finite decimal number",
                error(r, HEADER + "1,P,x,2,2011-01-01 10:00:00,1e999,7.0,UK\n"));
        assertEquals("line 2: the amount 1e300 x 1e300 is beyond the largest double",
                error(r, HEADER + "1,P,x,1e300,2011-01-01 10:00:00,1e300,7.0,UK\n"));
        assertEquals("line 2, column 'InvoiceDate': '2011-02-30 10:00:00' is not a date-time of the pattern "
                + "'yyyy-MM-dd HH:mm:ss'", error(r, HEADER + "1,P,x,2,2011-02-30 10:00:00,1.0,7.0,UK\n"));
        assertEquals("line 3 has 7 fields, the header has 8",
                error(r, HEADER + ok + "\"q\nq\",P,x,2,2011-01-01 10:00:00,1.0,7.0\n"));
        assertEquals("line 2, column 'InvoiceNo': the order id is blank",
                error(r, HEADER + " ,P,x,2,2011-01-01 10:00:00,1.0,7.0,UK\n"));
        assertEquals("line 2: a quoted field is not closed before the end of the file",
                error(r, HEADER + "\"1,P,x,2,2011-01-01 10:00:00,1.0,7.0,UK\n"));
        assertEquals("order '1' has lines of two customers: '7' on line 2 and '8' on line 3",
                error(r, HEADER + ok + "1,P,x,2,2011-01-01 10:00:00,1.0,8.0,UK\n"));
        assertEquals("line 2, column 'CustomerID': the customer id is empty (use withMissingCustomersSkipped() to skip "
                + "such rows)", error(OrderExport.of("CustomerID", "InvoiceDate", "InvoiceNo").withAmount("UnitPrice"),
                        HEADER + "1,P,x,2,2011-01-01 10:00:00,1.0,,UK\n"));
        assertEquals("amountColumn 'Amount' is not in the header [InvoiceNo, StockCode, Description, Quantity, "
                + "InvoiceDate, UnitPrice, CustomerID, Country]", error(OrderExport.of("CustomerID", "InvoiceDate",
                        "InvoiceNo").withAmount("Amount"), HEADER + ok));
        assertEquals("the recipe has no money column: call withAmount(column) or withAmount(quantity, unitPrice)",
                error(OrderExport.of("CustomerID", "InvoiceDate", "InvoiceNo"), HEADER + ok));
        assertEquals("Cancellations.CANCEL_ORDERS links a cancellation to its order by product and quantity: call "
                + "withProduct(column) and withAmount(quantity, unitPrice)", error(OrderExport.of("CustomerID",
                        "InvoiceDate", "InvoiceNo").withAmount("UnitPrice").withCancellations("C",
                                Cancellations.CANCEL_ORDERS), HEADER + ok));
        assertEquals("the file is empty: no header row", error(r, ""));
        assertEquals("column 'Nope' was not kept: the recipe keeps [Country]", assertThrows(
                IllegalArgumentException.class, () -> read(r, HEADER + ok).column("Nope")).getMessage());
        assertEquals("customerIdColumn must not be null or blank, got null", assertThrows(IllegalArgumentException.class,
                () -> OrderExport.of(null, "t", "o")).getMessage());
    }

    @Test
    void keptColumnsAreCopiesAndLinesUnmodifiable() {
        OrderExport.Result r = read(recipe(Cancellations.DROP), HEADER + "1,P,x,2,2011-01-01 10:00:00,1.0,7.0,UK\n");
        r.column("Country")[0] = "changed";
        assertArrayEquals(new String[] {"UK"}, r.column("Country"));
        assertThrows(UnsupportedOperationException.class, () -> r.lines().add(null));
        List<Transaction> copy = new ArrayList<>(r.lines());
        assertEquals(1, copy.size());
    }
}
