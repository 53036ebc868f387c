package io.loyalty.charts;

import io.loyalty.internal.Checks;
import io.loyalty.rfm.RfmScores;
import io.loyalty.rfm.SegmentStats;
import io.loyalty.rfm.SegmentSummary;
import java.util.ArrayList;
import java.util.List;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.HeatMapChart;
import org.knowm.xchart.HeatMapChartBuilder;

/**
 * Charts of RFM scores ({@link io.loyalty.rfm}): the recency x frequency heatmap of the mean monetary value, the
 * customers per segment, each segment's share of customers, orders and revenue, and histograms of recency,
 * frequency and monetary value (the charts of R's rfm package).
 *
 * @since 0.1
 */
public final class RfmCharts {
    /** The raw value a histogram shows. */
    public enum Measure {
        /** Days since the last purchase ({@link RfmScores#recencyDays()}). */
        RECENCY("recency (days since the last purchase)"),
        /** Orders per customer ({@link RfmScores#orders()}). */
        FREQUENCY("frequency (orders)"),
        /** The scored monetary value ({@link RfmScores#monetary()}). */
        MONETARY("monetary value");

        private final String axis;

        Measure(String axis) {
            this.axis = axis;
        }

        double[] values(RfmScores scores) {
            switch (this) {
                case RECENCY:
                    return scores.recencyDays();
                case FREQUENCY:
                    return scores.orders();
                default:
                    return scores.monetary();
            }
        }
    }

    private static final int HISTOGRAM_BINS = 20;

    private RfmCharts() {
    }

    /**
     * The mean monetary value of the customers in each (recency score, frequency score) cell, printed on the cell;
     * empty cells are left blank. The chart of R rfm's {@code rfm_heatmap}.
     *
     * @param scores the scores
     * @return the chart
     * @throws IllegalArgumentException if {@code scores} is null
     */
    public static Chart heatmap(RfmScores scores) {
        Checks.notNull(scores, "scores");
        int n = scores.bins();
        double[][] sum = new double[n][n];
        long[][] count = new long[n][n];
        int[] r = scores.recencyScores();
        int[] f = scores.frequencyScores();
        double[] m = scores.monetary();
        for (int i = 0; i < r.length; i++) {
            sum[r[i] - 1][f[i] - 1] += m[i];
            count[r[i] - 1][f[i] - 1]++;
        }
        List<Integer> axis = new ArrayList<>();
        List<Number[]> cells = new ArrayList<>();
        Fingerprint fp = new Fingerprint().add("rfm heatmap").add(n);
        for (int x = 0; x < n; x++) {
            axis.add(x + 1);
            for (int y = 0; y < n; y++) {
                if (count[x][y] > 0) {
                    double mean = sum[x][y] / count[x][y];
                    // Whole units: XChart prints the legend's bounds as they are, with every digit.
                    cells.add(new Number[] {x, y, Math.round(mean)});
                    fp.add(x).add(y).add(mean);
                }
            }
        }
        return Chart.of("Mean monetary value by recency and frequency score", fp, (title, w, h) -> {
            HeatMapChart chart = new HeatMapChartBuilder().width(w).height(h).title(title)
                    .xAxisTitle("recency score (" + n + " = most recent)").yAxisTitle("frequency score").build();
            chart.getStyler().setShowValue(true).setHeatMapValueDecimalPattern("#,##0").setRangeColors(Palette.heat())
                    .setPlotContentSize(1);
            chart.addSeries("mean monetary value", axis, axis, cells);
            return chart;
        });
    }

