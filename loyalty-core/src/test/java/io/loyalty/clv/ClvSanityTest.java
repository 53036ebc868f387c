package io.loyalty.clv;

import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** Every public factory and option rejects null and NaN with an IllegalArgumentException. */
class ClvSanityTest {
    private static void rejects(Executable e) {
        assertThrows(IllegalArgumentException.class, e);
    }

    @Test
    void factoriesRejectNaNAndNonPositiveParameters() {
        double nan = Double.NaN;
        rejects(() -> BetaGeoModel.of(nan, 1, 1, 1));
        rejects(() -> ModifiedBetaGeoModel.of(1, 1, 0, 1));
        rejects(() -> ParetoNbdModel.of(1, 1, 1, Double.POSITIVE_INFINITY));
        rejects(() -> BetaGeoBetaBinomModel.of(1, nan, 1, 1));
        rejects(() -> GammaGammaModel.of(1, 1, -2));
        rejects(() -> BetaGeoFitter.withDefaults().withPenalizer(nan));
        rejects(() -> ParetoNbdFitter.withDefaults().withTolerance(0));
        rejects(() -> ModifiedBetaGeoFitter.withDefaults().withMaxIterations(0));
        rejects(() -> BetaGeoBetaBinomFitter.withDefaults().withInitialParameters(1, 1, nan, 1));
        rejects(() -> GammaGammaFitter.withDefaults().withPenalizer(-1));
    }

    @Test
    void fittersAndPredictionsRejectNullAndBadColumns() {
        double[] one = {1};
        rejects(() -> BetaGeoFitter.withDefaults().fit(null, one, one));
        rejects(() -> ParetoNbdFitter.withDefaults().fit(one, one, new double[] {1, 2}));
        rejects(() -> ModifiedBetaGeoFitter.withDefaults().fit(new double[] {1}, new double[] {nan()}, one));
        rejects(() -> BetaGeoFitter.withDefaults().fit(new double[0], new double[0], new double[0]));
        rejects(() -> BetaGeoFitter.withDefaults().fit(one, one, one, new double[] {-1}));
        rejects(() -> GammaGammaFitter.withDefaults().fit(null, one));
        rejects(() -> BetaGeoFitter.withDefaults().fit((io.loyalty.data.CustomerSummaries) null));
        BetaGeoModel m = BetaGeoModel.of(0.24, 4.4, 0.79, 2.4);
        rejects(() -> m.conditionalExpectedPurchases(nan(), 1, 1, 2));
        rejects(() -> m.conditionalExpectedPurchases(1, one, null, one));
        rejects(() -> m.probabilityOfPurchases(-1, 2));
        rejects(() -> HoldoutValidation.of(m, one, one, new double[] {2}, new double[] {nan()}, 1, 3));
        rejects(() -> ClvCalculator.of(m, GammaGammaModel.of(6, 3.7, 15), nan()));
    }

    private static double nan() {
        return Double.NaN;
    }
}
