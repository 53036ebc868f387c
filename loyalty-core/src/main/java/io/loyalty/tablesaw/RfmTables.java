package io.loyalty.tablesaw;

import io.loyalty.data.PeriodRule;
import io.loyalty.data.Summarizer;
import io.loyalty.internal.Checks;
import io.loyalty.rfm.Bins;
import io.loyalty.rfm.RfmCluster;
import io.loyalty.rfm.RfmClusters;
import io.loyalty.rfm.RfmScorer;
import io.loyalty.rfm.RfmScores;
import io.loyalty.rfm.SegmentMovement;
import io.loyalty.rfm.SegmentStats;
import io.loyalty.rfm.SegmentSummary;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * Tablesaw tables in and out of the {@code rfm} family: transactions or per-customer figures read by column name,
 * and scores, summaries, thresholds, clusters and movements written as new tables with rfm's column names. Each
 * column is looked up once, its type checked, and copied into a primitive array; the caller's table is never
 * modified.
 *
 * @since 0.1
 */
public final class RfmTables {
    private RfmTables() {
    }

    /**
     * Scores a table of orders, one row per order (aggregate line items to orders first).
     *
     * @param scorer the scorer
     * @param table the orders
     * @param customerIdColumn the customer id column (text or integers)
     * @param timeColumn the order date or time column (read as UTC)
     * @param amountColumn the order amount column, &gt;= 0
     * @param analysisDate the day recency is counted to, on or after every order
     * @return the scores, customers ordered by id
     */
    public static RfmScores scoreOrders(RfmScorer scorer, Table table, String customerIdColumn, String timeColumn,
            String amountColumn, LocalDate analysisDate) {
        Checks.notNull(scorer, "scorer");
        Checks.notNull(analysisDate, "analysisDate");
        Checks.require(table != null && table.rowCount() > 0, "table must hold at least one order");
        return scorer.score(Summarizer.of(PeriodRule.days(ZoneOffset.UTC), analysisDate)
                .summarize(DataTables.transactions(table, customerIdColumn, timeColumn, amountColumn)), analysisDate);
    }

    /**
     * Scores a table of ready per-customer figures, as rfm's {@code rfm_table_customer}.
     *
     * @param scorer the scorer
     * @param table one row per customer
     * @param customerIdColumn the customer id column
     * @param recencyDaysColumn the days since the last purchase, &gt;= 0
     * @param ordersColumn the number of orders, &gt; 0
     * @param revenueColumn the total revenue, &gt;= 0
     * @return the scores, in the table's row order
     */
    public static RfmScores scoreCustomers(RfmScorer scorer, Table table, String customerIdColumn,
            String recencyDaysColumn, String ordersColumn, String revenueColumn) {
        Checks.notNull(scorer, "scorer");
        Columns.requireNames("customerIdColumn", customerIdColumn, "recencyDaysColumn", recencyDaysColumn,
                "ordersColumn", ordersColumn, "revenueColumn", revenueColumn);
        String[] ids = Columns.ids(table, customerIdColumn, "customer id");
        double[] recency = Columns.doubles(table, recencyDaysColumn, "recency days");
        double[] orders = Columns.doubles(table, ordersColumn, "orders");
        double[] revenue = Columns.doubles(table, revenueColumn, "revenue");
        return scorer.score(ids, recency, orders, revenue);
    }

    /**
     * One row per customer: {@code customer_id, recency_days, orders, revenue, monetary (the scored monetary
     * value), recency_score, frequency_score, monetary_score, rfm_score, segment}, the columns of
     * {@link RfmScores#writeCsv(java.io.Writer)}.
     *
     * @param scores the scores
     * @return a new table named "rfm scores"
     */
    public static Table toTable(RfmScores scores) {
        Checks.notNull(scores, "scores");
        int n = scores.size();
        String[] segments = new String[n];
        for (int i = 0; i < n; i++) {
            segments[i] = scores.segment(i);
        }
        return Columns.readable(Table.create("rfm scores",
                StringColumn.create("customer_id", scores.ids()),
                DoubleColumn.create("recency_days", scores.recencyDays()),
                DoubleColumn.create("orders", scores.orders()),
                DoubleColumn.create("revenue", scores.revenue()),
                DoubleColumn.create("monetary", scores.monetary()),
                IntColumn.create("recency_score", scores.recencyScores()),
                IntColumn.create("frequency_score", scores.frequencyScores()),
                IntColumn.create("monetary_score", scores.monetaryScores()),
                IntColumn.create("rfm_score", scores.rfmScores()),
                StringColumn.create("segment", segments)));
    }

