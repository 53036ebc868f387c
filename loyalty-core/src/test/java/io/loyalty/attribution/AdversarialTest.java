package io.loyalty.attribution;

import static io.loyalty.testkit.Outcome.rejects;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.loyalty.testkit.Property;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InvalidObjectException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.StringReader;
import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * Issue 15 for attribution: each listed case as a named regression test, then a seeded adversary over the public
 * entry points (boundary times, reserved and odd channel names, ties, duplicates, unsorted and mismatched rows,
 * extreme values): every call gives a finite, order-independent result or an IllegalArgumentException.
 */
class AdversarialTest {

    // Item 5: ties.

    @Test
    void touchesAtTheSameInstantAreOrderedByChannelNameWhateverTheRowOrder() {
        JourneyBuilder b = JourneyBuilder.withDefaults();
        TimedJourneys one = b.build(new String[] {"u", "u"}, new long[] {100, 100}, new String[] {"b", "a"},
                new String[] {"u"}, new long[] {200}, new double[] {5});
        TimedJourneys two = b.build(new String[] {"u", "u"}, new long[] {100, 100}, new String[] {"a", "b"},
                new String[] {"u"}, new long[] {200}, new double[] {5});
        assertEquals(List.of("a", "b"), names(one, 0));
        assertEquals(List.of("a", "b"), names(two, 0));
        HeuristicAttribution h = HeuristicAttribution.withDefaults();
        assertEquals(1, h.firstTouch(one.toJourneys()).conversions("a"));
        assertEquals(1, h.firstTouch(two.toJourneys()).conversions("a"));
        // Code point order: 'Z' (U+005A) < 'a' (U+0061) < 'é' (U+00E9) < '日' (U+65E5) < U+1F642.
        TimedJourneys mixed = b.build(new String[] {"u", "u", "u", "u", "u"}, new long[] {7, 7, 7, 7, 7},
                new String[] {"\uD83D\uDE42", "日", "é", "a", "Z"}, new String[] {"u"}, new long[] {7}, new double[] {1});
        assertEquals(List.of("Z", "a", "é", "日", "\uD83D\uDE42"), names(mixed, 0));
    }

    @Test
    void conversionsAtTheSameInstantGiveTheTouchesToTheLargestValue() {
        for (double[] values : new double[][] {{3, 9}, {9, 3}}) {
            TimedJourneys t = JourneyBuilder.withDefaults().build(new String[] {"u"}, new long[] {1},
                    new String[] {"a"}, new String[] {"u", "u"}, new long[] {5, 5}, values);
            assertEquals(1, t.size());
            assertEquals(9, t.value(0));
            assertEquals(1, t.unattributedConversions());
            assertEquals(3, t.unattributedValue());
        }
    }

    @Test
    void theJourneyBuilderTieRuleHoldsForTimedJourneysBuiltRowByRow() {
        TimedJourneys t = TimedJourneys.builder().addConverted(List.of("b", "a", "c"), new long[] {5, 5, 6}, 9, 1)
                .build();
        assertEquals(List.of("a", "b", "c"), names(t, 0));
    }

    // Item 6: lookback overflow.

    @Test
    void aLookbackOfLongMaxSecondsKeepsConversionsBefore1970() {
        JourneyBuilder b = JourneyBuilder.withDefaults().withLookback(Duration.ofSeconds(Long.MAX_VALUE));
        TimedJourneys t = b.build(new String[] {"u", "u"}, new long[] {-10_000_000_000L, Long.MIN_VALUE},
                new String[] {"a", "b"}, new String[] {"u"}, new long[] {-5_000_000_000L}, new double[] {2});
        assertEquals(1, t.convertingJourneys());
        assertEquals(0, t.unattributedConversions());
        assertEquals(List.of("b", "a"), names(t, 0));
        // A null journey whose last touch is before 1970 keeps its touches too.
        TimedJourneys n = b.build(new String[] {"u", "u"}, new long[] {Long.MIN_VALUE, -1}, new String[] {"a", "b"},
                new String[0], new long[0], new double[0]);
        assertEquals(2, n.journeyChannels(0).length);
    }

