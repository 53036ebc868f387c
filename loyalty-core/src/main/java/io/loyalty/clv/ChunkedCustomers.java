package io.loyalty.clv;

import io.loyalty.internal.Checks;
import java.util.ArrayList;
import java.util.List;

/**
 * Customers held as {@link CustomerChunk}s wherever they live (a list, the cached partitions of a Spark dataset),
 * seen by a fitter only through {@link #aggregate}: the fitter asks for the totals and for the log-likelihood
 * (and gradient) at one or several parameter points, each request one {@link ChunkTask}, and the implementation
 * folds the task over every chunk. The optimizer, the penalizer, the time scaling and the standard errors stay
 * in the fitter, on the caller's thread; only the kernel sums run next to the data.
 *
 * <pre>{@code
 * // Spark: one treeAggregate per request over cached chunks
 * ChunkedCustomers customers = task -> chunks.treeAggregate(task.zero(), task::add, task::merge);
 * BetaGeoModel model = BetaGeoFitter.withDefaults().fit(customers);
 * }</pre>
 *
 * @since 0.1
 */
@FunctionalInterface
public interface ChunkedCustomers {
    /**
     * Folds a task over every chunk: each group of chunks starts from {@link ChunkTask#zero()}, adds its chunks
     * with {@link ChunkTask#add}, and the groups' results are combined with {@link ChunkTask#merge}. How the
     * chunks are grouped and ordered changes the result only by rounding. Every chunk must be passed exactly
     * once.
     *
     * @param task what to compute on each chunk
     * @return the fold, of the length of {@code task.zero()}
     */
    double[] aggregate(ChunkTask task);

    /**
     * Chunks held in memory, folded in list order on the calling thread (each kernel still runs on both cores).
     *
     * @param chunks the chunks (copied)
     * @return the customers
     */
    static ChunkedCustomers of(List<CustomerChunk> chunks) {
        Checks.notNull(chunks, "chunks");
        List<CustomerChunk> copy = new ArrayList<>(chunks.size());
        for (int i = 0; i < chunks.size(); i++) {
            copy.add(Checks.notNull(chunks.get(i), "chunks[" + i + "]"));
        }
        return task -> {
            double[] sums = Checks.notNull(task, "task").zero();
            for (CustomerChunk c : copy) {
                task.add(sums, c);
            }
            return sums;
        };
    }
}
