package io.loyalty.clv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.loyalty.testkit.Property;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * The Taylor expansions of {@code (1-z)^E 2F1(A, B; C; z)} around multiples of 1/64 against the power series
 * around 0 ({@link SharedSeries}, itself checked against mpmath through {@code BetaGeoExpectationTest}), at the
 * truncation's worst case half a step from a point and anywhere between, for the closed form's parameters.
 */
class ExpandedSeriesTest {
    /** The two sums round differently; both are good to a few ulps of the terms' size. */
    private static final double TOLERANCE = 1e-13;

    @Test
    void everyPointOfCdnowLikeParametersHasCoefficientsAndMatchesThePowerSeries() {
        double a = 0.792886;
        double r = 0.242593;
        for (int x : new int[] {0, 1, 2, 7, 40, 300}) {
            double c = a + 2.425752 + x - 1;
            ExpandedSeries e = new ExpandedSeries(a - 1, c - (r + x), a - 1, c);
            for (int j = 1; j <= ExpandedSeries.LAST; j++) {
                double[] g = e.coefficients(j);
                // Large C (many purchases) keeps the recurrence away from z = 0, where it would be unstable.
                if (c - 1 > Math.log(2) * (2 * j - 1)) {
                    assertTrue(g == null, "x=" + x + " point " + j);
                    continue;
                }
                assertNotNull(g, "x=" + x + " point " + j);
                assertTrue(g.length <= 32, "x=" + x + " point " + j + ": " + g.length + " terms");
                for (double side : new double[] {-0.5, 0, 0.5}) {
                    double z = (j + side) / ExpandedSeries.POINTS;
                    compare(a - 1, c - (r + x), a - 1, c, z, ExpandedSeries.value(g, z - (double) j / 64));
                }
            }
        }
    }

    @Test
    void expansionsMatchThePowerSeriesAcrossTheClosedFormsParameters() {
        AtomicInteger expanded = new AtomicInteger();
        Property.forAll("expansions", 300, rnd -> {
            double a = rnd.nextBoolean() ? 0.02 + 19.9 * rnd.nextDouble() : 0.5 + rnd.nextDouble();
            if (Math.abs(a - 1) < 0.01) {
                a = 1.01;
            }
            double c = 0.5 + (rnd.nextBoolean() ? 30 : 300) * rnd.nextDouble();
            double big = c + 20 * rnd.nextDouble() - 10;
            int j = 1 + rnd.nextInt(ExpandedSeries.LAST);
            double z = (j - 0.5 + rnd.nextDouble()) / ExpandedSeries.POINTS;
            double[] g = ExpandedSeries.around(j, a - 1, c - big, a - 1, c, null);
            // Without coefficients (a sum that may come near zero, too many terms) the power series is used.
            if (g != null) {
                compare(a - 1, c - big, a - 1, c, z, ExpandedSeries.value(g, z - (double) j / 64));
                expanded.incrementAndGet();
            }
        });
        assertTrue(expanded.get() >= 100, "expanded " + expanded.get() + " of 300");
    }

    private static void compare(double e, double a, double b, double c, double z, double expanded) {
        SharedSeries s = SharedSeries.upTo(a, b, c, z);
        assertNotNull(s);
        double lead = StrictMath.pow(1 - z, e);
        double expected = lead * s.value(z);
        double size = lead * s.absoluteSum(z);
        assertEquals(expected, expanded, TOLERANCE * size,
                "(1-z)^" + e + " 2F1(" + a + ", " + b + "; " + c + "; " + z + ")");
    }
}
