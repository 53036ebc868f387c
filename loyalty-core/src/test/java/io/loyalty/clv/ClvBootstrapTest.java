package io.loyalty.clv;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.loyalty.stats.Interval;
import io.loyalty.testkit.Property;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class ClvBootstrapTest {
    private static final BetaGeoModel FIT;
    private static final SimulatedCustomers DATA;

    static {
        double[] age = new double[3000];
        for (int i = 0; i < age.length; i++) {
            age[i] = 20 + i % 30;
        }
        DATA = BetaGeoModel.of(0.243, 4.414, 0.793, 2.426).simulate(age, 3).withRecencyRoundedTo(1.0 / 7);
        FIT = BetaGeoFitter.withDefaults().fit(DATA.frequency(), DATA.recency(), DATA.t());
    }

    @Test
    void intervalsContainTheEstimatesAndDoNotDependOnOrderOrSubset() {
        ClvBootstrap boot = ClvBootstrap.withDefaults().withDraws(50);
        CustomerIntervals all = boot.conditionalExpectedPurchases(FIT, 52, DATA.frequency(), DATA.recency(),
                DATA.t());
        assertEquals(all, boot.conditionalExpectedPurchases(FIT, 52, DATA.frequency(), DATA.recency(), DATA.t()));
        Property.forAll("bootstrap order and subset invariance", 5, r -> {
            int n = Property.between(r, 1, 40);
            int[] perm = Property.shuffledPermutation(r, DATA.t().length);
            double[] x = new double[n];
            double[] tx = new double[n];
            double[] t = new double[n];
            for (int k = 0; k < n; k++) {
                x[k] = DATA.frequency()[perm[k]];
                tx[k] = DATA.recency()[perm[k]];
                t[k] = DATA.t()[perm[k]];
            }
            CustomerIntervals some = boot.conditionalExpectedPurchases(FIT, 52, x, tx, t);
            for (int k = 0; k < n; k++) {
                Interval a = some.interval(k);
                Interval b = all.interval(perm[k]);
                assertEquals(b, a, "row " + k);
                assertTrue(a.lower() <= a.estimate() && a.estimate() <= a.upper(), a.toString());
            }
        });
    }

    @Test
    void probabilityAliveStaysInTheUnitIntervalAndNarrowsWithData() {
        CustomerIntervals p = ClvBootstrap.withDefaults().withDraws(40).probabilityAlive(FIT, DATA.frequency(),
                DATA.recency(), DATA.t());
        double[] lo = p.lower();
        double[] hi = p.upper();
        for (int i = 0; i < p.size(); i++) {
            assertTrue(lo[i] >= 0 && hi[i] <= 1 && lo[i] <= hi[i], "row " + i);
        }
        assertEquals(CustomerIntervals.METHOD, p.interval(0).method());
        assertEquals(0.95, p.confidence());
    }

    @Test
    void clvAndSpendIntervalsDrawBothModels() {
        double[] m = new double[DATA.t().length];
        for (int i = 0; i < m.length; i++) {
            m[i] = DATA.frequency()[i] > 0 ? 10 + i % 50 : 0;
        }
        double[] rx = Arrays.stream(DATA.frequency()).filter(f -> f > 0).toArray();
        double[] rm = Arrays.stream(m).filter(v -> v > 0).toArray();
        GammaGammaModel spend = GammaGammaFitter.withDefaults().fit(rx, rm);
        ClvBootstrap boot = ClvBootstrap.withDefaults().withDraws(30);
        CustomerIntervals s = boot.expectedSpend(spend, DATA.frequency(), m);
        ClvCalculator calc = ClvCalculator.of(FIT, spend, 4.345);
        CustomerIntervals v = boot.clv(calc, DATA.frequency(), DATA.recency(), DATA.t(), m);
        assertArrayEquals(calc.clv(DATA.frequency(), DATA.recency(), DATA.t(), m), v.estimates());
        for (int i = 0; i < v.size(); i++) {
            assertTrue(v.lower()[i] <= v.estimates()[i] && v.estimates()[i] <= v.upper()[i]);
            assertTrue(s.lower()[i] <= s.estimates()[i] && s.estimates()[i] <= s.upper()[i]);
        }
        assertTrue(Arrays.stream(v.upper()).sum() > Arrays.stream(v.lower()).sum());
    }

    @Test
    void modelWithoutFitSummaryIsRejectedNamingTheArgument() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ClvBootstrap.withDefaults()
                .probabilityAlive(BetaGeoModel.of(1, 2, 3, 4), new double[] {0}, new double[] {0}, new double[] {1}));
        assertTrue(e.getMessage().startsWith("model (BG/NBD) has no fit summary"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> ClvBootstrap.withDefaults().withDraws(9));
        assertThrows(IllegalArgumentException.class, () -> ClvBootstrap.withDefaults().withConfidence(1));
    }

    @Test
    void quantileIsRType7() {
        double[] v = {5, 1, 4, 2, 3};
        assertEquals(1.2, ClvBootstrap.quantile(v.clone(), 0.05), 1e-15);
        assertEquals(3, ClvBootstrap.quantile(v.clone(), 0.5), 0);
        assertEquals(5, ClvBootstrap.quantile(v.clone(), 1), 0);
        assertEquals(4.8, ClvBootstrap.quantile(v.clone(), 0.95), 1e-15);
    }
}
