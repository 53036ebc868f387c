package io.loyalty.attribution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.loyalty.testkit.AccumulatorContract;
import io.loyalty.testkit.Edges;
import io.loyalty.testkit.Property;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * {@link Journeys.Accumulator} under the shared accumulator contract: one path with its counts is a row. The
 * snapshot's numbering follows first appearance (documented), so snapshots are compared by path name.
 */
class JourneysAccumulatorTest {
    private static final List<String> CHANNELS = List.of("seo", "email", "Caf\u00e9", "\ud83d\ude00", "a b");

    /** Rows: a path (repeats and ties are common) and counts from the edges (0, 2^53 + 2, 1e300, 0.1). */
    private static List<Object[]> rows(SplittableRandom r) {
        int n = switch (r.nextInt(4)) {
            case 0 -> r.nextInt(3);
            case 1 -> Property.between(r, 3, 40);
            default -> Property.between(r, 40, 800);
        };
        List<Double> edges = List.of(0.0, 1.0, 0x1p53 + 2, 1e300, 0.1, Double.MIN_VALUE);
        List<Object[]> rows = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            int len = 1 + r.nextInt(r.nextBoolean() ? 2 : 6);
            List<String> path = new ArrayList<>(len);
            for (int k = 0; k < len; k++) {
                path.add(Edges.pick(r, CHANNELS));
            }
            double conversions = Edges.orEdge(r, 0.3, edges, (double) r.nextInt(5));
            double value = conversions == 0 ? 0 : Edges.orEdge(r, 0.3, edges, r.nextDouble() * 100);
            rows.add(new Object[] {path, conversions, value, Edges.orEdge(r, 0.3, edges, (double) r.nextInt(5))});
        }
        return rows;
    }

    /** Each path's counts to the bit, by path name, and the set of channels. */
    private static Object key(Journeys j) {
        TreeMap<String, List<Long>> byPath = new TreeMap<>();
        for (int i = 0; i < j.size(); i++) {
            byPath.put(j.path(i), List.of(Double.doubleToLongBits(j.conversions(i)),
                    Double.doubleToLongBits(j.value(i)), Double.doubleToLongBits(j.nulls(i))));
        }
        return List.of(byPath, new java.util.TreeSet<>(j.channels()));
    }

    @Test
    @SuppressWarnings("unchecked")
    void snapshotIsOrderAndSplitInvariant() {
        AccumulatorContract.<Object[], Journeys.Accumulator, Journeys>of(JourneysAccumulatorTest::rows,
                Journeys.Accumulator::create,
                (acc, row) -> acc.add((List<String>) row[0], (double) row[1], (double) row[2], (double) row[3]))
                .comparing(JourneysAccumulatorTest::key).check("journeys accumulator", 100);
    }

    @Test
    void aRowRejectedAtItsSecondChannelLeavesNoChannelBehind() {
        Journeys.Accumulator acc = Journeys.Accumulator.create().add("a > b", 1, 2, 3);
        assertThrows(IllegalArgumentException.class, () -> acc.add(List.of("new", " "), 1, 0, 0));
        assertEquals(List.of("a", "b"), acc.snapshot().channels());
    }
}
