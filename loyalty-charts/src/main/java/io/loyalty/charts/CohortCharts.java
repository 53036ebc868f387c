package io.loyalty.charts;

import io.loyalty.cohort.CohortMatrices;
import io.loyalty.cohort.LogRankTest;
import io.loyalty.cohort.SbgModel;
import io.loyalty.cohort.SurvivalCurve;
import io.loyalty.internal.Checks;
import io.loyalty.privacy.DpTable;
import io.loyalty.privacy.NoisyValue;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.knowm.xchart.AnnotationLine;
import org.knowm.xchart.HeatMapChart;
import org.knowm.xchart.HeatMapChartBuilder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler.LegendPosition;
import org.knowm.xchart.style.lines.SeriesLines;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * Charts of cohort retention and survival ({@link io.loyalty.cohort}): the retention heatmap and curves of
 * acquisition cohorts, Kaplan-Meier curves with their confidence bands and the log-rank p-value, and the sBG
 * projection against the observed survivors.
 *
 * @since 0.1
 */
public final class CohortCharts {
    private CohortCharts() {
    }

    /**
     * The share of each acquisition cohort (rows) active in each period since acquisition (columns), in percent,
     * printed on the cells. Periods not yet complete at the data's end are left blank: a partial period would
     * read as churn.
     *
     * @param matrices the cohort matrices, at least one cohort
     * @param maxOffset the last period since acquisition shown, &gt;= 0
     * @return the chart
     * @throws IllegalArgumentException if {@code matrices} is null or empty, or {@code maxOffset} is negative
     */
    public static Chart retentionHeatmap(CohortMatrices matrices, int maxOffset) {
        double[][] shares = shares(matrices, maxOffset);
        List<String> labels = matrices.labels();
        int columns = 0;
        List<Number[]> cells = new ArrayList<>();
        Fingerprint fp = new Fingerprint().add("cohort heatmap").add(labels);
        for (int c = 0; c < shares.length; c++) {
            for (int k = 0; k < shares[c].length; k++) {
                if (!matrices.isIncomplete(c, k)) {
                    // Whole percents: XChart prints the legend's bounds as they are, with every digit.
                    cells.add(new Number[] {k, c, Math.round(100 * shares[c][k])});
                    fp.add(c).add(k).add(shares[c][k]);
                    columns = Math.max(columns, k + 1);
                }
            }
        }
        List<Integer> offsets = new ArrayList<>();
        for (int k = 0; k < Math.max(1, columns); k++) {
            offsets.add(k);
        }
        String unit = matrices.period().name().toLowerCase(java.util.Locale.ROOT);
        String title = "Share of each cohort active " + unit + " k after acquisition (%; incomplete periods blank)";
        return Chart.of(title, fp, (t, w, h) -> {
            HeatMapChart chart = new HeatMapChartBuilder().width(w).height(h).title(t)
                    .xAxisTitle(unit + "s since acquisition").yAxisTitle("acquisition cohort").build();
            chart.getStyler().setShowValue(true).setHeatMapValueDecimalPattern("0").setRangeColors(Palette.heat())
                    .setPlotContentSize(1);
            chart.addSeries("active (%)", offsets, labels, cells);
            return chart;
        });
    }

