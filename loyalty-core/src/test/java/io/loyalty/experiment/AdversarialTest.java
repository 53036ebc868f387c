package io.loyalty.experiment;

import static io.loyalty.testkit.Outcome.rejects;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.loyalty.stats.Interval;
import io.loyalty.testkit.Property;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InvalidObjectException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Issue 15 for experiments: each listed case as a named regression test, then a seeded adversary over the public
 * entry points (1e308, subnormals, counts near Long.MAX_VALUE, early looks, mismatched or out-of-range codes):
 * every call gives a finite result or an IllegalArgumentException naming the input.
 */
class AdversarialTest {

    // Item 2: weights that overflow when summed.

    @Test
    void hugeWeightsSplitUsersByTheWeights() {
        assertSplitFollows(Assignment.of("exp", 1e308, 1e308), 1, 1);
        assertSplitFollows(Assignment.of("exp", Double.MAX_VALUE, Double.MAX_VALUE, Double.MAX_VALUE / 2), 2, 2, 1);
        assertSplitFollows(Assignment.of("exp", Double.MIN_VALUE, 3 * Double.MIN_VALUE), 1, 3);
        // Scaling by a power of two is exact: the arms of ordinary weights are those of the same weights scaled.
        Assignment plain = Assignment.of("spring", 1, 1, 2);
        Assignment scaled = Assignment.of("spring", 0x1p1000, 0x1p1000, 0x1p1001);
        for (int i = 0; i < 10_000; i++) {
            assertEquals(plain.arm("c" + i), scaled.arm("c" + i));
        }
    }

    /** 100,000 users: the chi-square sample-ratio check against the intended ratio must pass, and no arm is empty. */
    private static void assertSplitFollows(Assignment a, double... ratio) {
        long[] counts = new long[a.arms()];
        for (int i = 0; i < 100_000; i++) {
            counts[a.arm("user-" + i)]++;
        }
        SampleRatioCheck check = Assignment.sampleRatioCheck(counts, ratio, 0.001);
        assertTrue(!check.mismatch(), check.toString());
        for (long c : counts) {
            assertTrue(c > 0, check.toString());
        }
        // The check against the assignment's own (huge) weights agrees.
        assertEquals(check.test().pValue(), a.sampleRatioCheck(counts).test().pValue(), 1e-12);
    }

    // Item 15: early looks.

    @Test
    void obrienFlemingSpendingWithTwentyLooksAndEarlyFirstLooks() {
        SequentialDesign d = GroupSequential.design(GroupSequential.Type.OBRIEN_FLEMING_SPENDING, 0.025, 20);
        double[] c = d.criticalValues();
        for (int i = 1; i < c.length; i++) {
            assertTrue(Double.isFinite(c[i]) && c[i] < c[i - 1], d.toString());
        }
        assertEquals(0.025, d.cumulativeAlphaSpent()[19], 1e-7);
        for (double first : new double[] {0.01, 0.05, 0.07}) {
            for (GroupSequential.Type type : first == 0.05 ? GroupSequential.Type.values()
                    : new GroupSequential.Type[] {GroupSequential.Type.OBRIEN_FLEMING_SPENDING}) {
                SequentialDesign e = GroupSequential.design(type, 0.025, new double[] {first, 0.5, 1});
                assertTrue(Double.isFinite(e.criticalValues()[0]), e.toString());
                assertEquals(0.025, e.cumulativeAlphaSpent()[2], 1e-7, e.toString());
            }
        }
        // The first look's boundary is the upper quantile of the alpha it spends, far in the tail.
        SequentialDesign early = GroupSequential.design(GroupSequential.Type.OBRIEN_FLEMING_SPENDING, 0.025,
                new double[] {0.05, 1});
        assertEquals(9.955, early.criticalValues()[0], 1e-3);
    }

    @Test
    void looksThatSpendNothingOrCrowdTogetherAreRejectedByName() {
        rejects(() -> GroupSequential.design(GroupSequential.Type.OBRIEN_FLEMING_SPENDING, 0.025,
                new double[] {1e-4, 1}), "informationRates[0] = 1.0E-4", "spends no alpha");
        rejects(() -> GroupSequential.design(GroupSequential.Type.POCOCK, 0.025, new double[] {0.5, 0.50001, 1}),
                "informationRates[1] = 0.50001");
        rejects(() -> GroupSequential.design(GroupSequential.Type.POCOCK, 0.6, 3), "alpha", "0.6");
    }

    // Item 18: counters that overflow.

