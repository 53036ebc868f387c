package io.loyalty.kano;

import io.loyalty.internal.Checks;
import io.loyalty.stats.Accumulator;
import java.util.HashSet;
import java.util.List;

/**
 * A mergeable tally of Kano answers, for answers that arrive one respondent at a time (a service) or in parts
 * (parallel chunks, partitions): per feature the counts of each (functional, dysfunctional) answer pair, of
 * missing answers and of each importance. Follows the library's {@linkplain Accumulator accumulator contract}:
 * {@link #snapshot()} gives the immutable {@link KanoTallies}, which {@link Kano#analyze(KanoTallies)} turns into
 * the same {@link KanoAnalysis} as analysing all the answers at once: the result depends neither on the order of
 * {@code add} calls nor on how the answers were split before {@link #combine(KanoAccumulator)}.
 *
 * <p><b>Not thread-safe</b>: give each thread its own tally and combine them. A tally counts at most
 * {@link Long#MAX_VALUE} respondents, which bounds every cell: an {@code add}, {@code addAll} or {@code combine}
 * that would pass it is rejected when it happens, leaving the tally unchanged.
 *
 * @since 0.1
 */
public final class KanoAccumulator implements Accumulator<KanoAccumulator, KanoTallies> {
    private final List<String> features;
    /** Per feature, 36 cells: functional code * 6 + dysfunctional code (0 = missing). */
    private final long[][] cells;
    /** Per feature, importance 0..9 (0 = missing). */
    private final long[][] importance;
    private long respondents;

    private KanoAccumulator(List<String> features) {
        this.features = features;
        this.cells = new long[features.size()][Tally.CELLS];
        this.importance = new long[features.size()][10];
    }

    /**
     * An empty accumulator of the named features.
     *
     * @param features the features' names, in the order respondents' answers will list them
     * @return the tally
     * @throws IllegalArgumentException if there are no features or two share a name
     */
    public static KanoAccumulator create(List<String> features) {
        Checks.notNull(features, "features");
        Checks.require(!features.isEmpty(), "features must not be empty");
        HashSet<String> seen = new HashSet<>();
        for (String f : features) {
            Checks.require(seen.add(Checks.notBlank(f, "feature name")), "two features are named '%s'", f);
        }
        return new KanoAccumulator(List.copyOf(features));
    }

    /**
     * Adds one respondent's answers, without importance.
     *
     * @param functional one code per feature, 1..5 or 0 for missing
     * @param dysfunctional one code per feature, 1..5 or 0 for missing
     * @return this tally
     * @throws IllegalArgumentException if a length differs from the features or a code is out of range (nothing
     *     is added then)
     */
    public KanoAccumulator add(int[] functional, int[] dysfunctional) {
        return add(functional, dysfunctional, null);
    }

    /**
     * Adds one respondent's answers and importances.
     *
     * @param functional one code per feature, 1..5 or 0 for missing
     * @param dysfunctional one code per feature, 1..5 or 0 for missing
     * @param importances one importance per feature, 1..9 or 0 for missing; null for none
     * @return this tally
     * @throws IllegalArgumentException if a length differs from the features or a value is out of range (nothing
     *     is added then)
     */
    public KanoAccumulator add(int[] functional, int[] dysfunctional, int[] importances) {
        Checks.notNull(functional, "functional");
        Checks.notNull(dysfunctional, "dysfunctional");
        int k = features.size();
        Checks.sameLength(k, functional.length, "functional");
        Checks.sameLength(k, dysfunctional.length, "dysfunctional");
        if (importances != null) {
            Checks.sameLength(k, importances.length, "importances");
        }
        // Check everything first, so that a bad answer leaves the tally unchanged.
        for (int j = 0; j < k; j++) {
            check(functional[j], 5, "functional", j);
            check(dysfunctional[j], 5, "dysfunctional", j);
            if (importances != null) {
                check(importances[j], 9, "importance", j);
            }
        }
        long grown = Checks.addExact(respondents, 1, "respondents");
        for (int j = 0; j < k; j++) {
            cells[j][functional[j] * 6 + dysfunctional[j]]++;
            importance[j][importances == null ? 0 : importances[j]]++;
        }
        respondents = grown;
        return this;
    }

    private void check(int v, int max, String what, int feature) {
        Checks.require(v >= 0 && v <= max, "%s of feature '%s' must lie in 1..%d (0 = missing), got %d", what,
                features.get(feature), max, v);
    }

    /**
     * Adds every respondent of a survey whose features have the same names in the same order.
     *
     * @param survey the survey
     * @return this tally
     * @throws IllegalArgumentException if the survey's features differ from the tally's
     */
    public KanoAccumulator addAll(KanoSurvey survey) {
        Checks.notNull(survey, "survey");
        List<String> names = survey.features().stream().map(FeatureAnswers::name).toList();
        Checks.require(names.equals(features), "survey features %s differ from the tally's %s", names, features);
        long grown = Checks.addExact(respondents, survey.respondents(), "respondents");
        for (int j = 0; j < features.size(); j++) {
            FeatureAnswers f = survey.features().get(j);
            long[] c = Tally.cells(f.functionalCodes(), f.dysfunctionalCodes());
            long[] imp = Tally.importance(f.importanceCodes());
            for (int x = 0; x < Tally.CELLS; x++) {
                cells[j][x] += c[x];
            }
            for (int x = 0; x < 10; x++) {
                importance[j][x] += imp[x];
            }
            if (!f.hasImportance()) {
                importance[j][0] += f.respondents();
            }
        }
        respondents = grown;
        return this;
    }

    /**
     * Adds another tally of the same features into this one.
     *
     * @param other the other tally (unchanged)
     * @return this tally
     * @throws IllegalArgumentException if the features differ
     */
    @Override
    public KanoAccumulator combine(KanoAccumulator other) {
        Checks.notNull(other, "other");
        Checks.require(other.features.equals(features), "tally features %s differ from %s", other.features,
                features);
        long grown = Checks.addExact(respondents, other.respondents, "respondents");
        for (int j = 0; j < features.size(); j++) {
            for (int x = 0; x < Tally.CELLS; x++) {
                cells[j][x] += other.cells[j][x];
            }
            for (int x = 0; x < 10; x++) {
                importance[j][x] += other.importance[j][x];
            }
        }
        respondents = grown;
        return this;
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
     * The respondents added so far.
     *
     * @return the count
     */
    public long respondents() {
        return respondents;
    }

    /**
     * The counts so far.
     *
     * @return an immutable snapshot; later additions do not change it
     */
    @Override
    public KanoTallies snapshot() {
        long[][] c = new long[cells.length][];
        long[][] imp = new long[importance.length][];
        for (int j = 0; j < c.length; j++) {
            c[j] = cells[j].clone();
            imp[j] = importance[j].clone();
        }
        return new KanoTallies(features, c, imp, respondents);
    }

    /**
     * The size of the tally.
     *
     * @return e.g. {@code KanoAccumulator[6 features, 358 respondents]}
     */
    @Override
    public String toString() {
        return Checks.format("KanoAccumulator[%d features, %d respondents]", features.size(), respondents);
    }
}
