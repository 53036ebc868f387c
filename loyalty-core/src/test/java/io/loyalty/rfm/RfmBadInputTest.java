package io.loyalty.rfm;

import static io.loyalty.testkit.Outcome.rejects;

import io.loyalty.data.Transaction;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every bad input the issue lists gives an IllegalArgumentException naming the value. */
class RfmBadInputTest {
    private static final LocalDate DAY = LocalDate.of(2006, 12, 31);
    private static final RfmScorer SCORER = RfmScorer.withDefaults();

    private static double[] ones(int n) {
        double[] x = new double[n];
        Arrays.fill(x, 1);
        return x;
    }

    @Test
    void emptyTransactions() {
        rejects(() -> SCORER.score(List.<Transaction>of(), DAY), "transactions", "empty");
    }

    @Test
    void emptyFigures() {
        rejects(() -> SCORER.score(new String[0], new double[0], new double[0], new double[0]), "customerIds",
                "empty");
        rejects(() -> SCORER.score(List.<CustomerFigures>of()), "customers", "empty");
    }

    @Test
    void nullId() {
        rejects(() -> SCORER.score(new String[] {"a", null}, ones(2), ones(2), ones(2)), "customerIds", "row 1",
                "null");
        rejects(() -> Transaction.of((String) null, DAY, 1.0), "customerId");
        rejects(() -> CustomerFigures.of(null, 1, 1, 1), "customerId");
    }

    @Test
    void analysisDateBeforeAPurchase() {
        List<Transaction> tx = List.of(Transaction.of("a", DAY, 5), Transaction.of("b", DAY.plusDays(2), 7));
        rejects(() -> SCORER.score(tx, DAY), "analysisDate 2006-12-31", "row 1", "'b'", "2007-01-02");
    }

    @Test
    void negativeMoney() {
        List<Transaction> tx = List.of(Transaction.of("a", DAY, 5), Transaction.of("b", DAY, -7));
        rejects(() -> SCORER.score(tx, DAY), "amount", "row 1", "'b'", "-7.0");
        rejects(() -> SCORER.score(new String[] {"a", "b"}, ones(2), ones(2), new double[] {1, -2}), "revenue",
                "row 1", "-2.0");
    }

    @Test
    void nanMoney() {
        rejects(() -> SCORER.score(new String[] {"a", "b"}, ones(2), ones(2), new double[] {Double.NaN, 2}),
                "revenue", "row 0", "NaN");
        rejects(() -> CustomerFigures.of("x", 3, 1, Double.NaN), "revenue", "'x'", "NaN");
        rejects(() -> Transaction.of("a", DAY, Double.NaN), "amount", "NaN");
    }

    @Test
    void badRecencyAndOrders() {
        rejects(() -> SCORER.score(new String[] {"a", "b"}, new double[] {1, -3}, ones(2), ones(2)), "recencyDays",
                "row 1", "-3.0");
        rejects(() -> SCORER.score(new String[] {"a", "b"}, ones(2), new double[] {0, 1}, ones(2)), "orders",
                "row 0", "0.0");
        rejects(() -> SCORER.score(new String[] {"a", "b"}, ones(2), ones(1), ones(2)), "orders", "1 rows");
    }

    @Test
    void fewerThanTwoBins() {
        rejects(() -> SCORER.withBins(1), "n (bins)", "1");
        rejects(() -> SCORER.withBins(0), "n (bins)", "0");
        rejects(() -> CutPoints.of(), "cuts", "none");
    }

    @Test
    void overlappingCutPoints() {
        rejects(() -> CutPoints.of(10, 20, 15, 30), "cuts[2] = 15.0", "overlap");
        rejects(() -> CutPoints.ofRanges(new double[] {0, 10, 20}, new double[] {12, 20, 30}), "ranges 0", "overlap",
                "12.0");
    }

    @Test
    void gappedCutPoints() {
        rejects(() -> CutPoints.ofRanges(new double[] {0, 10, 20}, new double[] {8, 20, 30}), "ranges 0", "gap",
                "8.0");
    }

    @Test
    void nonFiniteCutPoint() {
        rejects(() -> CutPoints.of(1, Double.NaN), "cuts[1]", "NaN");
    }

    @Test
    void cutPointsOfDifferentLengths() {
        rejects(() -> SCORER.withCutPoints(CutPoints.of(1, 2), CutPoints.of(1), CutPoints.of(1, 2)), "frequency 2",
                "recency 3");
    }

    @Test
    void segmentWithInvalidRange() {
        rejects(() -> Segment.of("Bad", 4, 2, 1, 5, 1, 5), "'Bad'", "recency", "4..2");
        rejects(() -> Segment.of("Zero", 1, 5, 0, 5, 1, 5), "'Zero'", "frequency", "0..5");
        rejects(() -> Segment.of(" ", 1, 5, 1, 5, 1, 5), "segment name");
        rejects(() -> Segment.of("Others", 1, 5, 1, 5, 1, 5), "'Others'", "reserved");
    }

    @Test
    void segmentMapRepeatingAName() {
        Segment a = Segment.of("A", 1, 5, 1, 5, 1, 5);
        rejects(() -> SegmentMap.of(a, a), "segments[1]", "'A'");
        rejects(() -> SegmentMap.of(List.of()), "segments", "empty");
    }

    @Test
    void fixedMethodWithoutCutPoints() {
        rejects(() -> SCORER.withMethod(ScoringMethod.FIXED), "FIXED", "withCutPoints");
    }

    @Test
    void repeatedIdsInMovement() {
        RfmScores twice = SCORER.score(new String[] {"a", "a"}, ones(2), ones(2), ones(2));
        rejects(() -> SegmentMovement.between(twice, twice), "'a'", "rows 0 and 1");
    }

    @Test
    void badClusterArguments() {
        rejects(() -> RfmClusterer.seeded(1).withKRange(1, 3), "min (k)", "1");
        rejects(() -> RfmClusterer.seeded(1).withK(3).cluster(ones(3), ones(3), ones(3)), "more than 3", "got 3");
        rejects(() -> RfmClusterer.seeded(1).cluster(ones(4), ones(4), new double[] {1, 1, Double.NaN, 1}),
                "monetary", "row 2", "NaN");
    }
}
