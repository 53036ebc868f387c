package io.loyalty.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.loyalty.stats.Accumulator;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.BiConsumer;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The one property test of the {@link Accumulator} contract, for every family's accumulator: the snapshot of a
 * multiset of rows does not depend on the order they were added in, nor on how they were split across accumulators
 * combined in any order. Snapshots are compared with {@code equals}, which for the library's snapshot types compares
 * every double bit for bit (or through a caller's key, for a snapshot whose {@code equals} is identity).
 *
 * <p>A "row" is whatever one {@code add} call takes and may not be split: one answer, one respondent, or, for
 * cohorts, every transaction of one customer.
 *
 * @param <R> a row
 * @param <A> the accumulator
 * @param <S> its snapshot
 */
public final class AccumulatorContract<R, A extends Accumulator<A, S>, S> {
    private final Function<SplittableRandom, List<R>> rows;
    private final Supplier<A> factory;
    private final BiConsumer<A, R> adder;
    private final Function<S, Object> key;

    private AccumulatorContract(Function<SplittableRandom, List<R>> rows, Supplier<A> factory,
            BiConsumer<A, R> adder, Function<S, Object> key) {
        this.rows = rows;
        this.factory = factory;
        this.adder = adder;
        this.key = key;
    }

    /**
     * A contract check.
     *
     * @param rows draws the rows of one trial from the seeded generator (reaching the edges is its job)
     * @param factory makes an empty accumulator
     * @param adder adds one row
     * @param <R> a row
     * @param <A> the accumulator
     * @param <S> its snapshot
     * @return the check, comparing snapshots with {@code equals}
     */
    public static <R, A extends Accumulator<A, S>, S> AccumulatorContract<R, A, S> of(
            Function<SplittableRandom, List<R>> rows, Supplier<A> factory, BiConsumer<A, R> adder) {
        return new AccumulatorContract<>(rows, factory, adder, s -> s);
    }

    /**
     * This check comparing snapshots by a key instead (e.g. a {@code toString} that prints every double exactly).
     *
     * @param snapshotKey what two equal snapshots share
     * @return the check
     */
    public AccumulatorContract<R, A, S> comparing(Function<S, Object> snapshotKey) {
        return new AccumulatorContract<>(rows, factory, adder, snapshotKey);
    }

    /**
     * Runs the check: per trial, the rows in their drawn order, shuffled, and split at random cut points into
     * accumulators combined in a random order must give equal snapshots. Empty row lists are compared too when
     * the snapshot of an empty accumulator is defined; otherwise the snapshot's exception type must match.
     *
     * @param name the property's name
     * @param trials the number of trials
     */
    public void check(String name, int trials) {
        Property.forAll(name, trials, r -> {
            List<R> drawn = rows.apply(r);
            Object whole = snap(fill(drawn));
            List<R> shuffled = new ArrayList<>(drawn.size());
            for (int i : Property.shuffledPermutation(r, drawn.size())) {
                shuffled.add(drawn.get(i));
            }
            assertEquals(whole, snap(fill(shuffled)), "shuffled rows");
            int parts = Property.between(r, 1, 6);
            int[] cuts = new int[parts + 1];
            cuts[parts] = shuffled.size();
            for (int p = 1; p < parts; p++) {
                cuts[p] = r.nextInt(shuffled.size() + 1);
            }
            Arrays.sort(cuts);
            List<A> accs = new ArrayList<>();
            for (int p = 0; p < parts; p++) {
                accs.add(fill(shuffled.subList(cuts[p], cuts[p + 1])));
            }
            A merged = factory.get();
            for (int p : Property.shuffledPermutation(r, parts)) {
                A back = merged.combine(accs.get(p));
                assertEquals(true, back == merged, "combine returns this");
            }
            assertEquals(whole, snap(merged), "split into " + parts + " parts at " + Arrays.toString(cuts));
            // Combining into a non-empty accumulator, the other way round.
            A left = accs.get(0);
            for (int p = 1; p < parts; p++) {
                left.combine(accs.get(p));
            }
            assertEquals(whole, snap(left), "parts folded left");
        });
    }

    private A fill(List<R> part) {
        A acc = factory.get();
        for (R row : part) {
            adder.accept(acc, row);
        }
        return acc;
    }

    /** The snapshot's key, or the type of the exception an empty accumulator's snapshot throws. */
    private Object snap(A acc) {
        try {
            return key.apply(acc.snapshot());
        } catch (IllegalStateException | IllegalArgumentException e) {
            return e.getClass();
        }
    }
}
