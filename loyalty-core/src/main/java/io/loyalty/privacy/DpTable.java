package io.loyalty.privacy;

import io.loyalty.internal.Checks;
import io.loyalty.internal.TextTable;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.file.Path;
import java.util.List;

/**
 * A released table of noisy values: rows (segments, segment-periods, cohorts, arms, paths) by columns (counts and
 * what is derived from them), each cell a {@link NoisyValue}. A cell that does not exist (in a cohort matrix, an
 * offset after the end of the data) is null, printed blank and left empty in CSV. Immutable.
 *
 * @since 0.2
 */
public final class DpTable {
    private final String title;
    private final List<String> rows;
    private final List<String> columns;
    private final NoisyValue[][] cells;

    DpTable(String title, List<String> rows, List<String> columns, NoisyValue[][] cells) {
        this.title = title;
        this.rows = List.copyOf(rows);
        this.columns = List.copyOf(columns);
        this.cells = new NoisyValue[cells.length][];
        for (int r = 0; r < cells.length; r++) {
            this.cells[r] = cells[r].clone();
        }
    }

    /**
     * What the table holds and what it cost.
     *
     * @return the title
     */
    public String title() {
        return title;
    }

    /**
     * The row labels, in order.
     *
     * @return an unmodifiable list
     */
    public List<String> rows() {
        return rows;
    }

    /**
     * The column names, in order.
     *
     * @return an unmodifiable list
     */
    public List<String> columns() {
        return columns;
    }

    /**
     * One cell.
     *
     * @param row the row index
     * @param column the column index
     * @return the cell, null if it does not exist
     * @throws IllegalArgumentException if either index is out of range
     */
    public NoisyValue get(int row, int column) {
        Checks.require(row >= 0 && row < rows.size(), "row must lie in [0, %d), got %d", rows.size(), row);
        Checks.require(column >= 0 && column < columns.size(), "column must lie in [0, %d), got %d",
                columns.size(), column);
        return cells[row][column];
    }

    /**
     * One cell by labels.
     *
     * @param row the row label
     * @param column the column name
     * @return the cell, null if it does not exist
     * @throws IllegalArgumentException if either is not in the table
     */
    public NoisyValue get(String row, String column) {
        Checks.notNull(row, "row");
        Checks.notNull(column, "column");
        int r = rows.indexOf(row);
        int c = columns.indexOf(column);
        Checks.require(r >= 0, "row '%s' is not in the table (rows: %s)", row, rows);
        Checks.require(c >= 0, "column '%s' is not in the table (columns: %s)", column, columns);
        return cells[r][c];
    }

    /**
     * The released values of one column.
     *
     * @param column the column name
     * @return a new array, one value per row (NaN where the cell does not exist)
     */
    public double[] values(String column) {
        Checks.notNull(column, "column");
        int c = columns.indexOf(column);
        Checks.require(c >= 0, "column '%s' is not in the table (columns: %s)", column, columns);
        double[] out = new double[rows.size()];
        for (int r = 0; r < out.length; r++) {
            out[r] = cells[r][c] == null ? Double.NaN : cells[r][c].value();
        }
        return out;
    }

    /**
     * The table: a {@code row} label column, then for each column {@code x} its value, {@code x sd},
     * {@code x lower} and {@code x upper} (95 % bounds); a cell that does not exist is blank.
     */
    TextTable textTable() {
        TextTable.Builder b = TextTable.builder().title(title).text("row");
        for (String c : columns) {
            b.significant(c, 6).significant(c + " sd", 3).significant(c + " lower", 6).significant(c + " upper", 6);
        }
        for (int r = 0; r < rows.size(); r++) {
            Object[] f = new Object[1 + 4 * columns.size()];
            f[0] = rows.get(r);
            for (int c = 0; c < columns.size(); c++) {
                NoisyValue v = cells[r][c];
                if (v != null) {
                    f[1 + 4 * c] = v.value();
                    f[2 + 4 * c] = v.standardDeviation();
                    f[3 + 4 * c] = v.lower();
                    f[4 + 4 * c] = v.upper();
                }
            }
            b.row(f);
        }
        return b.build();
    }

    /**
     * The CSV of {@link #writeCsv(Writer)} as a string.
     *
     * @return the CSV text, lines ending in \n
     */
    public String toCsv() {
        StringWriter out = new StringWriter();
        writeCsv(out);
        return out.toString();
    }

    /** The title, then each column's value and standard deviation (the bounds are in the CSV). */
    @Override
    public String toString() {
        String[] shown = new String[1 + 2 * columns.size()];
        shown[0] = "row";
        for (int c = 0; c < columns.size(); c++) {
            shown[1 + 2 * c] = columns.get(c);
            shown[2 + 2 * c] = columns.get(c) + " sd";
        }
        return textTable().select(shown).toString();
    }

    /**
     * Writes the table of {@link #toString()} as CSV with full precision (rounding is only for print): a {@code row} label column, then for each column {@code x} its value, {@code x sd}, {@code x lower} and {@code x upper} (95 % bounds); a cell that does not exist is empty.
     * Column names are those of the Tablesaw adapter; see {@code docs/data.md}.
     *
     * @param out where to write; not closed
     * @throws java.io.UncheckedIOException if writing fails
     * @since 0.2
     */
    public void writeCsv(Writer out) {
        Checks.notNull(out, "out");
        textTable().writeCsv(out);
    }

    /**
     * Writes the CSV of {@link #writeCsv(Writer)} to a file in UTF-8, replacing it.
     *
     * @param csvFile the file
     * @throws java.io.UncheckedIOException if writing fails
     * @since 0.2
     */
    public void writeCsv(Path csvFile) {
        Checks.notNull(csvFile, "csvFile");
        textTable().writeCsv(csvFile);
    }
}
