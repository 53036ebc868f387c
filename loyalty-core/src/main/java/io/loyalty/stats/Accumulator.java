package io.loyalty.stats;

/**
 * The one contract of a mergeable statistic: a mutable accumulator fed row by row, merged with others, and read as
 * an immutable snapshot. It serves a service that updates a score as events arrive, a parallel stream, and Spark
 * (accumulate on the executors, combine on the driver) alike.
 *
 * <ul>
 * <li><b>Creating</b>: a static {@code create(...)} factory on the accumulator class, taking the configuration the
 * rows are read with (a scale, a vocabulary, a period rule); an accumulator starts empty.
 * <li><b>Adding</b>: {@code add...} methods take one row (or a batch of rows), check it, and return {@code this}, so
 * calls chain. A rejected row throws {@link IllegalArgumentException} and leaves the accumulator unchanged.
 * <li><b>Combining</b>: {@link #combine} adds everything another accumulator of the same configuration has seen into
 * this one and returns {@code this}; the other is not changed.
 * <li><b>Reading</b>: {@link #snapshot} returns an immutable value of what has been added so far; the accumulator
 * stays usable.
 * </ul>
 *
 * <p><b>Order and split invariance.</b> The snapshot is a function of the multiset of rows added: after any shuffling
 * of the rows, and after any split of them across accumulators combined in any order, the snapshot is equal, bit for
 * bit in every double (counts are exact; sums are exact or compensated so that their rounding does not depend on the
 * order). The shared property test {@code io.loyalty.testkit.AccumulatorContract} checks this for every
 * accumulator.
 *
 * <p><b>Not thread-safe.</b> An accumulator is mutable and unsynchronized: give each thread or partition its own and
 * {@link #combine} them.
 *
 * @param <A> the accumulator's own type, returned by the chaining methods
 * @param <S> the immutable snapshot type
 * @since 0.2
 */
public interface Accumulator<A extends Accumulator<A, S>, S> {
    /**
     * Adds everything {@code other} has seen into this accumulator.
     *
     * @param other an accumulator of the same configuration; not changed
     * @return this accumulator
     * @throws IllegalArgumentException if {@code other} is null or configured differently
     */
    A combine(A other);

    /**
     * An immutable value of what has been added so far.
     *
     * @return the snapshot
     * @throws IllegalStateException if the statistic needs rows and none were added, where the accumulator's
     *     documentation says so
     */
    S snapshot();
}
