package io.loyalty.attribution;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.StringReader;
import java.io.StringWriter;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class JourneyBuilderTest {
    private static final long DAY = 86_400;

    @Test
    void splitsTouchesAtConversionsAppliesTheLookbackAndKeepsTheNullTail() {
        // Customer "u": a(0) b(1d) conv(2d) | c(3d) conv(40d: c is 37 days old, outside 30) | a(41d) b(42d).
        // Customer "v": one conversion without touches.
        String[] tc = {"u", "u", "u", "u", "u"};
        long[] tt = {DAY, 0, 3 * DAY, 42 * DAY, 41 * DAY};
        String[] ch = {"b", "a", "c", "b", "a"};
        TimedJourneys j = JourneyBuilder.withDefaults().build(tc, tt, ch, new String[] {"u", "u", "v"},
                new long[] {40 * DAY, 2 * DAY, 5}, new double[] {7, 3, 9});
        assertEquals(2, j.size());
        assertEquals(List.of("b", "a", "c"), j.channels());
        assertArrayEquals(new int[] {1, 0}, j.journeyChannels(0));
        assertEquals(3, j.value(0));
        assertArrayEquals(new int[] {1, 0}, j.journeyChannels(1));
        assertEquals(false, j.converted(1));
        assertEquals(2, j.unattributedConversions());
        assertEquals(16, j.unattributedValue());
        Journeys agg = j.toJourneys();
        assertEquals(1, agg.size());
        assertEquals("a > b", agg.path(0));
        assertEquals(1, agg.conversions(0));
        assertEquals(1, agg.nulls(0));
    }

    @Test
    void sessionGapMergesRepeatsOfTheSameChannel() {
        long[] tc = {1, 1, 1, 1};
        long[] tt = {0, 600, 1200, 9000};
        int[] ch = {0, 0, 1, 1};
        TimedJourneys j = JourneyBuilder.withDefaults().withSessionGap(Duration.ofMinutes(30)).build(tc, tt, ch,
                List.of("a", "b"), new long[] {1}, new long[] {10_000}, new double[] {1});
        assertArrayEquals(new int[] {0, 1, 1}, j.journeyChannels(0));
        assertArrayEquals(new long[] {0, 1200, 9000}, j.journeyTimes(0));
    }

    @Test
    void rulesReadBackAsConfigured() {
        JourneyBuilder b = JourneyBuilder.withDefaults();
        assertEquals(Duration.ofDays(30), b.lookback());
        assertEquals(Optional.empty(), b.sessionGap());
        b = b.withLookback(Duration.ofHours(5)).withSessionGap(Duration.ZERO);
        assertEquals(Duration.ofHours(5), b.lookback());
        assertEquals(Optional.of(Duration.ZERO), b.sessionGap());
    }

    @Test
    void sessionGapIsAnInactivityGap() {
        // a every 20 minutes for an hour, gap 30 minutes: one session; then a 31 minutes later: a new touch.
        long[] tt = {0, 1200, 2400, 3600, 3600 + 1860};
        TimedJourneys j = JourneyBuilder.withDefaults().withSessionGap(Duration.ofMinutes(30)).build(
                new long[] {1, 1, 1, 1, 1}, tt, new int[] {0, 0, 0, 0, 0}, List.of("a"), new long[] {1},
                new long[] {10_000}, new double[] {1});
        assertArrayEquals(new long[] {0, 3600 + 1860}, j.journeyTimes(0));
    }

    @Test
    void touchCostsAreSummedPerChannelForReturnOnSpend() {
        // u: a(0, cost 2) b(1d, cost 3) conv(2d, value 30); v: a(100d, cost 5) outside any journey's lookback
        // of a conversion (null journey), w: b(0, cost 1) merged with nothing. Every touch's cost counts.
        TimedJourneys j = JourneyBuilder.withDefaults().build(new String[] {"u", "u", "v", "w"},
                new long[] {0, DAY, 100 * DAY, 0}, new String[] {"a", "b", "a", "b"}, new double[] {2, 3, 5, 1},
                new String[] {"u"}, new long[] {2 * DAY}, new double[] {30});
        assertEquals(true, j.hasCosts());
        assertArrayEquals(new double[] {7, 4}, j.channelCosts());
        Journeys agg = j.toJourneys();
        Attribution last = HeuristicAttribution.withDefaults().lastTouch(agg);
        AttributionComparison cmp = AttributionComparison.of(List.of(last)).withCosts(j.channelCosts());
        assertEquals(true, cmp.hasCosts());
        assertEquals(0, cmp.returnOnSpend(0, 0));
        assertEquals(30.0 / 4, cmp.returnOnSpend(0, 1), 1e-15);
        assertEquals(true, cmp.toString().contains("return on spend"));
        TimedJourneys noCosts = JourneyBuilder.withDefaults().build(new String[] {"u"}, new long[] {0},
                new String[] {"a"}, new String[] {"u"}, new long[] {1}, new double[] {1});
        assertEquals(false, noCosts.hasCosts());
        assertArrayEquals(new double[] {0}, noCosts.channelCosts());
    }

    @Test
    void manyEventsPerCustomerAreSortedByTime() {
        int n = 200;
        long[] tc = new long[n];
        long[] tt = new long[n];
        int[] ch = new int[n];
        for (int i = 0; i < n; i++) {
            tc[i] = 5;
            tt[i] = (long) (n - i) * 60;
            ch[i] = i % 2;
        }
        TimedJourneys j = JourneyBuilder.withDefaults().build(tc, tt, ch, List.of("a", "b"), new long[] {5},
                new long[] {n * 60L}, new double[] {1});
        long[] times = j.journeyTimes(0);
        assertEquals(n, times.length);
        for (int k = 1; k < n; k++) {
            assertEquals(times[k - 1] + 60, times[k]);
        }
    }

    @Test
    void pathsRoundTripThroughTheCsvFormat() {
        Journeys j = Journeys.ofPaths(new String[] {"a > b", " b>a ", "a > b"}, new double[] {1, 0, 2},
                new double[] {1.5, 0, 0.25}, new double[] {3, 4, 0.5});
        StringWriter out = new StringWriter();
        j.writeCsv(out);
        assertEquals("path;total_conversions;total_conversion_value;total_null\n"
                + "a > b;3;1.75;3.5\nb > a;0;0;4\n", out.toString());
        Journeys back = Journeys.readCsv(new StringReader(out.toString()));
        assertEquals(j.size(), back.size());
        assertEquals(j.totalValue(), back.totalValue());
        assertEquals(List.of("a", "b"), Journeys.parsePath("a>b"));
        assertEquals("a > b", Journeys.formatPath(List.of("a", "b")));
    }

    @Test
    void transitionMatrixRowsSumToOne() {
        MarkovResult m = MarkovAttribution.withDefaults().withOrder(2).attribute(GoldenData.journeys());
        TransitionMatrix t = m.transitions();
        double[] rowSum = new double[t.states().size()];
        int[] from = t.from();
        double[] p = t.probabilities();
        for (int k = 0; k < t.size(); k++) {
            rowSum[from[k]] += p[k];
        }
        for (int s = 0; s < t.states().size() - 2; s++) {
            assertEquals(1, rowSum[s], 1e-12, t.states().get(s));
        }
        assertEquals(TransitionMatrix.START, t.states().get(0));
    }
}
