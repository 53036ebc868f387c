package io.loyalty.nps;

import static io.loyalty.testkit.Outcome.rejects;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.loyalty.data.CustomerSummaries;
import io.loyalty.data.PeriodRule;
import io.loyalty.data.Summarizer;
import io.loyalty.data.Transaction;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The cases of issue 15 in the NPS family, each a named regression test. */
class NpsIssue15Test {

    private static CustomerSummaries oneCustomerWith100() {
        List<Transaction> log = List.of(Transaction.of("a", LocalDate.of(2020, 1, 1), 60),
                Transaction.of("a", LocalDate.of(2020, 2, 1), 40), Transaction.of("b", LocalDate.of(2020, 1, 5), 7));
        return Summarizer.of(PeriodRule.days(), LocalDate.of(2020, 3, 31)).summarize(log);
    }

    /** Item 8: a customer who answered twice was counted twice, with revenue 200 for a customer with 100. */
    @Test
    void item8JoinRejectsARepeatedRespondentNamingTheIdAndBothRows() {
        CustomerSummaries s = oneCustomerWith100();
        rejects(() -> LoyaltyMatrix.join(new String[] {"a", "b", "a"}, new int[] {9, 3, 10}, s, 1),
                "respondentIds[2]", "'a'", "respondentIds[0]");
        LoyaltyMatrix once = LoyaltyMatrix.join(new String[] {"a", "b"}, new int[] {9, 3}, s, 1);
        assertEquals(100, once.revenue(LoyaltyQuadrant.TRUE_LOYALTY), 0);
        assertEquals(2, once.size());
    }

    /** Item 17: Long.MIN_VALUE epoch days leaked an ArithmeticException-like wrapped value in the message. */
    @Test
    void item17ByPeriodRejectsLongLimitsNamingTheCallersValue() {
        NpsCalculator calc = NpsCalculator.withDefaults();
        for (NpsPeriod p : NpsPeriod.values()) {
            rejects(() -> calc.byPeriod(new long[] {Long.MIN_VALUE}, new int[] {9}, p), "epochDays[0]",
                    Long.toString(Long.MIN_VALUE));
            rejects(() -> calc.byPeriod(new long[] {0, Long.MAX_VALUE}, new int[] {9, 9}, p), "epochDays[1]",
                    Long.toString(Long.MAX_VALUE));
            rejects(() -> calc.byPeriod(new long[] {LocalDate.MAX.toEpochDay() + 1}, new int[] {9}, p),
                    "epochDays[0]", Long.toString(LocalDate.MAX.toEpochDay() + 1));
        }
    }

