package io.loyalty.privacy;

import io.loyalty.internal.Checks;
import io.loyalty.internal.CsvWriter;
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
     * The table as CSV: a row label column, then for each column its value, standard deviation and 95 % bounds.
     *
     * @return the CSV text, lines ending in \n
     */
    public String toCsv() {
        StringBuilder b = new StringBuilder("row");
        for (String c : columns) {
            b.append(',').append(c).append(',').append(c).append(" sd,").append(c).append(" lower,").append(c)
                    .append(" upper");
        }
        b.append('\n');
        for (int r = 0; r < rows.size(); r++) {
            b.append(CsvWriter.quote(rows.get(r)));
            for (NoisyValue v : cells[r]) {
                b.append(v == null ? ",,,," : Checks.format(",%s,%s,%s,%s", v.value(), v.standardDeviation(),
                        v.lower(), v.upper()));
            }
            b.append('\n');
        }
        return b.toString();
    }

    @Override
    public String toString() {
        StringBuilder b = new StringBuilder(title).append(System.lineSeparator());
        int w = 8;
        for (String r : rows) {
            w = Math.max(w, r.length());
        }
        b.append(String.format(java.util.Locale.ROOT, "%-" + w + "s", ""));
        for (String c : columns) {
            b.append(Checks.format(" %24s", c));
        }
        b.append(System.lineSeparator());
        for (int r = 0; r < rows.size(); r++) {
            b.append(String.format(java.util.Locale.ROOT, "%-" + w + "s", rows.get(r)));
            for (NoisyValue v : cells[r]) {
                b.append(v == null ? Checks.format(" %24s", "")
                        : Checks.format(" %12.6g ± %9.3g", v.value(), NoisyValue.Z95 * v.standardDeviation()));
            }
            b.append(System.lineSeparator());
        }
        return b.toString();
    }
}
