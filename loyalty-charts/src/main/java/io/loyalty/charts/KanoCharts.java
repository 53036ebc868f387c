package io.loyalty.charts;

import io.loyalty.internal.Checks;
import io.loyalty.kano.FeatureResult;
import io.loyalty.kano.KanoAnalysis;
import java.util.ArrayList;
import java.util.List;
import org.knowm.xchart.AnnotationLine;
import org.knowm.xchart.AnnotationText;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler.LegendPosition;
import org.knowm.xchart.style.markers.Marker;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * Charts of a Kano analysis ({@link io.loyalty.kano}).
 *
 * @since 0.1
 */
public final class KanoCharts {
    private static final Marker[] MARKERS = {SeriesMarkers.CIRCLE, SeriesMarkers.DIAMOND, SeriesMarkers.SQUARE,
        SeriesMarkers.TRIANGLE_UP, SeriesMarkers.TRIANGLE_DOWN, SeriesMarkers.CROSS, SeriesMarkers.PLUS,
        SeriesMarkers.OVAL};

    private KanoCharts() {
    }

    /**
     * The Better/Worse diagram: each feature at (|Worse|, Better), where |Worse| = (O + M)/(A + O + M + I) is the
     * dissatisfaction when the feature is absent and Better = (A + O)/(A + O + M + I) the satisfaction when it is
     * present; lines at 0.5 cut the plane into the attractive, one-dimensional, must-be and indifferent quadrants.
     * Each feature has its own colour and marker, named in the legend with its category's letter.
     *
     * @param analysis the analysis, at least one feature
     * @return the chart
     * @throws IllegalArgumentException if {@code analysis} is null or has no feature
     */
    public static Chart betterWorse(KanoAnalysis analysis) {
        Checks.notNull(analysis, "analysis");
        List<FeatureResult> features = analysis.features();
        Checks.require(!features.isEmpty(), "analysis must hold at least one feature, got 0");
        List<String> names = new ArrayList<>();
        double[] worse = new double[features.size()];
        double[] better = new double[features.size()];
        Fingerprint fp = new Fingerprint().add("kano");
        for (int i = 0; i < features.size(); i++) {
            FeatureResult f = features.get(i);
            names.add(f.feature() + " (" + f.category().letter() + ")");
            worse[i] = Math.abs(f.worse());
            better[i] = f.better();
            fp.add(names.get(i)).add(worse[i]).add(better[i]);
        }
        String title = Checks.format("Kano Better/Worse, %d respondents", analysis.respondents());
        return Chart.of(title, fp, (t, w, h) -> {
            XYChart chart = new XYChartBuilder().width(w).height(h).title(t)
                    .xAxisTitle("|Worse|: dissatisfaction if absent").yAxisTitle("Better: satisfaction if present")
                    .build();
            chart.getStyler().setXAxisMin(0.0).setXAxisMax(1.0).setYAxisMin(0.0).setYAxisMax(1.0)
                    .setLegendPosition(LegendPosition.OutsideE).setMarkerSize(11).setDecimalPattern("0.0");
            for (int i = 0; i < names.size(); i++) {
                XYSeries s = chart.addSeries(names.get(i), new double[] {worse[i]}, new double[] {better[i]});
                s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
                s.setMarker(MARKERS[i % MARKERS.length]);
                s.setMarkerColor(Palette.series(i));
            }
            chart.addAnnotation(new AnnotationLine(0.5, true, false));
            chart.addAnnotation(new AnnotationLine(0.5, false, false));
            chart.addAnnotation(new AnnotationText("Attractive", 0.12, 0.96, false));
            chart.addAnnotation(new AnnotationText("One-dimensional", 0.86, 0.96, false));
            chart.addAnnotation(new AnnotationText("Indifferent", 0.12, 0.04, false));
            chart.addAnnotation(new AnnotationText("Must-be", 0.88, 0.04, false));
            return chart;
        });
    }
}