    @Test
    void aSessionGapAsLongAsTheLookbackMergesWithoutOverflow() {
        JourneyBuilder b = JourneyBuilder.withDefaults().withLookback(Duration.ofSeconds(Long.MAX_VALUE));
        String[] u = {"u", "u"};
        long[] times = {-1, Long.MAX_VALUE - 1};
        String[] a = {"a", "a"};
        TimedJourneys merged = b.withSessionGap(Duration.ofSeconds(Long.MAX_VALUE)).build(u, times, a,
                new String[] {"u"}, new long[] {Long.MAX_VALUE - 1}, new double[] {1});
        assertEquals(1, merged.journeyChannels(0).length);
        TimedJourneys apart = b.withSessionGap(Duration.ofSeconds(Long.MAX_VALUE - 1)).build(u, times, a,
                new String[] {"u"}, new long[] {Long.MAX_VALUE - 1}, new double[] {1});
        assertEquals(2, apart.journeyChannels(0).length);
    }

    @Test
    void timeDecayTakesAnyHalfLifeAndTouchesAcrossTheWholeTimeLine() {
        TimedJourneys t = TimedJourneys.builder().addConverted(List.of("a", "b"),
                new long[] {Long.MIN_VALUE, Long.MAX_VALUE}, Long.MAX_VALUE, 4).build();
        Attribution longest = HeuristicAttribution.withDefaults().withHalfLife(Duration.ofSeconds(Long.MAX_VALUE,
                999_999_999)).timeDecay(t);
        assertEquals(1, longest.totalConversions(), 1e-15);
        // The touches are 2^64 - 1 seconds apart, two half-lives: weights 1/4 and 1, so a gets 0.2.
        assertEquals(0.2, longest.conversions("a"), 1e-12, longest.toString());
        Attribution shortest = HeuristicAttribution.withDefaults().withHalfLife(Duration.ofNanos(1)).timeDecay(t);
        assertEquals(1, shortest.conversions("b"));
    }

    // Items 9 and 10: reserved names and separators.

    @Test
    void aChannelNamedLikeAMarkovStateIsRejectedEverywhereChannelsEnter() {
        for (String reserved : List.of(TransitionMatrix.START, TransitionMatrix.CONVERSION, TransitionMatrix.NULL,
                " (null) ")) {
            rejects(() -> Journeys.Accumulator.create().add(List.of("z", reserved), 1, 0, 1), "row 0, position 2",
                    "reserved");
            rejects(() -> Journeys.Accumulator.create().add("z > " + reserved, 1, 0, 1), "reserved");
            rejects(() -> Journeys.readCsv(new StringReader("h\n" + reserved + ";1;0;1\n")), "line 2", "reserved");
            rejects(() -> JourneyBuilder.withDefaults().build(new String[] {"u"}, new long[] {1},
                    new String[] {reserved}, new String[0], new long[0], new double[0]), "touchChannels row 0",
                    "reserved");
            rejects(() -> JourneyBuilder.withDefaults().build(new long[] {1}, new long[] {1}, new int[] {0},
                    List.of(reserved), new long[0], new long[0], new double[0]), "channels[0]", "reserved");
            rejects(() -> TimedJourneys.builder().addNull(List.of(reserved), new long[] {1}), "row 0", "reserved");
        }
    }

    @Test
    void theConversionStateIsNeverAChannel() {
        Journeys j = Journeys.ofPaths(new String[] {"z"}, new double[] {1}, new double[] {0}, new double[] {1});
        TransitionMatrix m = MarkovAttribution.withDefaults().attribute(j).transitions();
        assertEquals(0.5, m.probability("z", TransitionMatrix.CONVERSION));
        assertEquals(0.5, m.probability("z", TransitionMatrix.NULL));
    }

