package io.loyalty.clv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * BG/NBD on CDNOW against Fader, Hardie and Lee (2005): published r = 0.243, alpha = 4.414, a = 0.793,
 * b = 2.426, LL = -9582.4; the converged maximum (src/test/resources/clv/published.md) r = 0.242593, alpha = 4.413532,
 * a = 0.792886, b = 2.425752, LL = -9582.4256, asserted to 1e-4 relative.
 */
class BetaGeoFitterTest {
    @Test
    void fitsCdnowToTheConvergedMaximum() {
        double[][] d = ClvData.cdnow();
        BetaGeoModel m = BetaGeoFitter.withDefaults().fit(d[0], d[1], d[2]);
        FitSummary s = m.fitSummary().orElseThrow();
        System.out.println(s);
        System.out.printf("published: r=0.243 alpha=4.414 a=0.793 b=2.426 LL=-9582.4%n");
        double[] expected = ClvData.CDNOW_BGNBD;
        double[] got = m.parameters();
        for (int i = 0; i < 4; i++) {
            assertEquals(expected[i], got[i], 1e-4 * expected[i], m.parameterNames()[i]);
        }
        assertEquals(-9582.4256, s.logLikelihood(), 1e-3);
        assertEquals(2357, s.customers());
        assertTrue(s.rows() < 2357, "identical rows are merged");
        for (ParameterEstimate e : s.estimates()) {
            assertTrue(e.standardError() > 0 && e.interval().lower() < e.value() && e.value() < e.interval().upper(), e.toString());
        }
    }

    @Test
    void rejectsRecencyAfterT() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> BetaGeoFitter.withDefaults().fit(new double[] {1, 2}, new double[] {3, 1}, new double[] {2, 2}));
        assertTrue(e.getMessage().contains("recency at row 0"), e.getMessage());
    }
}
