package io.loyalty.rfm;

import io.loyalty.internal.Checks;
import io.loyalty.internal.ExactSum;
import io.loyalty.internal.TextTable;
import java.io.Writer;
import java.nio.file.Path;
import java.util.List;

/**
 * Customers, orders, revenue, average order value and shares per segment, as rfm's {@code rfm_segment_summary}
 * (which also divides revenue by orders), plus the shares of customers and of revenue. One row per segment of the
 * map, in its order, then {@value SegmentMap#OTHERS}; segments without customers have zero rows. Orders and
 * revenue are summed exactly and rounded once, so they do not depend on the order of the customers; a total
 * beyond the largest double is an {@link IllegalArgumentException} naming the segment.
 *
 * @since 0.1
 */
public final class SegmentSummary {
    private final List<SegmentStats> rows;

    private SegmentSummary(List<SegmentStats> rows) {
        this.rows = rows;
    }

    static SegmentSummary of(SegmentMap map, int[] segment, double[] orders, double[] revenue) {
        int k = map.size() + 1;
        long[] customers = new long[k];
        // Exact sums, rounded once: the totals do not depend on the order of the customers.
        ExactSum[] o = new ExactSum[k];
        ExactSum[] v = new ExactSum[k];
        for (int s = 0; s < k; s++) {
            o[s] = new ExactSum();
            v[s] = new ExactSum();
        }
        for (int i = 0; i < segment.length; i++) {
            int s = segment[i];
            customers[s]++;
            o[s].add(orders[i]);
            v[s].add(revenue[i]);
        }
        double[] ordersOf = new double[k];
        double[] revenueOf = new double[k];
        for (int s = 0; s < k; s++) {
            ordersOf[s] = o[s].value();
            revenueOf[s] = v[s].value();
            Checks.require(ordersOf[s] <= Double.MAX_VALUE && revenueOf[s] <= Double.MAX_VALUE,
                    "the orders or revenue of the %d customers in segment '%s' sum to more than the largest double "
                            + "(%s): scale them down", customers[s], map.name(s), Double.MAX_VALUE);
        }
        return fromTotals(map, customers, ordersOf, revenueOf);
    }

    /**
     * The summary from per-segment totals counted elsewhere (a database, a Spark aggregation): index {@code s} of
     * each array is segment {@code map.name(s)}, the last index ({@code map.size()}) is {@value SegmentMap#OTHERS}.
     *
     * @param map the segment map the customers were assigned with
     * @param customers customers per segment, non-negative
     * @param orders orders per segment, finite and non-negative
     * @param revenue revenue per segment, finite and non-negative
     * @return the summary
     * @throws IllegalArgumentException if an array's length is not {@code map.size() + 1} or a total is out of range
     */
    public static SegmentSummary fromTotals(SegmentMap map, long[] customers, double[] orders, double[] revenue) {
        Checks.notNull(map, "map");
        Checks.notNull(customers, "customers");
        Checks.notNull(orders, "orders");
        Checks.notNull(revenue, "revenue");
        int k = map.size() + 1;
        Checks.require(customers.length == k && orders.length == k && revenue.length == k,
                "customers, orders and revenue need one entry per segment plus Others (%d); got %d, %d and %d", k,
                customers.length, orders.length, revenue.length);
        long n = 0;
        ExactSum exactTotal = new ExactSum();
        for (int s = 0; s < k; s++) {
            Checks.nonNegative(customers[s], "customers of " + map.name(s));
            Checks.nonNegative(Checks.finite(orders[s], "orders of " + map.name(s)), "orders of " + map.name(s));
            Checks.nonNegative(Checks.finite(revenue[s], "revenue of " + map.name(s)), "revenue of " + map.name(s));
            Checks.require(customers[s] <= Long.MAX_VALUE - n, "customers sum to more than Long.MAX_VALUE at "
                    + "segment '%s' (%d)", map.name(s), customers[s]);
            n += customers[s];
            exactTotal.add(revenue[s]);
        }
        double total = exactTotal.value();
        Checks.require(total <= Double.MAX_VALUE, "revenue sums to more than the largest double (%s) over the "
                + "segments: scale it down", Double.MAX_VALUE);
        SegmentStats[] rows = new SegmentStats[k];
        for (int s = 0; s < k; s++) {
            rows[s] = new SegmentStats(map.name(s), customers[s], orders[s], revenue[s],
                    orders[s] > 0 ? revenue[s] / orders[s] : 0, n > 0 ? (double) customers[s] / n : 0,
                    total > 0 ? revenue[s] / total : 0);
        }
        return new SegmentSummary(List.of(rows));
    }

    /**
     * The rows, one per segment then {@value SegmentMap#OTHERS}.
     *
     * @return an unmodifiable list
     */
    public List<SegmentStats> rows() {
        return rows;
    }

    /**
     * The row of a segment.
     *
     * @param segment the segment's name
     * @return the row
     * @throws IllegalArgumentException if no segment has that name
     */
    public SegmentStats row(String segment) {
        for (SegmentStats r : rows) {
            if (r.segment().equals(segment)) {
                return r;
            }
        }
        throw new IllegalArgumentException(Checks.format("segment '%s' is not in the summary", segment));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SegmentSummary && rows.equals(((SegmentSummary) o).rows);
    }

    @Override
    public int hashCode() {
        return rows.hashCode();
    }

    /** The summary as an aligned text table, the columns of {@link #writeCsv(Writer)}. */
    @Override
    public String toString() {
        return textTable().toString();
    }

    TextTable textTable() {
        TextTable.Builder b = TextTable.builder().text("segment").count("customers").count("orders")
                .decimal("revenue", 2).decimal("aov", 2).percent("customer_share", 1).percent("revenue_share", 1);
        for (SegmentStats r : rows) {
            b.row(r.segment(), r.customers(), r.orders(), r.revenue(), r.averageOrderValue(), r.customerShare(),
                    r.revenueShare());
        }
        return b.build();
    }

    /**
     * Writes the table of {@link #toString()} as CSV with full precision (rounding is only for print): one row per segment, {@code segment, customers, orders, revenue, aov, customer_share, revenue_share} (shares as fractions).
     * Column names are those of the Tablesaw adapter; see {@code docs/data.md}.
     *
     * @param out where to write; not closed
     * @throws java.io.UncheckedIOException if writing fails
     * @since 0.2
     */
    public void writeCsv(Writer out) {
        Checks.notNull(out, "out");
        textTable().writeCsv(out);
    }

    /**
     * Writes the CSV of {@link #writeCsv(Writer)} to a file in UTF-8, replacing it.
     *
     * @param csvFile the file
     * @throws java.io.UncheckedIOException if writing fails
     * @since 0.2
     */
    public void writeCsv(Path csvFile) {
        Checks.notNull(csvFile, "csvFile");
        textTable().writeCsv(csvFile);
    }
}
