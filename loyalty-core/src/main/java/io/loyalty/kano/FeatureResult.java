package io.loyalty.kano;

import io.loyalty.internal.Checks;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * The Kano evaluation of one feature.
 *
 * <ul>
 *   <li>total strength = (A + O + M) / n, with n all answers including R and Q;</li>
 *   <li>category strength = the largest minus the second largest share among A, O, M, I, R;</li>
 *   <li>Better = (A + O) / (A + O + M + I) in [0, 1] and Worse = &minus;(O + M) / (A + O + M + I) in [&minus;1, 0]
 *       (Timko, in Berger et al. 1993); both 0 when A + O + M + I = 0, i.e. every answer was R or Q;</li>
 *   <li>chi-square = &Sigma; (c &minus; e)&sup2; / e over the counts c of M, O, A, I with equal expected counts
 *       e = (M + O + A + I) / 4, and its p-value on 3 degrees of freedom (0 and 1 when M + O + A + I = 0).</li>
 * </ul>
 *
 * @param feature the feature's name
 * @param counts the answers per category (respondents with both answers)
 * @param missing respondents with at least one of the two answers missing, not counted in {@code counts}
 * @param category the category chosen by the rule in force
 * @param totalStrength (A + O + M) / n
 * @param categoryStrength top share minus second share among A, O, M, I, R
 * @param fong Fong's test of the two most frequent categories
 * @param better (A + O) / (A + O + M + I)
 * @param worse &minus;(O + M) / (A + O + M + I)
 * @param chiSquare the chi-square statistic of M, O, A, I against equal shares
 * @param chiSquarePValue its upper-tail probability, 3 degrees of freedom
 * @param meanImportance the mean self-stated importance (1..9) over the respondents who gave one; empty when none
 *     did
 * @param importanceAnswers how many respondents gave an importance
 * @param continuous DuMouchel's scores; empty when the result was computed from category counts alone
 * @since 0.1
 */
public record FeatureResult(String feature, CategoryCounts counts, long missing, Category category,
        double totalStrength, double categoryStrength, FongTest fong, double better, double worse, double chiSquare,
        double chiSquarePValue, OptionalDouble meanImportance, long importanceAnswers,
        Optional<ContinuousScores> continuous) {

    /**
     * Checks the components for nulls and ranges.
     *
     * @param feature the feature's name
     * @param counts the answers per category
     * @param missing respondents with a missing answer
     * @param category the category
     * @param totalStrength (A + O + M) / n
     * @param categoryStrength top share minus second share
     * @param fong Fong's test
     * @param better Better
     * @param worse Worse
     * @param chiSquare the chi-square statistic
     * @param chiSquarePValue its p-value
     * @param meanImportance the mean importance
     * @param importanceAnswers respondents with an importance
     * @param continuous DuMouchel's scores
     */
    public FeatureResult {
        Checks.notNull(feature, "feature");
        Checks.notNull(counts, "counts");
        Checks.nonNegative(missing, "missing");
        Checks.notNull(category, "category");
        Checks.unit(totalStrength, "totalStrength");
        Checks.unit(categoryStrength, "categoryStrength");
        Checks.notNull(fong, "fong");
        Checks.unit(better, "better");
        Checks.require(worse >= -1 && worse <= 0, "worse must lie in [-1, 0], got %s", worse);
        Checks.nonNegative(chiSquare, "chiSquare");
        Checks.unit(chiSquarePValue, "chiSquarePValue");
        Checks.notNull(meanImportance, "meanImportance");
        Checks.nonNegative(importanceAnswers, "importanceAnswers");
        Checks.notNull(continuous, "continuous");
    }

    /**
     * The number of classified answers, n = A + O + M + I + R + Q.
     *
     * @return n
     */
    public double n() {
        return counts.total();
    }

    /**
     * The share of one category among the classified answers.
     *
     * @param category the category
     * @return its count over n
     */
    public double share(Category category) {
        return counts.share(category);
    }

    /**
     * The categories M, O, A, I in decreasing frequency, ties in the order M, O, A, I: the sequence that
     * {@link PriorityOrder#CATEGORY_SEQUENCE} compares.
     *
     * @return e.g. {@code [MUST_BE, ONE_DIMENSIONAL, INDIFFERENT, ATTRACTIVE]}
     */
    public List<Category> categorySequence() {
        List<Category> seq = new ArrayList<>(List.of(Category.MUST_BE, Category.ONE_DIMENSIONAL,
                Category.ATTRACTIVE, Category.INDIFFERENT));
        // A stable sort keeps the M, O, A, I order among equal counts.
        seq.sort((x, y) -> Double.compare(counts.get(y), counts.get(x)));
        return List.copyOf(seq);
    }

    /**
     * One line with the key numbers.
     *
     * @return e.g. {@code Secure transfers: O (A=18 O=174 ...), Better 0.593, Worse -0.815, ...}
     */
    @Override
    public String toString() {
        return Checks.format("%s: %s (%s, missing %d), strength %.3f/%.3f, %s, Better %.4f, Worse %.4f%s%s",
                feature, category.letter(), counts, missing, totalStrength, categoryStrength, fong, better, worse,
                meanImportance.isPresent() ? Checks.format(", importance %.3f", meanImportance.getAsDouble()) : "",
                continuous.map(c -> ", continuous " + c).orElse(""));
    }
}
