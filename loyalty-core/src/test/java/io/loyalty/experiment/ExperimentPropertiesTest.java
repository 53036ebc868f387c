package io.loyalty.experiment;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.loyalty.stats.Interval;
import io.loyalty.testkit.Property;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Seeded invariants of the experiment family. */
class ExperimentPropertiesTest {
    private static double[] sample(SplittableRandom r, int n) {
        double[] v = new double[n];
        double shift = r.nextDouble() * 3;
        for (int i = 0; i < n; i++) {
            // Zero-inflated, heavy-tailed, like spend.
            v[i] = r.nextDouble() < 0.3 ? 0 : Math.exp(r.nextGaussian() + shift);
        }
        return v;
    }

    private static void inUnit(double p) {
        assertTrue(p >= 0 && p <= 1, "p-value " + p);
    }

    @Test
    void rateTestsGiveValidPValuesAndIntervalsContainEstimates() {
        Property.forAll("rates", 300, r -> {
            long n1 = Property.between(r, 2, 5000);
            long n2 = Property.between(r, 2, 5000);
            long x1 = r.nextLong(n1 + 1);
            long x2 = r.nextLong(n2 + 1);
            double conf = 0.5 + 0.49 * r.nextDouble();
            for (Interval i : List.of(Proportions.wilson(x1, n1, conf), Proportions.newcombe(x1, n1, x2, n2, conf),
                    Proportions.wald(x1, n1, x2, n2, conf, r.nextBoolean()))) {
                assertTrue(i.contains(i.estimate()), i.toString());
            }
            for (Alternative alt : Alternative.values()) {
                inUnit(FisherExact.pValue(x1, n1 - x1, x2, n2 - x2, alt));
            }
            if (x1 + x2 > 0 && x1 + x2 < n1 + n2) {
                inUnit(Proportions.zTest(x1, n1, x2, n2, Alternative.TWO_SIDED));
                inUnit(ChiSquareTest.withDefaults()
                        .equalProportions(new long[] {x1, x2}, new long[] {n1, n2}).pValue());
                // Swapping the arms negates the difference and keeps the two-sided p-value.
                assertEquals(Proportions.zTest(x1, n1, x2, n2, Alternative.TWO_SIDED),
                        Proportions.zTest(x2, n2, x1, n1, Alternative.TWO_SIDED), 1e-15);
                Interval a = Proportions.newcombe(x1, n1, x2, n2, conf);
                Interval b = Proportions.newcombe(x2, n2, x1, n1, conf);
                assertEquals(-a.estimate(), b.estimate(), 1e-15);
                assertEquals(-a.upper(), b.lower(), 1e-12);
                assertEquals(FisherExact.pValue(x1, n1 - x1, x2, n2 - x2, Alternative.TWO_SIDED),
                        FisherExact.pValue(x2, n2 - x2, x1, n1 - x1, Alternative.TWO_SIDED), 1e-9);
            }
        });
    }

    @Test
    void meanTestsAreAntisymmetricAndValid() {
        Property.forAll("means", 100, r -> {
            double[] x = sample(r, Property.between(r, 3, 300));
            double[] y = sample(r, Property.between(r, 3, 300));
            TTest.Result w = TTest.withDefaults().test(x, y);
            TTest.Result ws = TTest.withDefaults().test(y, x);
            inUnit(w.pValue());
            assertTrue(w.difference().contains(w.difference().estimate()));
            assertEquals(-w.difference().estimate(), ws.difference().estimate(), 1e-9);
            assertEquals(w.pValue(), ws.pValue(), 1e-12);
            TTest.Result s = TTest.withDefaults().with(Alternative.GREATER).withEqualVariances(true).withConfidence(0.9)
                    .test(x, y);
            inUnit(s.pValue());
            assertTrue(s.difference().contains(s.difference().estimate()));
            RankSumTest rs = RankSum.normal(x, y, Alternative.TWO_SIDED, true);
            inUnit(rs.pValue());
            assertEquals(rs.pValue(), RankSum.normal(y, x, Alternative.TWO_SIDED, true).pValue(), 1e-12);
            Interval bca = Bootstrap.bca(x, y, 200, 0.9, r.nextLong());
            assertTrue(bca.contains(bca.estimate()));
        });
    }

