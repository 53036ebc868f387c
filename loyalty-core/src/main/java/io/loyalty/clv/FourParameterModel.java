package io.loyalty.clv;

import io.loyalty.internal.Checks;
import java.util.Arrays;
import java.util.Optional;

/**
 * What BG/NBD, MBG/NBD and Pareto/NBD share: four positive parameters checked once, their names, the optional fit
 * summary, and equality, hash and text from the parameters alone (not the fit summary). Not sealed: the
 * class is package-private with a package-private constructor, so only this package's models extend it, and a
 * new model need not be listed here (see {@link ModelKind}).
 */
abstract non-sealed class FourParameterModel implements TransactionModel {
    private final String name;
    private final String[] names;
    private final double[] parameters;
    private final FitSummary fit;

    FourParameterModel(String name, String[] names, double[] parameters, FitSummary fit) {
        for (int i = 0; i < 4; i++) {
            Inputs.parameter(parameters[i], names[i]);
        }
        this.name = name;
        this.names = names;
        this.parameters = parameters;
        this.fit = fit;
    }

    @Override
    public final String name() {
        return name;
    }

    @Override
    public final String[] parameterNames() {
        return names.clone();
    }

    @Override
    public final double[] parameters() {
        return parameters.clone();
    }

    @Override
    public final Optional<FitSummary> fitSummary() {
        return Optional.ofNullable(fit);
    }

    /**
     * {@code value} unless it is NaN or +Infinity: parameters so extreme (near the largest double, subnormal)
     * that a gamma or beta function behind the prediction overflows. Then an argument error naming the
     * parameters. (-Infinity passes: a log-likelihood whose probability underflows.)
     */
    final double checked(double value, String what) {
        if (value < Double.POSITIVE_INFINITY) {
            return value;
        }
        throw new IllegalArgumentException(Checks.format("%s cannot be evaluated in double precision for %s (%s)",
                what, exact(), name));
    }

    /** {@link #checked(double, String)} for every element, naming the row. */
    final double[] checked(double[] values, String what) {
        for (int i = 0; i < values.length; i++) {
            if (!(values[i] < Double.POSITIVE_INFINITY)) {
                checked(values[i], what + " at row " + i);
            }
        }
        return values;
    }

    @Override
    public final boolean equals(Object o) {
        return o != null && o.getClass() == getClass()
                && Arrays.equals(parameters, ((FourParameterModel) o).parameters);
    }

    @Override
    public final int hashCode() {
        return Arrays.hashCode(parameters);
    }

    @Override
    public final String toString() {
        return Checks.format("%s[%s=%.6g, %s=%.6g, %s=%.6g, %s=%.6g]", name, names[0], parameters[0], names[1],
                parameters[1], names[2], parameters[2], names[3], parameters[3]);
    }

    /** The parameters at full precision, for messages. */
    final String exact() {
        return Checks.format("%s = %s, %s = %s, %s = %s, %s = %s", names[0], parameters[0], names[1], parameters[1],
                names[2], parameters[2], names[3], parameters[3]);
    }
}
