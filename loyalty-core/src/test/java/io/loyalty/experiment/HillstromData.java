package io.loyalty.experiment;

import java.io.IOException;
import java.io.InputStream;
import java.util.zip.GZIPInputStream;
import tech.tablesaw.api.ColumnType;
import tech.tablesaw.api.Table;
import tech.tablesaw.io.csv.CsvReadOptions;

/** The Hillstrom e-mail experiment as a Tablesaw table, read once per test class from the test resources. */
final class HillstromData {
    private static final ColumnType[] TYPES = {ColumnType.INTEGER, ColumnType.STRING, ColumnType.DOUBLE,
        ColumnType.INTEGER, ColumnType.INTEGER, ColumnType.STRING, ColumnType.INTEGER, ColumnType.STRING,
        ColumnType.STRING, ColumnType.INTEGER, ColumnType.INTEGER, ColumnType.DOUBLE};

    private HillstromData() {
    }

    static Table table() throws IOException {
        try (InputStream in = new GZIPInputStream(HillstromData.class.getResourceAsStream(
                "/experiment/hillstrom.csv.gz"))) {
            return Table.read().usingOptions(CsvReadOptions.builder(in).columnTypes(TYPES).build());
        }
    }
}
