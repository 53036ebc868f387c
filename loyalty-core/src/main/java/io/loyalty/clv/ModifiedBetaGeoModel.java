package io.loyalty.clv;

import io.loyalty.internal.Checks;
import org.apache.commons.math3.special.Beta;
import org.apache.commons.math3.special.Gamma;

/**
 * An MBG/NBD model (modified beta-geometric / NBD, Batislam, Denizel and Filiztekin 2007): as BG/NBD, but a
 * customer may also drop out right after the first purchase, so customers without repeat purchases are not
 * certainly alive.
 *
 * <pre>
 * L(r, alpha, a, b | x, t_x, T) = B(a, b+x+1)/B(a, b) * Gamma(r+x) alpha^r / (Gamma(r) (alpha+T)^(r+x)) * D
 * D                             = 1 + a/(b+x) ((alpha+T)/(alpha+t_x))^(r+x)
 * P(alive | x, t_x, T)          = 1 / D
 * E[Y(t) | x, t_x, T]           = (a+b+x)/(a-1) [1 - ((alpha+T)/(alpha+T+t))^(r+x)
 *                                   2F1(r+x, b+x+1; a+b+x; t/(alpha+T+t))] / D
 * E[X(t)]                       = b/(a-1) [1 - (alpha/(alpha+t))^r 2F1(r, b+1; a+b; t/(alpha+t))]
 * </pre>
 *
 * <p>Evaluated as {@link BetaGeoModel}: the hypergeometric part as the mixture integral
 * {@code E[(1 - (1 + p t/(alpha+T))^-(r+x)) / p]} over {@code p ~ Beta(a, b+x+1)}, continuous across a = 1, once per
 * distinct (x, T) in the array methods. Immutable and thread-safe; {@code equals} compares the parameters only.
 *
 * <p>References: E. P. Batislam, M. Denizel and A. Filiztekin (2007), "Empirical validation and comparison of
 * models for customer base analysis", International Journal of Research in Marketing 24(3), 201-209,
 * doi:10.1016/j.ijresmar.2006.12.005; lifetimes' {@code ModifiedBetaGeoFitter}.
 *
 * @since 0.1
 */
public final class ModifiedBetaGeoModel extends BetaGeoFamily {
    ModifiedBetaGeoModel(double r, double alpha, double a, double b, FitSummary fit) {
        super("MBG/NBD", r, alpha, a, b, fit);
    }

    /**
     * A model from its parameters (e.g. saved from an earlier fit).
     *
     * @param r the gamma shape of the purchase rate, &gt; 0
     * @param alpha the gamma scale of the purchase rate (time units), &gt; 0
     * @param a the first beta parameter of the dropout probability, &gt; 0
     * @param b the second beta parameter of the dropout probability, &gt; 0
     * @return the model
     */
    public static ModifiedBetaGeoModel of(double r, double alpha, double a, double b) {
        return new ModifiedBetaGeoModel(r, alpha, a, b, null);
    }

    @Override
    public double expectedPurchases(double t) {
        Inputs.horizon(t);
        return expectation(t, 0, 0) * probabilityAliveUnchecked(0, 0, 0);
    }

    /** p ~ Beta(a, b + x + 1): the dropout right after the first purchase counts as one more survived chance. */
    @Override
    double dropoutShape(double x) {
        return b + x + 1;
    }

    @Override
    boolean certainlyAlive(double x) {
        return false;
    }

    @Override
    double aliveLogRatio(double x) {
        return Math.log(a / (b + x));
    }

    @Override
    public double logLikelihood(double frequency, double recency, double T) {
        Inputs.customer(frequency, recency, T);
        double x = frequency;
        double base = Gamma.logGamma(r + x) - Gamma.logGamma(r) + r * Math.log(alpha)
                + Beta.logBeta(a, b + x + 1) - Beta.logBeta(a, b);
        double a3 = -(r + x) * Math.log(alpha + T);
        double a4 = Math.log(a) - Math.log(b + x) - (r + x) * Math.log(alpha + recency);
        double hi = Math.max(a3, a4);
        return checked(base + hi + Math.log1p(Math.exp(Math.min(a3, a4) - hi)), "the log-likelihood");
    }

    /**
     * The probability of exactly {@code n} repeat purchases in {@code (0, t]} for a new customer, P(X(t) = n)
     * (lifetimes' {@code probability_of_n_purchases_up_to_time}).
     *
     * @param n the number of purchases, &gt;= 0
     * @param t the horizon, &gt;= 0
     * @return the probability
     */
    public double probabilityOfPurchases(int n, double t) {
        Checks.require(n >= 0, "n must be >= 0, got %d", n);
        Inputs.horizon(t);
        double lbab = Beta.logBeta(a, b);
        double dropAtStart = Math.exp(Beta.logBeta(a + 1, b + n) - lbab);
        if (t == 0) {
            return n == 0 ? 1 : 0;
        }
        double logP = Math.log(alpha / (alpha + t));
        double logQ = Math.log(t / (alpha + t));
        double first = Math.exp(Beta.logBeta(a, b + 1 + n) - lbab + Gamma.logGamma(r + n) - Gamma.logGamma(r)
                - Gamma.logGamma(n + 1.0) + r * logP + n * logQ);
        // 1 - sum_{j<n} NB(j; r, alpha/(alpha+t)) = I_q(n, r) (1 for n = 0), as in BetaGeoModel.
        double tail = negativeBinomialTail(t / (alpha + t), n, r);
        return checked(first + dropAtStart * tail, "P(X(t) = n)");
    }

    /**
     * The expected number of customers with 0, 1, ..., {@code maxFrequency - 1} and at least
     * {@code maxFrequency} repeat purchases, for customers of the given ages: the model's side of the
     * "actual vs predicted frequency" histogram (sum over customers of P(X(T_i) = n)).
     *
     * @param T the age of each customer
     * @param maxFrequency the first frequency pooled into the last bin, &gt;= 1
     * @return {@code maxFrequency + 1} expected counts summing to the number of customers
     */
    public double[] expectedFrequencyCounts(double[] T, int maxFrequency) {
        return FrequencyCounts.expected(T, maxFrequency, this::probabilityOfPurchases);
    }
}
