package io.loyalty.privacy;

import io.loyalty.internal.Checks;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * A total privacy budget {@code (ε, δ)} that every release of this package draws from, and the source of its noise.
 *
 * <p>Accounting. Pure-DP releases add their {@code ε}, partition selection adds its {@code (ε, δ)}, and discrete
 * Gaussian releases add their zCDP {@code ρ}. The spent total is
 * <pre>
 *   ε_spent = Σ ε_i + [ρ &gt; 0] (ρ + 2 sqrt(ρ ln(1 / δ_z))),   δ_z = δ - Σ δ_i
 * </pre>
 * by basic composition and the zCDP-to-DP conversion of Bun and Steinke (2016, Proposition 1.3), with every
 * {@code δ} not spent by partition selection given to the conversion. A release that would make {@code ε_spent}
 * exceed {@code ε} or {@code Σ δ_i} exceed {@code δ} (or leave no {@code δ_z > 0} for Gaussian noise) is refused
 * with {@link BudgetExceededException} before any noise is drawn. {@link #spends()} says what was spent on what.
 *
 * <p>Noise comes from a {@link SecureRandom} unless {@link #withNoiseSource(RandomGenerator)} is given a seeded
 * generator, which is for tests and for comparing two implementations only: whoever knows the seed can remove the
 * noise. Thread-safe: spending is synchronized.
 *
 * <p>Reference: M. Bun, T. Steinke, "Concentrated Differential Privacy: Simplifications, Extensions, and Lower
 * Bounds", TCC 2016, <a href="https://arxiv.org/abs/1605.02065">arXiv:1605.02065</a>.
 *
 * <p>Experimental.
 *
 * @since 0.2
 */
public final class PrivacyBudget {
    /** Slack on comparisons, so that ε split into parts that sum to ε by rounding is not refused. */
    private static final double SLACK = 1e-12;

    /**
     * One release's spending.
     *
     * @param label what was released
     * @param epsilon its pure or approximate {@code ε} (0 for a Gaussian release)
     * @param delta its {@code δ} (partition selection), else 0
     * @param rho its zCDP {@code ρ} (Gaussian releases), else 0
     * @since 0.2
     */
    public record Spend(String label, double epsilon, double delta, double rho) {
        /**
         * Checks the components: a label, and costs that are finite and not negative.
         *
         * @param label what was released
         * @param epsilon its {@code ε}, {@code >= 0}
         * @param delta its {@code δ}, {@code >= 0}
         * @param rho its {@code ρ}, {@code >= 0}
         * @throws IllegalArgumentException naming the component when the label is null or a cost is negative, NaN or
         *         infinite
         */
        public Spend {
            Checks.notNull(label, "label");
            Checks.nonNegative(epsilon, "epsilon");
            Checks.nonNegative(delta, "delta");
            Checks.nonNegative(rho, "rho");
        }

        @Override
        public String toString() {
            return Checks.format("%-40s epsilon %-10.4g delta %-10.3g rho %.4g", label, epsilon, delta, rho);
        }
    }

    private final double epsilon;
    private final double delta;
    private final RandomGenerator random;
    private final List<Spend> spends = new ArrayList<>();
    private double pureEpsilon;
    private double approxDelta;
    private double rho;

    private PrivacyBudget(double epsilon, double delta, RandomGenerator random) {
        this.epsilon = epsilon;
        this.delta = delta;
        this.random = random;
    }

    /**
     * A budget of {@code (ε, δ)} drawing its noise from a new {@link SecureRandom}.
     *
     * @param epsilon the total {@code ε}, finite and {@code > 0}
     * @param delta the total {@code δ}, in [0, 1) (0 allows only pure-DP releases on known partitions)
     * @return the budget, nothing spent
     * @throws IllegalArgumentException naming the value when {@code epsilon} or {@code delta} is out of range
     */
    public static PrivacyBudget of(double epsilon, double delta) {
        checkEpsilon(epsilon, "epsilon");
        Checks.require(delta >= 0 && delta < 1, "delta must lie in [0, 1), got %s", delta);
        return new PrivacyBudget(epsilon, delta, new SecureRandom());
    }

    /**
     * A fresh budget of the same size whose noise comes from {@code source}. For tests and reproducible
     * comparisons only: a seeded generator makes the noise removable by anyone who knows the seed.
     *
     * @param source the uniform source
     * @return a new budget, nothing spent
     */
    public PrivacyBudget withNoiseSource(RandomGenerator source) {
        return new PrivacyBudget(epsilon, delta, Checks.notNull(source, "source"));
    }

    static double checkEpsilon(double value, String name) {
        Checks.require(value > 0 && value < Double.POSITIVE_INFINITY, "%s must be finite and > 0, got %s", name,
                value);
        return value;
    }

    /**
     * The total {@code ε}.
     *
     * @return {@code ε}
     */
    public double epsilon() {
        return epsilon;
    }

    /**
     * The total {@code δ}.
     *
     * @return {@code δ}
     */
    public double delta() {
        return delta;
    }

    /**
     * The {@code ε} spent so far, the zCDP part converted as described above.
     *
     * @return {@code ε_spent}
     */
    public synchronized double spentEpsilon() {
        return totalEpsilon(pureEpsilon, approxDelta, rho);
    }

    /**
     * The {@code δ} spent so far: that of partition selection, plus the rest of {@code δ} once any Gaussian noise
     * has been drawn (the conversion uses it).
     *
     * @return {@code δ_spent}
     */
    public synchronized double spentDelta() {
        return rho > 0 ? delta : approxDelta;
    }

    /**
     * The {@code ε} still available to pure-DP releases.
     *
     * @return {@code ε - ε_spent}, at least 0
     */
    public synchronized double remainingEpsilon() {
        return Math.max(0, epsilon - spentEpsilon());
    }

    /**
     * What was spent on what, in the order of the releases.
     *
     * @return an unmodifiable copy
     */
    public synchronized List<Spend> spends() {
        return List.copyOf(spends);
    }

    private double totalEpsilon(double pure, double approx, double r) {
        if (r == 0) {
            return pure;
        }
        double dz = delta - approx;
        return pure + r + 2 * Math.sqrt(r * Math.log(1 / dz));
    }

    /** Spends {@code cost} for one release, or throws without spending. */
    synchronized void spend(String label, PrivacyCost cost) {
        if (cost.isGaussian()) {
            spend(label, 0, 0, cost.value());
        } else {
            spend(label, cost.value(), 0, 0);
        }
    }

    /** Spends the given amounts for one release, or throws without spending. */
    synchronized void spend(String label, double eps, double del, double r) {
        double newPure = pureEpsilon + eps;
        double newDelta = approxDelta + del;
        double newRho = rho + r;
        if (newDelta > delta * (1 + SLACK) || (newRho > 0 && !(delta - newDelta > 0))) {
            throw new BudgetExceededException(Checks.format(
                    "%s needs delta %s (and rho %s) but %s of delta %s is spent: budget exceeded", label, del, r,
                    approxDelta, delta));
        }
        double total = totalEpsilon(newPure, newDelta, newRho);
        if (!(total <= epsilon * (1 + SLACK))) {
            throw new BudgetExceededException(Checks.format(
                    "%s needs epsilon %s (rho %s) but %s of epsilon %s is spent: budget exceeded (would reach %s)",
                    label, eps, r, spentEpsilon(), epsilon, total));
        }
        pureEpsilon = newPure;
        approxDelta = newDelta;
        rho = newRho;
        spends.add(new Spend(label, eps, del, r));
    }

    /** The noise source. */
    RandomGenerator random() {
        return random;
    }

    @Override
    public synchronized String toString() {
        StringBuilder b = new StringBuilder(Checks.format(
                "PrivacyBudget[epsilon %s, delta %s; spent epsilon %.4g, delta %.3g in %d releases]%n", epsilon, delta,
                spentEpsilon(), spentDelta(), spends.size()));
        for (Spend s : spends) {
            b.append("  ").append(s).append(System.lineSeparator());
        }
        return b.toString();
    }
}
