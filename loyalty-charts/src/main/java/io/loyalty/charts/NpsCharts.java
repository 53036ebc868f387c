package io.loyalty.charts;

import io.loyalty.internal.Checks;
import io.loyalty.nps.NpsBreakdown;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler.LegendPosition;
import org.knowm.xchart.style.lines.SeriesLines;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * Charts of Net Promoter Scores ({@link io.loyalty.nps}).
 *
 * @since 0.1
 */
public final class NpsCharts {
    private NpsCharts() {
    }

    /**
     * NPS per period with each period's confidence interval (the breakdown's own method and level), as points
     * joined by a line with a vertical bar for the interval.
     *
     * @param byPeriod a breakdown by period, e.g. from {@code NpsTables.byPeriod}, rows in time order
     * @return the chart
     * @throws IllegalArgumentException if {@code byPeriod} is null or has no row
     */
    public static Chart trend(NpsBreakdown byPeriod) {
        Checks.notNull(byPeriod, "byPeriod");
        Checks.require(!byPeriod.rows().isEmpty(), "byPeriod must hold at least one row, got 0");
        List<String> periods = new ArrayList<>();
        for (NpsBreakdown.Row r : byPeriod.rows()) {
            periods.add(r.label());
        }
        Map<String, NpsBreakdown> one = new LinkedHashMap<>();
        one.put(Checks.format("NPS (overall %.1f)", byPeriod.overall().points()), byPeriod);
        return trend(one, periods);
    }

    /**
     * NPS per period for several segments, each with its intervals, the segments side by side in each period.
     * The periods are the union of the breakdowns' row labels in text order, which is time order for the labels
     * of {@code NpsPeriod} (2012-Q3, 2012-07, ...).
     *
     * @param bySegment one breakdown by period per segment, in the order to draw, at most eight
     * @return the chart
     * @throws IllegalArgumentException if {@code bySegment} is null, empty, has more than eight segments, or a
     *     breakdown is null or has no row
     */
    public static Chart trend(Map<String, NpsBreakdown> bySegment) {
        Checks.notNull(bySegment, "bySegment");
        Checks.require(!bySegment.isEmpty() && bySegment.size() <= 8, "bySegment must hold 1 to 8 segments, got %d",
                bySegment.size());
        TreeSet<String> periods = new TreeSet<>();
        for (Map.Entry<String, NpsBreakdown> e : bySegment.entrySet()) {
            NpsBreakdown b = Checks.notNull(e.getValue(), "bySegment[" + e.getKey() + "]");
            Checks.require(!b.rows().isEmpty(), "bySegment[%s] must hold at least one row, got 0", e.getKey());
            for (NpsBreakdown.Row r : b.rows()) {
                periods.add(r.label());
            }
        }
        return trend(bySegment, new ArrayList<>(periods));
    }

    private static Chart trend(Map<String, NpsBreakdown> bySegment, List<String> periods) {
        List<String> names = new ArrayList<>(bySegment.keySet());
        int k = names.size();
        List<double[][]> data = new ArrayList<>();
        double level = Double.NaN;
        String method = "";
        Fingerprint fp = new Fingerprint().add("nps trend").add(periods).add(names);
        for (String name : names) {
            NpsBreakdown b = bySegment.get(name);
            List<NpsBreakdown.Row> rows = b.rows();
            double[][] d = new double[4][rows.size()];
            for (int i = 0; i < rows.size(); i++) {
                NpsBreakdown.Row r = rows.get(i);
                double offset = k == 1 ? 0 : 0.3 * ((double) names.indexOf(name) / (k - 1) - 0.5);
                d[0][i] = periods.indexOf(r.label()) + 1 + offset;
                d[1][i] = r.nps().points();
                d[2][i] = 100 * r.interval().lower();
                d[3][i] = 100 * r.interval().upper();
                level = r.interval().confidence();
                method = r.interval().method().toLowerCase(java.util.Locale.ROOT).replace(' ', '-');
            }
            data.add(d);
            fp.add(d[0]).add(d[1]).add(d[2]).add(d[3]);
        }
        String title = Checks.format("NPS by %s with %.0f %% %s intervals", bySegment.values().iterator().next()
                .dimension().toLowerCase(java.util.Locale.ROOT), 100 * level, method);
        return Chart.of(title, fp, (t, w, h) -> {
            XYChart chart = new XYChartBuilder().width(w).height(h).title(t).xAxisTitle("period")
                    .yAxisTitle("NPS (points)").build();
            chart.getStyler().setXAxisMin(0.4).setXAxisMax(periods.size() + 0.6);
            chart.getStyler().setLegendPosition(LegendPosition.InsideNE).setMarkerSize(9);
            // Ticks at whole numbers carry the period labels; the others are blank, but each a different number of
            // spaces: XChart drops every tick but the two ends when two tick labels are equal.
            chart.setCustomXAxisTickLabelsFormatter(x -> {
                int i = (int) Math.round(x) - 1;
                return Math.abs(x - Math.round(x)) < 1e-6 && i >= 0 && i < periods.size() ? periods.get(i)
                        : " ".repeat((int) Math.max(1, Math.round(2 * x) + 10));
            });
            for (int s = 0; s < names.size(); s++) {
                double[][] d = data.get(s);
                for (int i = 0; i < d[0].length; i++) {
                    XYSeries bar = chart.addSeries(names.get(s) + " interval " + i, new double[] {d[0][i], d[0][i]},
                            new double[] {d[2][i], d[3][i]});
                    bar.setMarker(SeriesMarkers.NONE);
                    bar.setLineColor(Palette.series(s));
                    bar.setLineStyle(SeriesLines.SOLID);
                    bar.setShowInLegend(false);
                }
                XYSeries points = chart.addSeries(names.get(s), d[0], d[1]);
                points.setMarker(s % 2 == 0 ? SeriesMarkers.CIRCLE : SeriesMarkers.DIAMOND);
                points.setMarkerColor(Palette.series(s));
                points.setLineColor(Palette.series(s));
                points.setLineStyle(SeriesLines.DASH_DASH);
            }
            return chart;
        });
    }
}