    @Test
    void exactRankSumAgreesWithItsOwnSymmetry() {
        Property.forAll("exact rank sum", 50, r -> {
            double[] x = new double[Property.between(r, 1, 12)];
            double[] y = new double[Property.between(r, 1, 12)];
            for (int i = 0; i < x.length; i++) {
                x[i] = r.nextDouble();
            }
            for (int i = 0; i < y.length; i++) {
                y[i] = r.nextDouble();
            }
            RankSumTest g = RankSum.exact(x, y, Alternative.GREATER);
            RankSumTest l = RankSum.exact(y, x, Alternative.LESS);
            assertEquals(g.pValue(), l.pValue(), 1e-12);
            inUnit(RankSum.exact(x, y, Alternative.TWO_SIDED).pValue());
        });
    }

    @Test
    void adjustedPValuesAreMonotoneAndHolmBelowBonferroni() {
        Property.forAll("p.adjust", 300, r -> {
            double[] p = new double[Property.between(r, 1, 40)];
            for (int i = 0; i < p.length; i++) {
                p[i] = r.nextDouble() < 0.1 ? p[Math.max(0, i - 1)] : Math.pow(r.nextDouble(), 3);
            }
            double[] copy = p.clone();
            double[] holm = Adjustment.HOLM.adjust(p);
            double[] bonferroni = Adjustment.BONFERRONI.adjust(p);
            for (Adjustment m : Adjustment.values()) {
                double[] a = m.adjust(p);
                for (int i = 0; i < p.length; i++) {
                    assertTrue(a[i] >= p[i] - 1e-15 && a[i] <= 1, m + " " + a[i]);
                    for (int j = 0; j < p.length; j++) {
                        if (p[i] <= p[j]) {
                            assertTrue(a[i] <= a[j] + 1e-15, m + " not monotone");
                        }
                    }
                }
            }
            for (int i = 0; i < p.length; i++) {
                assertTrue(holm[i] <= bonferroni[i] + 1e-15);
            }
            assertArrayEquals(copy, p, "input mutated");
        });
    }

    @Test
    void obrienFlemingBoundariesDecrease() {
        // Spending designs are cheap: many trials, levels from 1e-5 to 0.3 (20 looks: AdversarialTest).
        Property.forAll("OBF spending decreasing", 40, r -> {
            int k = Property.between(r, 1, 8);
            double alpha = Math.exp(Math.log(1e-5) + r.nextDouble() * Math.log(0.3 / 1e-5));
            checkDecreasing(GroupSequential.design(GroupSequential.Type.OBRIEN_FLEMING_SPENDING, alpha, k), alpha);
        });
        // Classical designs solve for their constant through the whole recursion: fewer trials, fewer looks.
        Property.forAll("OBF classical decreasing", 8, r -> {
            int k = Property.between(r, 2, 3);
            double alpha = 0.005 + 0.045 * r.nextDouble();
            checkDecreasing(GroupSequential.design(GroupSequential.Type.OBRIEN_FLEMING, alpha, k), alpha);
        });
    }

    private static void checkDecreasing(SequentialDesign d, double alpha) {
        double[] c = d.criticalValues();
        for (int i = 1; i < c.length; i++) {
            assertTrue(c[i] < c[i - 1], d.toString());
        }
        assertEquals(alpha, d.cumulativeAlphaSpent()[c.length - 1], 1e-7 * Math.max(1, alpha / 0.05));
    }

    @Test
    void alwaysValidPValueNeverIncreases() {
        Property.forAll("mSPRT monotone", 200, r -> {
            Msprt m = Msprt.of(1e-4 * (0.1 + r.nextDouble()), 0);
            double previous = 1;
            long n = 0;
            for (int look = 0; look < 20; look++) {
                n += Property.between(r, 1, 500);
                double a = 0.1 + 0.02 * r.nextGaussian() / Math.sqrt(n);
                double b = 0.1 + 0.01 + 0.02 * r.nextGaussian();
                m = m.look(n, a, b, 0.09);
                assertTrue(m.pValue() <= previous && m.pValue() > 0);
                previous = m.pValue();
            }
        });
    }

