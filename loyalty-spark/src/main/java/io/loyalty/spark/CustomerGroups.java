package io.loyalty.spark;

import io.loyalty.data.TransactionColumns;

import org.apache.spark.sql.Row;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;

/**
 * One partition of canonical transactions ({@link Inputs#ID}, {@link Inputs#TIME}, {@link Inputs#AMOUNT}) held in
 * arrays and grouped by customer in memory: customers in order of first appearance, each customer's rows by time
 * then amount. The order within a customer fixes the order in which the core adds its amounts, so a customer's
 * summary does not depend on the order the shuffle delivered the rows in; grouping here (a hash pass and a counting
 * sort) costs a fraction of Spark's sort of the whole partition by (customer, time, amount), which it replaces.
 */
final class CustomerGroups {
    /** Groups up to this size are put in order by insertion; larger ones (heavy buyers) by a general sort. */
    private static final int INSERTION = 24;

    private final String[] ids;
    private final long[] times;
    private final double[] amounts;
    private final boolean epochDays;
    /** Row indices, customer by customer. */
    private final int[] order;
    /** Where each customer's rows start in {@link #order}; one more entry, the row count, at the end. */
    private final int[] starts;

    private CustomerGroups(String[] ids, long[] times, double[] amounts, boolean epochDays, int[] order,
            int[] starts) {
        this.ids = ids;
        this.times = times;
        this.amounts = amounts;
        this.epochDays = epochDays;
        this.order = order;
        this.starts = starts;
    }

    /**
     * Reads a partition of canonical rows and groups them.
     *
     * @param rows the partition's rows
     * @param epochDays whether {@link Inputs#TIME} holds epoch days (an int) rather than epoch seconds (a long)
     */
    static CustomerGroups read(Iterator<Row> rows, boolean epochDays) {
        int capacity = 1024;
        String[] ids = new String[capacity];
        long[] times = new long[capacity];
        double[] amounts = new double[capacity];
        int[] customer = new int[capacity];
        Map<String, Integer> index = new HashMap<>();
        int n = 0;
        while (rows.hasNext()) {
            Row r = rows.next();
            if (n == capacity) {
                capacity = Math.multiplyExact(capacity, 2);
                ids = Arrays.copyOf(ids, capacity);
                times = Arrays.copyOf(times, capacity);
                amounts = Arrays.copyOf(amounts, capacity);
                customer = Arrays.copyOf(customer, capacity);
            }
            String id = r.getString(0);
            // Boxes a number only for a customer not seen before, not for every row.
            Integer c = index.get(id);
            if (c == null) {
                c = index.size();
                index.put(id, c);
            }
            ids[n] = id;
            customer[n] = c;
            times[n] = epochDays ? r.getInt(1) : r.getLong(1);
            amounts[n] = r.getDouble(2);
            n++;
        }
        int k = index.size();
        int[] starts = new int[k + 1];
        for (int i = 0; i < n; i++) {
            starts[customer[i] + 1]++;
        }
        for (int c = 0; c < k; c++) {
            starts[c + 1] += starts[c];
        }
        int[] fill = Arrays.copyOf(starts, k);
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[fill[customer[i]]++] = i;
        }
        CustomerGroups groups = new CustomerGroups(ids, times, amounts, epochDays, order, starts);
        for (int c = 0; c < k; c++) {
            groups.sortCustomer(starts[c], starts[c + 1]);
        }
        return groups;
    }

    private boolean before(int a, int b) {
        return times[a] < times[b] || (times[a] == times[b] && Double.compare(amounts[a], amounts[b]) < 0);
    }

    /**
     * Puts {@code order[from, to)} (one customer's rows) in (time, amount) order: insertion for short runs, a merge
     * sort on the row indexes (no boxing) for a heavy buyer's.
     */
    private void sortCustomer(int from, int to) {
        if (to - from <= INSERTION) {
            for (int i = from + 1; i < to; i++) {
                int row = order[i];
                int j = i - 1;
                while (j >= from && before(row, order[j])) {
                    order[j + 1] = order[j];
                    j--;
                }
                order[j + 1] = row;
            }
            return;
        }
        int mid = (from + to) >>> 1;
        sortCustomer(from, mid);
        sortCustomer(mid, to);
        int[] left = Arrays.copyOfRange(order, from, mid);
        int i = 0;
        int j = mid;
        int k = from;
        while (i < left.length && j < to) {
            order[k++] = before(order[j], left[i]) ? order[j++] : left[i++];
        }
        while (i < left.length) {
            order[k++] = left[i++];
        }
    }

    /** The number of customers. */
    int customers() {
        return starts.length - 1;
    }

    /** The first customer after {@code from} such that customers {@code [from, end)} hold at least {@code rows} rows, or {@link #customers()}. */
    int chunkEnd(int from, int rows) {
        int end = from + 1;
        while (end < customers() && starts[end] - starts[from] < rows) {
            end++;
        }
        return end;
    }

    /** The earliest time (epoch day or second) among customers {@code [from, to)}. */
    long earliest(int from, int to) {
        long min = Long.MAX_VALUE;
        for (int c = from; c < to; c++) {
            min = Math.min(min, times[order[starts[c]]]);
        }
        return min;
    }

    /**
     * The rows of customers {@code [from, to)}, customer by customer, each in (time, amount) order.
     *
     * @param ids the customer ids
     * @param times epoch days or seconds, as the partition holds them
     * @param amounts the amounts
     */
    record Chunk(String[] ids, long[] times, double[] amounts) {
    }

    /** The rows of customers {@code [from, to)} in arrays of their own. */
    Chunk chunk(int from, int to) {
        int lo = starts[from];
        int n = starts[to] - lo;
        String[] id = new String[n];
        long[] time = new long[n];
        double[] amount = new double[n];
        for (int i = 0; i < n; i++) {
            int row = order[lo + i];
            id[i] = ids[row];
            time[i] = times[row];
            amount[i] = amounts[row];
        }
        return new Chunk(id, time, amount);
    }

    /** Customers {@code [from, to)} as the core's columns, customer by customer, each in (time, amount) order. */
    TransactionColumns columns(int from, int to) {
        Chunk c = chunk(from, to);
        if (epochDays) {
            int[] day = new int[c.times().length];
            for (int i = 0; i < day.length; i++) {
                day[i] = (int) c.times()[i];
            }
            return TransactionColumns.ofEpochDays(c.ids(), day, c.amounts());
        }
        return TransactionColumns.ofEpochSeconds(c.ids(), c.times(), c.amounts());
    }
}
