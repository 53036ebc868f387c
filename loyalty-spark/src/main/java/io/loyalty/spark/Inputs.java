package io.loyalty.spark;

import io.loyalty.data.TransactionColumns;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.DateType;
import org.apache.spark.sql.types.DecimalType;
import org.apache.spark.sql.types.DoubleType;
import org.apache.spark.sql.types.FloatType;
import org.apache.spark.sql.types.NumericType;
import org.apache.spark.sql.types.StringType;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.TimestampType;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.isnan;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

/**
 * Input checks shared by every calculator: column presence and type from the schema alone (no job), then one
 * counting pass for nulls, so that bad input fails with the column's name before any long job runs. Also the
 * one conversion of a transactions partition into the core's {@link TransactionColumns}.
 */
final class Inputs {
    /** Canonical column names of validated transactions. */
    static final String ID = "__id";
    static final String TIME = "__time";
    static final String AMOUNT = "__amount";

    private Inputs() {
    }

    /** What a column must hold. */
    enum Kind {
        /** A string or integral column. */
        ID("a string or integral column"),
        /** A timestamp or date column. */
        TIME("a timestamp or date column"),
        /** Any numeric column. */
        NUMERIC("a numeric column"),
        /** A string column. */
        STRING("a string column"),
        /** An integral column (byte, short, int, long). */
        INTEGRAL("an integral column"),
        /** A string, integral or boolean column: a label to group by. */
        LABEL("a string, integral or boolean column");

        private final String description;

        Kind(String description) {
            this.description = description;
        }

        boolean accepts(DataType type) {
            return switch (this) {
                case ID -> type instanceof StringType || integral(type);
                case TIME -> type instanceof TimestampType || type instanceof DateType;
                case NUMERIC -> type instanceof NumericType;
                case STRING -> type instanceof StringType;
                case INTEGRAL -> integral(type);
                case LABEL -> type instanceof StringType || integral(type) || type.equals(DataTypes.BooleanType);
            };
        }
    }

    static boolean integral(DataType type) {
        return type.equals(DataTypes.ByteType) || type.equals(DataTypes.ShortType)
                || type.equals(DataTypes.IntegerType) || type.equals(DataTypes.LongType)
                || (type instanceof DecimalType d && d.scale() == 0);
    }

