package io.loyalty.kano;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The cases of issue 15 in the Kano family, each a named regression test. */
class KanoIssue15Test {

    /** Item 19: CategoryCounts(1e308, ...) was accepted and reported later as "totalStrength ... NaN". */
    @Test
    void item19CountsOf1e308AreRejectedNamingEachArgument() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new CategoryCounts(1e308, 1e308, 0, 0, 0, 0));
        assertTrue(e.getMessage().contains("attractive (A)=1.0E308")
                && e.getMessage().contains("oneDimensional (O)=1.0E308") && e.getMessage().contains("1.0E307"),
                e.getMessage());
        IllegalArgumentException single = assertThrows(IllegalArgumentException.class,
                () -> CategoryCounts.of(0, 0, 1e308, 0, 0, 0));
        assertTrue(single.getMessage().contains("mustBe (M)=1.0E308"), single.getMessage());
        IllegalArgumentException nan = assertThrows(IllegalArgumentException.class,
                () -> CategoryCounts.of(1, 2, 3, Double.NaN, 0, 0));
        assertTrue(nan.getMessage().contains("indifferent (I)") && nan.getMessage().contains("NaN"),
                nan.getMessage());
    }

    /** Item 19: large finite counts give finite results equal to those of the same shares at a small scale. */
    @Test
    void item19LargeAndSubnormalCountsGiveTheResultOfTheirShares() {
        Kano kano = Kano.withDefaults();
        FeatureResult small = kano.evaluate("F", CategoryCounts.of(4, 3, 2, 1, 0, 0));
        for (int k : new int[] {1016, 1000, 500, -500, -1000, -1070}) {
            double s = Math.scalb(1.0, k);
            FeatureResult big = kano.evaluate("F", CategoryCounts.of(4 * s, 3 * s, 2 * s, s, 0, 0));
            assertEquals(small.category(), big.category(), "2^" + k);
            assertEquals(small.totalStrength(), big.totalStrength(), 0, "2^" + k);
            assertEquals(small.categoryStrength(), big.categoryStrength(), 0, "2^" + k);
            assertEquals(small.better(), big.better(), 0, "2^" + k);
            assertEquals(small.worse(), big.worse(), 0, "2^" + k);
            // Chi-square is homogeneous of degree 1, Fong's critical value of degree 1/2; both computed exactly
            // scaled (up to the rounding of a subnormal result).
            assertEquals(Math.scalb(small.chiSquare(), k), big.chiSquare(), Math.ulp(big.chiSquare()), "2^" + k);
            assertEquals(Math.scalb(small.fong().critical(), k / 2), big.fong().critical(),
                    Math.ulp(big.fong().critical()), "2^" + k);
            assertTrue(Double.isFinite(big.chiSquare()) && big.chiSquarePValue() >= 0
                    && big.chiSquarePValue() <= 1, big.toString());
        }
        FeatureResult max = kano.evaluate("F", CategoryCounts.of(1e307, 0, 0, 0, 0, 0));
        assertEquals(Category.ATTRACTIVE, max.category());
        assertEquals(3e307, max.chiSquare(), 1e292);
        FeatureResult tiny = kano.evaluate("F", CategoryCounts.of(0, 0, Double.MIN_VALUE, 0, 0, 0));
        assertEquals(Category.MUST_BE, tiny.category());
        assertEquals(1, tiny.totalStrength(), 0);
        assertEquals(-1, tiny.worse(), 0);
    }

    /** Item 18: the respondent count of a tally overflowed silently; it fails at the combine that overflows. */
    @Test
    void item18TallyOverflowFailsAtTheCombine() {
        KanoAccumulator t = KanoAccumulator.create(List.of("F"));
        t.add(new int[] {1}, new int[] {5});
        for (int i = 0; i < 62; i++) {
            t.combine(t);
        }
        assertEquals(1L << 62, t.respondents());
        KanoAccumulator other = KanoAccumulator.create(List.of("F"));
        other.combine(t);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> t.combine(other));
        assertTrue(e.getMessage().contains("respondents") && e.getMessage().contains(Long.toString(1L << 62)),
                e.getMessage());
        assertEquals(1L << 62, t.respondents());
        assertEquals(1L << 62, t.snapshot().count(0, Answer.LIKE, Answer.DISLIKE));
        // 2^62 - 1 more respondents (1 + 2 + ... + 2^61) fill the tally to Long.MAX_VALUE; one more fails.
        KanoAccumulator rest = KanoAccumulator.create(List.of("F"));
        KanoAccumulator power = KanoAccumulator.create(List.of("F")).add(new int[] {0}, new int[] {0});
        for (int i = 0; i < 62; i++) {
            rest.combine(power);
            power.combine(power);
        }
        t.combine(rest);
        assertEquals(Long.MAX_VALUE, t.respondents());
        assertThrows(IllegalArgumentException.class, () -> t.add(new int[] {1}, new int[] {5}));
        assertEquals(Long.MAX_VALUE, t.respondents());
        assertEquals(1L << 62, t.snapshot().count(0, Answer.LIKE, Answer.DISLIKE));
        // The analysis reports the tally's respondents as they are (it used to cap them at Integer.MAX_VALUE).
        assertEquals(Long.MAX_VALUE, Kano.withDefaults().analyze(t.snapshot()).respondents());
        FeatureResult f = Kano.withDefaults().analyze(t.snapshot()).features().get(0);
        assertEquals((1L << 62) - 1, f.missing());
        assertEquals(Category.ONE_DIMENSIONAL, f.category());
    }
}
