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
        LABEL("a string, integral or boolean column"),
        /** A boolean or integral column: a yes/no marker (integral: non-zero is yes). */
        FLAG("a boolean or integral column");

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
                case FLAG -> integral(type) || type.equals(DataTypes.BooleanType);
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
        List<Rule> rules = new ArrayList<>(columns.length);
        for (String c : columns) {
            rules.add(Rule.nullCell(rows, c));
        }
        return requireValid(rows, policy, rules);
    }

    /**
     * A condition that makes a row unusable: {@code bad} is true on such rows, and the message says "column
     * '{@code column}' is {@code problem} in N {@code rowNoun}s". A missing cell may be dropped on request; an
     * invalid value (a negative count, say) never is.
     *
     * @param column the caller's column name
     * @param problem what is wrong, e.g. "null or blank"
     * @param rowNoun which rows are meant, e.g. "row" or "touch row"
     * @param bad true on the offending rows (never null: wrap nullable tests in {@code coalesce})
     * @param droppable whether {@link NullPolicy#DROP} leaves such rows out (else they are always rejected)
     */
    record Rule(String column, String problem, String rowNoun, Column bad, boolean droppable) {
        /** A null cell, or NaN in a floating-point column: the check of {@link #requireComplete}. */
        static Rule nullCell(Dataset<Row> rows, String column) {
            return new Rule(column, floating(rows, column) ? "null or NaN" : "null", "row", Inputs.missing(rows,
                    column), true);
        }
    }

    /**
     * Rows that break any of {@code rules}: with {@link NullPolicy#REJECT}, counted in one pass and reported by
     * rule; with {@link NullPolicy#DROP}, rows breaking a {@link Rule#droppable()} rule are left out and the others
     * still counted (one pass, only if there are such rules).
     *
     * @return {@code rows} unchanged or without the dropped rows
     * @throws IllegalArgumentException naming each broken rule's column and its count of rows
     */
    static Dataset<Row> requireValid(Dataset<Row> rows, NullPolicy policy, List<Rule> rules) {
        Dataset<Row> kept = rows;
        List<Rule> counted = new ArrayList<>(rules);
        if (policy == NullPolicy.DROP) {
            Column any = lit(false);
            for (Rule r : rules) {
                if (r.droppable()) {
                    any = any.or(r.bad());
                }
            }
            kept = rows.filter(any.unary_$bang());
            counted.removeIf(Rule::droppable);
        }
        if (counted.isEmpty()) {
            return kept;
        }
        Column[] counts = new Column[counted.size()];
        for (int i = 0; i < counts.length; i++) {
            counts[i] = sum(when(counted.get(i).bad(), 1L).otherwise(0L));
        }
        Row totals = kept.agg(counts[0], Arrays.copyOfRange(counts, 1, counts.length)).first();
        StringBuilder message = new StringBuilder();
        boolean droppable = false;
        for (int i = 0; i < counts.length; i++) {
            long n = totals.isNullAt(i) ? 0L : totals.getLong(i);
            if (n > 0) {
                Rule r = counted.get(i);
                droppable |= r.droppable();
                message.append(message.length() == 0 ? "" : "; ")
                        .append(String.format("column '%s' is %s in %d %s%s", r.column(), r.problem(), n,
                                r.rowNoun(), n == 1 ? "" : "s"));
            }
        }
        if (message.length() > 0) {
            throw new IllegalArgumentException(message + (droppable
                    ? " (pass NullPolicy.DROP, or a schema's droppingNulls(), to leave such rows out)" : ""));
        }
        return kept;
    }

    private static Column missing(Dataset<Row> rows, String column) {
        Column c = col(quoted(column));
        return floating(rows, column) ? c.isNull().or(isnan(c)) : c.isNull();
    }

    private static boolean floating(Dataset<Row> rows, String column) {
        DataType t = rows.schema().apply(column).dataType();
        return t instanceof DoubleType || t instanceof FloatType;
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