    /**
     * Throws unless {@code column} exists in {@code rows} and holds {@code kind}; reads the schema only.
     *
     * @param role what the caller calls this column ("customer id", "amount", ...), for the message
     * @return the column's type
     */
    static DataType requireColumn(Dataset<Row> rows, String column, String role, Kind kind) {
        StructField field = Arrays.stream(rows.schema().fields())
                .filter(f -> f.name().equals(column))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException(String.format(
                        "%s column '%s' not found; the columns are %s", role, column,
                        Arrays.toString(rows.columns()))));
        if (!kind.accepts(field.dataType())) {
            throw new IllegalArgumentException(String.format("%s column '%s' must be %s but is %s", role, column,
                    kind.description, field.dataType().simpleString()));
        }
        return field.dataType();
    }

    /**
     * Rows with a null (or, in a floating-point column, NaN) cell in any of {@code columns}: with
     * {@link NullPolicy#REJECT}, counted in one pass and reported by column; with {@link NullPolicy#DROP}, left out.
     *
     * @return {@code rows} unchanged (REJECT, nothing offending) or without the incomplete rows (DROP)
     * @throws IllegalArgumentException naming each offending column and its count of rows
     */
    static Dataset<Row> requireComplete(Dataset<Row> rows, NullPolicy policy, String... columns) {
        List<Column> bad = new ArrayList<>(columns.length);
        for (String c : columns) {
            bad.add(missing(rows, c));
        }
        if (policy == NullPolicy.DROP) {
            Column any = lit(false);
            for (Column b : bad) {
                any = any.or(b);
            }
            return rows.filter(any.unary_$bang());
        }
        Column[] counts = new Column[columns.length];
        for (int i = 0; i < columns.length; i++) {
            counts[i] = sum(when(bad.get(i), 1L).otherwise(0L));
        }
        Row totals = rows.agg(counts[0], Arrays.copyOfRange(counts, 1, counts.length)).first();
        StringBuilder message = new StringBuilder();
        for (int i = 0; i < columns.length; i++) {
            long n = totals.isNullAt(i) ? 0L : totals.getLong(i);
            if (n > 0) {
                message.append(message.length() == 0 ? "" : "; ")
                        .append(String.format("%s in %d row%s", missingDescription(rows, columns[i]), n,
                                n == 1 ? "" : "s"));
            }
        }
        if (message.length() > 0) {
            throw new IllegalArgumentException(message
                    + " (pass NullPolicy.DROP, or a schema's droppingNulls(), to leave such rows out)");
        }
        return rows;
    }

    /** True where a cell of {@code column} is missing: null, or NaN in a floating-point column. */
    static Column missing(Dataset<Row> rows, String column) {
        Column c = col(quoted(column));
        return floating(rows, column) ? c.isNull().or(isnan(c)) : c.isNull();
    }

    /** What {@link #missing} finds, for a message: "column 'x' is null" (or "is null or NaN"). */
    static String missingDescription(Dataset<Row> rows, String column) {
        return String.format("column '%s' is null%s", column, floating(rows, column) ? " or NaN" : "");
    }

    private static boolean floating(Dataset<Row> rows, String column) {
        DataType t = rows.schema().apply(column).dataType();
        return t instanceof DoubleType || t instanceof FloatType;
    }

    /**
     * A rule that rows must not break, for {@link #requireNone}.
     *
     * @param description what a breaking row does, e.g. "column 'T' is negative"; the message adds " in N rows"
     * @param condition true on a breaking row (null counts as not breaking)
     * @param hint how to get past it, appended once to the message when the rule is broken, or ""
     */
    record Violation(String description, Column condition, String hint) {
    }

    /**
     * Counts, in one pass (one global aggregate), the rows that break each rule, along with the caller's own
     * aggregates, and throws if any rule is broken.
     *
     * @param extras aggregates computed in the same pass (counts, maxima...)
     * @return the values of {@code extras}, in order, or null when there is nothing to compute
     * @throws IllegalArgumentException naming every broken rule with its count of rows
     */
    static Row requireNone(Dataset<Row> rows, List<Violation> violations, Column... extras) {
        List<Column> aggregates = new ArrayList<>(Arrays.asList(extras));
        for (Violation v : violations) {
            aggregates.add(sum(when(v.condition(), 1L).otherwise(0L)));
        }
        if (aggregates.isEmpty()) {
            return null;
        }
        Row totals = rows.agg(aggregates.get(0), aggregates.subList(1, aggregates.size()).toArray(new Column[0]))
                .first();
        StringBuilder message = new StringBuilder();
        List<String> hints = new ArrayList<>();
        for (int i = 0; i < violations.size(); i++) {
            int at = extras.length + i;
            long n = totals.isNullAt(at) ? 0L : totals.getLong(at);
            if (n > 0) {
                Violation v = violations.get(i);
                message.append(message.length() == 0 ? "" : "; ")
                        .append(String.format("%s in %d row%s", v.description(), n, n == 1 ? "" : "s"));
                if (!v.hint().isEmpty() && !hints.contains(v.hint())) {
                    hints.add(v.hint());
                }
            }
        }
        if (message.length() > 0) {
            throw new IllegalArgumentException(message + (hints.isEmpty() ? "" : " " + String.join(" ", hints)));
        }
        Object[] values = new Object[extras.length];
        for (int i = 0; i < extras.length; i++) {
            values[i] = totals.get(i);
        }
        return org.apache.spark.sql.RowFactory.create(values);
    }

    /** A column reference that is safe for names with dots or spaces. */
    static String quoted(String column) {
        return "`" + column.replace("`", "``") + "`";
    }

    /**
     * Validated transactions in canonical form: {@link #ID} (string), {@link #TIME} (epoch seconds as a long for a
     * timestamp column, epoch days as an int for a date column) and {@link #AMOUNT} (double).
     *
     * @param rows the caller's transactions
     * @param schema which columns to read
     * @return the canonical rows and whether time is in epoch days
     */
    static Canonical transactions(Dataset<Row> rows, TransactionSchema schema) {
        if (rows == null) {
            throw new IllegalArgumentException("transactions must not be null");
        }
        if (schema == null) {
            throw new IllegalArgumentException("schema must not be null");
        }
        requireColumn(rows, schema.customerId(), "customer id", Kind.ID);
        DataType timeType = requireColumn(rows, schema.time(), "time", Kind.TIME);
        requireColumn(rows, schema.amount(), "amount", Kind.NUMERIC);
        Dataset<Row> complete = requireComplete(rows, schema.nulls(), schema.customerId(), schema.time(),
                schema.amount());
        boolean days = timeType instanceof DateType;
        Column time = days
                ? org.apache.spark.sql.functions.unix_date(col(quoted(schema.time())))
                : org.apache.spark.sql.functions.unix_seconds(col(quoted(schema.time())));
        Dataset<Row> canonical = complete.select(
                col(quoted(schema.customerId())).cast(DataTypes.StringType).as(ID),
                time.as(TIME),
                col(quoted(schema.amount())).cast(DataTypes.DoubleType).as(AMOUNT));
        return new Canonical(canonical, days);
    }

    /** Validated transactions: the rows (id, time, amount) and the unit of time. */
    record Canonical(Dataset<Row> rows, boolean epochDays) {
    }

    /**
     * The rows of one partition of {@link Canonical} transactions as the core's columns.
     *
     * @param rows the partition's rows, in the canonical layout
     * @param epochDays whether {@link #TIME} holds epoch days (else epoch seconds)
     */
    static TransactionColumns columns(Iterator<Row> rows, boolean epochDays) {
        int capacity = 1024;
        String[] ids = new String[capacity];
        long[] times = new long[capacity];
        double[] amounts = new double[capacity];
        int n = 0;
        while (rows.hasNext()) {
            Row r = rows.next();
            if (n == ids.length) {
                capacity = Math.multiplyExact(capacity, 2);
                ids = Arrays.copyOf(ids, capacity);
                times = Arrays.copyOf(times, capacity);
                amounts = Arrays.copyOf(amounts, capacity);
            }
            ids[n] = r.getString(0);
            times[n] = epochDays ? r.getInt(1) : r.getLong(1);
            amounts[n] = r.getDouble(2);
            n++;
        }
        ids = Arrays.copyOf(ids, n);
        amounts = Arrays.copyOf(amounts, n);
        if (epochDays) {
            int[] days = new int[n];
            for (int i = 0; i < n; i++) {
                days[i] = (int) times[i];
            }
            return TransactionColumns.ofEpochDays(ids, days, amounts);
        }
        return TransactionColumns.ofEpochSeconds(ids, Arrays.copyOf(times, n), amounts);
    }
}
