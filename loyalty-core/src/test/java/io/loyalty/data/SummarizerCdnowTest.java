package io.loyalty.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Golden test: the CDNOW 1/10 sample summarized with daily periods in weeks to 1997-09-30 equals the published
 * calibration summary (lifetimes' cdnow_customers_summary.csv, 2 decimals) for every one of the 2,357 customers.
 */
class SummarizerCdnowTest {
    private static final LocalDate CALIBRATION_END = LocalDate.of(1997, 9, 30);
    private static final double HALF_CENT = 0.005 + 1e-9;

    private static List<Transaction> calibrationTransactions() {
        return CdnowFixture.sampleTransactions().stream()
                .filter(t -> !t.time().isAfter(Summarizer.endOfDay(PeriodRule.days(), CALIBRATION_END)))
                .collect(Collectors.toList());
    }

    @Test
    void everyCustomerEqualsThePublishedCalibrationSummary() {
        CustomerSummaries s = Summarizer.of(PeriodRule.days().withUnit(7), CALIBRATION_END)
                .summarize(calibrationTransactions());
        List<String[]> published = CdnowFixture.csv("/data/cdnow_customers_summary.csv");
        assertEquals(2357, published.size());
        assertEquals(2357, s.size());
        int sumFrequency = 0;
        for (String[] row : published) {
            int i = s.indexOf(row[0]);
            assertTrue(i >= 0, "customer " + row[0] + " missing");
            assertEquals(Integer.parseInt(row[1]), s.get(i).frequency(), "frequency of customer " + row[0]);
            assertEquals(Double.parseDouble(row[2]), s.get(i).recency(), HALF_CENT, "recency of customer " + row[0]);
            assertEquals(Double.parseDouble(row[3]), s.get(i).t(), HALF_CENT, "T of customer " + row[0]);
            sumFrequency += s.get(i).frequency();
        }
        assertEquals(2457, sumFrequency);
        CustomerSummary first = s.get(s.indexOf("1"));
        assertEquals(2, first.frequency());
        assertEquals(30.43, first.recency(), HALF_CENT);
        assertEquals(38.86, first.t(), HALF_CENT);
    }

    @Test
    void monetaryEqualsThePublishedMeanRepeatSpend() {
        CustomerSummaries s = Summarizer.of(PeriodRule.days().withUnit(7), CALIBRATION_END)
                .summarize(calibrationTransactions());
        List<String[]> published = CdnowFixture.csv("/data/cdnow_customers_summary_with_transactions.csv");
        for (String[] row : published) {
            int i = s.indexOf(row[0]);
            assertEquals(Integer.parseInt(row[1]), s.get(i).frequency(), "x of customer " + row[0]);
            assertEquals(Double.parseDouble(row[4]), s.get(i).monetary(), HALF_CENT, "zbar of customer " + row[0]);
        }
    }

    @Test
    void columnsAndObjectsGiveTheSameSummaries() {
        List<Transaction> txs = calibrationTransactions();
        String[] ids = new String[txs.size()];
        int[] days = new int[txs.size()];
        double[] amounts = new double[txs.size()];
        for (int i = 0; i < ids.length; i++) {
            ids[i] = txs.get(i).customerId();
            days[i] = (int) (txs.get(i).time().getEpochSecond() / 86_400);
            amounts[i] = txs.get(i).amount();
        }
        Summarizer weeks = Summarizer.of(PeriodRule.days().withUnit(7), CALIBRATION_END);
        assertEquals(weeks.summarize(txs), weeks.summarize(TransactionColumns.ofEpochDays(ids, days, amounts)));
        assertEquals(weeks.summarize(txs), weeks.summarize(txs.parallelStream()));
        int[] dense = new int[ids.length];
        for (int i = 0; i < ids.length; i++) {
            dense[i] = Integer.parseInt(ids[i]);
        }
        assertEquals(weeks.summarize(txs), weeks.summarize(TransactionColumns.ofEpochDays(dense, days, amounts)));
    }

    @Test
    void calibrationHoldoutMatchesTheSummaryAndCountsHoldoutPeriods() {
        List<Transaction> all = CdnowFixture.sampleTransactions();
        Summarizer s = Summarizer.of(PeriodRule.days().withUnit(7), LocalDate.of(1998, 6, 30));
        CalibrationHoldout split = s.calibrationHoldout(all, CALIBRATION_END);
        assertEquals(Summarizer.of(PeriodRule.days().withUnit(7), CALIBRATION_END).summarize(calibrationTransactions()),
                split.calibration());
        assertEquals(273.0 / 7, split.holdoutDuration(), 1e-12);
        // Customer 1 bought on 1997-12-12 in the holdout (one day, one row of $26.48).
        int i = split.calibration().indexOf("1");
        assertEquals(1, split.holdoutFrequency()[i]);
        assertEquals(26.48, split.holdoutMonetary()[i], 1e-9);
        long holdoutDays = all.stream().filter(t -> t.time().isAfter(Summarizer.endOfDay(PeriodRule.days(),
                CALIBRATION_END))).map(t -> t.customerId() + "@" + t.time()).distinct().count();
        int sum = 0;
        for (int f : split.holdoutFrequency()) {
            sum += f;
        }
        assertEquals(holdoutDays, sum);
    }

    @Test
    void calibrationHoldoutFromColumnsEqualsTheObjectPath() {
        List<Transaction> all = CdnowFixture.sampleTransactions();
        String[] ids = new String[all.size()];
        int[] days = new int[all.size()];
        double[] amounts = new double[all.size()];
        for (int i = 0; i < ids.length; i++) {
            ids[i] = all.get(i).customerId();
            days[i] = (int) (all.get(i).time().getEpochSecond() / 86_400);
            amounts[i] = all.get(i).amount();
        }
        Summarizer s = Summarizer.of(PeriodRule.days().withUnit(7), LocalDate.of(1998, 6, 30));
        java.time.Instant end = Summarizer.endOfDay(PeriodRule.days(), CALIBRATION_END);
        CalibrationHoldout objects = s.calibrationHoldout(all, end);
        CalibrationHoldout columns = s.calibrationHoldout(TransactionColumns.ofEpochDays(ids, days, amounts), end);
        assertEquals(objects.calibration(), columns.calibration());
        assertTrue(java.util.Arrays.equals(objects.holdoutFrequency(), columns.holdoutFrequency()));
        assertTrue(java.util.Arrays.equals(objects.holdoutMonetary(), columns.holdoutMonetary()));
        assertEquals(objects.holdoutDuration(), columns.holdoutDuration());
    }
}
