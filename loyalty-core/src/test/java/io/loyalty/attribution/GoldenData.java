package io.loyalty.attribution;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Loads the bundled ChannelAttribution sample data and reference tables (see resources/attribution/README.md). */
final class GoldenData {
    private static Journeys data;

    private GoldenData() {
    }

    static synchronized Journeys journeys() {
        if (data == null) {
            try (Reader in = new InputStreamReader(open("Data.csv"), StandardCharsets.US_ASCII)) {
                data = Journeys.readCsv(in);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return data;
    }

    /** Rows of a ';'-separated reference table, header dropped. */
    static List<String[]> table(String name) {
        List<String[]> rows = new ArrayList<>();
        try (InputStream in = open(name)) {
            String[] lines = new String(in.readAllBytes(), StandardCharsets.US_ASCII).split("\n");
            for (int i = 1; i < lines.length; i++) {
                if (!lines[i].isBlank()) {
                    rows.add(lines[i].split(";"));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return rows;
    }

    private static InputStream open(String name) {
        InputStream in = GoldenData.class.getResourceAsStream("/attribution/" + name);
        if (in == null) {
            throw new IllegalStateException("missing test resource attribution/" + name);
        }
        return in;
    }
}
