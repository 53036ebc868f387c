package io.loyalty.stats;

import static io.loyalty.testkit.Outcome.rejects;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import org.junit.jupiter.api.Test;

/** Issue 18: the one interval type checks its invariants, whichever family makes it. */
class IntervalTest {

    @Test
    void estimateNeverLiesOutsideItsBounds() {
        rejects(() -> Interval.of(0.5, 0.6, 0.9, 0.95, "Wald"), "lower", "0.6", "estimate");
        rejects(() -> Interval.of(1, 0, 0.9, 0.95, "Wald"), "upper", "0.9", "estimate");
        rejects(() -> Interval.of(Double.NaN, 0, 1, 0.95, "Wald"), "estimate", "NaN");
        rejects(() -> Interval.of(0.5, Double.NaN, 1, 0.95, "Wald"), "lower", "NaN");
        rejects(() -> Interval.of(0.5, 0, Double.NaN, 0.95, "Wald"), "upper", "NaN");
        rejects(() -> Interval.of(0.5, 0, 1, 1, "Wald"), "confidence");
        rejects(() -> Interval.of(0.5, 0, 1, 0.95, " "), "method");
        rejects(() -> Interval.of(0.5, 0, 1, 0.95, null), "method");
    }

    @Test
    void boundsMayBeInfiniteOnlyAroundTheEstimate() {
        Interval oneSided = Interval.of(2, Double.NEGATIVE_INFINITY, 3, 0.9, "one-sided");
        assertEquals(Double.POSITIVE_INFINITY, oneSided.marginOfError());
        Interval neverReached = Interval.of(Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY,
                Double.POSITIVE_INFINITY, 0.95, "log");
        assertTrue(neverReached.contains(Double.POSITIVE_INFINITY));
        assertFalse(neverReached.contains(Double.NaN));
        assertEquals("Infinity [Infinity, Infinity] (95% log)", neverReached.toString());
    }

    @Test
    void equalityIsExactAndSerializationRechecks() throws Exception {
        Interval a = Interval.of(0.1, 0.0, 0.2, 0.95, "Wilson");
        assertEquals(a, Interval.of(0.1, 0.0, 0.2, 0.95, "Wilson"));
        assertNotEquals(a, Interval.of(0.1, -0.0, 0.2, 0.95, "Wilson"));
        assertNotEquals(a, Interval.of(0.1, 0.0, 0.2, 0.95, "Wald"));
        assertEquals("0.100000 [0.00000, 0.200000] (95% Wilson)", a.toString());
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(a);
        }
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            assertEquals(a, in.readObject());
        }
    }
}
