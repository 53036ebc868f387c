package io.loyalty.spark;

import java.util.Iterator;
import org.apache.spark.sql.Row;

/**
 * Walks one partition's rows, sorted by customer id (column 0), customer by customer: each row goes to
 * {@link #row} with its place in its customer's run, each finished run to {@link #end}. The DP passes of
 * {@link SparkPrivacy} differ only in what they keep of a row and which core kernel takes the run.
 */
abstract class CustomerRuns {
    /** Keeps row {@code r} as its customer's {@code n}-th (0-based), growing the run's arrays when they are full. */
    abstract void row(Row r, int n);

    /** Hands the finished run of {@code n} rows of {@code customer} to the kernel. */
    abstract void end(String customer, int n);

    /** Walks the rows; the rows of one customer must be contiguous (as after {@code byCustomer}'s sort). */
    final void walk(Iterator<Row> rows) {
        int n = 0;
        String current = null;
        while (rows.hasNext()) {
            Row r = rows.next();
            String customer = r.getString(0);
            if (current != null && !current.equals(customer)) {
                end(current, n);
                n = 0;
            }
            current = customer;
            row(r, n++);
        }
        if (current != null) {
            end(current, n);
        }
    }
}
