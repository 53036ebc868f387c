package io.loyalty.rfm;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.loyalty.data.Transaction;
import io.loyalty.testkit.Property;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Seeded invariants of the scores, segments, clusters and movement. */
class RfmPropertyTest {
    private static final LocalDate DAY = LocalDate.of(2024, 6, 30);

    /** Random customers with many ties: small integer ranges. */
    private static final class Figures {
        final String[] ids;
        final double[] rec;
        final double[] ord;
        final double[] rev;

        Figures(SplittableRandom r) {
            // A third of the draws are tiny (1 to 12 customers), where edge cases live.
            int n = r.nextInt(3) == 0 ? Property.between(r, 1, 12) : Property.between(r, 1, 200);
            int spread = Property.between(r, 1, 60);
            ids = new String[n];
            rec = new double[n];
            ord = new double[n];
            rev = new double[n];
            for (int i = 0; i < n; i++) {
                ids[i] = "c" + i;
                rec[i] = r.nextInt(spread);
                ord[i] = 1 + r.nextInt(1 + spread / 4);
                rev[i] = r.nextBoolean() ? r.nextInt(spread) : Math.round(r.nextDouble() * 1000) / 10.0;
            }
        }
    }

    private static RfmScorer randomScorer(SplittableRandom r) {
        int n = Property.between(r, 2, 9);
        switch (r.nextInt(3)) {
            case 0:
                return RfmScorer.withDefaults().withBins(n);
            case 1:
                return RfmScorer.withDefaults().withMethod(ScoringMethod.NTILE).withBins(n);
            default:
                double[][] c = new double[3][n - 1];
                for (double[] cuts : c) {
                    double v = r.nextInt(5);
                    for (int i = 0; i < cuts.length; i++) {
                        v += r.nextInt(6);
                        cuts[i] = v;
                    }
                }
                return RfmScorer.withDefaults().withCutPoints(CutPoints.of(c[0]), CutPoints.of(c[1]),
                        CutPoints.of(c[2]));
        }
    }

    @Test
    void everyScoreIsIn1ToN() {
        Property.forAll("scores in 1..n", 200, r -> {
            Figures x = new Figures(r);
            RfmScorer sc = randomScorer(r);
            RfmScores s = sc.score(x.ids, x.rec, x.ord, x.rev);
            for (int[] col : new int[][] {s.recencyScores(), s.frequencyScores(), s.monetaryScores()}) {
                for (int v : col) {
                    assertTrue(v >= 1 && v <= sc.bins(), "score " + v + " of " + sc);
                }
            }
        });
    }

    @Test
    void everyCustomerIsInExactlyOneSegmentTheFirstThatMatches() {
        Property.forAll("one segment each", 200, r -> {
            Figures x = new Figures(r);
            RfmScores s = randomScorer(r).score(x.ids, x.rec, x.ord, x.rev);
            SegmentMap map = s.segmentMap();
            int[] seg = s.segmentIndexes();
            int[] rs = s.recencyScores();
            int[] fs = s.frequencyScores();
            int[] ms = s.monetaryScores();
            for (int i = 0; i < seg.length; i++) {
                int first = map.size();
                for (int k = map.size() - 1; k >= 0; k--) {
                    if (map.segments().get(k).contains(rs[i], fs[i], ms[i])) {
                        first = k;
                    }
                }
                assertEquals(first, seg[i]);
            }
            long total = s.summary().rows().stream().mapToLong(SegmentStats::customers).sum();
            assertEquals(seg.length, total);
            double shares = s.summary().rows().stream().mapToDouble(SegmentStats::customerShare).sum();
            assertEquals(1.0, shares, 1e-12);
        });
    }

