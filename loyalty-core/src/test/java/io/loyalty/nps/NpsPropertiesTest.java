package io.loyalty.nps;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.loyalty.stats.Interval;
import io.loyalty.testkit.Property;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Seeded invariants of scores, intervals and the accumulator. */
class NpsPropertiesTest {

    private static Nps randomTally(SplittableRandom r) {
        int scale = Property.between(r, 1, 4);
        long max = scale == 1 ? 5 : scale == 2 ? 50 : scale == 3 ? 2_000 : 1_000_000;
        long d = r.nextLong(max + 1);
        long p = r.nextLong(max + 1);
        long pr = r.nextLong(max + 1);
        if (d + p + pr == 0) {
            pr = 1;
        }
        // Put weight on all-in-one-category tallies, where intervals break first.
        switch (Property.between(r, 0, 5)) {
            case 0:
                return Nps.ofCounts(0, 0, pr + 1);
            case 1:
                return Nps.ofCounts(d + 1, 0, 0);
            default:
                return Nps.ofCounts(d, p, pr);
        }
    }

    @Test
    void scoreStaysInRange() {
        Property.forAll("NPS in [-100, 100]", 500, r -> {
            Nps x = randomTally(r);
            assertTrue(x.points() >= -100 && x.points() <= 100, x.toString());
            assertTrue(x.variance() >= 0 && x.variance() <= 1, x.toString());
            assertEquals(1, x.promoterShare() + x.passiveShare() + x.detractorShare(), 1e-12);
        });
    }

    @Test
    void intervalsContainTheirEstimateAndStayInBounds() {
        Property.forAll("interval contains estimate, bounded", 500, r -> {
            Nps x = randomTally(r);
            double conf = 0.5 + 0.4999 * r.nextDouble();
            for (IntervalMethod m : IntervalMethod.values()) {
                Interval ci = x.interval(m, conf);
                assertTrue(ci.contains(ci.estimate()), m + " " + x + " " + ci);
                assertTrue(ci.lower() <= ci.upper(), m + " " + x + " " + ci);
                if (m != IntervalMethod.WALD) {
                    assertTrue(ci.lower() >= -1 && ci.upper() <= 1, m + " " + x + " " + ci);
                }
                if (m != IntervalMethod.ADJUSTED_WALD) {
                    assertEquals(x.score(), ci.estimate(), 0);
                }
            }
        });
    }

    @Test
    void largerSampleWithSameSharesNeverWidens() {
        Property.forAll("more answers, same shares, no wider", 300, r -> {
            long d = r.nextLong(200);
            long p = r.nextLong(200);
            long pr = r.nextLong(200) + 1;
            long k = Property.between(r, 2, 50);
            Nps small = Nps.ofCounts(d, p, pr);
            Nps large = Nps.ofCounts(k * d, k * p, k * pr);
            for (IntervalMethod m : IntervalMethod.values()) {
                Interval a = small.interval(m, 0.95);
                Interval b = large.interval(m, 0.95);
                assertTrue(b.upper() - b.lower() <= a.upper() - a.lower() + 1e-12, m + " " + small + " k=" + k);
            }
        });
    }

    @Test
    void higherConfidenceNeverNarrows() {
        Property.forAll("higher level, no narrower", 300, r -> {
            Nps x = randomTally(r);
            double lo = 0.5 + 0.4 * r.nextDouble();
            double hi = lo + (0.999 - lo) * r.nextDouble();
            for (IntervalMethod m : IntervalMethod.values()) {
                Interval a = x.interval(m, lo);
                Interval b = x.interval(m, hi);
                assertTrue(b.lower() <= a.lower() + 1e-12 && b.upper() >= a.upper() - 1e-12, m + " " + x);
            }
        });
    }

    @Test
    void mergingAccumulatorsEqualsTallyingAllAtOnce() {
        Property.forAll("combine == all at once, any order", 200, r -> {
            int k = Property.between(r, 1, 20);
            int n = Property.between(r, 1, 3_000);
            int[] seg = new int[n];
            int[] ans = new int[n];
            for (int i = 0; i < n; i++) {
                seg[i] = r.nextInt(k);
                ans[i] = r.nextInt(11);
            }
            NpsAccumulator all = NpsAccumulator.create(k);
            all.addAll(seg, ans);
            int cut = r.nextInt(n + 1);
            NpsAccumulator left = NpsAccumulator.create(k);
            left.addAll(Arrays.copyOfRange(seg, 0, cut), Arrays.copyOfRange(ans, 0, cut));
            NpsAccumulator right = NpsAccumulator.create(k);
            int[] perm = Property.shuffledPermutation(r, n - cut);
            for (int j : perm) {
                right.add(seg[cut + j], ans[cut + j]);
            }
            left.combine(right);
            assertTrue(Arrays.equals(all.snapshot().counts(), left.snapshot().counts()));
            assertEquals(all.snapshot().total(), left.snapshot().total());
            assertEquals(Nps.ofAnswers(ans), all.snapshot().total());
            // The same tally from (segment, answer) -> count, as a GROUP BY would give it.
            long[][] tally = new long[k][11];
            for (int i = 0; i < n; i++) {
                tally[seg[i]][ans[i]]++;
            }
            NpsAccumulator counted = NpsAccumulator.create(k);
            for (int s = 0; s < k; s++) {
                for (int a = 0; a <= 10; a++) {
                    counted.add(s, a, tally[s][a]);
                }
            }
            assertTrue(Arrays.equals(all.snapshot().counts(), counted.snapshot().counts()));
        });
    }

    @Test
    void countedAnswersAreCheckedAndAllOrNothing() {
        NpsAccumulator acc = NpsAccumulator.create(2);
        acc.add(1, 9, 5);
        assertThrows(IllegalArgumentException.class, () -> acc.add(1, 11, 1));
        assertThrows(IllegalArgumentException.class, () -> acc.add(2, 9, 1));
        assertThrows(IllegalArgumentException.class, () -> acc.add(1, 9, -1));
        assertThrows(IllegalArgumentException.class, () -> acc.add(1, 9, Long.MAX_VALUE));
        assertEquals(Nps.ofCounts(0, 0, 5), acc.snapshot().tally(1));
    }

    @Test
    void breakdownRowsAddUpToOverall() {
        Property.forAll("rows sum to overall", 100, r -> {
            int n = Property.between(r, 2, 2_000);
            String[] seg = new String[n];
            int[] ans = new int[n];
            for (int i = 0; i < n; i++) {
                seg[i] = "s" + r.nextInt(6);
                ans[i] = r.nextInt(11);
            }
            NpsBreakdown b = NpsCalculator.withDefaults().bySegment(seg, ans);
            Nps sum = b.rows().stream().map(NpsBreakdown.Row::nps).reduce(Nps::plus).orElseThrow();
            assertEquals(b.overall(), sum);
            assertEquals(Nps.ofAnswers(ans), b.overall());
        });
    }

    @Test
    void differenceIsAntisymmetric() {
        Property.forAll("a - b == -(b - a)", 300, r -> {
            Nps a = randomTally(r);
            Nps b = randomTally(r);
            NpsDifference ab = a.minus(b, 0.95);
            NpsDifference ba = b.minus(a, 0.95);
            assertEquals(-ab.difference(), ba.difference(), 0);
            assertEquals(ab.pValue(), ba.pValue(), 0);
            assertTrue(ab.pValue() >= 0 && ab.pValue() <= 1);
        });
    }
}
