package io.loyalty.clv;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.loyalty.testkit.Property;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Issue 17, the BG/NBD fit of many customers with continuous recency and T: rows are merged only when a hash
 * sample shows duplicates enough, unmerged rows give the merged rows' likelihood, the kernels' analytic Hessian
 * is their gradient's derivative, and a fit of many rows (Newton steps from the fit of every 16th row) finds the
 * maximum and the standard errors of the BFGS fit with finite-difference Hessian.
 */
class ManyRowsFitTest {
    /** BG/NBD customers at the CDNOW estimates, T uniform on [1, 78] weeks, recency and T continuous. */
    private static double[][] continuous(int n, long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        double[] ages = rnd.doubles(n).map(u -> 1 + 77 * u).toArray();
        double[] p = ClvData.CDNOW_BGNBD;
        SimulatedCustomers c = BetaGeoModel.of(p[0], p[1], p[2], p[3]).simulate(ages, seed + 1);
        return new double[][] {c.frequency(), c.recency(), c.t()};
    }

    @Test
    void kernelHessianIsTheDerivativeOfItsGradient() {
        double[][] d = continuous(3000, 5);
        double[][] cdnow = ClvData.cdnow();
        List<RfmRows> sets = List.of(RfmRows.collapse(cdnow[0], cdnow[1], cdnow[2], null),
                RfmRows.aligned(d[0], d[1], d[2], null));
        for (RfmRows rows : sets) {
            for (boolean modified : new boolean[] {false, true}) {
                for (double[] theta : new double[][] {{0.3, 0.5, 0.8, 2.2}, {2.5, 3.0, 0.2, 0.4}}) {
                    double[] g = new double[4];
                    double[] h = new double[10];
                    double ll = ModelKind.betaGeo(rows, 0.13, theta, g, h, modified);
                    double[] g0 = new double[4];
                    assertEquals(ModelKind.betaGeo(rows, 0.13, theta, g0, modified), ll);
                    assertArrayEquals(g0, g);
                    int at = 0;
                    for (int i = 0; i < 4; i++) {
                        for (int j = i; j < 4; j++) {
                            double step = 1e-6 * theta[j];
                            double[] up = theta.clone();
                            up[j] += step;
                            double[] down = theta.clone();
                            down[j] -= step;
                            double[] gUp = new double[4];
                            double[] gDown = new double[4];
                            ModelKind.betaGeo(rows, 0.13, up, gUp, modified);
                            ModelKind.betaGeo(rows, 0.13, down, gDown, modified);
                            double fd = (gUp[i] - gDown[i]) / (2 * step);
                            assertEquals(fd, h[at++], 1e-6 * Math.max(1, Math.abs(fd)), (modified ? "MBG" : "BG")
                                    + " d2LL/d" + i + "d" + j + " at " + Arrays.toString(theta));
                        }
                    }
                }
            }
        }
    }

    @Test
    void unmergedRowsGiveTheMergedLikelihood() {
        double[][] c = ClvData.cdnow();
        RfmRows merged = RfmRows.collapse(c[0], c[1], c[2], null);
        RfmRows aligned = RfmRows.aligned(c[0], c[1], c[2], null);
        assertFalse(merged.aligned);
        assertTrue(aligned.aligned);
        assertEquals(c[0].length, aligned.size);
        assertTrue(merged.size < aligned.size);
        for (boolean modified : new boolean[] {false, true}) {
            double[] gm = new double[4];
            double[] ga = new double[4];
            double[] hm = new double[10];
            double[] ha = new double[10];
            double lm = ModelKind.betaGeo(merged, 0.25, ClvData.CDNOW_BGNBD, gm, hm, modified);
            double la = ModelKind.betaGeo(aligned, 0.25, ClvData.CDNOW_BGNBD, ga, ha, modified);
            assertEquals(lm, la, 1e-12 * Math.abs(lm));
            for (int i = 0; i < 4; i++) {
                assertEquals(gm[i], ga[i], 1e-10 * Math.max(1, Math.abs(gm[i])), "gradient " + i);
            }
            for (int i = 0; i < 10; i++) {
                assertEquals(hm[i], ha[i], 1e-10 * Math.max(1, Math.abs(hm[i])), "Hessian " + i);
            }
        }
        // weight-0 rows are dropped, as merging drops them
        double[] w = new double[c[0].length];
        Arrays.fill(w, 1);
        w[0] = 0;
        w[5] = 0;
        assertEquals(c[0].length - 2, RfmRows.aligned(c[0], c[1], c[2], w).size);
    }

    @Test
    void rowsAreMergedOnlyWhenTheSampleShowsDuplicatesWhateverTheOrder() {
        int n = 40_000;
        double[][] distinct = continuous(n, 11);
        double[][] days = ClvData.synthetic(n, 11, 0.242593, 4.413532, 0.792886, 2.425752);
        assertFalse(RfmRows.mergingPays(distinct[0], distinct[1], distinct[2], null));
        assertTrue(RfmRows.mergingPays(days[0], days[1], days[2], null));
        RfmRows kept = RfmRows.collapse(distinct[0], distinct[1], distinct[2], null);
        assertTrue(kept.aligned);
        assertEquals(n, kept.size);
        RfmRows merged = RfmRows.collapse(days[0], days[1], days[2], null);
        assertFalse(merged.aligned);
        assertTrue(merged.size < 0.75 * n, merged.size + " merged rows");
        Property.forAll("the merge decision does not depend on the row order", 5, rnd -> {
            int[] p = Property.shuffledPermutation(rnd, n);
            double[][] d = ClvData.permuted(distinct, p);
            double[][] r = ClvData.permuted(days, p);
            assertFalse(RfmRows.mergingPays(d[0], d[1], d[2], null));
            assertEquals(merged.size, RfmRows.collapse(r[0], r[1], r[2], null).size);
        });
        // Below two chunks of rows, rows are always merged (one path for small fits), distinct or not.
        double[][] few = continuous(RfmRows.MERGE_CHECK_ROWS - 1, 3);
        assertFalse(RfmRows.collapse(few[0], few[1], few[2], null).aligned);
    }

