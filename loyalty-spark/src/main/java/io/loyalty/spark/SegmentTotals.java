package io.loyalty.spark;

import io.loyalty.internal.Checks;
import io.loyalty.internal.ExactSum;
import io.loyalty.rfm.SegmentMap;
import io.loyalty.rfm.SegmentSummary;

import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.sql.Row;

import java.io.Serializable;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Customers, orders and revenue per RFM segment, the sums kept exactly ({@link ExactSum}) so that the totals do not
 * depend on how the scores were partitioned or ordered: each partition counts its rows ({@link PerPartition}), the
 * driver merges the partitions' totals and rounds once, which gives the core's {@link SegmentSummary} to the bit.
 */
final class SegmentTotals implements Serializable {
    private static final long serialVersionUID = 1L;

    private final long[] customers;
    private final ExactSum[] orders;
    private final ExactSum[] revenue;

    /** Empty totals of {@code k} segments (a map's segments, then Others). */
    SegmentTotals(int k) {
        customers = new long[k];
        orders = new ExactSum[k];
        revenue = new ExactSum[k];
        for (int s = 0; s < k; s++) {
            orders[s] = new ExactSum();
            revenue[s] = new ExactSum();
        }
    }

    /** Adds another part's totals. */
    void add(SegmentTotals other) {
        Checks.require(other.customers.length == customers.length, "segment totals of %d segments, expected %d",
                other.customers.length, customers.length);
        for (int s = 0; s < customers.length; s++) {
            customers[s] += other.customers[s];
            orders[s].add(other.orders[s]);
            revenue[s].add(other.revenue[s]);
        }
    }

    /** The summary, as the core's from the same customers. */
    SegmentSummary summary(SegmentMap map) {
        int k = customers.length;
        double[] o = new double[k];
        double[] v = new double[k];
        for (int s = 0; s < k; s++) {
            o[s] = orders[s].value();
            v[s] = revenue[s].value();
            Checks.require(o[s] <= Double.MAX_VALUE && v[s] <= Double.MAX_VALUE,
                    "the orders or revenue of the %d customers in segment '%s' sum to more than the largest double "
                            + "(%s): scale them down", customers[s], map.name(s), Double.MAX_VALUE);
        }
        return SegmentSummary.fromTotals(map, customers, o, v);
    }

    /** One partition of scores (segment, orders, revenue) to its totals, shipped as bytes ({@link Shipment}). */
    static final class PerPartition implements MapPartitionsFunction<Row, byte[]> {
        private static final long serialVersionUID = 1L;
        private final String[] names;

        /** @param names the segments' names by index, Others last */
        PerPartition(String[] names) {
            this.names = names.clone();
        }

        @Override
        public Iterator<byte[]> call(Iterator<Row> rows) {
            Map<String, Integer> index = new HashMap<>();
            for (int s = 0; s < names.length; s++) {
                index.put(names[s], s);
            }
            SegmentTotals t = new SegmentTotals(names.length);
            while (rows.hasNext()) {
                Row r = rows.next();
                int s = index.get(r.getString(0));
                t.customers[s]++;
                t.orders[s].add(r.getDouble(1));
                t.revenue[s].add(r.getDouble(2));
            }
            return List.of(Shipment.pack(t)).iterator();
        }
    }
}
