package io.loyalty.kano;

import io.loyalty.internal.Checks;
import io.loyalty.internal.TextTable;
import java.io.Writer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

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
        return textTable().select("feature", "n", "missing", "A", "O", "M", "I", "R", "Q", "category",
                "category_strength", "fong_significant", "better", "worse", "importance", "quadrant").toString();
    }

    /** Every column, one row per feature, as {@code KanoTables.toTable} has them. */
    TextTable textTable() {
        TextTable.Builder b = columns(TextTable.builder().title(Checks.format("Kano analysis: %d respondents, "
                + "table %s, rule %s", respondents, table.name(), rule)));
        for (FeatureResult f : features) {
            b.row(cells(f));
        }
        return b.build();
    }

    /** Adds the columns of one feature's row, after any leading column the caller added. */
    private static TextTable.Builder columns(TextTable.Builder b) {
        return b.text("feature").count("n").count("missing").count("A").count("O").count("M").count("I").count("R")
                .count("Q").text("category").decimal("total_strength", 3).decimal("category_strength", 3)
                .decimal("fong_difference", 2).decimal("fong_critical", 2).flag("fong_significant")
                .decimal("better", 4).decimal("worse", 4).decimal("chi_square", 2).pValue("chi_square_p")
                .decimal("importance", 2).decimal("functional_mean", 2).decimal("functional_sd", 2)
                .decimal("dysfunctional_mean", 2).decimal("dysfunctional_sd", 2).text("quadrant");
    }

    /** One feature's cells after a leading cell (a priority or a segment). */
    private static Object[] cells(Object lead, FeatureResult f) {
        Object[] c = cells(f);
        Object[] out = new Object[c.length + 1];
        out[0] = lead;
        System.arraycopy(c, 0, out, 1, c.length);
        return out;
    }

    private static Object[] cells(FeatureResult f) {
        CategoryCounts c = f.counts();
        ContinuousScores s = f.continuous().orElse(null);
        return new Object[] {f.feature(), f.n(), f.missing(), c.attractive(), c.oneDimensional(), c.mustBe(),
            c.indifferent(), c.reverse(), c.questionable(), String.valueOf(f.category().letter()), f.totalStrength(),
            f.categoryStrength(), f.fong().difference(), f.fong().critical(), f.fong().significant(), f.better(),
            f.worse(), f.chiSquare(), f.chiSquarePValue(),
            f.meanImportance().isPresent() ? f.meanImportance().getAsDouble() : null,
            s == null ? null : s.functionalMean(), s == null ? null : s.functionalSd(),
            s == null ? null : s.dysfunctionalMean(), s == null ? null : s.dysfunctionalSd(),
            s == null ? null : String.valueOf(s.quadrant().letter())};
    }

    /** The prioritisation table: a {@code priority} column 1, 2, ..., then every column, in priority order. */
    private TextTable priorityTable(PriorityOrder order) {
        TextTable.Builder b = columns(TextTable.builder().count("priority"));
        int rank = 1;
        for (FeatureResult f : prioritized(order)) {
            b.row(cells(rank++, f));
        }
        return b.build();
    }

    /**
     * Writes the prioritisation as CSV with full precision: a {@code priority} column 1, 2, ..., then the columns
     * of {@link #writeCsv(Writer)}, one row per feature in the order of {@link #prioritized(PriorityOrder)}; the
     * columns of {@code io.loyalty.tablesaw.KanoTables.toPriorityTable}.
     *
     * @param order how features of the same category are ordered
     * @param out where to write; not closed
     * @throws java.io.UncheckedIOException if writing fails
     * @since 0.2
     */
    public void writePriorityCsv(PriorityOrder order, Writer out) {
        Checks.notNull(order, "order");
        Checks.notNull(out, "out");
        priorityTable(order).writeCsv(out);
    }

    /**
     * Writes the CSV of {@link #writePriorityCsv(PriorityOrder, Writer)} to a file in UTF-8, replacing it.
     *
     * @param order how features of the same category are ordered
     * @param csvFile the file
     * @throws java.io.UncheckedIOException if writing fails
     * @since 0.2
     */
    public void writePriorityCsv(PriorityOrder order, Path csvFile) {
        Checks.notNull(order, "order");
        Checks.notNull(csvFile, "csvFile");
        priorityTable(order).writeCsv(csvFile);
    }

    private static TextTable bySegmentTable(Map<String, KanoAnalysis> bySegment) {
        Checks.notNull(bySegment, "bySegment");
        Checks.require(!bySegment.isEmpty(), "bySegment must not be empty");
        TextTable.Builder b = columns(TextTable.builder().text("segment"));
        for (Map.Entry<String, KanoAnalysis> e : bySegment.entrySet()) {
            Checks.notNull(e.getKey(), "bySegment key");
            KanoAnalysis a = Checks.notNull(e.getValue(), "bySegment['" + e.getKey() + "']");
            for (FeatureResult f : a.features) {
                b.row(cells(e.getKey(), f));
            }
        }
        return b.build();
    }

    /**
     * Writes analyses by segment stacked as CSV with full precision: a {@code segment} column first, then the
     * columns of {@link #writeCsv(Writer)}, the segments in the map's order (as
     * {@link Kano#analyzeBySegment(KanoSurvey)} returns them); the columns of
     * {@code io.loyalty.tablesaw.KanoTables.toTable(Map)}.
     *
     * @param bySegment the analyses by segment, not empty
     * @param out where to write; not closed
     * @throws IllegalArgumentException if the map is null, empty or holds null
     * @throws java.io.UncheckedIOException if writing fails
     * @since 0.2
     */
    public static void writeCsv(Map<String, KanoAnalysis> bySegment, Writer out) {
        Checks.notNull(out, "out");
        bySegmentTable(bySegment).writeCsv(out);
    }

    /**
     * Writes the CSV of {@link #writeCsv(Map, Writer)} to a file in UTF-8, replacing it.
     *
     * @param bySegment the analyses by segment, not empty
     * @param csvFile the file
     * @throws IllegalArgumentException if the map is null, empty or holds null
     * @throws java.io.UncheckedIOException if writing fails
     * @since 0.2
     */
    public static void writeCsv(Map<String, KanoAnalysis> bySegment, Path csvFile) {
        Checks.notNull(csvFile, "csvFile");
        bySegmentTable(bySegment).writeCsv(csvFile);
    }

    /**
     * Writes the table of {@link #toString()} as CSV with full precision (rounding is only for print): one row per feature, {@code feature, n, missing, A, O, M, I, R, Q, category, total_strength, category_strength, fong_difference, fong_critical, fong_significant, better, worse, chi_square, chi_square_p, importance, functional_mean, functional_sd, dysfunctional_mean, dysfunctional_sd, quadrant}; importance and the continuous columns blank where the result has none.
     * Column names are those of the Tablesaw adapter; see {@code docs/data.md}.
     *
     * @param out where to write; not closed
     * @throws java.io.UncheckedIOException if writing fails
     * @since 0.2
     */
    public void writeCsv(Writer out) {
        Checks.notNull(out, "out");
        textTable().writeCsv(out);
    }

    /**
     * Writes the CSV of {@link #writeCsv(Writer)} to a file in UTF-8, replacing it.
     *
     * @param csvFile the file
     * @throws java.io.UncheckedIOException if writing fails
     * @since 0.2
     */
    public void writeCsv(Path csvFile) {
        Checks.notNull(csvFile, "csvFile");
        textTable().writeCsv(csvFile);
    }
}
