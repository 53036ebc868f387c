package io.loyalty.kano;

import io.loyalty.internal.Checks;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import org.apache.commons.math3.special.Gamma;

/**
 * The Kano analysis, configured with an evaluation table and a classification rule: survey answers (or
 * published category counts) in, per-feature {@link FeatureResult}s out.
 *
 * <pre>{@code
 * KanoAnalysis a = Kano.withDefaults().analyze(survey);               // Berger 1993 table, most frequent
 * KanoAnalysis r = Kano.withDefaults().withTable(EvaluationTable.qDiagonal())
 *         .withRule(ClassificationRule.FUNCTIONAL_VS_INDIFFERENT).analyze(survey);
 * List<FeatureResult> plan = a.prioritized(PriorityOrder.IMPORTANCE);
 * }</pre>
 *
 * Immutable and thread-safe.
 *
 * @since 0.1
 */
public final class Kano {
    private static final Kano DEFAULTS =
            new Kano(EvaluationTable.berger1993(), ClassificationRule.MOST_FREQUENT, 0.06);
    /** The tie-break precedence of every rule: M, O, A, I, R, Q. */
    private static final Category[] PRECEDENCE = {Category.MUST_BE, Category.ONE_DIMENSIONAL, Category.ATTRACTIVE,
        Category.INDIFFERENT, Category.REVERSE, Category.QUESTIONABLE};

    private final EvaluationTable table;
    private final ClassificationRule rule;
    private final double margin;

    private Kano(EvaluationTable table, ClassificationRule rule, double margin) {
        this.table = table;
        this.rule = rule;
        this.margin = margin;
    }

    /**
     * The standard analysis: {@link EvaluationTable#berger1993()}, {@link ClassificationRule#MOST_FREQUENT},
     * margin 0.06 for {@link ClassificationRule#TOP_TWO_WITHIN_MARGIN}.
     *
     * @return the analysis
     */
    public static Kano withDefaults() {
        return DEFAULTS;
    }

    /**
     * This analysis with another evaluation table.
     *
     * @param evaluationTable the table
     * @return a new analysis
     */
    public Kano withTable(EvaluationTable evaluationTable) {
        return new Kano(Checks.notNull(evaluationTable, "evaluationTable"), rule, margin);
    }

    /**
     * This analysis with another classification rule.
     *
     * @param classificationRule the rule
     * @return a new analysis
     */
    public Kano withRule(ClassificationRule classificationRule) {
        return new Kano(table, Checks.notNull(classificationRule, "classificationRule"), margin);
    }

    /**
     * This analysis with another margin for {@link ClassificationRule#TOP_TWO_WITHIN_MARGIN}.
     *
     * @param categoryStrengthMargin the category strength below which the top two count as tied, in [0, 1]
     * @return a new analysis
     */
    public Kano withMargin(double categoryStrengthMargin) {
        return new Kano(table, rule, Checks.unit(categoryStrengthMargin, "categoryStrengthMargin"));
    }

    /**
     * The evaluation table in force.
     *
     * @return the table
     */
    public EvaluationTable table() {
        return table;
    }

    /**
     * The classification rule in force.
     *
     * @return the rule
     */
    public ClassificationRule rule() {
        return rule;
    }

    /**
     * The margin of {@link ClassificationRule#TOP_TWO_WITHIN_MARGIN}.
     *
     * @return the margin
     */
    public double margin() {
        return margin;
    }

    /**
     * Evaluates one feature from its category counts (as a published table gives them: counts, shares or
     * percentages). No importance and no continuous scores: those need the answers.
     *
     * @param feature the feature's name
     * @param counts the counts
     * @return the result
     * @throws IllegalArgumentException if every count is 0
     */
    public FeatureResult evaluate(String feature, CategoryCounts counts) {
        Checks.notBlank(feature, "feature");
        Checks.notNull(counts, "counts");
        Checks.require(counts.total() > 0, "feature '%s' has no answers (all counts are 0)", feature);
        return result(feature, counts, 0, OptionalDouble.empty(), 0, Optional.empty());
    }

    /**
     * The category the rule in force gives to a set of counts.
     *
     * @param counts the counts
     * @return the category
     * @throws IllegalArgumentException if every count is 0
     */
    public Category classify(CategoryCounts counts) {
        Checks.notNull(counts, "counts");
        Checks.require(counts.total() > 0, "counts must not all be 0");
        Category first = mostFrequent(counts, null);
        return classify(counts, first, mostFrequent(counts, first));
    }

