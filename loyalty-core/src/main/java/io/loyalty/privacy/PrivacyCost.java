package io.loyalty.privacy;

import io.loyalty.internal.Checks;

/**
 * What one release may spend and how its noise is drawn: pure {@code ε}-DP with discrete Laplace noise calibrated
 * to the query's L1 sensitivity, or {@code ρ}-zCDP with discrete Gaussian noise calibrated to its L2 sensitivity.
 *
 * @since 0.2
 */
public final class PrivacyCost {
    private final boolean gaussian;
    private final double value;

    private PrivacyCost(boolean gaussian, double value) {
        this.gaussian = gaussian;
        this.value = value;
    }

    /**
     * Pure {@code ε}-differential privacy with discrete Laplace noise of scale {@code Δ1 / ε}.
     *
     * @param epsilon {@code ε}, finite and {@code > 0}
     * @return the cost
     * @throws IllegalArgumentException if {@code epsilon} is not finite and positive
     */
    public static PrivacyCost laplace(double epsilon) {
        return new PrivacyCost(false, PrivacyBudget.checkEpsilon(epsilon, "epsilon"));
    }

    /**
     * {@code ρ}-zero-concentrated differential privacy with discrete Gaussian noise of
     * {@code σ^2 = Δ2^2 / (2 ρ)}.
     *
     * @param rho {@code ρ}, finite and {@code > 0}
     * @return the cost
     * @throws IllegalArgumentException if {@code rho} is not finite and positive
     */
    public static PrivacyCost gaussian(double rho) {
        return new PrivacyCost(true, PrivacyBudget.checkEpsilon(rho, "rho"));
    }

    /**
     * Whether the noise is discrete Gaussian (zCDP) rather than discrete Laplace (pure DP).
     *
     * @return true for {@link #gaussian(double)}
     */
    public boolean isGaussian() {
        return gaussian;
    }

    /**
     * {@code ε} for Laplace, {@code ρ} for Gaussian.
     *
     * @return the parameter
     */
    public double value() {
        return value;
    }

    /** The same mechanism with the parameter divided by {@code parts}, for a release made of several queries. */
    PrivacyCost split(int parts) {
        return new PrivacyCost(gaussian, value / parts);
    }

    @Override
    public String toString() {
        return gaussian ? Checks.format("rho = %s (discrete Gaussian)", value)
                : Checks.format("epsilon = %s (discrete Laplace)", value);
    }
}
