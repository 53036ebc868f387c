package io.loyalty.privacy;

import io.loyalty.internal.Checks;
import io.loyalty.internal.TextTable;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalDouble;

/**
 * A published aggregate table after small-cell suppression ({@link SmallCellSuppression}): cells, and the margins
 * published beside them (row totals, column totals, a grand total), each either published or suppressed. A
 * suppressed value prints as {@value #MARK} in {@link #toString()} and {@link #toCsv()} and is a missing value in
 * Tablesaw; it is never shown as zero. Primary and secondary suppressions print the same mark, so the table does not
 * say which cells were small; {@link #status} tells the publisher, and must not be published. Immutable.
 *
 * @since 0.2
 */
public final class SuppressedTable {
    /** How a suppressed value reads. */
    public static final String MARK = "x";

    /**
     * The state of a cell or margin.
     *
     * @since 0.2
     */
    public enum Status {
        /** Published. */
        PUBLISHED,
        /** Suppressed because fewer than k customers contributed to it. */
        PRIMARY,
        /** Suppressed so that a primary suppression cannot be recovered from the margins. */
        SECONDARY,
        /** The cell does not exist (e.g. an offset after the end of a cohort matrix) or the margin is not published. */
        ABSENT
    }

    private final String title;
    private final List<String> rows;
    private final List<String> columns;
    private final double[][] values;
    private final Status[][] status;
    private final double[] rowTotals;
    private final Status[] rowStatus;
    private final double[] columnTotals;
    private final Status[] columnStatus;
    private final double grandTotal;
    private final Status grandStatus;

    SuppressedTable(String title, List<String> rows, List<String> columns, double[][] values, Status[][] status,
            double[] rowTotals, Status[] rowStatus, double[] columnTotals, Status[] columnStatus, double grandTotal,
            Status grandStatus) {
        this.title = title;
        this.rows = List.copyOf(rows);
        this.columns = List.copyOf(columns);
        this.values = deep(values);
        this.status = new Status[status.length][];
        for (int r = 0; r < status.length; r++) {
            this.status[r] = status[r].clone();
        }
        this.rowTotals = rowTotals.clone();
        this.rowStatus = rowStatus.clone();
        this.columnTotals = columnTotals.clone();
        this.columnStatus = columnStatus.clone();
        this.grandTotal = grandTotal;
        this.grandStatus = grandStatus;
    }

    private static double[][] deep(double[][] a) {
        double[][] out = new double[a.length][];
        for (int r = 0; r < a.length; r++) {
            out[r] = a[r].clone();
        }
        return out;
    }

    /**
     * The title.
     *
     * @return the title
     */
    public String title() {
        return title;
    }

    /**
     * The row labels.
     *
     * @return an unmodifiable list
     */
    public List<String> rows() {
        return rows;
    }

    /**
     * The column labels.
     *
     * @return an unmodifiable list
     */
    public List<String> columns() {
        return columns;
    }

    /**
     * A cell's value if it is published.
     *
     * @param row the row index
     * @param column the column index
     * @return the value, or empty if suppressed or absent
     */
    public OptionalDouble value(int row, int column) {
        check(row, column);
        return status[row][column] == Status.PUBLISHED ? OptionalDouble.of(values[row][column])
                : OptionalDouble.empty();
    }

    /**
     * A cell's status, for the publisher (do not publish it: it tells primary from secondary suppressions).
     *
     * @param row the row index
     * @param column the column index
     * @return the status
     */
    public Status status(int row, int column) {
        check(row, column);
        return status[row][column];
    }

    /**
     * A row total if it is published.
     *
     * @param row the row index
     * @return the total, or empty if suppressed or not published
     */
    public OptionalDouble rowTotal(int row) {
        Checks.require(row >= 0 && row < rows.size(), "row must lie in [0, %d), got %d", rows.size(), row);
        return rowStatus[row] == Status.PUBLISHED ? OptionalDouble.of(rowTotals[row]) : OptionalDouble.empty();
    }

