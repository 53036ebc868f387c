package io.loyalty.kano;

import io.loyalty.internal.Checks;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The result of a Kano analysis: one {@link FeatureResult} per feature, with the table and rule that produced
 * them, and the prioritisation of the features. Immutable.
 *
 * @since 0.1
 */
public final class KanoAnalysis {
    /** Category rank for prioritisation: M, O, A first, then I, R, Q. */
    private static final int[] CATEGORY_RANK = new int[6];

    static {
        Category[] order = {Category.MUST_BE, Category.ONE_DIMENSIONAL, Category.ATTRACTIVE, Category.INDIFFERENT,
            Category.REVERSE, Category.QUESTIONABLE};
        for (int k = 0; k < order.length; k++) {
            CATEGORY_RANK[order[k].ordinal()] = k;
        }
    }

    private final List<FeatureResult> features;
    private final long respondents;
    private final EvaluationTable table;
    private final ClassificationRule rule;

    KanoAnalysis(List<FeatureResult> features, long respondents, EvaluationTable table, ClassificationRule rule) {
        this.features = List.copyOf(features);
        this.respondents = respondents;
        this.table = table;
        this.rule = rule;
    }

    /**
     * The per-feature results, in the survey's feature order.
     *
     * @return an unmodifiable list
     */
    public List<FeatureResult> features() {
        return features;
    }

    /**
     * The result of one feature.
     *
     * @param name the feature's name
     * @return its result
     * @throws IllegalArgumentException if there is no such feature
     */
    public FeatureResult feature(String name) {
        Checks.notNull(name, "name");
        for (FeatureResult f : features) {
            if (f.feature().equals(name)) {
                return f;
            }
        }
        throw new IllegalArgumentException(Checks.format("no feature named '%s' (features: %s)", name,
                features.stream().map(FeatureResult::feature).toList()));
    }

    /**
     * The number of respondents analysed (including those with missing answers).
     *
     * @return the number of respondents
     */
    public long respondents() {
        return respondents;
    }

    /**
     * The evaluation table used.
     *
     * @return the table
     */
    public EvaluationTable table() {
        return table;
    }

    /**
     * The classification rule used.
     *
     * @return the rule
     */
    public ClassificationRule rule() {
        return rule;
    }

    /**
     * The features in priority order: must-be first, then one-dimensional, attractive, indifferent, reverse,
     * questionable; within a category as {@code order} says; remaining ties by name.
     *
     * @param order how features of the same category are ordered
     * @return a new list
     */
    public List<FeatureResult> prioritized(PriorityOrder order) {
        Checks.notNull(order, "order");
        Comparator<FeatureResult> byCategory = Comparator.comparingInt(f -> CATEGORY_RANK[f.category().ordinal()]);
        Comparator<FeatureResult> within;
        switch (order) {
            case IMPORTANCE:
                within = Comparator.<FeatureResult>comparingDouble(
                        f -> f.meanImportance().isPresent() ? -f.meanImportance().getAsDouble()
                                : Double.POSITIVE_INFINITY)
                        .thenComparingDouble(f -> -f.better());
                break;
            case BETTER:
                within = Comparator.<FeatureResult>comparingDouble(f -> -f.better())
                        .thenComparingDouble(FeatureResult::worse);
                break;
            default:
                within = KanoAnalysis::compareSequences;
                break;
        }
        List<FeatureResult> out = new ArrayList<>(features);
        out.sort(byCategory.thenComparing(within).thenComparing(FeatureResult::feature));
        return out;
    }

    private static int compareSequences(FeatureResult x, FeatureResult y) {
        List<Category> sx = x.categorySequence();
        List<Category> sy = y.categorySequence();
        for (int k = 0; k < sx.size(); k++) {
            int c = Integer.compare(CATEGORY_RANK[sx.get(k).ordinal()], CATEGORY_RANK[sy.get(k).ordinal()]);
            if (c != 0) {
                return c;
            }
        }
        return 0;
    }

    /**
     * A text table, one row per feature.
     *
     * @return the table
     */
    @Override
    public String toString() {
        int w = Math.max(7, features.stream().mapToInt(f -> f.feature().length()).max().orElse(7));
        StringBuilder sb = new StringBuilder(Checks.format("Kano analysis: %d respondents, table %s, rule %s%n",
                respondents, table.name(), rule));
        sb.append(Checks.format("%-" + w + "s %5s %4s %5s %5s %5s %5s %5s %5s %3s %5s %5s %4s %7s %7s %5s %6s %6s %2s%n",
                "feature", "n", "miss", "A", "O", "M", "I", "R", "Q", "cat", "TS", "CS", "Fong", "Better",
                "Worse", "imp", "fun", "dys", "qd"));
        for (FeatureResult f : features) {
            CategoryCounts c = f.counts();
            sb.append(Checks.format("%-" + w + "s %5s %4d %5s %5s %5s %5s %5s %5s %3s %5.3f %5.3f %4s %7.4f %7.4f %5s %6s %6s %2s%n",
                    f.feature(), CategoryCounts.num(f.n()), f.missing(), CategoryCounts.num(c.attractive()),
                    CategoryCounts.num(c.oneDimensional()), CategoryCounts.num(c.mustBe()),
                    CategoryCounts.num(c.indifferent()), CategoryCounts.num(c.reverse()),
                    CategoryCounts.num(c.questionable()), f.category().letter(), f.totalStrength(),
                    f.categoryStrength(), f.fong().significant() ? "sig" : "ns", f.better(), f.worse(),
                    f.meanImportance().isPresent() ? Checks.format("%.2f", f.meanImportance().getAsDouble()) : "-",
                    f.continuous().map(s -> Checks.format("%.2f", s.functionalMean())).orElse("-"),
                    f.continuous().map(s -> Checks.format("%.2f", s.dysfunctionalMean())).orElse("-"),
                    f.continuous().map(s -> String.valueOf(s.quadrant().letter())).orElse("-")));
        }
        return sb.toString();
    }
}
