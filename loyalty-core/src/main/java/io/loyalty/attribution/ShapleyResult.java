package io.loyalty.attribution;

import io.loyalty.internal.Checks;

/**
 * The general Shapley value: the credits, whether they were enumerated exactly, and the sampling standard error
 * of each credit (0 when exact). Immutable; arrays are copied out.
 *
 * @since 0.1
 */
public final class ShapleyResult {
    private final Attribution attribution;
    private final double[] conversionErrors;
    private final double[] valueErrors;
    private final boolean exact;
    private final int permutations;

    ShapleyResult(Attribution attribution, double[] conversionErrors, double[] valueErrors, boolean exact,
            int permutations) {
        this.attribution = attribution;
        this.conversionErrors = conversionErrors;
        this.valueErrors = valueErrors;
        this.exact = exact;
        this.permutations = permutations;
    }

    /**
     * The credits.
     *
     * @return the attribution
     */
    public Attribution attribution() {
        return attribution;
    }

    /**
     * Whether every coalition was enumerated.
     *
     * @return true if exact
     */
    public boolean exact() {
        return exact;
    }

    /**
     * The number of sampled orderings (0 when exact).
     *
     * @return the count
     */
    public int permutations() {
        return permutations;
    }

    /**
     * The standard error of each conversion credit (0 when exact).
     *
     * @return a new array, in the order of the channels
     */
    public double[] conversionStandardErrors() {
        return conversionErrors.clone();
    }

    /**
     * The standard error of each value credit (0 when exact).
     *
     * @return a new array, in the order of the channels
     */
    public double[] valueStandardErrors() {
        return valueErrors.clone();
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder(exact ? "Shapley value, exact\n"
                : Checks.format("Shapley value, %d sampled orderings%n", permutations));
        double[] c = attribution.conversions();
        for (int i = 0; i < c.length; i++) {
            sb.append(Checks.format("%-16s %14.3f +- %.3f%n", attribution.channels().get(i), c[i],
                    conversionErrors[i]));
        }
        return sb.toString();
    }
}
