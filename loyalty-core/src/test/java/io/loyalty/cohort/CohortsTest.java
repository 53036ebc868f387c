package io.loyalty.cohort;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.loyalty.cohort.CohortMatrices.Measure;
import io.loyalty.data.Transaction;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Cohort matrices on a small example worked by hand. */
class CohortsTest {
    private static final List<Transaction> SMALL = List.of(
            Transaction.of("A", LocalDate.of(2024, 1, 5), 10),
            Transaction.of("A", LocalDate.of(2024, 1, 20), 20),
            Transaction.of("A", LocalDate.of(2024, 3, 2), 5),
            Transaction.of("B", LocalDate.of(2024, 1, 10), 7),
            Transaction.of("B", LocalDate.of(2024, 2, 11), 3),
            Transaction.of("C", LocalDate.of(2024, 2, 1), 4),
            Transaction.of("C", LocalDate.of(2024, 4, 15), 6));

    private static Cohorts monthly() {
        return Cohorts.of(CohortPeriod.MONTH, ZoneOffset.UTC).withDataEnd(LocalDate.of(2024, 4, 20));
    }

    @Test
    void monthlyMatricesMatchTheHandCount() {
        CohortMatrices m = monthly().withBrackets(Bracket.of(1, 1), Bracket.of(2, 3)).matrices(SMALL);
        assertEquals(List.of("2024-01", "2024-02"), m.labels());
        assertArrayEquals(new long[] {2, 1}, m.sizes());
        assertArrayEquals(new double[] {2, 1, 1, 0}, m.matrix(Measure.RETURN_ON_COUNT)[0]);
        assertArrayEquals(new double[] {1, 0, 1}, m.matrix(Measure.RETURN_ON_COUNT)[1]);
        assertArrayEquals(new double[] {1, 0.5, 0.5, 0}, m.matrix(Measure.RETURN_ON_SHARE)[0]);
        assertArrayEquals(new double[] {2, 2, 1, 0}, m.matrix(Measure.RETURN_ON_OR_AFTER_COUNT)[0]);
        assertArrayEquals(new double[] {1, 1, 1}, m.matrix(Measure.RETURN_ON_OR_AFTER_COUNT)[1]);
        assertArrayEquals(new double[] {37, 3, 5, 0}, m.matrix(Measure.REVENUE)[0]);
        assertArrayEquals(new double[] {18.5, 20, 22.5, 22.5}, m.matrix(Measure.CUMULATIVE_REVENUE_PER_CUSTOMER)[0]);
        assertArrayEquals(new double[] {1, 3.0 / 37, 5.0 / 37, 0}, m.matrix(Measure.NET_REVENUE_RETENTION)[0], 1e-15);
        assertArrayEquals(new double[] {4, 0, 6}, m.matrix(Measure.REVENUE)[1]);
        assertTrue(m.lastPeriodIncomplete());
        assertTrue(m.isIncomplete(0, 3));
        assertTrue(m.isIncomplete(1, 2));
        assertFalse(m.isIncomplete(0, 2));
        assertArrayEquals(new double[] {1, 1}, m.bracketMatrix(false)[0]);
        assertArrayEquals(new double[] {0, 1}, m.bracketMatrix(false)[1]);
        assertTrue(m.isBracketIncomplete(1, 1));
        assertFalse(m.isBracketIncomplete(0, 0));
    }

    @Test
    void quartersWeeksAndDaysLabelTheirPeriods() {
        assertEquals(List.of("2024-Q1"), Cohorts.of(CohortPeriod.QUARTER, ZoneOffset.UTC).matrices(SMALL.subList(0, 3))
                .labels());
        assertEquals(List.of("2024-W01", "2024-W02"), Cohorts.of(CohortPeriod.ISO_WEEK, ZoneOffset.UTC)
                .matrices(SMALL.subList(0, 4)).labels());
        assertEquals("2024-01-05", Cohorts.of(CohortPeriod.DAY, ZoneOffset.UTC).matrices(SMALL).labels().get(0));
    }

    @Test
    void theTimeZoneDecidesThePeriod() {
        // 2024-01-31T23:30Z is already February in Paris.
        List<Transaction> t = List.of(Transaction.of("A", Instant.parse("2024-01-31T23:30:00Z"), 1));
        assertEquals("2024-01", Cohorts.of(CohortPeriod.MONTH, ZoneOffset.UTC).matrices(t).labels().get(0));
        assertEquals("2024-02", Cohorts.of(CohortPeriod.MONTH, ZoneId.of("Europe/Paris")).matrices(t).labels()
                .get(0));
    }

