package io.loyalty.rfm;

import io.loyalty.internal.Checks;
import io.loyalty.internal.TextTable;
import java.io.Writer;
import java.nio.file.Path;
import java.util.AbstractList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The immutable result of {@link RfmScorer}: per customer the recency, orders, revenue, scored monetary value, the
 * three scores and the segment, stored column by column in the input's customer order (by customer id for
 * transactions), together with the bins of each measure and the segment map.
 *
 * <p>Column accessors return copies. {@link #get(int)} gives one {@link CustomerRfm} row. Two results are equal
 * when every column, the bins, the map and the method are equal (doubles compared bit for bit).
 *
 * @since 0.1
 */
public final class RfmScores {
    private final String[] ids;
    private final double[] recency;
    private final double[] orders;
    private final double[] revenue;
    private final double[] monetary;
    private final byte[] r;
    private final byte[] f;
    private final byte[] m;
    private final int[] segment;
    private final Bins recencyBins;
    private final Bins frequencyBins;
    private final Bins monetaryBins;
    private final SegmentMap map;
    private final ScoringMethod method;
    private volatile SegmentSummary summary;
    private volatile Map<String, Integer> index;

    RfmScores(String[] ids, double[] recency, double[] orders, double[] revenue, double[] monetary, byte[] r, byte[] f,
            byte[] m, int[] segment, Bins recencyBins, Bins frequencyBins, Bins monetaryBins, SegmentMap map,
            ScoringMethod method) {
        this.ids = ids;
        this.recency = recency;
        this.orders = orders;
        this.revenue = revenue;
        this.monetary = monetary;
        this.r = r;
        this.f = f;
        this.m = m;
        this.segment = segment;
        this.recencyBins = recencyBins;
        this.frequencyBins = frequencyBins;
        this.monetaryBins = monetaryBins;
        this.map = map;
        this.method = method;
    }

    /**
     * The number of customers.
     *
     * @return the count
     */
    public int size() {
        return ids.length;
    }

    /**
     * The id of customer i.
     *
     * @param i the row
     * @return the id
     */
    public String id(int i) {
        return ids[Checks.index(i, ids.length, "i")];
    }

    /**
     * The customer ids, in row order.
     *
     * @return an unmodifiable list
     */
    public List<String> ids() {
        return List.of(ids);
    }

    /**
     * The row of a customer.
     *
     * @param customerId the id
     * @return the row, or -1 if the customer is not in the result
     * @throws IllegalArgumentException if the ids given to the scorer were not distinct
     */
    public int indexOf(String customerId) {
        Map<String, Integer> idx = index;
        if (idx == null) {
            idx = new HashMap<>(ids.length * 2);
            for (int i = 0; i < ids.length; i++) {
                Integer old = idx.put(ids[i], i);
                if (old != null) {
                    throw new IllegalArgumentException(Checks.format(
                            "customer id '%s' appears at rows %d and %d: ids must be distinct", ids[i], old, i));
                }
            }
            index = idx;
        }
        return idx.getOrDefault(customerId, -1);
    }

    /**
     * One customer's row.
     *
     * @param i the row
     * @return the customer's figures, scores and segment
     */
    public CustomerRfm get(int i) {
        Checks.index(i, ids.length, "i");
        return new CustomerRfm(ids[i], recency[i], orders[i], revenue[i], monetary[i], r[i], f[i], m[i],
                map.name(segment[i]));
    }

    /**
     * The rows as a list view.
     *
     * @return an unmodifiable list
     */
    public List<CustomerRfm> toList() {
        return new AbstractList<>() {
            @Override
            public CustomerRfm get(int i) {
                return RfmScores.this.get(i);
            }

            @Override
            public int size() {
                return ids.length;
            }
        };
    }

    /**
     * Days since each customer's last purchase.
     *
     * @return a copy of the column
     */
    public double[] recencyDays() {
        return recency.clone();
    }

    /**
     * Orders per customer (the frequency).
     *
     * @return a copy of the column
     */
    public double[] orders() {
        return orders.clone();
    }

    /**
     * Total revenue per customer.
     *
     * @return a copy of the column
     */
    public double[] revenue() {
        return revenue.clone();
    }

    /**
     * The scored monetary value per customer: the revenue, or the revenue per order (see {@link MonetaryMeasure}).
     *
     * @return a copy of the column
     */
    public double[] monetary() {
        return monetary.clone();
    }

    /**
     * Recency scores, 1..n, n for the most recent.
     *
     * @return a new array
     */
    public int[] recencyScores() {
        return ints(r);
    }

    /**
     * Frequency scores, 1..n.
     *
     * @return a new array
     */
    public int[] frequencyScores() {
        return ints(f);
    }

    /**
     * Monetary scores, 1..n.
     *
     * @return a new array
     */
    public int[] monetaryScores() {
        return ints(m);
    }

    /**
     * Combined scores {@code 100 R + 10 F + M}.
     *
     * @return a new array
     */
    public int[] rfmScores() {
        int[] s = new int[ids.length];
        for (int i = 0; i < s.length; i++) {
            s[i] = combinedScore(r[i], f[i], m[i]);
        }
        return s;
    }

    /**
     * The combined score of one customer, {@code 100 R + 10 F + M}, as rfm's {@code rfm_score} (read as three
     * digits when n &lt;= 9).
     *
     * @param r the recency score
     * @param f the frequency score
     * @param m the monetary score
     * @return the combined score
     */
    public static int combinedScore(int r, int f, int m) {
        return 100 * r + 10 * f + m;
    }

    /**
     * Segment indexes into {@link #segmentMap()}; {@code segmentMap().size()} is {@value SegmentMap#OTHERS}.
     *
     * @return a copy of the column
     */
    public int[] segmentIndexes() {
        return segment.clone();
    }

    /**
     * The segment name of customer i.
     *
     * @param i the row
     * @return the name
     */
    public String segment(int i) {
        return map.name(segment[Checks.index(i, segment.length, "i")]);
    }

    /**
     * The bins recency was cut into (increasing days; bin 0 scores n).
     *
     * @return the bins
     */
    public Bins recencyBins() {
        return recencyBins;
    }

    /**
     * The bins frequency was cut into.
     *
     * @return the bins
     */
    public Bins frequencyBins() {
        return frequencyBins;
    }

    /**
     * The bins the monetary value was cut into.
     *
     * @return the bins
     */
    public Bins monetaryBins() {
        return monetaryBins;
    }

    /**
     * The segment map used.
     *
     * @return the map
     */
    public SegmentMap segmentMap() {
        return map;
    }

    /**
     * The scoring method used.
     *
     * @return the method
     */
    public ScoringMethod method() {
        return method;
    }

    /**
     * The number of bins (the highest score).
     *
     * @return n
     */
    public int bins() {
        return recencyBins.size();
    }

    /**
     * Customers, orders, revenue, average order value and shares per segment.
     *
     * @return the summary (computed once)
     */
    public SegmentSummary summary() {
        SegmentSummary s = summary;
        if (s == null) {
            s = SegmentSummary.of(map, segment, orders, revenue);
            summary = s;
        }
        return s;
    }

    byte[] rawR() {
        return r;
    }

    byte[] rawF() {
        return f;
    }

    byte[] rawM() {
        return m;
    }

    double[] rawRecency() {
        return recency;
    }

    double[] rawOrders() {
        return orders;
    }

    double[] rawMonetary() {
        return monetary;
    }

    int[] rawSegment() {
        return segment;
    }

    private static int[] ints(byte[] b) {
        int[] out = new int[b.length];
        for (int i = 0; i < b.length; i++) {
            out[i] = b[i];
        }
        return out;
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof RfmScores)) {
            return false;
        }
        RfmScores s = (RfmScores) o;
        return Arrays.equals(ids, s.ids) && Arrays.equals(recency, s.recency)
                && Arrays.equals(orders, s.orders) && Arrays.equals(revenue, s.revenue)
                && Arrays.equals(monetary, s.monetary) && Arrays.equals(r, s.r)
                && Arrays.equals(f, s.f) && Arrays.equals(m, s.m)
                && Arrays.equals(segment, s.segment) && recencyBins.equals(s.recencyBins)
                && frequencyBins.equals(s.frequencyBins) && monetaryBins.equals(s.monetaryBins) && map.equals(s.map)
                && method == s.method;
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(ids) + Arrays.hashCode(segment);
    }

    /**
     * The method, the bins and the first five customers, as a table with the columns of {@link #writeCsv(Writer)}.
     */
    @Override
    public String toString() {
        return thresholds().toString() + textTable().render(5);
    }

    /** The bins as a table: one row per bin in increasing value, [lower, upper). */
    TextTable thresholds() {
        TextTable.Builder b = TextTable.builder()
                .title(Checks.format("RfmScores[%d customers, %s, %d bins]", ids.length, method, bins()))
                .count("bin").significant("recency_days_lower", 4).significant("recency_days_upper", 4)
                .significant("orders_lower", 4).significant("orders_upper", 4).decimal("monetary_lower", 2)
                .decimal("monetary_upper", 2);
        Bins[] all = {recencyBins, frequencyBins, monetaryBins};
        for (int k = 0; k < bins(); k++) {
            Object[] row = new Object[7];
            row[0] = k + 1;
            for (int j = 0; j < 3; j++) {
                boolean has = k < all[j].size();
                row[1 + 2 * j] = has ? all[j].lower(k) : null;
                row[2 + 2 * j] = has ? all[j].upper(k) : null;
            }
            b.row(row);
        }
        return b.build();
    }

    /** One row per customer. */
    TextTable textTable() {
        TextTable.Builder b = TextTable.builder().text("customer_id").decimal("recency_days", 1).count("orders")
                .decimal("revenue", 2).decimal("monetary", 2).count("recency_score").count("frequency_score")
                .count("monetary_score").count("rfm_score").text("segment");
        for (int i = 0; i < ids.length; i++) {
            b.row(ids[i], recency[i], orders[i], revenue[i], monetary[i], r[i], f[i], m[i],
                    combinedScore(r[i], f[i], m[i]), segment(i));
        }
        return b.build();
    }

    /**
     * Writes the bins as CSV, one row per bin in increasing value (recency bin 1 scores 5): {@code bin,
     * recency_days_lower, recency_days_upper, orders_lower, orders_upper, monetary_lower, monetary_upper}, each
     * bin [lower, upper); a method with fewer bins for a measure leaves the later cells blank.
     *
     * @param out where to write; not closed
     * @throws java.io.UncheckedIOException if writing fails
     * @since 0.2
     */
    public void writeThresholdsCsv(Writer out) {
        Checks.notNull(out, "out");
        thresholds().writeCsv(out);
    }

    /**
     * Writes the table of {@link #toString()} as CSV with full precision (rounding is only for print): one row per customer, {@code customer_id, recency_days, orders, revenue, monetary (the value scored, by the scorer's {@link MonetaryMeasure}), recency_score, frequency_score, monetary_score, rfm_score, segment}.
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