    @Test
    void channelNamesWithSeparatorsAreRejectedAndEveryAcceptedNameSurvivesTheCsv() {
        for (String bad : List.of("a>b", "a;b", "a\nb", "a\rb")) {
            rejects(() -> JourneyBuilder.withDefaults().build(new String[] {"u", "u"}, new long[] {1, 2},
                    new String[] {bad, "z"}, new String[0], new long[0], new double[0]), "touchChannels row 0");
            rejects(() -> JourneyBuilder.withDefaults().build(new long[] {1}, new long[] {1}, new int[] {0},
                    List.of(bad), new long[0], new long[0], new double[0]), "channels[0]");
            rejects(() -> Journeys.Accumulator.create().add(List.of(bad, "z"), 1, 1, 0), "position 1");
            rejects(() -> TimedJourneys.builder().addNull(List.of("z", bad), new long[] {1, 2}), "position 2");
        }
        List<String> odd = List.of("café", "日本", "\uD83D\uDE42", "a b", "(start", "start)", "x,y", "\"q\"", "tab\tin");
        Journeys.Accumulator acc = Journeys.Accumulator.create();
        for (int i = 0; i < odd.size(); i++) {
            acc.add(List.of(odd.get(i), odd.get((i + 1) % odd.size())), i, i * 1.5, 1);
        }
        Journeys j = acc.snapshot();
        StringBuilder csv = new StringBuilder();
        j.writeCsv(csv);
        Journeys back = Journeys.readCsv(new StringReader(csv.toString()));
        assertEquals(byPath(j), byPath(back));
        assertEquals(j.channels(), back.channels());
    }

    @Test
    void repeatedOrUntrimmedNamesInTheFastPathAreOneChannelOrRejected() {
        rejects(() -> JourneyBuilder.withDefaults().build(new long[] {1}, new long[] {1}, new int[] {0},
                List.of("a", " a "), new long[0], new long[0], new double[0]), "channels[1]", "repeats channels[0]");
        TimedJourneys t = JourneyBuilder.withDefaults().build(new long[] {1}, new long[] {1}, new int[] {0},
                List.of(" a "), new long[] {1}, new long[] {1}, new double[] {1});
        assertEquals(List.of("a"), t.channels());
    }

    // Item 14: NaN credits.

    @Test
    void attributionOfRejectsNaNInfiniteAndNegativeCredits() {
        rejects(() -> Attribution.of("m", List.of("a", "b"), new double[] {1, Double.NaN}, new double[] {0, 0}),
                "conversions[1] (b)", "NaN");
        rejects(() -> Attribution.of("m", List.of("a"), new double[] {1}, new double[] {Double.POSITIVE_INFINITY}),
                "values[0] (a)", "Infinity");
        rejects(() -> Attribution.of("m", List.of("a"), new double[] {-1}, new double[] {0}), "conversions[0]",
                "-1.0");
        rejects(() -> Attribution.of("m", List.of("a", "a"), new double[] {1, 1}, new double[] {0, 0}),
                "channels[1]", "repeats");
        rejects(() -> Attribution.of("m", java.util.Arrays.asList("a", null), new double[] {1, 1},
                new double[] {0, 0}), "channels[1]");
    }

    @Test
    void overflowingTotalsAreRejectedNotInfinite() {
        rejects(() -> Journeys.ofPaths(new String[] {"a", "b"}, new double[] {Double.MAX_VALUE, Double.MAX_VALUE},
                new double[] {0, 0}, new double[] {0, 0}), "too large", "2^1020");
        rejects(() -> JourneyBuilder.withDefaults().build(new String[] {"u", "u"}, new long[] {1, 2},
                new String[] {"a", "a"}, new double[] {Double.MAX_VALUE, Double.MAX_VALUE}, new String[0],
                new long[0], new double[0]), "touchCosts", "'a'");
    }

