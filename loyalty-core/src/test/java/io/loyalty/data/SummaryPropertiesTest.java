package io.loyalty.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.loyalty.testkit.Property;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Invariants of the summaries on seeded random transaction logs. */
class SummaryPropertiesTest {
    private static final LocalDate END = LocalDate.of(2021, 12, 31);
    private static final int END_DAY = (int) END.toEpochDay();

    private static List<Transaction> randomLog(SplittableRandom r) {
        int customers = Property.between(r, 1, 40);
        int rows = Property.between(r, 1, 400);
        List<Transaction> txs = new ArrayList<>(rows);
        for (int i = 0; i < rows; i++) {
            int day = END_DAY - r.nextInt(3 * 365);
            // Quarter amounts are exact in binary, so sums are exact whatever the order of addition; with other
            // amounts the totals agree to floating-point rounding only.
            txs.add(Transaction.of("c" + r.nextInt(customers), LocalDate.ofEpochDay(day), r.nextInt(0, 800) / 4.0));
        }
        return txs;
    }

    @Test
    void summariesDoNotDependOnInputOrder() {
        Property.forAll("order independence", 200, r -> {
            List<Transaction> txs = randomLog(r);
            int[] p = Property.shuffledPermutation(r, txs.size());
            List<Transaction> shuffled = new ArrayList<>(txs.size());
            for (int i : p) {
                shuffled.add(txs.get(i));
            }
            Summarizer s = Summarizer.of(PeriodRule.days().withUnit(7), END);
            assertEquals(s.summarize(txs), s.summarize(shuffled));
        });
    }

    @Test
    void summariesDoNotDependOnHowTheInputIsSplit() {
        Property.forAll("split and combine", 200, r -> {
            List<Transaction> txs = randomLog(r);
            Summarizer s = Summarizer.of(PeriodRule.weeks(), END);
            int parts = Property.between(r, 2, 5);
            List<SummaryAccumulator> accs = new ArrayList<>();
            for (int k = 0; k < parts; k++) {
                accs.add(s.newAccumulator());
            }
            for (Transaction t : txs) {
                accs.get(r.nextInt(parts)).add(t);
            }
            SummaryAccumulator merged = accs.get(0);
            for (int k = 1; k < parts; k++) {
                merged.combine(accs.get(k));
            }
            assertEquals(s.summarize(txs), merged.snapshot());
            assertEquals(txs.size(), merged.rows());
        });
    }

    @Test
    void summariesAreWithinTheirNaturalBounds() {
        Property.forAll("bounds", 200, r -> {
            List<Transaction> txs = randomLog(r);
            CustomerSummaries s = Summarizer.of(PeriodRule.days(), END).summarize(txs);
            long rows = 0;
            for (CustomerSummary c : s.toList()) {
                assertTrue(c.frequency() >= 0 && c.frequency() < c.transactions(), c.toString());
                assertTrue(0 <= c.recency() && c.recency() <= c.t(), c.toString());
                assertTrue(c.monetary() >= 0 && c.monetary() <= c.totalValue() + 1e-9, c.toString());
                assertTrue(!c.lastPurchase().isBefore(c.firstPurchase()), c.toString());
                rows += c.transactions();
            }
            assertEquals(txs.size(), rows);
        });
    }

    @Test
    void denseColumnsAgreeWithObjectsInAnyOrder() {
        Property.forAll("dense columns, time-ordered fast path and general path", 200, r -> {
            List<Transaction> txs = randomLog(r);
            if (r.nextBoolean()) {
                // Time order takes the packed fast path; random order the general one.
                txs.sort(java.util.Comparator.comparing(Transaction::time));
            }
            int n = txs.size();
            int[] ids = new int[n];
            int[] days = new int[n];
            double[] amounts = new double[n];
            for (int i = 0; i < n; i++) {
                ids[i] = Integer.parseInt(txs.get(i).customerId().substring(1));
                days[i] = (int) (txs.get(i).time().getEpochSecond() / 86_400);
                amounts[i] = txs.get(i).amount();
            }
            List<Transaction> renamed = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                renamed.add(Transaction.of(Integer.toString(ids[i]), txs.get(i).time(), amounts[i]));
            }
            Summarizer s = Summarizer.of(PeriodRule.days().withUnit(7), END);
            assertEquals(s.summarize(renamed), s.summarize(TransactionColumns.ofEpochDays(ids, days, amounts)));
        });
    }
}
