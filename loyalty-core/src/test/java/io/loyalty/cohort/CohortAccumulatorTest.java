package io.loyalty.cohort;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.loyalty.cohort.CohortMatrices.Measure;
import io.loyalty.internal.ExactSum;
import io.loyalty.testkit.Property;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Accumulators filled per part of whole customers and combined equal the matrices of all rows at once. */
class CohortAccumulatorTest {
    private static final long START = 1_600_000_000L;

    private static void assertSameMatrices(CohortMatrices expected, CohortMatrices actual) {
        assertEquals(expected.labels(), actual.labels());
        assertArrayEquals(expected.sizes(), actual.sizes());
        assertEquals(expected.dataEnd(), actual.dataEnd());
        assertEquals(expected.lastPeriodIncomplete(), actual.lastPeriodIncomplete());
        for (int c = 0; c < expected.cohortCount(); c++) {
            assertEquals(expected.lastOffset(c), actual.lastOffset(c));
        }
        for (Measure measure : Measure.values()) {
            assertTrue(Arrays.deepEquals(expected.matrix(measure), actual.matrix(measure)), "differs: " + measure);
        }
        assertTrue(Arrays.deepEquals(expected.bracketMatrix(false), actual.bracketMatrix(false)));
    }

    @Test
    void partsOfWholeCustomersCombineToTheMatricesOfAllRows() {
        Property.forAll("cohort accumulator", 200, r -> {
            int n = Property.between(r, 1, 400);
            int m = Property.between(r, 1, 50);
            String[] ids = new String[n];
            long[] sec = new long[n];
            double[] amt = new double[n];
            // Days over two years (up to 730 offsets: the counting-sort path) or months (the bitmask path).
            long span = r.nextBoolean() ? 730L * 86_400 : 90L * 86_400;
            for (int i = 0; i < n; i++) {
                ids[i] = "c" + r.nextInt(m);
                sec[i] = START + r.nextLong(span);
                amt[i] = Math.scalb(r.nextDouble() - 0.2, r.nextInt(40) - 10);
            }
            CohortPeriod period = CohortPeriod.values()[r.nextInt(4)];
            ZoneId zone = r.nextBoolean() ? ZoneOffset.UTC : ZoneId.of("Europe/Paris");
            Cohorts cohorts = Cohorts.of(period, zone).withBrackets(Bracket.of(1, 1), Bracket.of(2, 9));
            CohortMatrices all = cohorts.matrices(ids, sec, amt);

            int parts = Property.between(r, 1, 5);
            List<List<Integer>> rowsOf = new ArrayList<>();
            for (int p = 0; p < parts; p++) {
                rowsOf.add(new ArrayList<>());
            }
            int[] order = Property.shuffledPermutation(r, n);
            for (int i : order) {
                rowsOf.get(Math.floorMod(ids[i].hashCode() * 31 + 7, parts)).add(i);
            }
            List<CohortAccumulator> accs = new ArrayList<>();
            for (List<Integer> rows : rowsOf) {
                CohortAccumulator acc = CohortAccumulator.create(cohorts);
                acc.add(pick(ids, rows), pick(sec, rows), pick(amt, rows));
                accs.add(acc);
            }
            CohortAccumulator merged = CohortAccumulator.create(cohorts);
            for (int p : Property.shuffledPermutation(r, parts)) {
                merged.combine(roundTrip(accs.get(p)));
            }
            assertEquals(n, merged.transactionCount());
            assertSameMatrices(all, merged.snapshot());
        });
    }

    @Test
    void revenueIsTheCorrectlyRoundedExactSum() {
        Property.forAll("exact revenue", 300, r -> {
            int n = Property.between(r, 1, 60);
            ExactSum s = new ExactSum();
            BigDecimal exact = BigDecimal.ZERO;
            for (int i = 0; i < n; i++) {
                double x = Math.scalb(r.nextDouble() - 0.5, r.nextInt(120) - 60);
                s.add(x);
                exact = exact.add(new BigDecimal(x));
            }
            assertEquals(exact.doubleValue(), s.value());
        });
        ExactSum cancel = new ExactSum();
        for (double x : new double[] {1e16, 1, -1e16, 1e-16}) {
            cancel.add(x);
        }
        assertEquals(1 + 1e-16, cancel.value());
        ExactSum zero = new ExactSum();
        zero.add(-0.0);
        assertEquals(0.0, zero.value());
        assertEquals(Double.doubleToLongBits(0.0), Double.doubleToLongBits(zero.value()));
    }

    @Test
    void badBatchesAndMismatchedCalculatorsAreRejected() {
        Cohorts monthly = Cohorts.of(CohortPeriod.MONTH, ZoneOffset.UTC).withDataEnd(LocalDate.of(2020, 12, 31));
        CohortAccumulator acc = CohortAccumulator.create(monthly);
        assertThrows(IllegalStateException.class, acc::snapshot);
        acc.add(new String[] {"a"}, new long[] {START}, new double[] {1});
        IllegalArgumentException late = assertThrows(IllegalArgumentException.class,
                () -> acc.add(new String[] {"b", "c"}, new long[] {START, 1_700_000_000L}, new double[] {1, 2}));
        assertTrue(late.getMessage().contains("row 1") && late.getMessage().contains("'c'"), late.getMessage());
        assertEquals(1, acc.transactionCount(), "a rejected batch changes nothing");
        assertEquals(List.of("2020-09"), acc.snapshot().labels());
        assertThrows(IllegalArgumentException.class,
                () -> acc.combine(CohortAccumulator.create(Cohorts.of(CohortPeriod.MONTH, ZoneOffset.UTC))));
        assertThrows(IllegalArgumentException.class,
                () -> acc.add(new String[] {"a"}, new long[] {START, START}, new double[] {1, 2}));
    }

    private static String[] pick(String[] a, List<Integer> rows) {
        return rows.stream().map(i -> a[i]).toArray(String[]::new);
    }

    private static long[] pick(long[] a, List<Integer> rows) {
        return rows.stream().mapToLong(i -> a[i]).toArray();
    }

    private static double[] pick(double[] a, List<Integer> rows) {
        return rows.stream().mapToDouble(i -> a[i]).toArray();
    }

    /** Through Java serialization, as between a cluster's executors and its driver. */
    private static CohortAccumulator roundTrip(CohortAccumulator acc) {
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
                out.writeObject(acc);
            }
            try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
                return (CohortAccumulator) in.readObject();
            }
        } catch (IOException | ClassNotFoundException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void anEmptyPartAddsNothing() {
        Cohorts cohorts = Cohorts.of(CohortPeriod.DAY, ZoneOffset.UTC);
        CohortAccumulator acc = CohortAccumulator.create(cohorts).add(new String[0], new long[0], new double[0]);
        assertEquals(0, acc.transactionCount());
        acc.combine(CohortAccumulator.create(cohorts).add(new String[] {"x"}, new long[] {START}, new double[] {2.5}));
        assertArrayEquals(new double[] {2.5}, acc.snapshot().matrix(Measure.REVENUE)[0]);
    }
}
