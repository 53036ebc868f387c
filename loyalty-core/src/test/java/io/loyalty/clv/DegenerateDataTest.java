package io.loyalty.clv;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.loyalty.stats.ConvergenceException;
import org.junit.jupiter.api.Test;

/** Data that cannot identify the model: a clear error, or a penalized fit. */
class DegenerateDataTest {
    @Test
    void noRepeatCustomersNeedThePenalizer() {
        double[] x = new double[50];
        double[] tx = new double[50];
        double[] t = new double[50];
        for (int i = 0; i < 50; i++) {
            t[i] = 1 + i;
        }
        ConvergenceException e = assertThrows(ConvergenceException.class, () -> BetaGeoFitter.withDefaults().fit(x, tx, t));
        assertTrue(e.getMessage().contains("withPenalizer"), e.getMessage());
        BetaGeoModel m = BetaGeoFitter.withDefaults().withPenalizer(0.01).fit(x, tx, t);
        assertTrue(m.expectedPurchases(10) < 0.1, m.toString());
    }

    @Test
    void customersWithoutAgeAreRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> BetaGeoFitter.withDefaults().fit(new double[] {0, 0}, new double[] {0, 0}, new double[] {0, 0}));
        assertTrue(e.getMessage().contains("T > 0"), e.getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> ParetoNbdFitter.withDefaults().fit(new double[] {0}, new double[] {0}, new double[] {0}));
    }
}
