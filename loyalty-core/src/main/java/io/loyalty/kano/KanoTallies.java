package io.loyalty.kano;

import io.loyalty.internal.Checks;
import java.util.Arrays;
import java.util.List;

/**
 * Immutable Kano counts, the snapshot of a {@link KanoAccumulator}: per feature the counts of each (functional,
 * dysfunctional) answer pair, of missing answers and of each importance, and the number of respondents.
 * {@link Kano#analyze(KanoTallies)} turns them into a {@link KanoAnalysis}. Equality compares the features and
 * every count.
 *
 * @since 0.2
 */
public final class KanoTallies {
    private final List<String> features;
    /** Per feature, 36 cells: functional code * 6 + dysfunctional code (0 = missing). */
    private final long[][] cells;
    /** Per feature, importance 0..9 (0 = missing). */
    private final long[][] importance;
    private final long respondents;

    /** Takes the arrays without copying: the accumulator hands over fresh copies. */
    KanoTallies(List<String> features, long[][] cells, long[][] importance, long respondents) {
        this.features = features;
        this.cells = cells;
        this.importance = importance;
        this.respondents = respondents;
    }

    /**
     * How many respondents gave a pair of answers to a feature.
     *
     * @param feature the feature's index
     * @param functional the functional answer
     * @param dysfunctional the dysfunctional answer
     * @return the count
     * @throws IllegalArgumentException if the index is out of range or an answer is null
     */
    public long count(int feature, Answer functional, Answer dysfunctional) {
        Checks.require(feature >= 0 && feature < features.size(), "feature index must lie in 0..%d, got %d",
                features.size() - 1, feature);
        Checks.notNull(functional, "functional");
        Checks.notNull(dysfunctional, "dysfunctional");
        return cells[feature][functional.code() * 6 + dysfunctional.code()];
    }

    /**
     * The features' names.
     *
     * @return an unmodifiable list
     */
    public List<String> features() {
        return features;
    }

    /**
     * The number of respondents counted.
     *
     * @return the count
     */
    public long respondents() {
        return respondents;
    }

    long[] cells(int feature) {
        return cells[feature].clone();
    }

    long[] importance(int feature) {
        return importance[feature].clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof KanoTallies other && respondents == other.respondents && features.equals(other.features)
                && Arrays.deepEquals(cells, other.cells) && Arrays.deepEquals(importance, other.importance);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * features.hashCode() + Arrays.deepHashCode(cells)) + Arrays.deepHashCode(importance);
    }

    /**
     * The size of the tallies.
     *
     * @return e.g. {@code KanoTallies[6 features, 358 respondents]}
     */
    @Override
    public String toString() {
        return Checks.format("KanoTallies[%d features, %d respondents]", features.size(), respondents);
    }
}
