package io.loyalty.cohort;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.loyalty.cohort.CohortMatrices.Measure;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InvalidObjectException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.Serializable;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * Issue 15, serialization: Cohorts, Bracket and CohortAccumulator read back only what their factories and
 * invariants allow. Crafted streams are made two ways: the serialized form of a valid object with a field changed
 * by reflection, and the fields of a look-alike class whose name is patched, byte for byte, into the real one's
 * (a stream that skips the serialized form altogether).
 */
class CohortSerializationTest {
    private static final long START = 1_600_000_000L;
    private static final Cohorts COHORTS = Cohorts.of(CohortPeriod.MONTH, ZoneOffset.UTC)
            .withBrackets(Bracket.of(1, 2));

    private static byte[] bytes(Object o) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ObjectOutputStream s = new ObjectOutputStream(out)) {
            s.writeObject(o);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
        return out.toByteArray();
    }

    private static Object read(byte[] b) throws IOException, ClassNotFoundException {
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(b))) {
            return in.readObject();
        }
    }

    private static void readFails(byte[] b, String fragment) {
        InvalidObjectException e = assertThrows(InvalidObjectException.class, () -> read(b));
        assertTrue(e.getMessage().contains(fragment), "message '" + e.getMessage() + "' lacks '" + fragment + "'");
    }

    /** Replaces a class name in a stream by another of the same length (no length prefix changes). */
    private static byte[] renamed(byte[] b, String from, String to) {
        byte[] f = from.getBytes(StandardCharsets.UTF_8);
        byte[] t = to.getBytes(StandardCharsets.UTF_8);
        assertEquals(f.length, t.length);
        byte[] out = b.clone();
        int hits = 0;
        for (int i = 0; i + f.length <= out.length; i++) {
            if (Arrays.equals(out, i, i + f.length, f, 0, f.length)) {
                System.arraycopy(t, 0, out, i, t.length);
                hits++;
            }
        }
        assertEquals(1, hits, "class name " + from + " in the stream");
        return out;
    }

    private static Object serializedForm(Object o) throws ReflectiveOperationException {
        Method m = o.getClass().getDeclaredMethod("writeReplace");
        m.setAccessible(true);
        return m.invoke(o);
    }

    private static void set(Object o, String field, Object value) {
        try {
            Field f = o.getClass().getDeclaredField(field);
            f.setAccessible(true);
            f.set(o, value);
        } catch (ReflectiveOperationException e) {
            throw new AssertionError(e);
        }
    }

    private static Object get(Object o, String field) {
        try {
            Field f = o.getClass().getDeclaredField(field);
            f.setAccessible(true);
            return f.get(o);
        } catch (ReflectiveOperationException e) {
            throw new AssertionError(e);
        }
    }

    private static CohortAccumulator sample() {
        return CohortAccumulator.create(COHORTS).add(new String[] {"a", "a", "b", "c"},
                new long[] {START, START + 40 * 86_400L, START + 70 * 86_400L, START + 3},
                new double[] {0.1, 1e300, -2.5, Double.MIN_VALUE});
    }

    /** A crafted form of a valid accumulator, changed by {@code edit}, must be refused naming the problem. */
    private static void craftedAccumulatorFails(Consumer<Object> edit, String fragment) throws Exception {
        Object form = serializedForm(sample());
        edit.accept(form);
        readFails(bytes(form), fragment);
    }

    @Test
    void validObjectsRoundTripExactly() throws Exception {
        CohortAccumulator acc = sample();
        CohortAccumulator back = (CohortAccumulator) read(bytes(acc));
        assertEquals(acc.transactionCount(), back.transactionCount());
        for (Measure m : Measure.values()) {
            assertTrue(Arrays.deepEquals(acc.snapshot().matrix(m), back.snapshot().matrix(m)), m.name());
        }
        assertArrayEquals(new double[] {0.1, 1e300, 0}, back.snapshot().matrix(Measure.REVENUE)[0]);
        // Exact sums travel exactly: 1e300 + 0.1 + (-1e300) is 0.1 only if nothing was rounded on the way.
        CohortAccumulator sum = CohortAccumulator.create(COHORTS);
        String[] ids = {"z", "y", "x", "w"};
        double[] amounts = {1e300, 0.1, Double.MIN_VALUE, -1e300};
        for (int i = 0; i < ids.length; i++) {
            CohortAccumulator part = CohortAccumulator.create(COHORTS).add(new String[] {ids[i]}, new long[] {START},
                    new double[] {amounts[i]});
            sum = ((CohortAccumulator) read(bytes(sum))).combine((CohortAccumulator) read(bytes(part)));
        }
        assertEquals(0.1, sum.snapshot().matrix(Measure.REVENUE)[0][0], 0);
        // A part whose exact sum is beyond the double range travels exactly too, and comes back into it.
        CohortAccumulator over = CohortAccumulator.create(COHORTS).add(new String[] {"p", "q"},
                new long[] {START, START},
                new double[] {Double.MAX_VALUE, Double.MAX_VALUE});
        assertThrows(IllegalArgumentException.class, over::snapshot);
        CohortAccumulator back2 = ((CohortAccumulator) read(bytes(over))).combine(CohortAccumulator.create(COHORTS).add(
                new String[] {"r"}, new long[] {START}, new double[] {-Double.MAX_VALUE}));
        assertEquals(Double.MAX_VALUE, back2.snapshot().matrix(Measure.REVENUE)[0][0], 0);
        Cohorts c = COHORTS.withDataEnd(Instant.ofEpochSecond(START, 5));
        Cohorts cBack = (Cohorts) read(bytes(c));
        assertEquals(c.toString(), cBack.toString());
        assertEquals(c.dataEnd(), cBack.dataEnd());
        assertEquals(Bracket.of(2, 7), read(bytes(Bracket.of(2, 7))));
    }

    @Test
    void bracketStreamsGoThroughTheCanonicalConstructor() throws Exception {
        // A record is always read through its canonical constructor, which checks from and to.
        Bracket b = Bracket.of(3, 5);
        byte[] good = bytes(b);
        // The ints from = 3, to = 5 are the last 8 bytes of the stream: patch them to from = 5, to = 3.
        byte[] bad = good.clone();
        bad[bad.length - 5] = 5;
        bad[bad.length - 1] = 3;
        readFails(bad, "from=5 to=3");
        byte[] negative = good.clone();
        negative[negative.length - 8] = (byte) 0xFF;
        readFails(negative, "0 <= from <= to");
    }

    @Test
    void cohortsStreamsGoThroughTheFactories() throws Exception {
        Object form = serializedForm(COHORTS);
        set(form, "dataEnd", Instant.MAX);
        readFails(bytes(form), "end = +1000000000-12-31T23:59:59.999999999Z");
        Object nullPeriod = serializedForm(COHORTS);
        set(nullPeriod, "period", null);
        readFails(bytes(nullPeriod), "period must not be null");
        Object nullBracket = serializedForm(COHORTS);
        set(nullBracket, "brackets", new Bracket[] {null});
        readFails(bytes(nullBracket), "brackets[0]");
        Object noBrackets = serializedForm(COHORTS);
        set(noBrackets, "brackets", null);
        readFails(bytes(noBrackets), "brackets must not be null");
        // The fields of a look-alike class, read as Cohorts itself.
        byte[] raw = renamed(bytes(new CohortZ()), "io.loyalty.cohort.CohortZ", "io.loyalty.cohort.Cohorts");
        readFails(raw, "Cohorts is read through its serialized form");
    }

    @Test
    void accumulatorStreamsReCheckEveryInvariant() throws Exception {
        craftedAccumulatorFails(f -> set(f, "cohorts", null), "cohorts must not be null");
        craftedAccumulatorFails(f -> ((long[]) get(f, "size"))[0] = -1, "has size -1");
        craftedAccumulatorFails(f -> ((long[][]) get(f, "active"))[0][0] = 99, "has 99 active");
        craftedAccumulatorFails(f -> ((long[][]) get(f, "lastActive"))[0][0] += 1, "last active");
        craftedAccumulatorFails(f -> ((long[][]) get(f, "lastActive"))[0][0] = -1, "-1 last active");
        craftedAccumulatorFails(f -> ((long[][]) get(f, "bracketCount"))[0][0] = 7, "bracket count 7");
        craftedAccumulatorFails(f -> ((long[][]) get(f, "bracketCount"))[0] = new long[3], "3 bracket counts");
        craftedAccumulatorFails(f -> ((long[][]) get(f, "active"))[0] = new long[200_000], "at most 100000");
        craftedAccumulatorFails(f -> ((double[][][]) get(f, "revenue"))[0][0] = new double[] {Double.NaN},
                "revenue term NaN");
        craftedAccumulatorFails(f -> ((String[]) get(f, "labels"))[0] = " ", "labels[0]");
        craftedAccumulatorFails(f -> {
            String[] labels = (String[]) get(f, "labels");
            labels[1] = labels[0];
        }, "two cohorts are labelled");
        craftedAccumulatorFails(f -> set(f, "size", new long[1]), "differ in length");
        craftedAccumulatorFails(f -> set(f, "transactions", 2L), "but only 2 transactions");
        craftedAccumulatorFails(f -> set(f, "transactions", -4L), "transactions must be >= 0");
        craftedAccumulatorFails(f -> set(f, "lastSecond", Long.MAX_VALUE), "lastSecond");
        craftedAccumulatorFails(f -> ((int[]) get(f, "earliestStart"))[0] = Integer.MIN_VALUE, "starts in periods");
        craftedAccumulatorFails(f -> ((int[]) get(f, "latestStart"))[0] = Integer.MAX_VALUE, "starts in periods");
        // The fields of a look-alike class, read as CohortAccumulator itself.
        byte[] raw = renamed(bytes(new CohortAccumulatoZ()), "io.loyalty.cohort.CohortAccumulatoZ",
                "io.loyalty.cohort.CohortAccumulator");
        readFails(raw, "CohortAccumulator is read through its serialized form");
    }
}

/** Stands in for Cohorts in a stream that skips its serialized form (same name length, patched in). */
final class CohortZ implements Serializable {
    private static final long serialVersionUID = 2L;
    private final CohortPeriod period = null;
}

/** Stands in for CohortAccumulator in a stream that skips its serialized form (same name length, patched in). */
final class CohortAccumulatoZ implements Serializable {
    private static final long serialVersionUID = 2L;
    private final long transactions = -1;
}