    @Test
    void combiningCountsThatOverflowFailsAtTheCombine() {
        ArmSummary big = new ArmSummary(Long.MAX_VALUE - 1, 1, 0);
        rejects(() -> big.combine(new ArmSummary(3, 1, 0)), "combine", "9223372036854775806", "3");
        rejects(() -> new ArmSummary(Long.MAX_VALUE, Double.MAX_VALUE, 0), "n * mean");
        rejects(() -> new ArmSummary(3, 1, Double.MAX_VALUE), "(n - 1) * variance");
    }

    // Item 19: finite values whose squares overflow.

    @Test
    void welchOnValuesNear1e200IsFiniteOrNamesTheArgument() {
        double[] x = {1e150, 2e150, 3e150};
        double[] y = {1e150, 1.5e150, 1.2e150};
        TTest.Result t = TTest.withDefaults().test(x, y);
        double[] xs = {1, 2, 3};
        double[] ys = {1, 1.5, 1.2};
        TTest.Result u = TTest.withDefaults().test(xs, ys);
        assertEquals(u.statistic(), t.statistic(), 1e-12 * Math.abs(u.statistic()));
        assertEquals(u.df(), t.df(), 1e-12 * u.df());
        assertEquals(u.pValue(), t.pValue(), 1e-12);
        TTest.Result s = TTest.withDefaults().withEqualVariances(true).test(x, y);
        assertEquals(TTest.withDefaults().withEqualVariances(true).test(xs, ys).statistic(), s.statistic(), 1e-12);
        // Spread over +-1e200 the variance itself exceeds a double: an argument error naming x.
        rejects(() -> TTest.withDefaults().test(new double[] {1e200, -1e200, 1e200}, ys), "x:",
                "variance overflows", "1.0E200");
        rejects(() -> TTest.withDefaults()
                .test(new double[] {Double.MAX_VALUE, 1}, new double[] {-Double.MAX_VALUE, 1}), "variance overflows");
        // Means as far apart as a summary allows (n * mean finite): the difference is still finite.
        TTest.Result far = TTest.withDefaults().test(new ArmSummary(2, 8e307, 1), new ArmSummary(2, -8e307, 1));
        assertEquals(1.6e308, far.difference().estimate());
        assertTrue(Double.isFinite(far.difference().upper()) && far.pValue() == 0, far.toString());
        rejects(() -> new ArmSummary(2, 1.5e308, 1), "n * mean", "1.5E308");
        rejects(() -> SegmentedSummaries.of(new int[] {0, 0}, new int[] {0, 0}, new double[] {1e200, -1e200},
                List.of("a"), List.of("s")), "value", "arm 'a'", "segment 's'", "overflows");
    }

    // Serialization.

    @Test
    void segmentedSummariesRoundTripAndCraftedStreamsAreRefused() throws Exception {
        SegmentedSummaries s = SegmentedSummaries.of(new int[] {0, 1, 1}, new int[] {0, 0, 1},
                new double[] {1, 2, 4}, List.of("a", "b"), List.of("x", "y"));
        SegmentedSummaries back = (SegmentedSummaries) read(write(s));
        assertEquals(s.toString(), back.toString());
        assertEquals(s.cell(1, 1), back.cell(1, 1));
        String[] tamper = {"negative count", "NaN term", "too few cells", "repeated arm", "null segment",
            "rows without sums"};
        for (String t : tamper) {
            Object proxy = proxyOf(s);
            double[][][] terms = (double[][][]) get(proxy, "terms");
            switch (t) {
                case "negative count":
                    set(proxy, "n", new long[] {-1, 0, 1, 1});
                    break;
                case "NaN term":
                    terms[0][0] = new double[] {Double.NaN};
                    break;
                case "too few cells":
                    set(proxy, "terms", new double[1][][]);
                    break;
                case "repeated arm":
                    set(proxy, "arms", new String[] {"a", "a"});
                    break;
                case "null segment":
                    set(proxy, "segments", new String[] {"x", null});
                    break;
                default:
                    terms[2] = null;
            }
            assertThrows(InvalidObjectException.class, () -> read(write(proxy)), t);
        }
    }

    private static Object get(Object target, String field) throws ReflectiveOperationException {
        Field f = target.getClass().getDeclaredField(field);
        f.setAccessible(true);
        return f.get(target);
    }

    private static void set(Object target, String field, Object value) throws ReflectiveOperationException {
        Field f = target.getClass().getDeclaredField(field);
        f.setAccessible(true);
        f.set(target, value);
    }

