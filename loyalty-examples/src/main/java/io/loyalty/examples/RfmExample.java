package io.loyalty.examples;

import io.loyalty.rfm.RfmClusterer;
import io.loyalty.rfm.RfmClusters;
import io.loyalty.rfm.RfmScorer;
import io.loyalty.rfm.RfmScores;
import io.loyalty.rfm.ScoringMethod;
import io.loyalty.rfm.SegmentMovement;
import io.loyalty.tablesaw.RfmTables;
import java.io.IOException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.BitmapEncoder.BitmapFormat;
import org.knowm.xchart.HeatMapChart;
import org.knowm.xchart.HeatMapChartBuilder;
import tech.tablesaw.api.DateTimeColumn;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * RFM on Online Retail: line items aggregated to invoices (one order each), scored the R rfm way with analysis date
 * 2011-12-10; the segment summary, the bins, k-means++ clusters, the movement since 2011-09-10, and a recency x
 * frequency heatmap of the mean monetary value ({@code rfm-heatmap.png}).
 */
public final class RfmExample {
    private static final LocalDate ANALYSIS_DATE = LocalDate.of(2011, 12, 10);

    private RfmExample() {
    }

    /**
     * Runs the example.
     *
     * @param args ignored
     * @throws IOException if the chart cannot be written
     */
    public static void main(String[] args) throws IOException {
        System.setProperty("java.awt.headless", "true");
        System.out.println("== RFM: Online Retail, orders = invoices, analysis date " + ANALYSIS_DATE + " ==");
        Table retail = OnlineRetail.table();
        Table invoices = invoices(retail);
        System.out.printf(Locale.ROOT, "%,d line items -> %,d invoices%n", retail.rowCount(), invoices.rowCount());

        long start = System.nanoTime();
        RfmScores scores = RfmTables.scoreOrders(RfmScorer.withDefaults(), invoices, "Customer", "InvoiceDate",
                "Amount", ANALYSIS_DATE);
        System.out.printf(Locale.ROOT, "%,d customers scored and segmented in %.0f ms (rfm 0.3.0 bins, n = 5)%n%n",
                scores.size(), (System.nanoTime() - start) / 1e6);
        System.out.println("Segment summary:");
        System.out.println(scores.summary());
        System.out.println("Bins [lower, upper) in increasing value (recency bin 1 scores 5):");
        System.out.println(RfmTables.thresholds(scores).print());
        System.out.println();

        RfmScores ntile = RfmTables.scoreOrders(RfmScorer.withDefaults().withMethod(ScoringMethod.NTILE), invoices,
                "Customer", "InvoiceDate", "Amount", ANALYSIS_DATE);
        System.out.printf(Locale.ROOT, "Equal-count (ntile) scoring puts %,d customers in Champions (rfm bins: %,d)%n%n",
                ntile.summary().row("Champions").customers(), scores.summary().row("Champions").customers());

        RfmClusters clusters = RfmClusterer.withSeed(42).withKRange(2, 6).cluster(scores);
        System.out.println("k-means++ on standardized log R, F, M (seed 42, k by mean silhouette over 2..6):");
        clusters.silhouetteByK().forEach((k, s) -> System.out.printf(Locale.ROOT, "  k = %d: silhouette %.3f%n", k, s));
        System.out.println(clusters);

        LocalDate quarterAgo = ANALYSIS_DATE.minusMonths(3);
        Table earlier = invoices.where(invoices.dateTimeColumn("InvoiceDate").isBefore(quarterAgo.atStartOfDay()));
        RfmScores before = RfmTables.scoreOrders(RfmScorer.withDefaults(), earlier, "Customer", "InvoiceDate",
                "Amount", quarterAgo.minusDays(1));
        SegmentMovement movement = SegmentMovement.between(before, scores);
        System.out.printf(Locale.ROOT, "Segment movement, %s -> %s (rows = before, columns = now):%n",
                quarterAgo.minusDays(1), ANALYSIS_DATE);
        System.out.println(movement);
        System.out.printf(Locale.ROOT, "Champions who slipped to At Risk: %d; to Lost: %d%n%n",
                movement.count("Champions", "At Risk"), movement.count("Champions", "Lost"));

        HeatMapChart chart = heatmap(scores);
        String file = Examples.output("rfm-heatmap.png").toString();
        BitmapEncoder.saveBitmap(chart, file, BitmapFormat.PNG);
        System.out.println("Wrote " + file);
        System.out.println();
    }

    /** One row per invoice: its customer, its first line's time and the sum of its lines. */
    static Table invoices(Table lines) {
        StringColumn customer = lines.stringColumn("Customer");
        StringColumn invoice = lines.stringColumn("InvoiceNo");
        DateTimeColumn time = lines.dateTimeColumn("InvoiceDate");
        DoubleColumn amount = lines.doubleColumn("Amount");
        Map<String, Integer> index = new LinkedHashMap<>();
        List<String> ids = new ArrayList<>();
        List<String> numbers = new ArrayList<>();
        List<LocalDateTime> times = new ArrayList<>();
        List<Double> sums = new ArrayList<>();
        for (int row = 0; row < lines.rowCount(); row++) {
            String no = invoice.get(row);
            Integer at = index.get(no);
            if (at == null) {
                index.put(no, ids.size());
                ids.add(customer.get(row));
                numbers.add(no);
                times.add(time.get(row));
                sums.add(amount.getDouble(row));
            } else {
                LocalDateTime t = time.get(row);
                if (t.isBefore(times.get(at))) {
                    times.set(at, t);
                }
                sums.set(at, sums.get(at) + amount.getDouble(row));
            }
        }
        return Table.create("invoices", StringColumn.create("Customer", ids),
                StringColumn.create("InvoiceNo", numbers), DateTimeColumn.create("InvoiceDate", times),
                DoubleColumn.create("Amount", sums));
    }

    /** Mean monetary value per (recency score, frequency score) cell. */
    static HeatMapChart heatmap(RfmScores scores) {
        int n = scores.bins();
        double[][] sum = new double[n][n];
        int[][] count = new int[n][n];
        int[] r = scores.recencyScores();
        int[] f = scores.frequencyScores();
        double[] m = scores.monetary();
        for (int i = 0; i < r.length; i++) {
            sum[r[i] - 1][f[i] - 1] += m[i];
            count[r[i] - 1][f[i] - 1]++;
        }
        List<Integer> axis = new ArrayList<>();
        List<Number[]> cells = new ArrayList<>();
        for (int x = 0; x < n; x++) {
            axis.add(x + 1);
            for (int y = 0; y < n; y++) {
                if (count[x][y] > 0) {
                    cells.add(new Number[] {x, y, Math.round(sum[x][y] / count[x][y])});
                }
            }
        }
        HeatMapChart chart = new HeatMapChartBuilder().width(760).height(600)
                .title("Online Retail: mean monetary value by recency and frequency score").xAxisTitle("recency score")
                .yAxisTitle("frequency score").build();
        chart.getStyler().setShowValue(true).setPlotContentSize(1).setLegendVisible(true);
        chart.addSeries("mean monetary value (GBP)", axis, axis, cells);
        return chart;
    }
}