    /**
     * The bins as rfm's threshold table, one row per bin in increasing value: {@code bin, recency_days_lower,
     * recency_days_upper, orders_lower, orders_upper, monetary_lower, monetary_upper}, the columns of
     * {@link RfmScores#writeThresholdsCsv(java.io.Writer)}.
     *
     * @param scores the scores
     * @return a new table named "rfm thresholds"
     */
    public static Table thresholds(RfmScores scores) {
        Checks.notNull(scores, "scores");
        Bins r = scores.recencyBins();
        Bins f = scores.frequencyBins();
        Bins m = scores.monetaryBins();
        IntColumn bin = IntColumn.create("bin", r.size());
        for (int k = 0; k < r.size(); k++) {
            bin.set(k, k + 1);
        }
        return Columns.readable(Table.create("rfm thresholds", bin,
                DoubleColumn.create("recency_days_lower", r.lowers()),
                DoubleColumn.create("recency_days_upper", r.uppers()),
                DoubleColumn.create("orders_lower", f.lowers()), DoubleColumn.create("orders_upper", f.uppers()),
                DoubleColumn.create("monetary_lower", m.lowers()), DoubleColumn.create("monetary_upper", m.uppers())));
    }

    /**
     * One row per segment: {@code segment, customers, orders, revenue, aov, customer_share, revenue_share}, the
     * columns of {@link SegmentSummary#writeCsv(java.io.Writer)}.
     *
     * @param summary the summary
     * @return a new table named "rfm segment summary"
     */
    public static Table toTable(SegmentSummary summary) {
        Checks.notNull(summary, "summary");
        List<SegmentStats> rows = summary.rows();
        int k = rows.size();
        StringColumn name = StringColumn.create("segment");
        LongColumn customers = LongColumn.create("customers", k);
        DoubleColumn orders = DoubleColumn.create("orders", k);
        DoubleColumn revenue = DoubleColumn.create("revenue", k);
        DoubleColumn aov = DoubleColumn.create("aov", k);
        DoubleColumn customerShare = DoubleColumn.create("customer_share", k);
        DoubleColumn revenueShare = DoubleColumn.create("revenue_share", k);
        for (int i = 0; i < k; i++) {
            SegmentStats s = rows.get(i);
            name.append(s.segment());
            customers.set(i, s.customers());
            orders.set(i, s.orders());
            revenue.set(i, s.revenue());
            aov.set(i, s.averageOrderValue());
            customerShare.set(i, s.customerShare());
            revenueShare.set(i, s.revenueShare());
        }
        return Columns.readable(Table.create("rfm segment summary", name, customers, orders, revenue, aov,
                customerShare, revenueShare));
    }

    /**
     * The transition matrix: a {@code from_segment} column, then one count column per later segment (and
     * {@value SegmentMovement#ABSENT}).
     *
     * @param movement the movement
     * @return a new table named "rfm segment movement"
     */
    public static Table toTable(SegmentMovement movement) {
        Checks.notNull(movement, "movement");
        long[][] counts = movement.counts();
        Table t = Table.create("rfm segment movement",
                StringColumn.create("from_segment", movement.fromSegments()));
        List<String> to = movement.toSegments();
        for (int j = 0; j < to.size(); j++) {
            LongColumn c = LongColumn.create(to.get(j), counts.length);
            for (int i = 0; i < counts.length; i++) {
                c.set(i, counts[i][j]);
            }
            t.addColumns(c);
        }
        return Columns.readable(t);
    }

    /**
     * One row per cluster: {@code cluster, customers, recency_days, orders, monetary} (centroids in original
     * units).
     *
     * @param clusters the clusters
     * @return a new table named "rfm clusters"
     */
    public static Table toTable(RfmClusters clusters) {
        Checks.notNull(clusters, "clusters");
        int k = clusters.k();
        IntColumn label = IntColumn.create("cluster", k);
        IntColumn size = IntColumn.create("customers", k);
        DoubleColumn r = DoubleColumn.create("recency_days", k);
        DoubleColumn f = DoubleColumn.create("orders", k);
        DoubleColumn m = DoubleColumn.create("monetary", k);
        for (int i = 0; i < k; i++) {
            RfmCluster c = clusters.clusters().get(i);
            label.set(i, c.label());
            size.set(i, c.size());
            r.set(i, c.recencyDays());
            f.set(i, c.orders());
            m.set(i, c.monetary());
        }
        return Columns.readable(Table.create("rfm clusters", label, size, r, f, m));
    }
}
