package io.loyalty.spark;

import io.loyalty.data.CalibrationHoldout;
import io.loyalty.data.CustomerSummaries;
import io.loyalty.data.PeriodRule;
import io.loyalty.data.Summarizer;
import io.loyalty.data.TransactionColumns;
import io.loyalty.internal.Checks;

import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.timestamp_seconds;

/**
 * Customer summaries (frequency, recency, T, monetary value, first and last purchase, counts and totals) and the
 * calibration/holdout split of a transactions {@code Dataset<Row>}, computed on the cluster by the core's
 * {@link Summarizer}: the same numbers as {@link Summarizer#summarize(TransactionColumns)} and
 * {@link Summarizer#calibrationHoldout(TransactionColumns, Instant)} on the same rows.
 *
 * <pre>{@code
 * SparkSummaries s = SparkSummaries.of(
 *         Summarizer.of(PeriodRule.days().withUnit(7), LocalDate.of(1998, 6, 30)),
 *         TransactionSchema.of("customer", "date", "amount"));
 * Dataset<Row> summaries = s.summarize(transactions);   // one row per customer
 * }</pre>
 *
 * <p>How it runs: one validation pass (an aggregation: null ids, times and amounts, blank ids, infinite amounts,
 * negative amounts unless the summarizer nets returns, times after the observation end, each counted and
 * reported by column before anything else runs), then the rows are hashed by customer to partitions (the one
 * shuffle). Each partition is read into primitive arrays, grouped by customer in memory with each customer's rows
 * in (time, amount) order (a hash pass and a counting sort, much cheaper than Spark's sort of the partition), and
 * handed to the core's {@link Summarizer} as columns in chunks of whole customers (about a million rows each, which
 * bounds the core's working memory; the partition's own rows are held as arrays, so size
 * {@code spark.sql.shuffle.partitions} for a few million rows a partition). A customer's rows all land in one
 * partition, so each partition's summaries are final: nothing per customer goes to the driver. The order within a
 * customer fixes the order in which its amounts are added, so the result does not depend on the input's order or
 * partitioning, to the bit.
 *
 * <p>Summary columns (as {@code io.loyalty.tablesaw.DataTables} names them, see {@code docs/data.md}):
 * {@code customer_id} (string), {@code frequency} (int), {@code recency_<unit>}, {@code T_<unit>} (double, in the
 * period rule's unit, {@link PeriodRule#unitName()}: {@code recency_weeks}), {@code mean_repeat_amount} (double),
 * {@code first_purchase}, {@code last_purchase} (timestamp, to the second), {@code transactions} (int),
 * {@code revenue} (double). Rows come in no particular order. An empty input gives an empty result.
 *
 * <p>Times are read to the second (a {@code timestamp} column) or as calendar days (a {@code date} column, whose
 * period is that day in the rule's zone). The result is lazy: each action on it runs the shuffle again, so cache
 * it when it feeds more than one job (as {@link SparkRfm} does with three).
 *
 * <p>Immutable; the caller's Dataset is never modified.
 *
 * @since 0.1
 */
public final class SparkSummaries {
    static final String CUSTOMER_ID = "customer_id";
    static final String FREQUENCY = "frequency";
    static final String RECENCY = "recency";
    static final String T = "T";
    static final String MONETARY = "monetary";
    static final String FIRST_PURCHASE = "first_purchase";
    static final String LAST_PURCHASE = "last_purchase";
    static final String TRANSACTIONS = "transactions";
    static final String TOTAL_VALUE = "total_value";
    /** The output names of the mean repeat amount and of the total (the partitions emit lifetimes' names). */
    static final String MEAN_REPEAT_AMOUNT = "mean_repeat_amount";
    static final String REVENUE = "revenue";