    @Test
    void callerGivenCohortsCountFromTheirStart() {
        Map<String, CohortKey> keys = Map.of(
                "A", CohortKey.of("email", Instant.parse("2024-01-01T00:00:00Z")),
                "B", CohortKey.of("search", Instant.parse("2024-01-01T00:00:00Z")),
                "C", CohortKey.of("email", Instant.parse("2024-01-15T00:00:00Z")));
        CohortMatrices m = monthly().matrices(SMALL, keys);
        assertEquals(List.of("email", "search"), m.labels());
        assertArrayEquals(new long[] {2, 1}, m.sizes());
        // email: A at offsets 0, 2; C (start January) at 1, 3. Present to offset 3 (every member starts in January).
        assertArrayEquals(new double[] {1, 1, 1, 1}, m.matrix(Measure.RETURN_ON_COUNT)[0]);
    }

    @Test
    void firstChannelCohortsCountFromEachCustomersFirstPurchase() {
        Map<String, CohortKey> keys = Map.of(
                "A", CohortKey.fromFirstPurchase("email"),
                "B", CohortKey.fromFirstPurchase("search"),
                "C", CohortKey.fromFirstPurchase("email"));
        CohortMatrices m = monthly().matrices(SMALL, keys);
        assertEquals(List.of("email", "search"), m.labels());
        // email: A from January at offsets 0, 2; C from February at 0, 2; present to offset 2 (C's April).
        assertArrayEquals(new double[] {2, 0, 2}, m.matrix(Measure.RETURN_ON_COUNT)[0]);
        assertArrayEquals(new double[] {1, 1, 0, 0}, m.matrix(Measure.RETURN_ON_COUNT)[1]);
        assertEquals(1.0, m.matrix(Measure.RETURN_ON_SHARE)[0][0]);
        assertThrows(IllegalArgumentException.class, () -> CohortKey.of("email", null));
    }

    @Test
    void denseAndStringIdsAgree() {
        int[] dense = {0, 0, 0, 1, 1, 2, 2};
        String[] ids = {"A", "A", "A", "B", "B", "C", "C"};
        long[] sec = new long[SMALL.size()];
        double[] amt = new double[SMALL.size()];
        for (int i = 0; i < sec.length; i++) {
            sec[i] = SMALL.get(i).time().getEpochSecond();
            amt[i] = SMALL.get(i).amount();
        }
        CohortMatrices a = monthly().matrices(dense, sec, amt);
        CohortMatrices b = monthly().matrices(ids, sec, amt);
        for (Measure measure : Measure.values()) {
            assertTrue(java.util.Arrays.deepEquals(a.matrix(measure), b.matrix(measure)), measure.name());
        }
        assertTrue(a.toString().contains("2024-01"));
    }

    @Test
    void rejectsATransactionBeforeItsCohortStart() {
        Map<String, CohortKey> keys = Map.of(
                "A", CohortKey.of("email", Instant.parse("2024-01-06T00:00:00Z")),
                "B", CohortKey.of("search", Instant.parse("2024-01-01T00:00:00Z")),
                "C", CohortKey.of("email", Instant.parse("2024-01-15T00:00:00Z")));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> monthly().matrices(SMALL,
                keys));
        assertTrue(e.getMessage().contains("row 0") && e.getMessage().contains("'A'")
                && e.getMessage().contains("2024-01-05") && e.getMessage().contains("cohort start"), e.getMessage());
    }

    @Test
    void rejectsAnEmptyCohortInput() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> monthly().matrices(List.of()));
        assertTrue(e.getMessage().contains("empty"), e.getMessage());
    }

    @Test
    void rejectsATransactionAfterTheDataEnd() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Cohorts.of(CohortPeriod.MONTH, ZoneOffset.UTC).withDataEnd(LocalDate.of(2024, 3, 1))
                        .matrices(SMALL));
        assertTrue(e.getMessage().contains("row 2") && e.getMessage().contains("after the data end"),
                e.getMessage());
    }

    @Test
    void rejectsMissingKeysNegativeIdsAndBadBrackets() {
        assertThrows(IllegalArgumentException.class, () -> monthly().matrices(SMALL, Map.of()));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> monthly().matrices(new int[] {0, -3}, new long[] {0, 0}, new double[] {1, 1}));
        assertTrue(e.getMessage().contains("customers[1]") && e.getMessage().contains("-3"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Bracket.of(3, 2));
        assertThrows(IllegalArgumentException.class,
                () -> monthly().matrices(new int[] {0}, new long[] {0}, new double[] {Double.NaN}));
    }
}
