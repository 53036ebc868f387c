package io.loyalty.examples;

import io.loyalty.data.OrderExport;
import io.loyalty.data.OrderExport.Cancellations;
import io.loyalty.data.Transaction;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import tech.tablesaw.api.DateTimeColumn;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * The bundled Online Retail export read with the library's CSV recipe ({@link OrderExport}), shared by the core
 * examples (the Spark tour reads it itself).
 */
final class OnlineRetail {
    /** The file, relative to the data folder. */
    static final String FILE = "online-retail/online_retail.csv.gz";
    private static Table table;

    private OnlineRetail() {
    }

    /**
     * The recipe for the raw UCI export: customer, time and invoice columns, amount = quantity x unit price, stock
     * code as the product, {@code C} invoices as cancellations, rows without a customer id skipped.
     *
     * @param cancellations how the {@code C} invoices are handled
     * @return the recipe
     */
    static OrderExport recipe(Cancellations cancellations) {
        return OrderExport.of("CustomerID", "InvoiceDate", "InvoiceNo")
                .withAmount("Quantity", "UnitPrice")
                .withProduct("StockCode")
                .withCancellations("C", cancellations)
                .withMissingCustomersSkipped()
                .withKeptColumns("Country");
    }

    /**
     * Reads the bundled export with a recipe.
     *
     * @param cancellations how the {@code C} invoices are handled
     * @return the kept lines
     */
    static OrderExport.Result read(Cancellations cancellations) {
        try {
            return recipe(cancellations).read(Examples.data(FILE));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The lines of the usual cleaning (rows with a customer id, cancellations dropped) as a Tablesaw table with
     * columns {@code Customer, InvoiceNo, InvoiceDate} (UTC), {@code Amount} and {@code Country}. Read once per run.
     *
     * @return the table (397,924 rows); do not modify it
     */
    static synchronized Table table() {
        if (table == null) {
            OrderExport.Result r = read(Cancellations.DROP);
            List<Transaction> lines = r.lines();
            int n = lines.size();
            String[] customers = new String[n];
            String[] invoices = new String[n];
            LocalDateTime[] times = new LocalDateTime[n];
            double[] amounts = new double[n];
            for (int i = 0; i < n; i++) {
                Transaction t = lines.get(i);
                customers[i] = t.customerId();
                invoices[i] = t.orderId();
                times[i] = LocalDateTime.ofInstant(t.time(), ZoneOffset.UTC);
                amounts[i] = t.amount();
            }
            table = Table.create("online retail", StringColumn.create("Customer", customers),
                    StringColumn.create("InvoiceNo", invoices), DateTimeColumn.create("InvoiceDate", times),
                    DoubleColumn.create("Amount", amounts), StringColumn.create("Country", r.column("Country")));
        }
        return table;
    }
}
