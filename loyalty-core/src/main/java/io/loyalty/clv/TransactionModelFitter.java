package io.loyalty.clv;

import io.loyalty.data.CustomerSummaries;
import io.loyalty.internal.Checks;

/**
 * A maximum-likelihood fitter of a purchase model ({@link TransactionModel}): {@link BetaGeoFitter},
 * {@link ModifiedBetaGeoFitter}, {@link ParetoNbdFitter}. Code that fits "some purchase model" (loyalty-spark's
 * {@code SparkClv.fit}, a model comparison) takes one of these and needs no case per model; the fitter carries its
 * options (penalizer, tolerance, iterations, start).
 *
 * <pre>{@code
 * TransactionModelFitter<?> fitter = ParetoNbdFitter.withDefaults().withPenalizer(0.001);
 * TransactionModel model = fitter.fit(frequency, recency, T);
 * TransactionModel again = TransactionModel.of(model.name(), model.parameters());  // e.g. from storage
 * }</pre>
 *
 * <p>Input checks: frequency a whole number &gt;= 0, 0 &lt;= recency &lt;= T, recency 0 when frequency is 0,
 * weights (optional) finite, &gt;= 0, with a positive sum, some T &gt; 0; otherwise
 * {@link IllegalArgumentException} naming the row. A fit that does not converge throws
 * {@link io.loyalty.stats.ConvergenceException}. Implementations are immutable and thread-safe.
 *
 * @param <M> the model fitted
 * @since 0.2
 */
public sealed interface TransactionModelFitter<M extends TransactionModel> permits PurchaseFitter {
    /**
     * Fits weighted rows: row i stands for {@code weights[i]} customers with the same history. Identical rows are
     * merged first.
     *
     * @param frequency repeat purchases x
     * @param recency t_x
     * @param T age
     * @param weights customers per row, or null for one each
     * @return the fitted model
     */
    M fit(double[] frequency, double[] recency, double[] T, double[] weights);

    /**
     * Fits customers held in chunks elsewhere (chunks made by {@link CustomerChunk#ofPurchases}), e.g. in the
     * partitions of a Spark dataset: every likelihood evaluation goes to {@link ChunkedCustomers#aggregate} as one
     * {@link ChunkTask}. The fit is the one {@link #fit(double[], double[], double[], double[])} finds on the same
     * customers up to rounding.
     *
     * @param customers the chunks
     * @return the fitted model
     */
    M fit(ChunkedCustomers customers);

    /**
     * Fits one row per customer.
     *
     * @param frequency repeat purchases x
     * @param recency t_x
     * @param T age
     * @return the fitted model
     */
    default M fit(double[] frequency, double[] recency, double[] T) {
        return fit(frequency, recency, T, null);
    }

    /**
     * Fits the summaries' frequency, recency and T.
     *
     * @param summaries the customers
     * @return the fitted model
     */
    default M fit(CustomerSummaries summaries) {
        Checks.notNull(summaries, "summaries");
        return fit(summaries.frequencyAsDouble(), summaries.recency(), summaries.t(), null);
    }
}
