package io.loyalty.spark;

import io.loyalty.attribution.HeuristicAttribution;
import io.loyalty.cohort.CohortAccumulator;
import io.loyalty.cohort.CohortMatrices;
import io.loyalty.cohort.CohortPeriod;
import io.loyalty.cohort.Cohorts;
import io.loyalty.experiment.SegmentedSummaries;
import io.loyalty.internal.ExactSum;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.ObjectOutputStream;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Partition results travel as Java-serialized bytes; unpacking admits the library's types and the JDK's values only. */
class ShipmentTest {
    private static byte[] serialized(Object o) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(o);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    @Test
    void theLibrarysOwnTypesAndTheJdkValuesTheyHoldComeBack() {
        SegmentTotals t = new SegmentTotals(3);
        SegmentTotals back = Shipment.unpack(Shipment.pack(t), SegmentTotals.class);
        back.add(t);
        ExactSum sum = new ExactSum();
        sum.add(0.1);
        assertEquals(0.1, Shipment.unpack(Shipment.pack(sum), ExactSum.class).value());
        List<Object> values = new ArrayList<>(List.of("a", 1L, ZoneId.of("Europe/Paris"), new long[] {1, 2}));
        assertEquals(values.subList(0, 3), Shipment.unpack(Shipment.pack((Serializable) values), List.class)
                .subList(0, 3));
    }

    /**
     * Each type a partition ships, or a core type that may be shipped, comes back through the filter, with the
     * core's serialization proxies and serialized forms (and the arrays they hold) it now writes instead of itself.
     */
    @Test
    void everyShippedTypeRoundTripsThroughTheFilter() {
        SegmentedSummaries summaries = SegmentedSummaries.of(new int[] {0, 1, 1}, new int[] {0, 0, 1},
                new double[] {1.5, 0.1, 0.2}, List.of("a", "b"), List.of("x", "y"));
        SegmentedSummaries summariesBack = Shipment.unpack(Shipment.pack(summaries), SegmentedSummaries.class);
        assertEquals(summaries.toString(), summariesBack.toString());
        assertEquals(summaries.arm(1), summariesBack.arm(1));
        assertEquals(summaries.cell(1, 1), summariesBack.cell(1, 1));

        HeuristicAttribution model = HeuristicAttribution.withDefaults().withHalfLife(Duration.ofDays(3))
                .withPositionWeights(0.3, 0.5);
        assertEquals(model.toString(), Shipment.unpack(Shipment.pack(model), HeuristicAttribution.class).toString());

        Cohorts cohorts = Cohorts.of(CohortPeriod.MONTH, ZoneId.of("Europe/Paris"));
        assertEquals(cohorts.toString(), Shipment.unpack(Shipment.pack(cohorts), Cohorts.class).toString());
        CohortAccumulator acc = CohortAccumulator.create(cohorts).add(new String[] {"c1", "c1", "c2"},
                new long[] {1_700_000_000L, 1_705_000_000L, 1_702_000_000L}, new double[] {10.25, 0.1, 0.2});
        CohortAccumulator accBack = Shipment.unpack(Shipment.pack(acc), CohortAccumulator.class);
        assertEquals(acc.transactionCount(), accBack.transactionCount());
        assertTrue(Arrays.deepEquals(acc.snapshot().matrix(CohortMatrices.Measure.REVENUE),
                accBack.snapshot().matrix(CohortMatrices.Measure.REVENUE)));
        assertArrayEquals(acc.snapshot().sizes(), accBack.snapshot().sizes());

        assertArrayEquals(new String[] {"a", "", "\u00e9"},
                Shipment.unpack(Shipment.pack(new String[] {"a", "", "\u00e9"}), String[].class));
        assertArrayEquals(new long[] {Long.MIN_VALUE, 0, Long.MAX_VALUE},
                Shipment.unpack(Shipment.pack(new long[] {Long.MIN_VALUE, 0, Long.MAX_VALUE}), long[].class));
        double[][][] cube = {{{1.0, Double.MIN_VALUE}}, {{}, {-0.0, 1e308}}};
        assertTrue(Arrays.deepEquals(cube, Shipment.unpack(Shipment.pack(cube), double[][][].class)));
    }

    /** A crafted stream naming a class outside the filter (here a File, in a list) is refused before it is built. */
    @Test
    void aStreamNamingAnyOtherClassIsRefused() {
        List<Object> crafted = new ArrayList<>(List.of("ok", new File("/etc/passwd")));
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> Shipment.unpack(serialized(crafted), List.class));
        assertTrue(e.getMessage().contains("refused") && e.getMessage().contains("REJECTED"), e.getMessage());
        assertThrows(IllegalStateException.class, () -> Shipment.unpack(serialized(new File("x")), Object.class));
        // Too deep a nesting is refused as well.
        List<Object> deep = new ArrayList<>();
        List<Object> at = deep;
        for (int i = 0; i < 100; i++) {
            List<Object> next = new ArrayList<>();
            at.add(next);
            at = next;
        }
        assertThrows(IllegalStateException.class, () -> Shipment.unpack(serialized(deep), List.class));
    }
}