    /**
     * The differentially private retention shares of {@link io.loyalty.privacy.DpCohorts#shares(DpTable)} as the
     * heatmap of {@link #retentionHeatmap(CohortMatrices, int)}: cohorts as rows, the table's offset columns up to
     * {@code maxOffset}, the released (noisy) percent on each cell, a cell the release has not blank, and a cell
     * of an incomplete period ({@link DpTable#isIncomplete(int, int)}) blank as in the exact heatmap. Drawn beside
     * the exact heatmap, it shows what the noise and the contribution bound cost.
     *
     * @param shares a DP shares table, in percent, at least one cohort
     * @param maxOffset the last period since acquisition shown, &gt;= 0
     * @return the chart
     * @throws IllegalArgumentException if {@code shares} is null or empty, or {@code maxOffset} is negative
     * @since 0.2
     */
    public static Chart dpRetentionHeatmap(DpTable shares, int maxOffset) {
        Checks.notNull(shares, "shares");
        Checks.require(!shares.rows().isEmpty(), "shares must hold at least one cohort, got 0");
        Checks.require(maxOffset >= 0, "maxOffset must be >= 0, got %d", maxOffset);
        List<String> labels = shares.rows();
        int width = Math.min(shares.columns().size(), maxOffset + 1);
        List<Number[]> cells = new ArrayList<>();
        Fingerprint fp = new Fingerprint().add("dp cohort heatmap").add(labels);
        int columns = 0;
        for (int c = 0; c < labels.size(); c++) {
            // The row's incomplete cell, if any: its last one (found once, not per cell).
            int partial = -1;
            for (int k = shares.columns().size() - 1; k >= 0; k--) {
                if (shares.get(c, k) != null) {
                    partial = shares.isIncomplete(c, k) ? k : -1;
                    break;
                }
            }
            for (int k = 0; k < width; k++) {
                NoisyValue v = shares.get(c, k);
                if (v != null && k != partial) {
                    cells.add(new Number[] {k, c, Math.round(v.value())});
                    fp.add(c).add(k).add(v.value());
                    columns = Math.max(columns, k + 1);
                }
            }
        }
        List<Integer> offsets = new ArrayList<>();
        for (int k = 0; k < Math.max(1, columns); k++) {
            offsets.add(k);
        }
        String title = "Share of each cohort active k periods after acquisition (%; differentially private"
                + (shares.lastPeriodIncomplete() ? "; incomplete periods blank)" : ")");
        return Chart.of(title, fp, (t, w, h) -> {
            HeatMapChart chart = new HeatMapChartBuilder().width(w).height(h).title(t)
                    .xAxisTitle("periods since acquisition").yAxisTitle("acquisition cohort").build();
            chart.getStyler().setShowValue(true).setHeatMapValueDecimalPattern("0").setRangeColors(Palette.heat())
                    .setPlotContentSize(1);
            chart.addSeries("active (%)", offsets, labels, cells);
            return chart;
        });
    }

    /**
     * The same shares as {@link #retentionHeatmap(CohortMatrices, int)} as one line per cohort, coloured from the
     * oldest (dark) to the newest (light); incomplete periods are left out.
     *
     * @param matrices the cohort matrices, at least one cohort
     * @param maxOffset the last period since acquisition shown, &gt;= 0
     * @return the chart
     * @throws IllegalArgumentException if {@code matrices} is null or empty, or {@code maxOffset} is negative
     */
    public static Chart retentionCurves(CohortMatrices matrices, int maxOffset) {
        double[][] shares = shares(matrices, maxOffset);
        List<String> labels = matrices.labels();
        List<double[]> xs = new ArrayList<>();
        List<double[]> ys = new ArrayList<>();
        Fingerprint fp = new Fingerprint().add("cohort curves").add(labels);
        for (int c = 0; c < shares.length; c++) {
            int n = 0;
            while (n < shares[c].length && !matrices.isIncomplete(c, n)) {
                n++;
            }
            double[] x = new double[n];
            double[] y = new double[n];
            for (int k = 0; k < n; k++) {
                x[k] = k;
                y[k] = 100 * shares[c][k];
            }
            xs.add(x);
            ys.add(y);
            fp.add(y);
        }
        String unit = matrices.period().name().toLowerCase(java.util.Locale.ROOT);
        return Chart.of("Retention curves: share of each cohort active " + unit + " k after acquisition", fp,
                (t, w, h) -> {
                    XYChart chart = new XYChartBuilder().width(w).height(h).title(t)
                            .xAxisTitle(unit + "s since acquisition").yAxisTitle("active (%)").build();
                    chart.getStyler().setYAxisMin(0.0);
                    chart.getStyler().setLegendPosition(LegendPosition.OutsideE).setMarkerSize(4);
                    for (int c = 0; c < xs.size(); c++) {
                        if (xs.get(c).length > 0) {
                            XYSeries s = chart.addSeries(labels.get(c), xs.get(c), ys.get(c));
                            s.setLineStyle(SeriesLines.SOLID);
                            s.setLineColor(Palette.ordered(c, xs.size()));
                            s.setMarkerColor(Palette.ordered(c, xs.size()));
                            s.setMarker(SeriesMarkers.CIRCLE);
                        }
                    }
                    return chart;
                });
    }

    /**
     * One Kaplan-Meier curve as a step line with its confidence band; the time axis says what the times measure
     * ({@link SurvivalCurve#timeLabel()}, e.g. "days since first purchase").
     *
     * @param curve the curve
     * @return the chart
     * @throws IllegalArgumentException if {@code curve} is null or empty
     */
    public static Chart kaplanMeier(SurvivalCurve curve) {
        Checks.notNull(curve, "curve");
        return kaplanMeier(List.of(curve), "Kaplan-Meier survival", new Fingerprint().add("km"));
    }

