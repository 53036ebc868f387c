/**
 * Charts of loyalty's results, one call per chart, drawn headless to PNG or SVG with XChart.
 *
 * <p>Each family has a class of static methods that take the core's result objects and return a {@link
 * io.loyalty.charts.Chart}: {@link io.loyalty.charts.RfmCharts}, {@link io.loyalty.charts.ClvCharts}, {@link
 * io.loyalty.charts.CohortCharts}, {@link io.loyalty.charts.AttributionCharts}, {@link
 * io.loyalty.charts.KanoCharts}, {@link io.loyalty.charts.NpsCharts} and {@link io.loyalty.charts.ExperimentCharts}.
 * A chart is drawn only when written ({@code writePng}, {@code writeSvg}); it never opens a window. Colours come
 * from {@link io.loyalty.charts.Palette} (Okabe-Ito for series, the light half of viridis for heatmaps), which
 * readers with a colour-vision deficiency can tell apart.
 *
 * <p>Arguments are checked as in the core: a null or empty input throws {@link IllegalArgumentException} naming the
 * argument.
 *
 * <pre>{@code
 * RfmScores scores = RfmScorer.withDefaults().score(customers, analysisDate);
 * RfmCharts.heatmap(scores).writePng(Path.of("rfm-heatmap.png"));
 * RfmCharts.segmentShares(scores.summary()).writeSvg(Path.of("rfm-shares.svg"));
 * }</pre>
 */
package io.loyalty.charts;
