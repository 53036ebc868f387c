package io.loyalty.tablesaw;

import io.loyalty.internal.Checks;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import tech.tablesaw.api.DateColumn;
import tech.tablesaw.api.DateTimeColumn;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.InstantColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.NumericColumn;
import tech.tablesaw.api.ShortColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;
import tech.tablesaw.columns.dates.PackedLocalDate;
import tech.tablesaw.columns.numbers.NumberColumnFormatter;

/**
 * Column extraction shared by the adapters: each column is looked up once by name, its type checked, and copied
 * into a primitive array; a missing cell is reported with its column and row. The table is never modified.
 */
final class Columns {
    private Columns() {
    }

    static Column<?> column(Table table, String name, String role) {
        Checks.notNull(table, "table");
        Checks.notNull(name, role);
        // Tablesaw's own lookup throws "Column x is not present in table y"; ours names the argument.
        for (int i = 0; i < table.columnCount(); i++) {
            if (table.column(i).name().equalsIgnoreCase(name)) {
                return table.column(i);
            }
        }
        throw new IllegalArgumentException(Checks.format("%s column '%s' is not in table '%s' (columns: %s)", role,
                name, table.name(), table.columnNames()));
    }

    static void requireComplete(Column<?> c, String role) {
        int missing = c.countMissing();
        if (missing > 0) {
            for (int row = 0; row < c.size(); row++) {
                if (c.isMissing(row)) {
                    throw new IllegalArgumentException(Checks.format(
                            "%s column '%s' has a missing value at row %d (%d missing in all)", role, c.name(), row,
                            missing));
                }
            }
        }
    }

    /**
     * Ids as strings: text as is, integers in decimal (read as integers, so every long stays exact), whole doubles
     * without their ".0" (up to 1e15, where a double still tells neighbouring integers apart).
     */
    static String[] ids(Table table, String name, String role) {
        Column<?> c = column(table, name, role);
        requireComplete(c, role);
        int n = c.size();
        String[] out = new String[n];
        if (c instanceof StringColumn) {
            StringColumn s = (StringColumn) c;
            for (int row = 0; row < n; row++) {
                String v = s.get(row);
                if (v.isBlank()) {
                    throw new IllegalArgumentException(Checks.format(
                            "%s column '%s' has a blank value at row %d", role, c.name(), row));
                }
                out[row] = v;
            }
        } else if (c instanceof LongColumn) {
            LongColumn num = (LongColumn) c;
            for (int row = 0; row < n; row++) {
                out[row] = Long.toString(num.getLong(row));
            }
        } else if (c instanceof IntColumn) {
            IntColumn num = (IntColumn) c;
            for (int row = 0; row < n; row++) {
                out[row] = Integer.toString(num.getInt(row));
            }
        } else if (c instanceof ShortColumn) {
            ShortColumn num = (ShortColumn) c;
            for (int row = 0; row < n; row++) {
                out[row] = Short.toString(num.getShort(row));
            }
        } else if (c instanceof NumericColumn) {
            NumericColumn<?> num = (NumericColumn<?>) c;
            for (int row = 0; row < n; row++) {
                double v = num.getDouble(row);
                if (v != Math.rint(v) || Math.abs(v) > 1e15) {
                    throw new IllegalArgumentException(Checks.format(
                            "%s column '%s' has a non-integral id %s at row %d", role, c.name(), v, row));
                }
                out[row] = Long.toString((long) v);
            }
        } else {
            throw wrongType(c, role, "text or numbers");
        }
        return out;
    }

    static double[] doubles(Table table, String name, String role) {
        Column<?> c = column(table, name, role);
        if (!(c instanceof NumericColumn)) {
            throw wrongType(c, role, "numbers");
        }
        requireComplete(c, role);
        NumericColumn<?> num = (NumericColumn<?>) c;
        double[] out = new double[c.size()];
        for (int row = 0; row < out.length; row++) {
            out[row] = num.getDouble(row);
        }
        return out;
    }

    /** Times in seconds since the epoch: dates at the start of the day and date-times read as UTC. */
    static long[] epochSeconds(Table table, String name, String role) {
        Column<?> c = column(table, name, role);
        requireComplete(c, role);
        int n = c.size();
        long[] out = new long[n];
        if (c instanceof DateTimeColumn) {
            return ((DateTimeColumn) c).asEpochSecondArray(ZoneOffset.UTC);
        } else if (c instanceof DateColumn) {
            DateColumn d = (DateColumn) c;
            for (int row = 0; row < n; row++) {
                out[row] = PackedLocalDate.toEpochDay(d.getIntInternal(row)) * 86_400L;
            }
        } else if (c instanceof InstantColumn) {
            InstantColumn t = (InstantColumn) c;
            for (int row = 0; row < n; row++) {
                Instant v = t.get(row);
                out[row] = v.getEpochSecond();
            }
        } else {
            throw wrongType(c, role, "dates, date-times or instants");
        }
        return out;
    }

    /**
     * Sets each double column's print format to the library's table style; the values keep full precision. A
     * column whose values are all whole prints without decimals, another with the decimals that give its largest
     * value four significant digits (two to six places), so Tablesaw's {@code print()} shows {@code 0.9999} and
     * {@code 63.40} rather than {@code 0.999923057185907} and {@code 63.39999999999999}.
     */
    static Table readable(Table table) {
        for (Column<?> c : table.columns()) {
            if (c instanceof DoubleColumn) {
                DoubleColumn d = (DoubleColumn) c;
                boolean whole = true;
                double max = 0;
                for (int row = 0; row < d.size(); row++) {
                    double v = d.getDouble(row);
                    if (Double.isFinite(v)) {
                        whole &= v == Math.rint(v) && Math.abs(v) < 1e15;
                        max = Math.max(max, Math.abs(v));
                    }
                }
                int places = whole ? 0 : max > 0 ? Math.max(2, Math.min(6, 3 - (int) Math.floor(Math.log10(max)))) : 2;
                DecimalFormat format = new DecimalFormat(places == 0 ? "0" : "0." + "0".repeat(places),
                        DecimalFormatSymbols.getInstance(Locale.ROOT));
                d.setPrintFormatter(new NumberColumnFormatter(format));
            }
        }
        return table;
    }

    static IllegalArgumentException wrongType(Column<?> c, String role, String expected) {
        return new IllegalArgumentException(Checks.format("%s column '%s' holds %s, expected %s", role, c.name(),
                c.type().name(), expected));
    }

    /**
     * Checks column names given as pairs (the caller's argument name, then its value): each is not null (the
     * message names the argument) and they differ.
     */
    static void requireNames(String... argumentsAndNames) {
        String[] names = new String[argumentsAndNames.length / 2];
        for (int i = 0; i < names.length; i++) {
            names[i] = Checks.notNull(argumentsAndNames[2 * i + 1], argumentsAndNames[2 * i]);
        }
        requireDistinct(List.of(names));
    }

    private static void requireDistinct(List<String> names) {
        Checks.require(names.stream().map(s -> s.toLowerCase(java.util.Locale.ROOT)).distinct().count() == names.size(),
                "column names must differ, got %s", names);
    }
}
