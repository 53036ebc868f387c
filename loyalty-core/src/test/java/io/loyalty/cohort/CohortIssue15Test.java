package io.loyalty.cohort;

import static io.loyalty.testkit.Outcome.rejects;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.loyalty.cohort.CohortMatrices.Measure;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The cases of issue 15 in the cohort family, each a named regression test. */
class CohortIssue15Test {
    private static final long START = 1_600_000_000L;
    private static final Cohorts MONTHS = Cohorts.of(CohortPeriod.MONTH, ZoneOffset.UTC);

    private static void assertSame(CohortMatrices expected, CohortMatrices actual) {
        assertEquals(expected.labels(), actual.labels());
        assertArrayEquals(expected.sizes(), actual.sizes());
        for (Measure m : Measure.values()) {
            assertTrue(Arrays.deepEquals(expected.matrix(m), actual.matrix(m)), m.name());
        }
    }

    /** Item 16: int cohort ids of 1e9 sized the arrays by the id and ran out of memory. */
    @Test
    void item16SparseIntIdsUseMemoryOfTheRowsNotOfTheIds() {
        int[] ids = {1_000_000_000, 5, 1_000_000_000, Integer.MAX_VALUE, 0};
        long[] sec = {START, START + 40 * 86_400L, START + 70 * 86_400L, START + 1, START + 100 * 86_400L};
        double[] amt = {10, 20, 30, 40, 50};
        String[] names = Arrays.stream(ids).mapToObj(Integer::toString).toArray(String[]::new);
        assertSame(MONTHS.matrices(names, sec, amt), MONTHS.matrices(ids, sec, amt));
        // A message names the caller's id, not an internal code.
        Cohorts ended = MONTHS.withDataEnd(Instant.ofEpochSecond(START + 50 * 86_400L));
        rejects(() -> ended.matrices(ids, sec, amt), "row 2", "customer '1000000000'");
    }

    /** Item 17: withDataEnd(LocalDate.MAX) leaked a DateTimeException. */
    @Test
    void item17WithDataEndAtTheDateAndInstantLimitsIsAnArgumentError() {
        rejects(() -> MONTHS.withDataEnd(LocalDate.MAX), "lastDay", "+999999999-12-31");
        rejects(() -> MONTHS.withDataEnd(LocalDate.MIN), "lastDay", "-999999999-01-01");
        rejects(() -> MONTHS.withDataEnd(Instant.MAX), "end", "+1000000000-12-31T23:59:59.999999999Z");
        rejects(() -> MONTHS.withDataEnd(Instant.MIN), "end", "-1000000000-01-01T00:00:00Z");
        // A zone far west pushes the end of the last supported day past the supported range.
        rejects(() -> Cohorts.of(CohortPeriod.DAY, ZoneOffset.ofHours(-18)).withDataEnd(LocalDate.of(999_999, 12,
                31)), "lastDay", "+999999-12-31");
        // The limits themselves are supported.
        Cohorts far = Cohorts.of(CohortPeriod.QUARTER, ZoneOffset.UTC).withDataEnd(LocalDate.of(999_999, 12, 31));
        long last = LocalDate.of(999_999, 12, 31).toEpochDay() * 86_400;
        CohortMatrices m = far.matrices(new String[] {"a", "a"}, new long[] {last - 86_400 * 10, last},
                new double[] {1, 2});
        assertEquals("999999-Q4", m.labels().get(0));
        assertArrayEquals(new double[] {3}, m.matrix(Measure.REVENUE)[0]);
    }

    /** Item 17: long limits as epoch seconds leaked DateTimeException or ArithmeticException. */
    @Test
    void item17EpochSecondsAtTheLongLimitsNameTheRow() {
        for (CohortPeriod p : CohortPeriod.values()) {
            for (ZoneId zone : new ZoneId[] {ZoneOffset.UTC, ZoneId.of("America/New_York")}) {
                Cohorts c = Cohorts.of(p, zone);
                rejects(() -> c.matrices(new String[] {"a", "b"}, new long[] {START, Long.MAX_VALUE},
                        new double[] {1, 1}), "epochSeconds[1]", Long.toString(Long.MAX_VALUE));
                rejects(() -> c.matrices(new int[] {0}, new long[] {Long.MIN_VALUE}, new double[] {1}),
                        "epochSeconds[0]", Long.toString(Long.MIN_VALUE));
                rejects(() -> c.matrices(new String[] {"a"}, new long[] {Instant.MAX.getEpochSecond()},
                        new double[] {1}), "epochSeconds[0]");
                rejects(() -> ChurnRule.inactivityDays(30, zone).apply(new String[] {"a"},
                        new long[] {Long.MIN_VALUE}), "epochSeconds[0]", Long.toString(Long.MIN_VALUE));
            }
        }
        rejects(() -> MONTHS.matrices(new String[] {"a"}, new long[] {START}, new double[] {1},
                Map.of("a", CohortKey.of("k", Instant.MIN))), "customer 'a'", Instant.MIN.toString());
    }