    @Test
    void exactAndIntegratedProbabilityAgree() {
        Property.forAll("P(B > A)", 40, r -> {
            double aA = Property.between(r, 1, 400);
            double bA = Property.between(r, 1, 4000);
            double aB = Property.between(r, 1, 400);
            double bB = Property.between(r, 1, 4000);
            double exact = BetaBinomial.exact(aA, bA, aB, bB);
            assertEquals(exact, BetaBinomial.integrated(aA, bA, aB, bB), 1e-9, aA + " " + bA + " " + aB + " " + bB);
            assertEquals(1 - exact, BetaBinomial.exact(aB, bB, aA, bA), 1e-9);
        });
    }

    @Test
    void bayesReadoutIsCoherent() {
        Property.forAll("Bayes readout", 10, r -> {
            long n = Property.between(r, 20, 5000);
            long xa = r.nextLong(n + 1);
            long xb = r.nextLong(n + 1);
            BayesReadout b = BetaBinomial.withDefaults().readout(xb, n, xa, n, 0.9);
            inUnit(b.probabilityBBeatsA());
            assertTrue(b.lift().contains(b.lift().estimate()), b.toString());
            assertTrue(b.expectedLossA() >= 0 && b.expectedLossB() >= 0);
            // E[(B - A)+] - E[(A - B)+] = E[B] - E[A], the posterior means' difference.
            double meanGap = (1.0 + xb) / (n + 2) - (1.0 + xa) / (n + 2);
            assertEquals(meanGap, b.expectedLossA() - b.expectedLossB(), 1e-9);
        });
    }

    @Test
    void summariesDoNotDependOnRowOrderOrSplit() {
        Property.forAll("segmented summaries", 30, r -> {
            int rows = Property.between(r, 1, 2000);
            int[] arm = new int[rows];
            int[] seg = new int[rows];
            double[] v = new double[rows];
            for (int i = 0; i < rows; i++) {
                arm[i] = r.nextInt(3);
                seg[i] = r.nextInt(4);
                v[i] = 1000 + r.nextGaussian();
            }
            List<String> arms = List.of("a", "b", "c");
            List<String> segs = List.of("s0", "s1", "s2", "s3");
            SegmentedSummaries whole = SegmentedSummaries.of(arm, seg, v, arms, segs);
            int[] perm = Property.shuffledPermutation(r, rows);
            int cut = r.nextInt(rows + 1);
            int[] a1 = new int[cut];
            int[] s1 = new int[cut];
            double[] v1 = new double[cut];
            int[] a2 = new int[rows - cut];
            int[] s2 = new int[rows - cut];
            double[] v2 = new double[rows - cut];
            for (int i = 0; i < rows; i++) {
                int p = perm[i];
                if (i < cut) {
                    a1[i] = arm[p];
                    s1[i] = seg[p];
                    v1[i] = v[p];
                } else {
                    a2[i - cut] = arm[p];
                    s2[i - cut] = seg[p];
                    v2[i - cut] = v[p];
                }
            }
            SegmentedSummaries merged = SegmentedSummaries.of(a1, s1, v1, arms, segs)
                    .combine(SegmentedSummaries.of(a2, s2, v2, arms, segs));
            // The second part coded its own way (reversed arms, segments in another order), then relabelled.
            int[] a2r = new int[a2.length];
            int[] s2r = new int[s2.length];
            for (int i = 0; i < a2.length; i++) {
                a2r[i] = 2 - a2[i];
                s2r[i] = (s2[i] + 1) % 4;
            }
            SegmentedSummaries own = SegmentedSummaries.of(a2r, s2r, v2, List.of("c", "b", "a"),
                    List.of("s3", "s0", "s1", "s2"));
            SegmentedSummaries relabelled = SegmentedSummaries.of(a1, s1, v1, arms, segs)
                    .combine(roundTrip(own).withLabels(arms, segs));
            for (int a = 0; a < 3; a++) {
                for (int s = 0; s < 4; s++) {
                    assertEquals(whole.count(a, s), merged.count(a, s));
                    assertEquals(whole.count(a, s), relabelled.count(a, s));
                    if (whole.count(a, s) > 0) {
                        // Exact sums: the same bits whatever the order and split.
                        assertEquals(merged.cell(a, s), relabelled.cell(a, s));
                        assertEquals(whole.cell(a, s), merged.cell(a, s));
                    }
                }
            }
        });
    }

