package io.loyalty.clv;

import io.loyalty.internal.Checks;
import io.loyalty.internal.PairIndex;
import java.io.InvalidObjectException;
import java.io.ObjectInputStream;
import java.io.Serializable;
import java.util.Arrays;

/**
 * A chunk of customers prepared for the likelihood kernels: the rows checked as the fitters check them and
 * identical rows merged into weighted rows. A data set too large for one array is held as many chunks (the
 * partitions of a Spark dataset, say), and a fitter sums the kernels over them through
 * {@link ChunkedCustomers}; the fitters' array methods are the one-chunk case of the same code.
 *
 * <p>Two kinds: {@link #ofPurchases purchase chunks} (frequency, recency, T) for BG/NBD, MBG/NBD and Pareto/NBD,
 * and {@link #ofSpend spend chunks} (frequency, mean spend) for Gamma-Gamma. Input checks, with
 * {@link IllegalArgumentException} naming the row (counted within the chunk), are those of the fitters' array
 * methods; a chunk may hold customers whose T are all 0 (the fit needs some T &gt; 0 over all chunks).
 *
 * <p>Immutable once made; serializable so that an engine can cache or move it (what is derived from the rows
 * for one model, such as the Pareto/NBD pair index, is rebuilt on first use rather than serialized). The
 * serialized form is a proxy holding the merged rows only; reading it runs them through {@link #ofPurchases} or
 * {@link #ofSpend} again, so a crafted stream gives either a chunk those factories would make or an
 * {@link InvalidObjectException} naming the bad row. Not meant to be compared: {@code equals} is identity.
 *
 * <pre>{@code
 * CustomerChunk chunk = CustomerChunk.ofPurchases(frequency, recency, T);
 * BetaGeoModel model = BetaGeoFitter.withDefaults().fit(ChunkedCustomers.of(List.of(chunk)));
 * }</pre>
 *
 * @since 0.1
 */
public final class CustomerChunk implements Serializable {
    private static final long serialVersionUID = 1L;

    /** Purchase rows, or null in a spend chunk. */
    final RfmRows purchases;
    /** Spend rows (merged): frequency, mean spend, weight; null in a purchase chunk. */
    final double[] spendFrequency;
    /** Spend rows (merged): mean spend; null in a purchase chunk. */
    final double[] spendMonetary;
    /** Spend rows (merged): weight (customers merged into the row); null in a purchase chunk. */
    final double[] spendWeight;
    /** The number of customers in the chunk. */
    private final double customers;
    /** The number of (merged) rows in the chunk. */
    private final int rows;
    /** The Pareto/NBD (x, time) pair index, built on first use by a Pareto/NBD task. */
    private transient volatile ModelKind.Pairs pairs;
    /** Every {@link #SAMPLE_STRIDE}-th row, built on first use by a sampled task. */
    private transient volatile CustomerChunk sample;

    /** The stride of {@link #sample()}. */
    static final int SAMPLE_STRIDE = 16;

    private CustomerChunk(RfmRows purchases, double[] spendFrequency, double[] spendMonetary, double[] spendWeight,
            double customers, int rows) {
        this.purchases = purchases;
        this.spendFrequency = spendFrequency;
        this.spendMonetary = spendMonetary;
        this.spendWeight = spendWeight;
        this.customers = customers;
        this.rows = rows;
    }

    /**
     * A purchase chunk, one customer per row.
     *
     * @param frequency repeat purchases x, whole numbers &gt;= 0
     * @param recency t_x, in [0, T], 0 when x = 0
     * @param T age, finite and &gt;= 0
     * @return the chunk
     */
    public static CustomerChunk ofPurchases(double[] frequency, double[] recency, double[] T) {
        return purchases(frequency, recency, T, null);
    }

    /**
     * A purchase chunk of weighted rows: row i stands for {@code weights[i]} customers with the same history.
     *
     * @param frequency repeat purchases x, whole numbers &gt;= 0
     * @param recency t_x, in [0, T], 0 when x = 0
     * @param T age, finite and &gt;= 0
     * @param weights customers per row, finite and &gt;= 0 with a positive sum
     * @return the chunk
     */
    public static CustomerChunk ofPurchases(double[] frequency, double[] recency, double[] T, double[] weights) {
        Checks.notNull(weights, "weights");
        return purchases(frequency, recency, T, weights);
    }

    /** The purchase chunk of the fitters' array methods, whose weights may be null. */
    static CustomerChunk purchases(double[] frequency, double[] recency, double[] T, double[] weights) {
        RfmRows.check(frequency, recency, T, weights, false);
        RfmRows merged = RfmRows.collapse(frequency, recency, T, weights);
        return new CustomerChunk(merged, null, null, null, merged.totalWeight, merged.size);
    }

    /**
     * A spend chunk (Gamma-Gamma), one customer per row; customers without repeat purchases must be left out.
     *
     * @param frequency repeat transactions x, whole numbers &gt; 0
     * @param monetary mean value of the repeat transactions, finite and &gt; 0
     * @return the chunk
     */
    public static CustomerChunk ofSpend(double[] frequency, double[] monetary) {
        return spend(frequency, monetary, null);
    }

    /**
     * A spend chunk (Gamma-Gamma) of weighted rows.
     *
     * @param frequency repeat transactions x, whole numbers &gt; 0
     * @param monetary mean value of the repeat transactions, finite and &gt; 0
     * @param weights customers per row, finite and &gt;= 0, at least one positive
     * @return the chunk
     */
    public static CustomerChunk ofSpend(double[] frequency, double[] monetary, double[] weights) {
        Checks.notNull(weights, "weights");
        return spend(frequency, monetary, weights);
    }

