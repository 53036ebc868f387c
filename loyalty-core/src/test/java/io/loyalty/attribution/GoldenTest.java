package io.loyalty.attribution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * ChannelAttribution 2.0.7 (R) on its sample Data.csv: heuristics to 1e-9, simulated Markov (1e8 paths) within the
 * issue's bands. Provenance and tolerances in resources/attribution/README.md.
 */
class GoldenTest {
    private static final double TOTAL_CONVERSIONS = 19_785;
    private static final double TOTAL_NULLS = 68_602;

    @Test
    void dataTotalsMatchTheReadme() {
        Journeys j = GoldenData.journeys();
        assertEquals(TOTAL_CONVERSIONS, j.totalConversions(), 0);
        assertEquals(TOTAL_NULLS, j.totalNulls(), 0);
        assertEquals(74_802.9715872108, j.totalValue(), 1e-9);
        assertEquals(List.of("eta", "iota", "alpha", "beta", "theta", "lambda", "kappa", "zeta", "epsilon", "gamma",
                "delta", "mi"), j.channels());
    }

    @Test
    void heuristicModelsEqualChannelAttributionTo1e9() {
        Journeys j = GoldenData.journeys();
        HeuristicAttribution h = HeuristicAttribution.withDefaults();
        Attribution first = h.firstTouch(j);
        Attribution last = h.lastTouch(j);
        Attribution linear = h.linear(j);
        List<String[]> ref = GoldenData.table("heuristic_models.csv");
        assertEquals(12, ref.size());
        for (String[] r : ref) {
            String c = r[0];
            assertEquals(Double.parseDouble(r[1]), first.conversions(c), 1e-9, "first conversions " + c);
            assertEquals(Double.parseDouble(r[2]), first.value(c), 1e-9, "first value " + c);
            assertEquals(Double.parseDouble(r[3]), last.conversions(c), 1e-9, "last conversions " + c);
            assertEquals(Double.parseDouble(r[4]), last.value(c), 1e-9, "last value " + c);
            assertEquals(Double.parseDouble(r[5]), linear.conversions(c), 1e-9, "linear conversions " + c);
            assertEquals(Double.parseDouble(r[6]), linear.value(c), 1e-9, "linear value " + c);
        }
    }

    @Test
    void markovOrder1WithinTheSimulationBands() {
        checkMarkov(1, "markov_order1_with_null_nsim1e8_seed0.csv");
    }

    @Test
    void markovOrder2WithinTheSimulationBands() {
        checkMarkov(2, "markov_order2_with_null_nsim1e8_seed0.csv");
    }

    private static void checkMarkov(int order, String file) {
        MarkovResult m = MarkovAttribution.withDefaults().withOrder(order).attribute(GoldenData.journeys());
        Attribution a = m.attribution();
        for (String[] r : GoldenData.table(file)) {
            String c = r[0];
            double ref = Double.parseDouble(r[1]);
            double refValue = Double.parseDouble(r[2]);
            double ours = a.conversions(c);
            double rel = Math.abs(ours - ref) / ref;
            double relValue = Math.abs(a.value(c) - refValue) / refValue;
            // Conversions: the bands. Values: ChannelAttribution also draws each simulated conversion's
            // value at random, a second source of noise, so the bands are 0.25 % and 1.5 % (measured: 0.19 %, 1.3 %).
            if (ref > 1000) {
                assertTrue(rel <= 0.0015, c + " conversions " + ours + " vs " + ref + " (" + rel + ")");
                assertTrue(relValue <= 0.0025, c + " value " + a.value(c) + " vs " + refValue + " (" + relValue + ")");
            } else if (ref > 100) {
                assertTrue(rel <= 0.006, c + " conversions " + ours + " vs " + ref + " (" + rel + ")");
                assertTrue(relValue <= 0.015, c + " value " + a.value(c) + " vs " + refValue + " (" + relValue + ")");
            }
        }
    }

    @Test
    void conversionProbabilityIsTheConversionShareForOrders1To4() {
        double expected = TOTAL_CONVERSIONS / (TOTAL_CONVERSIONS + TOTAL_NULLS);
        assertEquals(0.2238451, expected, 5e-8);
        for (int order = 1; order <= 4; order++) {
            MarkovResult m = MarkovAttribution.withDefaults().withOrder(order).attribute(GoldenData.journeys());
            assertEquals(expected, m.conversionProbability(), 1e-13, "order " + order);
            assertEquals(74_802.9715872108 / (TOTAL_CONVERSIONS + TOTAL_NULLS), m.expectedValue(), 1e-13,
                    "order " + order);
        }
    }

    @Test
    void collapsingRepeatsDoesNotChangeOrder1() {
        Journeys j = GoldenData.journeys();
        Journeys.Accumulator collapsed = Journeys.Accumulator.create();
        for (int i = 0; i < j.size(); i++) {
            int[] p = j.pathChannels(i);
            java.util.List<String> names = new java.util.ArrayList<>();
            for (int k = 0; k < p.length; k++) {
                if (k == 0 || p[k] != p[k - 1]) {
                    names.add(j.channels().get(p[k]));
                }
            }
            collapsed.add(names, j.conversions(i), j.value(i), j.nulls(i));
        }
        double[] a = MarkovAttribution.withDefaults().attribute(j).removalEffects();
        double[] b = MarkovAttribution.withDefaults().attribute(collapsed.snapshot()).removalEffects();
        for (int c = 0; c < a.length; c++) {
            assertEquals(a[c], b[c], 1e-12);
        }
    }
}
