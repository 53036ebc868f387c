package io.loyalty.testkit;

import java.util.SplittableRandom;
import java.util.function.Consumer;

/**
 * A seeded property runner of our own (we do not use jqwik). Each trial gets its own {@link SplittableRandom}
 * seeded from the base seed; a failure names the property, the trial and the seed that reproduces it.
 *
 * <p>The base seed is fixed ({@link #DEFAULT_SEED}) so that runs are reproducible; override it with
 * {@code -Dloyalty.seed=...}, and the number of trials with {@code -Dloyalty.trials=...}. To replay one failing
 * trial, pass the printed trial seed with {@code -Dloyalty.seed=S -Dloyalty.trials=1}.
 */
public final class Property {
    /** The base seed used when {@code loyalty.seed} is not set. */
    public static final long DEFAULT_SEED = 20261124L;

    private Property() {
    }

    /**
     * Runs {@code body} for {@code trials} seeded random sources (or the {@code loyalty.trials} override).
     *
     * @param name the property's name, printed on failure
     * @param trials the number of trials
     * @param body the check; it throws (an {@link AssertionError} or any exception) when the property fails
     */
    public static void forAll(String name, int trials, Consumer<SplittableRandom> body) {
        long base = Long.getLong("loyalty.seed", DEFAULT_SEED);
        int n = Integer.getInteger("loyalty.trials", trials);
        SplittableRandom seeds = new SplittableRandom(base);
        for (int trial = 0; trial < n; trial++) {
            // The first trial runs on the base seed itself, so a printed trial seed replays with trials=1.
            long seed = trial == 0 ? base : seeds.nextLong();
            try {
                body.accept(new SplittableRandom(seed));
            } catch (RuntimeException | AssertionError e) {
                throw new AssertionError(String.format(
                        "property '%s' failed at trial %d with seed %d (replay: -Dloyalty.seed=%d -Dloyalty.trials=1): %s",
                        name, trial, seed, seed, e), e);
            }
        }
    }

    /**
     * A uniform integer in [lo, hi], both inclusive.
     *
     * @param r the random source
     * @param lo the lower bound
     * @param hi the upper bound
     * @return the draw
     */
    public static int between(SplittableRandom r, int lo, int hi) {
        return r.nextInt(lo, hi + 1);
    }

    /**
     * A random permutation of 0..n-1 (Fisher-Yates), to reorder input rows.
     *
     * @param r the random source
     * @param n the number of rows
     * @return the permutation
     */
    public static int[] shuffledPermutation(SplittableRandom r, int n) {
        int[] p = new int[n];
        for (int i = 0; i < n; i++) {
            p[i] = i;
        }
        for (int i = n - 1; i > 0; i--) {
            int j = r.nextInt(i + 1);
            int t = p[i];
            p[i] = p[j];
            p[j] = t;
        }
        return p;
    }
}
