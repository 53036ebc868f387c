package io.loyalty.clv;

import io.loyalty.internal.Checks;
import io.loyalty.internal.TextTable;
import java.io.Writer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * What a maximum-likelihood fit found and how: the estimates with standard errors and 95% intervals, the
 * log-likelihood, the optimizer's counters and the {@link Diagnostics}. Immutable; attached to a model made by a fitter and absent from a
 * model rebuilt from its parameters.
 *
 * @since 0.1
 */
public final class FitSummary {
    private final String model;
    private final List<ParameterEstimate> estimates;
    private final double[][] covariance;
    private final double logLikelihood;
    private final double customers;
    private final int rows;
    private final double penalizer;
    private final int evaluations;
    private final int iterations;
    private final double gradientNorm;
    private final long nanos;
    private final Diagnostics diagnostics;

    FitSummary(String model, List<ParameterEstimate> estimates, double[][] covariance, double logLikelihood,
            double customers, int rows, double penalizer, int evaluations, int iterations, double gradientNorm,
            long nanos, Diagnostics diagnostics) {
        this.model = model;
        this.estimates = Collections.unmodifiableList(new ArrayList<>(estimates));
        this.covariance = covariance;
        this.logLikelihood = logLikelihood;
        this.customers = customers;
        this.rows = rows;
        this.penalizer = penalizer;
        this.evaluations = evaluations;
        this.iterations = iterations;
        this.gradientNorm = gradientNorm;
        this.nanos = nanos;
        this.diagnostics = diagnostics;
    }

    /**
     * The model's name, e.g. "BG/NBD".
     *
     * @return the name
     */
    public String model() {
        return model;
    }

    /**
     * The estimates in the model's parameter order.
     *
     * @return an unmodifiable list
     */
    public List<ParameterEstimate> estimates() {
        return estimates;
    }

    /**
     * The estimate of a named parameter.
     *
     * @param name the name, e.g. "alpha"
     * @return the estimate
     * @throws IllegalArgumentException if the model has no such parameter
     */
    public ParameterEstimate estimate(String name) {
        Checks.notNull(name, "name");
        for (ParameterEstimate e : estimates) {
            if (e.name().equals(name)) {
                return e;
            }
        }
        throw new IllegalArgumentException(Checks.format("%s has no parameter '%s'", model, name));
    }

    /**
     * The covariance matrix of the natural-scale parameters (inverse observed information, delta method).
     *
     * @return a copy
     */
    public double[][] covariance() {
        double[][] c = new double[covariance.length][];
        for (int i = 0; i < c.length; i++) {
            c[i] = covariance[i].clone();
        }
        return c;
    }

    /**
     * The log-likelihood at the estimates, summed over customers (weights applied), in the data's time unit and
     * without the penalty.
     *
     * @return the log-likelihood
     */
    public double logLikelihood() {
        return logLikelihood;
    }

    /**
     * The number of customers fitted (the sum of the weights).
     *
     * @return the count
     */
    public double customers() {
        return customers;
    }

    /**
     * The number of weighted rows the likelihood was summed over after identical customers were merged (for a fit
     * on {@link ChunkedCustomers}, merged within each chunk and added over the chunks). Rows of 16,384 or more
     * customers are merged only when a sample of them shows that enough are identical; otherwise this counts the
     * rows as given (with a positive weight).
     *
     * @return the count
     */
    public int rows() {
        return rows;
    }

    /**
     * The L2 penalizer coefficient used.
     *
     * @return the coefficient
     */
    public double penalizer() {
        return penalizer;
    }

    /**
     * Objective evaluations (gradients and the Hessian included).
     *
     * @return the count
     */
    public int evaluations() {
        return evaluations;
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
     * The largest gradient component of the per-customer objective on log-parameters at the optimum.
     *
     * @return the norm
     */
    public double gradientNorm() {
        return gradientNorm;
    }

    /**
     * Wall time of the fit in seconds (validation, merging, optimizing and the Hessian).
     *
     * @return the seconds
     */
    public double seconds() {
        return nanos / 1e9;
    }

    /**
     * How far the fit can be trusted: convergence, parameters at a boundary, weak identification, and what a
     * degeneracy means in words.
     *
     * @return the diagnostics
     * @since 0.2
     */
    public Diagnostics diagnostics() {
        return diagnostics;
    }

    /**
     * The fit as text: a line with the log-likelihood and the optimizer's counters, the table of
     * {@link #writeCsv(Writer)} (estimates rounded for print) and the diagnostics.
     *
     * @return the text
     */
    @Override
    public String toString() {
        return ParameterEstimate.table(Checks.format("%s fit: %,.0f customers (%,d distinct rows), log-likelihood "
                + "%.4f, penalizer %s, %d iterations, %d evaluations, |gradient| %.1e, %.3f s", model, customers,
                rows, logLikelihood, penalizer, iterations, evaluations, gradientNorm, seconds()), estimates)
                .toString() + diagnostics + System.lineSeparator();
    }

    /**
     * Writes the parameter table as CSV with full precision, one row per parameter:
     * {@code parameter, estimate, std_err, lower_95, upper_95}, the columns of
     * {@code io.loyalty.tablesaw.ClvTables.toTable(FitSummary)} (see {@code docs/data.md}).
     *
     * @param out where to write; not closed
     * @throws java.io.UncheckedIOException if writing fails
     * @since 0.2
     */
    public void writeCsv(Writer out) {
        ParameterEstimate.writeCsv(estimates, out);
    }

    /**
     * Writes the CSV of {@link #writeCsv(Writer)} to a file in UTF-8, replacing it.
     *
     * @param csvFile the file
     * @throws java.io.UncheckedIOException if writing fails
     * @since 0.2
     */
    public void writeCsv(Path csvFile) {
        ParameterEstimate.writeCsv(estimates, csvFile);
    }
}
