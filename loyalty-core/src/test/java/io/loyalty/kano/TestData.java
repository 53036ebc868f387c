package io.loyalty.kano;

import io.loyalty.testkit.CsvRoundTrip;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import tech.tablesaw.api.ColumnType;
import tech.tablesaw.api.Table;
import tech.tablesaw.io.csv.CsvReadOptions;

/** Loads the copied test data under {@code src/test/resources/kano} (see its README for origin and licence). */
final class TestData {
    private TestData() {
    }

    static InputStream open(String name) {
        InputStream in = TestData.class.getResourceAsStream("/kano/" + name);
        if (in == null) {
            throw new IllegalStateException("test resource missing: kano/" + name);
        }
        return in;
    }

    /** A small RFC-4180 reader: header row, then one map per row. */
    static List<Map<String, String>> csv(String name) {
        try (BufferedReader r = new BufferedReader(new InputStreamReader(open(name), StandardCharsets.UTF_8))) {
            List<String> header = CsvRoundTrip.fields(r.readLine());
            List<Map<String, String>> rows = new ArrayList<>();
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                List<String> cells = CsvRoundTrip.fields(line);
                Map<String, String> row = new HashMap<>();
                for (int k = 0; k < header.size(); k++) {
                    row.put(header.get(k), cells.get(k));
                }
                rows.add(row);
            }
            return rows;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A survey file read by Tablesaw with every column as text (no type detection). */
    static Table surveyTable(String name) {
        int columns = CsvRoundTrip.fields(header(name)).size();
        ColumnType[] types = new ColumnType[columns];
        Arrays.fill(types, ColumnType.STRING);
        try (InputStream in = open(name)) {
            return Table.read().usingOptions(CsvReadOptions.builder(in).tableName(name).columnTypes(types).build());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String header(String name) {
        try (BufferedReader r = new BufferedReader(new InputStreamReader(open(name), StandardCharsets.UTF_8))) {
            return r.readLine();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
