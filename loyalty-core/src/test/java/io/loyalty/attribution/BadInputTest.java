package io.loyalty.attribution;

import static io.loyalty.testkit.Outcome.rejects;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Each bad input of the issue gives an IllegalArgumentException naming the row and the value. */
class BadInputTest {

    private static Journeys.Accumulator oneGoodRow() {
        return Journeys.Accumulator.create().add("a > b", 1, 2, 3);
    }

    @Test
    void emptyPath() {
        rejects(() -> oneGoodRow().add("  ", 1, 1, 1), "row 1", "path");
        rejects(() -> oneGoodRow().add(List.of(), 1, 1, 1), "row 1", "empty");
    }

    @Test
    void emptyChannelName() {
        rejects(() -> oneGoodRow().add("a >  > b", 1, 1, 1), "row 1", "empty channel name", "position 2");
        rejects(() -> Journeys.readCsv(new StringReader("h\na > b;1;1;1\nc >;1;1;1\n")), "line 3", "position 2");
    }

    @Test
    void negativeCounts() {
        rejects(() -> oneGoodRow().add("a", -1, 0, 1), "row 1", "conversions", "-1.0");
        rejects(() -> oneGoodRow().add("a", 1, 0, -2), "row 1", "nulls", "-2.0");
        rejects(() -> Journeys.ofPaths(new String[] {"a", "b"}, new double[] {1, Double.NaN}, new double[2],
                new double[2]), "row 1", "NaN");
    }

    @Test
    void negativeValue() {
        rejects(() -> oneGoodRow().add("a", 1, -5, 1), "row 1", "value", "-5.0");
    }

    @Test
    void valueWithoutConversions() {
        rejects(() -> oneGoodRow().add("a", 0, 3.5, 1), "row 1", "3.5", "without conversions");
    }

    @Test
    void touchAfterItsConversion() {
        rejects(() -> TimedJourneys.builder().addConverted(List.of("a"), new long[] {10}, 20, 1)
                .addConverted(List.of("a", "b"), new long[] {10, 31}, 30, 1), "row 1", "31", "after its conversion");
    }

    @Test
    void orderOutsideOneToFour() {
        rejects(() -> MarkovAttribution.withDefaults().withOrder(0), "order", "0");
        rejects(() -> MarkovAttribution.withDefaults().withOrder(5), "order", "5");
    }

    @Test
    void lookbackNotPositive() {
        rejects(() -> JourneyBuilder.withDefaults().withLookback(Duration.ZERO), "lookback", "PT0S");
        rejects(() -> JourneyBuilder.withDefaults().withLookback(Duration.ofDays(-1)), "lookback", "PT-24H");
    }

    @Test
    void eventColumns() {
        rejects(() -> JourneyBuilder.withDefaults().build(new long[] {1}, new long[] {1}, new int[] {3},
                List.of("a"), new long[0], new long[0], new double[0]), "row 0", "3");
        rejects(() -> JourneyBuilder.withDefaults().build(new long[] {1}, new long[] {1}, new int[] {0},
                List.of("a"), new long[] {1}, new long[] {2}, new double[] {-1}), "row 0", "-1.0");
    }

    @Test
    void touchCosts() {
        rejects(() -> JourneyBuilder.withDefaults().build(new long[] {1, 1}, new long[] {1, 2}, new int[] {0, 0},
                new double[] {1, -2}, List.of("a"), new long[0], new long[0], new double[0]), "touchCosts", "row 1",
                "-2.0");
        rejects(() -> JourneyBuilder.withDefaults().build(new String[] {"u"}, new long[] {1}, new String[] {"a"},
                new double[] {Double.NaN}, new String[0], new long[0], new double[0]), "touchCosts", "row 0", "NaN");
        rejects(() -> JourneyBuilder.withDefaults().build(new long[] {1}, new long[] {1}, new int[] {0},
                new double[2], List.of("a"), new long[0], new long[0], new double[0]), "touchCosts");
        rejects(() -> AttributionComparison.of(List.of(HeuristicAttribution.withDefaults().linear(
                oneGoodRow().snapshot()))).withCosts(new double[] {1, -3}), "costs[1]", "b", "-3.0");
    }

    @Test
    void inputsAreNotMutated() {
        long[] tc = {2, 1, 2, 1};
        long[] tt = {50, 40, 10, 5};
        int[] ch = {0, 1, 1, 0};
        long[] cc = {1, 2};
        long[] ct = {45, 60};
        double[] cv = {1, 2};
        JourneyBuilder.withDefaults().build(tc, tt, ch, List.of("a", "b"), cc, ct, cv);
        assertTrue(java.util.Arrays.equals(tt, new long[] {50, 40, 10, 5}));
        assertTrue(java.util.Arrays.equals(tc, new long[] {2, 1, 2, 1}));
    }
}
