package io.loyalty.nps;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.loyalty.data.PeriodRule;
import io.loyalty.stats.Interval;
import io.loyalty.testkit.Outcome;
import io.loyalty.testkit.Property;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * Issue 15's adversary for the NPS family: seeded inputs that mix ordinary rows with boundary values (answers off
 * the scale by one and at the int limits, blank, Unicode and null labels, epoch days at and beyond the PeriodRule
 * limits and at the long limits, duplicates, ties, unsorted rows, mismatched lengths, empty and single-row input,
 * counts near Long.MAX_VALUE, weights from subnormal to 1e308). Every call either returns finite numbers that
 * agree with a plain recount, or throws an IllegalArgumentException naming a bad input; accumulation is bitwise
 * the same after shuffling and after any split-and-combine.
 */
class NpsAdversarialTest {
    private static <T> T outcome(Supplier<T> call, List<String> expectedFragments) {
        return Outcome.of(call, expectedFragments);
    }

    private static <T> T outcome(Supplier<T> call, List<String> badInput, List<String> limits) {
        return Outcome.of(call, badInput, limits);
    }

    private static final long MIN_DAY = PeriodRule.MIN_DAY;
    private static final long MAX_DAY = PeriodRule.MAX_DAY;
    private static final String[] LABELS = {"a", "b", "Zürich", "東京", "a ", "\u00e9", "e\u0301", "𝔘"};
    private static final String[] BAD_LABELS = {null, "", "  "};

    /** A row count from the edges as often as from the middle. */
    private static int rows(SplittableRandom r) {
        switch (Property.between(r, 0, 4)) {
            case 0:
                return 0;
            case 1:
                return 1;
            case 2:
                return 2;
            default:
                return Property.between(r, 3, 300);
        }
    }

    private static int answer(SplittableRandom r, boolean allowBad) {
        if (allowBad && r.nextInt(40) == 0) {
            int[] bad = {-1, 11, Integer.MIN_VALUE, Integer.MAX_VALUE};
            return bad[r.nextInt(bad.length)];
        }
        // Ties on the category cut points 6/7 and 8/9 as often as anything else.
        int[] edge = {0, 6, 7, 8, 9, 10};
        return r.nextBoolean() ? edge[r.nextInt(edge.length)] : Property.between(r, 0, 10);
    }

    private static long day(SplittableRandom r, boolean allowBad) {
        if (allowBad && r.nextInt(40) == 0) {
            long[] bad = {Long.MIN_VALUE, Long.MAX_VALUE, MIN_DAY - 1, MAX_DAY + 1};
            return bad[r.nextInt(bad.length)];
        }
        switch (r.nextInt(6)) {
            case 0:
                return MIN_DAY + r.nextInt(400);
            case 1:
                return MAX_DAY - r.nextInt(400);
            case 2:
                return r.nextInt(3) - 1;
            default:
                return 15_000 + r.nextInt(800);
        }
    }

    private static void checkFinite(NpsBreakdown b) {
        for (NpsBreakdown.Row row : b.rows()) {
            double[] values = {row.nps().points(), row.nps().standardError(), row.interval().lower(),
                row.interval().upper()};
            for (double v : values) {
                assertTrue(Double.isFinite(v), row.toString());
            }
        }
        assertTrue(Double.isFinite(b.overall().points()) && Double.isFinite(b.overallInterval().lower())
                && Double.isFinite(b.overallInterval().upper()), b.toString());
    }