    /**
     * Customers per segment, one bar each, in the summary's order.
     *
     * @param summary the segment summary, e.g. {@link RfmScores#summary()}
     * @return the chart
     * @throws IllegalArgumentException if {@code summary} is null or has no rows
     */
    public static Chart segmentBars(SegmentSummary summary) {
        List<SegmentStats> rows = rows(summary);
        List<String> names = new ArrayList<>();
        List<Number> customers = new ArrayList<>();
        Fingerprint fp = new Fingerprint().add("rfm segment bars");
        for (SegmentStats s : rows) {
            names.add(s.segment());
            customers.add(s.customers());
            fp.add(s.segment()).add(s.customers());
        }
        return Chart.of("Customers per segment", fp, (title, w, h) -> {
            CategoryChart chart = new CategoryChartBuilder().width(w).height(h).title(title).xAxisTitle("segment")
                    .yAxisTitle("customers").build();
            chart.getStyler().setXAxisLabelRotation(30);
            chart.getStyler().setLabelsVisible(true);
            chart.getStyler().setLegendVisible(false).setDecimalPattern("#,##0");
            chart.addSeries("customers", names, customers);
            return chart;
        });
    }

    /**
     * Each segment's share of the customers, of the orders and of the revenue, side by side (in percent): where
     * the value sits, as a treemap would show it, but with bars a reader can compare.
     *
     * @param summary the segment summary, e.g. {@link RfmScores#summary()}
     * @return the chart
     * @throws IllegalArgumentException if {@code summary} is null or has no rows
     */
    public static Chart segmentShares(SegmentSummary summary) {
        List<SegmentStats> rows = rows(summary);
        double orders = 0;
        for (SegmentStats s : rows) {
            orders += s.orders();
        }
        List<String> names = new ArrayList<>();
        List<Number> customers = new ArrayList<>();
        List<Number> orderShares = new ArrayList<>();
        List<Number> revenue = new ArrayList<>();
        Fingerprint fp = new Fingerprint().add("rfm segment shares");
        for (SegmentStats s : rows) {
            names.add(s.segment());
            customers.add(100 * s.customerShare());
            orderShares.add(orders > 0 ? 100 * s.orders() / orders : 0);
            revenue.add(100 * s.revenueShare());
            fp.add(s.segment()).add(s.customerShare()).add(s.orders()).add(s.revenueShare());
        }
        return Chart.of("Share of customers, orders and revenue per segment", fp, (title, w, h) -> {
            CategoryChart chart = new CategoryChartBuilder().width(w).height(h).title(title).xAxisTitle("segment")
                    .yAxisTitle("share (%)").build();
            chart.getStyler().setXAxisLabelRotation(30).setLegendPosition(org.knowm.xchart.style.Styler.LegendPosition
                    .InsideNE).setDecimalPattern("0");
            chart.addSeries("customers", names, customers);
            chart.addSeries("orders", names, orderShares);
            chart.addSeries("revenue", names, revenue);
            return chart;
        });
    }

    /**
     * A histogram of one raw value over the customers. Twenty bins of equal width from the smallest value to the
     * 99th percentile (whole numbers of orders each get a bin when there are few); the values above the 99th
     * percentile are counted in the last bin, marked "+", so a long tail does not flatten the picture.
     *
     * @param scores the scores
     * @param measure which value
     * @return the chart
     * @throws IllegalArgumentException if an argument is null
     */
    public static Chart histogram(RfmScores scores, Measure measure) {
        Checks.notNull(scores, "scores");
        Checks.notNull(measure, "measure");
        Histogram hist = Histogram.of(measure.values(scores), HISTOGRAM_BINS, measure == Measure.FREQUENCY);
        Fingerprint fp = new Fingerprint().add("rfm histogram").add(measure.name()).add(hist.labels())
                .add(hist.counts());
        return Chart.of("Customers by " + measure.axis, fp, (title, w, h) -> {
            CategoryChart chart = new CategoryChartBuilder().width(w).height(h).title(title).xAxisTitle(measure.axis)
                    .yAxisTitle("customers").build();
            chart.getStyler().setAvailableSpaceFill(0.95);
            chart.getStyler().setXAxisLabelRotation(45);
            chart.getStyler().setLegendVisible(false).setDecimalPattern("#,##0");
            chart.addSeries("customers", hist.labels(), hist.countList());
            return chart;
        });
    }


    private static List<SegmentStats> rows(SegmentSummary summary) {
        Checks.notNull(summary, "summary");
        List<SegmentStats> rows = summary.rows();
        Checks.require(!rows.isEmpty(), "summary must hold at least one segment, got 0");
        return rows;
    }
}