    // Order and split invariance of per-arm summaries.

    @Test
    void perArmSummariesAreBitwiseEqualAfterShufflingAndAnySplitAndCombine() {
        Property.forAll("segmented summaries: shuffle, split, combine", 200, r -> {
            int rows = r.nextInt(4) == 0 ? Property.between(r, 0, 3) : Property.between(r, 1, 400);
            int[] arm = new int[rows];
            int[] seg = new int[rows];
            double[] v = new double[rows];
            double centre = CENTRES[r.nextInt(CENTRES.length)];
            for (int i = 0; i < rows; i++) {
                arm[i] = r.nextInt(2);
                seg[i] = r.nextInt(3);
                v[i] = r.nextInt(10) == 0 ? VALUES[r.nextInt(VALUES.length)] : centre * (1 + r.nextGaussian() * 1e-3);
            }
            List<String> arms = List.of("a", "b");
            List<String> segs = List.of("s0", "s1", "s2");
            SegmentedSummaries whole;
            try {
                whole = SegmentedSummaries.of(arm, seg, v, arms, segs);
            } catch (IllegalArgumentException e) {
                assertTrue(e.getMessage().contains("overflows"), e.getMessage());
                return;
            }
            for (int parts : new int[] {2, 5}) {
                int[] perm = Property.shuffledPermutation(r, rows);
                int[] part = new int[rows];
                int[] size = new int[parts];
                for (int i = 0; i < rows; i++) {
                    part[i] = r.nextInt(parts);
                    size[part[i]]++;
                }
                SegmentedSummaries merged = null;
                for (int p : Property.shuffledPermutation(r, parts)) {
                    int[] a = new int[size[p]];
                    int[] s = new int[size[p]];
                    double[] x = new double[size[p]];
                    int k = 0;
                    for (int i = 0; i < rows; i++) {
                        if (part[i] == p) {
                            a[k] = arm[perm[i]];
                            s[k] = seg[perm[i]];
                            x[k++] = v[perm[i]];
                        }
                    }
                    SegmentedSummaries piece = SegmentedSummaries.of(a, s, x, arms, segs);
                    merged = merged == null ? piece : merged.combine(piece);
                }
                for (int a = 0; a < 2; a++) {
                    for (int s = 0; s < 3; s++) {
                        assertEquals(whole.count(a, s), merged.count(a, s));
                        if (whole.count(a, s) > 0) {
                            assertBitwise(whole.cell(a, s), merged.cell(a, s));
                        }
                    }
                    if (whole.count(a, 0) + whole.count(a, 1) + whole.count(a, 2) > 0) {
                        assertBitwise(whole.arm(a), merged.arm(a));
                    }
                }
            }
        });
    }

    private static final double[] CENTRES = {0, 1, 1000, 1e-300, 1e15, 1e150, 0x1p53};
    private static final double[] VALUES = {0, -0.0, 1, Double.MIN_VALUE, 0x1p53 + 2, -1e6, 1e100, 12_345_678.91};

    private static void assertBitwise(ArmSummary expected, ArmSummary actual) {
        assertEquals(expected.n(), actual.n());
        assertEquals(Double.doubleToLongBits(expected.mean()), Double.doubleToLongBits(actual.mean()),
                () -> expected + " vs " + actual);
        assertEquals(Double.doubleToLongBits(expected.variance()), Double.doubleToLongBits(actual.variance()),
                () -> expected + " vs " + actual);
    }

    // The adversary.

    private static final double[] EDGE = {0, 1, -1, 0.5, 1e308, -1e308, Double.MAX_VALUE, Double.MIN_VALUE,
        0x1p53 - 1, 0x1p53 + 2, 1e-300, 1e200, Double.NaN, Double.POSITIVE_INFINITY, 2.5, 100};
    private static final long[] COUNTS = {0, 1, 2, 10, 1000, Long.MAX_VALUE, Long.MAX_VALUE - 1, -1, 1L << 53};

    private static double edge(SplittableRandom r) {
        return r.nextBoolean() ? EDGE[r.nextInt(EDGE.length)] : r.nextGaussian() * 10;
    }

    private static double[] values(SplittableRandom r) {
        double[] v = new double[r.nextInt(5) == 0 ? r.nextInt(2) : Property.between(r, 2, 12)];
        for (int i = 0; i < v.length; i++) {
            v[i] = edge(r);
        }
        return v;
    }

