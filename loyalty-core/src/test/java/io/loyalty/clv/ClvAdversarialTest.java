package io.loyalty.clv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.loyalty.stats.ConvergenceException;
import io.loyalty.testkit.Property;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InvalidObjectException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.Serializable;
import java.nio.ByteBuffer;
import java.util.SplittableRandom;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * Issue 15 for the CLV family: the named regressions (items 4, 16, 19 and the serialization attack surface) and a
 * seeded adversary for the public entry points (models, fitters, {@link ClvCalculator}, {@link HoldoutValidation}):
 * boundary values mixed with ordinary rows must give a finite, in-range result or an
 * {@link IllegalArgumentException} whose message names the argument (a {@link ConvergenceException}, documented, when a
 * fit does not converge); never NaN or infinity, never another exception type, never an allocation sized by a
 * value.
 */
class ClvAdversarialTest {
    private static final BetaGeoModel BG = BetaGeoModel.of(0.242593, 4.413532, 0.792886, 2.425752);
    private static final GammaGammaModel GG = GammaGammaModel.of(6.24880, 3.74459, 15.4477);
    /** Boundary values: zero, one, 2^53 +- 1, the largest double, subnormals, negatives, NaN and infinities. */
    private static final double[] EDGES = {0, 1, 0.5, 2, 1e4, 9007199254740991.0, 9007199254740993.0, 1e9,
        Double.MAX_VALUE, 1e308, Double.MIN_VALUE, Double.MIN_NORMAL, 1e-300, -0.0, -1, Double.NaN,
        Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, Integer.MAX_VALUE, 1e-3, 1e3};