    /** Item 17: time spans that would size the matrices by the time values rather than the data. */
    @Test
    void item17MatricesWiderThanTheLimitAreRejected() {
        Cohorts days = Cohorts.of(CohortPeriod.DAY, ZoneOffset.UTC);
        long far = START + 86_400L * Cohorts.MAX_OFFSETS;
        rejects(() -> days.matrices(new String[] {"a", "b"}, new long[] {START, far}, new double[] {1, 1}),
                "span 100001 DAY periods");
        rejects(() -> days.withDataEnd(Instant.ofEpochSecond(far)).matrices(new String[] {"a"},
                new long[] {START}, new double[] {1}), "the earliest cohort and the data end");
        ChurnDurations d = ChurnRule.inactivityDays(30, ZoneOffset.UTC).withLastDay(LocalDate.MAX)
                .apply(new String[] {"a"}, new long[] {START});
        rejects(() -> d.churnRates(CohortPeriod.DAY), "churn rates", "+999999999-12-31");
    }

    /** Item 18: counts of a combined accumulator overflowed silently. */
    @Test
    void item18CombineOverflowFailsAtTheCombine() {
        CohortAccumulator acc = CohortAccumulator.create(MONTHS).add(new String[] {"a"}, new long[] {START},
                new double[] {1});
        for (int i = 0; i < 62; i++) {
            acc.combine(acc);
        }
        assertEquals(1L << 62, acc.transactionCount());
        CohortAccumulator copy = CohortAccumulator.create(MONTHS).combine(acc);
        rejects(() -> acc.combine(copy), "transactions", Long.toString(1L << 62));
        assertEquals(1L << 62, acc.transactionCount());
        assertArrayEquals(new long[] {1L << 62}, acc.snapshot().sizes());
        // 1 + 2 + ... + 2^61 more transactions fill it to Long.MAX_VALUE; one more row fails at its add.
        CohortAccumulator rest = CohortAccumulator.create(MONTHS);
        CohortAccumulator power = CohortAccumulator.create(MONTHS).add(new String[] {"b"}, new long[] {START},
                new double[] {1});
        for (int i = 0; i < 62; i++) {
            rest.combine(power);
            power.combine(power);
        }
        acc.combine(rest);
        assertEquals(Long.MAX_VALUE, acc.transactionCount());
        rejects(() -> acc.add(new String[] {"c"}, new long[] {START}, new double[] {1}), "transactions",
                Long.toString(Long.MAX_VALUE));
        assertEquals(Long.MAX_VALUE, acc.transactionCount());
        assertEquals(Long.MAX_VALUE, Arrays.stream(acc.snapshot().sizes()).sum());
    }

    /** Revenue whose exact sum is beyond the double range gave an infinite cell. */
    @Test
    void revenueBeyondTheDoubleRangeIsRejectedNamingTheCohort() {
        rejects(() -> MONTHS.matrices(new String[] {"a", "b"}, new long[] {START, START + 1},
                new double[] {Double.MAX_VALUE, Double.MAX_VALUE}), "cohort '2020-09'", "offset 0");
        rejects(() -> MONTHS.matrices(new String[] {"a", "a"}, new long[] {START, START + 40 * 86_400L},
                new double[] {Double.MAX_VALUE, Double.MAX_VALUE}), "cohort '2020-09'", "up to offset 1");
        // Cancelling amounts are exact.
        CohortMatrices m = MONTHS.matrices(new String[] {"a", "b", "c"}, new long[] {START, START, START},
                new double[] {Double.MAX_VALUE, Double.MAX_VALUE, -Double.MAX_VALUE});
        assertArrayEquals(new double[] {Double.MAX_VALUE}, m.matrix(Measure.REVENUE)[0]);
    }
}
