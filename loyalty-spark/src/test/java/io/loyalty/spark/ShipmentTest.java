package io.loyalty.spark;

import io.loyalty.internal.ExactSum;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.ObjectOutputStream;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

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