    /** The spend chunk of the Gamma-Gamma array methods, whose weights may be null. */
    static CustomerChunk spend(double[] frequency, double[] monetary, double[] weights) {
        GammaGammaModel.checkColumns(frequency, monetary, weights);
        int n = frequency.length;
        int kept = 0;
        for (int i = 0; i < n; i++) {
            if (frequency[i] == 0) {
                throw new IllegalArgumentException(Checks.format("frequency at row %d is 0: the Gamma-Gamma model is "
                        + "fitted on customers with repeat purchases only; leave the others out "
                        + "(fit(CustomerSummaries) does)", i));
            }
            if (weights == null || weights[i] > 0) {
                kept++;
            }
        }
        Checks.require(kept > 0, "no row with a positive weight: nothing to fit");
        double[] fx = new double[kept];
        double[] fm = new double[kept];
        double[] fw = new double[kept];
        for (int i = 0, k = 0; i < n; i++) {
            if (weights == null || weights[i] > 0) {
                fx[k] = frequency[i];
                fm[k] = monetary[i];
                fw[k++] = weights == null ? 1 : weights[i];
            }
        }
        PairIndex pairs = PairIndex.of(fx, fm);
        double[] w = new double[pairs.size];
        double total = 0;
        for (int i = 0; i < kept; i++) {
            w[pairs.index[i]] += fw[i];
            total += fw[i];
        }
        // In (frequency, monetary) order, as purchase rows are put in (x, t_x, T) order: the fit's sums then do not
        // depend on the row order (RfmRows#collapse).
        int[] order = RfmRows.canonicalOrder(pairs.x, pairs.t, pairs.t, pairs.size);
        return new CustomerChunk(null, RfmRows.permute(pairs.x, order), RfmRows.permute(pairs.t, order),
                RfmRows.permute(w, order), total, pairs.size);
    }

    /**
     * The number of customers in the chunk (the sum of the weights).
     *
     * @return the count
     */
    public double customers() {
        return customers;
    }

    /**
     * The number of rows left after identical customers were merged (a chunk of 16,384 or more rows is merged only
     * when a sample shows that enough of them are identical, and otherwise keeps its rows of positive weight).
     *
     * @return the count
     */
    public int rows() {
        return rows;
    }

    /** Whether this is a spend (Gamma-Gamma) chunk. */
    boolean spend() {
        return purchases == null;
    }

    /** The largest T (0 in a spend chunk). */
    double maxT() {
        return purchases == null ? 0 : purchases.maxT;
    }

    /** The Pareto/NBD pair index of the purchase rows; built once (a race builds it twice, harmlessly). */
    ModelKind.Pairs pairs() {
        ModelKind.Pairs p = pairs;
        if (p == null) {
            p = new ModelKind.Pairs(purchases);
            pairs = p;
        }
        return p;
    }

    /**
     * Every {@link #SAMPLE_STRIDE}-th (merged) row of a purchase chunk with its weight, the first row always
     * included; a spend chunk is its own sample. Built once (a race builds it twice, harmlessly).
     */
    CustomerChunk sample() {
        CustomerChunk c = sample;
        if (c == null) {
            if (purchases == null) {
                c = this;
            } else {
                int m = (purchases.size + SAMPLE_STRIDE - 1) / SAMPLE_STRIDE;
                double[] x = new double[m];
                double[] tx = new double[m];
                double[] t = new double[m];
                double[] w = new double[m];
                for (int k = 0; k < m; k++) {
                    int i = k * SAMPLE_STRIDE;
                    x[k] = purchases.x[i];
                    tx[k] = purchases.tx[i];
                    t[k] = purchases.t[i];
                    w[k] = purchases.w[i];
                }
                RfmRows rows = RfmRows.aligned(x, tx, t, w);
                c = new CustomerChunk(rows, null, null, null, rows.totalWeight, rows.size);
            }
            sample = c;
        }
        return c;
    }

    /**
     * Writes the checking proxy instead of the fields.
     *
     * @return the proxy
     */
    private Object writeReplace() {
        if (purchases == null) {
            return new Proxy(false, spendFrequency, spendMonetary, null, spendWeight);
        }
        int n = purchases.size;
        return new Proxy(true, Arrays.copyOf(purchases.x, n), Arrays.copyOf(purchases.tx, n),
                Arrays.copyOf(purchases.t, n), Arrays.copyOf(purchases.w, n));
    }

    /**
     * Rejects a stream that holds the fields rather than the proxy: such a stream was crafted.
     *
     * @param in the stream
     * @throws InvalidObjectException always
     */
    private void readObject(ObjectInputStream in) throws InvalidObjectException {
        throw new InvalidObjectException("CustomerChunk is deserialized through its proxy only");
    }

    /** The serialized form: the merged rows, re-checked and re-merged by the factories in {@link #readResolve}. */
    private static final class Proxy implements Serializable {
        private static final long serialVersionUID = 1L;
        private final boolean purchases;
        private final double[] frequency;
        private final double[] second;
        private final double[] third;
        private final double[] weights;

        Proxy(boolean purchases, double[] frequency, double[] second, double[] third, double[] weights) {
            this.purchases = purchases;
            this.frequency = frequency;
            this.second = second;
            this.third = third;
            this.weights = weights;
        }

        private Object readResolve() throws InvalidObjectException {
            try {
                return purchases ? ofPurchases(frequency, second, third, weights) : ofSpend(frequency, second, weights);
            } catch (IllegalArgumentException e) {
                InvalidObjectException bad = new InvalidObjectException("invalid CustomerChunk: " + e.getMessage());
                bad.initCause(e);
                throw bad;
            }
        }
    }

    @Override
    public String toString() {
        return Checks.format("CustomerChunk[%s: %,.0f customers in %,d rows]", spend() ? "spend" : "purchases",
                customers, rows);
    }
}