    @Test
    void relabellingKeepsCellsAndAddsEmptyOnes() {
        SegmentedSummaries s = SegmentedSummaries.of(new int[] {0, 1, 1}, new int[] {0, 0, 0},
                new double[] {1, 2, 4}, List.of("b", "a"), List.of("x"));
        SegmentedSummaries wider = s.withLabels(List.of("a", "b", "c"), List.of("w", "x"));
        assertEquals(s.arm(0), wider.arm(1));
        assertEquals(s.cell(1, 0), wider.cell(0, 1));
        assertEquals(0, wider.count(2, 0));
        assertThrows(IllegalArgumentException.class, () -> s.withLabels(List.of("a"), List.of("x")));
        assertThrows(IllegalArgumentException.class, () -> s.withLabels(List.of("a", "b", "a"), List.of("x")));
    }

    /** Through Java serialization, as between a cluster's executors and its driver. */
    private static SegmentedSummaries roundTrip(SegmentedSummaries s) {
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
                out.writeObject(s);
            }
            try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
                return (SegmentedSummaries) in.readObject();
            }
        } catch (IOException | ClassNotFoundException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void sampleSizeRoundTripsThroughPower() {
        Property.forAll("power round trip", 30, r -> {
            double ratio = 0.5 + 2 * r.nextDouble();
            double alpha = 0.01 + 0.09 * r.nextDouble();
            double power = 0.5 + 0.45 * r.nextDouble();
            Alternative alt = r.nextBoolean() ? Alternative.TWO_SIDED : Alternative.GREATER;
            double p1 = 0.05 + 0.4 * r.nextDouble();
            double p2 = p1 + 0.02 + 0.3 * r.nextDouble();
            double n = Power.proportionsSampleSize(p1, p2, alpha, power, alt, ratio);
            assertEquals(power, Power.proportionsPower(n, p1, p2, alpha, alt, ratio), 1e-3);
            assertTrue(Power.proportionsPower(n * 1.5, p1, p2, alpha, alt, ratio) > power);
            double delta = 0.1 + r.nextDouble();
            double m = Power.meansSampleSize(delta, 1, alpha, power, alt, ratio);
            assertEquals(power, Power.meansPower(m, delta, 1, alpha, alt, ratio), 1e-3);
            assertEquals(delta, Power.meansDetectable(m, 1, alpha, power, alt, ratio), 1e-3 * delta);
        });
    }

    @Test
    void assignmentHashIsStableAndBalanced() {
        // Pinned values: the documented hash must never change.
        assertEquals(Assignment.hash("exp-1", "customer-42"), Assignment.hash("exp-1", "customer-42"));
        assertEquals(PINNED_HASH, Assignment.hash("spring-points-offer", "C-000017"));
        Assignment a = Assignment.of("spring-points-offer", 1, 1, 2);
        long[] counts = new long[3];
        for (int i = 0; i < 1_000_000; i++) {
            counts[a.arm(Integer.toString(i))]++;
        }
        SampleRatioCheck check = a.sampleRatioCheck(counts);
        assertFalse(check.mismatch(), check.toString());
        assertTrue(check.test().pValue() > 0.001, check.toString());
        assertEquals(a.arm("C-000017"), Assignment.of("spring-points-offer", 1, 1, 2).arm("C-000017"));
    }

    /** Computed independently in Python from the documented definition. */
    static final long PINNED_HASH = -4346949782527144103L;
}
