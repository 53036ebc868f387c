package io.loyalty.data;

import static io.loyalty.testkit.Outcome.rejects;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class SummarizerTest {
    private static final LocalDate END = LocalDate.of(2024, 12, 31);
    private static final Summarizer DAYS = Summarizer.of(PeriodRule.days(), END);

    private static Transaction tx(String id, String date, double amount) {
        return Transaction.of(id, LocalDate.parse(date), amount);
    }

    @Test
    void samePeriodPurchasesCountOnceAndTheirValuesAreSummed() {
        CustomerSummaries s = DAYS.summarize(List.of(tx("a", "2024-01-01", 10), tx("a", "2024-01-01", 5),
                tx("a", "2024-01-11", 7), tx("a", "2024-01-11", 3), tx("a", "2024-01-21", 20)));
        CustomerSummary a = s.get(0);
        assertEquals(2, a.frequency());
        assertEquals(20, a.recency());
        assertEquals(365, a.t());
        assertEquals(15, a.monetary(), 1e-12);
        assertEquals(5, a.transactions());
        assertEquals(45, a.totalValue(), 1e-12);
        assertEquals(LocalDate.parse("2024-01-01").atStartOfDay(java.time.ZoneOffset.UTC).toInstant(), a.firstPurchase());
    }

    @Test
    void oneTimeBuyerHasZeroMonetaryAndRecency() {
        CustomerSummary a = DAYS.summarize(List.of(tx("a", "2024-06-01", 10))).get(0);
        assertEquals(0, a.frequency());
        assertEquals(0, a.recency());
        assertEquals(0, a.monetary());
    }

    @Test
    void weeksStartOnMondayAndMonthsAreCalendarMonths() {
        // 2024-01-07 is a Sunday, 2024-01-08 a Monday.
        CustomerSummary w = Summarizer.of(PeriodRule.weeks(), END)
                .summarize(List.of(tx("a", "2024-01-01", 1), tx("a", "2024-01-07", 1), tx("a", "2024-01-08", 1)))
                .get(0);
        assertEquals(1, w.frequency());
        assertEquals(1, w.recency());
        CustomerSummary m = Summarizer.of(PeriodRule.months(), END)
                .summarize(List.of(tx("a", "2024-01-31", 1), tx("a", "2024-02-01", 1), tx("a", "2024-02-29", 1)))
                .get(0);
        assertEquals(1, m.frequency());
        assertEquals(11, m.t());
    }

    @Test
    void fixedDurationPeriodsAndTimeZones() {
        Instant t0 = Instant.parse("2024-03-01T10:00:00Z");
        Summarizer hours = Summarizer.of(PeriodRule.every(Duration.ofHours(6)), t0.plus(Duration.ofDays(1)));
        CustomerSummary h = hours.summarize(List.of(Transaction.of("a", t0, 1),
                Transaction.of("a", t0.plus(Duration.ofHours(1)), 1), Transaction.of("a", t0.plus(Duration.ofHours(3)), 1)))
                .get(0);
        assertEquals(1, h.frequency());
        // 23:30 UTC on 1 March is already 2 March in Tokyo.
        ZoneId tokyo = ZoneId.of("Asia/Tokyo");
        Summarizer local = Summarizer.of(PeriodRule.days(tokyo), LocalDate.of(2024, 3, 10));
        CustomerSummary d = local.summarize(List.of(Transaction.of("a", Instant.parse("2024-03-01T23:30:00Z"), 1),
                Transaction.of("a", Instant.parse("2024-03-02T01:00:00Z"), 1))).get(0);
        assertEquals(0, d.frequency());
    }

    @Test
    void idsAreOrderedNumericallyThenAsText() {
        CustomerSummaries s = DAYS.summarize(List.of(tx("10", "2024-01-01", 1), tx("b", "2024-01-01", 1),
                tx("9", "2024-01-01", 1), tx("a", "2024-01-01", 1), tx("100", "2024-01-01", 1)));
        assertEquals(List.of("9", "10", "100", "a", "b"), s.ids());
    }

    @Test
    void returnsAreNettedOnlyWhenAsked() {
        List<Transaction> txs = List.of(tx("a", "2024-01-01", 10), tx("a", "2024-02-01", 30), tx("a", "2024-02-05", -10));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> DAYS.summarize(txs));
        assertTrue(e.getMessage().contains("row 2") && e.getMessage().contains("-10"), e.getMessage());
        CustomerSummary a = DAYS.withReturnsNetted().summarize(txs).get(0);
        assertEquals(1, a.frequency());
        assertEquals(20, a.monetary(), 1e-12);
        assertEquals(30, a.totalValue(), 1e-12);
        assertEquals(2, a.transactions());
        IllegalArgumentException onlyReturn = assertThrows(IllegalArgumentException.class,
                () -> DAYS.withReturnsNetted().summarize(List.of(tx("b", "2024-01-01", -5))));
        assertTrue(onlyReturn.getMessage().contains("'b'"), onlyReturn.getMessage());
    }

    @Test
    void badInputIsRejectedWithTheRowAndValue() {
        rejects(() -> DAYS.summarize(List.of()), "empty");
        rejects(() -> DAYS.summarize(List.of(tx("a", "2024-01-01", 1), tx("a", "2025-01-01", 1))),
                "time at row 1", "2025-01-01", "after the observation end");
        rejects(() -> Transaction.of(" ", Instant.EPOCH, 1), "customerId", "' '");
        rejects(() -> Transaction.of((String) null, Instant.EPOCH, 1), "customerId", "null");
        rejects(() -> Transaction.of("a", Instant.EPOCH, Double.NaN), "amount", "NaN");
        rejects(() -> Transaction.of("a", Instant.EPOCH, Double.POSITIVE_INFINITY), "amount", "Infinity");
        String[] ids = {"a", null};
        rejects(() -> DAYS.summarize(TransactionColumns.ofEpochDays(ids, new int[] {19_800, 19_800},
                new double[] {1, 1})), "customerId at row 1", "null");
        rejects(() -> DAYS.summarize(TransactionColumns.ofEpochDays(new int[] {0, 1}, new int[] {19_800, 19_800},
                new double[] {1, Double.NaN})), "amount at row 1", "NaN");
        rejects(() -> DAYS.summarize(TransactionColumns.ofEpochDays(new int[] {0, -1}, new int[] {19_800, 19_800},
                new double[] {1, 1})), "row 1", "-1");
        rejects(() -> TransactionColumns.ofEpochDays(new int[] {0, 1}, new int[] {19_800}, new double[] {1, 1}),
                "times has 1 rows");
        rejects(() -> DAYS.summarize(TransactionColumns.ofEpochDays(new int[0], new int[0], new double[0])),
                "empty");
        rejects(() -> DAYS.calibrationHoldout(List.of(tx("a", "2024-01-01", 1)), LocalDate.of(2025, 1, 1)),
                "calibrationEnd");
        rejects(() -> PeriodRule.days().withUnit(0), "periods", "0");
        rejects(() -> PeriodRule.every(Duration.ZERO), "length");
    }

    @Test
    void inputsAreNotModified() {
        int[] ids = {3, 1, 2, 1};
        int[] days = {19_900, 19_800, 19_850, 19_700};
        double[] amounts = {1, 2, 3, 4};
        int[] idsCopy = ids.clone();
        int[] daysCopy = days.clone();
        double[] amountsCopy = amounts.clone();
        List<Transaction> txs = new ArrayList<>(List.of(tx("b", "2024-05-01", 1), tx("a", "2024-01-01", 2)));
        List<Transaction> txsCopy = List.copyOf(txs);
        DAYS.summarize(TransactionColumns.ofEpochDays(ids, days, amounts));
        DAYS.summarize(txs);
        assertTrue(Arrays.equals(idsCopy, ids) && Arrays.equals(daysCopy, days) && Arrays.equals(amountsCopy, amounts));
        assertEquals(txsCopy, txs);
    }

    @Test
    void epochDaysAreCalendarDaysInTheRulesZoneForStringAndDenseIds() {
        // Midnight UTC of a day is the evening before in New York: the day must still be that day's period.
        PeriodRule ny = PeriodRule.days(ZoneId.of("America/New_York"));
        Summarizer s = Summarizer.of(ny, LocalDate.of(2024, 12, 31));
        int[] days = {19_800, 19_700, 19_850, 19_700, 19_900};
        int[] dense = {1, 1, 2, 1, 2};
        String[] text = {"1", "1", "2", "1", "2"};
        double[] amounts = {5, 1, 2, 3, 4};
        CustomerSummaries fromDense = s.summarize(TransactionColumns.ofEpochDays(dense, days, amounts));
        assertEquals(fromDense, s.summarize(TransactionColumns.ofEpochDays(text, days, amounts)));
        long endDay = LocalDate.of(2024, 12, 31).toEpochDay();
        assertEquals(endDay - 19_700, fromDense.get(0).t());
        Instant calibrationEnd = Summarizer.endOfDay(ny, LocalDate.of(2024, 5, 1));
        CalibrationHoldout split = s.calibrationHoldout(TransactionColumns.ofEpochDays(text, days, amounts),
                calibrationEnd);
        assertEquals(LocalDate.of(2024, 5, 1).toEpochDay() - 19_700, split.calibration().get(0).t());
    }

    @Test
    void aDayAfterTheEndIsLateInTheRulesZoneNotAtMidnightUtc() {
        // 1998-07-01 starts at 00:00 UTC, still 1998-06-30 in New York, yet it is a day after the end.
        PeriodRule ny = PeriodRule.days(ZoneId.of("America/New_York")).withUnit(7);
        Summarizer s = Summarizer.of(ny, LocalDate.of(1998, 6, 30));
        int julyFirst = (int) LocalDate.of(1998, 7, 1).toEpochDay();
        int juneThirtieth = julyFirst - 1;
        for (TransactionColumns late : List.of(
                TransactionColumns.ofEpochDays(new String[] {"a", "a"}, new int[] {juneThirtieth - 30, julyFirst},
                        new double[] {1, 2}),
                TransactionColumns.ofEpochDays(new int[] {0, 0}, new int[] {juneThirtieth - 30, julyFirst},
                        new double[] {1, 2}))) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> s.summarize(late));
            assertTrue(e.getMessage().contains("is 1998-07-01, after the observation end"), e.getMessage());
            assertThrows(IllegalArgumentException.class,
                    () -> s.calibrationHoldout(late, Summarizer.endOfDay(ny, LocalDate.of(1998, 6, 1))));
        }
        CustomerSummaries onTime = s.summarize(TransactionColumns.ofEpochDays(new String[] {"a", "a"},
                new int[] {juneThirtieth - 28, juneThirtieth}, new double[] {1, 2}));
        assertEquals(4.0, onTime.get(0).recency(), 1e-12);
        assertEquals(4.0, onTime.get(0).t(), 1e-12);
        // The calibration end's own day belongs to the calibration window.
        Instant calibrationEnd = Summarizer.endOfDay(ny, LocalDate.of(1998, 6, 1));
        int june1 = (int) LocalDate.of(1998, 6, 1).toEpochDay();
        CalibrationHoldout split = s.calibrationHoldout(TransactionColumns.ofEpochDays(new String[] {"a", "a", "a"},
                new int[] {june1 - 14, june1, june1 + 1}, new double[] {1, 2, 3}), calibrationEnd);
        assertEquals(1, split.calibration().get(0).frequency());
        assertEquals(1, split.holdoutFrequency()[0]);
    }

    @Test
    void aSummarizerSurvivesSerialization() throws Exception {
        Summarizer s = Summarizer.of(PeriodRule.weeks(ZoneId.of("Europe/Paris")).withUnit(2), END)
                .withReturnsNetted();
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        try (java.io.ObjectOutputStream out = new java.io.ObjectOutputStream(bytes)) {
            out.writeObject(s);
        }
        Summarizer back;
        try (java.io.ObjectInputStream in = new java.io.ObjectInputStream(
                new java.io.ByteArrayInputStream(bytes.toByteArray()))) {
            back = (Summarizer) in.readObject();
        }
        assertEquals(s.rule(), back.rule());
        assertEquals(s.observationEnd(), back.observationEnd());
        assertTrue(back.netsReturns());
        List<Transaction> txs = List.of(tx("a", "2024-03-01", 4), tx("a", "2024-04-01", -1), tx("a", "2024-06-01", 9));
        assertEquals(s.summarize(txs), back.summarize(txs));
    }

    @Test
    void aCalibrationWindowWithoutTransactionsIsNamed() {
        rejects(() -> DAYS.calibrationHoldout(List.of(tx("a", "2024-06-01", 1)), LocalDate.of(2024, 1, 1)),
                "no transactions on or before the calibration end");
    }
}
