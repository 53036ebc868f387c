package io.loyalty.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.loyalty.stats.Interval;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Requirements of issue 10 checked against independent computations: CUPED's theta, variance reduction and
 * adjusted Welch test; tests from streamed per-arm summaries equal tests from raw values; the delta-method lift;
 * the seeded bootstrap.
 */
class ReadoutCoverageTest {
    private static double[] normal(Random r, int n, double mean, double sd) {
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = mean + sd * r.nextGaussian();
        }
        return v;
    }

    @Test
    void cupedMatchesItsDefinition() {
        Random r = new Random(20240610L);
        int nt = 400;
        int nc = 350;
        double[] xt = normal(r, nt, 50, 10);
        double[] xc = normal(r, nc, 50, 10);
        double[] yt = new double[nt];
        double[] yc = new double[nc];
        for (int i = 0; i < nt; i++) {
            yt[i] = 3 + 0.8 * xt[i] + 6 * r.nextGaussian();
        }
        for (int i = 0; i < nc; i++) {
            yc[i] = 0.8 * xc[i] + 6 * r.nextGaussian();
        }
        double[] x = new double[nt + nc];
        double[] y = new double[nt + nc];
        System.arraycopy(xt, 0, x, 0, nt);
        System.arraycopy(xc, 0, x, nt, nc);
        System.arraycopy(yt, 0, y, 0, nt);
        System.arraycopy(yc, 0, y, nt, nc);
        double mx = Arrays.stream(x).average().orElseThrow();
        double my = Arrays.stream(y).average().orElseThrow();
        double cov = 0;
        double vx = 0;
        double vy = 0;
        for (int i = 0; i < x.length; i++) {
            cov += (x[i] - mx) * (y[i] - my);
            vx += (x[i] - mx) * (x[i] - mx);
            vy += (y[i] - my) * (y[i] - my);
        }
        double theta = cov / vx;
        double[] at = new double[nt];
        double[] ac = new double[nc];
        for (int i = 0; i < nt; i++) {
            at[i] = yt[i] - theta * (xt[i] - mx);
        }
        for (int i = 0; i < nc; i++) {
            ac[i] = yc[i] - theta * (xc[i] - mx);
        }
        CupedResult c = Cuped.test(yt, xt, yc, xc, 0.95);
        assertEquals(theta, c.theta(), 1e-12 * Math.abs(theta));
        // 1 - var(Y') / var(Y) over the pooled arms is the squared pooled correlation of X and Y.
        assertEquals(cov * cov / (vx * vy), c.varianceReduction(), 1e-12);
        TTest.Result direct = TTest.withDefaults().test(at, ac);
        assertEquals(direct.statistic(), c.test().statistic(), 1e-9 * Math.abs(direct.statistic()));
        assertEquals(direct.df(), c.test().df(), 1e-9 * direct.df());
        assertEquals(direct.difference().lower(), c.test().difference().lower(), 1e-9);
        assertEquals(direct.difference().upper(), c.test().difference().upper(), 1e-9);
        TTest.Result plain = TTest.withDefaults().test(yt, yc);
        double widthPlain = plain.difference().upper() - plain.difference().lower();
        double widthCuped = c.test().difference().upper() - c.test().difference().lower();
        assertTrue(widthCuped < widthPlain, widthCuped + " vs " + widthPlain);
    }

    @Test
    void streamedSummariesGiveTheSameTestsAsRawValues() {
        Random r = new Random(7L);
        double[] x = normal(r, 1001, 12, 30);
        double[] y = normal(r, 877, 10, 25);
        // Streamed in three chunks per arm, merged exactly.
        ArmSummary sx = ArmSummary.of(Arrays.copyOfRange(x, 0, 100))
                .combine(ArmSummary.of(Arrays.copyOfRange(x, 100, 600)))
                .combine(ArmSummary.of(Arrays.copyOfRange(x, 600, 1001)));
        ArmSummary sy = ArmSummary.of(Arrays.copyOfRange(y, 0, 3)).combine(ArmSummary.of(Arrays.copyOfRange(y, 3,
                877)));
        for (Alternative alt : Alternative.values()) {
            TTest.Result raw = TTest.withDefaults().with(alt).withConfidence(0.9).test(x, y);
            TTest.Result agg = TTest.withDefaults().with(alt).withConfidence(0.9).test(sx, sy);
            assertEquals(raw.statistic(), agg.statistic(), 1e-10 * Math.abs(raw.statistic()));
            assertEquals(raw.df(), agg.df(), 1e-9 * raw.df());
            assertEquals(raw.pValue(), agg.pValue(), 1e-10 * raw.pValue() + 1e-15);
            TTest.Result rawS = TTest.withDefaults().with(alt).withEqualVariances(true).withConfidence(0.9).test(x, y);
            TTest.Result aggS = TTest.withDefaults().with(alt).withEqualVariances(true).withConfidence(0.9)
                    .test(sx, sy);
            assertEquals(rawS.pValue(), aggS.pValue(), 1e-10 * rawS.pValue() + 1e-15);
        }
        // A 0/1 metric: the per-arm summary's total gives the counts of the rate tests.
        double[] visits = new double[500];
        for (int i = 0; i < visits.length; i++) {
            visits[i] = i % 7 == 0 ? 1 : 0;
        }
        ArmSummary v = ArmSummary.of(visits);
        assertEquals(72, Math.round(v.total()));
        assertEquals(72.0 / 500, v.mean(), 1e-15);
    }

    @Test
    void relativeLiftIsTheDeltaMethodInterval() {
        // p1 = 0.2, p2 = 0.1: lift 1, se^2 = v1 / p2^2 + p1^2 v2 / p2^4 = 0.016 + 0.036.
        Interval lift = Proportions.relativeLift(200, 1000, 100, 1000, 0.95);
        double half = 1.959963984540054 * Math.sqrt(0.052);
        assertEquals(1.0, lift.estimate(), 1e-12);
        assertEquals(1 - half, lift.lower(), 1e-9);
        assertEquals(1 + half, lift.upper(), 1e-9);
        Interval means = Means.relativeLift(new ArmSummary(100, 12, 400), new ArmSummary(400, 10, 100), 0.9);
        double se = Math.sqrt(4.0 / 100 + 144 * 0.25 / 10_000);
        assertEquals(0.2, means.estimate(), 1e-12);
        assertEquals(0.2 + 1.6448536269514722 * se, means.upper(), 1e-9);
    }

    @Test
    void bootstrapIsSeededAndReproducible() {
        Random r = new Random(3L);
        double[] x = normal(r, 300, 5, 4);
        double[] y = normal(r, 250, 4, 4);
        assertEquals(Bootstrap.percentile(x, y, 2000, 0.95, 42), Bootstrap.percentile(x, y, 2000, 0.95, 42));
        assertEquals(Bootstrap.bca(x, y, 2000, 0.95, 42), Bootstrap.bca(x, y, 2000, 0.95, 42));
        assertNotEquals(Bootstrap.percentile(x, y, 2000, 0.95, 42), Bootstrap.percentile(x, y, 2000, 0.95, 43));
        // On normal data both agree with Welch's interval to within a tenth of its half-width.
        TTest.Result w = TTest.withDefaults().test(x, y);
        double half = (w.difference().upper() - w.difference().lower()) / 2;
        for (Interval b : new Interval[] {Bootstrap.percentile(x, y, 4000, 0.95, 1), Bootstrap.bca(x, y, 4000, 0.95,
                1)}) {
            assertEquals(w.difference().estimate(), b.estimate(), 1e-12);
            assertEquals(w.difference().lower(), b.lower(), 0.1 * half);
            assertEquals(w.difference().upper(), b.upper(), 0.1 * half);
        }
    }
}
