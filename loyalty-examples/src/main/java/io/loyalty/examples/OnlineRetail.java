package io.loyalty.examples;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.zip.GZIPInputStream;
import tech.tablesaw.api.ColumnType;
import tech.tablesaw.api.Table;
import tech.tablesaw.io.csv.CsvReadOptions;

/** The bundled Online Retail log as a Tablesaw table, shared by the core examples (the Spark tour reads it itself). */
final class OnlineRetail {
    private static Table table;

    private OnlineRetail() {
    }

    /**
     * The UCI Online Retail log (541,909 rows), cleaned the usual way: rows with a customer id, invoices starting
     * with "C" (cancellations) dropped; adds {@code Amount = Quantity * UnitPrice} and a text
     * {@code Customer} id without the ".0". Read once per run with explicit column types.
     *
     * @return the table (397,924 rows); do not modify it
     */
    static synchronized Table table() {
        if (table == null) {
            ColumnType[] types = {ColumnType.STRING, ColumnType.STRING, ColumnType.STRING, ColumnType.INTEGER,
                ColumnType.LOCAL_DATE_TIME, ColumnType.DOUBLE, ColumnType.DOUBLE, ColumnType.STRING};
            try (InputStream in = new GZIPInputStream(Files.newInputStream(Examples.data("online-retail/online_retail.csv.gz")))) {
                Table raw = Table.read().usingOptions(CsvReadOptions.builder(in).tableName("online retail")
                        .columnTypes(types).dateTimeFormat(java.time.format.DateTimeFormatter.ofPattern(
                                "yyyy-MM-dd HH:mm:ss")).build());
                Table kept = raw.where(raw.doubleColumn("CustomerID").isNotMissing()
                        .and(raw.stringColumn("InvoiceNo").startsWith("C").flip(0, raw.rowCount())));
                kept.addColumns(kept.intColumn("Quantity").multiply(kept.doubleColumn("UnitPrice")).setName("Amount"),
                        kept.doubleColumn("CustomerID").asLongColumn().asStringColumn().setName("Customer"));
                table = kept;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return table;
    }
}
