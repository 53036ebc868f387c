package io.loyalty.rfm;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.loyalty.data.Transaction;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Hand-checked cases of the three scoring methods, the options and the segment maps. */
class RfmScorerTest {

    @Test
    void quantileIsRType7() {
        double[] x = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10};
        // R: quantile(1:10, c(0.3, 0.6, 0.95)) = 3.70, 6.40, 9.55
        assertEquals(3.7, Binning.quantile7(x, 0.3), 1e-12);
        assertEquals(6.4, Binning.quantile7(x, 3 * (1.0 / 5)), 1e-12);
        assertEquals(9.55, Binning.quantile7(x, 0.95), 1e-12);
        assertEquals(1, Binning.quantile7(x, 0), 0);
        assertEquals(10, Binning.quantile7(x, 1), 0);
    }

    @Test
    void rfmCutPointsArePlusOneAndTiesShareABin() {
        // R: quantile(c(1,1,1,1,1,1,2,3), seq(0,1,0.25)) = 1, 1, 1, 1.25, 3 -> cuts 2, 2, 2.25
        String[] ids = {"a", "b", "c", "d", "e", "f", "g", "h"};
        double[] orders = {1, 1, 1, 1, 1, 1, 2, 3};
        double[] one = {1, 1, 1, 1, 1, 1, 1, 1};
        RfmScores s = RfmScorer.withDefaults().withBins(4).score(ids, one, orders, one);
        assertArrayEquals(new double[] {1, 2, 2, 2.25}, s.frequencyBins().lowers(), 1e-12);
        assertArrayEquals(new double[] {2, 2, 2.25, 4}, s.frequencyBins().uppers(), 1e-12);
        // 1 -> bin 1; 2 -> [2, 2.25) = bin 3 (bin 2 is empty); 3 -> bin 4.
        assertArrayEquals(new int[] {1, 1, 1, 1, 1, 1, 3, 4}, s.frequencyScores());
        // All recencies equal: every customer in the same bin, the top recency bin (score 4)... by rfm's rule,
        // q = 1 everywhere, cuts = 2, so 1 lies in bin 1, reversed to 4.
        assertArrayEquals(new int[] {4, 4, 4, 4, 4, 4, 4, 4}, s.recencyScores());
    }

    @Test
    void ntileFillsEqualBucketsAndTiesTakeTheFirst() {
        String[] ids = {"a", "b", "c", "d", "e", "f", "g"};
        double[] rec = {1, 2, 3, 4, 5, 6, 7};
        double[] orders = {1, 2, 3, 4, 5, 6, 7};
        double[] rev = {5, 5, 5, 5, 9, 9, 10};
        RfmScores s = RfmScorer.withDefaults().withMethod(ScoringMethod.NTILE).withBins(3).score(ids, rec, orders,
                rev);
        // ntile(3) over 7 rows: sizes 3, 2, 2.
        assertArrayEquals(new int[] {1, 1, 1, 2, 2, 3, 3}, s.frequencyScores());
        // Recency descending: 7, 6, 5 -> 1; 4, 3 -> 2; 2, 1 -> 3.
        assertArrayEquals(new int[] {3, 3, 2, 2, 1, 1, 1}, s.recencyScores());
        // The tied run 5,5,5,5 starts at position 0 -> 1; the run 9,9 at position 4 -> 2; 10 -> 3.
        assertArrayEquals(new int[] {1, 1, 1, 1, 2, 2, 3}, s.monetaryScores());
        assertArrayEquals(new double[] {5, 9, 10}, s.monetaryBins().lowers(), 0);
        assertArrayEquals(new double[] {9, 10, 11}, s.monetaryBins().uppers(), 0);
        assertArrayEquals(new double[] {1, 3, 5}, s.recencyBins().lowers(), 0);
    }

    @Test
    void fixedCutPointsAreUsedAsGiven() {
        String[] ids = {"a", "b", "c", "d"};
        RfmScores s = RfmScorer.withDefaults()
                .withCutPoints(CutPoints.of(30, 90), CutPoints.of(2, 5), CutPoints.ofRanges(
                        new double[] {0, 100, 500}, new double[] {100, 500, 1e9}))
                .score(ids, new double[] {10, 30, 89, 400}, new double[] {1, 2, 5, 9}, new double[] {99, 100, 499, 500});
        assertEquals(3, s.bins());
        assertArrayEquals(new int[] {3, 2, 2, 1}, s.recencyScores());
        assertArrayEquals(new int[] {1, 2, 3, 3}, s.frequencyScores());
        assertArrayEquals(new int[] {1, 2, 2, 3}, s.monetaryScores());
        assertArrayEquals(new double[] {10, 30, 90}, s.recencyBins().lowers(), 0);
        assertArrayEquals(new double[] {30, 90, 401}, s.recencyBins().uppers(), 0);
        assertEquals(ScoringMethod.FIXED, s.method());
    }

    @Test
    void binsOfOneSnapshotScoreAnother() {
        RfmScores s = RfmGoldenTest.orderScores();
        RfmScores again = RfmScorer.withDefaults().withCutPoints(s.recencyBins().cutPoints(),
                s.frequencyBins().cutPoints(), s.monetaryBins().cutPoints()).score(RfmGoldenTest.orders(),
                        LocalDate.of(2006, 12, 31));
        assertArrayEquals(s.rfmScores(), again.rfmScores());
        assertArrayEquals(s.segmentIndexes(), again.segmentIndexes());
    }

    @Test
    void userRecencyCutPointsWithRfmQuantilesForTheOthers() {
        // rfm_table_order(..., recency_bins = c(30, 90, 180, 365)) keeps the quantile bins of F and M.
        RfmScores quantiles = RfmGoldenTest.orderScores();
        RfmScores mixed = RfmScorer.withDefaults().withCutPoints(CutPoints.of(30, 90, 180, 365),
                quantiles.frequencyBins().cutPoints(), quantiles.monetaryBins().cutPoints())
                .score(RfmGoldenTest.orders(), LocalDate.of(2006, 12, 31));
        assertArrayEquals(quantiles.frequencyScores(), mixed.frequencyScores());
        assertArrayEquals(quantiles.monetaryScores(), mixed.monetaryScores());
        double[] days = mixed.recencyDays();
        int[] r = mixed.recencyScores();
        for (int i = 0; i < days.length; i++) {
            int bin = days[i] < 30 ? 1 : days[i] < 90 ? 2 : days[i] < 180 ? 3 : days[i] < 365 ? 4 : 5;
            assertEquals(6 - bin, r[i], "recency " + days[i]);
        }
        assertArrayEquals(new double[] {30, 90, 180, 365}, mixed.recencyBins().cutPoints().values(), 0);
    }

    @Test
    void meanPerOrderScoresRevenuePerOrder() {
        RfmScores s = RfmScorer.withDefaults().withMonetary(MonetaryMeasure.MEAN_PER_ORDER).withBins(2)
                .score(new String[] {"a", "b"}, new double[] {1, 2}, new double[] {4, 1}, new double[] {100, 50});
        assertArrayEquals(new double[] {25, 50}, s.monetary(), 0);
        assertArrayEquals(new double[] {100, 50}, s.revenue(), 0);
        assertArrayEquals(new int[] {1, 2}, s.monetaryScores());
    }

    @Test
    void transactionsAreCountedPerRowAndRecencyInCalendarDays() {
        LocalDate d = LocalDate.of(2020, 1, 10);
        List<Transaction> tx = List.of(Transaction.of("7", d.minusDays(3).atTime(23, 59), 10.0),
                Transaction.of("7", d.atTime(0, 1), 5.0), Transaction.of("12", d.minusDays(1), 2.0),
                Transaction.of("12", d.minusDays(1), 2.0).withOrderId("x"), Transaction.of("b", d.minusDays(9), 1.0));
        RfmScores s = RfmScorer.withDefaults().withBins(2).score(tx, d);
        assertEquals(List.of("7", "12", "b"), s.ids());
        assertArrayEquals(new double[] {0, 1, 9}, s.recencyDays(), 0);
        assertArrayEquals(new double[] {2, 2, 1}, s.orders(), 0);
        assertArrayEquals(new double[] {15, 4, 1}, s.revenue(), 0);
    }

    @Test
    void userSegmentMapFirstMatchWinsElseOthers() {
        SegmentMap map = SegmentMap.of(Segment.of("Top", 2, 2, 2, 2, 2, 2), Segment.of("Recent", 2, 2, 1, 2, 1, 2),
                Segment.of("AlsoTop", 2, 2, 2, 2, 2, 2));
        RfmScores s = RfmScorer.withDefaults().withBins(2).withSegments(map).score(new String[] {"a", "b", "c"},
                new double[] {1, 1, 9}, new double[] {9, 1, 1}, new double[] {9, 1, 1});
        assertEquals("Top", s.segment(0));
        assertEquals("Recent", s.segment(1));
        assertEquals("Others", s.segment(2));
        SegmentSummary sum = s.summary();
        assertEquals(0, sum.row("AlsoTop").customers());
        assertEquals(1, sum.row("Others").customers());
        assertEquals(9.0 / 11, sum.row("Top").revenueShare(), 1e-15);
        assertEquals(1.0 / 3, sum.row("Recent").customerShare(), 1e-15);
        assertEquals(1.0, sum.row("Top").averageOrderValue(), 0);
        // The same summary from totals counted elsewhere (as loyalty-spark counts them).
        assertEquals(sum, SegmentSummary.fromTotals(map, new long[] {1, 1, 0, 1}, new double[] {9, 1, 0, 1},
                new double[] {9, 1, 0, 1}));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> SegmentSummary.fromTotals(map, new long[] {1, 1, 0}, new double[4], new double[4]));
        assertTrue(e.getMessage().contains("one entry per segment plus Others (4)"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> SegmentSummary.fromTotals(map, new long[] {1, 1, 0, 1}, new double[] {9, 1, 0, -1},
                        new double[4]));
        assertTrue(e.getMessage().contains("orders of Others"), e.getMessage());
    }

    @Test
    void movementCountsTransitions() {
        RfmScorer sc = RfmScorer.withDefaults().withCutPoints(CutPoints.of(5), CutPoints.of(5), CutPoints.of(5))
                .withSegments(SegmentMap.of(
                Segment.of("Good", 2, 2, 1, 2, 1, 2), Segment.of("Bad", 1, 1, 1, 2, 1, 2)));
        RfmScores before = sc.score(new String[] {"a", "b", "c"}, new double[] {1, 9, 1}, new double[] {1, 1, 1},
                new double[] {1, 1, 1});
        RfmScores after = sc.score(new String[] {"b", "a", "d"}, new double[] {1, 9, 9}, new double[] {1, 1, 1},
                new double[] {1, 1, 1});
        SegmentMovement mv = SegmentMovement.between(before, after);
        assertEquals(1, mv.count("Good", "Bad"));
        assertEquals(1, mv.count("Bad", "Good"));
        assertEquals(1, mv.count("Good", SegmentMovement.ABSENT));
        assertEquals(1, mv.count(SegmentMovement.ABSENT, "Bad"));
        assertEquals(2, mv.matched());
        assertEquals(List.of("Good", "Bad", "Others", "(absent)"), mv.toSegments());
    }

    @Test
    void clustersSeparateObviousGroups() {
        int n = 300;
        double[] r = new double[n];
        double[] f = new double[n];
        double[] m = new double[n];
        java.util.SplittableRandom rnd = new java.util.SplittableRandom(5);
        for (int i = 0; i < n; i++) {
            boolean big = i % 3 == 0;
            r[i] = big ? 5 + rnd.nextInt(5) : 300 + rnd.nextInt(50);
            f[i] = big ? 20 + rnd.nextInt(5) : 1 + rnd.nextInt(2);
            m[i] = big ? 2000 + rnd.nextInt(500) : 20 + rnd.nextInt(10);
        }
        RfmClusters c = RfmClusterer.seeded(11).withKRange(2, 5).cluster(r, f, m);
        assertEquals(2, c.k());
        assertEquals(200, c.clusters().get(0).size());
        assertEquals(100, c.clusters().get(1).size());
        assertEquals(1, c.label(0));
        assertEquals(0, c.label(1));
        assertEquals(4, c.silhouetteByK().size());
        // The back-transformed centroid of the big spenders lies inside their range.
        RfmCluster big = c.clusters().get(1);
        assertEquals(true, big.monetary() > 2000 && big.monetary() < 2500, big.toString());
        assertEquals(true, big.recencyDays() > 5 && big.recencyDays() < 10, big.toString());
    }
}
