package io.loyalty.clv;

/**
 * A fitter of a model of {@link ModelKind}: the options of {@link AbstractFitter}, and the fit of customers held
 * in chunks, which every array method of the fitter reaches through a one-chunk {@link ChunkedCustomers}.
 *
 * @param <M> the fitted model
 * @param <F> the concrete fitter
 */
abstract class ChunkFitter<M, F extends ChunkFitter<M, F>> extends AbstractFitter<F> {
    /** The model fitted. */
    final ModelKind kind;

    ChunkFitter(ModelKind kind, Fitting.Options options) {
        super(options);
        this.kind = kind;
    }

    /**
     * Fits customers held in chunks elsewhere, e.g. in the partitions of a Spark dataset: the fitter sends every
     * likelihood evaluation to {@link ChunkedCustomers#aggregate} as one {@link ChunkTask} (a Pareto/NBD
     * central-difference gradient, nine points, and Hessian, 33, are one task each, so one pass over the chunks).
     * The chunks must be of the model's kind: {@link CustomerChunk#ofPurchases} for the purchase models,
     * {@link CustomerChunk#ofSpend} for Gamma-Gamma. The fit is the one the array methods find on the same
     * customers up to rounding (rows are merged within each chunk, and {@link FitSummary#rows()} counts the merged
     * rows of all chunks).
     *
     * @param customers the chunks
     * @return the fitted model
     * @throws IllegalArgumentException if {@code customers} is null, a chunk is of the other kind, or the chunks
     *     hold no customer (or, for a purchase model, no T &gt; 0)
     * @throws io.loyalty.stats.ConvergenceException if the fit does not converge
     */
    public M fit(ChunkedCustomers customers) {
        return fit(customers, System.nanoTime());
    }

    /** The fit, timed from {@code startNanos}. */
    @SuppressWarnings("unchecked") // the kind's factory makes the model of this fitter, M
    final M fit(ChunkedCustomers customers, long startNanos) {
        Fitting.Outcome o = Fitting.fit(kind, customers, options, startNanos);
        return (M) kind.model(o.theta(), o.summary());
    }
}