    @Test
    void scoresDoNotDependOnInputOrder() {
        Property.forAll("order free", 100, r -> {
            Figures x = new Figures(r);
            RfmScorer sc = randomScorer(r);
            RfmScores s = sc.score(x.ids, x.rec, x.ord, x.rev);
            int n = x.ids.length;
            int[] p = Property.shuffledPermutation(r, n);
            String[] ids = new String[n];
            double[] rec = new double[n];
            double[] ord = new double[n];
            double[] rev = new double[n];
            for (int i = 0; i < n; i++) {
                ids[i] = x.ids[p[i]];
                rec[i] = x.rec[p[i]];
                ord[i] = x.ord[p[i]];
                rev[i] = x.rev[p[i]];
            }
            RfmScores t = sc.score(ids, rec, ord, rev);
            assertEquals(s.recencyBins(), t.recencyBins());
            assertEquals(s.monetaryBins(), t.monetaryBins());
            for (int i = 0; i < n; i++) {
                assertEquals(s.get(p[i]), t.get(i));
            }
        });
    }

    @Test
    void transactionOrderDoesNotMatter() {
        Property.forAll("transactions order free", 30, r -> {
            List<Transaction> tx = new ArrayList<>();
            int rows = Property.between(r, 1, 300);
            for (int i = 0; i < rows; i++) {
                tx.add(Transaction.of("id" + r.nextInt(40), DAY.minusDays(r.nextInt(400)), r.nextInt(200)));
            }
            RfmScorer sc = randomScorer(r);
            RfmScores s = sc.score(tx, DAY);
            List<Transaction> shuffled = new ArrayList<>();
            for (int i : Property.shuffledPermutation(r, rows)) {
                shuffled.add(tx.get(i));
            }
            assertEquals(s, sc.score(shuffled, DAY));
        });
    }

    @Test
    void buyingMoreNeverLowersFrequencyOrMonetaryScore() {
        Property.forAll("monotone in F and M", 200, r -> {
            Figures x = new Figures(r);
            RfmScorer sc = randomScorer(r);
            RfmScores s = sc.score(x.ids, x.rec, x.ord, x.rev);
            int i = r.nextInt(x.ids.length);
            double[] ord = x.ord.clone();
            double[] rev = x.rev.clone();
            ord[i] += Property.between(r, 1, 5);
            rev[i] += r.nextInt(50) + r.nextDouble();
            RfmScores t = sc.score(x.ids, x.rec, ord, rev);
            assertTrue(t.frequencyScores()[i] >= s.frequencyScores()[i], "F of " + sc);
            assertTrue(t.monetaryScores()[i] >= s.monetaryScores()[i], "M of " + sc);
        });
    }

