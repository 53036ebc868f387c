package io.loyalty.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The edges are what their documentation says, so generators built on them really reach the edges. */
class EdgesTest {
    @Test
    void doublesReachTheExactIntegerLimitSubnormalsAndOverflow() {
        List<Double> d = Edges.FINITE_DOUBLES;
        assertTrue(d.stream().allMatch(Double::isFinite));
        assertTrue(d.contains(Double.MIN_VALUE) && Double.MIN_VALUE < Double.MIN_NORMAL, "a subnormal");
        assertTrue(d.stream().anyMatch(x -> Double.doubleToRawLongBits(x) == Double.doubleToRawLongBits(-0.0)));
        // 2^53 + 1 is not a double: its neighbour above 2^53 is 2^53 + 2.
        assertEquals(Edges.TWO_TO_53 + 2, (long) Math.nextUp((double) Edges.TWO_TO_53));
        assertTrue(d.contains((double) (Edges.TWO_TO_53 - 1)));
        assertTrue(Double.isInfinite(1e308 + 1e308) && d.contains(1e308), "two of 1e308 overflow");
        assertTrue(Edges.NON_FINITE_DOUBLES.stream().noneMatch(Double::isFinite));
    }

    @Test
    void longsAndInstantsReachTheirLimits() {
        assertTrue(Edges.LONGS.containsAll(List.of(Long.MIN_VALUE, Long.MAX_VALUE, Edges.TWO_TO_53 + 1)));
        // 2^53 + 1 and 2^53 are different ids but the same double.
        assertEquals((double) (Edges.TWO_TO_53 + 1), (double) Edges.TWO_TO_53);
        assertTrue(Edges.INSTANTS.containsAll(List.of(Instant.MIN, Instant.MAX)));
        assertTrue(Edges.INSTANTS.stream().anyMatch(t -> t.isBefore(Instant.EPOCH)));
        assertTrue(Edges.INTS.contains(Integer.MIN_VALUE) && Edges.INTS.contains(Integer.MAX_VALUE));
    }

    @Test
    void idsAreDistinctAndTheBlankOnesAreBlank() {
        assertTrue(Edges.BLANK_IDS.stream().allMatch(String::isBlank));
        assertTrue(Edges.TRICKY_IDS.stream().noneMatch(String::isBlank));
        assertEquals(Edges.TRICKY_IDS.size(), new HashSet<>(Edges.TRICKY_IDS).size());
        assertNotEquals("\u00e9", "e\u0301");
    }

    @Test
    void orEdgeMixesEdgesIntoOrdinaryValues() {
        SplittableRandom r = new SplittableRandom(Property.DEFAULT_SEED);
        int edges = 0;
        for (int i = 0; i < 1000; i++) {
            double x = Edges.orEdge(r, 0.2, Edges.FINITE_DOUBLES, 3.25);
            if (x != 3.25) {
                edges++;
            }
        }
        assertTrue(edges > 100 && edges < 300, "about one in five: " + edges);
    }
}