    @Test
    void publicEntryPointsGiveFiniteResultsOrNameTheirInput() {
        Property.forAll("adversarial experiments", 1500, r -> {
            switch (r.nextInt(5)) {
                case 0:
                    attempt(() -> {
                        double[] w = values(r);
                        Assignment a = Assignment.of("k", w);
                        int arm = a.arm("user-" + r.nextInt());
                        assertTrue(arm >= 0 && arm < w.length);
                    });
                    break;
                case 1:
                    attempt(() -> {
                        // Drawn in the order the cases have always been drawn: welch, x, y, alternative.
                        boolean welch = r.nextBoolean();
                        double[] x = values(r);
                        double[] y = values(r);
                        TTest.Result t = TTest.withDefaults().with(Alternative.values()[r.nextInt(3)])
                                .withEqualVariances(!welch).test(x, y);
                        assertFiniteTest(t);
                    });
                    break;
                case 2:
                    attempt(() -> {
                        ArmSummary a = new ArmSummary(COUNTS[r.nextInt(COUNTS.length)], edge(r), Math.abs(edge(r)));
                        ArmSummary b = new ArmSummary(COUNTS[r.nextInt(COUNTS.length)], edge(r), Math.abs(edge(r)));
                        ArmSummary c = a.combine(b);
                        assertTrue(Double.isFinite(c.mean()) && Double.isFinite(c.variance()), c.toString());
                        assertFiniteTest(TTest.withDefaults().withConfidence(0.9).test(a, b));
                    });
                    break;
                case 3:
                    attempt(() -> {
                        long[] observed = new long[Property.between(r, 1, 4)];
                        double[] w = new double[r.nextInt(6) == 0 ? observed.length + 1 : observed.length];
                        for (int i = 0; i < observed.length; i++) {
                            observed[i] = COUNTS[r.nextInt(COUNTS.length)];
                        }
                        for (int i = 0; i < w.length; i++) {
                            w[i] = edge(r);
                        }
                        ChiSquareTest.Result t = Assignment.sampleRatioCheck(observed, w, 0.001).test();
                        assertTrue(Double.isFinite(t.statistic()) && t.pValue() >= 0 && t.pValue() <= 1);
                    });
                    break;
                case 4:
                    attempt(() -> {
                        int rows = Property.between(r, 0, 8);
                        int[] arm = new int[rows];
                        int[] seg = new int[rows];
                        double[] v = new double[r.nextInt(8) == 0 ? rows + 1 : rows];
                        for (int i = 0; i < rows; i++) {
                            arm[i] = r.nextInt(8) == 0 ? 2 : r.nextInt(2);
                            seg[i] = r.nextInt(8) == 0 ? -1 : 0;
                        }
                        for (int i = 0; i < v.length; i++) {
                            v[i] = edge(r);
                        }
                        SegmentedSummaries s = SegmentedSummaries.of(arm, seg, v, List.of("a", "b"), List.of("s"));
                        SegmentedSummaries t = s.combine(s);
                        for (int a = 0; a < 2; a++) {
                            if (t.count(a, 0) > 0) {
                                ArmSummary c = t.arm(a);
                                assertTrue(Double.isFinite(c.mean()) && Double.isFinite(c.variance()));
                            }
                        }
                    });
                    break;
                default:
                    throw new AssertionError("no such case");
            }
        });
    }

    @Test
    void sequentialDesignsAtAdversarialLevelsAndLooksAreFiniteOrNameTheirInput() {
        Property.forAll("adversarial sequential designs", 30, r -> {
            attempt(() -> {
                        GroupSequential.Type type = GroupSequential.Type.values()[r.nextInt(4)];
                        double alpha = r.nextInt(6) == 0 ? edge(r) : Math.exp(-1 - 12 * r.nextDouble());
                        int k = Property.between(r, 1, type.ordinal() < 2 ? 5 : 3);
                        double[] rates = new double[k];
                        double t = r.nextInt(3) == 0 ? 1e-6 * Property.between(r, 1, 100_000) : 0;
                        for (int i = 0; i < k; i++) {
                            t = i == k - 1 ? 1 : t + (1 - t) * r.nextDouble() * 0.7;
                            rates[i] = t;
                        }
                        SequentialDesign d = GroupSequential.design(type, alpha, rates);
                        double prev = 0;
                        for (int i = 0; i < k; i++) {
                            assertTrue(Double.isFinite(d.criticalValues()[i]), d.toString());
                            assertTrue(d.cumulativeAlphaSpent()[i] >= prev, d.toString());
                            prev = d.cumulativeAlphaSpent()[i];
                        }
                        assertEquals(alpha, prev, 1e-6 * alpha, d.toString());
            });
        });
    }