    @Test
    void bySegmentGivesARecountOrNamesTheBadRow() {
        Property.forAll("NPS bySegment adversary", 400, r -> {
            int n = rows(r);
            String[] seg = new String[n];
            int[] ans = new int[n];
            List<String> bad = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                seg[i] = r.nextInt(50) == 0 ? BAD_LABELS[r.nextInt(BAD_LABELS.length)]
                        : LABELS[r.nextInt(LABELS.length)];
                ans[i] = answer(r, true);
                if (seg[i] == null) {
                    bad.add("segments[" + i + "] is null");
                }
                if (ans[i] < 0 || ans[i] > 10) {
                    bad.add("answers[" + i + "] = " + ans[i]);
                }
            }
            if (n == 0) {
                bad.add("no responses");
            }
            int[] answers = r.nextInt(20) == 0 ? Arrays.copyOf(ans, n + 1) : ans;
            if (answers.length != n) {
                bad.clear();
                bad.add("answers has " + (n + 1) + " rows");
            }
            NpsBreakdown b = outcome(() -> NpsCalculator.withDefaults().bySegment(seg, answers), bad);
            if (b != null) {
                checkFinite(b);
                // Blank labels are labels like any other here; each row's tally is a plain recount.
                for (NpsBreakdown.Row row : b.rows()) {
                    long[] c = new long[3];
                    for (int i = 0; i < n; i++) {
                        if (seg[i].equals(row.label())) {
                            c[ans[i] <= 6 ? 0 : ans[i] <= 8 ? 1 : 2]++;
                        }
                    }
                    assertEquals(Nps.ofCounts(c[0], c[1], c[2]), row.nps(), row.label());
                }
                assertEquals(n, b.overall().n());
            }
        });
    }

    @Test
    void byPeriodGivesARecountOrNamesTheBadDay() {
        Property.forAll("NPS byPeriod adversary", 300, r -> {
            int n = rows(r);
            long[] days = new long[n];
            int[] ans = new int[n];
            List<String> bad = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                days[i] = day(r, true);
                ans[i] = answer(r, true);
                if (days[i] < MIN_DAY || days[i] > MAX_DAY) {
                    bad.add("epochDays[" + i + "] = " + days[i]);
                }
                if (ans[i] < 0 || ans[i] > 10) {
                    bad.add("answers[" + i + "] = " + ans[i]);
                }
            }
            if (n == 0) {
                bad.add("no responses");
            }
            NpsPeriod period = NpsPeriod.values()[r.nextInt(NpsPeriod.values().length)];
            NpsBreakdown b = outcome(() -> NpsCalculator.withDefaults().byPeriod(days, ans, period), bad);
            if (b != null) {
                checkFinite(b);
                assertEquals(n, b.overall().n());
                long rowsTotal = b.rows().stream().mapToLong(row -> row.nps().n()).sum();
                assertEquals(n, rowsTotal);
                // Rows in time order: the same as the rows of the same answers sorted by day.
                int[] order = Property.shuffledPermutation(r, n);
                long[] d2 = new long[n];
                int[] a2 = new int[n];
                for (int i = 0; i < n; i++) {
                    d2[i] = days[order[i]];
                    a2[i] = ans[order[i]];
                }
                assertEquals(b.toString(), NpsCalculator.withDefaults().byPeriod(d2, a2, period).toString());
            }
        });
    }

    /** Counts near the long limit: a tally of each, or an argument error naming the add or combine. */
    @Test
    void hugeCountsAreExactOrRejectedWhereTheyOverflow() {
        Property.forAll("NPS counts near Long.MAX_VALUE", 300, r -> {
            NpsAccumulator acc = NpsAccumulator.create(2);
            long expected = 0;
            boolean overflowed = false;
            for (int step = 0; step < 4; step++) {
                long count = r.nextBoolean() ? Long.MAX_VALUE - r.nextInt(3) : r.nextLong(Long.MAX_VALUE / 2);
                int segment = r.nextInt(2);
                int answer = answer(r, false);
                try {
                    if (r.nextBoolean()) {
                        acc.add(segment, answer, count);
                    } else {
                        NpsAccumulator other = NpsAccumulator.create(2);
                        other.add(segment, answer, count);
                        acc.combine(other);
                    }
                    expected += count;
                } catch (IllegalArgumentException e) {
                    overflowed = true;
                    assertTrue(e.getMessage().contains("adds " + count + " answers"), e.getMessage());
                    assertTrue(expected > Long.MAX_VALUE - count, "rejected an addition that fits");
                }
            }
            assertTrue(expected >= 0);
            if (expected > 0) {
                assertEquals(expected, acc.snapshot().total().n());
                assertTrue(Double.isFinite(acc.snapshot().total().points()));
                assertTrue(Double.isFinite(acc.snapshot().total().interval(IntervalMethod.SCORE, 0.95).lower()));
            }
            assertTrue(overflowed || expected == acc.snapshot().total().n() || expected == 0);
        });
    }

    @Test
    void accumulationIsBitwiseTheSameShuffledAndSplit() {
        Property.forAll("NPS order and split invariance", 300, r -> {
            int k = Property.between(r, 1, 5);
            int n = rows(r);
            int[] seg = new int[n];
            int[] ans = new int[n];
            for (int i = 0; i < n; i++) {
                seg[i] = r.nextInt(k);
                ans[i] = answer(r, false);
            }
            NpsAccumulator whole = NpsAccumulator.create(k);
            whole.addAll(seg, ans);
            // One at a time, shuffled.
            NpsAccumulator shuffled = NpsAccumulator.create(k);
            for (int i : Property.shuffledPermutation(r, n)) {
                shuffled.add(seg[i], ans[i]);
            }
            assertArrayEquals(whole.snapshot().counts(), shuffled.snapshot().counts());
            // Split at random cut points, parts combined in a random order.
            int parts = Property.between(r, 1, 6);
            int[] cuts = new int[parts + 1];
            cuts[parts] = n;
            for (int p = 1; p < parts; p++) {
                cuts[p] = r.nextInt(n + 1);
            }
            Arrays.sort(cuts);
            NpsAccumulator[] acc = new NpsAccumulator[parts];
            for (int p = 0; p < parts; p++) {
                acc[p] = NpsAccumulator.create(k);
                acc[p].addAll(Arrays.copyOfRange(seg, cuts[p], cuts[p + 1]), Arrays.copyOfRange(ans, cuts[p],
                        cuts[p + 1]));
            }
            NpsAccumulator merged = NpsAccumulator.create(k);
            for (int p : Property.shuffledPermutation(r, parts)) {
                merged.combine(acc[p]);
            }
            assertArrayEquals(whole.snapshot().counts(), merged.snapshot().counts());
            if (n > 0) {
                List<String> labels = new ArrayList<>();
                for (int s = 0; s < k; s++) {
                    labels.add("s" + s);
                }
                NpsCalculator calc = NpsCalculator.withDefaults().withMethod(IntervalMethod.SCORE);
                NpsBreakdown a = calc.breakdown("segment", labels, whole.snapshot());
                NpsBreakdown b = calc.breakdown("segment", labels, merged.snapshot());
                assertEquals(a.rows().size(), b.rows().size());
                for (int i = 0; i < a.rows().size(); i++) {
                    assertEquals(Double.doubleToLongBits(a.rows().get(i).interval().lower()),
                            Double.doubleToLongBits(b.rows().get(i).interval().lower()));
                    assertEquals(Double.doubleToLongBits(a.rows().get(i).interval().upper()),
                            Double.doubleToLongBits(b.rows().get(i).interval().upper()));
                }
                assertEquals(a.toString(), b.toString());
            }
        });
    }

    /** Counts at the edges (0, 1, 2^53 +- 1, a third of Long.MAX_VALUE): every statistic finite and in range. */
    @Test
    void scoresOfEdgeCountsAreFiniteAndInRange() {
        long[] edge = {0, 1, 2, (1L << 53) - 1, (1L << 53) + 1, Long.MAX_VALUE / 3, Long.MAX_VALUE / 3 - 1};
        Property.forAll("NPS edge counts", 300, r -> {
            long d = edge[r.nextInt(edge.length)];
            long p = edge[r.nextInt(edge.length)];
            long pr = r.nextBoolean() ? edge[r.nextInt(edge.length)] : r.nextInt(1000);
            if (d + p + pr == 0) {
                pr = 1;
            }
            Nps x = Nps.ofCounts(d, p, pr);
            double conf = r.nextBoolean() ? 0.95 : new double[] {Double.MIN_VALUE, 1e-300, 0.5, 1 - 0x1p-53}[r.nextInt(4)];
            for (IntervalMethod m : IntervalMethod.values()) {
                Interval ci = x.interval(m, conf);
                assertTrue(Double.isFinite(ci.lower()) && Double.isFinite(ci.upper()), m + " " + x + " " + ci);
                assertTrue(ci.lower() <= ci.estimate() && ci.estimate() <= ci.upper(), m + " " + x + " " + ci);
                if (m != IntervalMethod.WALD) {
                    assertTrue(ci.lower() >= -1 && ci.upper() <= 1, m + " " + x + " " + ci);
                }
            }
            double pv = x.pValue(r.nextDouble() * 2 - 1);
            assertTrue(pv >= 0 && pv <= 1, x + " p " + pv);
            NpsDifference diff = x.minus(Nps.ofCounts(p, pr, d), conf);
            assertTrue(Double.isFinite(diff.difference()) && Double.isFinite(diff.lower())
                    && Double.isFinite(diff.upper()) && diff.pValue() >= 0 && diff.pValue() <= 1, diff.toString());
            assertTrue(x.points() >= -100 && x.points() <= 100 && x.variance() >= 0 && x.variance() <= 1, x.toString());
        });
    }

    /** The loyalty matrix over edge behaviour and revenue: finite sums that match a recount, or a named rejection. */
    @Test
    void loyaltyMatrixIsARecountOrNamesTheBadRow() {
        double[] edge = {0, -0.0, Double.MIN_VALUE, 1, 0x1p53 + 1, 1e308, -1e308, Double.MAX_VALUE, Double.NaN,
            Double.POSITIVE_INFINITY};
        Property.forAll("loyalty matrix adversary", 300, r -> {
            int n = rows(r);
            int[] ans = new int[n];
            double[] beh = new double[n];
            double[] rev = new double[n];
            List<String> bad = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                ans[i] = answer(r, true);
                beh[i] = r.nextInt(10) == 0 ? edge[r.nextInt(edge.length)] : r.nextInt(5);
                rev[i] = r.nextInt(10) == 0 ? edge[r.nextInt(edge.length)] : r.nextInt(1000) / 8.0;
                if (ans[i] < 0 || ans[i] > 10) {
                    bad.add("answers[" + i + "] = " + ans[i]);
                }
                if (!Double.isFinite(beh[i])) {
                    bad.add("behaviour[" + i + "] = " + beh[i]);
                }
                if (!Double.isFinite(rev[i])) {
                    bad.add("revenue[" + i + "] = " + rev[i]);
                }
            }
            if (n == 0) {
                bad.add("no responses");
            }
            double threshold = r.nextBoolean() ? 2 : edge[r.nextInt(8)];
            // Sums of huge finite revenue may overflow: then the rejection names the cell, quadrant or total.
            LoyaltyMatrix m = outcome(() -> LoyaltyMatrix.of(ans, beh, threshold, rev), bad,
                    List.of("beyond the range of a double"));
            if (m == null) {
                return;
            }
            long total = 0;
            for (LoyaltyQuadrant q : LoyaltyQuadrant.values()) {
                total += m.count(q);
                assertTrue(Double.isFinite(m.revenue(q)) && Double.isFinite(m.share(q)), m.toString());
            }
            assertEquals(n, total);
            // The same customers in another order: every revenue bitwise the same.
            int[] order = Property.shuffledPermutation(r, n);
            int[] a2 = new int[n];
            double[] b2 = new double[n];
            double[] r2 = new double[n];
            for (int i = 0; i < n; i++) {
                a2[i] = ans[order[i]];
                b2[i] = beh[order[i]];
                r2[i] = rev[order[i]];
            }
            LoyaltyMatrix shuffled = LoyaltyMatrix.of(a2, b2, threshold, r2);
            for (NpsCategory cat : NpsCategory.values()) {
                for (boolean repeat : new boolean[] {false, true}) {
                    assertEquals(Double.doubleToLongBits(m.cellRevenue(cat, repeat)),
                            Double.doubleToLongBits(shuffled.cellRevenue(cat, repeat)), cat + " " + repeat);
                }
            }
            assertEquals(m.toString(), shuffled.toString());
            for (int i = 0; i < n; i++) {
                boolean promoter = ans[i] >= 9;
                boolean repeat = beh[i] >= threshold;
                LoyaltyQuadrant expected = promoter ? (repeat ? LoyaltyQuadrant.TRUE_LOYALTY
                        : LoyaltyQuadrant.LATENT_LOYALTY) : repeat ? LoyaltyQuadrant.SPURIOUS_LOYALTY
                        : LoyaltyQuadrant.NO_LOYALTY;
                assertEquals(expected, m.quadrant(i), "row " + i);
            }
        });
    }

    /** Weights from subnormal to the double limit: the mean is finite and lies between the answered weights. */
    @Test
    void csatWeightedMeanIsFiniteForAnyFiniteWeights() {
        double[] edge = {0, -0.0, Double.MIN_VALUE, Double.MIN_NORMAL, 1, 0x1p53 + 1, 1e308, -1e308,
            Double.MAX_VALUE, -Double.MAX_VALUE};
        Property.forAll("CSAT weighted mean", 400, r -> {
            long[] counts = new long[5];
            for (int i = 0; i < 5; i++) {
                counts[i] = r.nextInt(4) == 0 ? 0 : r.nextBoolean() ? r.nextLong(1, 1000)
                        : Long.MAX_VALUE / 8 - r.nextInt(10);
            }
            if (Arrays.stream(counts).sum() == 0) {
                counts[r.nextInt(5)] = 1;
            }
            double[] w = new double[5];
            for (int i = 0; i < 5; i++) {
                w[i] = r.nextBoolean() ? edge[r.nextInt(edge.length)] : (r.nextDouble() - 0.5) * 200;
            }
            double lo = Double.POSITIVE_INFINITY;
            double hi = Double.NEGATIVE_INFINITY;
            for (int i = 0; i < 5; i++) {
                if (counts[i] > 0) {
                    lo = Math.min(lo, w[i]);
                    hi = Math.max(hi, w[i]);
                }
            }
            double mean = Csat.ofCounts(counts).weightedMean(w);
            assertTrue(mean >= lo && mean <= hi, mean + " outside [" + lo + ", " + hi + "]");
        });
    }
}
