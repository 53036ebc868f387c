package io.loyalty.clv;

import io.loyalty.internal.ChunkedSum;
import java.util.Optional;

/**
 * A continuous-time buy-till-you-die model of repeat purchases: BG/NBD ({@link BetaGeoModel}), Pareto/NBD
 * ({@link ParetoNbdModel}) or MBG/NBD ({@link ModifiedBetaGeoModel}). A customer is summarized by
 * {@code frequency} x (repeat purchases), {@code recency} t_x (time of the last purchase since the first) and
 * {@code T} (time since the first purchase), all in the time unit the model was fitted in.
 *
 * <p>Implementations are immutable and thread-safe. The array methods check every row (frequency a whole number
 * &gt;= 0, 0 &lt;= recency &lt;= T, recency 0 when frequency is 0; otherwise {@link IllegalArgumentException}
 * naming the row), run over chunks of rows on both cores when there are many, and never modify their input.
 *
 * @since 0.1
 */
public sealed interface TransactionModel permits FourParameterModel {
    /**
     * The purchase model of this name at these parameters, without a fit summary: the inverse of {@link #name()}
     * and {@link #parameters()}, for parameters stored after a fit or shipped to another machine.
     *
     * <pre>{@code
     * TransactionModel model = TransactionModel.of("Pareto/NBD", 0.55, 10.58, 0.61, 11.67);
     * }</pre>
     *
     * @param name the model's {@link #name()}: "BG/NBD", "MBG/NBD" or "Pareto/NBD"
     * @param parameters the model's {@link #parameters()}, in the order of {@link #parameterNames()}, each finite
     *     and &gt; 0
     * @return the model, equal to the one whose name and parameters were given
     * @throws IllegalArgumentException if the name is null or no purchase model's, or the parameters are null,
     *     not as many as the model has, or one is not finite and &gt; 0
     * @since 0.2
     */
    static TransactionModel of(String name, double... parameters) {
        return ModelKind.purchaseModel(name, parameters);
    }

    /**
     * The model's name as in the literature, e.g. "BG/NBD".
     *
     * @return the name
     */
    String name();

    /**
     * The parameter names, in the order of {@link #parameters()}.
     *
     * @return a new array
     */
    String[] parameterNames();

    /**
     * The parameters, e.g. {@code {r, alpha, a, b}}; the model can be rebuilt from them alone.
     *
     * @return a new array
     */
    double[] parameters();

    /**
     * The fit that produced this model: estimates with standard errors, log-likelihood, counters. Empty for a
     * model rebuilt from its parameters.
     *
     * @return the summary, if any
     */
    Optional<FitSummary> fitSummary();

    /**
     * The expected number of repeat purchases of a new customer in {@code (0, t]}, E[X(t)].
     *
     * @param t the horizon, &gt;= 0
     * @return the expectation
     */
    double expectedPurchases(double t);

    /**
     * The expected number of purchases in the next {@code t} time units of a customer with history
     * {@code (frequency, recency, T)}, E[Y(t) | x, t_x, T].
     *
     * @param t the horizon, &gt;= 0
     * @param frequency repeat purchases x
     * @param recency t_x
     * @param T age
     * @return the expectation
     */
    double conditionalExpectedPurchases(double t, double frequency, double recency, double T);

    /**
     * The probability that a customer with history {@code (frequency, recency, T)} is still active at T.
     *
     * @param frequency repeat purchases x
     * @param recency t_x
     * @param T age
     * @return the probability, in [0, 1]
     */
    double probabilityAlive(double frequency, double recency, double T);

    /**
     * The log-likelihood of one customer's history.
     *
     * @param frequency repeat purchases x
     * @param recency t_x
     * @param T age
     * @return the log-likelihood
     */
    double logLikelihood(double frequency, double recency, double T);

    /**
     * {@link #conditionalExpectedPurchases(double, double, double, double)} for many customers.
     *
     * @param t the horizon, &gt;= 0
     * @param frequency repeat purchases per customer
     * @param recency t_x per customer
     * @param T age per customer
     * @return the expectations, one per customer
     */
    default double[] conditionalExpectedPurchases(double t, double[] frequency, double[] recency, double[] T) {
        Inputs.horizon(t);
        RfmRows.check(frequency, recency, T, null, false);
        double[] out = new double[frequency.length];
        ChunkedSum.forEach(out.length, (from, to) -> {
            for (int i = from; i < to; i++) {
                out[i] = conditionalExpectedPurchases(t, frequency[i], recency[i], T[i]);
            }
        });
        return out;
    }

    /**
     * The population total: the expected purchases of all these customers together in the next {@code t} time
     * units, the sum of {@link #conditionalExpectedPurchases(double, double[], double[], double[])}.
     *
     * @param t the horizon, &gt;= 0
     * @param frequency repeat purchases per customer
     * @param recency t_x per customer
     * @param T age per customer
     * @return the total
     */
    default double totalConditionalExpectedPurchases(double t, double[] frequency, double[] recency, double[] T) {
        double total = 0;
        for (double e : conditionalExpectedPurchases(t, frequency, recency, T)) {
            total += e;
        }
        return total;
    }

    /**
     * {@link #probabilityAlive(double, double, double)} for many customers.
     *
     * @param frequency repeat purchases per customer
     * @param recency t_x per customer
     * @param T age per customer
     * @return the probabilities, one per customer
     */
    default double[] probabilityAlive(double[] frequency, double[] recency, double[] T) {
        RfmRows.check(frequency, recency, T, null, false);
        double[] out = new double[frequency.length];
        ChunkedSum.forEach(out.length, (from, to) -> {
            for (int i = from; i < to; i++) {
                out[i] = probabilityAlive(frequency[i], recency[i], T[i]);
            }
        });
        return out;
    }

    /**
     * The summed log-likelihood of many customers (weights optional), as the fitter maximizes it.
     *
     * @param frequency repeat purchases per customer
     * @param recency t_x per customer
     * @param T age per customer
     * @param weights customers per row, or null for one each
     * @return the log-likelihood
     */
    default double logLikelihood(double[] frequency, double[] recency, double[] T, double[] weights) {
        RfmRows rows = RfmRows.of(frequency, recency, T, weights);
        double[] s = ChunkedSum.sum(rows.size, 1, (from, to, out) -> {
            for (int i = from; i < to; i++) {
                out[0] += rows.w[i] * logLikelihood(rows.x[i], rows.tx[i], rows.t[i]);
            }
        });
        return s[0];
    }
}
