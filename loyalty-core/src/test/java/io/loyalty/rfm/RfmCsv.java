package io.loyalty.rfm;

import io.loyalty.testkit.CsvRoundTrip;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Reads the small CSV files of {@code src/test/resources/rfm}: comma-separated, optional double quotes. */
final class RfmCsv {
    private RfmCsv() {
    }

    /** The data rows (header dropped), each split into unquoted fields. */
    static List<String[]> read(String name) {
        List<String[]> rows = new ArrayList<>();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(
                RfmCsv.class.getResourceAsStream("/rfm/" + name), StandardCharsets.UTF_8))) {
            in.readLine();
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                if (!line.isEmpty()) {
                    rows.add(CsvRoundTrip.fields(line).toArray(new String[0]));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return rows;
    }
}
