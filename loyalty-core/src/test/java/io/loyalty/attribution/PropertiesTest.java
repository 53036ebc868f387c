package io.loyalty.attribution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.loyalty.testkit.Property;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Seeded invariants of every model (see io.loyalty.testkit.Property for seeds and replay). */
class PropertiesTest {
    /** A random data set as rows: path, conversions, value, nulls. */
    private record Row(List<String> path, double conversions, double value, double nulls) {
    }

    private static List<Row> rows(SplittableRandom r) {
        int channels = Property.between(r, 2, 7);
        int n = Property.between(r, 1, 30);
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            int len = Property.between(r, 1, 6);
            List<String> path = new ArrayList<>();
            for (int k = 0; k < len; k++) {
                path.add("c" + r.nextInt(channels));
            }
            double conv = r.nextInt(4) == 0 ? 0 : Property.between(r, 1, 9);
            double value = conv > 0 ? conv * r.nextDouble(0.5, 50) : 0;
            double nulls = Property.between(r, conv > 0 ? 0 : 1, 20);
            rows.add(new Row(path, conv, value, nulls));
        }
        return rows;
    }

    private static Journeys journeys(List<Row> rows) {
        Journeys.Accumulator acc = Journeys.Accumulator.create();
        for (Row row : rows) {
            acc.add(row.path(), row.conversions(), row.value(), row.nulls());
        }
        return acc.snapshot();
    }

    private static List<Attribution> allModels(Journeys j) {
        HeuristicAttribution h = HeuristicAttribution.withDefaults().withDirectChannel("c0");
        List<Attribution> out = new ArrayList<>(List.of(h.firstTouch(j), h.lastTouch(j), h.lastNonDirectTouch(j),
                h.linear(j), h.positionBased(j), ShapleyAttribution.withDefaults().simplified(j),
                ShapleyAttribution.withDefaults().general(j).attribution()));
        for (int order = 1; order <= 4; order++) {
            out.add(MarkovAttribution.withDefaults().withOrder(order).attribute(j).attribution());
            out.add(MarkovAttribution.withDefaults().withOrder(order).withNulls(false).attribute(j).attribution());
        }
        return out;
    }

    @Test
    void creditsAreNonNegativeAndSumToTheTotals() {
        Property.forAll("credits >= 0, sum to totals", 200, r -> {
            Journeys j = journeys(rows(r));
            for (Attribution a : allModels(j)) {
                for (int c = 0; c < j.channels().size(); c++) {
                    assertTrue(a.conversions()[c] >= 0 && a.values()[c] >= 0, a.toString());
                }
                assertEquals(j.totalConversions(), a.totalConversions(), 1e-9 * (1 + j.totalConversions()), a.model());
                assertEquals(j.totalValue(), a.totalValue(), 1e-9 * (1 + j.totalValue()), a.model());
            }
        });
    }

    @Test
    void removalEffectsLieInTheUnitIntervalAndPMatchesTheConversionShare() {
        Property.forAll("removal effects in [0, 1]", 200, r -> {
            Journeys j = journeys(rows(r));
            for (int order = 1; order <= 4; order++) {
                MarkovResult m = MarkovAttribution.withDefaults().withOrder(order).attribute(j);
                for (int c = 0; c < j.channels().size(); c++) {
                    assertTrue(m.removalEffects()[c] >= 0 && m.removalEffects()[c] <= 1);
                    assertTrue(m.valueRemovalEffects()[c] >= 0 && m.valueRemovalEffects()[c] <= 1);
                }
                assertEquals(j.totalConversions() / (j.totalConversions() + j.totalNulls()),
                        m.conversionProbability(), 1e-12);
            }
        });
    }

    @Test
    void aChannelOnNoConvertingPathGetsNothingFromPathModels() {
        Property.forAll("channel on no converting path gets 0", 200, r -> {
            List<Row> rows = rows(r);
            rows.add(new Row(List.of("c0", "ghost", "c1"), 0, 0, 3));
            Journeys j = journeys(rows);
            HeuristicAttribution h = HeuristicAttribution.withDefaults();
            for (Attribution a : List.of(h.firstTouch(j), h.lastTouch(j), h.linear(j), h.positionBased(j),
                    ShapleyAttribution.withDefaults().simplified(j),
                    ShapleyAttribution.withDefaults().general(j).attribution())) {
                assertEquals(0, a.conversions("ghost"), 0, a.model());
                assertEquals(0, a.value("ghost"), 0, a.model());
            }
            // A Markov chain can route through the channel to a conversion; when no transition leaves it toward
            // one (here: only a null row ends after it, on its own), its removal changes nothing.
            List<Row> isolated = rows(r);
            isolated.add(new Row(List.of("ghost"), 0, 0, 2));
            Journeys k = journeys(isolated);
            for (int order = 1; order <= 4; order++) {
                assertEquals(0, MarkovAttribution.withDefaults().withOrder(order).attribute(k).attribution()
                        .conversions("ghost"), 0);
            }
        });
    }

    @Test
    void resultsDoNotDependOnRowOrderOrOnSplittingRows() {
        Property.forAll("row order and splits", 100, r -> {
            List<Row> rows = rows(r);
            List<Row> shuffled = new ArrayList<>();
            for (int i : Property.shuffledPermutation(r, rows.size())) {
                shuffled.add(rows.get(i));
            }
            List<Row> split = new ArrayList<>();
            for (Row row : rows) {
                double f = r.nextDouble();
                split.add(new Row(row.path(), row.conversions() * f, row.value() * f, row.nulls() * f));
                split.add(new Row(row.path(), row.conversions() * (1 - f), row.value() * (1 - f),
                        row.nulls() * (1 - f)));
            }
            List<Attribution> base = allModels(journeys(rows));
            for (List<Row> other : List.of(shuffled, split)) {
                List<Attribution> b = allModels(journeys(other));
                for (int m = 0; m < base.size(); m++) {
                    for (String c : base.get(m).channels()) {
                        double tol = 1e-9 * (1 + base.get(m).totalValue());
                        assertEquals(base.get(m).conversions(c), b.get(m).conversions(c), tol, base.get(m).model());
                        assertEquals(base.get(m).value(c), b.get(m).value(c), tol, base.get(m).model());
                    }
                }
            }
        });
    }

    @Test
    void exactGeneralShapleyEqualsTheSimplifiedFormula() {
        Property.forAll("general = simplified", 100, r -> {
            Journeys j = journeys(rows(r));
            Attribution s = ShapleyAttribution.withDefaults().simplified(j);
            ShapleyResult g = ShapleyAttribution.withDefaults().general(j);
            assertTrue(g.exact());
            for (String c : j.channels()) {
                assertEquals(s.conversions(c), g.attribution().conversions(c), 1e-9);
                assertEquals(s.value(c), g.attribution().value(c), 1e-9);
            }
        });
    }

    @Test
    void sampledShapleyIsWithinItsStandardErrorsBeyondTwentyChannels() {
        SplittableRandom r = new SplittableRandom(7);
        Journeys.Accumulator acc = Journeys.Accumulator.create();
        for (int i = 0; i < 200; i++) {
            List<String> path = new ArrayList<>();
            for (int k = 0; k < Property.between(r, 1, 5); k++) {
                path.add("ch" + r.nextInt(24));
            }
            acc.add(path, Property.between(r, 0, 5), 0, 1);
        }
        Journeys j = acc.snapshot();
        assertTrue(j.channels().size() > ShapleyAttribution.MAX_EXACT_CHANNELS);
        ShapleyResult g = ShapleyAttribution.withDefaults().withSampling(4000, 11).general(j);
        Attribution s = ShapleyAttribution.withDefaults().simplified(j);
        double[] se = g.conversionStandardErrors();
        assertTrue(!g.exact() && g.permutations() == 4000);
        for (int c = 0; c < se.length; c++) {
            String ch = j.channels().get(c);
            assertEquals(s.conversions(ch), g.attribution().conversions(ch), 5 * se[c] + 1e-9, ch);
        }
        assertEquals(j.totalConversions(), g.attribution().totalConversions(), 1e-9);
    }

    @Test
    void timeDecayWithAHugeHalfLifeIsLinearAndSumsToTheTotals() {
        Property.forAll("time decay", 100, r -> {
            TimedJourneys.Builder b = TimedJourneys.builder();
            int n = Property.between(r, 1, 20);
            for (int i = 0; i < n; i++) {
                int len = Property.between(r, 1, 5);
                List<String> path = new ArrayList<>();
                long[] times = new long[len];
                long t = r.nextInt(1_000_000);
                for (int k = 0; k < len; k++) {
                    path.add("c" + r.nextInt(4));
                    t += r.nextInt(5 * 86_400);
                    times[k] = t;
                }
                if (r.nextBoolean()) {
                    b.addConverted(path, times, t + r.nextInt(86_400), r.nextDouble(1, 20));
                } else {
                    b.addNull(path, times);
                }
            }
            TimedJourneys tj = b.build();
            Journeys j = tj.toJourneys();
            Attribution decay = HeuristicAttribution.withDefaults().timeDecay(tj);
            assertEquals(j.totalConversions(), decay.totalConversions(), 1e-9);
            assertEquals(j.totalValue(), decay.totalValue(), 1e-9);
            Attribution flat = HeuristicAttribution.withDefaults().withHalfLife(Duration.ofDays(1_000_000_000L))
                    .timeDecay(tj);
            Attribution linear = HeuristicAttribution.withDefaults().linear(j);
            for (String c : j.channels()) {
                assertEquals(linear.conversions(c), flat.conversions(c), 1e-6);
            }
        });
    }
}
