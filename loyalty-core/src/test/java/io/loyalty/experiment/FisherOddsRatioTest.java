package io.loyalty.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/**
 * The conditional MLE of the odds ratio and its exact interval, against R's {@code fisher.test} output for the
 * help-page examples (TeaTasting and Convictions; R prints 7 significant digits, so the tolerance is 1e-6
 * relative). The p-values of the same calls are in {@code published_cases.json}.
 */
class FisherOddsRatioTest {
    private static void close(double expected, double actual) {
        assertEquals(expected, actual, 1e-6 * Math.abs(expected));
    }

    @Test
    void teaTastingTwoSided() {
        // fisher.test(matrix(c(3, 1, 1, 3), 2)): odds ratio 6.408309, 95 % CI 0.2117329 621.9337505
        FisherTest.Result t = FisherTest.withDefaults().test(3, 4, 1, 4);
        close(6.408309, t.oddsRatio());
        close(0.2117329, t.lower());
        close(621.9337505, t.upper());
        close(0.485714285714286, t.pValue());
    }

    @Test
    void teaTastingGreater() {
        // fisher.test(TeaTasting, alternative = "greater"): 95 % CI 0.3135693 Inf
        FisherTest.Result t = FisherTest.withDefaults().with(Alternative.GREATER).test(3, 4, 1, 4);
        close(0.3135693, t.lower());
        assertEquals(Double.POSITIVE_INFINITY, t.upper());
    }

    @Test
    void convictionsLess() {
        // fisher.test(Convictions, alternative = "less"): odds ratio 0.04693661, 95 % CI 0 0.2849601
        FisherTest.Result t = FisherTest.withDefaults().with(Alternative.LESS).test(2, 17, 10, 13);
        close(0.04693661, t.oddsRatio());
        assertEquals(0, t.lower());
        close(0.2849601, t.upper());
    }

    @Test
    void edgesGiveZeroOrInfiniteEstimates() {
        assertEquals(0, FisherTest.withDefaults().test(0, 5, 4, 5).oddsRatio());
        assertEquals(Double.POSITIVE_INFINITY,
                FisherTest.withDefaults().test(5, 5, 1, 5).oddsRatio());
    }
}