    @Test
    void rateTestsPowerRankSumAndCupedGiveFiniteResultsOrNameTheirInput() {
        Property.forAll("adversarial rates, power, ranks, CUPED", 1500, r -> {
            long n1 = COUNTS[r.nextInt(COUNTS.length)];
            long n2 = COUNTS[r.nextInt(COUNTS.length)];
            long x1 = r.nextBoolean() ? COUNTS[r.nextInt(COUNTS.length)] : n1 / 2;
            long x2 = r.nextBoolean() ? COUNTS[r.nextInt(COUNTS.length)] : n2 / 3;
            double level = r.nextInt(5) == 0 ? edge(r) : 0.95;
            Alternative alt = Alternative.values()[r.nextInt(3)];
            switch (r.nextInt(8)) {
                case 0:
                    attempt(() -> finite(Proportions.wilson(x1, n1, level)));
                    break;
                case 1:
                    attempt(() -> finite(Proportions.newcombe(x1, n1, x2, n2, level)));
                    break;
                case 2:
                    attempt(() -> {
                        PropTest.Result t = PropTest.withDefaults().with(alt).withConfidence(level)
                                .withContinuityCorrection(r.nextBoolean()).test(x1, n1, x2, n2);
                        assertTrue(t.pValue() >= 0 && t.pValue() <= 1, t.toString());
                    });
                    break;
                case 3:
                    attempt(() -> {
                        double p = Proportions.zTest(x1, n1, x2, n2, alt);
                        assertTrue(p >= 0 && p <= 1);
                        finite(Proportions.relativeLift(x1, n1, x2, n2, level));
                    });
                    break;
                case 4:
                    attempt(() -> {
                        double n = Power.meansSampleSize(edge(r), edge(r), level > 0 && level < 1 ? 1 - level : level,
                                0.8, alt, Math.abs(edge(r)));
                        assertTrue(Double.isFinite(n) && n > 0, Double.toString(n));
                    });
                    break;
                case 5:
                    attempt(() -> {
                        double p = Power.proportionsPower(Math.abs(edge(r)), r.nextDouble(), r.nextDouble(), 0.05,
                                alt, Math.abs(edge(r)));
                        assertTrue(p >= 0 && p <= 1, Double.toString(p));
                    });
                    break;
                case 6:
                    attempt(() -> {
                        RankSumTest t = RankSum.normal(values(r), values(r), alt, r.nextBoolean());
                        assertTrue(t.pValue() >= 0 && t.pValue() <= 1, t.toString());
                    });
                    break;
                default:
                    attempt(() -> {
                        double[] t = values(r);
                        double[] c = values(r);
                        CupedResult res = Cuped.test(t, values(r), c, values(r), level);
                        assertTrue(Double.isFinite(res.theta()), res.toString());
                    });
            }
        });
    }

    private static void finite(Interval i) {
        assertTrue(Double.isFinite(i.estimate()) && Double.isFinite(i.lower()) && Double.isFinite(i.upper()),
                i.toString());
    }

    private static void assertFiniteTest(TTest.Result t) {
        assertTrue(Double.isFinite(t.statistic()) && Double.isFinite(t.df()) && t.df() > 0, t.toString());
        assertTrue(t.pValue() >= 0 && t.pValue() <= 1, t.toString());
        assertTrue(Double.isFinite(t.difference().estimate()), t.toString());
    }

    /** Runs a call: it may only fail with an IllegalArgumentException that has a message. */
    private static void attempt(Runnable call) {
        try {
            call.run();
        } catch (IllegalArgumentException e) {
            assertTrue(e.getMessage() != null && !e.getMessage().isBlank(), "an argument error without a message");
        }
    }

    private static Object proxyOf(SegmentedSummaries s) throws ReflectiveOperationException {
        Class<?> proxy = Class.forName(SegmentedSummaries.class.getName() + "$Proxy");
        Constructor<?> c = proxy.getDeclaredConstructor(SegmentedSummaries.class);
        c.setAccessible(true);
        return c.newInstance(s);
    }

    private static byte[] write(Object o) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(o);
        }
        return bytes.toByteArray();
    }

    private static Object read(byte[] bytes) throws IOException, ClassNotFoundException {
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes))) {
            return in.readObject();
        }
    }
}
