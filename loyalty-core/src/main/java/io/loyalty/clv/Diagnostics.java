package io.loyalty.clv;

import io.loyalty.internal.Checks;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * How far a fit can be trusted: convergence, parameters that run to a boundary of the parameter space (0 or
 * infinity on the log scale), weakly identified parameters, and what a degeneracy means in words. Immutable; held
 * by {@link FitSummary#diagnostics()}.
 *
 * <p>Boundary check (a profile step): each log-parameter is moved {@value #PROBE_FACTOR} times further toward 0
 * and toward infinity, the others held at the estimate, and the log-likelihood re-evaluated. When it falls by
 * less than {@value #PROFILE_DROP} (half the 95% chi-square quantile with one degree of freedom) or even rises,
 * the data cannot tell the estimate from a value a hundred times nearer the boundary: the parameter is flagged.
 * Holding the others fixed can only overstate the fall, so a flag is never a false alarm of the probe itself.
 * Each mixing distribution's two parameters (a gamma's shape and rate, a beta's two shapes) are also moved
 * {@value #PROBE_FACTOR} times toward infinity together, their ratio fixed: no single-parameter probe sees the
 * distribution degenerate to a point mass at its mean (BG/NBD's a and b both in the billions).
 *
 * <p>Weak identification: a parameter whose 95% interval spans more than a factor of {@value #WIDE_INTERVAL}
 * (upper / lower), or an observed information whose condition number exceeds {@value #ILL_CONDITIONED}.
 *
 * @since 0.2
 */
public final class Diagnostics {
    /** How many times further toward a boundary the profile step moves a parameter. */
    public static final double PROBE_FACTOR = 100;
    /** The log-likelihood fall below which a move toward a boundary counts as not rejected by the data. */
    public static final double PROFILE_DROP = 1.920729410347062;
    /** The interval ratio (upper / lower) above which a parameter counts as weakly identified. */
    public static final double WIDE_INTERVAL = 1000;
    /** The condition number of the observed information above which the fit counts as ill conditioned. */
    public static final double ILL_CONDITIONED = 1e10;

    /**
     * A parameter the data cannot keep away from a boundary.
     *
     * @param parameter the parameter's name, or two names joined by " and " for a mixing distribution whose
     *     parameters run to infinity together
     * @param towardZero true for 0, false for infinity
     * @param logLikelihoodChange the log-likelihood at {@value #PROBE_FACTOR} times nearer the boundary minus the
     *     log-likelihood at the estimate (above {@code -PROFILE_DROP}; positive when it still improves)
     * @param meaning what running to this boundary means for the model's predictions
     *
     * @since 0.2
     */
    public record Boundary(String parameter, boolean towardZero, double logLikelihoodChange, String meaning) {
        /**
         * Checks the values.
         *
         * @param parameter the parameter's name
         * @param towardZero true for 0, false for infinity
         * @param logLikelihoodChange the finite log-likelihood change at the probe
         * @param meaning the meaning in words
         * @throws IllegalArgumentException naming the component if one is null or the change is not finite
         */
        public Boundary {
            Checks.notNull(parameter, "parameter");
            Checks.finite(logLikelihoodChange, "logLikelihoodChange");
            Checks.notNull(meaning, "meaning");
        }

        @Override
        public String toString() {
            return Checks.format("%s -> %s: %s (log-likelihood %+.3g at %.0fx nearer)", parameter,
                    towardZero ? "0" : "infinity", meaning, logLikelihoodChange, PROBE_FACTOR);
        }
    }

    /**
     * A parameter whose interval is too wide to act on.
     *
     * @param parameter the parameter's name
     * @param relativeStandardError standard error over estimate (the standard error of the log-parameter);
     *     +Infinity for a parameter the information does not bound
     * @param intervalRatio upper over lower end of the 95% interval; +Infinity when it overflows a double
     *
     * @since 0.2
     */
    public record WeakParameter(String parameter, double relativeStandardError, double intervalRatio) {
        /**
         * Checks the values.
         *
         * @param parameter the parameter's name
         * @param relativeStandardError at least 0, +Infinity for a parameter the information does not bound
         * @param intervalRatio at least 1, +Infinity when it overflows a double
         * @throws IllegalArgumentException naming the component if one is null, NaN or out of range
         */
        public WeakParameter {
            Checks.notNull(parameter, "parameter");
            Checks.require(relativeStandardError >= 0, "relativeStandardError must be >= 0 or +Infinity, got %s",
                    relativeStandardError);
            Checks.require(intervalRatio >= 1, "intervalRatio must be >= 1 or +Infinity, got %s", intervalRatio);
        }

        @Override
        public String toString() {
            return Checks.format("%s weakly identified: relative standard error %.3g, 95%% interval spans a "
                    + "factor of %.3g", parameter, relativeStandardError, intervalRatio);
        }
    }

    private final boolean converged;
    private final double gradientNorm;
    private final int iterations;
    private final int evaluations;
    private final double conditionNumber;
    private final List<Boundary> boundaries;
    private final List<WeakParameter> weakParameters;

    Diagnostics(boolean converged, double gradientNorm, int iterations, int evaluations, double conditionNumber,
            List<Boundary> boundaries, List<WeakParameter> weakParameters) {
        this.converged = converged;
        this.gradientNorm = gradientNorm;
        this.iterations = iterations;
        this.evaluations = evaluations;
        this.conditionNumber = conditionNumber;
        this.boundaries = Collections.unmodifiableList(new ArrayList<>(boundaries));
        this.weakParameters = Collections.unmodifiableList(new ArrayList<>(weakParameters));
    }

    /**
     * Whether the optimizer met its gradient tolerance (always true for a fit that returned a model).
     *
     * @return true when converged
     */
    public boolean converged() {
        return converged;
    }

    /**
     * The largest gradient component of the per-customer objective on log-parameters at the estimate.
     *
     * @return the norm
     */
    public double gradientNorm() {
        return gradientNorm;
    }

    /**
     * Optimizer iterations.
     *
     * @return the count
     */
    public int iterations() {
        return iterations;
    }

    /**
     * Objective evaluations, the boundary probes included.
     *
     * @return the count
     */
    public int evaluations() {
        return evaluations;
    }

    /**
     * The condition number (largest over smallest eigenvalue) of the observed information on log-parameters;
     * +Infinity when it is singular.
     *
     * @return the condition number
     */
    public double conditionNumber() {
        return conditionNumber;
    }

    /**
     * The parameters the data cannot keep away from a boundary.
     *
     * @return an unmodifiable list, empty for a regular fit
     */
    public List<Boundary> boundaries() {
        return boundaries;
    }

    /**
     * The weakly identified parameters.
     *
     * @return an unmodifiable list, empty for a regular fit
     */
    public List<WeakParameter> weakParameters() {
        return weakParameters;
    }

    /**
     * Whether some parameter sits at a boundary of the parameter space: the model still predicts, but in the
     * degenerate way {@link Boundary#meaning()} describes.
     *
     * @return true when degenerate
     */
    public boolean degenerate() {
        return !boundaries.isEmpty();
    }

    /**
     * Whether any flag fires: a boundary, a weakly identified parameter, or an ill-conditioned information.
     *
     * @return true when flagged
     */
    public boolean flagged() {
        return degenerate() || !weakParameters.isEmpty() || !(conditionNumber <= ILL_CONDITIONED);
    }

    /**
     * The flags in words, one line each; empty when nothing fires.
     *
     * @return an unmodifiable list of lines
     */
    public List<String> warnings() {
        List<String> out = new ArrayList<>();
        for (Boundary b : boundaries) {
            out.add(b.toString());
        }
        for (WeakParameter w : weakParameters) {
            out.add(w.toString());
        }
        if (!(conditionNumber <= ILL_CONDITIONED)) {
            out.add(Checks.format("observed information ill conditioned (condition number %.3g): some combination "
                    + "of parameters is barely identified", conditionNumber));
        }
        return Collections.unmodifiableList(out);
    }

    @Override
    public String toString() {
        StringBuilder b = new StringBuilder(Checks.format("diagnostics: %s, |gradient| %.1e, %d iterations, %d "
                + "evaluations, condition number %.3g", converged ? "converged" : "not converged", gradientNorm,
                iterations, evaluations, conditionNumber));
        List<String> w = warnings();
        b.append(w.isEmpty() ? ", no flags" : Checks.format(", DEGENERATE or weak fit (%d flags):", w.size()));
        for (String line : w) {
            b.append(Checks.format("%n  WARNING %s", line));
        }
        return b.toString();
    }

    /**
     * The index pairs of a model's mixing distributions, (shape, rate) of a gamma or the two shapes of a beta:
     * moved toward infinity together, their mean held, the distribution becomes a point mass.
     */
    static int[][] mixingPairs(String model, String[] names) {
        String[][] byName = switch (model) {
            case "BG/NBD", "MBG/NBD" -> new String[][] {{"r", "alpha"}, {"a", "b"}};
            case "Pareto/NBD" -> new String[][] {{"r", "alpha"}, {"s", "beta"}};
            case "BG/BB" -> new String[][] {{"alpha", "beta"}, {"gamma", "delta"}};
            case "Gamma-Gamma" -> new String[][] {{"q", "gamma"}};
            default -> new String[0][];
        };
        List<String> list = List.of(names);
        int[][] out = new int[byName.length][];
        for (int j = 0; j < byName.length; j++) {
            out[j] = new int[] {list.indexOf(byName[j][0]), list.indexOf(byName[j][1])};
        }
        return out;
    }

    /**
     * What a mixing distribution degenerating to a point mass means, in words, with the mean it keeps
     * ({@code first}, {@code second} the pair of {@link #mixingPairs}, at their estimates).
     */
    static String pointMass(String model, String first, String second, double x, double y) {
        boolean beta = model.equals("BG/BB") || first.equals("a");
        String what = switch (first) {
            case "r" -> "purchase rate";
            case "s", "a", "gamma" -> model.equals("BG/BB") ? "dropout probability per period" : first.equals("a")
                    ? "dropout probability per purchase" : "dropout rate";
            case "alpha" -> "transaction probability per period";
            default -> "spend rate";
        };
        String mean = beta ? Checks.format("%s/(%s+%s) = %.4g", first, first, second, x / (x + y))
                : Checks.format("%s/%s = %.4g", first, second, x / y);
        return Checks.format("%s and %s run to infinity together, their ratio fixed: the %s distribution of the %s "
                + "degenerates to a point mass at %s, every customer has the same %s (no heterogeneity); predictions "
                + "are those of that limit and some may not be evaluable in double precision", first, second,
                beta ? "beta" : "gamma", what, mean, what);
    }

    /** What a parameter of a model running to a boundary means, in words. */
    static String meaning(String model, String parameter, boolean towardZero) {
        String dropout = "the model sees almost no dropout; P(alive) will stay near 1";
        String key = model + " " + parameter + (towardZero ? " 0" : " inf");
        switch (key) {
            case "BG/NBD a 0", "MBG/NBD a 0", "BG/NBD b inf", "MBG/NBD b inf", "BG/BB gamma 0", "BG/BB delta inf",
                    "Pareto/NBD beta inf":
                return dropout;
            case "Pareto/NBD s 0":
                return "dropout rates collapse onto 0 for almost every customer; " + dropout;
            case "BG/NBD a inf", "MBG/NBD a inf", "BG/NBD b 0", "MBG/NBD b 0":
                return "the dropout probability per purchase is near 1: customers leave right after a purchase";
            case "BG/BB gamma inf", "BG/BB delta 0":
                return "the dropout probability per opportunity is near 1: customers leave before their next "
                        + "opportunity";
            case "BG/NBD r inf", "MBG/NBD r inf", "Pareto/NBD r inf":
                return "customers' purchase rates look identical (no heterogeneity); ranking by rate is meaningless";
            case "Pareto/NBD s inf":
                return "customers' dropout rates look identical (no heterogeneity)";
            case "BG/BB alpha inf", "BG/BB beta inf":
                return "customers' transaction probabilities look identical (no heterogeneity)";
            case "Gamma-Gamma p inf", "Gamma-Gamma q inf":
                return "spend per transaction barely varies; expected spend ignores each customer's own average";
            default:
                return "the data do not bound " + parameter + (towardZero ? " away from 0" : " from above")
                        + "; predictions depending on it are unreliable";
        }
    }
}
