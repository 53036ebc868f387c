package io.loyalty.tablesaw;

import io.loyalty.internal.Checks;
import io.loyalty.kano.AnswerVocabulary;
import io.loyalty.kano.CategoryCounts;
import io.loyalty.kano.FeatureAnswers;
import io.loyalty.kano.FeatureResult;
import io.loyalty.kano.KanoAnalysis;
import io.loyalty.kano.KanoSurvey;
import io.loyalty.kano.PriorityOrder;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import tech.tablesaw.api.BooleanColumn;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.NumericColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * Tablesaw in and out for the Kano family: a survey table with one column pair per feature to a
 * {@link KanoSurvey}, and analyses to tables with one row per feature.
 *
 * <p>A feature's columns are found by name, never by position: {@code <prefix>functional},
 * {@code <prefix>dysfunctional} and, if present, {@code <prefix>importance} (case-insensitive), in any order.
 * Answer columns hold labels (mapped through an {@link AnswerVocabulary}) or codes 1..5; importance columns hold
 * 1..9 as numbers or as labels starting with the number ({@code "9 - Extremely important"}). Empty cells are
 * missing answers. The table is not modified.
 *
 * @since 0.1
 */
public final class KanoTables {
    private static final String FUNCTIONAL = "functional";
    private static final String DYSFUNCTIONAL = "dysfunctional";
    private static final String IMPORTANCE = "importance";

    private KanoTables() {
    }

    /**
     * Reads every feature of a survey table: each column whose name ends with "dysfunctional" starts a feature
     * whose prefix is the rest of the name, in the order the features' first columns appear.
     *
     * @param table the survey, one row per respondent
     * @param vocabulary what the answer labels mean
     * @return the survey, features named by their prefixes (e.g. {@code F6_})
     * @throws IllegalArgumentException if no feature is found, a column has no partner, or a cell is invalid
     *     (naming the label, the column and the row)
     */
    public static KanoSurvey survey(Table table, AnswerVocabulary vocabulary) {
        Checks.notNull(table, "table");
        List<String> prefixes = new ArrayList<>();
        List<String> names = table.columnNames();
        for (String name : names) {
            String lower = name.toLowerCase(Locale.ROOT);
            String prefix = null;
            if (lower.endsWith(DYSFUNCTIONAL)) {
                prefix = name.substring(0, name.length() - DYSFUNCTIONAL.length());
            } else if (lower.endsWith(FUNCTIONAL)) {
                prefix = name.substring(0, name.length() - FUNCTIONAL.length());
            }
            if (prefix != null && prefixes.stream().noneMatch(prefix::equalsIgnoreCase)) {
                prefixes.add(prefix);
            }
        }
        Checks.require(!prefixes.isEmpty(), "table '%s' has no '<feature>functional'/'<feature>dysfunctional' "
                + "column pair (columns: %s)", table.name(), names);
        return survey(table, vocabulary, prefixes);
    }

    /**
     * Reads the named features of a survey table.
     *
     * @param table the survey, one row per respondent
     * @param vocabulary what the answer labels mean
     * @param featurePrefixes the prefixes of the features' columns, e.g. {@code F6_} for {@code F6_functional}
     * @return the survey, features named by their prefixes
     * @throws IllegalArgumentException if a column is missing or a cell is invalid (naming the label, the column
     *     and the row)
     */
    public static KanoSurvey survey(Table table, AnswerVocabulary vocabulary, List<String> featurePrefixes) {
        Checks.notNull(table, "table");
        Checks.notNull(vocabulary, "vocabulary");
        Checks.notNull(featurePrefixes, "featurePrefixes");
        List<FeatureAnswers> features = new ArrayList<>();
        for (String prefix : featurePrefixes) {
            Checks.notNull(prefix, "feature prefix");
            Column<?> f = Columns.column(table, prefix + FUNCTIONAL, "functional answer");
            Column<?> d = Columns.column(table, prefix + DYSFUNCTIONAL, "dysfunctional answer");
            FeatureAnswers answers = FeatureAnswers.ofCodes(prefix.isBlank() ? "feature" : prefix,
                    answerCodes(f, vocabulary), answerCodes(d, vocabulary));
            Optional<Column<?>> importance = find(table, prefix + IMPORTANCE);
            if (importance.isPresent()) {
                answers = answers.withImportance(importanceCodes(importance.get()));
            }
            features.add(answers);
        }
        return KanoSurvey.of(features);
    }