    @Test
    void aJourneyCyclingBetweenTwoChannelsForAHundredThousandTouchesIsSolved() {
        // Escape from the a <-> b cycle has probability 1e-5 per step: the sweeps stall, the direct solve answers.
        List<String> cycle = new ArrayList<>();
        for (int i = 0; i < 100_000; i++) {
            cycle.add(i % 2 == 0 ? "a" : "b");
        }
        Journeys j = Journeys.Accumulator.create().add(cycle, 3, 30, 1).add(List.of("c"), 0, 0, 4).snapshot();
        for (int order = 1; order <= 4; order++) {
            MarkovResult m = MarkovAttribution.withDefaults().withOrder(order).attribute(j);
            assertEquals(3.0 / 8, m.conversionProbability(), 1e-12, m.toString());
            assertArrayEquals(new double[] {1.5, 1.5, 0}, m.attribution().conversions(), 1e-9, m.toString());
            assertArrayEquals(new double[] {15, 15, 0}, m.attribution().values(), 1e-8, m.toString());
        }
    }

    @Test
    void indexesOutOfRangeAreArgumentErrors() {
        Journeys j = Journeys.ofPaths(new String[] {"a"}, new double[] {1}, new double[] {0}, new double[] {0});
        rejects(() -> j.path(1), "i must lie in [0, 1)", "1");
        rejects(() -> j.conversions(-1), "i must lie in [0, 1)", "-1");
        TimedJourneys t = TimedJourneys.builder().addNull(List.of("a"), new long[] {1}).build();
        rejects(() -> t.journeyTimes(3), "i must lie in [0, 1)", "3");
        AttributionComparison c = AttributionComparison.of(List.of(HeuristicAttribution.withDefaults().linear(j)));
        rejects(() -> c.returnOnSpend(1, 0), "model", "1");
        rejects(() -> c.returnOnSpend(0, 5), "channel", "5");
    }

    // Serialization.

    @Test
    void heuristicAttributionRoundTripsAndACraftedStreamIsRefused() throws Exception {
        HeuristicAttribution h = HeuristicAttribution.withDefaults().withDirectChannel("seo")
                .withPositionWeights(0.3, 0.5).withHalfLife(Duration.ofHours(5));
        assertEquals(h.toString(), roundTrip(h).toString());
        Object proxy = proxyOf(HeuristicAttribution.class, h);
        set(proxy, "firstWeight", Double.NaN);
        assertThrows(InvalidObjectException.class, () -> readBack(proxy));
        Object blank = proxyOf(HeuristicAttribution.class, h);
        set(blank, "directChannel", " ");
        assertThrows(InvalidObjectException.class, () -> readBack(blank));
        Object negative = proxyOf(HeuristicAttribution.class, h);
        set(negative, "halfLife", Duration.ofSeconds(-1));
        assertThrows(InvalidObjectException.class, () -> readBack(negative));
        // A stream naming the class itself (same fields, not through the proxy) is refused too.
        byte[] bytes = write(proxyOf(HeuristicAttribution.class, h));
        String from = HeuristicAttribution.class.getName() + "$Proxy";
        String to = HeuristicAttribution.class.getName();
        assertThrows(InvalidObjectException.class, () -> read(renameClass(bytes, from, to)));
    }

    // Order and split invariance of path counts, bitwise.