    /**
     * Kaplan-Meier curves of several groups with their confidence bands, the log-rank test in the title; the time
     * axis says what the times measure ({@link SurvivalCurve#timeLabel()}; "time" if the curves disagree).
     *
     * @param curves the curves, e.g. from {@code KaplanMeier.fitByGroup}, at least one, at most eight
     * @param test the log-rank test of the same groups, e.g. from {@code KaplanMeier.logRank}
     * @return the chart
     * @throws IllegalArgumentException if an argument is null, {@code curves} is empty, has more than eight curves,
     *     or a curve is empty
     */
    public static Chart kaplanMeier(List<SurvivalCurve> curves, LogRankTest test) {
        Checks.notNull(curves, "curves");
        Checks.notNull(test, "test");
        String title = Checks.format("Kaplan-Meier survival by group; log-rank chi-square %.2f, df %d, p = %s",
                test.chiSquare(), test.degreesOfFreedom(), p(test.pValue()));
        return kaplanMeier(curves, title, new Fingerprint().add("km groups").add(test.groups()));
    }

    /**
     * The sBG model's projection of the customers still active against the observed counts, for one or more
     * groups (e.g. Fader and Hardie's High End and Regular customers); a vertical line marks the last period the
     * models were fitted on.
     *
     * @param models the fitted models by group name, in the order to draw, at most eight
     * @param survivors the observed customers still active at periods 0, 1, ... for the same groups (the first is
     *     the cohort's size); the projection covers the same periods
     * @param fittedPeriods the number of periods the models were fitted on (from period 0), &gt;= 1
     * @return the chart
     * @throws IllegalArgumentException if an argument is null or empty, the two maps name different groups, a
     *     count is negative, or there are more than eight groups
     */
    public static Chart sbgProjection(Map<String, SbgModel> models, Map<String, long[]> survivors,
            int fittedPeriods) {
        Checks.notNull(models, "models");
        Checks.notNull(survivors, "survivors");
        Checks.require(!models.isEmpty() && models.size() <= 8, "models must hold 1 to 8 groups, got %d",
                models.size());
        Checks.require(models.keySet().equals(survivors.keySet()),
                "survivors must name the groups of models %s, got %s", models.keySet(), survivors.keySet());
        Checks.require(fittedPeriods >= 1, "fittedPeriods must be >= 1, got %d", fittedPeriods);
        List<String> names = new ArrayList<>(models.keySet());
        List<double[]> actual = new ArrayList<>();
        List<double[]> projected = new ArrayList<>();
        Fingerprint fp = new Fingerprint().add("sbg").add(names).add(fittedPeriods);
        for (String name : names) {
            SbgModel model = Checks.notNull(models.get(name), "models[" + name + "]");
            long[] alive = Checks.notNull(survivors.get(name), "survivors[" + name + "]");
            Checks.require(alive.length >= 1, "survivors[%s] must hold at least period 0", name);
            double[] a = new double[alive.length];
            for (int i = 0; i < alive.length; i++) {
                a[i] = Checks.nonNegative(alive[i], "survivors[" + name + "] at period " + i);
            }
            actual.add(a);
            double[] p = model.projectAlive(alive[0], alive.length - 1);
            projected.add(p);
            fp.add(model.alpha()).add(model.beta()).add(a).add(p);
        }
        return Chart.of("sBG projection of the customers still active (fitted on periods 0 to "
                + (fittedPeriods - 1) + ")", fp, (t, w, h) -> {
                    XYChart chart = new XYChartBuilder().width(w).height(h).title(t).xAxisTitle("period")
                            .yAxisTitle("customers still active").build();
                    chart.getStyler().setYAxisMin(0.0);
                    chart.getStyler().setLegendPosition(LegendPosition.InsideNE).setMarkerSize(7)
                            .setDecimalPattern("#,##0");
                    for (int g = 0; g < names.size(); g++) {
                        double[] periods = new double[Math.max(actual.get(g).length, projected.get(g).length)];
                        for (int i = 0; i < periods.length; i++) {
                            periods[i] = i;
                        }
                        XYSeries a = chart.addSeries(names.get(g) + " actual", periods, actual.get(g));
                        a.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
                        a.setMarker(SeriesMarkers.CIRCLE);
                        a.setMarkerColor(Palette.series(g));
                        XYSeries p = chart.addSeries(names.get(g) + " sBG", periods, projected.get(g));
                        p.setMarker(SeriesMarkers.NONE);
                        p.setLineColor(Palette.series(g));
                    }
                    chart.addAnnotation(new AnnotationLine(fittedPeriods - 1, true, false));
                    return chart;
                });
    }

