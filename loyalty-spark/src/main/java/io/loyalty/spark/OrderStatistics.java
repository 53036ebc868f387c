package io.loyalty.spark;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.percentile_approx;

/**
 * Order statistics (the k-th smallest values) of numeric columns, computed on the cluster by aggregation only (no
 * shuffle, nothing per row to the driver). The caller turns them into thresholds with the core's rule; this class
 * only finds values by rank, in the order of {@link Arrays#sort(double[])}.
 *
 * <p>Approximate: Spark's {@code percentile_approx} at p = k / N (a Greenwald-Khanna summary whose rank error is at
 * most N / accuracy), one aggregation. Exact: the same summary brackets each needed rank in a narrow window of
 * values [lo, hi]; a second aggregation counts, per window, the values below lo and tallies the distinct values
 * inside it (a few per thousand of the values at most); the k-th smallest is then read off the tallies. A window
 * that turns out not to hold its ranks (the summary's bound is checked, not trusted) is widened to the column's
 * minimum or maximum and counted again, so the result is exact whatever the summary returns.
 */
final class OrderStatistics {
    /** Spark's default accuracy of {@code percentile_approx}; the exact method brackets its windows with it. */
    static final int WINDOW_ACCURACY = 10_000;

    /** Tallies are compacted (sorted, run-length encoded) when this many raw values are pending. */
    private static final int BUFFER = 1 << 14;

    private OrderStatistics() {
    }

    /**
     * Approximate order statistics: the rank of each value returned is within {@code count / accuracy} of the rank
     * asked (rank 1 and rank {@code count} are the exact minimum and maximum).
     *
     * @param rows the data
     * @param columns the double columns, one per measure
     * @param count the number of rows
     * @param min the exact minimum per column
     * @param max the exact maximum per column
     * @param ranks per column, the 1-based ranks wanted
     * @param accuracy {@code percentile_approx}'s accuracy
     * @return per column, the values at {@code ranks}
     */
    static double[][] approximate(Dataset<Row> rows, String[] columns, long count, double[] min, double[] max,
            long[][] ranks, int accuracy) {
        double[][] out = new double[columns.length][];
        List<Column> sketches = new ArrayList<>();
        List<Integer> sketched = new ArrayList<>();
        for (int j = 0; j < columns.length; j++) {
            out[j] = new double[ranks[j].length];
            double[] p = new double[ranks[j].length];
            int inner = 0;
            for (long k : ranks[j]) {
                if (k > 1 && k < count) {
                    p[inner++] = k / (double) count;
                }
            }
            if (inner > 0) {
                sketches.add(percentile_approx(col(columns[j]), lit(Arrays.copyOf(p, inner)), lit(accuracy)));
                sketched.add(j);
            }
        }
        Row sketch = sketches.isEmpty() ? null
                : rows.agg(sketches.get(0), sketches.subList(1, sketches.size()).toArray(new Column[0])).first();
        for (int j = 0; j < columns.length; j++) {
            int s = sketched.indexOf(j);
            List<Double> values = s < 0 ? List.of() : sketch.getList(s);
            int inner = 0;
            for (int i = 0; i < ranks[j].length; i++) {
                long k = ranks[j][i];
                out[j][i] = k <= 1 ? min[j] : k >= count ? max[j] : values.get(inner++);
            }
        }
        return out;
    }

