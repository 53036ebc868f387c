package io.loyalty.nps;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.loyalty.stats.Interval;
import io.loyalty.testkit.Property;
import org.junit.jupiter.api.Test;

/** CSAT and CES: published cases (resources/nps/published_cases.json) and invariants. */
class CsatCesTest {

    @Test
    void youropinionTopTwoBox() {
        Csat c = Csat.ofCounts(0, 0, 40, 0, 60);
        assertEquals(60, 100 * c.topTwoBox(), 1e-12);
    }

    @Test
    void pisanoWeightedMean() {
        Csat c = Csat.ofCounts(0, 2, 0, 4, 10);
        assertEquals(84.37, c.weightedMean(new double[] {0, 25, 50, 75, 100}), 0.01);
        assertEquals(84.375, c.weightedPercent(), 1e-12);
    }

    @Test
    void cysSevenPointAverage() {
        Ces c = Ces.ofCounts(80, 210, 140, 110, 160, 180, 120);
        assertEquals(4.08, c.mean(), 1e-12);
        assertEquals((300 - 430) / 1000.0, c.net(), 1e-12);
        // t(999) quantile 1.962341; sample SD from the counts.
        double ss = 80 * 3.08 * 3.08 + 210 * 2.08 * 2.08 + 140 * 1.08 * 1.08 + 110 * 0.08 * 0.08 + 160 * 0.92 * 0.92
                + 180 * 1.92 * 1.92 + 120 * 2.92 * 2.92;
        double se = Math.sqrt(ss / 999 / 1000);
        Interval ci = c.meanInterval(0.95);
        assertEquals(4.08 - 1.962341 * se, ci.lower(), 1e-5);
        assertEquals(4.08 + 1.962341 * se, ci.upper(), 1e-5);
    }

    @Test
    void wilsonIntervalKnownValue() {
        // 60 of 100, 95%: Wilson interval 0.502 .. 0.691 (R: prop.test(60, 100, correct = FALSE)$conf.int).
        Interval ci = Csat.ofCounts(0, 0, 40, 0, 60).topTwoBoxInterval(0.95);
        assertEquals(0.5020, ci.lower(), 5e-4);
        assertEquals(0.6906, ci.upper(), 5e-4);
    }

    @Test
    void meanIntervalNeedsTwoAnswers() {
        assertThrows(IllegalStateException.class, () -> Csat.ofAnswers(4).meanInterval(0.95));
    }

    @Test
    void intervalsBoundedAndContainEstimate() {
        Property.forAll("CSAT/CES intervals", 300, r -> {
            long[] five = new long[5];
            long[] seven = new long[7];
            for (int i = 0; i < 5; i++) {
                five[i] = r.nextInt(4) == 0 ? 0 : r.nextInt(500);
            }
            for (int i = 0; i < 7; i++) {
                seven[i] = r.nextInt(4) == 0 ? 0 : r.nextInt(500);
            }
            five[Property.between(r, 0, 4)] += 2;
            seven[Property.between(r, 0, 6)] += 2;
            Csat c = Csat.ofCounts(five);
            Interval t2b = c.topTwoBoxInterval(0.95);
            assertTrue(t2b.lower() >= 0 && t2b.upper() <= 1 && t2b.lower() <= c.topTwoBox()
                    && c.topTwoBox() <= t2b.upper(), t2b.toString());
            assertTrue(c.mean() >= 1 && c.mean() <= 5);
            Interval m = Ces.ofCounts(seven).meanInterval(0.9);
            assertTrue(m.lower() <= m.estimate() && m.estimate() <= m.upper());
            assertTrue(Ces.ofCounts(seven).net() >= -1 && Ces.ofCounts(seven).net() <= 1);
        });
    }
}