    private static IllegalArgumentException rejects(Runnable r, String... names) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, r::run);
        for (String name : names) {
            assertTrue(e.getMessage().contains(name), "'" + name + "' missing from: " + e.getMessage());
        }
        return e;
    }

    // ---- named regressions ----

    /** Issue 15 item 4: p x + q &lt;= 1 gave a negative spend (-7.5). */
    @Test
    void issue15Item4GammaGammaRejectsAMeanThatDoesNotExist() {
        GammaGammaModel m = GammaGammaModel.of(0.1, 0.5, 10);
        rejects(() -> m.conditionalExpectedAverageProfit(1, 20), "frequency", "p * frequency + q", "0.6");
        rejects(() -> m.conditionalExpectedAverageProfit(new double[] {6, 1}, new double[] {20, 20}), "row 1");
        rejects(() -> m.conditionalExpectedAverageProfit(0, 0), "frequency");
        // p x + q > 1: the posterior mean, (p gamma + p x m) / (p x + q - 1).
        assertEquals((0.1 * 10 + 0.1 * 6 * 20) / (0.1 * 6 + 0.5 - 1), m.conditionalExpectedAverageProfit(6, 20),
                1e-12);
        rejects(() -> ClvCalculator.of(BG, m, 4.345).clv(1, 1, 10, 20), "row 0", "p * frequency + q");
    }

    /** Issue 15 item 16 (CLV part): frequency 1e9 made a table of 1e9 entries (OutOfMemoryError). */
    @Test
    void issue15Item16MemoryFollowsTheDataNotTheFrequency() {
        double[] x = {1e9, 2, 0, Integer.MAX_VALUE - 1.0};
        double[] tx = {30, 20, 0, 38};
        double[] t = {39, 39, 39, 39};
        double[] alive = BG.probabilityAlive(x, tx, t);
        for (int i = 0; i < x.length; i++) {
            assertEquals(BG.probabilityAlive(x[i], tx[i], t[i]), alive[i], 0, "row " + i);
        }
        ModifiedBetaGeoModel mbg = ModifiedBetaGeoModel.of(0.525, 6.18, 0.891, 1.614);
        assertTrue(mbg.probabilityAlive(x, tx, t)[0] >= 0);
        // The likelihood kernels (used by every fit) tabulate per distinct frequency too.
        double ll = BG.logLikelihood(x, tx, t, null);
        double sum = 0;
        for (int i = 0; i < x.length; i++) {
            sum += BG.logLikelihood(x[i], tx[i], t[i]);
        }
        assertEquals(sum, ll, 1e-9 * Math.abs(sum));
        double[] theta = {0.242593, 4.413532, 0.792886, 2.425752};
        RfmRows rows = RfmRows.of(x, tx, t, null);
        assertEquals(sum, ModelKind.betaGeo(rows, 1, theta, new double[4], false), 1e-9 * Math.abs(sum));
        assertTrue(Double.isFinite(ParetoNbdModel.of(0.55, 10.6, 0.61, 11.7).logLikelihood(x, tx, t, null)));
        HoldoutValidation h = HoldoutValidation.of(BG, x, tx, t, new double[] {1, 0, 0, 2}, 39, Integer.MAX_VALUE);
        assertEquals(4, h.groups().size());
        BetaGeoBetaBinomModel bgbb = BetaGeoBetaBinomModel.of(1.2, 0.75, 0.66, 2.78);
        assertTrue(Double.isFinite(bgbb.logLikelihood(3, 5, 2_000_000)));
    }

    /** Issue 15 item 19 (CLV part): finite weights summing to infinity gave a ConvergenceException. */
    @Test
    void issue15Item19InfiniteWeightSumIsAnArgumentError() {
        double[] x = {1, 2, 0};
        double[] tx = {3, 4, 0};
        double[] t = {10, 10, 10};
        double[] w = {1e308, 1e308, 1};
        rejects(() -> BetaGeoFitter.withDefaults().fit(x, tx, t, w), "weights", "finite sum");
        rejects(() -> ModifiedBetaGeoFitter.withDefaults().fit(x, tx, t, w), "weights", "finite sum");
        rejects(() -> ParetoNbdFitter.withDefaults().fit(x, tx, t, w), "weights", "finite sum");
        rejects(() -> CustomerChunk.ofPurchases(x, tx, t, w), "weights", "finite sum");
        rejects(() -> GammaGammaFitter.withDefaults().fit(new double[] {1, 2}, new double[] {5, 6},
                new double[] {1e308, 1e308}), "weights", "finite sum");
        rejects(() -> BetaGeoBetaBinomFitter.withDefaults().fit(new double[] {1, 2}, new double[] {1, 2},
                new double[] {6, 6}, new double[] {1e308, 1e308}), "weights", "finite sum");
        // Over chunks: each chunk finite, the total not.
        CustomerChunk big = CustomerChunk.ofPurchases(x, tx, t, new double[] {1e308, 1, 1});
        rejects(() -> BetaGeoFitter.withDefaults().fit(ChunkedCustomers.of(java.util.List.of(big, big))), "weights",
                "finite sum");
    }

    // ---- serialization ----

    private static byte[] serialize(Serializable value) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(value);
        }
        return bytes.toByteArray();
    }

    private static Object deserialize(byte[] stream) throws IOException, ClassNotFoundException {
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(stream))) {
            return in.readObject();
        }
    }

    /** Replaces the first occurrence of a value's 8 big-endian bytes in the stream: a crafted stream. */
    private static byte[] patch(byte[] stream, double from, double to) {
        byte[] f = ByteBuffer.allocate(8).putDouble(from).array();
        byte[] t = ByteBuffer.allocate(8).putDouble(to).array();
        return patchBytes(stream, f, t);
    }

    private static byte[] patchBytes(byte[] stream, byte[] f, byte[] t) {
        byte[] out = stream.clone();
        outer:
        for (int i = 0; i + f.length <= out.length; i++) {
            for (int j = 0; j < f.length; j++) {
                if (out[i + j] != f[j]) {
                    continue outer;
                }
            }
            System.arraycopy(t, 0, out, i, t.length);
            return out;
        }
        throw new AssertionError("pattern not found in the stream");
    }

    private static void crafted(byte[] stream, String... parts) {
        InvalidObjectException e = assertThrows(InvalidObjectException.class, () -> deserialize(stream));
        for (String p : parts) {
            assertTrue(e.getMessage().contains(p), "'" + p + "' missing from: " + e.getMessage());
        }
    }

    @Test
    void serializationRoundTripsAndRejectsCraftedStreams() throws Exception {
        double[] x = {2, 7, 0, 2};
        double[] tx = {30.25, 11.5, 0, 30.25};
        double[] t = {38.5, 38.5, 12.75, 38.5};
        CustomerChunk chunk = CustomerChunk.ofPurchases(x, tx, t);
        CustomerChunk copy = (CustomerChunk) deserialize(serialize(chunk));
        assertEquals(chunk.customers(), copy.customers());
        assertEquals(chunk.rows(), copy.rows());
        ChunkTask task = ChunkTask.logLikelihood(ModelKind.BG_NBD, 1, new double[][] {{0.25, 4.5, 0.75, 2.5}},
                true);
        ChunkTask taskCopy = (ChunkTask) deserialize(serialize(task));
        assertEquals(task.add(task.zero(), chunk)[0], taskCopy.add(taskCopy.zero(), copy)[0], 0);

        byte[] chunkStream = serialize(chunk);
        crafted(patch(chunkStream, 7, Double.NaN), "frequency", "row", "NaN");
        // The serialized rows are the merged rows in (x, t_x, T) order: (0, 0, 12.75), (2, 30.25, 38.5), (7, 11.5, 38.5).
        crafted(patch(chunkStream, 11.5, 99), "recency", "row 2", "99");
        crafted(patch(chunkStream, 12.75, -1), "T", "row 0");
        crafted(patch(chunkStream, 7, 2.5), "frequency", "row 2", "2.5");
        CustomerChunk spend = CustomerChunk.ofSpend(new double[] {1, 3}, new double[] {20.5, 33.25});
        assertEquals(2, ((CustomerChunk) deserialize(serialize(spend))).rows());
        crafted(patch(serialize(spend), 33.25, -4), "monetary", "row 1");
        crafted(patch(serialize(spend), 3, 0), "frequency", "row 1");

        byte[] taskStream = serialize(task);
        crafted(patch(taskStream, 4.5, Double.NaN), "points[0][1]", "NaN");
        crafted(patch(taskStream, 0.75, -0.75), "points[0][2]");
        crafted(patch(taskStream, 1, Double.POSITIVE_INFINITY), "scale");
        crafted(patchBytes(taskStream, "BG_NBD".getBytes(java.nio.charset.StandardCharsets.UTF_8),
                "XX_NBD".getBytes(java.nio.charset.StandardCharsets.UTF_8)), "XX_NBD");

        ConvergenceException fe = new ConvergenceException("did not converge", new double[] {1, 2}, 123456789, 42, 0.5);
        ConvergenceException feCopy = (ConvergenceException) deserialize(serialize(fe));
        assertEquals(123456789, feCopy.evaluations());
        assertEquals(42, feCopy.iterations());
        crafted(patchBytes(serialize(fe), ByteBuffer.allocate(4).putInt(123456789).array(),
                ByteBuffer.allocate(4).putInt(-5).array()), "evaluations -5");
        crafted(patch(serialize(fe), 0.5, -0.5), "gradient norm -0.5");
    }

    // ---- the adversary ----

    private static double edge(SplittableRandom rnd) {
        return rnd.nextInt(3) == 0 ? EDGES[rnd.nextInt(EDGES.length)] : Math.pow(10, rnd.nextDouble(-3, 4));
    }

    private static double count(SplittableRandom rnd) {
        return rnd.nextInt(3) == 0 ? EDGES[rnd.nextInt(EDGES.length)] : rnd.nextInt(0, 50);
    }

    /** Runs {@code call}: a finite result in range, an IAE naming one of {@code names}, or a ConvergenceException. */
    private static void contract(Supplier<double[]> call, double lo, double hi, String what, String... names) {
        double[] out;
        try {
            out = call.get();
        } catch (IllegalArgumentException e) {
            String m = e.getMessage();
            assertTrue(m != null, what + ": IAE without a message");
            for (String n : names) {
                if (m.contains(n)) {
                    return;
                }
            }
            fail(what + ": message names none of " + String.join(", ", names) + ": " + m);
            return;
        } catch (ConvergenceException e) {
            assertTrue(e.getMessage().contains("penalizer"), e.getMessage());
            return;
        } catch (RuntimeException | OutOfMemoryError e) {
            throw new AssertionError(what + ": " + e, e);
        }
        for (int i = 0; i < out.length; i++) {
            if (!(out[i] >= lo && out[i] <= hi)) {
                fail(what + ": result " + i + " = " + out[i] + " outside [" + lo + ", " + hi + "]");
            }
        }
    }

    private static final String[] MODEL_ARGS = {"r", "alpha", "a", "b", "s", "beta", "t ", "t must", "frequency",
        "recency", "T", "n must", "overflow"};

    @Test
    void modelsAndCalculatorUnderBoundaryInput() {
        Property.forAll("CLV models under boundary input", 60, rnd -> {
            double[] p = {edge(rnd), edge(rnd), edge(rnd), edge(rnd)};
            double t = edge(rnd);
            double x = count(rnd);
            double age = edge(rnd);
            double tx = rnd.nextBoolean() ? age * rnd.nextDouble() : edge(rnd);
            if (x == 0 && rnd.nextBoolean()) {
                tx = 0;
            }
            String what = java.util.Arrays.toString(p) + " t=" + t + " x=" + x + " tx=" + tx + " T=" + age;
            double[] c = {x, tx, age};
            double tt = t;
            for (int k = 0; k < 3; k++) {
                int kind = k;
                Supplier<TransactionModel> make = () -> kind == 0 ? BetaGeoModel.of(p[0], p[1], p[2], p[3])
                        : kind == 1 ? ModifiedBetaGeoModel.of(p[0], p[1], p[2], p[3])
                        : ParetoNbdModel.of(p[0], p[1], p[2], p[3]);
                contract(() -> new double[] {make.get().expectedPurchases(tt)}, 0, Double.MAX_VALUE,
                        "E[X(t)] " + what, MODEL_ARGS);
                contract(() -> new double[] {make.get().conditionalExpectedPurchases(tt, c[0], c[1], c[2])}, 0,
                        Double.MAX_VALUE, "E[Y(t)] " + what, MODEL_ARGS);
                contract(() -> new double[] {make.get().probabilityAlive(c[0], c[1], c[2])}, 0, 1,
                        "P(alive) " + what, MODEL_ARGS);
                contract(() -> make.get().probabilityAlive(new double[] {c[0], 1}, new double[] {c[1], 0.5},
                        new double[] {c[2], 1}), 0, 1, "P(alive) array " + what, MODEL_ARGS);
                // Documented (docs/clv.md): a log-likelihood may be -Infinity where the probability underflows.
                contract(() -> new double[] {make.get().logLikelihood(c[0], c[1], c[2])}, Double.NEGATIVE_INFINITY,
                        Double.MAX_VALUE, "log-likelihood " + what, MODEL_ARGS);
                contract(() -> ClvCalculator.of(make.get(), GG, 4.345).withMonths(3).clv(new double[] {c[0]},
                        new double[] {c[1]}, new double[] {c[2]}, new double[] {tt}), 0, Double.MAX_VALUE,
                        "CLV " + what, "r", "alpha", "a", "b", "s", "beta", "frequency", "recency", "T", "monetary",
                        "row 0", "overflow");
            }
            contract(() -> new double[] {GammaGammaModel.of(p[0], p[1], p[2]).conditionalExpectedAverageProfit(c[0],
                    tt)}, 0, Double.MAX_VALUE, "Gamma-Gamma " + what, "p", "q", "gamma", "frequency", "monetary");
            int n = (int) Math.min(200, Math.max(-1, x));
            contract(() -> new double[] {BetaGeoModel.of(p[0], p[1], p[2], p[3]).probabilityOfPurchases(n, tt)}, 0, 1,
                    "BG P(X = n) " + what, MODEL_ARGS);
            contract(() -> new double[] {ParetoNbdModel.of(p[0], p[1], p[2], p[3]).probabilityOfPurchases(n, tt)}, 0,
                    1, "Pareto P(X = n) " + what, MODEL_ARGS);
            int periods = (int) Math.min(100_000, Math.max(-1, age));
            int xi = (int) Math.min(periods, Math.max(-1, x));
            contract(() -> new double[] {BetaGeoBetaBinomModel.of(p[0], p[1], p[2], p[3])
                    .conditionalExpectedTransactions(3, xi, periods, periods)}, 0, Double.MAX_VALUE,
                    "BG/BB " + what, "alpha", "beta", "gamma", "delta", "need 0 <= frequency", "m must");
        });
    }

    @Test
    void fittersAndHoldoutUnderBoundaryRows() {
        Property.forAll("CLV fitters under boundary rows", 40, rnd -> {
            int n = rnd.nextInt(0, 12);
            double[] x = new double[n];
            double[] tx = new double[n];
            double[] t = new double[n];
            double[] w = new double[n];
            double[] m = new double[n];
            for (int i = 0; i < n; i++) {
                boolean wild = rnd.nextInt(6) == 0;
                t[i] = wild ? edge(rnd) : rnd.nextInt(1, 40);
                x[i] = wild ? count(rnd) : rnd.nextInt(0, 6);
                tx[i] = x[i] == 0 && !wild ? 0 : wild ? edge(rnd) : Math.min(t[i], rnd.nextInt(0, 40));
                w[i] = wild ? edge(rnd) : 1 + rnd.nextInt(3);
                m[i] = wild ? edge(rnd) : 5 + rnd.nextInt(50);
            }
            String what = "rows x=" + java.util.Arrays.toString(x) + " tx=" + java.util.Arrays.toString(tx) + " T="
                    + java.util.Arrays.toString(t) + " w=" + java.util.Arrays.toString(w);
            String[] names = {"frequency", "recency", "T", "weights", "customers", "empty", "periods", "monetary",
                "T > 0", "positive"};
            BetaGeoFitter bg = BetaGeoFitter.withDefaults().withMaxIterations(60);
            contract(() -> bg.fit(x, tx, t, w).parameters(), Double.MIN_VALUE, Double.MAX_VALUE, "BG fit " + what,
                    names);
            contract(() -> GammaGammaFitter.withDefaults().withMaxIterations(60).fit(x, m, w).parameters(),
                    Double.MIN_VALUE, Double.MAX_VALUE, "Gamma-Gamma fit " + what, names);
            contract(() -> HoldoutValidation.of(BG, x, tx, t, m, 39, 1 + rnd.nextInt(0, 10)).predicted(), 0,
                    Double.MAX_VALUE, "holdout " + what, "frequency", "recency", "T", "holdoutPurchases", "empty");
        });
    }

    /** Pareto/NBD fits evaluate 2F1 per row and point, so the adversary gets fewer, smaller data sets. */
    @Test
    void paretoFitterUnderBoundaryRows() {
        Property.forAll("Pareto/NBD fitter under boundary rows", 12, rnd -> {
            int n = rnd.nextInt(0, 6);
            double[] x = new double[n];
            double[] tx = new double[n];
            double[] t = new double[n];
            for (int i = 0; i < n; i++) {
                boolean wild = rnd.nextInt(4) == 0;
                t[i] = wild ? edge(rnd) : rnd.nextInt(1, 40);
                x[i] = wild ? count(rnd) : rnd.nextInt(0, 6);
                tx[i] = x[i] == 0 && !wild ? 0 : wild ? edge(rnd) : Math.min(t[i], rnd.nextInt(0, 40));
            }
            String what = "rows x=" + java.util.Arrays.toString(x) + " tx=" + java.util.Arrays.toString(tx) + " T="
                    + java.util.Arrays.toString(t);
            contract(() -> ParetoNbdFitter.withDefaults().withMaxIterations(25).fit(x, tx, t).parameters(),
                    Double.MIN_VALUE, Double.MAX_VALUE, "Pareto fit " + what, "frequency", "recency", "T", "empty",
                    "T > 0");
        });
    }
}