    /**
     * Exact order statistics, in two aggregations (one when every window spans its whole column).
     *
     * @param rows the data
     * @param columns the double columns, one per measure
     * @param count the number of rows
     * @param min the exact minimum per column
     * @param max the exact maximum per column
     * @param ranks per column, the 1-based ranks wanted, ascending
     * @return per column, the values at {@code ranks}
     */
    static double[][] exact(Dataset<Row> rows, String[] columns, long count, double[] min, double[] max,
            long[][] ranks) {
        // Twice the summary's stated error, plus one: a window brackets its ranks unless the summary errs by more.
        long margin = (long) Math.ceil(2.0 * count / WINDOW_ACCURACY) + 1;
        List<Window> windows = new ArrayList<>();
        long[][] bounds = new long[columns.length][];
        for (int j = 0; j < columns.length; j++) {
            List<long[]> spans = new ArrayList<>();
            for (long k : ranks[j]) {
                long[] last = spans.isEmpty() ? null : spans.get(spans.size() - 1);
                if (last != null && k - margin <= last[1] + margin + 1) {
                    last[1] = k;
                } else {
                    spans.add(new long[] {k, k});
                }
            }
            long[] b = new long[2 * spans.size()];
            for (int w = 0; w < spans.size(); w++) {
                b[2 * w] = Math.max(1, spans.get(w)[0] - margin);
                b[2 * w + 1] = Math.min(count, spans.get(w)[1] + margin);
            }
            bounds[j] = b;
            for (long[] span : spans) {
                windows.add(new Window(j, span[0], span[1], 0, 0));
            }
        }
        double[][] values = approximate(rows, columns, count, min, max, sortedDistinct(bounds), WINDOW_ACCURACY);
        long[][] asked = sortedDistinct(bounds);
        List<Window> bracketed = new ArrayList<>(windows.size());
        int[] next = new int[columns.length];
        for (Window w : windows) {
            int j = w.column();
            int at = next[j]++;
            double lo = values[j][Arrays.binarySearch(asked[j], bounds[j][2 * at])];
            double hi = values[j][Arrays.binarySearch(asked[j], bounds[j][2 * at + 1])];
            bracketed.add(new Window(j, w.first(), w.last(), lo, hi));
        }
        return select(rows, columns, min, max, ranks, bracketed);
    }

    private static long[][] sortedDistinct(long[][] ranks) {
        long[][] out = new long[ranks.length][];
        for (int j = 0; j < ranks.length; j++) {
            out[j] = Arrays.stream(ranks[j]).sorted().distinct().toArray();
        }
        return out;
    }

    /**
     * A window of one column: the ranks {@code first..last} are expected among the values in {@code [lo, hi]}.
     *
     * @param column the column index
     * @param first the smallest rank wanted in it
     * @param last the largest rank wanted in it
     * @param lo the lower bound of the values tallied
     * @param hi the upper bound of the values tallied
     */
    record Window(int column, long first, long last, double lo, double hi) implements Serializable {
    }

    /**
     * The values at {@code ranks} from windows that should bracket them: one counting pass, then another for the
     * windows that did not (widened to the column's range, where they must). Every rank wanted lies in a window.
     */
    static double[][] select(Dataset<Row> rows, String[] columns, double[] min, double[] max, long[][] ranks,
            List<Window> bracketing) {
        List<Window> windows = new ArrayList<>(bracketing);
        Dataset<Row> data = rows.select(Arrays.stream(columns).map(c -> col(c)).toArray(Column[]::new));
        Tally[] tallies = count(data, windows);
        List<Integer> missed = new ArrayList<>();
        for (int w = 0; w < windows.size(); w++) {
            if (!tallies[w].holds(windows.get(w))) {
                missed.add(w);
            }
        }
        if (!missed.isEmpty()) {
            List<Window> wider = new ArrayList<>(missed.size());
            for (int w : missed) {
                Window v = windows.get(w);
                Tally t = tallies[w];
                boolean low = t.below >= v.first();
                boolean high = t.below + t.total() < v.last();
                wider.add(new Window(v.column(), v.first(), v.last(), low ? min[v.column()] : v.lo(),
                        high ? max[v.column()] : v.hi()));
            }
            Tally[] again = count(data, wider);
            for (int i = 0; i < missed.size(); i++) {
                if (!again[i].holds(wider.get(i))) {
                    throw new IllegalStateException("a window spanning the column's range misses its ranks: "
                            + wider.get(i));
                }
                tallies[missed.get(i)] = again[i];
                windows.set(missed.get(i), wider.get(i));
            }
        }
        double[][] out = new double[columns.length][];
        for (int j = 0; j < columns.length; j++) {
            out[j] = new double[ranks[j].length];
            for (int i = 0; i < ranks[j].length; i++) {
                long k = ranks[j][i];
                int w = 0;
                while (windows.get(w).column() != j || k < windows.get(w).first() || k > windows.get(w).last()) {
                    w++;
                }
                out[j][i] = tallies[w].kth(k);
            }
        }
        return out;
    }