    /** What a partition emits for summaries; times stay epoch seconds until the final projection. */
    private static final StructType SUMMARY_ROWS = new StructType()
            .add(CUSTOMER_ID, DataTypes.StringType, false)
            .add(FREQUENCY, DataTypes.IntegerType, false)
            .add(RECENCY, DataTypes.DoubleType, false)
            .add(T, DataTypes.DoubleType, false)
            .add(MONETARY, DataTypes.DoubleType, false)
            .add(FIRST_PURCHASE, DataTypes.LongType, false)
            .add(LAST_PURCHASE, DataTypes.LongType, false)
            .add(TRANSACTIONS, DataTypes.IntegerType, false)
            .add(TOTAL_VALUE, DataTypes.DoubleType, false);

    /** What a partition emits for a calibration/holdout split (lifetimes' names, as DataTables). */
    private static final StructType SPLIT_ROWS = new StructType()
            .add(CUSTOMER_ID, DataTypes.StringType, false)
            .add("frequency_cal", DataTypes.IntegerType, false)
            .add("recency_cal", DataTypes.DoubleType, false)
            .add("T_cal", DataTypes.DoubleType, false)
            .add("monetary_cal", DataTypes.DoubleType, false)
            .add("frequency_holdout", DataTypes.IntegerType, false)
            .add("monetary_holdout", DataTypes.DoubleType, false)
            .add("duration_holdout", DataTypes.DoubleType, false);

    /** Rows per chunk handed to the core at once (whole customers), which bounds the core's working memory. */
    static final int CHUNK = 1 << 20;

    private final Summarizer summarizer;
    private final TransactionSchema schema;
    private final int chunk;

    private SparkSummaries(Summarizer summarizer, TransactionSchema schema, int chunk) {
        this.summarizer = summarizer;
        this.schema = schema;
        this.chunk = chunk;
    }

    /**
     * Summaries by a summarizer (period rule, observation end, returns) of transactions in the named columns.
     *
     * @param summarizer the core's summarizer
     * @param schema the id, time and amount columns, and what to do with nulls
     * @return the calculator
     */
    public static SparkSummaries of(Summarizer summarizer, TransactionSchema schema) {
        return new SparkSummaries(Checks.notNull(summarizer, "summarizer"), Checks.notNull(schema, "schema"), CHUNK);
    }

    /** This calculator with another chunk size, for tests of chunk boundaries. */
    SparkSummaries withChunk(int rows) {
        return new SparkSummaries(summarizer, schema, rows);
    }

    /**
     * The core's summarizer this calculator runs.
     *
     * @return the summarizer
     */
    public Summarizer summarizer() {
        return summarizer;
    }

    /**
     * The columns read.
     *
     * @return the schema
     */
    public TransactionSchema schema() {
        return schema;
    }

    /**
     * One row per customer: {@code customer_id, frequency, recency_<unit>, T_<unit>, mean_repeat_amount,
     * first_purchase, last_purchase, transactions, revenue}, {@code <unit>} the rule's {@link PeriodRule#unitName()}
     * ({@code recency_weeks}).
     *
     * @param transactions the transactions (not modified)
     * @return the summaries, lazily computed (one shuffle)
     * @throws IllegalArgumentException (from the validation pass, before the shuffle) if the transactions are null,
     *     a column is missing or mistyped, or rows hold nulls (unless dropped), blank ids, infinite amounts,
     *     negative amounts (unless returns are netted) or times after the observation end, with each offending
     *     column and its count. With returns netted, a customer with returns but no purchase can only be seen
     *     once the customer's rows meet: the job that reads the result fails then, with the core's message.
     */
    public Dataset<Row> summarize(Dataset<Row> transactions) {
        Inputs.Canonical canonical = validated(transactions);
        Dataset<Row> rows = byCustomer(canonical.rows())
                .mapPartitions(new PerPartition(summarizer, canonical.epochDays(), null, chunk),
                        Encoders.row(SUMMARY_ROWS));
        String unit = summarizer.rule().unitName();
        return rows.select(col(CUSTOMER_ID), col(FREQUENCY), col(RECENCY).as(RECENCY + "_" + unit),
                col(T).as(T + "_" + unit), col(MONETARY).as(MEAN_REPEAT_AMOUNT),
                timestamp_seconds(col(FIRST_PURCHASE)).as(FIRST_PURCHASE),
                timestamp_seconds(col(LAST_PURCHASE)).as(LAST_PURCHASE), col(TRANSACTIONS),
                col(TOTAL_VALUE).as(REVENUE));
    }

