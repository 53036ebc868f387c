package io.loyalty.attribution;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The rule-based weights on hand-computed journeys. */
class HeuristicRulesTest {
    private static final long DAY = 86_400;

    @Test
    void positionBasedGivesOneTouchAllTwoTouchesHalfAndMoreTouches40To20To40() {
        Journeys j = Journeys.ofPaths(new String[] {"a", "b > c", "d > e > f > g"}, new double[] {1, 2, 10},
                new double[] {4, 6, 100}, new double[3]);
        Attribution p = HeuristicAttribution.withDefaults().positionBased(j);
        assertEquals("position 40/20/40", p.model());
        assertEquals(1, p.conversions("a"), 1e-15);
        assertEquals(4, p.value("a"), 1e-15);
        assertEquals(1, p.conversions("b"), 1e-15);
        assertEquals(1, p.conversions("c"), 1e-15);
        assertEquals(3, p.value("c"), 1e-15);
        assertEquals(4, p.conversions("d"), 1e-12);
        assertEquals(1, p.conversions("e"), 1e-12);
        assertEquals(1, p.conversions("f"), 1e-12);
        assertEquals(4, p.conversions("g"), 1e-12);
        assertEquals(40, p.value("g"), 1e-12);
        Attribution q = HeuristicAttribution.withDefaults().withPositionWeights(0.3, 0.5).positionBased(j);
        assertEquals(3, q.conversions("d"), 1e-12);
        assertEquals(1, q.conversions("e"), 1e-12);
        assertEquals(5, q.conversions("g"), 1e-12);
        assertEquals(2 * 0.3 / 0.8, q.conversions("b"), 1e-12);
        assertEquals(1, q.conversions("a"), 1e-15);
    }

    @Test
    void lastNonDirectSkipsTheConfiguredDirectChannel() {
        Journeys j = Journeys.ofPaths(new String[] {"a > direct", "b > direct > direct", "direct", "direct > c"},
                new double[] {1, 2, 4, 8}, new double[] {1, 2, 4, 8}, new double[4]);
        HeuristicAttribution h = HeuristicAttribution.withDefaults();
        Attribution last = h.lastNonDirectTouch(j);
        assertEquals(1, last.conversions("a"), 0);
        assertEquals(2, last.conversions("b"), 0);
        assertEquals(4, last.conversions("direct"), 0); // only direct touches: the last touch keeps it
        assertEquals(8, last.conversions("c"), 0);
        Attribution other = h.withDirectChannel("c").lastNonDirectTouch(j);
        assertEquals(8 + 4 + 2 + 1, other.conversions("direct"), 0);
        assertEquals(0, other.conversions("c"), 0);
        assertEquals(last.totalValue(), other.totalValue(), 0);
    }

    @Test
    void timeDecayHalvesTheWeightPerHalfLifeBeforeTheConversion() {
        // Touches 14, 7 and 0 days before the conversion: weights 1/4, 1/2, 1 of 7/4.
        TimedJourneys t = TimedJourneys.builder().addConverted(List.of("a", "b", "c"),
                new long[] {0, 7 * DAY, 14 * DAY}, 14 * DAY, 7).addNull(List.of("a"), new long[] {0}).build();
        Attribution d = HeuristicAttribution.withDefaults().timeDecay(t);
        assertEquals(1, d.conversions("a") * 7, 1e-12);
        assertEquals(2, d.conversions("b") * 7, 1e-12);
        assertEquals(4, d.conversions("c") * 7, 1e-12);
        assertEquals(1, d.value("a"), 1e-12);
        Attribution oneDay = HeuristicAttribution.withDefaults().withHalfLife(Duration.ofDays(1)).timeDecay(t);
        double w = Math.pow(2, -14) + Math.pow(2, -7) + 1;
        assertEquals(Math.pow(2, -7) / w, oneDay.conversions("b"), 1e-12);
    }
}
