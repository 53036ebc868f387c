package io.loyalty.examples;

import io.loyalty.charts.RfmCharts;
import io.loyalty.rfm.RfmClusterer;
import io.loyalty.rfm.RfmClusters;
import io.loyalty.rfm.RfmScorer;
import io.loyalty.rfm.RfmScores;
import io.loyalty.rfm.ScoringMethod;
import io.loyalty.rfm.SegmentMovement;
import io.loyalty.data.OrderLines;
import io.loyalty.data.Transaction;
import io.loyalty.tablesaw.RfmTables;
import java.io.IOException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import tech.tablesaw.api.DateTimeColumn;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * RFM on Online Retail: line items aggregated to invoices (one order each), scored the R rfm way with analysis date
 * 2011-12-10; the segment summary, the bins, k-means++ clusters, the movement since 2011-09-10, and the charts of
 * {@link RfmCharts}: the recency x frequency heatmap of the mean monetary value ({@code rfm-heatmap.png}), the
 * segments and their shares, and the R, F and M histograms.
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

        RfmClusters clusters = RfmClusterer.seeded(42).withKRange(2, 6).cluster(scores);
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

        String file = TourCharts.save("rfm-heatmap.png", RfmCharts.heatmap(scores).withTitle(
                "Online Retail: mean monetary value (GBP) by recency and frequency score")).toString();
        TourCharts.save("rfm-segments.png", RfmCharts.segmentBars(scores.summary()));
        TourCharts.save("rfm-segment-shares.png", RfmCharts.segmentShares(scores.summary()));
        TourCharts.save("rfm-recency-histogram.png", RfmCharts.histogram(scores, RfmCharts.Measure.RECENCY));
        TourCharts.save("rfm-frequency-histogram.png", RfmCharts.histogram(scores, RfmCharts.Measure.FREQUENCY));
        TourCharts.save("rfm-monetary-histogram.png", RfmCharts.histogram(scores, RfmCharts.Measure.MONETARY));
        System.out.println("Wrote " + file);
        System.out.println();
    }

    /**
     * One row per invoice, grouped by the library ({@link OrderLines#orders}): its customer, its first line's time
     * and the exact sum of its lines.
     */
    static Table invoices(Table lines) {
        StringColumn customer = lines.stringColumn("Customer");
        StringColumn invoice = lines.stringColumn("InvoiceNo");
        DateTimeColumn time = lines.dateTimeColumn("InvoiceDate");
        DoubleColumn amount = lines.doubleColumn("Amount");
        List<Transaction> rows = new ArrayList<>(lines.rowCount());
        for (int row = 0; row < lines.rowCount(); row++) {
            rows.add(Transaction.of(customer.get(row), time.get(row), amount.getDouble(row))
                    .withOrderId(invoice.get(row)));
        }
        List<Transaction> orders = OrderLines.orders(rows);
        int n = orders.size();
        String[] ids = new String[n];
        LocalDateTime[] times = new LocalDateTime[n];
        double[] sums = new double[n];
        for (int i = 0; i < n; i++) {
            ids[i] = orders.get(i).customerId();
            times[i] = LocalDateTime.ofInstant(orders.get(i).time(), ZoneOffset.UTC);
            sums[i] = orders.get(i).amount();
        }
        return Table.create("invoices", StringColumn.create("Customer", ids), DateTimeColumn.create("InvoiceDate",
                times), DoubleColumn.create("Amount", sums));
    }
}