    @Test
    void ntileBucketsDifferByAtMostOneWithoutTies() {
        Property.forAll("ntile equal counts", 100, r -> {
            int n = Property.between(r, 1, 300);
            int bins = Property.between(r, 2, 10);
            double[] v = new double[n];
            String[] ids = new String[n];
            double[] ones = new double[n];
            for (int i = 0; i < n; i++) {
                v[i] = r.nextDouble();
                ids[i] = Integer.toString(i);
                ones[i] = 1;
            }
            RfmScores s = RfmScorer.withDefaults().withMethod(ScoringMethod.NTILE).withBins(bins).score(ids, v,
                    ones, v);
            for (int[] scores : new int[][] {s.monetaryScores(), s.recencyScores()}) {
                int[] count = new int[bins + 1];
                for (int m : scores) {
                    count[m]++;
                }
                for (int b = 1; b <= bins; b++) {
                    assertTrue(count[b] == n / bins || count[b] == n / bins + 1, "bucket " + b + ": " + count[b]);
                }
            }
            int[] rs = s.recencyScores();
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < n; j++) {
                    assertTrue(v[i] >= v[j] || rs[i] >= rs[j], "recency scores must fall as days grow");
                }
            }
        });
    }

    @Test
    void inputsAreNotModified() {
        Property.forAll("inputs untouched", 30, r -> {
            Figures x = new Figures(r);
            double[] rec = x.rec.clone();
            double[] rev = x.rev.clone();
            randomScorer(r).withMonetary(MonetaryMeasure.MEAN_PER_ORDER).score(x.ids, x.rec, x.ord, x.rev);
            assertArrayEquals(rec, x.rec, 0);
            assertArrayEquals(rev, x.rev, 0);
        });
    }

    @Test
    void clustersAreReproducibleAndComplete() {
        Property.forAll("clusters seeded", 40, r -> {
            Figures x = new Figures(r);
            long seed = r.nextLong();
            RfmScores s = RfmScorer.withDefaults().score(x.ids, x.rec, x.ord, x.rev);
            RfmClusterer c = RfmClusterer.seeded(seed).withKRange(2, 4);
            if (x.ids.length <= 2) {
                // No silent skip: too few customers for two clusters is the documented rejection.
                IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> c.cluster(s));
                assertTrue(e.getMessage().contains("needs more than 2 customers"), e.getMessage());
                return;
            }
            RfmClusters a = c.cluster(s);
            assertEquals(a, c.cluster(s));
            assertEquals(x.ids.length, a.clusters().stream().mapToInt(RfmCluster::size).sum());
            for (int label : a.labels()) {
                assertTrue(label >= 0 && label < a.k());
            }
            assertTrue(a.silhouette() >= -1 && a.silhouette() <= 1);
        });
    }

    @Test
    void movementAccountsForEveryCustomer() {
        Property.forAll("movement totals", 50, r -> {
            Figures x = new Figures(r);
            Figures y = new Figures(r);
            RfmScores a = RfmScorer.withDefaults().score(x.ids, x.rec, x.ord, x.rev);
            RfmScores b = RfmScorer.withDefaults().score(y.ids, y.rec, y.ord, y.rev);
            SegmentMovement m = SegmentMovement.between(a, b);
            long[][] c = m.counts();
            long rows = 0;
            long all = 0;
            for (int i = 0; i < c.length; i++) {
                for (int j = 0; j < c[i].length; j++) {
                    all += c[i][j];
                    rows += i < c.length - 1 ? c[i][j] : 0;
                }
            }
            assertEquals(a.size(), rows);
            assertEquals(Math.max(a.size(), b.size()), all);
            SegmentMovement self = SegmentMovement.between(a, a);
            for (int i = 0; i < c.length; i++) {
                for (int j = 0; j < c.length; j++) {
                    if (i != j) {
                        assertEquals(0, self.counts()[i][j]);
                    }
                }
            }
        });
    }

    @Test
    void countingSortEqualsComparisonSort() {
        Property.forAll("sorted copy", 200, r -> {
            int n = Property.between(r, 1, 500);
            int range = Property.between(r, 1, 5000);
            boolean whole = r.nextInt(4) > 0;
            double[] x = new double[n];
            for (int i = 0; i < n; i++) {
                x[i] = whole ? r.nextInt(range) : r.nextDouble() * range;
            }
            double[] before = x.clone();
            double[] expected = x.clone();
            Arrays.sort(expected);
            assertArrayEquals(expected, Binning.sorted(x), 0);
            assertArrayEquals(before, x, 0);
        });
    }

    @Test
    void ntileEqualsTheFirstPositionOfEachTiedRun() {
        Property.forAll("ntile by definition", 300, r -> {
            int size = Property.between(r, 1, 120);
            int n = Property.between(r, 2, 12);
            int range = Property.between(r, 1, 40);
            double[] x = new double[size];
            for (int i = 0; i < size; i++) {
                x[i] = r.nextBoolean() ? r.nextInt(range) : r.nextInt(range) + 0.5;
            }
            double[] sorted = Binning.sorted(x);
            for (boolean descending : new boolean[] {false, true}) {
                byte[] out = new byte[size];
                Binning.scoreByNtile(x, sorted, n, descending, out);
                for (int i = 0; i < size; i++) {
                    int pos = 0;
                    for (double v : x) {
                        if (descending ? v > x[i] : v < x[i]) {
                            pos++;
                        }
                    }
                    assertEquals(Binning.ntile(pos, size, n), out[i], "value " + x[i] + ", descending " + descending);
                }
            }
        });
    }
}