    @Test
    void pathCountsAreBitwiseEqualAfterShufflingAndAnySplitAndCombine() {
        Property.forAll("path counts: shuffle, split, combine", 200, r -> {
            int n = Property.between(r, 1, 60);
            List<List<String>> paths = new ArrayList<>();
            double[][] counts = new double[n][];
            for (int i = 0; i < n; i++) {
                List<String> path = new ArrayList<>();
                for (int k = Property.between(r, 1, 4); k > 0; k--) {
                    path.add("c" + r.nextInt(4));
                }
                paths.add(path);
                double c = awkward(r);
                counts[i] = new double[] {c, c > 0 ? awkward(r) : 0, awkward(r)};
            }
            Journeys whole = accumulate(paths, counts, Property.shuffledPermutation(r, n), 1, r);
            Map<String, List<Long>> expected = byPath(whole);
            for (int parts : new int[] {1, 2, 3, 7}) {
                Journeys other = accumulate(paths, counts, Property.shuffledPermutation(r, n), parts, r);
                assertEquals(expected, byPath(other));
                assertEquals(Double.doubleToLongBits(whole.totalValue()), Double.doubleToLongBits(other.totalValue()));
                assertEquals(Double.doubleToLongBits(whole.totalConversions()),
                        Double.doubleToLongBits(other.totalConversions()));
            }
        });
    }

    /** A count or value that makes floating-point sums round: fractions, 2^53 + 1 neighbours, subnormals. */
    private static double awkward(SplittableRandom r) {
        switch (r.nextInt(8)) {
            case 0:
                return 0;
            case 1:
                return 0.1 * Property.between(r, 1, 9);
            case 2:
                return 0x1p53;
            case 3:
                return Double.MIN_VALUE * Property.between(r, 1, 5);
            case 4:
                return 1e15 + r.nextDouble();
            case 5:
                return 1;
            default:
                return r.nextDouble() * 1000;
        }
    }

    private static Journeys accumulate(List<List<String>> paths, double[][] counts, int[] order, int parts,
            SplittableRandom r) {
        List<Journeys.Accumulator> accs = new ArrayList<>();
        for (int p = 0; p < parts; p++) {
            accs.add(Journeys.Accumulator.create());
        }
        for (int i : order) {
            accs.get(r.nextInt(parts)).add(paths.get(i), counts[i][0], counts[i][1], counts[i][2]);
        }
        Journeys.Accumulator total = Journeys.Accumulator.create();
        for (int p : Property.shuffledPermutation(r, parts)) {
            total.combine(accs.get(p));
        }
        return total.snapshot();
    }

    // Shapley: general = simplified up to 20 channels, and a hand-worked value.

    @Test
    void exactGeneralShapleyEqualsTheSimplifiedFormulaUpToTwentyChannels() {
        Property.forAll("general = simplified, 8..20 channels", 13, r -> {
            int channels = 8 + r.nextInt(13);
            Journeys.Accumulator acc = Journeys.Accumulator.create();
            for (int c = 0; c < channels; c++) {
                acc.add(List.of("c" + c), 1, 1, 0);
            }
            for (int i = Property.between(r, 1, 80); i > 0; i--) {
                List<String> path = new ArrayList<>();
                for (int k = Property.between(r, 1, 8); k > 0; k--) {
                    path.add("c" + r.nextInt(channels));
                }
                double conv = Property.between(r, 0, 9);
                acc.add(path, conv, conv * r.nextDouble(), 1);
            }
            Journeys j = acc.snapshot();
            assertEquals(channels, j.channels().size());
            Attribution s = ShapleyAttribution.withDefaults().simplified(j);
            ShapleyResult g = ShapleyAttribution.withDefaults().general(j);
            assertTrue(g.exact());
            for (String c : j.channels()) {
                assertEquals(s.conversions(c), g.attribution().conversions(c), 1e-12 * j.totalConversions(), c);
                assertEquals(s.value(c), g.attribution().value(c), 1e-12 * (1 + j.totalValue()), c);
            }
        });
        // Exactly 20, the largest exact enumeration.
        Journeys.Accumulator acc = Journeys.Accumulator.create();
        for (int c = 0; c < ShapleyAttribution.MAX_EXACT_CHANNELS; c++) {
            acc.add(List.of("c" + c, "c" + ((c + 1) % 20), "c" + ((c + 7) % 20)), c + 1, 0, 0);
        }
        Journeys j = acc.snapshot();
        ShapleyResult g = ShapleyAttribution.withDefaults().general(j);
        assertTrue(g.exact());
        Attribution s = ShapleyAttribution.withDefaults().simplified(j);
        for (String c : j.channels()) {
            assertEquals(s.conversions(c), g.attribution().conversions(c), 1e-12 * j.totalConversions(), c);
        }
    }

