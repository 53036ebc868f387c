package io.loyalty.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;

/**
 * The one CSV writer of the library's result tables: RFC 4180 fields (a field holding a comma, a quote or a line
 * break is quoted and its quotes doubled), lines ending in {@code \n}, and numbers written losslessly: integers
 * exactly, doubles as the shortest decimal that reads back as the same double ({@link #number(double)}). Not API.
 */
public final class CsvWriter {
    private final Writer out;

    /**
     * A writer of CSV lines to {@code out}; the caller owns (and closes) {@code out}.
     *
     * @param out where the lines go
     */
    public CsvWriter(Writer out) {
        this.out = Checks.notNull(out, "out");
    }

    /**
     * Writes a file in UTF-8, replacing it: opens it, hands the writer to {@code body} (a result's
     * {@code writeCsv(Writer)}) and closes it, so that every result writes its file the same way.
     *
     * @param file the file, checked non-null by the caller
     * @param body what writes the content
     * @throws UncheckedIOException if opening, writing or closing fails
     */
    public static void toFile(Path file, Consumer<Writer> body) {
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            body.accept(w);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Writes one line of fields, each quoted when it must be.
     *
     * @param fields the fields, already formatted
     * @throws UncheckedIOException if the underlying writer fails
     */
    public void line(List<String> fields) {
        try {
            for (int i = 0; i < fields.size(); i++) {
                if (i > 0) {
                    out.write(',');
                }
                out.write(quote(fields.get(i)));
            }
            out.write('\n');
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Flushes the underlying writer (which stays open).
     *
     * @throws UncheckedIOException if the underlying writer fails
     */
    public void flush() {
        try {
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A field as RFC 4180 writes it: as is, or quoted with its quotes doubled when it holds a comma, a quote or a
     * line break.
     *
     * @param field the field
     * @return the field, quoted when needed
     */
    public static String quote(String field) {
        if (field.indexOf(',') < 0 && field.indexOf('"') < 0 && field.indexOf('\n') < 0
                && field.indexOf('\r') < 0) {
            return field;
        }
        return '"' + field.replace("\"", "\"\"") + '"';
    }

    /**
     * A double as the shortest decimal that {@link Double#parseDouble} reads back as the same double: whole
     * numbers below 2<sup>53</sup> without a decimal point, others plain between 1e-7 and 1e21 and in scientific
     * notation ({@code 1.5E+300}) outside; {@code -0}, {@code NaN}, {@code Infinity} and {@code -Infinity} as
     * Java reads them. (Java 17's {@link Double#toString} round-trips but is not always the shortest.)
     *
     * @param d the value
     * @return its shortest round-trip decimal
     */
    public static String number(double d) {
        if (d != d) {
            return "NaN";
        }
        if (Double.isInfinite(d)) {
            return d > 0 ? "Infinity" : "-Infinity";
        }
        if (d == 0) {
            return 1 / d < 0 ? "-0" : "0";
        }
        if (d == Math.rint(d) && Math.abs(d) < 0x1p53) {
            return Long.toString((long) d);
        }
        BigDecimal exact = new BigDecimal(d);
        for (int digits = 1; digits < 17; digits++) {
            BigDecimal r = exact.round(new MathContext(digits, RoundingMode.HALF_EVEN));
            if (Double.parseDouble(r.toString()) == d) {
                return decimal(r);
            }
        }
        // 17 significant digits always identify a double.
        return decimal(exact.round(new MathContext(17, RoundingMode.HALF_EVEN)));
    }

    private static String decimal(BigDecimal r) {
        BigDecimal s = r.stripTrailingZeros();
        int exponent = s.precision() - s.scale() - 1;
        return exponent >= -7 && exponent < 21 ? s.toPlainString() : s.toString();
    }
}
