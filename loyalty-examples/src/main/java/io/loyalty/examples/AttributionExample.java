package io.loyalty.examples;

import io.loyalty.attribution.Attribution;
import io.loyalty.attribution.AttributionComparison;
import io.loyalty.attribution.HeuristicAttribution;
import io.loyalty.attribution.Journeys;
import io.loyalty.attribution.MarkovAttribution;
import io.loyalty.attribution.MarkovResult;
import io.loyalty.attribution.ShapleyAttribution;
import io.loyalty.charts.AttributionCharts;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;

/**
 * Attribution on ChannelAttribution's sample journeys (Data.csv): every model side by side, the exact Markov
 * removal effects, and a grouped bar chart of conversions credited per channel.
 */
public final class AttributionExample {
    private AttributionExample() {
    }

    /**
     * Runs the example.
     *
     * @param args ignored
     * @throws IOException if the bundled data cannot be read or the chart written
     */
    public static void main(String[] args) throws IOException {
        System.out.println("== Attribution: which channels get the credit ==");
        Journeys journeys;
        try (Reader in = Files.newBufferedReader(Examples.data("attribution/Data.csv"), StandardCharsets.US_ASCII)) {
            journeys = Journeys.readCsv(in);
        }
        System.out.println(journeys);

        HeuristicAttribution rules = HeuristicAttribution.withDefaults();
        long start = System.nanoTime();
        MarkovResult markov1 = MarkovAttribution.withDefaults().attribute(journeys);
        double ms1 = (System.nanoTime() - start) / 1e6;
        start = System.nanoTime();
        MarkovResult markov3 = MarkovAttribution.withDefaults().withOrder(3).attribute(journeys);
        double ms3 = (System.nanoTime() - start) / 1e6;
        List<Attribution> models = new ArrayList<>(List.of(rules.firstTouch(journeys), rules.lastTouch(journeys),
                rules.linear(journeys), rules.positionBased(journeys),
                ShapleyAttribution.withDefaults().simplified(journeys), markov1.attribution(),
                MarkovAttribution.withDefaults().withOrder(2).attribute(journeys).attribution(),
                markov3.attribution()));
        AttributionComparison comparison = AttributionComparison.of(models);
        System.out.println(comparison);
        System.out.println(markov1);
        System.out.printf("Exact Markov order 1 in %.1f ms (%d states), order 3 in %.1f ms (%d states), first run "
                + "(cold JVM)%n", ms1, markov1.transitions().states().size(), ms3,
                markov3.transitions().states().size());
        System.out.printf("P(conversion), orders 1 and 3: %.7f and %.7f (exact); ChannelAttribution needs 153 s at 1e8 simulated "
                + "paths to come within 0.13 %%%n%n", markov1.conversionProbability(), markov3.conversionProbability());

        // Seven of the eight models (Markov order 2 lies between orders 1 and 3), in a chart wide enough for them.
        AttributionComparison shown = AttributionComparison.of(List.of(models.get(0), models.get(1), models.get(2),
                models.get(3), models.get(4), models.get(5), models.get(7)));
        String file = TourCharts.save("attribution-credits.png", AttributionCharts.comparison(shown)
                .withTitle("Conversions credited per channel, Data.csv (19,785 conversions)").withSize(1100, 550))
                .toString();
        System.out.println("Chart: " + file);
        System.out.println();
    }
}
