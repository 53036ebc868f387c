package io.loyalty.cohort;

import io.loyalty.clv.ParameterEstimate;
import io.loyalty.internal.Checks;
import io.loyalty.internal.Hypergeometric2F1;
import io.loyalty.internal.TextTable;
import java.io.Writer;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * A fitted shifted-beta-geometric (sBG) model of contractual retention (Fader &amp; Hardie 2007): each customer
 * churns at each renewal with a probability theta that is constant over time, and theta is beta(alpha, beta)
 * across customers. With B the beta function,
 * <pre>
 *   P(T = t) = B(alpha + 1, beta + t - 1) / B(alpha, beta)
 *   S(t)     = B(alpha, beta + t) / B(alpha, beta)
 *   r(t)     = S(t) / S(t - 1) = (beta + t - 1) / (alpha + beta + t - 1)
 *   DEL(d)   = sum_{t &gt;= 0} S(t) / (1 + d)^t = 2F1(1, beta; alpha + beta; 1 / (1 + d))
 *   DERL(d | n renewals) = sum_{t &gt;= n + 1} S(t) / S(n) / (1 + d)^(t - n - 1)
 *            = (beta + n) / (alpha + beta + n) 2F1(1, beta + n + 1; alpha + beta + n + 1; 1 / (1 + d))
 * </pre>
 * (Fader &amp; Hardie 2010 write DERL for a customer with n - 1 renewals; here n counts renewals made.)
 *
 * <p>References: Fader, P. S. &amp; Hardie, B. G. S. (2007), How to project customer retention, Journal of
 * Interactive Marketing 21(1), 76-90, doi:10.1002/dir.20074; Fader, P. S. &amp; Hardie, B. G. S. (2010),
 * Customer-base valuation in a contractual setting: the perils of ignoring heterogeneity, Marketing Science
 * 29(1), 85-93, doi:10.1287/mksc.1080.0482.
 *
 * <p>Immutable. A fitted model comes from {@link SbgFitter} with its log-likelihood, counters and standard errors;
 * {@link #of(double, double)} makes a model from given parameters, with none of those. Equality compares every
 * component, doubles exactly.
 *
 * @since 0.1
 */
public final class SbgModel {
    private final double alpha;
    private final double beta;
    private final double logLikelihood;
    private final long customers;
    private final int evaluations;
    private final int iterations;
    private final List<ParameterEstimate> estimates;

    private SbgModel(double alpha, double beta, double logLikelihood, long customers, int evaluations,
            int iterations, List<ParameterEstimate> estimates) {
        this.alpha = alpha;
        this.beta = beta;
        this.logLikelihood = logLikelihood;
        this.customers = customers;
        this.evaluations = evaluations;
        this.iterations = iterations;
        this.estimates = estimates;
    }

    private static void checkParameters(double alpha, double beta) {
        Checks.positive(alpha, "alpha");
        Checks.positive(beta, "beta");
        // Every formula divides by alpha + beta + (t - 1): it must be a finite double. (t - 1 is added as a whole
        // number so that a subnormal beta is not lost in beta + t before the 1 is taken off.)
        Checks.require(alpha + beta < Double.POSITIVE_INFINITY, "alpha + beta must be finite, got alpha = %s, "
                + "beta = %s", alpha, beta);
    }

    /**
     * A model given by its parameters: no log-likelihood, customers, counters or standard errors.
     *
     * @param alpha alpha, &gt; 0
     * @param beta beta, &gt; 0
     * @return the model
     * @throws IllegalArgumentException if a parameter is not positive and finite, or their sum overflows
     */
    public static SbgModel of(double alpha, double beta) {
        checkParameters(alpha, beta);
        return new SbgModel(alpha, beta, 0, 0, 0, 0, List.of());
    }

    /** A fitted model, from {@link SbgFitter} only. */
    static SbgModel fitted(double alpha, double beta, double logLikelihood, long customers, int evaluations,
            int iterations, List<ParameterEstimate> estimates) {
        checkParameters(alpha, beta);
        Checks.finite(logLikelihood, "logLikelihood");
        return new SbgModel(alpha, beta, logLikelihood, customers, evaluations, iterations, List.copyOf(estimates));
    }

    /**
     * The beta distribution's alpha.
     *
     * @return alpha, &gt; 0
     */
    public double alpha() {
        return alpha;
    }

    /**
     * The beta distribution's beta.
     *
     * @return beta, &gt; 0
     */
    public double beta() {
        return beta;
    }

    /**
     * The maximised log-likelihood.
     *
     * @return the log-likelihood; 0 for a model given by its parameters
     */
    public double logLikelihood() {
        return logLikelihood;
    }

    /**
     * The customers the model was fitted on.
     *
     * @return the count; 0 for a model given by its parameters
     */
    public long customers() {
        return customers;
    }

    /**
     * The likelihood evaluations of the fit (gradients included).
     *
     * @return the count; 0 for a model given by its parameters
     */
    public int evaluations() {
        return evaluations;
    }

    /**
     * The BFGS iterations of the fit.
     *
     * @return the count; 0 for a model given by its parameters
     */
    public int iterations() {
        return iterations;
    }

    /**
     * alpha and beta with their standard errors and 95% intervals, from the observed information at the optimum
     * (the same shape as the CLV fits' estimates).
     *
     * @return an unmodifiable list of alpha then beta; empty for a model given by its parameters
     */
    public List<ParameterEstimate> estimates() {
        return estimates;
    }

    /**
     * The survival S(t): the share of a cohort still a customer after t renewal opportunities.
     *
     * @param t the period, &gt;= 0
     * @return S(t)
     */
    public double survival(int t) {
        Checks.require(t >= 0, "t must be >= 0, got %d", t);
        double logS = 0;
        for (int i = 1; i <= t; i++) {
            logS += Math.log((beta + (i - 1)) / (alpha + beta + (i - 1)));
        }
        return Math.exp(logS);
    }

    /**
     * The probability of churning at period t, P(T = t).
     *
     * @param t the period, &gt;= 1
     * @return P(T = t)
     */
    public double churnProbability(int t) {
        Checks.require(t >= 1, "t must be >= 1, got %d", t);
        return survival(t - 1) * alpha / (alpha + beta + (t - 1));
    }

    /**
     * The retention rate at period t, S(t) / S(t - 1), which rises with t as the cohort sorts itself.
     *
     * @param t the period, &gt;= 1
     * @return r(t)
     */
    public double retentionRate(int t) {
        Checks.require(t >= 1, "t must be >= 1, got %d", t);
        return (beta + (t - 1)) / (alpha + beta + (t - 1));
    }

    /**
     * The expected customers alive at t = 0..horizon out of {@code initial} at t = 0.
     *
     * @param initial the cohort's size at t = 0, &gt;= 0
     * @param horizon the last period, 0..{@link Cohorts#MAX_OFFSETS}
     * @return horizon + 1 expected counts
     * @throws IllegalArgumentException if {@code initial} is negative or not finite, or the horizon is outside
     *     0..{@link Cohorts#MAX_OFFSETS} (the array returned is sized by it)
     */
    public double[] projectAlive(double initial, int horizon) {
        Checks.nonNegative(initial, "initial");
        Checks.require(horizon >= 0 && horizon <= Cohorts.MAX_OFFSETS, "horizon must lie in 0..%d, got %d",
                Cohorts.MAX_OFFSETS, horizon);
        double[] out = new double[horizon + 1];
        double s = 1;
        out[0] = initial;
        for (int t = 1; t <= horizon; t++) {
            s *= retentionRate(t);
            out[t] = initial * s;
        }
        return out;
    }

    /**
     * The projection as text: the table of {@link #writeProjectionCsv(double, int, Writer)}, survival and retention
     * as percentages, the customers alive to one decimal.
     *
     * @param initial the cohort's size at t = 0, &gt;= 0
     * @param horizon the last period, 0..{@link Cohorts#MAX_OFFSETS}
     * @return the text
     * @throws IllegalArgumentException as {@link #projectAlive(double, int)}
     * @since 0.2
     */
    public String projectionText(double initial, int horizon) {
        return projection(initial, horizon).toString();
    }

    /**
     * Writes the projection for t = 0..horizon as CSV with full precision: {@code t_periods} (t, in the
     * periods the model was fitted on: years, months, ...), {@code survival, retention_rate}
     * (empty at t = 0){@code , alive} (out of {@code initial}), the columns of
     * {@code io.loyalty.tablesaw.CohortTables.projection}.
     *
     * @param initial the cohort's size at t = 0, &gt;= 0
     * @param horizon the last period, 0..{@link Cohorts#MAX_OFFSETS}
     * @param out where to write; not closed
     * @throws IllegalArgumentException as {@link #projectAlive(double, int)}, or if {@code out} is null
     * @throws java.io.UncheckedIOException if writing fails
     * @since 0.2
     */
    public void writeProjectionCsv(double initial, int horizon, Writer out) {
        Checks.notNull(out, "out");
        projection(initial, horizon).writeCsv(out);
    }

    /**
     * Writes the CSV of {@link #writeProjectionCsv(double, int, Writer)} to a file in UTF-8, replacing it.
     *
     * @param initial the cohort's size at t = 0, &gt;= 0
     * @param horizon the last period, 0..{@link Cohorts#MAX_OFFSETS}
     * @param csvFile the file
     * @throws IllegalArgumentException as {@link #projectAlive(double, int)}, or if {@code csvFile} is null
     * @throws java.io.UncheckedIOException if writing fails
     * @since 0.2
     */
    public void writeProjectionCsv(double initial, int horizon, Path csvFile) {
        Checks.notNull(csvFile, "csvFile");
        projection(initial, horizon).writeCsv(csvFile);
    }

    private TextTable projection(double initial, int horizon) {
        double[] alive = projectAlive(initial, horizon);
        TextTable.Builder b = TextTable.builder().title(Checks.format("sBG projection: alpha %.4f, beta %.4f, %s "
                + "customers at t = 0 (t in the periods fitted)", alpha, beta, TextTable.count(initial)))
                .count("t_periods")
                .percent("survival", 1).percent("retention_rate", 1).decimal("alive", 1);
        for (int t = 0; t <= horizon; t++) {
            b.row(t, survival(t), t == 0 ? null : retentionRate(t), alive[t]);
        }
        return b.build();
    }

    /**
     * The discounted expected lifetime of a new customer, in periods (the first period undiscounted).
     *
     * @param discountRate the discount rate per period d, &gt; 0
     * @return DEL(d)
     * @throws IllegalArgumentException if the rate is not positive and finite, or so small (with alpha &le; 1,
     *     where the undiscounted lifetime is infinite) that the lifetime is not finite in double precision
     */
    public double discountedExpectedLifetime(double discountRate) {
        Checks.positive(discountRate, "discountRate");
        return hyp2f1One(beta, alpha + beta, discountRate);
    }

    /**
     * The discounted expected residual lifetime of a customer who has made n renewals, counted from the next
     * renewal (undiscounted), in periods.
     *
     * @param discountRate the discount rate per period d, &gt; 0
     * @param renewals the renewals made so far n, &gt;= 0
     * @return DERL(d | n)
     * @throws IllegalArgumentException if the rate is not positive and finite, {@code renewals} is negative, or
     *     the rate is so small that the lifetime is not finite in double precision
     */
    public double discountedExpectedResidualLifetime(double discountRate, int renewals) {
        Checks.positive(discountRate, "discountRate");
        Checks.require(renewals >= 0, "renewals must be >= 0, got %d", renewals);
        double n = renewals;
        return (beta + n) / (alpha + beta + n) * hyp2f1One(beta + n + 1, alpha + beta + n + 1,
                discountRate);
    }

    /**
     * 2F1(1, b; c; z) at z = 1 / (1 + discountRate), for c &gt; b &gt; 0, by the library's one 2F1 (its linear
     * transformation near z = 1 keeps every digit where a summed series would stop early).
     */
    static double hyp2f1One(double b, double c, double discountRate) {
        double value;
        try {
            value = Hypergeometric2F1.value(1, b, c, 1 / (1 + discountRate));
        } catch (ArithmeticException e) {
            value = Double.NaN;
        }
        // With alpha <= 1 the undiscounted lifetime is infinite; a rate that rounds z to 1 reaches it.
        if (Double.isFinite(value)) {
            return value;
        }
        throw new IllegalArgumentException(Checks.format("discountRate = %s is too small: the discounted lifetime "
                + "is not finite in double precision", discountRate));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SbgModel m && Double.compare(alpha, m.alpha) == 0 && Double.compare(beta, m.beta) == 0
                && Double.compare(logLikelihood, m.logLikelihood) == 0 && customers == m.customers
                && evaluations == m.evaluations && iterations == m.iterations && estimates.equals(m.estimates);
    }

    @Override
    public int hashCode() {
        return Objects.hash(alpha, beta, logLikelihood, customers, evaluations, iterations, estimates);
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "sBG alpha = %.4f, beta = %.4f, LL = %.4f (%d customers, %d evaluations)",
                alpha, beta, logLikelihood, customers, evaluations);
    }
}
