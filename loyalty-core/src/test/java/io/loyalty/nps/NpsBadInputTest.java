package io.loyalty.nps;

import static io.loyalty.testkit.Outcome.rejects;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Each bad input of issue 5 gives an IllegalArgumentException naming the value and its row. */
class NpsBadInputTest {

    @Test
    void answerOutsideZeroToTen() {
        rejects(() -> Nps.ofAnswers(9, 10, 11), "answers[2]", "11", "0..10");
        rejects(() -> Nps.ofAnswers(-1), "answers[0]", "-1");
        rejects(() -> NpsCalculator.withDefaults().bySegment(new String[] {"a", "b"}, new int[] {5, 12}),
                "answers[1]", "12");
    }

    @Test
    void answerOutsideOneToFiveOrOneToSeven() {
        rejects(() -> Csat.ofAnswers(1, 5, 0), "answers[2]", "0", "1..5");
        rejects(() -> Csat.ofAnswers(6), "answers[0]", "6");
        rejects(() -> Ces.ofAnswers(7, 8), "answers[1]", "8", "1..7");
    }

    @Test
    void nonIntegerAnswer() {
        rejects(() -> NpsScale.standard().tally(new double[] {9, 7.5}), "answers[1]", "7.5", "integer");
        rejects(() -> NpsScale.standard().tally(new double[] {Double.NaN}), "answers[0]", "NaN");
        rejects(() -> Csat.ofAnswers(4.0, 2.25), "answers[1]", "2.25");
        rejects(() -> Ces.ofAnswers(3.5), "answers[0]", "3.5");
    }

    @Test
    void negativeCounts() {
        rejects(() -> Nps.ofCounts(-1, 2, 3), "detractors", "-1");
        rejects(() -> Nps.ofCounts(1, -2, 3), "passives", "-2");
        rejects(() -> Nps.ofCounts(1, 2, -3), "promoters", "-3");
        rejects(() -> Csat.ofCounts(1, 2, -1, 4, 5), "counts[2]", "-1");
        rejects(() -> Ces.ofCounts(1, 2, 3, 4, 5, 6, -7), "counts[6]", "-7");
    }

    @Test
    void zeroResponses() {
        rejects(() -> Nps.ofCounts(0, 0, 0), "no responses");
        rejects(() -> Nps.ofAnswers(), "no responses");
        rejects(() -> Csat.ofCounts(0, 0, 0, 0, 0), "no responses");
        rejects(() -> Ces.ofAnswers(new int[0]), "no responses");
        rejects(() -> NpsCalculator.withDefaults().bySegment(new String[0], new int[0]), "no responses");
        rejects(() -> NpsAccumulator.create(3).snapshot().total(), "no responses");
    }

    @Test
    void confidenceOutsideZeroOne() {
        Nps x = Nps.ofCounts(1, 2, 3);
        for (double c : new double[] {0, 1, -0.5, 1.5, Double.NaN}) {
            rejects(() -> x.interval(IntervalMethod.SCORE, c), "confidence", String.valueOf(c));
            rejects(() -> x.minus(x, c), "confidence");
            rejects(() -> NpsCalculator.withDefaults().withConfidence(c), "confidence");
            rejects(() -> Csat.ofCounts(1, 1, 1, 1, 1).topTwoBoxInterval(c), "confidence");
            rejects(() -> Ces.ofCounts(1, 1, 1, 1, 1, 1, 1).meanInterval(c), "confidence");
            rejects(() -> Nps.sampleSize(0.3, 0.3, 0.05, c), "confidence");
        }
    }

    @Test
    void badSegmentCodeLeavesAccumulatorUnchanged() {
        NpsAccumulator acc = NpsAccumulator.create(2);
        acc.add(0, 9);
        long[] before = acc.snapshot().counts();
        int[] seg = {0, 1, 2};
        int[] ans = {9, 9, 9};
        rejects(() -> acc.addAll(seg, ans), "segments[2]", "2");
        assertArrayEquals(before, acc.snapshot().counts());
        rejects(() -> acc.addAll(new int[] {0, 1}, new int[] {10, 11}), "answers[1]", "11");
        assertArrayEquals(before, acc.snapshot().counts());
        assertArrayEquals(new int[] {0, 1, 2}, seg);
    }

    @Test
    void loyaltyMatrixRowsAreNamed() {
        rejects(() -> LoyaltyMatrix.of(new int[] {9, 3}, new double[] {1, Double.NaN}, 2, new double[] {1, 1}),
                "behaviour[1]", "NaN");
        rejects(() -> LoyaltyMatrix.of(new int[] {9, 13}, new double[] {1, 2}, 2, new double[] {1, 1}),
                "answers[1]", "13");
        rejects(() -> LoyaltyMatrix.of(new int[] {9}, new double[] {1, 2}, 2, new double[] {1}), "behaviour");
    }

    @Test
    void badScaleAndSampleSize() {
        rejects(() -> NpsScale.of(0, 8, 6, 10), "detractorMax=8");
        rejects(() -> Nps.sampleSize(0.7, 0.5, 0.05, 0.95), "promoterShare + detractorShare");
        rejects(() -> Nps.sampleSize(0.3, 0.3, 0, 0.95), "marginOfError");
        assertEquals(1, Nps.sampleSize(1, 0, 0.01, 0.95));
        rejects(() -> Nps.ofCounts(1, 2, 3).pValue(1.5), "nullScore", "1.5");
        rejects(() -> Nps.ofCounts(1, 2, 3).pValue(Double.NaN), "nullScore", "NaN");
    }
}
