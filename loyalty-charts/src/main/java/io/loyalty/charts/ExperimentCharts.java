package io.loyalty.charts;

import io.loyalty.experiment.Comparison;
import io.loyalty.internal.Checks;
import java.util.ArrayList;
import java.util.List;
import org.knowm.xchart.AnnotationLine;
import org.knowm.xchart.AnnotationText;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler.LegendPosition;
import org.knowm.xchart.style.lines.SeriesLines;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * Charts of experiment readouts ({@link io.loyalty.experiment}).
 *
 * @since 0.1
 */
public final class ExperimentCharts {
    /** The most rows of a forest plot: more would not be legible at any size. */
    public static final int MAX_ROWS = 40;

    private ExperimentCharts() {
    }

    /**
     * A forest plot: one row per comparison, top to bottom in the list's order, with the difference (treatment
     * minus control; rates in percentage points) as a point, its interval as a line, and the comparison's label and
     * p-value (adjusted, if the comparisons were adjusted) above the row; a vertical line at no difference.
     * Significant rows are blue circles, the others orange diamonds.
     *
     * @param comparisons the comparisons of one metric, e.g. one per segment after {@code Adjustment.BH.adjust},
     *     1 to {@link #MAX_ROWS}
     * @return the chart
     * @throws IllegalArgumentException if {@code comparisons} is null, empty, too long, holds a null, or mixes
     *     metrics
     */
    public static Chart forest(List<Comparison> comparisons) {
        Checks.notNull(comparisons, "comparisons");
        int n = comparisons.size();
        Checks.require(n >= 1 && n <= MAX_ROWS, "comparisons must hold 1 to %d rows, got %d", MAX_ROWS, n);
        Comparison first = Checks.notNull(comparisons.get(0), "comparisons at row 0");
        double scale = first.rate() ? 100 : 1;
        double[] estimate = new double[n];
        double[] lower = new double[n];
        double[] upper = new double[n];
        double[] row = new double[n];
        boolean[] significant = new boolean[n];
        List<String> labels = new ArrayList<>();
        double lo = 0;
        double hi = 0;
        Fingerprint fp = new Fingerprint().add("forest").add(first.metric());
        for (int i = 0; i < n; i++) {
            Comparison c = Checks.notNull(comparisons.get(i), "comparisons at row " + i);
            Checks.require(c.metric().equals(first.metric()) && c.rate() == first.rate(),
                    "comparisons at row %d has metric '%s', row 0 '%s': a forest plot shows one metric", i,
                    c.metric(), first.metric());
            estimate[i] = scale * c.difference().estimate();
            lower[i] = scale * c.difference().lower();
            upper[i] = scale * c.difference().upper();
            row[i] = n - i;
            significant[i] = c.significant();
            labels.add(Checks.format("%s: %+.2f, p = %s", c.label(), estimate[i], CohortCharts.p(c.pValue())));
            lo = Math.min(lo, finiteOr(lower[i], estimate[i]));
            hi = Math.max(hi, finiteOr(upper[i], estimate[i]));
            fp.add(labels.get(i)).add(lower[i]).add(upper[i]).add(significant[i] ? 1 : 0);
        }
        double pad = 0.08 * Math.max(hi - lo, 1e-9);
        double xMin = lo - pad;
        double xMax = hi + pad;
        String unit = first.rate() ? " (percentage points)" : "";
        String title = Checks.format("%s: difference and %.0f %% interval, treatment minus control", first.metric(),
                100 * first.difference().confidence());
        return Chart.of(title, fp, (t, w, h) -> {
            XYChart chart = new XYChartBuilder().width(w).height(h).title(t).xAxisTitle("difference" + unit)
                    .yAxisTitle("").build();
            chart.getStyler().setXAxisMin(xMin).setXAxisMax(xMax).setYAxisMin(0.4).setYAxisMax(n + 0.8)
                    .setLegendPosition(LegendPosition.InsideSE).setMarkerSize(9);
            chart.getStyler().setYAxisTicksVisible(false);
            List<Double> sx = new ArrayList<>();
            List<Double> sy = new ArrayList<>();
            List<Double> nx = new ArrayList<>();
            List<Double> ny = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                XYSeries bar = chart.addSeries("interval " + i, new double[] {clip(lower[i], xMin, xMax),
                    clip(upper[i], xMin, xMax)}, new double[] {row[i], row[i]});
                bar.setMarker(SeriesMarkers.NONE);
                bar.setLineColor(significant[i] ? Palette.BLUE : Palette.ORANGE);
                bar.setLineStyle(SeriesLines.SOLID);
                bar.setShowInLegend(false);
                (significant[i] ? sx : nx).add(estimate[i]);
                (significant[i] ? sy : ny).add(row[i]);
                chart.addAnnotation(new AnnotationText(labels.get(i), (xMin + xMax) / 2, row[i] + 0.38, false));
            }
            if (!sx.isEmpty()) {
                XYSeries s = chart.addSeries("significant", sx, sy);
                s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
                s.setMarker(SeriesMarkers.CIRCLE);
                s.setMarkerColor(Palette.BLUE);
            }
            if (!nx.isEmpty()) {
                XYSeries s = chart.addSeries("not significant", nx, ny);
                s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
                s.setMarker(SeriesMarkers.DIAMOND);
                s.setMarkerColor(Palette.ORANGE);
            }
            chart.addAnnotation(new AnnotationLine(0, true, false));
            return chart;
        });
    }

    private static double finiteOr(double v, double fallback) {
        return Double.isFinite(v) ? v : fallback;
    }

    private static double clip(double v, double min, double max) {
        return Double.isNaN(v) ? min : Math.max(min, Math.min(max, v));
    }
}
