package io.loyalty.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringWriter;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import tech.tablesaw.api.BooleanColumn;
import tech.tablesaw.api.InstantColumn;
import tech.tablesaw.api.NumericColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * Checks a result's CSV against its Tablesaw table: the CSV header is the table's column names, and every cell
 * reads back as the table's value exactly (numbers parsed to the same double, after any trailing marker such as
 * the cohort's {@code *}; a missing cell is an empty field). Since the adapters copy the result's full-precision
 * doubles, this shows the CSV lossless. The parser is an RFC 4180 reader written here, independent of the library.
 */
public final class CsvRoundTrip {
    private CsvRoundTrip() {
    }

    /**
     * Writes the CSV with {@code writer} and checks it against {@code table}.
     *
     * @param table the Tablesaw table of the same result
     * @param writer writes the result's CSV
     * @return the parsed records, header first
     */
    public static List<List<String>> assertMatches(Table table, Consumer<StringWriter> writer) {
        StringWriter out = new StringWriter();
        writer.accept(out);
        List<List<String>> records = parse(out.toString());
        assertEquals(table.columnNames(), records.get(0), "CSV header vs Tablesaw column names");
        assertEquals(table.rowCount(), records.size() - 1, "rows");
        for (int c = 0; c < table.columnCount(); c++) {
            Column<?> col = table.column(c);
            for (int r = 0; r < table.rowCount(); r++) {
                String field = records.get(r + 1).get(c);
                String where = col.name() + " row " + r + ": '" + field + "'";
                if (col.isMissing(r)) {
                    assertTrue(field.isEmpty() || !Character.isDigit(field.charAt(field.length() - 1)),
                            "missing in Tablesaw, a value in CSV at " + where);
                } else if (col instanceof NumericColumn) {
                    double expected = ((NumericColumn<?>) col).getDouble(r);
                    double read = Double.parseDouble(stripMarker(field));
                    assertEquals(Double.doubleToLongBits(expected), Double.doubleToLongBits(read),
                            "value " + expected + " at " + where);
                } else if (col instanceof InstantColumn) {
                    // Tablesaw keeps milliseconds and prints them; the CSV has the exact ISO-8601 instant.
                    assertEquals(((InstantColumn) col).get(r), Instant.parse(field).truncatedTo(ChronoUnit.MILLIS),
                            where);
                } else if (col instanceof BooleanColumn) {
                    assertEquals(String.valueOf(((BooleanColumn) col).get(r)), field, where);
                } else {
                    assertEquals(col.getString(r), field, where);
                }
            }
        }
        return records;
    }

    /** A numeric field without a trailing marker: {@code 0.45*} to {@code 0.45}. */
    public static String stripMarker(String field) {
        int end = field.length();
        while (end > 0 && !Character.isDigit(field.charAt(end - 1)) && !field.endsWith("Infinity")
                && !field.endsWith("NaN")) {
            end--;
        }
        return field.substring(0, end);
    }

    /**
     * Parses RFC 4180 text: fields separated by commas, records by line breaks, quoted fields with doubled quotes.
     *
     * @param text the CSV
     * @return the records
     */
    public static List<List<String>> parse(String text) {
        List<List<String>> records = new ArrayList<>();
        List<String> record = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char ch = text.charAt(i);
            if (quoted) {
                if (ch == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (ch == '"') {
                    quoted = false;
                } else {
                    field.append(ch);
                }
            } else if (ch == '"') {
                quoted = true;
            } else if (ch == ',') {
                record.add(field.toString());
                field.setLength(0);
            } else if (ch == '\n') {
                record.add(field.toString());
                field.setLength(0);
                records.add(record);
                record = new ArrayList<>();
            } else if (ch != '\r') {
                field.append(ch);
            }
        }
        if (field.length() > 0 || !record.isEmpty()) {
            record.add(field.toString());
            records.add(record);
        }
        return records;
    }

    /**
     * Parses one RFC 4180 record without its line break (a line of a file read line by line).
     *
     * @param line the line
     * @return its fields; one empty field for an empty line
     */
    public static List<String> fields(String line) {
        return parse(line + "\n").get(0);
    }
}
