package io.loyalty.cohort;

import io.loyalty.internal.Checks;
import java.util.Locale;

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
 * @param alpha the beta distribution's alpha, &gt; 0
 * @param beta the beta distribution's beta, &gt; 0
 * @param logLikelihood the maximised log-likelihood (0 for a model given by its parameters)
 * @param customers the customers it was fitted on (0 for a model given by its parameters)
 * @param evaluations the likelihood evaluations of the fit
 */
public record SbgModel(double alpha, double beta, double logLikelihood, long customers, int evaluations) {

    /**
     * Validates the parameters.
     *
     * @param alpha alpha, &gt; 0
     * @param beta beta, &gt; 0
     * @param logLikelihood the log-likelihood
     * @param customers the customers
     * @param evaluations the evaluations
     */
    public SbgModel {
        Checks.positive(alpha, "alpha");
        Checks.positive(beta, "beta");
        // Every formula divides by alpha + beta + (t - 1): it must be a finite double. (t - 1 is added as a whole
        // number so that a subnormal beta is not lost in beta + t before the 1 is taken off.)
        Checks.require(alpha + beta < Double.POSITIVE_INFINITY, "alpha + beta must be finite, got alpha = %s, "
                + "beta = %s", alpha, beta);
        Checks.finite(logLikelihood, "logLikelihood");
    }

    /**
     * A model given by its parameters.
     *
     * @param alpha alpha, &gt; 0
     * @param beta beta, &gt; 0
     * @return the model
     */
    public static SbgModel of(double alpha, double beta) {
        return new SbgModel(alpha, beta, 0, 0, 0);
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
     * The discounted expected lifetime of a new customer, in periods (the first period undiscounted).
     *
     * @param discountRate the discount rate per period d, &gt; 0
     * @return DEL(d)
     * @throws IllegalArgumentException if the rate is not positive and finite, or so small (with alpha &le; 1,
     *     where the undiscounted lifetime is infinite) that the series does not converge in 10,000,000 terms
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
     *     the rate is so small that the series does not converge in 10,000,000 terms
     */
    public double discountedExpectedResidualLifetime(double discountRate, int renewals) {
        Checks.positive(discountRate, "discountRate");
        Checks.require(renewals >= 0, "renewals must be >= 0, got %d", renewals);
        double n = renewals;
        return (beta + n) / (alpha + beta + n) * hyp2f1One(beta + n + 1, alpha + beta + n + 1,
                discountRate);
    }

    /**
     * 2F1(1, b; c; z) at z = 1 / (1 + discountRate), for c &gt; b &gt; 0, by its series, whose terms
     * (b)_k / (c)_k z^k are positive and shrink geometrically, so the sum stops when a term no longer changes it.
     */
    static double hyp2f1One(double b, double c, double discountRate) {
        double z = 1 / (1 + discountRate);
        double term = 1;
        double sum = 1;
        for (int k = 0; k < 10_000_000; k++) {
            term *= (b + k) / (c + k) * z;
            double next = sum + term;
            if (next == sum) {
                return sum;
            }
            sum = next;
        }
        // A truncated sum would be a wrong number with no error.
        throw new IllegalArgumentException(Checks.format("discountRate = %s is too small: the discounted lifetime "
                + "series does not converge in 10,000,000 terms", discountRate));
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "sBG alpha = %.4f, beta = %.4f, LL = %.4f (%d customers, %d evaluations)",
                alpha, beta, logLikelihood, customers, evaluations);
    }
}
