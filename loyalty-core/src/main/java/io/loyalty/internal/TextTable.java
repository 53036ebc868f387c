package io.loyalty.internal;

import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The one table style of the library's results: a result builds a {@code TextTable} once, prints it in
 * {@code toString} and writes it with {@code writeCsv}, so that the printed columns and the CSV header are the same
 * names. Printing aligns the columns (text left, numbers right, digits aligned past a cell's marker), rounds each
 * column to the places it declares, prints counts as integers, percentages as {@code 12.3%} and flags as
 * {@code yes}/{@code no}; the CSV keeps full precision ({@link CsvWriter#number(double)}), fractions as fractions,
 * flags as {@code true}/{@code false}, and a marked cell's marker after its value ({@code 0.4512*}). A missing
 * cell is blank in both. Column names carry their unit ({@code recency_days}); see {@code docs/data.md}. Immutable.
 * Not API.
 */
public final class TextTable {
    /** How a column prints. */
    public enum Kind {
        /** Text, left-aligned. */
        TEXT,
        /** A count: an integer (a whole double prints without decimals). */
        COUNT,
        /** A number with a fixed number of decimal places. */
        DECIMAL,
        /** A fraction printed as a percentage with a fixed number of decimal places. */
        PERCENT,
        /** A number with a fixed number of significant digits. */
        SIGNIFICANT,
        /** A p-value: three significant digits, scientific below 0.001, {@code <1e-40} below that. */
        P_VALUE,
        /** A boolean, printed yes or no. */
        FLAG
    }

    /** A cell with a marker written after its value, or a marker alone when the value is null. */
    private static final class Marked {
        final Object value;
        final String marker;

        Marked(Object value, String marker) {
            this.value = value;
            this.marker = marker;
        }
    }

    private final String title;
    private final List<String> names;
    private final Kind[] kinds;
    private final int[] digits;
    private final List<Object[]> rows;
    private final List<String> notes;

    private TextTable(Builder b) {
        this.title = b.title;
        this.names = List.copyOf(b.names);
        this.kinds = b.kinds.toArray(new Kind[0]);
        this.digits = b.digits.stream().mapToInt(Integer::intValue).toArray();
        this.rows = List.copyOf(b.rows);
        this.notes = List.copyOf(b.notes);
    }

    /**
     * A new, empty builder.
     *
     * @return the builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * A cell holding a value and a marker printed and written after it ({@code 45.1*}); with a null value, the
     * marker alone (a suppressed cell).
     *
     * @param value the value (a number, text, boolean or null)
     * @param marker the marker
     * @return the cell, for {@link Builder#row(Object...)}
     */
    public static Object marked(Object value, String marker) {
        return new Marked(value, Checks.notNull(marker, "marker"));
    }

    /**
     * The column names: the CSV header and the printed header.
     *
     * @return the names, in order
     */
    public List<String> columnNames() {
        return names;
    }

    /**
     * The same rows with only the named columns, in the order given: a narrower print of a wide table.
     *
     * @param columns the names of the columns to keep
     * @return the narrower table, with this table's title and notes
     */
    public TextTable select(String... columns) {
        Builder b = builder().title(title);
        int[] index = new int[columns.length];
        for (int k = 0; k < columns.length; k++) {
            index[k] = names.indexOf(columns[k]);
            Checks.require(index[k] >= 0, "no column '%s' in %s", columns[k], names);
            b.column(columns[k], kinds[index[k]], digits[index[k]]);
        }
        for (Object[] row : rows) {
            Object[] cells = new Object[index.length];
            for (int k = 0; k < index.length; k++) {
                cells[k] = row[index[k]];
            }
            b.row(cells);
        }
        notes.forEach(b::note);
        return b.build();
    }

    /**
     * The number of rows.
     *
     * @return the rows
     */
    public int rowCount() {
        return rows.size();
    }

    /**
     * Prints every row.
     *
     * @return the title line (if any), the header, the rows and the notes, each line ending in a line separator
     */
    @Override
    public String toString() {
        return render(Integer.MAX_VALUE);
    }

    /**
     * Prints the first {@code maxRows} rows and a line saying how many more there are.
     *
     * @param maxRows the rows to show, &gt;= 0
     * @return the text
     */
    public String render(int maxRows) {
        int shown = Math.min(Math.max(0, maxRows), rows.size());
        int width = names.size();
        int[] places = places(shown);
        String[][] cells = new String[shown][width];
        String[][] marks = new String[shown][width];
        int[] cellWidth = new int[width];
        int[] markWidth = new int[width];
        for (int r = 0; r < shown; r++) {
            Object[] row = rows.get(r);
            for (int c = 0; c < width; c++) {
                Object v = row[c];
                String mark = "";
                if (v instanceof Marked) {
                    mark = ((Marked) v).marker;
                    v = ((Marked) v).value;
                }
                cells[r][c] = v == null ? "" : places[c] >= 0 && v instanceof Double && Double.isFinite((Double) v)
                        ? fixed((Double) v, places[c]) : print(v, kinds[c], digits[c]);
                marks[r][c] = mark;
                markWidth[c] = Math.max(markWidth[c], mark.length());
            }
        }
        for (int c = 0; c < width; c++) {
            cellWidth[c] = names.get(c).length();
            for (int r = 0; r < shown; r++) {
                cellWidth[c] = Math.max(cellWidth[c], cells[r][c].length() + markWidth[c]);
            }
        }
        String nl = System.lineSeparator();
        StringBuilder b = new StringBuilder();
        if (title != null) {
            b.append(title).append(nl);
        }
        StringBuilder line = new StringBuilder();
        for (int c = 0; c < width; c++) {
            pad(line, names.get(c), "", 0, cellWidth[c], kinds[c] == Kind.TEXT || kinds[c] == Kind.FLAG, c == 0);
        }
        b.append(strip(line)).append(nl);
        for (int r = 0; r < shown; r++) {
            line.setLength(0);
            for (int c = 0; c < width; c++) {
                pad(line, cells[r][c], marks[r][c], markWidth[c], cellWidth[c], kinds[c] == Kind.TEXT || kinds[c] == Kind.FLAG, c == 0);
            }
            b.append(strip(line)).append(nl);
        }
        if (shown < rows.size()) {
            b.append(String.format(Locale.ROOT, "... %d more rows", rows.size() - shown)).append(nl);
        }
        for (String note : notes) {
            b.append(note).append(nl);
        }
        return b.toString();
    }

    /**
     * The decimal places of each {@code SIGNIFICANT} column in print, or -1 to format cell by cell: none when its
     * shown values are all whole, else the places that give its largest value the column's significant digits (so
     * the points align), unless that value is beyond 1e15 or below 1e-4. A {@code DECIMAL} column keeps its places
     * (money prints cents even when whole).
     */
    private int[] places(int shown) {
        int[] out = new int[names.size()];
        for (int c = 0; c < out.length; c++) {
            out[c] = -1;
            if (kinds[c] != Kind.SIGNIFICANT) {
                continue;
            }
            boolean whole = true;
            double max = 0;
            for (int r = 0; r < shown; r++) {
                Object v = rows.get(r)[c];
                v = v instanceof Marked ? ((Marked) v).value : v;
                if (v instanceof Number && Double.isFinite(((Number) v).doubleValue())) {
                    double d = ((Number) v).doubleValue();
                    whole &= d == Math.rint(d) && Math.abs(d) < 1e15;
                    max = Math.max(max, Math.abs(d));
                }
            }
            if (whole) {
                out[c] = 0;
            } else if (max >= 1e-4 && max < 1e15) {
                out[c] = Math.max(0, digits[c] - 1 - (int) Math.floor(Math.log10(max)));
            }
        }
        return out;
    }

    /**
     * Writes the table as CSV (the header, then one line per row; no title or notes), full precision.
     *
     * @param out where to write; not closed
     * @throws UncheckedIOException if writing fails
     */
    public void writeCsv(Writer out) {
        CsvWriter csv = new CsvWriter(out);
        csv.line(names);
        List<String> fields = new ArrayList<>(names.size());
        for (Object[] row : rows) {
            fields.clear();
            for (int c = 0; c < row.length; c++) {
                fields.add(csv(row[c], kinds[c]));
            }
            csv.line(fields);
        }
        csv.flush();
    }

    /**
     * Writes the table as CSV in UTF-8 to a file, replacing it.
     *
     * @param file the file
     * @throws UncheckedIOException if writing fails
     */
    public void writeCsv(Path file) {
        Checks.notNull(file, "file");
        CsvWriter.toFile(file, this::writeCsv);
    }

    private static void pad(StringBuilder line, String cell, String mark, int markWidth, int width, boolean left,
            boolean first) {
        if (!first) {
            line.append("  ");
        }
        if (left) {
            line.append(cell).append(mark);
            line.append(" ".repeat(width - cell.length() - mark.length()));
        } else {
            line.append(" ".repeat(width - cell.length() - markWidth)).append(cell).append(mark);
            line.append(" ".repeat(markWidth - mark.length()));
        }
    }

    private static String strip(StringBuilder line) {
        int end = line.length();
        while (end > 0 && line.charAt(end - 1) == ' ') {
            end--;
        }
        return line.substring(0, end);
    }

    private static String csv(Object v, Kind kind) {
        if (v == null) {
            return "";
        }
        if (v instanceof Marked) {
            Marked m = (Marked) v;
            return csv(m.value, kind) + m.marker;
        }
        if (v instanceof Long || v instanceof Integer) {
            return v.toString();
        }
        if (v instanceof Number) {
            return CsvWriter.number(((Number) v).doubleValue());
        }
        return v.toString();
    }

    private static String print(Object v, Kind kind, int digits) {
        if (v instanceof Boolean) {
            return (Boolean) v ? "yes" : "no";
        }
        if (!(v instanceof Number)) {
            return v.toString();
        }
        if (v instanceof Long || v instanceof Integer) {
            long x = ((Number) v).longValue();
            return kind == Kind.PERCENT ? fixed(100.0 * x, digits) + "%" : Long.toString(x);
        }
        double d = ((Number) v).doubleValue();
        if (!Double.isFinite(d)) {
            return d != d ? "NaN" : d > 0 ? "Inf" : "-Inf";
        }
        switch (kind) {
            case COUNT:
                return d == Math.rint(d) && Math.abs(d) < 0x1p63 ? Long.toString((long) d) : fixed(d, 2);
            case PERCENT:
                return fixed(100 * d, digits) + "%";
            case SIGNIFICANT:
                return significant(d, digits);
            case P_VALUE:
                return pValue(d);
            default:
                return fixed(d, digits);
        }
    }

    private static String fixed(double d, int places) {
        return String.format(Locale.ROOT, "%." + places + "f", d);
    }

    /**
     * A number rounded to {@code digits} significant digits: plain from 1e-4 to below 1e15, scientific
     * ({@code 1.23e+20}) outside.
     *
     * @param d the value, finite
     * @param digits the significant digits, &gt;= 1
     * @return the text
     */
    public static String significant(double d, int digits) {
        if (!Double.isFinite(d)) {
            return d != d ? "NaN" : d > 0 ? "Inf" : "-Inf";
        }
        if (d == 0) {
            return "0";
        }
        BigDecimal r = new BigDecimal(d).round(new MathContext(digits, RoundingMode.HALF_EVEN));
        int exponent = r.precision() - r.scale() - 1;
        if (exponent >= -4 && exponent < 15) {
            return r.setScale(Math.max(0, digits - 1 - exponent), RoundingMode.HALF_EVEN).toPlainString();
        }
        return String.format(Locale.ROOT, "%." + (digits - 1) + "e", d);
    }

    /**
     * A count for a reader: a whole number without decimals, another with two.
     *
     * @param d the count
     * @return the text
     */
    public static String count(double d) {
        return print(d, Kind.COUNT, 0);
    }

    /**
     * A p-value for a reader: {@code 0.0123}, {@code 1.2e-05} or {@code <1e-40}.
     *
     * @param p the p-value
     * @return the text
     */
    public static String pValue(double p) {
        if (p < 1e-40) {
            return "<1e-40";
        }
        if (p < 1e-3) {
            return String.format(Locale.ROOT, "%.1e", p);
        }
        return String.format(Locale.ROOT, "%.3g", p);
    }

    /**
     * A level as a percentage without trailing zeros: 0.95 to {@code 95}, 0.975 to {@code 97.5}.
     *
     * @param level the level
     * @return the text
     */
    public static String level(double level) {
        return new BigDecimal(Double.toString(level * 100)).round(new MathContext(10)).stripTrailingZeros()
                .toPlainString();
    }

    /** Collects the columns, then the rows, of a table. Not thread-safe. */
    public static final class Builder {
        private String title;
        private final List<String> names = new ArrayList<>();
        private final List<Kind> kinds = new ArrayList<>();
        private final List<Integer> digits = new ArrayList<>();
        private final List<Object[]> rows = new ArrayList<>();
        private final List<String> notes = new ArrayList<>();

        private Builder() {
        }

        /**
         * Sets the line printed above the header (not written to CSV).
         *
         * @param line the title
         * @return this builder
         */
        public Builder title(String line) {
            this.title = line;
            return this;
        }

        /**
         * Adds a line printed below the rows (not written to CSV), e.g. what a marker means.
         *
         * @param line the note
         * @return this builder
         */
        public Builder note(String line) {
            notes.add(Checks.notNull(line, "line"));
            return this;
        }

        /**
         * Adds a column.
         *
         * @param name its name, with its unit where it has one
         * @param kind how it prints
         * @param digits decimal places ({@code DECIMAL}, {@code PERCENT}) or significant digits
         *     ({@code SIGNIFICANT}); ignored otherwise
         * @return this builder
         */
        public Builder column(String name, Kind kind, int digits) {
            Checks.require(rows.isEmpty(), "add the columns before the rows");
            names.add(Checks.notNull(name, "name"));
            kinds.add(Checks.notNull(kind, "kind"));
            this.digits.add(Math.max(kind == Kind.SIGNIFICANT ? 1 : 0, digits));
            return this;
        }

        /**
         * Adds a text column.
         *
         * @param name its name
         * @return this builder
         */
        public Builder text(String name) {
            return column(name, Kind.TEXT, 0);
        }

        /**
         * Adds a count column.
         *
         * @param name its name
         * @return this builder
         */
        public Builder count(String name) {
            return column(name, Kind.COUNT, 0);
        }

        /**
         * Adds a number column printed with {@code places} decimals.
         *
         * @param name its name, with its unit
         * @param places the decimal places
         * @return this builder
         */
        public Builder decimal(String name, int places) {
            return column(name, Kind.DECIMAL, places);
        }

        /**
         * Adds a fraction column printed as a percentage with {@code places} decimals.
         *
         * @param name its name
         * @param places the decimal places of the percentage
         * @return this builder
         */
        public Builder percent(String name, int places) {
            return column(name, Kind.PERCENT, places);
        }

        /**
         * Adds a number column printed with {@code digits} significant digits.
         *
         * @param name its name, with its unit
         * @param digits the significant digits
         * @return this builder
         */
        public Builder significant(String name, int digits) {
            return column(name, Kind.SIGNIFICANT, digits);
        }

        /**
         * Adds a p-value column.
         *
         * @param name its name
         * @return this builder
         */
        public Builder pValue(String name) {
            return column(name, Kind.P_VALUE, 0);
        }

        /**
         * Adds a boolean column.
         *
         * @param name its name
         * @return this builder
         */
        public Builder flag(String name) {
            return column(name, Kind.FLAG, 0);
        }

        /**
         * Adds a row: one cell per column, each a {@link String}, a {@link Number}, a {@link Boolean}, a
         * {@link TextTable#marked} cell or null (missing).
         *
         * @param cells the cells
         * @return this builder
         */
        public Builder row(Object... cells) {
            Checks.require(cells.length == names.size(), "a row needs %d cells, got %d", names.size(),
                    cells.length);
            rows.add(Arrays.copyOf(cells, cells.length));
            return this;
        }

        /**
         * The table.
         *
         * @return the immutable table
         */
        public TextTable build() {
            return new TextTable(this);
        }
    }
}
