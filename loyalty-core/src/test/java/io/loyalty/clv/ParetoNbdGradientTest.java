package io.loyalty.clv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.loyalty.internal.Hypergeometric2F1;
import io.loyalty.testkit.Property;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * The analytic Pareto/NBD gradient (issue 17) against central differences of the likelihood, ln 2F1(a, b; a+1; z)
 * and its derivatives against {@link Hypergeometric2F1} and its central differences, and the CDNOW fit it drives
 * against the converged maximum (ParetoNbdTest keeps the published values).
 */
class ParetoNbdGradientTest {
    /** The likelihood's central-difference gradient in natural parameters, step h relative to each parameter. */
    private static double[] centralDifferences(CustomerChunk c, double scale, double[] theta, double h) {
        double[] g = new double[4];
        for (int i = 0; i < 4; i++) {
            double[] up = theta.clone();
            double[] down = theta.clone();
            up[i] *= 1 + h;
            down[i] *= 1 - h;
            g[i] = (ModelKind.paretoNbd(c.purchases, c.pairs(), scale, up)
                    - ModelKind.paretoNbd(c.purchases, c.pairs(), scale, down)) / (2 * h * theta[i]);
        }
        return g;
    }

    private static void gradientMatches(CustomerChunk chunk, double scale, double[] theta) {
        double[] g = new double[4];
        double value = ParetoNbdGradient.logLikelihood(chunk.purchases, chunk.pairs(), scale, theta, g);
        assertEquals(ModelKind.paretoNbd(chunk.purchases, chunk.pairs(), scale, theta), value, 0.0,
                "the value with the gradient is the value without, to the bit");
        double[] fd = centralDifferences(chunk, scale, theta, 1e-5);
        for (int i = 0; i < 4; i++) {
            // Central differences with a relative step of 1e-5 are good to about 1e-9 of the likelihood's scale.
            double allowed = 1e-6 * (Math.abs(fd[i]) + Math.abs(value) / theta[i] * 1e-3);
            assertEquals(fd[i], g[i], allowed, "component " + i + " at " + Arrays.toString(theta) + ": analytic "
                    + Arrays.toString(g) + ", central differences " + Arrays.toString(fd));
        }
    }

    @Test
    void cdnowGradientMatchesCentralDifferences() {
        double[][] d = ClvData.cdnow();
        CustomerChunk chunk = CustomerChunk.purchases(d[0], d[1], d[2], null);
        double scale = Fitting.timeScale(chunk.maxT());
        double[][] points = {
            {0.55328, 10.5776 * scale, 0.60621, 11.6679 * scale}, // the CDNOW maximum: alpha < beta
            {0.5, 2.0, 0.8, 1.0}, // alpha > beta
            {1.3, 1.7, 1.3, 1.7}, // alpha = beta
            {0.05, 0.3, 3.0, 9.0},
            {4.0, 20.0, 0.1, 0.05},
        };
        for (double[] theta : points) {
            gradientMatches(chunk, scale, theta);
        }
    }

    @Test
    void gradientAtTheMaximumIsZero() {
        double[][] d = ClvData.cdnow();
        ParetoNbdModel m = ParetoNbdFitter.withDefaults().fit(d[0], d[1], d[2]);
        CustomerChunk chunk = CustomerChunk.purchases(d[0], d[1], d[2], null);
        double scale = Fitting.timeScale(chunk.maxT());
        double[] theta = {m.r(), m.alpha() * scale, m.s(), m.beta() * scale};
        double[] g = new double[4];
        ParetoNbdGradient.logLikelihood(chunk.purchases, chunk.pairs(), scale, theta, g);
        for (int i = 0; i < 4; i++) {
            // d LL / d ln theta_i per customer, the quantity the fit drives below its tolerance.
            assertEquals(0, g[i] * theta[i] / d[0].length, 1e-8, "component " + i + ": " + Arrays.toString(g));
        }
        assertEquals(0.55328, m.r(), 1e-4);
        assertEquals(10.5776, m.alpha(), 2e-3);
        assertEquals(0.60621, m.s(), 1e-4);
        assertEquals(11.6679, m.beta(), 5e-3);
        assertEquals(-9594.97393, m.fitSummary().orElseThrow().logLikelihood(), 1e-5);
    }

