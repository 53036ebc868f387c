package io.loyalty.charts;

import io.loyalty.attribution.Attribution;
import io.loyalty.attribution.AttributionComparison;
import io.loyalty.internal.Checks;
import java.util.ArrayList;
import java.util.List;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.style.Styler.LegendPosition;

/**
 * Charts of channel attribution ({@link io.loyalty.attribution}).
 *
 * @since 0.1
 */
public final class AttributionCharts {
    private AttributionCharts() {
    }

    /**
     * The conversions each model credits to each channel, one bar per model in each channel's group, so that the
     * models' disagreement shows at a glance.
     *
     * @param comparison the models to compare, at most eight
     * @return the chart
     * @throws IllegalArgumentException if {@code comparison} is null, has no channel or more than eight models
     */
    public static Chart comparison(AttributionComparison comparison) {
        Checks.notNull(comparison, "comparison");
        List<Attribution> models = comparison.models();
        List<String> channels = comparison.channels();
        Checks.require(!models.isEmpty() && models.size() <= 8, "comparison must hold 1 to 8 models, got %d",
                models.size());
        Checks.require(!channels.isEmpty(), "comparison must hold at least one channel, got 0");
        List<String> names = new ArrayList<>();
        List<List<Number>> values = new ArrayList<>();
        double total = 0;
        Fingerprint fp = new Fingerprint().add("attribution").add(channels);
        for (Attribution a : models) {
            names.add(a.model());
            List<Number> v = new ArrayList<>();
            double[] credit = new double[channels.size()];
            for (int c = 0; c < channels.size(); c++) {
                credit[c] = a.conversions(channels.get(c));
                v.add(credit[c]);
            }
            values.add(v);
            total = Math.max(total, a.totalConversions());
            fp.add(a.model()).add(credit);
        }
        String title = Checks.format("Conversions credited per channel by model (%,.0f conversions)", total);
        return Chart.of(title, fp, (t, w, h) -> {
            CategoryChart chart = new CategoryChartBuilder().width(w).height(h).title(t).xAxisTitle("channel")
                    .yAxisTitle("conversions credited").build();
            chart.getStyler().setAvailableSpaceFill(0.85);
            chart.getStyler().setLegendPosition(LegendPosition.InsideNE).setDecimalPattern("#,##0");
            for (int m = 0; m < names.size(); m++) {
                chart.addSeries(names.get(m), channels, values.get(m));
            }
            return chart;
        });
    }
}