    /**
     * Worked by hand from the definition. Journeys by channel set: {a} 10 conversions, {a, b} 6, {b, c} 4,
     * {a, b, c} 3; so v(a) = 10, v(b) = v(c) = 0, v(ab) = 16, v(ac) = 10, v(bc) = 4, v(abc) = 23. With weights
     * 1/3 (empty coalition), 1/6 (one other player), 1/3 (both others):
     * phi_a = 10/3 + (16 - 0)/6 + (10 - 0)/6 + (23 - 4)/3 = 14;
     * phi_b = 0/3 + (16 - 10)/6 + (4 - 0)/6 + (23 - 10)/3 = 6;
     * phi_c = 0/3 + (10 - 10)/6 + (4 - 0)/6 + (23 - 16)/3 = 3.
     * Values are 10 per conversion, so the value credits are 140, 60 and 30.
     */
    @Test
    void shapleyMatchesAHandWorkedGame() {
        Journeys j = Journeys.ofPaths(new String[] {"a", "b > a", "c > b > c", "a > c > b > a"},
                new double[] {10, 6, 4, 3}, new double[] {100, 60, 40, 30}, new double[] {5, 0, 2, 1});
        for (Attribution a : List.of(ShapleyAttribution.withDefaults().general(j).attribution(),
                ShapleyAttribution.withDefaults().simplified(j))) {
            assertArrayEquals(new double[] {14, 6, 3}, a.conversions(), 1e-13, a.model());
            assertArrayEquals(new double[] {140, 60, 30}, a.values(), 1e-12, a.model());
        }
    }

    // The adversary.

    private static final String[] NAMES = {"a", "b", "café", "日本", "\uD83D\uDE42", " padded ", "", "  ", null,
        "(start)", "(conversion)", "(null)", "x>y", "x;y", "line\nbreak", "Z", "a"};
    private static final String[] CUSTOMERS = {"u1", "u2", "", " ", "ü", "\uD83D\uDE42", null, "u1"};
    private static final long[] TIMES = {0, -1, 1, Long.MIN_VALUE, Long.MAX_VALUE, Long.MIN_VALUE + 1,
        Long.MAX_VALUE - 1, 1_700_000_000L, -62_135_596_800L, (1L << 53) + 1};
    private static final double[] AMOUNTS = {0, 1, 0.1, 1e308, Double.MAX_VALUE, Double.MIN_VALUE, 0x1p53 + 2, 25.5,
        -0.0, Double.NaN, -1, Double.POSITIVE_INFINITY};