    @Test
    void edgeRowsMatchCentralDifferences() {
        // t_x = T (A0 = 0), x = 0, a recent purchase (t_x near T), a customer of age 0, heavy weights.
        double[] x = {0, 5, 3, 0, 1, 40, 2};
        double[] tx = {0, 38.86, 38.859999, 0, 1e-6, 20, 0};
        double[] t = {38.86, 38.86, 38.86, 0, 2, 30, 1};
        double[] w = {3, 1, 2, 1, 1, 1e6, 1};
        tx[6] = 0.5;
        CustomerChunk chunk = CustomerChunk.purchases(x, tx, t, w);
        double scale = Fitting.timeScale(chunk.maxT());
        gradientMatches(chunk, scale, new double[] {0.55, 1.2, 0.6, 3.0});
        gradientMatches(chunk, scale, new double[] {0.55, 3.0, 0.6, 1.2});
        gradientMatches(chunk, scale, new double[] {2.0, 2.5, 2.0, 2.5});
    }

    @Test
    void hypergeometricLogDerivativesMatchCentralDifferences() {
        Property.forAll("d ln 2F1(a, b; a+1; z)", 300, rnd -> {
            double a = Math.exp(-3 + 10 * rnd.nextDouble());
            double b = Math.exp(-3 + 8 * rnd.nextDouble());
            double z = switch (rnd.nextInt(4)) {
                case 0 -> Math.exp(-30 * rnd.nextDouble());
                case 1 -> 1 - Math.exp(-12 * rnd.nextDouble());
                case 2 -> Double.MIN_NORMAL * (1 + rnd.nextDouble());
                default -> rnd.nextDouble();
            };
            if (!(z < 1 && z > 0)) {
                z = 0.5;
            }
            double[] full = new double[4];
            ParetoNbdGradient.logH(a, b, z, true, full);
            double[] valueOnly = new double[4];
            ParetoNbdGradient.logH(a, b, z, false, valueOnly);
            double[] out = {full[1], full[2], full[3]};
            double ha = 1e-6 * a;
            double hb = 1e-6 * b;
            double hz = 1e-6 * Math.min(z, 1 - z);
            double fa = (Hypergeometric2F1.logValue(a + ha, b, a + ha + 1, z)
                    - Hypergeometric2F1.logValue(a - ha, b, a - ha + 1, z)) / (2 * ha);
            double fb = (Hypergeometric2F1.logValue(a, b + hb, a + 1, z)
                    - Hypergeometric2F1.logValue(a, b - hb, a + 1, z)) / (2 * hb);
            double fz = (Hypergeometric2F1.logValue(a, b, a + 1, z + hz)
                    - Hypergeometric2F1.logValue(a, b, a + 1, z - hz)) / (2 * hz);
            String at = "a=" + a + " b=" + b + " z=" + z + " -> " + Arrays.toString(full);
            double logH = Math.abs(Hypergeometric2F1.logValue(a, b, a + 1, z));
            assertEquals(full[0], valueOnly[0], 0.0, "ln H with and without the derivatives " + at);
            assertEquals(Hypergeometric2F1.logValue(a, b, a + 1, z), full[0], 1e-13 * (1 + logH), "ln H " + at);
            // Central differences of ln H carry its error (to 1e-11 relative near z = 1, where it is transformed)
            // over the step.
            assertEquals(fa, out[0], 1e-6 * Math.abs(fa) + 1e-11 * (1 + logH) / ha, "d/da " + at);
            assertEquals(fb, out[1], 1e-6 * Math.abs(fb) + 1e-11 * (1 + logH) / hb, "d/db " + at);
            assertEquals(fz, out[2], 1e-6 * Math.abs(fz) + 1e-11 * (1 + logH) / hz, "d/dz " + at);
            assertTrue(out[0] >= 0 && out[1] >= 0 && out[2] > 0, at);
        });
    }
    /**
     * ln 2F1(a, b; a+1; z) and its derivatives near z = 1 (the boundary probes' pairs: a (1 - z) large, small and
     * in between, b near an integer, a in the billions) against 40-digit mpmath values:
     * {@code mp.log(mp.hyp2f1(a, b, a + 1, z))} and {@code mp.diff} of it in a, b, z (mpmath 1.3, mp.dps = 40);
     * the last two rows' values from {@code mp.quad} of {@code e^-u (1 - z e^(-u/a))^-b} over u in (0, inf)
     * (mp.dps = 30; the first also equals {@code a lerchphi(z, 1, a)}), their derivatives not checked.
     */
    @Test
    void nearOnePathsMatchHighPrecisionValues() {
        double[][] ref = {
            {73.1, 0.506, 0.995, 2.1782811986449624, 0.0035961628862315822, 4.3998536083526051, 47.983348534489807},
            {74.1, 1.506, 0.99, 6.0773696215495865, 0.0064980882228498297, 4.1586308647214235, 101.68005227161888},
            {51.9, 1.73, 0.98, 5.9872435285383413, 0.0089338932694749061, 3.5569181341169587, 62.634090001384966},
            {60.9, 10.5, 0.95, 30.060712457250964, 0.012098625763265172, 2.9200363510451824, 194.42244699929756},
            {150.3, 30.5, 0.999, 205.40279492450201, 0.0066184322441180825, 6.874039916966288, 29504.219113816359},
            {52.4, 1.73, 0.91, 3.9109291633846362, 0.0038696001908656742, 2.2745967656599254, 16.711865895765372},
            {1000, 0.5, 0.999, 3.176932198685353, 0.00018029106251596234, 6.3934385189245533, 319.41381415813485},
            {5, 2.5, 0.99999, 18.473291802677231, 0.19998032167688444, 10.846410354875954, 150006.88029526389},
            {226.77350795367346, 0.10976458704394637, 0.9999263704459663, 0.65865593233363786,
                0.00044837442162180956, 6.075800591014269, 106.80897111388445},
            {277.10165505690725, 0.14586307282368835, 0.9977136453324688, 0.77331760853102281,
                0.00024941315351597717, 5.3207460871849529, 33.427140720401606},
            {810.8948330849922, 0.09293400957855213, 0.9993591704500999, 0.60090533433917148,
                5.9433848773469005e-5, 6.4805172483384377, 69.705637624581617},
            {1.0956927627964168, 2.0002411153666957, 0.9999909739017859, 11.709326894591369,
                0.91256246993928598, 10.615791442854265, 110817.55366521712},
            {1.6354240829246883e9, 1.0, 0.9998898463726664, 9.113629004067093, Double.NaN, Double.NaN, Double.NaN},
            {2.5e7, 1.7, 0.9999, 15.656899202795384, Double.NaN, Double.NaN, Double.NaN},
        };
        for (double[] r : ref) {
            double[] full = new double[4];
            double[] valueOnly = new double[4];
            ParetoNbdGradient.logH(r[0], r[1], r[2], true, full);
            ParetoNbdGradient.logH(r[0], r[1], r[2], false, valueOnly);
            String at = Arrays.toString(Arrays.copyOf(r, 3)) + " -> " + Arrays.toString(full);
            assertEquals(full[0], valueOnly[0], 0.0, "ln H with and without the derivatives " + at);
            assertEquals(r[3], full[0], 2e-15 * (1 + Math.abs(r[3])), "ln H " + at);
            for (int i = 1; i < 4; i++) {
                if (!Double.isNaN(r[3 + i])) {
                    // Series past 200,000 terms take central differences of ln H (1e-8 to 1e-6 relative, as in
                    // hypergeometricLogDerivativesMatchCentralDifferences).
                    assertEquals(r[3 + i], full[i], 1e-6 * Math.abs(r[3 + i]), "derivative " + i + " " + at);
                }
            }
        }
    }

    /**
     * The 116-customer sample of ModelComparisonPropertiesTest (default seed, trial 11): r and alpha run into the
     * billions, a = r + s + x near 1.6e9 with z near 1, where ln H and its derivatives took tens of
     * milliseconds each (series of a million terms and central differences of them) and the fit about 40 s.
     */
    @Test
    void parametersInTheBillionsNearOneAreCheap() {
        double[] out = new double[4];
        long start = System.nanoTime();
        for (int i = 0; i < 1000; i++) {
            ParetoNbdGradient.logH(1.6354240829246883e9 + i, 1.0, 0.9998898463726664, true, out);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        // Some microseconds each; the bound leaves room for a loaded machine.
        assertTrue(seconds < 1, seconds + " s for 1,000 values with derivatives");
        assertTrue(out[1] >= 0 && out[2] >= 0 && out[3] > 0, Arrays.toString(out));
    }
}
