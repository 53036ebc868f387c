package io.loyalty.data;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/** Reads the CDNOW test files (see src/test/resources/data/README.md). */
final class CdnowFixture {
    private CdnowFixture() {
    }

    /** The 1/10 sample's transactions, customer = sample id. */
    static List<Transaction> sampleTransactions() {
        List<Transaction> out = new ArrayList<>();
        for (String line : lines("/data/CDNOW_sample.txt")) {
            String[] f = line.trim().split("\\s+");
            if (f.length == 5) {
                out.add(Transaction.of(Integer.toString(Integer.parseInt(f[1])),
                        LocalDate.parse(f[2], DateTimeFormatter.BASIC_ISO_DATE), Double.parseDouble(f[4])));
            }
        }
        return out;
    }

    static List<String[]> csv(String resource) {
        List<String[]> rows = new ArrayList<>();
        List<String> lines = lines(resource);
        for (String line : lines.subList(1, lines.size())) {
            if (!line.isBlank()) {
                rows.add(line.trim().split(","));
            }
        }
        return rows;
    }

    static List<String> lines(String resource) {
        try (InputStream in = CdnowFixture.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource " + resource);
            }
            List<String> out = new ArrayList<>();
            try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                for (String line = r.readLine(); line != null; line = r.readLine()) {
                    out.add(line);
                }
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