    /**
     * Analyses every feature of a survey. Respondents with a missing functional or dysfunctional answer are left
     * out of that feature's counts and reported in {@link FeatureResult#missing()}; a missing importance leaves
     * the respondent out of the mean importance only.
     *
     * @param survey the survey
     * @return one result per feature, in the survey's order
     * @throws IllegalArgumentException if a feature has no respondent with both answers
     */
    public KanoAnalysis analyze(KanoSurvey survey) {
        Checks.notNull(survey, "survey");
        List<FeatureResult> results = new ArrayList<>(survey.features().size());
        for (FeatureAnswers f : survey.features()) {
            long[] cells = Tally.cells(f.functionalCodes(), f.dysfunctionalCodes());
            results.add(fromCells(f.name(), cells, Tally.importance(f.importanceCodes()), ""));
        }
        return new KanoAnalysis(results, survey.respondents(), table, rule);
    }

    /**
     * Analyses the answers gathered by a {@link KanoAccumulator}; the same result as {@link #analyze(KanoSurvey)} on all the
     * answers at once.
     *
     * @param tallies the tallies, a {@link KanoAccumulator}'s snapshot
     * @return one result per feature, in the tallies' order
     * @throws IllegalArgumentException if a feature has no respondent with both answers
     */
    public KanoAnalysis analyze(KanoTallies tallies) {
        KanoTallies tally = Checks.notNull(tallies, "tallies");
        List<FeatureResult> results = new ArrayList<>(tally.features().size());
        for (int j = 0; j < tally.features().size(); j++) {
            results.add(fromCells(tally.features().get(j), tally.cells(j), tally.importance(j), ""));
        }
        return new KanoAnalysis(results, tally.respondents(), table, rule);
    }

    /**
     * Analyses every feature within each segment of a survey (see {@link KanoSurvey#withSegments(String[])}).
     *
     * @param survey the survey, with segments
     * @return the analysis of each segment, in sorted segment order
     * @throws IllegalArgumentException if the survey has no segments, or a feature has no respondent with both
     *     answers within a segment (naming the feature and the segment)
     */
    public Map<String, KanoAnalysis> analyzeBySegment(KanoSurvey survey) {
        Checks.notNull(survey, "survey");
        Checks.require(!survey.segments().isEmpty(), "survey has no segments (use KanoSurvey.withSegments)");
        int s = survey.segments().size();
        int[] seg = survey.segmentIndex();
        List<List<FeatureResult>> bySegment = new ArrayList<>();
        for (int k = 0; k < s; k++) {
            bySegment.add(new ArrayList<>());
        }
        for (FeatureAnswers f : survey.features()) {
            long[][] cells = Tally.cells(f.functionalCodes(), f.dysfunctionalCodes(), seg, s);
            long[][] imp = Tally.importance(f.importanceCodes(), seg, s);
            for (int k = 0; k < s; k++) {
                bySegment.get(k).add(fromCells(f.name(), cells[k], imp[k],
                        " in segment '" + survey.segments().get(k) + "'"));
            }
        }
        int[] sizes = new int[s];
        for (int row : seg) {
            sizes[row]++;
        }
        Map<String, KanoAnalysis> out = new LinkedHashMap<>();
        for (int k = 0; k < s; k++) {
            out.put(survey.segments().get(k), new KanoAnalysis(bySegment.get(k), sizes[k], table, rule));
        }
        return java.util.Collections.unmodifiableMap(out);
    }

    private FeatureResult fromCells(String feature, long[] cells, long[] importance, String where) {
        double[] byCategory = new double[6];
        long missing = 0;
        for (int cell = 0; cell < Tally.CELLS; cell++) {
            if (cell / 6 == 0 || cell % 6 == 0) {
                missing += cells[cell];
            } else {
                byCategory[table.cellCategory(cell)] += cells[cell];
            }
        }
        CategoryCounts counts = CategoryCounts.of(byCategory);
        Checks.require(counts.total() > 0, "feature '%s'%s has no respondent with both answers (%d missing)",
                feature, where, missing);
        long answered = 0;
        double sum = 0;
        for (int v = 1; v <= 9; v++) {
            answered += importance[v];
            sum += (double) importance[v] * v;
        }
        OptionalDouble mean = answered > 0 ? OptionalDouble.of(sum / answered) : OptionalDouble.empty();
        return result(feature, counts, missing, mean, answered,
                Optional.of(ContinuousScores.fromCells(cells)));
    }

