package io.loyalty.spark;

import io.loyalty.attribution.TransitionMatrix;
import io.loyalty.internal.Checks;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
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
import java.util.List;

import static org.apache.spark.sql.functions.abs;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.isnan;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.not;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.unix_date;
import static org.apache.spark.sql.functions.unix_seconds;
import static org.apache.spark.sql.functions.when;

/**
 * Input checks shared by every calculator: column presence and type from the schema alone (no job), then one
 * counting pass for broken rules (null cells, invalid values), so that bad input fails with the column's name
 * before any long job runs. Also the one canonical form of transactions ({@link #transactions}), which
 * {@link CustomerGroups} turns into the core's columns.
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
                case LABEL -> type instanceof StringType || integral(type) || type.equals(DataTypes.BooleanType);
                case FLAG -> integral(type) || type.equals(DataTypes.BooleanType);
            };
        }
    }

    /** Byte, short, int, long, or a decimal without a fraction. */
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

    /** One {@link Rule#nullCell} per column. */
    static List<Rule> nullCells(Dataset<Row> rows, String... columns) {
        List<Rule> rules = new ArrayList<>(columns.length);
        for (String c : columns) {
            rules.add(Rule.nullCell(rows, c));
        }
        return rules;
    }

    /**
     * A condition that makes a row unusable: {@code bad} is true on such rows (a null {@code bad} counts as false),
     * and the message says "column '{@code column}' is {@code problem} in N {@code rowNoun}s ({@code remedy})". A
     * missing cell may be dropped on request ({@code droppable}); an invalid value (a negative count, say) never is.
     *
     * @param column the caller's column name
     * @param problem what is wrong, e.g. "null or blank"
     * @param rowNoun which rows are meant, e.g. "row" or "touch row"
     * @param bad true on the offending rows
     * @param droppable whether {@link NullPolicy#DROP} leaves such rows out (else they are always rejected)
     * @param remedy what to do about it, or null
     */
    record Rule(String column, String problem, String rowNoun, Column bad, boolean droppable, String remedy) {
        /** A rule with nothing to say about a remedy. */
        Rule(String column, String problem, String rowNoun, Column bad, boolean droppable) {
            this(column, problem, rowNoun, bad, droppable, null);
        }

        /** A null cell, or NaN in a floating-point column: droppable on request. */
        static Rule nullCell(Dataset<Row> rows, String column) {
            return new Rule(column, floating(rows, column) ? "null or NaN" : "null", "row", missing(rows, column),
                    true, null);
        }

        /** An invalid value in any row, never dropped. */
        static Rule invalid(String column, String problem, Column bad) {
            return new Rule(column, problem, "row", bad, false, null);
        }

        /** This rule, with what to do about it said in the message. */
        Rule withRemedy(String text) {
            return new Rule(column, problem, rowNoun, bad, droppable, text);
        }
    }

    /**
     * The rows a calculator goes on with, and the values of the aggregates it asked the validation pass for.
     *
     * @param rows the input, without the dropped rows under {@link NullPolicy#DROP}
     * @param aggregates the extra aggregates' values in the order asked, or null when none were asked
     */
    record Validated(Dataset<Row> rows, Row aggregates) {
    }

    /** {@link #validate} without extra aggregates. */
    static Dataset<Row> requireValid(Dataset<Row> rows, NullPolicy policy, List<Rule> rules) {
        return validate(rows, policy, rules, List.of()).rows();
    }

    /**
     * The one validation pass of a calculator: rows breaking a {@link Rule#droppable()} rule are left out under
     * {@link NullPolicy#DROP} and counted otherwise; the other rules are always counted; and any {@code aggregates}
     * the calculator needs anyway (a row count, a minimum...) are computed over the rows kept, all in a single
     * aggregation job, run only when there is something to count or compute. Bad input fails here, before any long
     * job.
     *
     * @param rows the caller's rows (not modified)
     * @param policy what to do with rows breaking a droppable rule
     * @param rules conditions that make a row unusable, over the caller's columns
     * @param aggregates extra aggregate expressions, evaluated over the rows kept
     * @return the rows kept and the aggregates' values
     * @throws IllegalArgumentException naming each broken rule's column and its count of rows
     */
    static Validated validate(Dataset<Row> rows, NullPolicy policy, List<Rule> rules, List<Column> aggregates) {
        Dataset<Row> kept = rows;
        List<Rule> counted = new ArrayList<>(rules);
        if (policy == NullPolicy.DROP) {
            Column any = lit(false);
            for (Rule r : rules) {
                if (r.droppable()) {
                    any = any.or(coalesce(r.bad(), lit(false)));
                }
            }
            kept = rows.filter(not(any));
            counted.removeIf(Rule::droppable);
        }
        List<Column> all = new ArrayList<>(counted.size() + aggregates.size());
        for (Rule r : counted) {
            all.add(count(r.bad()));
        }
        all.addAll(aggregates);
        if (all.isEmpty()) {
            return new Validated(kept, null);
        }
        Row totals = kept.agg(all.get(0), all.subList(1, all.size()).toArray(new Column[0])).first();
        long[] counts = new long[counted.size()];
        for (int i = 0; i < counts.length; i++) {
            counts[i] = totals.getLong(i);
        }
        reject(counted, counts);
        Object[] values = new Object[aggregates.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = totals.get(counted.size() + i);
        }
        return new Validated(kept, aggregates.isEmpty() ? null : RowFactory.create(values));
    }

    /**
     * Throws when some rules are broken: "column 'x' is problem in N rows (remedy)", one clause per broken rule,
     * and the hint about {@link NullPolicy#DROP} when a droppable rule is among them.
     *
     * @param rules the rules checked
     * @param counts the number of rows breaking each rule
     * @throws IllegalArgumentException if a count is above zero
     */
    static void reject(List<Rule> rules, long[] counts) {
        StringBuilder message = new StringBuilder();
        boolean droppable = false;
        for (int i = 0; i < counts.length; i++) {
            long n = counts[i];
            if (n > 0) {
                Rule r = rules.get(i);
                droppable |= r.droppable();
                message.append(message.length() == 0 ? "" : "; ")
                        .append(String.format("column '%s' is %s in %d %s%s", r.column(), r.problem(), n,
                                r.rowNoun(), n == 1 ? "" : "s"))
                        .append(r.remedy() == null ? "" : " (" + r.remedy() + ")");
            }
        }
        if (message.length() > 0) {
            throw new IllegalArgumentException(message + (droppable
                    ? " (pass NullPolicy.DROP, or a schema's droppingNulls(), to leave such rows out)" : ""));
        }
    }

    /**
     * Throws when some of {@code columns} have null cells, with the message of {@link #validate}'s null rules: for
     * calculators that count null cells inside their one job instead of in a pass of their own.
     *
     * @param columns the columns
     * @param counts the number of rows with a null cell, per column
     * @param orNaN per column, whether NaN counts as null too (a floating-point column)
     * @throws IllegalArgumentException naming each column with a count above zero, and its count
     */
    static void rejectIncomplete(String[] columns, long[] counts, boolean[] orNaN) {
        List<Rule> rules = new ArrayList<>(columns.length);
        for (int i = 0; i < columns.length; i++) {
            rules.add(new Rule(columns[i], orNaN[i] ? "null or NaN" : "null", "row", null, true));
        }
        reject(rules, counts);
    }

    /** The number of rows where {@code condition} holds (null counts as false); 0, not null, on no rows. */
    private static Column count(Column condition) {
        return coalesce(sum(when(condition, 1L).otherwise(0L)), lit(0L));
    }

    static Column missing(Dataset<Row> rows, String column) {
        Column c = col(quoted(column));
        return floating(rows, column) ? c.isNull().or(isnan(c)) : c.isNull();
    }

    static boolean floating(Dataset<Row> rows, String column) {
        return floating(rows.schema().apply(column).dataType());
    }

    /** Whether a column type is float or double, where NaN and infinity can occur. */
    static boolean floating(DataType type) {
        return type instanceof DoubleType || type instanceof FloatType;
    }

    /** A numeric column read as a double. */
    static Column number(String column) {
        return col(quoted(column)).cast(DataTypes.DoubleType);
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
        return transactions(rows, schema, (id, time, epochDays, amount) -> List.of());
    }

    /**
     * Checks a calculator adds to the validation pass of transactions, written over the canonical expressions of
     * the caller's columns.
     */
    @FunctionalInterface
    interface TransactionRules {
        /**
         * The calculator's rules.
         *
         * @param id the id as a string
         * @param time epoch seconds (long) or, when {@code epochDays}, epoch days (int)
         * @param epochDays whether {@code time} counts days
         * @param amount the amount as a double
         * @return the rules to check
         */
        List<Rule> rules(Column id, Column time, boolean epochDays, Column amount);
    }

    /**
     * {@link #transactions(Dataset, TransactionSchema)} with a calculator's own row checks counted in the same
     * validation pass as the nulls.
     *
     * @param rows the caller's transactions
     * @param schema which columns to read
     * @param rules the calculator's checks
     * @return the canonical rows and whether time is in epoch days
     */
    static Canonical transactions(Dataset<Row> rows, TransactionSchema schema, TransactionRules rules) {
        Checks.notNull(rows, "transactions");
        Checks.notNull(schema, "schema");
        DataType idType = requireColumn(rows, schema.customerId(), "customer id", Kind.ID);
        DataType timeType = requireColumn(rows, schema.time(), "time", Kind.TIME);
        DataType amountType = requireColumn(rows, schema.amount(), "amount", Kind.NUMERIC);
        boolean days = timeType instanceof DateType;
        Column id = col(quoted(schema.customerId())).cast(DataTypes.StringType);
        Column time = days
                ? unix_date(col(quoted(schema.time())))
                : unix_seconds(col(quoted(schema.time())));
        Column amount = number(schema.amount());
        List<Rule> checks = nullCells(rows, schema.customerId(), schema.time(), schema.amount());
        if (idType instanceof StringType) {
            checks.add(Rule.invalid(schema.customerId(), "blank", blank(id)));
        }
        if (floating(amountType)) {
            checks.add(Rule.invalid(schema.amount(), "infinite", infinite(amount)));
        }
        checks.addAll(rules.rules(id, time, days, amount));
        Dataset<Row> complete = requireValid(rows, schema.nulls(), checks);
        Dataset<Row> canonical = complete.select(id.as(ID), time.as(TIME), amount.as(AMOUNT));
        return new Canonical(canonical, days);
    }

    /**
     * True on a string that Java's {@code String.isBlank} (which the core checks ids and channels with) calls blank:
     * nothing but {@code Character.isWhitespace} characters.
     */
    static Column blank(Column text) {
        return text.rlike("\\A\\p{javaWhitespace}*\\z");
    }

    /**
     * The core's rules for a channel name ({@code io.loyalty.attribution.Journeys}) beyond blankness, on the rows
     * where {@code applies} holds: the trimmed name must not contain {@code >} (the path separator), {@code ;} (the
     * CSV separator) or a line break, and must not be a Markov state's name. Never dropped: the name is there, and
     * wrong.
     *
     * @param column the caller's channel column, for the message
     * @param applies true on the rows whose channel is read
     * @param trimmed the channel, trimmed as {@code String.trim} trims
     * @return the two rules
     */
    static List<Rule> channelNameRules(String column, Column applies, Column trimmed) {
        Column separator = trimmed.rlike("[>;\\n\\r]");
        Column reserved = trimmed.isin(TransitionMatrix.START, TransitionMatrix.CONVERSION, TransitionMatrix.NULL);
        return List.of(
                new Rule(column, "a channel name containing '>', ';' or a line break (paths and the CSV format use "
                        + "them as separators)", "touch row", applies.and(coalesce(separator, lit(false))), false),
                new Rule(column, String.format("a channel name reserved for a Markov state (%s, %s, %s)",
                        TransitionMatrix.START, TransitionMatrix.CONVERSION, TransitionMatrix.NULL), "touch row",
                        applies.and(coalesce(reserved, lit(false))), false));
    }

    /** True on an infinite double. */
    static Column infinite(Column x) {
        return abs(x).equalTo(lit(Double.POSITIVE_INFINITY));
    }

    /** Validated transactions: the rows (id, time, amount) and the unit of time. */
    record Canonical(Dataset<Row> rows, boolean epochDays) {
    }
}
