package io.loyalty.examples;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;
import tech.tablesaw.api.ColumnType;
import tech.tablesaw.api.Table;
import tech.tablesaw.io.csv.CsvReadOptions;

/**
 * Where the tour finds its bundled data and writes its charts, and the shared loaders of the bundled data sets.
 * Works from Maven (working directory {@code loyalty-examples}) and from an IDE started at the repository root.
 */
public final class Examples {
    private static Table onlineRetail;

    private Examples() {
    }

    /**
     * A file under the bundled {@code data} folder.
     *
     * @param relative the path below {@code loyalty-examples/data}
     * @return the path
     */
    public static Path data(String relative) {
        for (Path base : new Path[] {Path.of("data"), Path.of("loyalty-examples", "data")}) {
            Path p = base.resolve(relative);
            if (Files.exists(p)) {
                return p;
            }
        }
        throw new IllegalStateException("bundled data not found: " + relative
                + " (run from the repository root or from loyalty-examples)");
    }

    /**
     * A file in the tour's output folder ({@code loyalty-examples/target/tour}), created if needed.
     *
     * @param fileName the file name, e.g. {@code rfm-heatmap.png}
     * @return the path
     */
    public static Path output(String fileName) {
        Path dir = Files.isDirectory(Path.of("data")) ? Path.of("target", "tour")
                : Path.of("loyalty-examples", "target", "tour");
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return dir.resolve(fileName);
    }

    /**
     * The UCI Online Retail log (541,909 rows), cleaned the usual way: rows with a customer id, invoices starting
     * with "C" (cancellations) dropped; adds {@code Amount = Quantity * UnitPrice} and a text
     * {@code Customer} id without the ".0". Read once per run with explicit column types.
     *
     * @return the table (397,924 rows); do not modify it
     */
    public static synchronized Table onlineRetail() {
        if (onlineRetail == null) {
            ColumnType[] types = {ColumnType.STRING, ColumnType.STRING, ColumnType.STRING, ColumnType.INTEGER,
                ColumnType.LOCAL_DATE_TIME, ColumnType.DOUBLE, ColumnType.DOUBLE, ColumnType.STRING};
            try (InputStream in = new GZIPInputStream(Files.newInputStream(data("online-retail/online_retail.csv.gz")))) {
                Table raw = Table.read().usingOptions(CsvReadOptions.builder(in).tableName("online retail")
                        .columnTypes(types).dateTimeFormat(java.time.format.DateTimeFormatter.ofPattern(
                                "yyyy-MM-dd HH:mm:ss")).build());
                Table kept = raw.where(raw.doubleColumn("CustomerID").isNotMissing()
                        .and(raw.stringColumn("InvoiceNo").startsWith("C").flip(0, raw.rowCount())));
                kept.addColumns(kept.intColumn("Quantity").multiply(kept.doubleColumn("UnitPrice")).setName("Amount"),
                        kept.doubleColumn("CustomerID").asLongColumn().asStringColumn().setName("Customer"));
                onlineRetail = kept;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return onlineRetail;
    }
}