    /**
     * The calibration/holdout split, one row per customer whose first purchase falls in the calibration window:
     * {@code customer_id, frequency_cal, recency_<unit>_cal, T_<unit>_cal, mean_repeat_amount_cal,
     * frequency_holdout, mean_amount_holdout, duration_<unit>_holdout} ({@code <unit>} as in
     * {@link #summarize(Dataset)}), as {@link Summarizer#calibrationHoldout(TransactionColumns, Instant)},
     * {@code DataTables.toTable(CalibrationHoldout)} and lifetimes' {@code calibration_and_holdout_data}.
     *
     * @param transactions the transactions (not modified)
     * @param calibrationEnd the last instant of the calibration window, before the summarizer's observation end
     * @return the split, lazily computed (one shuffle)
     * @throws IllegalArgumentException as {@link #summarize(Dataset)}, or if the calibration end is not before the
     *     observation end
     */
    public Dataset<Row> calibrationHoldout(Dataset<Row> transactions, Instant calibrationEnd) {
        Checks.notNull(calibrationEnd, "calibrationEnd");
        Checks.require(calibrationEnd.isBefore(summarizer.observationEnd()),
                "calibrationEnd %s must be before the observation end %s", calibrationEnd,
                summarizer.observationEnd());
        Inputs.Canonical canonical = validated(transactions);
        String unit = summarizer.rule().unitName();
        return byCustomer(canonical.rows()).mapPartitions(
                new PerPartition(summarizer, canonical.epochDays(), calibrationEnd, chunk), Encoders.row(SPLIT_ROWS))
                .select(col(CUSTOMER_ID), col("frequency_cal"), col("recency_cal").as("recency_" + unit + "_cal"),
                        col("T_cal").as("T_" + unit + "_cal"), col("monetary_cal").as("mean_repeat_amount_cal"),
                        col("frequency_holdout"), col("monetary_holdout").as("mean_amount_holdout"),
                        col("duration_holdout").as("duration_" + unit + "_holdout"));
    }

    /** The calendar day of an instant in the rule's zone: the last day a row given as a day may fall on. */
    private static long lastDay(PeriodRule rule, Instant end) {
        return LocalDate.ofInstant(end, rule.zone()).toEpochDay();
    }

    /** The validation pass with the summarizer's own row rules: returns and the observation end. */
    private Inputs.Canonical validated(Dataset<Row> transactions) {
        Instant end = summarizer.observationEnd();
        return Inputs.transactions(transactions, schema, (id, time, epochDays, amount) -> {
            // The core's rule: an instant is late after the end; a day when its calendar day in the rule's zone
            // (the day its period is taken from) is after the end's.
            Inputs.Rule late = Inputs.Rule.invalid(schema.time(), "after the observation end " + end,
                    time.gt(lit(epochDays ? lastDay(summarizer.rule(), end) : end.getEpochSecond())));
            if (summarizer.netsReturns()) {
                return List.of(late);
            }
            return List.of(late, Inputs.Rule.invalid(schema.amount(), "negative", amount.lt(0)).withRemedy(
                    "returns are rejected unless the summarizer nets them: Summarizer.withReturnsNetted()"));
        });
    }

    /** The one shuffle: every row of a customer in one partition (grouped there by {@link CustomerGroups}). */
    private static Dataset<Row> byCustomer(Dataset<Row> canonical) {
        return canonical.repartition(col(Inputs.ID));
    }