    private FeatureResult result(String feature, CategoryCounts counts, long missing, OptionalDouble importance,
            long importanceAnswers, Optional<ContinuousScores> continuous) {
        double n = counts.total();
        double a = counts.attractive();
        double o = counts.oneDimensional();
        double m = counts.mustBe();
        double i = counts.indifferent();
        Category first = mostFrequent(counts, null);
        Category second = mostFrequent(counts, first);
        Category category = classify(counts, first, second);
        double totalStrength = Math.min(1, (a + o + m) / n);
        double categoryStrength = Math.max(0, (counts.get(first) - counts.get(second)) / n);
        double denominator = a + o + m + i;
        double better = denominator > 0 ? Math.min(1, (a + o) / denominator) : 0;
        // 0 - x, not -x, so that Worse is +0.0 rather than -0.0 when O + M = 0.
        double worse = denominator > 0 ? 0 - Math.min(1, (o + m) / denominator) : 0;
        double chi = 0;
        double p = 1;
        if (denominator > 0) {
            // On counts scaled by a power of two (exact) near 1, so that squares neither overflow nor underflow;
            // chi-square is homogeneous of degree 1 in the counts, so scaling back is exact too.
            int k = FongTest.scale(n);
            double sa = Math.scalb(a, -k);
            double so = Math.scalb(o, -k);
            double sm = Math.scalb(m, -k);
            double si = Math.scalb(i, -k);
            double e = Math.scalb(denominator, -k) / 4;
            chi = Math.scalb(((sm - e) * (sm - e) + (so - e) * (so - e) + (sa - e) * (sa - e) + (si - e) * (si - e))
                    / e, k);
            // Upper tail of chi-square(3) = Q(3/2, chi/2), computed directly: 1 - CDF would lose small p-values.
            p = Gamma.regularizedGammaQ(1.5, chi / 2);
        }
        return new FeatureResult(feature, counts, missing, category, totalStrength, categoryStrength,
                FongTest.of(counts, first, second), better, worse, chi, p, importance, importanceAnswers,
                continuous);
    }

    private Category classify(CategoryCounts counts, Category first, Category second) {
        switch (rule) {
            case FUNCTIONAL_VS_INDIFFERENT: {
                double functional = counts.attractive() + counts.oneDimensional() + counts.mustBe();
                double rest = counts.indifferent() + counts.reverse() + counts.questionable();
                return functional > rest
                        ? argmax(counts, Category.MUST_BE, Category.ONE_DIMENSIONAL, Category.ATTRACTIVE)
                        : argmax(counts, Category.INDIFFERENT, Category.REVERSE, Category.QUESTIONABLE);
            }
            case TOP_TWO_WITHIN_MARGIN: {
                Category mode = argmax(counts, PRECEDENCE);
                if ((counts.get(first) - counts.get(second)) / counts.total() > margin) {
                    return mode;
                }
                for (Category c : PRECEDENCE) {
                    if (c == first || c == second) {
                        return c;
                    }
                }
                return mode;
            }
            default:
                return argmax(counts, PRECEDENCE);
        }
    }

    /** The most frequent of the given categories; the earlier one wins a tie. */
    private static Category argmax(CategoryCounts counts, Category... inOrder) {
        Category best = inOrder[0];
        for (Category c : inOrder) {
            if (counts.get(c) > counts.get(best)) {
                best = c;
            }
        }
        return best;
    }

    /** The most frequent of A, O, M, I, R other than {@code skip}, ties in the order M, O, A, I, R. */
    private static Category mostFrequent(CategoryCounts counts, Category skip) {
        Category best = null;
        for (int k = 0; k < 5; k++) {
            Category c = PRECEDENCE[k];
            if (c != skip && (best == null || counts.get(c) > counts.get(best))) {
                best = c;
            }
        }
        return best;
    }

    /**
     * The configuration.
     *
     * @return e.g. {@code Kano[table=Berger 1993 [...], rule=MOST_FREQUENT, margin=0.06]}
     */
    @Override
    public String toString() {
        return Checks.format("Kano[table=%s, rule=%s, margin=%s]", table, rule, margin);
    }
}