    private static double[][] shares(CohortMatrices matrices, int maxOffset) {
        Checks.notNull(matrices, "matrices");
        Checks.require(matrices.cohortCount() > 0, "matrices must hold at least one cohort, got 0");
        Checks.require(maxOffset >= 0, "maxOffset must be >= 0, got %d", maxOffset);
        double[][] all = matrices.matrix(CohortMatrices.Measure.RETURN_ON_SHARE);
        double[][] out = new double[all.length][];
        for (int c = 0; c < all.length; c++) {
            out[c] = java.util.Arrays.copyOf(all[c], Math.min(all[c].length, maxOffset + 1));
        }
        return out;
    }

    private static Chart kaplanMeier(List<SurvivalCurve> curves, String title, Fingerprint fp) {
        Checks.require(!curves.isEmpty() && curves.size() <= 8, "curves must hold 1 to 8 curves, got %d",
                curves.size());
        List<double[][]> steps = new ArrayList<>();
        List<String> names = new ArrayList<>();
        double level = Double.NaN;
        // The curves' own description of their times ("days since first purchase"); "time" if they disagree.
        String axis = null;
        for (int g = 0; g < curves.size(); g++) {
            SurvivalCurve c = Checks.notNull(curves.get(g), "curves[" + g + "]");
            Checks.require(c.size() > 0, "curves[%d] must hold at least one time, got 0", g);
            level = c.confidence();
            axis = axis == null || axis.equals(c.timeLabel()) ? c.timeLabel() : "time";
            double[][] s = {start(c.times(), 0), start(c.survival(), 1), start(c.lower(), 1), start(c.upper(), 1)};
            steps.add(s);
            String label = c.label() == null || c.label().isEmpty() ? "survival" : c.label();
            names.add(Checks.format("%s (n = %d)", label, c.subjects()));
            fp.add(names.get(g)).add(s[0]).add(s[1]).add(s[2]).add(s[3]);
        }
        String fullTitle = title + Checks.format(" (%.0f %% bands)", 100 * level);
        String xAxis = axis;
        fp.add(xAxis);
        return Chart.of(fullTitle, fp, (t, w, h) -> {
            XYChart chart = new XYChartBuilder().width(w).height(h).title(t).xAxisTitle(xAxis)
                    .yAxisTitle("share not yet churned").build();
            chart.getStyler().setYAxisMin(0.0).setYAxisMax(1.0).setLegendPosition(LegendPosition.InsideNE);
            for (int g = 0; g < steps.size(); g++) {
                double[][] s = steps.get(g);
                double[][] polygon = band(s[0], s[2], s[3]);
                XYSeries band = chart.addSeries(names.get(g) + " band", polygon[0], polygon[1]);
                band.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.PolygonArea);
                band.setFillColor(Palette.translucent(Palette.series(g), 60));
                band.setLineColor(Palette.translucent(Palette.series(g), 0));
                band.setMarker(SeriesMarkers.NONE);
                band.setShowInLegend(false);
                XYSeries line = chart.addSeries(names.get(g), s[0], s[1]);
                line.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Step);
                line.setLineColor(Palette.series(g));
                line.setMarker(SeriesMarkers.NONE);
            }
            return chart;
        });
    }

    /** The values with {@code first} prepended at time 0; an undefined bound carries the previous one forward. */
    private static double[] start(double[] values, double first) {
        double[] out = new double[values.length + 1];
        out[0] = first;
        System.arraycopy(values, 0, out, 1, values.length);
        for (int i = 1; i < out.length; i++) {
            if (Double.isNaN(out[i])) {
                out[i] = out[i - 1];
            }
        }
        return out;
    }

    /** The polygon of a step band: the upper steps left to right, then the lower steps back. */
    private static double[][] band(double[] t, double[] lower, double[] upper) {
        int n = t.length;
        double[] x = new double[4 * n - 2];
        double[] y = new double[4 * n - 2];
        int k = 0;
        for (int i = 0; i < n; i++) {
            if (i > 0) {
                x[k] = t[i];
                y[k++] = upper[i - 1];
            }
            x[k] = t[i];
            y[k++] = upper[i];
        }
        for (int i = n - 1; i >= 0; i--) {
            x[k] = t[i];
            y[k++] = lower[i];
            if (i > 0) {
                x[k] = t[i];
                y[k++] = lower[i - 1];
            }
        }
        return new double[][] {x, y};
    }

    static String p(double p) {
        return p < 1e-4 ? Checks.format("%.1e", p) : Checks.format("%.4f", p);
    }
}