    @Test
    void manyRowsFindTheBfgsMaximumAndStandardErrors() {
        double[][] d = continuous(Fitting.SAMPLE_FIRST_ROWS + 4000, 17);
        RfmRows rows = RfmRows.collapse(d[0], d[1], d[2], null);
        assertTrue(rows.aligned);
        double scale = Fitting.timeScale(rows.maxT);
        // BG/NBD, MBG/NBD, and BG/NBD with a penalizer (which the Newton steps' Hessian includes)
        for (int c = 0; c < 3; c++) {
            ModelKind kind = c == 1 ? ModelKind.MBG_NBD : ModelKind.BG_NBD;
            boolean modified = kind == ModelKind.MBG_NBD;
            double penalizer = c == 2 ? 0.01 : 0;
            // The reference: BFGS from the default start and a finite-difference Hessian, on all rows.
            Fitting.Outcome bfgs = Fitting.fit(kind.label, kind.names(), (theta, g) -> ModelKind.betaGeo(rows, scale,
                    theta, g, modified), true, rows.size, rows.totalWeight,
                    Fitting.Options.defaults(4).withPenalizer(penalizer), scale, kind.timeParams(),
                    theta -> ModelKind.betaGeo(rows, 1, theta, null, modified), System.nanoTime());
            TransactionModel model = kind == ModelKind.BG_NBD
                    ? BetaGeoFitter.withDefaults().withPenalizer(penalizer).fit(d[0], d[1], d[2])
                    : ModifiedBetaGeoFitter.withDefaults().fit(d[0], d[1], d[2]);
            FitSummary newton = model.fitSummary().orElseThrow();
            assertTrue(newton.evaluations() <= 10, newton.evaluations() + " evaluations on all rows");
            for (int i = 0; i < 4; i++) {
                String name = kind.names()[i];
                ParameterEstimate expected = bfgs.summary().estimate(name);
                ParameterEstimate actual = newton.estimate(name);
                String what = kind + (penalizer > 0 ? " penalized " : " ") + name;
                assertEquals(expected.value(), actual.value(), 1e-8 * expected.value(), what);
                assertEquals(expected.standardError(), actual.standardError(), 1e-6 * expected.standardError(),
                        "standard error of " + what);
            }
            assertEquals(bfgs.summary().logLikelihood(), newton.logLikelihood(),
                    1e-11 * Math.abs(newton.logLikelihood()));
            assertEquals(d[0].length, newton.rows());
            assertEquals(bfgs.summary().diagnostics().warnings(), newton.diagnostics().warnings());
        }
        // The same customers in uneven chunks, each merged or not by its own sample: the same maximum.
        List<CustomerChunk> chunks = new ArrayList<>();
        int[] cuts = {0, 9000, 9001, 40_000, d[0].length};
        for (int k = 0; k + 1 < cuts.length; k++) {
            chunks.add(CustomerChunk.ofPurchases(Arrays.copyOfRange(d[0], cuts[k], cuts[k + 1]),
                    Arrays.copyOfRange(d[1], cuts[k], cuts[k + 1]), Arrays.copyOfRange(d[2], cuts[k], cuts[k + 1])));
        }
        BetaGeoModel whole = BetaGeoFitter.withDefaults().fit(d[0], d[1], d[2]);
        BetaGeoModel chunked = BetaGeoFitter.withDefaults().fit(ChunkedCustomers.of(chunks));
        for (int i = 0; i < 4; i++) {
            assertEquals(whole.parameters()[i], chunked.parameters()[i], 1e-8 * whole.parameters()[i]);
        }
    }

    @Test
    void sampledAndHessianTasksSurviveSerialization() throws IOException, ClassNotFoundException {
        double[][] c = ClvData.cdnow();
        CustomerChunk chunk = CustomerChunk.ofPurchases(c[0], c[1], c[2]);
        ChunkTask task = ChunkTask.logLikelihood(ModelKind.BG_NBD, 0.25, new double[][] {ClvData.CDNOW_BGNBD}, true,
                true, true);
        assertEquals("ChunkTask[BG_NBD log-likelihood at 1 point with gradients and Hessians of the chunks' "
                + "samples, time scale 0.25]", task.toString());
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(task);
        }
        ChunkTask copy;
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            copy = (ChunkTask) in.readObject();
        }
        double[] sums = task.add(task.zero(), chunk);
        assertEquals(1 + 4 + 10, sums.length);
        assertArrayEquals(sums, copy.add(copy.zero(), chunk));
        // the sample: every 16th merged row with its weight
        ChunkTask totals = ChunkTask.totals(ModelKind.BG_NBD, true);
        double[] t = totals.add(totals.zero(), chunk);
        assertEquals((chunk.rows() + CustomerChunk.SAMPLE_STRIDE - 1) / CustomerChunk.SAMPLE_STRIDE, t[1]);
        assertEquals(ModelKind.betaGeo(chunk.sample().purchases, 0.25, ClvData.CDNOW_BGNBD, null, false), sums[0]);
    }
}