    /**
     * Runs the core on one partition, chunk by chunk: {@link Summarizer#summarize(TransactionColumns)}, or, given
     * a calibration end, {@link Summarizer#calibrationHoldout(TransactionColumns, Instant)}.
     */
    private static final class PerPartition implements MapPartitionsFunction<Row, Row> {
        private static final long serialVersionUID = 1L;
        private final Summarizer summarizer;
        private final boolean epochDays;
        /** Null for summaries. */
        private final Instant calibrationEnd;
        private final int chunk;

        PerPartition(Summarizer summarizer, boolean epochDays, Instant calibrationEnd, int chunk) {
            this.summarizer = summarizer;
            this.epochDays = epochDays;
            this.calibrationEnd = calibrationEnd;
            this.chunk = chunk;
        }

        @Override
        public Iterator<Row> call(Iterator<Row> rows) {
            CustomerGroups groups = CustomerGroups.read(rows, epochDays);
            long lastCalibration = calibrationEnd == null ? 0 : epochDays
                    ? lastDay(summarizer.rule(), calibrationEnd) : calibrationEnd.getEpochSecond();
            return new Iterator<>() {
                private int next;
                private Iterator<Row> out = Collections.emptyIterator();

                @Override
                public boolean hasNext() {
                    while (!out.hasNext() && next < groups.customers()) {
                        int from = next;
                        next = groups.chunkEnd(from, chunk);
                        if (calibrationEnd == null) {
                            out = summaries(groups.columns(from, next));
                        } else if (groups.earliest(from, next) <= lastCalibration) {
                            // A chunk of customers whose rows all fall in the holdout has no calibration summary
                            // (and the core, rightly, refuses a split without calibration rows).
                            out = split(groups.columns(from, next));
                        }
                    }
                    return out.hasNext();
                }

                @Override
                public Row next() {
                    if (!hasNext()) {
                        throw new NoSuchElementException();
                    }
                    return out.next();
                }
            };
        }

        private Iterator<Row> summaries(TransactionColumns columns) {
            CustomerSummaries s = summarizer.summarize(columns);
            List<String> ids = s.ids();
            int[] frequency = s.frequency();
            double[] recency = s.recency();
            double[] t = s.t();
            double[] monetary = s.monetary();
            long[] first = s.firstPurchaseEpochSecond();
            long[] last = s.lastPurchaseEpochSecond();
            int[] count = s.transactions();
            double[] total = s.totalValue();
            return new Rows(s.size()) {
                @Override
                Row row(int i) {
                    return RowFactory.create(ids.get(i), frequency[i], recency[i], t[i], monetary[i], first[i],
                            last[i], count[i], total[i]);
                }
            };
        }

        private Iterator<Row> split(TransactionColumns columns) {
            CalibrationHoldout split = summarizer.calibrationHoldout(columns, calibrationEnd);
            CustomerSummaries cal = split.calibration();
            List<String> ids = cal.ids();
            int[] frequency = cal.frequency();
            double[] recency = cal.recency();
            double[] t = cal.t();
            double[] monetary = cal.monetary();
            int[] holdoutFrequency = split.holdoutFrequency();
            double[] holdoutMonetary = split.holdoutMonetary();
            double duration = split.holdoutDuration();
            return new Rows(cal.size()) {
                @Override
                Row row(int i) {
                    return RowFactory.create(ids.get(i), frequency[i], recency[i], t[i], monetary[i],
                            holdoutFrequency[i], holdoutMonetary[i], duration);
                }
            };
        }
    }

    /** Rows made one at a time from a partition's result arrays. */
    private abstract static class Rows implements Iterator<Row> {
        private final int size;
        private int next;

        Rows(int size) {
            this.size = size;
        }

        abstract Row row(int i);

        @Override
        public boolean hasNext() {
            return next < size;
        }

        @Override
        public Row next() {
            if (next >= size) {
                throw new NoSuchElementException();
            }
            return row(next++);
        }
    }
}
