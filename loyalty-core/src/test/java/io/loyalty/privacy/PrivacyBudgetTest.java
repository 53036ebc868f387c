package io.loyalty.privacy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The budget: bad input, composition, refusal to overspend and the report. */
class PrivacyBudgetTest {

    @Test
    void badEpsilonAndDeltaAreRejectedNamingTheValue() {
        for (double eps : new double[] {0, -0.5, Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> PrivacyBudget.of(eps, 0));
            assertTrue(e.getMessage().contains("epsilon") && e.getMessage().contains(String.valueOf(eps)),
                    e.getMessage());
            assertThrows(IllegalArgumentException.class, () -> PrivacyCost.laplace(eps));
            assertThrows(IllegalArgumentException.class, () -> PrivacyCost.gaussian(eps));
        }
        for (double delta : new double[] {-1e-9, 1, 1.5, Double.NaN, Double.POSITIVE_INFINITY}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> PrivacyBudget.of(1, delta));
            assertTrue(e.getMessage().contains("delta") && e.getMessage().contains(String.valueOf(delta)),
                    e.getMessage());
        }
        assertThrows(IllegalArgumentException.class, () -> PrivacyBudget.of(1, 0).withNoiseSource(null));
    }

    @Test
    void pureSpendsAddUpAndOverspendingIsRefusedWithoutSpending() {
        PrivacyBudget b = PrivacyBudget.of(1, 0);
        b.spend("a", PrivacyCost.laplace(1.0 / 3));
        b.spend("b", PrivacyCost.laplace(1.0 / 3));
        b.spend("c", PrivacyCost.laplace(1.0 / 3));
        assertEquals(1, b.spentEpsilon(), 1e-15);
        BudgetExceededException e = assertThrows(BudgetExceededException.class,
                () -> b.spend("d", PrivacyCost.laplace(1e-6)));
        assertTrue(e.getMessage().contains("d needs epsilon 1.0E-6"), e.getMessage());
        assertEquals(3, b.spends().size());
        assertTrue(b.toString().contains("a "), b.toString());
    }

    @Test
    void gaussianSpendsNeedDeltaAndConvertByBunSteinke() {
        PrivacyBudget pure = PrivacyBudget.of(10, 0);
        assertThrows(BudgetExceededException.class, () -> pure.spend("g", PrivacyCost.gaussian(0.01)));
        assertEquals(0, pure.spends().size());
        PrivacyBudget b = PrivacyBudget.of(1, 1e-6);
        b.spend("g1", PrivacyCost.gaussian(0.005));
        b.spend("g2", PrivacyCost.gaussian(0.005));
        double expected = 0.01 + 2 * Math.sqrt(0.01 * Math.log(1e6));
        assertEquals(expected, b.spentEpsilon(), 1e-12);
        assertEquals(1e-6, b.spentDelta(), 0);
        b.spend("lap", PrivacyCost.laplace(0.1));
        assertEquals(expected + 0.1, b.spentEpsilon(), 1e-12);
        assertThrows(BudgetExceededException.class, () -> b.spend("big", PrivacyCost.gaussian(0.1)));
        assertEquals(expected + 0.1, b.spentEpsilon(), 1e-12);
    }

    @Test
    void partitionSelectionDeltaIsCountedAndBounded() {
        PrivacyBudget b = PrivacyBudget.of(2, 1e-5);
        b.spend("select", 0.5, 4e-6, 0);
        assertEquals(4e-6, b.spentDelta(), 0);
        assertThrows(BudgetExceededException.class, () -> b.spend("select2", 0.5, 7e-6, 0));
        b.spend("select3", 0.5, 6e-6, 0);
        // (Almost) all of delta is spent: the conversion of a Gaussian release has no delta left.
        assertThrows(BudgetExceededException.class, () -> b.spend("g", PrivacyCost.gaussian(0.3)));
    }
}
