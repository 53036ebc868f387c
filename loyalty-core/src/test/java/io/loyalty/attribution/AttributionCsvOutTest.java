package io.loyalty.attribution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.loyalty.tablesaw.AttributionTables;
import io.loyalty.testkit.CsvRoundTrip;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every attribution result table writes lossless CSV whose header is the Tablesaw adapter's column names. */
class AttributionCsvOutTest {
    @Test
    void resultsRoundTripAndMatchTablesaw() {
        Journeys j = GoldenData.journeys();
        Attribution linear = HeuristicAttribution.withDefaults().linear(j);
        CsvRoundTrip.assertMatches(AttributionTables.toTable(linear), linear::writeCsv);
        MarkovResult markov = MarkovAttribution.withDefaults().attribute(j);
        CsvRoundTrip.assertMatches(AttributionTables.toTable(markov), markov::writeCsv);
        AttributionComparison cmp = AttributionComparison.of(List.of(linear, markov.attribution(),
                HeuristicAttribution.withDefaults().firstTouch(j)));
        CsvRoundTrip.assertMatches(AttributionTables.toTable(cmp), cmp::writeCsv);
        double[] costs = new double[cmp.channels().size()];
        for (int i = 0; i < costs.length; i++) {
            costs[i] = 1.0 / (i + 3);
        }
        AttributionComparison withCosts = cmp.withCosts(costs);
        CsvRoundTrip.assertMatches(AttributionTables.toTable(withCosts), withCosts::writeCsv);
        String text = withCosts.toString();
        assertTrue(text.contains("return on spend") && text.contains("%"), text);
    }

    /** Issue 19: the general Shapley value's table (credits with their standard errors) prints and writes CSV too. */
    @Test
    void shapleyResultRoundTripsWithItsStandardErrors() {
        Journeys j = GoldenData.journeys();
        for (ShapleyResult r : List.of(ShapleyAttribution.withDefaults().general(j),
                ShapleyAttribution.withDefaults().withSampling(200, 7).general(j))) {
            List<List<String>> csv = CsvRoundTrip.assertMatches(AttributionTables.toTable(r), r::writeCsv);
            assertEquals(List.of("channel", "conversions", "conversions_std_err", "share", "value", "value_std_err"),
                    csv.get(0));
            String text = r.toString();
            String title = r.exact() ? "Shapley value, exact" : "Shapley value, " + r.permutations() + " sampled";
            assertTrue(text.startsWith(title), text);
            assertTrue(text.lines().skip(1).findFirst().orElseThrow().startsWith("channel"), text);
        }
    }
}
