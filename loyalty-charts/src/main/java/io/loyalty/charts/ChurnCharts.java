package io.loyalty.charts;

import io.loyalty.churn.AtRiskCustomer;
import io.loyalty.churn.WarningList;
import io.loyalty.internal.Checks;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler.LegendPosition;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * Charts of the churn early-warning list ({@link io.loyalty.churn}).
 *
 * @since 0.2
 */
public final class ChurnCharts {
    private ChurnCharts() {
    }

    /**
     * P(alive) of each listed customer against the days since the last purchase, one colour per current RFM
     * segment (segments in name order): where the model and recency agree, and where a degenerate fit keeps
     * P(alive) near 1 however long the silence.
     *
     * @param list the warning list, at least one row
     * @return the chart
     * @throws IllegalArgumentException if the list is null or empty
     */
    public static Chart probabilityAliveByRecency(WarningList list) {
        Checks.notNull(list, "list");
        Checks.require(list.size() > 0, "list must hold at least one row, got 0");
        Map<String, List<AtRiskCustomer>> bySegment = new TreeMap<>();
        for (AtRiskCustomer c : list.rows()) {
            bySegment.computeIfAbsent(c.segmentNow(), k -> new ArrayList<>()).add(c);
        }
        Fingerprint fp = new Fingerprint().add("churn p(alive) by recency").add(list.fallback() ? "fallback" : "model");
        List<String> names = new ArrayList<>(bySegment.keySet());
        List<double[]> xs = new ArrayList<>();
        List<double[]> ys = new ArrayList<>();
        for (String name : names) {
            List<AtRiskCustomer> rows = bySegment.get(name);
            double[] x = new double[rows.size()];
            double[] y = new double[rows.size()];
            for (int i = 0; i < x.length; i++) {
                x[i] = rows.get(i).daysSinceLastPurchase();
                y[i] = rows.get(i).probabilityAlive().estimate();
            }
            fp.add(name).add(x).add(y);
            xs.add(x);
            ys.add(y);
        }
        String title = Checks.format("P(alive) against days since the last purchase, %,d listed customers%s",
                list.size(), list.fallback() ? " (degenerate fit)" : "");
        return Chart.of(title, fp, (t, w, h) -> {
            XYChart chart = new XYChartBuilder().width(w).height(h).title(t)
                    .xAxisTitle("days since the last purchase").yAxisTitle("P(alive)").build();
            chart.getStyler().setYAxisMin(0.0).setYAxisMax(1.0).setLegendPosition(LegendPosition.OutsideE)
                    .setMarkerSize(5);
            chart.getStyler().setXAxisDecimalPattern("0").setYAxisDecimalPattern("0.00");
            for (int i = 0; i < names.size(); i++) {
                XYSeries s = chart.addSeries(names.get(i), xs.get(i), ys.get(i));
                s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
                s.setMarker(SeriesMarkers.CIRCLE);
                s.setMarkerColor(Palette.translucent(Palette.series(i), 170));
            }
            return chart;
        });
    }
}
