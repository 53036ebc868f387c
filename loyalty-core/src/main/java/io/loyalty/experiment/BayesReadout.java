package io.loyalty.experiment;

import io.loyalty.internal.Checks;
import io.loyalty.stats.Interval;

/**
 * A Bayesian readout of B (treatment) against A (control).
 *
 * @param probabilityBBeatsA the posterior probability {@code P(pB > pA)}
 * @param expectedLossA the expected loss of shipping A, {@code E[max(pB - pA, 0)]}
 * @param expectedLossB the expected loss of shipping B, {@code E[max(pA - pB, 0)]}
 * @param lift the posterior mean-based lift {@code E[pB] / E[pA] - 1} with the equal-tailed credible interval
 *     of {@code pB / pA - 1}
 * @since 0.1
 */
public record BayesReadout(double probabilityBBeatsA, double expectedLossA, double expectedLossB, Interval lift) {
    /**
     * Checks the values.
     *
     * @param probabilityBBeatsA the probability
     * @param expectedLossA the loss of A
     * @param expectedLossB the loss of B
     * @param lift the lift
     */
    public BayesReadout {
        Checks.unit(probabilityBBeatsA, "probabilityBBeatsA");
        Checks.nonNegative(expectedLossA, "expectedLossA");
        Checks.nonNegative(expectedLossB, "expectedLossB");
        Checks.notNull(lift, "lift");
    }

    @Override
    public String toString() {
        return Checks.format("P(B > A) = %.4f, expected loss A %.3g, B %.3g, lift %+.2f %% (%s %% credible %+.2f to %+.2f)",
                probabilityBBeatsA, expectedLossA, expectedLossB, 100 * lift.estimate(),
                Format.percent(lift.confidence()), 100 * lift.lower(), 100 * lift.upper());
    }
}