    @Test
    void journeysFromAdversarialEventsAreFiniteAndOrderIndependentOrRejected() {
        Property.forAll("adversarial journeys", 400, r -> {
            int n = r.nextInt(5) == 0 ? r.nextInt(2) : Property.between(r, 1, 25);
            int m = r.nextInt(5) == 0 ? r.nextInt(2) : Property.between(r, 1, 10);
            boolean clean = r.nextBoolean();
            String[] tc = new String[n];
            long[] tt = new long[n];
            String[] ch = new String[n];
            double[] cost = new double[n];
            for (int i = 0; i < n; i++) {
                tc[i] = pick(r, CUSTOMERS, clean ? 2 : CUSTOMERS.length);
                tt[i] = r.nextInt(3) == 0 ? TIMES[r.nextInt(TIMES.length)] : 1000 + r.nextInt(50);
                ch[i] = pick(r, NAMES, clean ? 6 : NAMES.length);
                cost[i] = pick(r, clean ? 8 : AMOUNTS.length);
            }
            String[] cc = new String[m];
            long[] ct = new long[m];
            double[] cv = new double[m];
            for (int i = 0; i < m; i++) {
                cc[i] = pick(r, CUSTOMERS, clean ? 2 : CUSTOMERS.length);
                ct[i] = r.nextInt(3) == 0 ? TIMES[r.nextInt(TIMES.length)] : 1000 + r.nextInt(60);
                cv[i] = pick(r, clean ? 8 : AMOUNTS.length);
            }
            if (!clean && r.nextInt(4) == 0) {
                cv = java.util.Arrays.copyOf(cv, m + 1);
            }
            JourneyBuilder b = JourneyBuilder.withDefaults()
                    .withLookback(Duration.ofSeconds(r.nextBoolean() ? Long.MAX_VALUE : 1 + r.nextInt(40)));
            if (r.nextBoolean()) {
                b = b.withSessionGap(Duration.ofSeconds(r.nextBoolean() ? Long.MAX_VALUE : r.nextInt(5)));
            }
            double[] costs = r.nextBoolean() ? cost : null;
            TimedJourneys t;
            try {
                t = b.build(tc, tt, ch, costs, cc, ct, cv);
            } catch (IllegalArgumentException e) {
                assertTrue(e.getMessage() != null && !e.getMessage().isBlank());
                return;
            }
            int[] perm = Property.shuffledPermutation(r, n);
            int[] permC = Property.shuffledPermutation(r, m);
            TimedJourneys s = b.build(permute(tc, perm), permute(tt, perm), permute(ch, perm),
                    costs == null ? null : permute(costs, perm), permute(cc, permC), permute(ct, permC),
                    permute(cv, permC));
            assertEquals(journeyMultiset(t), journeyMultiset(s));
            assertEquals(t.unattributedConversions(), s.unattributedConversions());
            assertEquals(Double.doubleToLongBits(t.unattributedValue()), Double.doubleToLongBits(s.unattributedValue()));
            assertEquals(channelCosts(t), channelCosts(s));
            checkModels(t);
        });
    }

    private static void checkModels(TimedJourneys t) {
        Journeys j;
        try {
            j = t.toJourneys();
        } catch (IllegalArgumentException e) {
            assertTrue(e.getMessage().contains("too large"), e.getMessage());
            return;
        }
        HeuristicAttribution h = HeuristicAttribution.withDefaults();
        List<Attribution> all = new ArrayList<>(List.of(h.firstTouch(j), h.lastTouch(j), h.lastNonDirectTouch(j),
                h.linear(j), h.positionBased(j), ShapleyAttribution.withDefaults().simplified(j),
                ShapleyAttribution.withDefaults().general(j).attribution(),
                MarkovAttribution.withDefaults().attribute(j).attribution(),
                MarkovAttribution.withDefaults().withOrder(3).withNulls(false).attribute(j).attribution()));
        try {
            all.add(h.timeDecay(t));
        } catch (IllegalArgumentException e) {
            // Credits may only overflow where the values are near the largest double.
            assertTrue(j.totalValue() > 1e300, e.getMessage());
        }
        for (Attribution a : all) {
            assertEquals(j.totalConversions(), a.totalConversions(), 1e-9 * (1 + j.totalConversions()), a.model());
            assertEquals(j.totalValue(), a.totalValue(), 1e-9 * (1 + j.totalValue()), a.model());
        }
    }

    // Helpers.

    private static List<String> names(TimedJourneys t, int journey) {
        List<String> out = new ArrayList<>();
        for (int c : t.journeyChannels(journey)) {
            out.add(t.channels().get(c));
        }
        return out;
    }