    /**
     * The segment of each respondent, for {@link KanoSurvey#withSegments(String[])}: text as is, integers in
     * decimal.
     *
     * @param table the survey
     * @param segmentColumn the segment column
     * @return one label per row
     * @throws IllegalArgumentException if the column is missing or has an empty cell (naming the row)
     */
    public static String[] segments(Table table, String segmentColumn) {
        Checks.notNull(segmentColumn, "segmentColumn");
        return Columns.ids(table, segmentColumn, "segment");
    }

    /**
     * One row per feature: {@code feature, n, missing, A, O, M, I, R, Q, category, total_strength,
     * category_strength, fong_difference, fong_critical, fong_significant, better, worse, chi_square,
     * chi_square_p, importance, functional_mean, functional_sd, dysfunctional_mean, dysfunctional_sd, quadrant}.
     * Importance and the continuous columns are missing cells where the result has none.
     *
     * @param analysis the analysis
     * @return a new table named "kano"
     */
    public static Table toTable(KanoAnalysis analysis) {
        Checks.notNull(analysis, "analysis");
        return toTable(analysis, null);
    }

    /**
     * The prioritisation table: the rows of {@link #toTable(KanoAnalysis)} in the order of
     * {@link KanoAnalysis#prioritized(PriorityOrder)} (must-be first, then one-dimensional, then attractive, ...),
     * with a {@code priority} column 1, 2, ... first.
     *
     * @param analysis the analysis
     * @param order how features of the same category are ordered
     * @return a new table named "kano priority"
     */
    public static Table toPriorityTable(KanoAnalysis analysis, PriorityOrder order) {
        Checks.notNull(analysis, "analysis");
        Checks.notNull(order, "order");
        List<FeatureResult> inOrder = analysis.prioritized(order);
        List<FeatureResult> rows = analysis.features();
        int[] index = new int[inOrder.size()];
        for (int k = 0; k < index.length; k++) {
            index[k] = rows.indexOf(inOrder.get(k));
        }
        Table all = toTable(analysis, null);
        // Table.rows(int...) keeps the table's order; copy row by row to get the priority order.
        Table t = all.emptyCopy();
        for (int row : index) {
            t.addRow(row, all);
        }
        IntColumn priority = IntColumn.create("priority");
        for (int k = 1; k <= index.length; k++) {
            priority.append(k);
        }
        t.insertColumn(0, priority);
        return Columns.readable(t.setName("kano priority"));
    }

    /**
     * The analyses of several segments stacked: a {@code segment} column first, then the columns of
     * {@link #toTable(KanoAnalysis)}.
     *
     * @param bySegment the analyses by segment, as {@link io.loyalty.kano.Kano#analyzeBySegment(KanoSurvey)}
     *     returns them
     * @return a new table named "kano by segment"
     */
    public static Table toTable(Map<String, KanoAnalysis> bySegment) {
        Checks.notNull(bySegment, "bySegment");
        Table out = null;
        for (Map.Entry<String, KanoAnalysis> e : bySegment.entrySet()) {
            Table t = toTable(e.getValue(), e.getKey());
            out = out == null ? t : out.append(t);
        }
        Checks.require(out != null, "bySegment must not be empty");
        return Columns.readable(out.setName("kano by segment"));
    }

