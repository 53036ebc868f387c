package io.loyalty.clv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * Discounted CLV with BG/NBD (r = 0.242593, alpha = 4.413532, a = 0.792886, b = 2.425752) and Gamma-Gamma
 * (p = 6.24880, q = 3.74459, gamma = 15.4477), 12 months of 4.345 weeks at 1% a month. Reference: the same sum
 * in mpmath 1.3.0 (mp.dps = 30, mpmath.hyp2f1), tolerance 1e-10 relative.
 */
class ClvCalculatorTest {
    private static final BetaGeoModel BG = BetaGeoModel.of(0.242593, 4.413532, 0.792886, 2.425752);
    private static final GammaGammaModel GG = GammaGammaModel.of(6.24880, 3.74459, 15.4477);

    @Test
    void matchesMpmath() {
        ClvCalculator c = ClvCalculator.of(BG, GG, 4.345);
        assertEquals(36.278459190963833, c.clv(2, 30.43, 38.86, 22.35), 1e-10 * 36.28);
        assertEquals(8.3440614330503616, c.clv(0, 0, 38.86, 0), 1e-10 * 8.34);
        double[] many = c.clv(new double[] {2, 10}, new double[] {30.43, 35}, new double[] {38.86, 38.86},
                new double[] {22.35, 50});
        assertEquals(361.11572562880507, many[1], 1e-10 * 361);
    }

    @Test
    void withoutDiscountingIsSpendTimesExpectedPurchases() {
        ClvCalculator c = ClvCalculator.of(BG, GG, 4.345).withDiscountRate(0).withMonths(24);
        double expected = GG.conditionalExpectedAverageProfit(3, 40) * BG.conditionalExpectedPurchases(24 * 4.345, 3,
                20, 38);
        assertEquals(expected, c.clv(3, 20, 38, 40), 1e-12 * expected);
        // Discounting lowers the value; a longer horizon raises it.
        assertTrue(ClvCalculator.of(BG, GG, 4.345).clv(3, 20, 38, 40) < c.clv(3, 20, 38, 40));
        assertTrue(ClvCalculator.of(BG, GG, 4.345).withMonths(6).clv(3, 20, 38, 40)
                < ClvCalculator.of(BG, GG, 4.345).clv(3, 20, 38, 40));
    }

    @Test
    void populationTotalsAreTheSumsOverCustomers() {
        double[] x = {2, 10, 0};
        double[] tx = {30.43, 35, 0};
        double[] t = {38.86, 38.86, 20};
        double[] m = {22.35, 50, 0};
        ClvCalculator c = ClvCalculator.of(BG, GG, 4.345);
        double[] each = c.clv(x, tx, t, m);
        assertEquals(each[0] + each[1] + each[2], c.totalClv(x, tx, t, m), 1e-12 * 400);
        double[] e = BG.conditionalExpectedPurchases(52, x, tx, t);
        assertEquals(e[0] + e[1] + e[2], BG.totalConditionalExpectedPurchases(52, x, tx, t), 1e-12 * 20);
        assertThrows(IllegalArgumentException.class, () -> c.totalClv(x, tx, new double[] {38.86, 30, 20}, m));
    }

    @Test
    void rejectsBadOptions() {
        assertThrows(IllegalArgumentException.class, () -> ClvCalculator.of(BG, GG, 0));
        assertThrows(IllegalArgumentException.class, () -> ClvCalculator.of(BG, GG, 4.345).withMonths(0));
        assertThrows(IllegalArgumentException.class, () -> ClvCalculator.of(BG, GG, 4.345).withDiscountRate(-0.1));
        assertThrows(IllegalArgumentException.class, () -> ClvCalculator.of(null, GG, 1));
    }
}
