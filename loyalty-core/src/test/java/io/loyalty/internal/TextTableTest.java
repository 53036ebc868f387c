package io.loyalty.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.loyalty.testkit.CsvRoundTrip;
import io.loyalty.testkit.Property;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The shared table style and CSV writer: aligned print, rounding only in print, lossless RFC 4180 CSV. */
class TextTableTest {
    private static final double[] EDGES = {0, -0.0, 1, -1, 0.1, 0.2 + 0.1, 1.0 / 3, 2.0 / 3, 63.39999999999999, 1e-7,
        1.5e-8, 1e21, 1e22, 123456789.125, 0x1p53, 0x1p53 + 2, 0x1p53 - 1, -0x1p53 - 2, 1e308, Double.MAX_VALUE,
        Double.MIN_VALUE, Double.MIN_NORMAL, 4.9e-324 * 3, 2e23, 5e-324, 9007199254740993.0, Math.PI, -Math.E,
        Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY};

    @Test
    void numbersAreTheShortestDecimalThatReadsBackAsTheSameDouble() {
        for (double d : EDGES) {
            String s = CsvWriter.number(d);
            assertEquals(Double.doubleToLongBits(d), Double.doubleToLongBits(Double.parseDouble(s)), s);
        }
        assertEquals("0.3", CsvWriter.number(0.3));
        assertEquals("0.30000000000000004", CsvWriter.number(0.1 + 0.2));
        assertEquals("63.39999999999999", CsvWriter.number(63.39999999999999));
        assertEquals("2E+23", CsvWriter.number(2e23));
        assertEquals("9007199254740992", CsvWriter.number(0x1p53));
        assertEquals("-0", CsvWriter.number(-0.0));
        assertEquals("5E-324", CsvWriter.number(Double.MIN_VALUE));
        assertEquals("0.0000001", CsvWriter.number(1e-7));
        assertEquals("1E+21", CsvWriter.number(1e21));
        assertEquals("123456789.125", CsvWriter.number(123456789.125));
    }

    @Test
    void everyDoubleRoundTrips() {
        Property.forAll("csv number round trip", 2000, rng -> {
            double d = rng.nextBoolean() ? Double.longBitsToDouble(rng.nextLong())
                    : rng.nextDouble() * Math.pow(10, rng.nextInt(40) - 20);
            String s = CsvWriter.number(d);
            assertEquals(Double.doubleToLongBits(d), Double.doubleToLongBits(Double.parseDouble(s)), s);
            if (Double.isFinite(d)) {
                assertTrue(digits(s) <= digits(Double.toString(d)), s + " vs " + d);
            }
        });
    }

    /** The significant digits of a decimal: no sign, point, exponent, leading or trailing zeros. */
    private static int digits(String s) {
        String m = s.replaceFirst("[eE].*", "").replace("-", "").replace(".", "");
        return Math.max(1, m.replaceFirst("^0+", "").replaceFirst("0+$", "").length());
    }

    @Test
    void fieldsAreQuotedAsRfc4180Says() {
        assertEquals("plain", CsvWriter.quote("plain"));
        assertEquals("\"a,b\"", CsvWriter.quote("a,b"));
        assertEquals("\"say \"\"hi\"\"\"", CsvWriter.quote("say \"hi\""));
        assertEquals("\"two\nlines\"", CsvWriter.quote("two\nlines"));
        assertEquals("\"cr\r\"", CsvWriter.quote("cr\r"));
        assertEquals("", CsvWriter.quote(""));
    }

    @Test
    void printRoundsAndAlignsWhileCsvKeepsEveryDigitAndMarker(@TempDir Path dir) throws Exception {
        TextTable t = TextTable.builder().title("title").text("name").count("n").decimal("x_days", 2)
                .percent("share", 1).pValue("p").flag("flag").significant("big", 4)
                .row("a, \"quoted\"", 3L, 63.39999999999999, 0.123456, 0.000012345, true, 123456.0)
                .row("bee", 1234.0, TextTable.marked(2.0 / 3, "*"), null, 0.5, false, null)
                .row("c", 7, TextTable.marked(null, "x"), 1.0, 1e-50, false, Double.NaN)
                .note("* incomplete").build();
        String expected = String.join(System.lineSeparator(),
                "title",
                "name            n  x_days   share        p  flag     big",
                "a, \"quoted\"     3  63.40    12.3%  1.2e-05  yes   123456",
                "bee          1234   0.67*            0.500  no",
                "c               7       x  100.0%   <1e-40  no       NaN",
                "* incomplete", "");
        assertEquals(expected, t.toString());
        StringWriter out = new StringWriter();
        t.writeCsv(out);
        assertEquals("name,n,x_days,share,p,flag,big\n"
                + "\"a, \"\"quoted\"\"\",3,63.39999999999999,0.123456,0.000012345,true,123456\n"
                + "bee,1234,0.6666666666666666*,,0.5,false,\n"
                + "c,7,x,1,1E-50,false,NaN\n", out.toString());
        List<List<String>> back = CsvRoundTrip.parse(out.toString());
        assertEquals("a, \"quoted\"", back.get(1).get(0));
        assertEquals(2.0 / 3, Double.parseDouble(CsvRoundTrip.stripMarker(back.get(2).get(2))));
        Path file = dir.resolve("t.csv");
        t.writeCsv(file);
        assertEquals(out.toString(), Files.readString(file));
        assertEquals("... 2 more rows", t.render(1).lines().skip(3).findFirst().orElseThrow());
        assertEquals(List.of("n", "name"), t.select("n", "name").columnNames());
    }
}
