package io.loyalty.clv;

import java.util.List;

/**
 * A fitter of a purchase model ({@link TransactionModel}): {@link ChunkFitter} and the array method of
 * {@link TransactionModelFitter}, which fits one chunk.
 *
 * @param <M> the fitted model
 * @param <F> the concrete fitter
 */
abstract non-sealed class PurchaseFitter<M extends TransactionModel, F extends PurchaseFitter<M, F>>
        extends ChunkFitter<M, F> implements TransactionModelFitter<M> {
    PurchaseFitter(ModelKind kind, Fitting.Options options) {
        super(kind, options);
    }

    @Override
    public M fit(double[] frequency, double[] recency, double[] T, double[] weights) {
        long start = System.nanoTime();
        CustomerChunk chunk = CustomerChunk.purchases(frequency, recency, T, weights);
        return fit(ChunkedCustomers.of(List.of(chunk)), start);
    }
}