    private static Map<String, List<Long>> byPath(Journeys j) {
        Map<String, List<Long>> out = new TreeMap<>();
        for (int i = 0; i < j.size(); i++) {
            out.put(j.path(i), List.of(Double.doubleToLongBits(j.conversions(i)), Double.doubleToLongBits(j.value(i)),
                    Double.doubleToLongBits(j.nulls(i))));
        }
        return out;
    }

    /** Each journey as text (channels, times, conversion, value bits), sorted: the multiset of journeys. */
    private static List<String> journeyMultiset(TimedJourneys t) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < t.size(); i++) {
            out.add(names(t, i) + java.util.Arrays.toString(t.journeyTimes(i)) + t.converted(i)
                    + Double.doubleToLongBits(t.value(i)));
        }
        out.sort(null);
        return out;
    }

    private static Map<String, Long> channelCosts(TimedJourneys t) {
        Map<String, Long> out = new TreeMap<>();
        double[] c = t.channelCosts();
        for (int i = 0; i < c.length; i++) {
            out.put(t.channels().get(i), Double.doubleToLongBits(c[i]));
        }
        return out;
    }

    private static String pick(SplittableRandom r, String[] pool, int bound) {
        return pool[r.nextInt(bound)];
    }

    private static double pick(SplittableRandom r, int bound) {
        return AMOUNTS[r.nextInt(bound)];
    }

    private static String[] permute(String[] a, int[] p) {
        String[] out = new String[a.length];
        for (int i = 0; i < p.length; i++) {
            out[i] = a[p[i]];
        }
        return out;
    }

    private static long[] permute(long[] a, int[] p) {
        long[] out = new long[a.length];
        for (int i = 0; i < p.length; i++) {
            out[i] = a[p[i]];
        }
        return out;
    }

    private static double[] permute(double[] a, int[] p) {
        double[] out = java.util.Arrays.copyOf(a, a.length);
        for (int i = 0; i < p.length; i++) {
            out[i] = a[p[i]];
        }
        return out;
    }

    static Object proxyOf(Class<?> type, Object value) throws ReflectiveOperationException {
        Class<?> proxy = Class.forName(type.getName() + "$Proxy");
        Constructor<?> c = proxy.getDeclaredConstructor(type);
        c.setAccessible(true);
        return c.newInstance(value);
    }

    static void set(Object target, String field, Object value) throws ReflectiveOperationException {
        Field f = target.getClass().getDeclaredField(field);
        f.setAccessible(true);
        f.set(target, value);
    }

    static byte[] write(Object o) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(o);
        }
        return bytes.toByteArray();
    }

    static Object read(byte[] bytes) throws IOException, ClassNotFoundException {
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes))) {
            return in.readObject();
        }
    }

    static Object readBack(Object o) throws IOException, ClassNotFoundException {
        return read(write(o));
    }

    @SuppressWarnings("unchecked")
    static <T> T roundTrip(T o) throws IOException, ClassNotFoundException {
        return (T) readBack(o);
    }

    /** The stream with one class name (a length-prefixed modified UTF-8 string) replaced by another. */
    static byte[] renameClass(byte[] stream, String from, String to) {
        byte[] f = from.getBytes(StandardCharsets.UTF_8);
        byte[] t = to.getBytes(StandardCharsets.UTF_8);
        for (int i = 2; i + f.length <= stream.length; i++) {
            if (java.util.Arrays.equals(stream, i, i + f.length, f, 0, f.length)
                    && ((stream[i - 2] & 0xff) << 8 | stream[i - 1] & 0xff) == f.length) {
                byte[] out = new byte[stream.length - f.length + t.length];
                System.arraycopy(stream, 0, out, 0, i - 2);
                out[i - 2] = (byte) (t.length >>> 8);
                out[i - 1] = (byte) t.length;
                System.arraycopy(t, 0, out, i, t.length);
                System.arraycopy(stream, i + f.length, out, i + t.length, stream.length - i - f.length);
                return out;
            }
        }
        throw new AssertionError("class name not found in the stream");
    }
}
