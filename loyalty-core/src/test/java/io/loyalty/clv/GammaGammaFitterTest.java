package io.loyalty.clv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * Gamma-Gamma on the 946 CDNOW customers with x &gt; 0: published p = 6.25, q = 3.74, gamma = 15.44 (Fader,
 * Hardie and Lee 2005, JMR; Hardie's note 025); converged maximum p = 6.24880, q = 3.74459, gamma = 15.4477
 * (src/test/resources/clv/published.md), asserted to 1e-4 relative.
 */
class GammaGammaFitterTest {
    @Test
    void fitsCdnowSpendToTheConvergedMaximum() {
        double[][] d = ClvData.cdnowRepeatSpend();
        GammaGammaModel m = GammaGammaFitter.withDefaults().fit(d[0], d[1]);
        FitSummary s = m.fitSummary().orElseThrow();
        System.out.println(s);
        System.out.println("published: p=6.25 q=3.74 gamma=15.44");
        assertEquals(946, s.customers());
        assertEquals(6.24880, m.p(), 1e-4 * 6.2488);
        assertEquals(3.74459, m.q(), 1e-4 * 3.74459);
        assertEquals(15.4477, m.gamma(), 1e-4 * 15.4477);
        assertEquals(6.25, m.p(), 0.005);
        assertEquals(3.74, m.q(), 0.005);
        assertEquals(15.44, m.gamma(), 0.01);
        for (ParameterEstimate e : s.estimates()) {
            assertTrue(e.standardError() > 0 && e.interval().lower() < e.value() && e.value() < e.interval().upper(), e.toString());
        }
    }

    @Test
    void conditionalExpectationIsAWeightedAverage() {
        GammaGammaModel m = GammaGammaModel.of(6.25, 3.74, 15.44);
        double population = 6.25 * 15.44 / 2.74;
        assertEquals(population, m.expectedAverageProfit(), 1e-12);
        assertEquals(population, m.conditionalExpectedAverageProfit(0, 0), 1e-12);
        double w = 6.25 * 2 / (6.25 * 2 + 2.74);
        assertEquals((1 - w) * population + w * 22.35, m.conditionalExpectedAverageProfit(2, 22.35), 1e-12);
        double[] many = m.conditionalExpectedAverageProfit(new double[] {0, 2}, new double[] {0, 22.35});
        assertEquals(population, many[0], 1e-12);
        // The customer's own mean pulls the estimate towards it as x grows.
        assertTrue(Math.abs(m.conditionalExpectedAverageProfit(50, 100) - 100)
                < Math.abs(m.conditionalExpectedAverageProfit(2, 100) - 100));
        assertEquals(Double.POSITIVE_INFINITY, GammaGammaModel.of(1, 0.5, 1).expectedAverageProfit());
    }

    @Test
    void matchesHardiesSpreadsheet() {
        // Hardie's note 025 spreadsheet as quoted by lifetimes (which asserts 0.1): E[Z | x, zbar] for the first
        // ten CDNOW customers. The sheet's parameters are unrounded; at the converged maximum we agree to 0.02.
        double[][] d = ClvData.cdnowWithSpend();
        double[] expected = {24.65, 18.91, 35.17, 35.17, 35.17, 71.46, 18.91, 35.17, 27.28, 35.17};
        GammaGammaModel m = GammaGammaModel.of(6.24880, 3.74459, 15.4477);
        for (int i = 0; i < 10; i++) {
            assertEquals(expected[i], m.conditionalExpectedAverageProfit(d[0][i], d[3][i]), 0.02,
                    "customer " + (i + 1));
        }
    }

    @Test
    void rejectsBadSpend() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> GammaGammaFitter.withDefaults().fit(new double[] {1, 2}, new double[] {3, -1}));
        assertTrue(e.getMessage().contains("monetary at row 1"), e.getMessage());
        IllegalArgumentException noRepeat = assertThrows(IllegalArgumentException.class,
                () -> GammaGammaFitter.withDefaults().fit(new double[] {2, 0}, new double[] {10, 0}));
        assertTrue(noRepeat.getMessage().contains("frequency at row 1 is 0"), noRepeat.getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> GammaGammaFitter.withDefaults().fit(new double[] {1, 2}, new double[] {3, 0}));
        // Predictions accept a zero mean value (a repeat customer whose repeat purchases were free).
        GammaGammaModel m = GammaGammaModel.of(6.25, 3.74, 15.44);
        assertEquals(6.25 * 15.44 / (6.25 * 2 + 2.74), m.conditionalExpectedAverageProfit(2, 0), 1e-12);
        assertThrows(IllegalArgumentException.class, () -> m.conditionalExpectedAverageProfit(2, -1));
    }

    /**
     * The independence check: lifetimes' quickstart prints corr(monetary_value, frequency) = 0.113884 for the 946
     * CDNOW customers with repeat purchases (cdnow_customers_summary_with_transactions.csv); to its 6 decimals.
     */
    @Test
    void frequencyMonetaryCorrelationOnCdnow() {
        double[][] all = ClvData.cdnowWithSpend();
        assertEquals(0.113884, GammaGammaFitter.frequencyMonetaryCorrelation(all[0], all[3]), 5e-7);
        double[][] repeat = ClvData.cdnowRepeatSpend();
        assertEquals(GammaGammaFitter.frequencyMonetaryCorrelation(all[0], all[3]),
                GammaGammaFitter.frequencyMonetaryCorrelation(repeat[0], repeat[1]), 1e-15);
        assertThrows(IllegalArgumentException.class,
                () -> GammaGammaFitter.frequencyMonetaryCorrelation(new double[] {1, 0}, new double[] {3, 0}));
    }
}