    private static Table toTable(KanoAnalysis analysis, String segment) {
        List<FeatureResult> rows = analysis.features();
        int n = rows.size();
        StringColumn feature = StringColumn.create("feature");
        DoubleColumn total = DoubleColumn.create("n");
        IntColumn missing = IntColumn.create("missing");
        DoubleColumn[] counts = {DoubleColumn.create("A"), DoubleColumn.create("O"), DoubleColumn.create("M"),
            DoubleColumn.create("I"), DoubleColumn.create("R"), DoubleColumn.create("Q")};
        StringColumn category = StringColumn.create("category");
        DoubleColumn ts = DoubleColumn.create("total_strength");
        DoubleColumn cs = DoubleColumn.create("category_strength");
        DoubleColumn fongDiff = DoubleColumn.create("fong_difference");
        DoubleColumn fongCrit = DoubleColumn.create("fong_critical");
        BooleanColumn fongSig = BooleanColumn.create("fong_significant");
        DoubleColumn better = DoubleColumn.create("better");
        DoubleColumn worse = DoubleColumn.create("worse");
        DoubleColumn chi = DoubleColumn.create("chi_square");
        DoubleColumn chiP = DoubleColumn.create("chi_square_p");
        DoubleColumn importance = DoubleColumn.create("importance");
        DoubleColumn fm = DoubleColumn.create("functional_mean");
        DoubleColumn fsd = DoubleColumn.create("functional_sd");
        DoubleColumn dm = DoubleColumn.create("dysfunctional_mean");
        DoubleColumn dsd = DoubleColumn.create("dysfunctional_sd");
        StringColumn quadrant = StringColumn.create("quadrant");
        for (FeatureResult r : rows) {
            CategoryCounts c = r.counts();
            feature.append(r.feature());
            total.append(r.n());
            missing.append((int) r.missing());
            double[] v = {c.attractive(), c.oneDimensional(), c.mustBe(), c.indifferent(), c.reverse(),
                c.questionable()};
            for (int k = 0; k < 6; k++) {
                counts[k].append(v[k]);
            }
            category.append(String.valueOf(r.category().letter()));
            ts.append(r.totalStrength());
            cs.append(r.categoryStrength());
            fongDiff.append(r.fong().difference());
            fongCrit.append(r.fong().critical());
            fongSig.append(r.fong().significant());
            better.append(r.better());
            worse.append(r.worse());
            chi.append(r.chiSquare());
            chiP.append(r.chiSquarePValue());
            if (r.meanImportance().isPresent()) {
                importance.append(r.meanImportance().getAsDouble());
            } else {
                importance.appendMissing();
            }
            if (r.continuous().isPresent()) {
                fm.append(r.continuous().get().functionalMean());
                fsd.append(r.continuous().get().functionalSd());
                dm.append(r.continuous().get().dysfunctionalMean());
                dsd.append(r.continuous().get().dysfunctionalSd());
                quadrant.append(String.valueOf(r.continuous().get().quadrant().letter()));
            } else {
                fm.appendMissing();
                fsd.appendMissing();
                dm.appendMissing();
                dsd.appendMissing();
                quadrant.appendMissing();
            }
        }
        Table t = Table.create(segment == null ? "kano" : "kano by segment");
        if (segment != null) {
            StringColumn seg = StringColumn.create("segment");
            for (int i = 0; i < n; i++) {
                seg.append(segment);
            }
            t.addColumns(seg);
        }
        t.addColumns(feature, total, missing);
        t.addColumns(counts);
        t.addColumns(category, ts, cs, fongDiff, fongCrit, fongSig, better, worse, chi, chiP, importance, fm, fsd,
                dm, dsd, quadrant);
        return Columns.readable(t);
    }

    private static Optional<Column<?>> find(Table table, String name) {
        for (int i = 0; i < table.columnCount(); i++) {
            if (table.column(i).name().equalsIgnoreCase(name)) {
                return Optional.of(table.column(i));
            }
        }
        return Optional.empty();
    }

    private static byte[] answerCodes(Column<?> c, AnswerVocabulary vocabulary) {
        if (c instanceof StringColumn) {
            return vocabulary.codes(labels((StringColumn) c), c.name());
        } else if (c instanceof NumericColumn) {
            return numericCodes((NumericColumn<?>) c, 5, "answer code");
        }
        throw Columns.wrongType(c, "answer", "labels (text) or codes 1..5");
    }

    private static byte[] importanceCodes(Column<?> c) {
        if (c instanceof StringColumn) {
            return FeatureAnswers.importanceCodes(labels((StringColumn) c), c.name());
        } else if (c instanceof NumericColumn) {
            return numericCodes((NumericColumn<?>) c, 9, "importance");
        }
        throw Columns.wrongType(c, "importance", "numbers 1..9 or labels starting with one");
    }

    /** The column's labels, a missing cell as the empty label (no answer). */
    private static String[] labels(StringColumn s) {
        String[] out = new String[s.size()];
        for (int row = 0; row < out.length; row++) {
            out[row] = s.isMissing(row) ? "" : s.get(row);
        }
        return out;
    }

    private static byte[] numericCodes(NumericColumn<?> c, int max, String what) {
        byte[] out = new byte[c.size()];
        for (int row = 0; row < out.length; row++) {
            if (!c.isMissing(row)) {
                double v = c.getDouble(row);
                Checks.require(v >= 1 && v <= max && v == Math.rint(v), "%s %s in column '%s' at row %d is not an "
                        + "integer in 1..%d", what, v, c.name(), row, max);
                out[row] = (byte) v;
            }
        }
        return out;
    }
}
