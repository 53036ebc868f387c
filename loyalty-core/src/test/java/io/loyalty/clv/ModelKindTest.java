package io.loyalty.clv;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The seams a CLV model plugs into (issue 18, section 1): {@link ModelKind} carries each model's kernel, names and
 * factory; {@link TransactionModel#of} rebuilds any purchase model from its name and parameters; every purchase
 * fitter is a {@link TransactionModelFitter}; the fitters share one option base. A new {@link ModelKind} constant
 * fails {@link #everyKindIsCovered} until it is added to the lists here.
 */
class ModelKindTest {
    /** One model of every purchase kind. */
    private static final List<TransactionModel> MODELS = List.of(BetaGeoModel.of(0.243, 4.414, 0.793, 2.426),
            ModifiedBetaGeoModel.of(0.525, 6.183, 0.891, 1.614), ParetoNbdModel.of(0.553, 10.578, 0.606, 11.669));
    /** One fitter of every purchase kind, in the order of {@link #MODELS}. */
    private static final List<TransactionModelFitter<?>> FITTERS = List.of(BetaGeoFitter.withDefaults(),
            ModifiedBetaGeoFitter.withDefaults(), ParetoNbdFitter.withDefaults());

    @Test
    void everyKindIsCovered() {
        Set<ModelKind> seen = EnumSet.of(ModelKind.GAMMA_GAMMA);
        for (TransactionModel m : MODELS) {
            for (ModelKind k : ModelKind.values()) {
                if (k.label.equals(m.name())) {
                    seen.add(k);
                    assertArrayEquals(k.names(), m.parameterNames(), k.label);
                }
            }
        }
        assertEquals(EnumSet.allOf(ModelKind.class), seen, "every kind has a model in MODELS");
    }

    @Test
    void everyPurchaseModelIsRebuiltFromItsNameAndParameters() {
        for (TransactionModel m : MODELS) {
            TransactionModel again = TransactionModel.of(m.name(), m.parameters());
            assertEquals(m, again, m.name());
            assertSame(m.getClass(), again.getClass(), m.name());
            assertTrue(again.fitSummary().isEmpty(), "a rebuilt model has no fit summary");
            assertEquals(m.probabilityAlive(2, 30.43, 38.86), again.probabilityAlive(2, 30.43, 38.86), 0, m.name());
        }
    }

    @Test
    void ofNamesWhatItRejects() {
        IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class,
                () -> TransactionModel.of("BG-NBD", 1, 1, 1, 1));
        assertTrue(unknown.getMessage().contains("name") && unknown.getMessage().contains("BG/NBD, MBG/NBD, Pareto/NBD")
                && unknown.getMessage().contains("'BG-NBD'"), unknown.getMessage());
        // Gamma-Gamma is a spend model, not a TransactionModel.
        assertThrows(IllegalArgumentException.class, () -> TransactionModel.of("Gamma-Gamma", 1, 1, 1));
        IllegalArgumentException count = assertThrows(IllegalArgumentException.class,
                () -> TransactionModel.of("Pareto/NBD", 1, 1, 1));
        assertTrue(count.getMessage().startsWith("parameters: Pareto/NBD needs 4 (r, alpha, s, beta), got 3"),
                count.getMessage());
        IllegalArgumentException bad = assertThrows(IllegalArgumentException.class,
                () -> TransactionModel.of("BG/NBD", 1, 1, Double.NaN, 1));
        assertTrue(bad.getMessage().contains("parameter a (parameters[2])"), bad.getMessage());
        assertThrows(IllegalArgumentException.class, () -> TransactionModel.of(null, 1, 1, 1, 1));
        assertThrows(IllegalArgumentException.class, () -> TransactionModel.of("BG/NBD", (double[]) null));
        double[] p = {1, 2, 3, 4};
        TransactionModel m = TransactionModel.of("MBG/NBD", p);
        p[0] = 99;
        assertEquals(1, m.parameters()[0], 0, "the parameters are copied in");
    }

    @Test
    void anyPurchaseFitterFitsThroughTheInterface() {
        double[][] d = ClvData.cdnow();
        for (int i = 0; i < FITTERS.size(); i++) {
            TransactionModelFitter<?> fitter = FITTERS.get(i);
            TransactionModel viaInterface = fitter.fit(d[0], d[1], d[2]);
            TransactionModel chunked = fitter.fit(ChunkedCustomers.of(List.of(CustomerChunk.ofPurchases(d[0], d[1],
                    d[2]))));
            assertEquals(MODELS.get(i).getClass(), viaInterface.getClass());
            assertArrayEquals(viaInterface.parameters(), chunked.parameters(), 0, viaInterface.name());
        }
        BetaGeoModel typed = BetaGeoFitter.withDefaults().fit(d[0], d[1], d[2]);
        assertEquals(typed, FITTERS.get(0).fit(d[0], d[1], d[2]), "the interface fits what the fitter fits");
    }

    @Test
    void sharedOptionsKeepTheConcreteFitterAndItsText() {
        BetaGeoFitter bg = BetaGeoFitter.withDefaults().withPenalizer(0.1).withMaxIterations(50).withTolerance(1e-8)
                .withStrictDiagnostics().withInitialParameters(1, 2, 3, 4);
        assertEquals("BetaGeoFitter[penalizer=0.1, maxIterations=50, tolerance=1.0E-8]", bg.toString());
        GammaGammaFitter gg = GammaGammaFitter.withDefaults().withPenalizer(0.5);
        assertEquals("GammaGammaFitter[penalizer=0.5, maxIterations=1000, tolerance=1.0E-9]", gg.toString());
        BetaGeoBetaBinomFitter bgbb = BetaGeoBetaBinomFitter.withDefaults().withMaxIterations(7);
        assertEquals("BetaGeoBetaBinomFitter[penalizer=0.0, maxIterations=7, tolerance=1.0E-9]", bgbb.toString());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ParetoNbdFitter.withDefaults().withInitialParameters(1, 2, 0, 4));
        assertTrue(e.getMessage().contains("initial s"), e.getMessage());
    }

    @Test
    void aKernelWithoutHessianRefusesToWriteOne() {
        // Every kind has an analytic gradient since issue 16 (Pareto/NBD's ParetoNbdGradient); Pareto/NBD and
        // Gamma-Gamma still have no analytic Hessian.
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ChunkTask.logLikelihood(ModelKind.PARETO_NBD, 1, new double[][] {{1, 1, 1, 1}}, true, true,
                        false));
        assertEquals("Pareto/NBD has no analytic Hessian", e.getMessage());
    }
}
