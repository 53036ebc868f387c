package io.loyalty.rfm;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.loyalty.testkit.Property;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * The R_RFM rule as a function of a few order statistics (what an engine without the sorted array, such as Spark,
 * supplies) gives the scorer's cut points and bins to the bit, and the scoring rule written as an expression
 * ({@link CutPoints#scoreExpression}) scores as the scorer does.
 */
class OrderStatisticCutsTest {

    /** Evaluates the expression the builder describes for one value, as an engine would. */
    private static int score(CutPoints cuts, boolean reversed, double value) {
        return cuts.scoreExpression(reversed, new CutPoints.ScoreBuilder<Integer>() {
            @Override
            public Integer constant(int score) {
                return score;
            }

            @Override
            public Integer plusIfAtLeast(Integer score, double cut, int step) {
                return value >= cut ? score + step : score;
            }
        });
    }

    private static double[] randomMeasure(java.util.SplittableRandom r, int n) {
        int kind = r.nextInt(3);
        int range = Property.between(r, 1, 400);
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = kind == 0 ? r.nextInt(range) : kind == 1 ? Math.round(r.nextDouble() * range * 100) / 100.0
                    : Math.exp(r.nextGaussian() * 2);
        }
        return x;
    }

    @Test
    void cutPointsFromOrderStatisticsEqualTheScorersBitForBit() {
        Property.forAll("rfm cuts from order statistics", 300, r -> {
            int size = Property.between(r, 1, 300);
            int bins = Property.between(r, 2, 12);
            double[][] m = {randomMeasure(r, size), randomMeasure(r, size), randomMeasure(r, size)};
            String[] ids = new String[size];
            double[] orders = new double[size];
            for (int i = 0; i < size; i++) {
                ids[i] = "c" + i;
                orders[i] = 1 + Math.floor(m[1][i]);
            }
            RfmScores s = RfmScorer.withDefaults().withBins(bins).score(ids, m[0], orders, m[2]);
            double[][] measures = {m[0], orders, m[2]};
            Bins[] expected = {s.recencyBins(), s.frequencyBins(), s.monetaryBins()};
            for (int j = 0; j < 3; j++) {
                double[] sorted = measures[j].clone();
                Arrays.sort(sorted);
                long[] ranks = CutPoints.rfmRanks(size, bins);
                double[] values = new double[ranks.length];
                for (int k = 0; k < ranks.length; k++) {
                    values[k] = sorted[(int) ranks[k] - 1];
                }
                CutPoints cuts = CutPoints.ofRfmOrderStatistics(size, bins, ranks, values);
                assertEquals(expected[j], cuts.bins(sorted[0], sorted[size - 1]), "measure " + j);
            }
        });
    }

    @Test
    void theScoreExpressionScoresAsTheScorer() {
        Property.forAll("score expression", 300, r -> {
            int size = Property.between(r, 1, 200);
            int bins = Property.between(r, 2, 9);
            double[] rec = randomMeasure(r, size);
            double[] ord = new double[size];
            double[] rev = randomMeasure(r, size);
            String[] ids = new String[size];
            for (int i = 0; i < size; i++) {
                ids[i] = "c" + i;
                ord[i] = 1 + r.nextInt(6);
            }
            // Cut points taken from the data make values land exactly on them; equal cut points leave bins empty.
            double[][] c = new double[3][bins - 1];
            double[][] source = {rec, ord, rev};
            for (int j = 0; j < 3; j++) {
                for (int i = 0; i < bins - 1; i++) {
                    c[j][i] = source[j][r.nextInt(size)];
                }
                Arrays.sort(c[j]);
            }
            CutPoints rc = CutPoints.of(c[0]);
            CutPoints fc = CutPoints.of(c[1]);
            CutPoints mc = CutPoints.of(c[2]);
            RfmScores s = RfmScorer.withDefaults().withCutPoints(rc, fc, mc).score(ids, rec, ord, rev);
            for (int i = 0; i < size; i++) {
                assertEquals(s.recencyScores()[i], score(rc, true, rec[i]), "recency " + rec[i]);
                assertEquals(s.frequencyScores()[i], score(fc, false, ord[i]), "frequency " + ord[i]);
                assertEquals(s.monetaryScores()[i], score(mc, false, rev[i]), "monetary " + rev[i]);
            }
        });
    }

    @Test
    void ranksAreThoseTheTypeSevenQuantilesRead() {
        // N = 10, n = 5: h = 1 + 9 i / 5 = 2.8, 4.6, 6.4, 8.2.
        assertArrayEquals(new long[] {2, 3, 4, 5, 6, 7, 8, 9}, CutPoints.rfmRanks(10, 5));
        // N = 11: h = 3, 5, 7, 9 on paper, one rank each; but 3 * (1/5) is 0.6000000000000001 in doubles, so the
        // third index lies just above 7 and reads ranks 7 and 8, as R does.
        assertArrayEquals(new long[] {3, 5, 7, 8, 9}, CutPoints.rfmRanks(11, 5));
        assertArrayEquals(new long[] {1}, CutPoints.rfmRanks(1, 4));
        // Ranks past the int range: the arithmetic is on longs.
        long big = 5_000_000_000L;
        long[] ranks = CutPoints.rfmRanks(big, 2);
        assertEquals(2, ranks.length);
        assertEquals(2_500_000_000L, ranks[0]);
    }

    @Test
    void badOrderStatisticsAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> CutPoints.rfmRanks(0, 5));
        assertThrows(IllegalArgumentException.class, () -> CutPoints.rfmRanks(10, 1));
        assertThrows(IllegalArgumentException.class, () -> CutPoints.rfmRanks(10, RfmScorer.MAX_BINS + 1));
        long[] ranks = CutPoints.rfmRanks(11, 5);
        IllegalArgumentException wrongRanks = assertThrows(IllegalArgumentException.class,
                () -> CutPoints.ofRfmOrderStatistics(11, 5, new long[] {3, 5, 7}, new double[] {1, 2, 3}));
        assertEquals(5, ranks.length);
        assertTrue(wrongRanks.getMessage().contains("rfmRanks(11, 5)"), wrongRanks.getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> CutPoints.ofRfmOrderStatistics(11, 5, ranks, new double[] {1, 2, 3}));
        assertThrows(IllegalArgumentException.class,
                () -> CutPoints.ofRfmOrderStatistics(11, 5, ranks, new double[] {1, 3, 2, 4, 5}));
        assertThrows(IllegalArgumentException.class,
                () -> CutPoints.ofRfmOrderStatistics(11, 5, ranks, new double[] {1, 2, Double.NaN, 4, 5}));
        assertThrows(IllegalArgumentException.class, () -> CutPoints.of(1, 2).bins(3, 2));
        assertThrows(IllegalArgumentException.class, () -> CutPoints.of(1, 2).scoreExpression(false, null));
    }

    @Test
    void combinedScoreIsHundredRPlusTenFPlusM() {
        assertEquals(543, RfmScores.combinedScore(5, 4, 3));
        assertEquals(1111, RfmScores.combinedScore(10, 10, 11));
    }
}
