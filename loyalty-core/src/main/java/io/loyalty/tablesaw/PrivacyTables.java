package io.loyalty.tablesaw;

import io.loyalty.internal.Checks;
import io.loyalty.privacy.Pseudonymizer;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * Tablesaw in and out for {@link io.loyalty.privacy}: pseudonymised copies of tables and columns.
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

    private static StringColumn pseudonymize(Table table, String name, Pseudonymizer p, String role) {
        String[] ids = Columns.ids(table, name, role);
        return StringColumn.create(name, p.pseudonyms(ids));
    }
}
