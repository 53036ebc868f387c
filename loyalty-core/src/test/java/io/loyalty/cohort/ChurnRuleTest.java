package io.loyalty.cohort;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.loyalty.data.Transaction;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The inactivity churn rule on a small example worked by hand (gap 10 days, last day 2024-03-31). */
class ChurnRuleTest {
    private static final List<Transaction> T = List.of(
            Transaction.of("A", LocalDate.of(2024, 1, 1), 1),
            Transaction.of("A", LocalDate.of(2024, 1, 5), 1),
            Transaction.of("A", LocalDate.of(2024, 1, 20), 1),
            Transaction.of("A", LocalDate.of(2024, 2, 1), 1),
            Transaction.of("B", LocalDate.of(2024, 3, 25), 1),
            Transaction.of("B", LocalDate.of(2024, 1, 1), 1),
            Transaction.of("C", LocalDate.of(2024, 3, 25), 1),
            Transaction.of("D", LocalDate.of(2024, 3, 21), 1),
            Transaction.of("E", LocalDate.of(2024, 1, 1), 1),
            Transaction.of("E", LocalDate.of(2024, 1, 11), 1));

    private static ChurnRule rule() {
        return ChurnRule.inactivityDays(10, ZoneOffset.UTC).withLastDay(LocalDate.of(2024, 3, 31));
    }

    @Test
    void firstLapseIsChurnAndALapsePastTheEndIsCensored() {
        ChurnDurations d = rule().apply(T);
        assertEquals(List.of("A", "B", "C", "D", "E"), d.ids());
        // A lapses after Jan 5; B after Jan 1; C's 10 days reach past Mar 31; D's end on Mar 31; E's start Jan 11.
        assertArrayEquals(new double[] {4, 0, 6, 0, 10}, d.durations());
        assertArrayEquals(new boolean[] {true, true, false, true, true}, d.churned());
        assertArrayEquals(new double[] {14, 10, 6, 10, 20}, rule().withChurnAtLapseEnd().apply(T).durations());
        assertEquals(4, d.churnCount());
    }

    @Test
    void churnRatesCountThoseAtRiskAtThePeriodStart() {
        ChurnRates r = rule().apply(T).churnRates(CohortPeriod.MONTH);
        assertEquals(List.of("2024-02", "2024-03"), r.labels());
        // Acquired in January: A, B, E; all churned in January (A Jan 5, B Jan 1, E Jan 11). March: C and D
        // acquired in March are not at risk at its start.
        assertArrayEquals(new long[] {0, 0}, r.atRisk());
        assertArrayEquals(new double[] {0, 0}, r.rates());
    }

    @Test
    void churnRatesDivideChurnersByThoseAtRisk() {
        List<Transaction> t = List.of(
                Transaction.of("X", LocalDate.of(2024, 1, 1), 1),
                Transaction.of("X", LocalDate.of(2024, 2, 5), 1),
                Transaction.of("X", LocalDate.of(2024, 2, 10), 1),
                Transaction.of("Y", LocalDate.of(2024, 1, 2), 1),
                Transaction.of("Y", LocalDate.of(2024, 3, 30), 1),
                Transaction.of("Z", LocalDate.of(2024, 2, 20), 1),
                Transaction.of("Z", LocalDate.of(2024, 3, 1), 1));
        // Gap 40, last day Apr 30: X churns Feb 10 (acquired January), Y on Jan 2 (its own month), Z on Mar 1
        // (acquired February).
        ChurnRates r = ChurnRule.inactivityDays(40, ZoneOffset.UTC).withLastDay(LocalDate.of(2024, 4, 30)).apply(t)
                .churnRates(CohortPeriod.MONTH);
        assertEquals(List.of("2024-02", "2024-03", "2024-04"), r.labels());
        assertArrayEquals(new long[] {1, 1, 0}, r.atRisk());
        assertArrayEquals(new long[] {1, 1, 0}, r.churned());
        assertArrayEquals(new double[] {1, 1, 0}, r.rates());
    }

    @Test
    void rejectsAGapAtOrBelowZero() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ChurnRule.inactivityDays(0, ZoneOffset.UTC));
        assertTrue(e.getMessage().contains("gapDays") && e.getMessage().contains("0"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> ChurnRule.inactivityDays(-5, ZoneOffset.UTC));
    }

    @Test
    void rejectsATransactionAfterTheLastDayAndEmptyInput() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ChurnRule.inactivityDays(10, ZoneOffset.UTC).withLastDay(LocalDate.of(2024, 3, 1)).apply(T));
        assertTrue(e.getMessage().contains("row 4") && e.getMessage().contains("2024-03-25"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> rule().apply(List.of()));
    }
}