    /** One aggregation over the data: a tally per window, merged on the driver. */
    private static Tally[] count(Dataset<Row> data, List<Window> windows) {
        Window[] ws = windows.toArray(new Window[0]);
        return data.javaRDD()
                .mapPartitions((Iterator<Row> it) -> Collections.singletonList(tally(it, ws)).iterator())
                .treeReduce(OrderStatistics::merge);
    }

    private static Tally[] tally(Iterator<Row> rows, Window[] windows) {
        int n = windows.length;
        Tally[] t = new Tally[n];
        double[][] buffer = new double[n][];
        int[] pending = new int[n];
        for (int w = 0; w < n; w++) {
            t[w] = new Tally();
            buffer[w] = new double[BUFFER];
        }
        int columns = 0;
        for (Window v : windows) {
            columns = Math.max(columns, v.column() + 1);
        }
        double[] row = new double[columns];
        while (rows.hasNext()) {
            Row r = rows.next();
            for (int j = 0; j < columns; j++) {
                row[j] = r.getDouble(j);
            }
            for (int w = 0; w < n; w++) {
                Window v = windows[w];
                double x = row[v.column()];
                if (x < v.lo()) {
                    t[w].below++;
                } else if (x <= v.hi()) {
                    buffer[w][pending[w]++] = x;
                    if (pending[w] == BUFFER) {
                        t[w].add(buffer[w], BUFFER);
                        pending[w] = 0;
                    }
                }
            }
        }
        for (int w = 0; w < n; w++) {
            t[w].add(buffer[w], pending[w]);
        }
        return t;
    }

    private static Tally[] merge(Tally[] a, Tally[] b) {
        for (int w = 0; w < a.length; w++) {
            a[w].merge(b[w]);
        }
        return a;
    }

    /**
     * A window's counts: the values below it, and its distinct values (ascending, in {@link Double#compare}
     * order, as {@link Arrays#sort(double[])} puts them) with their multiplicities.
     */
    static final class Tally implements Serializable {
        private static final long serialVersionUID = 1L;
        long below;
        double[] values = new double[0];
        long[] counts = new long[0];
        int runs;

        long total() {
            long s = 0;
            for (int i = 0; i < runs; i++) {
                s += counts[i];
            }
            return s;
        }

        /**
         * Whether the window's ranks all lie among its values: the values below the window and in it fill a block
         * of ranks {@code below + 1 .. below + total} (the window is an interval of values, so nothing outside it
         * sorts between).
         */
        boolean holds(Window w) {
            return below < w.first() && below + total() >= w.last();
        }

        /** The k-th smallest value of the column, k in the window's block of ranks. */
        double kth(long k) {
            long seen = below;
            for (int i = 0; i < runs; i++) {
                seen += counts[i];
                if (seen >= k) {
                    return values[i];
                }
            }
            throw new IllegalStateException("rank " + k + " is beyond the window");
        }

        /** Adds raw values (sorted here, the buffer is scratch). */
        void add(double[] raw, int n) {
            if (n == 0) {
                return;
            }
            Arrays.sort(raw, 0, n);
            Tally t = new Tally();
            t.values = new double[n];
            t.counts = new long[n];
            for (int i = 0; i < n; i++) {
                if (t.runs > 0 && Double.compare(t.values[t.runs - 1], raw[i]) == 0) {
                    t.counts[t.runs - 1]++;
                } else {
                    t.values[t.runs] = raw[i];
                    t.counts[t.runs++] = 1;
                }
            }
            merge(t);
        }

        /** Adds another tally of the same window. */
        void merge(Tally o) {
            below += o.below;
            double[] v = new double[runs + o.runs];
            long[] c = new long[runs + o.runs];
            int i = 0;
            int j = 0;
            int k = 0;
            while (i < runs || j < o.runs) {
                int cmp = i == runs ? 1 : j == o.runs ? -1 : Double.compare(values[i], o.values[j]);
                if (cmp < 0) {
                    v[k] = values[i];
                    c[k++] = counts[i++];
                } else if (cmp > 0) {
                    v[k] = o.values[j];
                    c[k++] = o.counts[j++];
                } else {
                    v[k] = values[i];
                    c[k++] = counts[i++] + o.counts[j++];
                }
            }
            values = v;
            counts = c;
            runs = k;
        }
    }
}
