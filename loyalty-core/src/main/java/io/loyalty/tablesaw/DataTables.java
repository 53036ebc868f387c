package io.loyalty.tablesaw;

import io.loyalty.data.CalibrationHoldout;
import io.loyalty.data.CustomerSummaries;
import io.loyalty.data.OrderLines;
import io.loyalty.data.Transaction;
import io.loyalty.data.TransactionColumns;
import io.loyalty.internal.Checks;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.InstantColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * Tablesaw in and out for the data model: a transactions table to {@link TransactionColumns}, and customer
 * summaries to a table with one row per customer.
 *
 * @since 0.1
 */
public final class DataTables {
    private DataTables() {
    }

    /**
     * Reads transactions from a table by column names. Ids may be text (kept as is), integers (short, int or
     * long, read exactly: 64-bit ids above 2^53 stay distinct) or whole doubles up to 1e15 (as {@code 17850.0},
     * read as {@code "17850"}); times dates (start of the day, UTC), date-times (read as UTC) or instants, to the
     * second; amounts any numeric type. Each column is looked up once and copied into a primitive array; a
     * missing cell is reported with its column and row. The table is not modified.
     *
     * @param table the transactions
     * @param customerIdColumn the customer id column
     * @param timeColumn the time column
     * @param amountColumn the amount column
     * @return the columns, ready for {@link io.loyalty.data.Summarizer#summarize(TransactionColumns)}
     */
    public static TransactionColumns transactions(Table table, String customerIdColumn, String timeColumn,
            String amountColumn) {
        Columns.requireNames("customerIdColumn", customerIdColumn, "timeColumn", timeColumn, "amountColumn",
                amountColumn);
        String[] ids = Columns.ids(table, customerIdColumn, "customer id");
        long[] times = Columns.epochSeconds(table, timeColumn, "time");
        double[] amounts = Columns.doubles(table, amountColumn, "amount");
        return TransactionColumns.ofEpochSeconds(ids, times, amounts);
    }

    /**
     * Reads order lines from a table and groups them into orders, as {@link OrderLines#orders}: the rows that share
     * an order id are one order, at its first line's time, for the exact sum of its lines' amounts. Columns are read
     * as {@link #transactions(Table, String, String, String)}; order ids as customer ids (text, integers or whole
     * doubles), a missing one reported with its row.
     *
     * @param table the order lines
     * @param customerIdColumn the customer id column
     * @param timeColumn the time column
     * @param amountColumn the amount column
     * @param orderIdColumn the order (invoice) id column
     * @return one row per order, in the order of its first line
     * @throws IllegalArgumentException if a cell is missing or an order's lines belong to two customers
     */
    public static TransactionColumns orders(Table table, String customerIdColumn, String timeColumn,
            String amountColumn, String orderIdColumn) {
        Columns.requireNames("customerIdColumn", customerIdColumn, "timeColumn", timeColumn, "amountColumn",
                amountColumn, "orderIdColumn", orderIdColumn);
        String[] ids = Columns.ids(table, customerIdColumn, "customer id");
        long[] times = Columns.epochSeconds(table, timeColumn, "time");
        double[] amounts = Columns.doubles(table, amountColumn, "amount");
        String[] orderIds = Columns.ids(table, orderIdColumn, "order id");
        List<Transaction> lines = new ArrayList<>(ids.length);
        for (int row = 0; row < ids.length; row++) {
            lines.add(new Transaction(ids[row], Instant.ofEpochSecond(times[row]), amounts[row], orderIds[row], null));
        }
        List<Transaction> orders = OrderLines.orders(lines);
        int n = orders.size();
        String[] orderCustomers = new String[n];
        long[] orderTimes = new long[n];
        double[] orderAmounts = new double[n];
        for (int i = 0; i < n; i++) {
            Transaction o = orders.get(i);
            orderCustomers[i] = o.customerId();
            orderTimes[i] = o.time().getEpochSecond();
            orderAmounts[i] = o.amount();
        }
        return TransactionColumns.ofEpochSeconds(orderCustomers, orderTimes, orderAmounts);
    }

    /**
     * One row per customer: {@code customer_id, frequency, recency_<unit>, T_<unit>, mean_repeat_amount,
     * first_purchase, last_purchase, transactions, revenue}, where {@code <unit>} is the rule's
     * {@link io.loyalty.data.PeriodRule#unitName()} ({@code recency_weeks}): the columns of
     * {@link CustomerSummaries#writeCsv(java.io.Writer)}.
     *
     * @param summaries the summaries
     * @return a new table named "customer summaries"
     */
    public static Table toTable(CustomerSummaries summaries) {
        int n = Checks.notNull(summaries, "summaries").size();
        long[] first = summaries.firstPurchaseEpochSecond();
        long[] last = summaries.lastPurchaseEpochSecond();
        InstantColumn firstCol = InstantColumn.create("first_purchase", n);
        InstantColumn lastCol = InstantColumn.create("last_purchase", n);
        for (int i = 0; i < n; i++) {
            firstCol.set(i, Instant.ofEpochSecond(first[i]));
            lastCol.set(i, Instant.ofEpochSecond(last[i]));
        }
        String unit = summaries.rule().unitName();
        return Columns.readable(Table.create("customer summaries",
                StringColumn.create("customer_id", summaries.ids()),
                IntColumn.create("frequency", summaries.frequency()),
                DoubleColumn.create("recency_" + unit, summaries.recency()),
                DoubleColumn.create("T_" + unit, summaries.t()),
                DoubleColumn.create("mean_repeat_amount", summaries.monetary()),
                firstCol, lastCol,
                IntColumn.create("transactions", summaries.transactions()),
                DoubleColumn.create("revenue", summaries.totalValue())));
    }

    /**
     * One row per calibration customer: {@code customer_id, frequency_cal, recency_<unit>_cal, T_<unit>_cal,
     * mean_repeat_amount_cal, frequency_holdout, mean_amount_holdout, duration_<unit>_holdout} (lifetimes' columns
     * with the unit in the name), the columns of {@link CalibrationHoldout#writeCsv(java.io.Writer)}.
     *
     * @param split the calibration/holdout split
     * @return a new table named "calibration and holdout"
     */
    public static Table toTable(CalibrationHoldout split) {
        CustomerSummaries cal = Checks.notNull(split, "split").calibration();
        double[] duration = new double[cal.size()];
        java.util.Arrays.fill(duration, split.holdoutDuration());
        String unit = cal.rule().unitName();
        return Columns.readable(Table.create("calibration and holdout",
                StringColumn.create("customer_id", cal.ids()),
                IntColumn.create("frequency_cal", cal.frequency()),
                DoubleColumn.create("recency_" + unit + "_cal", cal.recency()),
                DoubleColumn.create("T_" + unit + "_cal", cal.t()),
                DoubleColumn.create("mean_repeat_amount_cal", cal.monetary()),
                IntColumn.create("frequency_holdout", split.holdoutFrequency()),
                DoubleColumn.create("mean_amount_holdout", split.holdoutMonetary()),
                DoubleColumn.create("duration_" + unit + "_holdout", duration)));
    }
}