    /**
     * Item 17: the first and last days a period rule handles (400 years inside LocalDate's range) are scored with
     * their correct labels; LocalDate's own limits are rejected naming the row and the date.
     */
    @Test
    void item17PeriodRuleDayLimitsGetTheirPeriodLabels() {
        NpsCalculator calc = NpsCalculator.withDefaults();
        LocalDate[] dates = {LocalDate.ofEpochDay(PeriodRule.MIN_DAY), LocalDate.ofEpochDay(PeriodRule.MAX_DAY)};
        int[] answers = {0, 10};
        assertEquals(List.of("-999999599-01-01", "+999999599-12-31"), labels(calc.byPeriod(dates, answers,
                NpsPeriod.DAY)));
        assertEquals(List.of("-999999599-01", "999999599-12"), labels(calc.byPeriod(dates, answers,
                NpsPeriod.MONTH)));
        assertEquals(List.of("-999999599-Q1", "999999599-Q4"), labels(calc.byPeriod(dates, answers,
                NpsPeriod.QUARTER)));
        assertEquals(List.of("-999999599", "999999599"), labels(calc.byPeriod(dates, answers, NpsPeriod.YEAR)));
        for (LocalDate limit : new LocalDate[] {LocalDate.MIN, LocalDate.MAX}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> calc.byPeriod(new LocalDate[] {limit}, new int[] {5}, NpsPeriod.WEEK));
            assertTrue(e.getMessage().contains("dates[0] = " + limit), e.getMessage());
        }
    }

    private static List<String> labels(NpsBreakdown b) {
        return b.rows().stream().map(NpsBreakdown.Row::label).toList();
    }

    /** Item 18: the overflow was stored and reported later as a negative count. */
    @Test
    void item18CombineOverflowFailsAtTheCombine() {
        NpsAccumulator a = NpsAccumulator.create(1);
        a.add(0, 10, Long.MAX_VALUE - 1);
        NpsAccumulator b = NpsAccumulator.create(1);
        b.add(0, 10, 3);
        long[] before = a.snapshot().counts();
        rejects(() -> a.combine(b), "other", "adds 3 answers", Long.toString(Long.MAX_VALUE - 1));
        assertArrayEquals(before, a.snapshot().counts());
        assertEquals(Long.MAX_VALUE - 1, a.snapshot().tally(0).promoters());
    }

    /** Item 18: every add path fails where it would overflow and leaves the accumulator unchanged. */
    @Test
    void item18AddOverflowFailsAtTheAdd() {
        NpsAccumulator a = NpsAccumulator.create(2);
        a.add(0, 0, Long.MAX_VALUE);
        long[] before = a.snapshot().counts();
        rejects(() -> a.add(1, 9), "answer", "adds 1 answers");
        rejects(() -> a.add(1, 9, 1), "count", "adds 1 answers");
        rejects(() -> a.addAll(new int[] {1}, new int[] {9}), "answers.length");
        assertArrayEquals(before, a.snapshot().counts());
        assertEquals(Long.MAX_VALUE, a.snapshot().total().n());
        // Across segments too: the total would have wrapped round before.
        NpsAccumulator c = NpsAccumulator.create(2);
        c.add(0, 0, Long.MAX_VALUE / 2 + 1);
        rejects(() -> c.add(1, 10, Long.MAX_VALUE / 2 + 1), "count");
    }

    /**
     * Issue 18: {@code create(k)} allocated 3k counters from the caller's k (2.4 GB at the largest k); the counters
     * now follow the segments answered, so fifty accumulators at the largest k fit in a test's heap.
     */
    @Test
    void createSizesMemoryByTheAnswersNotByTheSegmentCount() {
        List<NpsAccumulator> many = new java.util.ArrayList<>();
        for (int i = 0; i < 50; i++) {
            many.add(NpsAccumulator.create(NpsAccumulator.MAX_SEGMENTS).add(i, 10)
                    .addAll(new int[] {3}, new int[] {0}));
        }
        NpsTallies t = many.get(49).snapshot();
        assertEquals(NpsAccumulator.MAX_SEGMENTS, t.segmentCount());
        assertEquals(1, t.responses(49));
        assertEquals(0, t.responses(NpsAccumulator.MAX_SEGMENTS - 1));
        assertEquals(2, t.total().n());
        NpsAccumulator merged = NpsAccumulator.create(NpsAccumulator.MAX_SEGMENTS);
        many.forEach(merged::combine);
        assertEquals(100, merged.snapshot().total().n());
        // Equal tallies are equal however far each accumulator had grown: a column rejected after growing the
        // counters leaves no answer behind, and the snapshot does not show the room.
        NpsAccumulator grown = NpsAccumulator.create(100).add(0, 9);
        rejects(() -> grown.addAll(new int[] {99, 0}, new int[] {5, 11}), "answers[1]", "11");
        assertEquals(NpsAccumulator.create(100).add(0, 9).snapshot(), grown.snapshot());
        assertTrue(!NpsAccumulator.create(50).add(0, 9).snapshot().equals(grown.snapshot()));
        rejects(() -> NpsAccumulator.create(NpsAccumulator.MAX_SEGMENTS + 1), "segments", "100000001");
    }

    /** Item 18: adding two scores whose counts overflow. */
    @Test
    void item18NpsPlusOverflowNamesTheCount() {
        Nps big = Nps.ofCounts(0, 0, Long.MAX_VALUE);
        rejects(() -> big.plus(Nps.ofCounts(0, 0, 1)), "promoters", Long.toString(Long.MAX_VALUE));
        rejects(() -> Nps.ofCounts(Long.MAX_VALUE, 1, 0), "counts overflow");
    }

    /** Item 18: CSAT and CES counts whose sum overflows gave an ArithmeticException. */
    @Test
    void item18CsatCesCountOverflowIsAnArgumentError() {
        rejects(() -> Csat.ofCounts(Long.MAX_VALUE, 1, 0, 0, 0), "CSAT counts", Long.toString(Long.MAX_VALUE));
        rejects(() -> Ces.ofCounts(0, 0, 0, 0, 0, Long.MAX_VALUE, Long.MAX_VALUE), "CES counts");
    }

    /** Item 19 (CSAT part): finite weights near the double limit gave an infinite or NaN mean. */
    @Test
    void item19WeightedMeanOfHugeWeightsIsFiniteAndExact() {
        Csat c = Csat.ofCounts(1, 1, 1, 1, 1);
        assertEquals(1e308, c.weightedMean(new double[] {1e308, 1e308, 1e308, 1e308, 1e308}), 0);
        assertEquals(Double.MAX_VALUE, c.weightedMean(new double[] {Double.MAX_VALUE, Double.MAX_VALUE,
            Double.MAX_VALUE, Double.MAX_VALUE, Double.MAX_VALUE}), 0);
        assertEquals(0, c.weightedMean(new double[] {-1e308, -1e308, 0, 1e308, 1e308}), 0);
        assertEquals(Double.MIN_VALUE, c.weightedMean(new double[] {Double.MIN_VALUE, Double.MIN_VALUE,
            Double.MIN_VALUE, Double.MIN_VALUE, Double.MIN_VALUE}), 0);
        Csat many = Csat.ofCounts(Long.MAX_VALUE / 2, 0, 0, 0, Long.MAX_VALUE / 2);
        assertEquals(0.5e308, many.weightedMean(new double[] {0, 1, 2, 3, 1e308}), 1e294);
        rejects(() -> c.weightedMean(new double[] {1, 2, 3, 4, Double.POSITIVE_INFINITY}), "weights[4]");
    }

    /** Revenue sums in the loyalty matrix overflowed to infinity. */
    @Test
    void loyaltyMatrixRevenueOverflowIsRejectedNamingTheRow() {
        rejects(() -> LoyaltyMatrix.of(new int[] {9, 10, 0}, new double[] {1, 1, 1}, 1,
                new double[] {1e308, 1e308, 1}), "revenue of the PROMOTERs who are repeat buyers", "Infinity");
        rejects(() -> LoyaltyMatrix.of(new int[] {9, 5}, new double[] {1, 0}, 1, new double[] {1e308, 1e308}),
                "revenue sums to Infinity over all customers");
        LoyaltyMatrix m = LoyaltyMatrix.of(new int[] {9, 0}, new double[] {1, 1}, 1,
                new double[] {1e308, -1e308});
        assertEquals(1e308, m.revenue(LoyaltyQuadrant.TRUE_LOYALTY), 0);
        assertEquals(-1e308, m.revenue(LoyaltyQuadrant.SPURIOUS_LOYALTY), 0);
    }
}