    /**
     * A column total if it is published.
     *
     * @param column the column index
     * @return the total, or empty if suppressed or not published
     */
    public OptionalDouble columnTotal(int column) {
        Checks.require(column >= 0 && column < columns.size(), "column must lie in [0, %d), got %d", columns.size(),
                column);
        return columnStatus[column] == Status.PUBLISHED ? OptionalDouble.of(columnTotals[column])
                : OptionalDouble.empty();
    }

    /**
     * The grand total if it is published.
     *
     * @return the total, or empty
     */
    public OptionalDouble grandTotal() {
        return grandStatus == Status.PUBLISHED ? OptionalDouble.of(grandTotal) : OptionalDouble.empty();
    }

    /**
     * The margins' statuses: row totals, then column totals, then the grand total, for the publisher.
     *
     * @return a new array
     */
    public Status[] marginStatus() {
        Status[] out = new Status[rowStatus.length + columnStatus.length + 1];
        System.arraycopy(rowStatus, 0, out, 0, rowStatus.length);
        System.arraycopy(columnStatus, 0, out, rowStatus.length, columnStatus.length);
        out[out.length - 1] = grandStatus;
        return out;
    }

    /**
     * The number of suppressed cells.
     *
     * @return primary plus secondary suppressions among the cells
     */
    public int suppressedCells() {
        int n = 0;
        for (Status[] row : status) {
            for (Status s : row) {
                n += s == Status.PRIMARY || s == Status.SECONDARY ? 1 : 0;
            }
        }
        return n;
    }

    private void check(int row, int column) {
        Checks.require(row >= 0 && row < rows.size(), "row must lie in [0, %d), got %d", rows.size(), row);
        Checks.require(column >= 0 && column < columns.size(), "column must lie in [0, %d), got %d", columns.size(),
                column);
    }

    boolean hasRowTotals() {
        for (Status s : rowStatus) {
            if (s != Status.ABSENT) {
                return true;
            }
        }
        return false;
    }

    boolean hasColumnTotals() {
        for (Status s : columnStatus) {
            if (s != Status.ABSENT) {
                return true;
            }
        }
        return grandStatus != Status.ABSENT;
    }

    private static Object cell(double v, Status s) {
        if (s == Status.ABSENT) {
            return null;
        }
        return s == Status.PUBLISHED ? (Object) v : TextTable.marked(null, MARK);
    }

    /**
     * The table: a {@code row} label column, the columns, and a {@code Total} column and row where margins are
     * published; a suppressed value is {@value #MARK}, an absent one blank.
     */
    TextTable textTable() {
        boolean rt = hasRowTotals();
        TextTable.Builder b = TextTable.builder().title(title).text("row");
        for (String c : columns) {
            b.significant(c, 6);
        }
        if (rt) {
            b.significant("Total", 6);
        }
        int width = columns.size() + 1 + (rt ? 1 : 0);
        for (int r = 0; r < rows.size(); r++) {
            Object[] f = new Object[width];
            f[0] = rows.get(r);
            for (int c = 0; c < columns.size(); c++) {
                f[c + 1] = cell(values[r][c], status[r][c]);
            }
            if (rt) {
                f[width - 1] = cell(rowTotals[r], rowStatus[r]);
            }
            b.row(f);
        }
        if (hasColumnTotals()) {
            Object[] f = new Object[width];
            f[0] = "Total";
            for (int c = 0; c < columns.size(); c++) {
                f[c + 1] = cell(columnTotals[c], columnStatus[c]);
            }
            if (rt) {
                f[width - 1] = cell(grandTotal, grandStatus);
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

    /** The title, then the table with the columns of {@link #writeCsv(Writer)}. */
    @Override
    public String toString() {
        return textTable().toString();
    }

    /**
     * Writes the table of {@link #toString()} as CSV with full precision (rounding is only for print): a {@code row} label column, the columns, and a {@code Total} column and row where margins are published; a suppressed value reads {@value #MARK}, an absent one is empty, never zero.
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
