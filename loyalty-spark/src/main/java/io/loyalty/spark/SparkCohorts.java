package io.loyalty.spark;

import io.loyalty.cohort.CohortAccumulator;
import io.loyalty.cohort.CohortMatrices;
import io.loyalty.cohort.Cohorts;
import io.loyalty.internal.Checks;

import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Iterator;
import java.util.List;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

/**
 * Cohort retention and revenue matrices of a transactions {@code Dataset<Row>}: the core's {@link CohortMatrices}
 * (return on, return on or after, brackets, revenue, cumulative revenue per customer, net revenue retention),
 * equal to {@link Cohorts#matrices(String[], long[], double[])} on the same rows.
 *
 * <pre>{@code
 * CohortMatrices m = SparkCohorts.matrices(transactions, TransactionSchema.of("CustomerID", "InvoiceDate", "Amount"),
 *         Cohorts.of(CohortPeriod.MONTH, ZoneOffset.UTC).withDataEnd(LocalDate.of(2011, 12, 9)));
 * double[][] retention = m.matrix(CohortMatrices.Measure.RETURN_ON_SHARE);
 * }</pre>
 *
 * <p>Distributed: the rows are partitioned by customer (one exchange) and grouped by customer within each
 * partition; each partition feeds the core's {@link CohortAccumulator} in batches of whole customers, so the
 * period rule, the cohort of each customer and the exact revenue sums are the core's, computed on the executors.
 * On the driver: the partitions' accumulators (a few counters per cohort and offset) are combined in partition
 * order and the matrices are taken. No per-customer data reaches the driver.
 *
 * <p>A {@code date} time column is the calendar day in the calculator's zone (its first instant there); a
 * {@code timestamp} column is an instant, truncated to the second as the core's seconds are. Bad input: one pass
 * before the job counts null cells (see {@link TransactionSchema}), blank customer ids, infinite amounts and
 * transactions after the calculator's data end, each reported with its column and number of rows.
 *
 * @since 0.1
 */
public final class SparkCohorts {
    /** Rows per batch handed to the core: large enough to amortise a call, small enough to bound memory. */
    private static final int BATCH_ROWS = 1 << 16;

    private SparkCohorts() {
    }

    /**
     * The cohort matrices of the transactions.
     *
     * @param transactions the transactions, one row each; not modified
     * @param schema which columns hold the customer id, the time and the amount, and what to do with nulls
     * @param cohorts the cohort period, zone, data end and brackets
     * @return the matrices, as the core's {@code cohorts.matrices(...)} on the same rows
     * @throws IllegalArgumentException if a column is missing or mistyped, a required cell is null (unless the
     *     schema drops such rows), an id is blank, an amount infinite or a transaction after the data end, or no
     *     transaction is left
     */
    public static CohortMatrices matrices(Dataset<Row> transactions, TransactionSchema schema, Cohorts cohorts) {
        Checks.notNull(cohorts, "cohorts");
        Instant end = cohorts.dataEnd();
        Inputs.Canonical canonical = Inputs.transactions(transactions, schema, (id, time, epochDays, amount) -> {
            if (end == null) {
                return List.of();
            }
            // A day is after the end when it starts after it: when it is after the end's calendar day in the zone.
            Column late = epochDays ? time.gt(lit(LocalDate.ofInstant(end, cohorts.zone()).toEpochDay()))
                    : time.gt(lit(end.getEpochSecond()));
            return List.of(Inputs.Rule.invalid(schema.time(), "after the data end " + end, late));
        });
        Column id = col(Inputs.ID);
        boolean days = canonical.epochDays();
        List<byte[]> parts = canonical.rows().repartition(id).javaRDD()
                .mapPartitions((FlatMapFunction<Iterator<Row>, byte[]>) rows ->
                        List.of(Shipment.pack(accumulate(rows, cohorts, days))).iterator())
                .collect();
        CohortAccumulator total = CohortAccumulator.create(cohorts);
        for (byte[] bytes : parts) {
            total.combine(Shipment.unpack(bytes, CohortAccumulator.class));
        }
        if (total.transactionCount() == 0) {
            throw new IllegalArgumentException("transactions has no rows"
                    + (schema.nulls() == NullPolicy.DROP ? " left after dropping nulls" : "") + ": there is no cohort");
        }
        return total.snapshot();
    }

    /**
     * Feeds a partition of canonical rows, grouped by customer, to an accumulator in batches cut only between
     * customers (the core needs every row of a customer in one batch).
     */
    private static CohortAccumulator accumulate(Iterator<Row> rows, Cohorts cohorts, boolean epochDays) {
        CohortAccumulator accumulator = CohortAccumulator.create(cohorts);
        CustomerGroups groups = CustomerGroups.read(rows, epochDays);
        ZoneId zone = cohorts.zone();
        for (int from = 0; from < groups.customers(); ) {
            int to = groups.chunkEnd(from, BATCH_ROWS);
            CustomerGroups.Chunk chunk = groups.chunk(from, to);
            long[] seconds = chunk.times();
            if (epochDays) {
                // A day is its first instant in the cohorts' zone, as the core reads a LocalDate.
                long lastDay = Long.MIN_VALUE;
                long lastStart = 0;
                for (int i = 0; i < seconds.length; i++) {
                    if (seconds[i] != lastDay) {
                        lastDay = seconds[i];
                        lastStart = LocalDate.ofEpochDay(lastDay).atStartOfDay(zone).toEpochSecond();
                    }
                    seconds[i] = lastStart;
                }
            }
            accumulator.add(chunk.ids(), seconds, chunk.amounts());
            from = to;
        }
        return accumulator;
    }
}
