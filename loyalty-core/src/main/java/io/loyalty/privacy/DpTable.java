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
 * offset after the end of the data) is null, printed blank and left empty in CSV. In a cohort table whose last
 * period had not ended at the end of the declared span, the last cell of each row is incomplete
 * ({@link #isIncomplete(int, int)}): its value is printed and written with {@code *} after it, as
 * {@code io.loyalty.cohort.CohortMatrices} marks its cells. Immutable.
 *
 * @since 0.2
 */
public final class DpTable {
    private final String title;
    private final List<String> rows;
    private final List<String> columns;
    private final NoisyValue[][] cells;
    private final boolean lastPeriodIncomplete;

    DpTable(String title, List<String> rows, List<String> columns, NoisyValue[][] cells) {
        this(title, rows, columns, cells, false);
    }

    DpTable(String title, List<String> rows, List<String> columns, NoisyValue[][] cells,
            boolean lastPeriodIncomplete) {
        this.lastPeriodIncomplete = lastPeriodIncomplete;
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
     * Whether the last period of this (cohort) table had not ended at the end of the declared span, so that the
     * last cell of each row covers part of a period.
     *
     * @return true when the last period is incomplete
     * @since 0.2
     */
    public boolean lastPeriodIncomplete() {
        return lastPeriodIncomplete;
    }

    /**
     * Whether a cell is present and covers only part of its period: the last present cell of its row when the
     * last period is incomplete ({@link #lastPeriodIncomplete()}).
     *
     * @param row the row index
     * @param column the column index
     * @return true for an incomplete cell
     * @throws IllegalArgumentException if either index is out of range
     * @since 0.2
     */
    public boolean isIncomplete(int row, int column) {
        return get(row, column) != null && lastPeriodIncomplete && column == lastPresent(row);
    }

    /** The last column of a row with a cell, or -1. */
    private int lastPresent(int row) {
        int c = columns.size() - 1;
        while (c >= 0 && cells[row][c] == null) {
            c--;
        }
        return c;
    }

    /**
     * This table with its last period marked incomplete: for a cohort retention table (rows = cohorts, columns =
     * offsets) released by {@link DpRelease#retention} or from dense indexes, whose declared span ended inside its
     * last period ({@link DpCohorts#lastPeriodIncomplete(io.loyalty.data.PeriodRule, java.time.Instant)}). The
     * values are the same; post-processing, no budget is spent.
     *
     * @return the marked table
     * @since 0.2
     */
    public DpTable withLastPeriodIncomplete() {
        return new DpTable(title, rows, columns, cells, true);
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
     * The table: a {@code row} label column, then for each column {@code x} its value, {@code x_sd},
     * {@code x_lower} and {@code x_upper} (95 % bounds); a cell that does not exist is blank.
     */
    TextTable textTable() {
        TextTable.Builder b = TextTable.builder().title(title).text("row");
        for (String c : columns) {
            b.significant(c, 6).significant(c + "_sd", 3).significant(c + "_lower", 6).significant(c + "_upper", 6);
        }
        for (int r = 0; r < rows.size(); r++) {
            Object[] f = new Object[1 + 4 * columns.size()];
            f[0] = rows.get(r);
            int marked = lastPeriodIncomplete ? lastPresent(r) : -1;
            for (int c = 0; c < columns.size(); c++) {
                NoisyValue v = cells[r][c];
                if (v != null) {
                    f[1 + 4 * c] = c == marked ? TextTable.marked(v.value(), "*") : v.value();
                    f[2 + 4 * c] = v.standardDeviation();
                    f[3 + 4 * c] = v.lower();
                    f[4 + 4 * c] = v.upper();
                }
            }
            b.row(f);
        }
        if (lastPeriodIncomplete) {
            b.note("* the period had not ended at the end of the declared span");
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

    /**
     * The title, then each column's value and standard deviation (the bounds are in the CSV); an incomplete cell's
     * value is marked {@code *}, with a note saying so.
     */
    @Override
    public String toString() {
        String[] shown = new String[1 + 2 * columns.size()];
        shown[0] = "row";
        for (int c = 0; c < columns.size(); c++) {
            shown[1 + 2 * c] = columns.get(c);
            shown[2 + 2 * c] = columns.get(c) + "_sd";
        }
        return textTable().select(shown).toString();
    }

    /**
     * Writes the table of {@link #toString()} as CSV with full precision (rounding is only for print): a
     * {@code row} label column, then for each column {@code x} its value, {@code x_sd}, {@code x_lower} and
     * {@code x_upper} (95 % bounds); a cell that does not exist is empty; an incomplete cell's value has
     * {@code *} after it ({@code 41.27*}).
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
