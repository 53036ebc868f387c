package io.loyalty.tablesaw;

import io.loyalty.internal.Checks;
import io.loyalty.privacy.DpTable;
import io.loyalty.privacy.NoisyValue;
import io.loyalty.privacy.Pseudonymizer;
import io.loyalty.privacy.SuppressedTable;
import java.util.OptionalDouble;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * Tablesaw in and out for {@link io.loyalty.privacy}: pseudonymised copies of tables and columns, and published
 * tables (noisy or suppressed) as Tablesaw tables.
 *
 * @since 0.2
 */
public final class PrivacyTables {
    private PrivacyTables() {
    }

    /**
     * A copy of {@code table} whose id column holds pseudonyms (a text column of the same name, at the same place);
     * every other column is copied unchanged. Ids are read as {@link DataTables#transactions} reads them (text as is,
     * integers in decimal, whole doubles without ".0"), so a numeric and a text id column give the same pseudonyms.
     * The table is not modified.
     *
     * @param table the table
     * @param idColumn the id column's name
     * @param pseudonymizer the keyed pseudonymizer
     * @return a new table
     * @throws IllegalArgumentException if the column is absent, has a missing or blank cell (named by row), or is
     *         neither text nor integral
     */
    public static Table pseudonymize(Table table, String idColumn, Pseudonymizer pseudonymizer) {
        Checks.notNull(table, "table");
        // Named here: Columns.column names the column's role ("id"), not the caller's argument.
        Checks.notNull(idColumn, "idColumn");
        Checks.notNull(pseudonymizer, "pseudonymizer");
        Column<?> original = Columns.column(table, idColumn, "id");
        StringColumn replaced = pseudonymize(table, original.name(), pseudonymizer, "id");
        Table out = table.copy();
        out.replaceColumn(original.name(), replaced);
        return out;
    }

    /**
     * The pseudonyms of a column, as a new text column of the same name.
     *
     * @param column the id column (text or integral)
     * @param pseudonymizer the keyed pseudonymizer
     * @return a new column
     * @throws IllegalArgumentException as {@link #pseudonymize(Table, String, Pseudonymizer)}
     */
    public static StringColumn pseudonymize(Column<?> column, Pseudonymizer pseudonymizer) {
        Checks.notNull(column, "column");
        Checks.notNull(pseudonymizer, "pseudonymizer");
        return pseudonymize(Table.create(column.name(), column), column.name(), pseudonymizer, "id");
    }

    /**
     * A DP table: a "row" column, then for each column its value, standard deviation and 95 % bounds (named
     * "x", "x_sd", "x_lower", "x_upper"); a cell that does not exist is missing. The columns of
     * {@link DpTable#writeCsv(java.io.Writer)}.
     *
     * @param table the released table
     * @return a new Tablesaw table named after its title
     */
    public static Table toTable(DpTable table) {
        Checks.notNull(table, "table");
        int n = table.rows().size();
        Table out = Table.create(table.title(), StringColumn.create("row", table.rows()));
        for (int c = 0; c < table.columns().size(); c++) {
            String name = table.columns().get(c);
            DoubleColumn v = DoubleColumn.create(name, n);
            DoubleColumn sd = DoubleColumn.create(name + "_sd", n);
            DoubleColumn lo = DoubleColumn.create(name + "_lower", n);
            DoubleColumn hi = DoubleColumn.create(name + "_upper", n);
            for (int r = 0; r < n; r++) {
                NoisyValue x = table.get(r, c);
                if (x != null) {
                    v.set(r, x.value());
                    sd.set(r, x.standardDeviation());
                    lo.set(r, x.lower());
                    hi.set(r, x.upper());
                }
            }
            out.addColumns(v, sd, lo, hi);
        }
        return Columns.readable(out);
    }

    /**
     * A suppressed table with the columns of {@link SuppressedTable#writeCsv(java.io.Writer)}: a "row" column, one
     * number column per column, a "Total" column when row totals are published, and a last row "Total" when column
     * totals are; a suppressed or absent cell is missing, never zero ({@link SuppressedTable#status} tells them
     * apart).
     *
     * @param table the suppressed table
     * @return a new Tablesaw table named after its title
     */
    public static Table toTable(SuppressedTable table) {
        Checks.notNull(table, "table");
        int n = table.rows().size();
        int k = table.columns().size();
        SuppressedTable.Status[] margins = table.marginStatus();
        boolean rowTotals = false;
        for (int r = 0; r < n && !rowTotals; r++) {
            rowTotals = margins[r] != SuppressedTable.Status.ABSENT;
        }
        boolean totals = margins[n + k] != SuppressedTable.Status.ABSENT;
        for (int c = 0; c < k && !totals; c++) {
            totals = margins[n + c] != SuppressedTable.Status.ABSENT;
        }
        int size = n + (totals ? 1 : 0);
        StringColumn labels = StringColumn.create("row", table.rows());
        if (totals) {
            labels.append("Total");
        }
        Table out = Table.create(table.title(), labels);
        for (int c = 0; c < k; c++) {
            DoubleColumn v = DoubleColumn.create(table.columns().get(c), size);
            for (int r = 0; r < size; r++) {
                OptionalDouble x = r < n ? table.value(r, c) : table.columnTotal(c);
                if (x.isPresent()) {
                    v.set(r, x.getAsDouble());
                }
            }
            out.addColumns(v);
        }
        if (rowTotals) {
            DoubleColumn v = DoubleColumn.create("Total", size);
            for (int r = 0; r < size; r++) {
                OptionalDouble x = r < n ? table.rowTotal(r) : table.grandTotal();
                if (x.isPresent()) {
                    v.set(r, x.getAsDouble());
                }
            }
            out.addColumns(v);
        }
        return Columns.readable(out);
    }

    private static StringColumn pseudonymize(Table table, String name, Pseudonymizer p, String role) {
        String[] ids = Columns.ids(table, name, role);
        return StringColumn.create(name, p.pseudonyms(ids));
    }
}
