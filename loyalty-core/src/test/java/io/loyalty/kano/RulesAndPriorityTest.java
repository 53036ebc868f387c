package io.loyalty.kano;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.loyalty.tablesaw.KanoTables;
import java.util.List;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.Table;

/**
 * The parts of issue #6 not pinned by a published case: the tie-breaks of each rule, the margin, a caller-given
 * table in a full analysis, DuMouchel's quadrants, Fong's test on equal counts, and the prioritisation orders.
 */
class RulesAndPriorityTest {
    private static Category classify(ClassificationRule rule, double a, double o, double m, double i, double r,
            double q) {
        return Kano.withDefaults().withRule(rule).classify(CategoryCounts.of(a, o, m, i, r, q));
    }

    @Test
    void mostFrequentBreaksTiesMustBeThenOneDimensionalThenAttractiveThenIndifferent() {
        ClassificationRule mf = ClassificationRule.MOST_FREQUENT;
        assertEquals(Category.MUST_BE, classify(mf, 5, 5, 5, 5, 0, 0));
        assertEquals(Category.ONE_DIMENSIONAL, classify(mf, 5, 5, 4, 5, 0, 0));
        assertEquals(Category.ATTRACTIVE, classify(mf, 5, 4, 4, 5, 0, 0));
        assertEquals(Category.INDIFFERENT, classify(mf, 4, 4, 4, 5, 5, 5));
        assertEquals(Category.ATTRACTIVE, classify(mf, 6, 5, 5, 5, 0, 0));
    }

    @Test
    void functionalVersusIndifferentRule() {
        ClassificationRule r = ClassificationRule.FUNCTIONAL_VS_INDIFFERENT;
        // O+A+M = 9 > I+R+Q = 8: the most frequent of M, O, A although I is the mode.
        assertEquals(Category.ATTRACTIVE, classify(r, 4, 3, 2, 8, 0, 0));
        assertEquals(Category.MUST_BE, classify(r, 3, 3, 3, 8, 0, 0));
        // O+A+M = I+R+Q: not greater, so the most frequent of I, R, Q (ties I > R > Q).
        assertEquals(Category.INDIFFERENT, classify(r, 6, 0, 0, 2, 2, 2));
        assertEquals(Category.REVERSE, classify(r, 1, 1, 1, 0, 2, 1));
    }

    @Test
    void topTwoWithinMarginPrefersTheMoreDemandingCategoryAndHonoursTheMargin() {
        // Shares A 0.40, O 0.36: strength 0.04 <= 0.06, so O (O before A).
        CategoryCounts c = CategoryCounts.of(40, 36, 10, 14, 0, 0);
        Kano k = Kano.withDefaults().withRule(ClassificationRule.TOP_TWO_WITHIN_MARGIN);
        assertEquals(Category.ONE_DIMENSIONAL, k.classify(c));
        assertEquals(Category.ATTRACTIVE, k.withMargin(0.03).classify(c));
        assertEquals(0.06, k.margin(), 0);
        // Top two I and A within the margin: the first of M, O, A, I among them is A.
        assertEquals(Category.ATTRACTIVE, k.classify(CategoryCounts.of(40, 5, 5, 42, 8, 0)));
    }

    @Test
    void aCallerGivenTableDrivesTheCounts() {
        // Everything A except like/dislike, which stays O.
        EvaluationTable mine = EvaluationTable.of("all A", "AAAAO", "AAAAA", "AAAAA", "AAAAA", "AAAAA");
        FeatureAnswers f = FeatureAnswers.ofCodes("F", new byte[] {1, 2, 3, 5, 1}, new byte[] {5, 2, 3, 1, 1});
        FeatureResult r = Kano.withDefaults().withTable(mine).analyze(KanoSurvey.of(f)).feature("F");
        assertEquals(CategoryCounts.of(4, 1, 0, 0, 0, 0), r.counts());
        assertEquals(Category.ATTRACTIVE, r.category());
        assertEquals(CategoryCounts.of(0, 1, 0, 2, 1, 1),
                Kano.withDefaults().analyze(KanoSurvey.of(f)).feature("F").counts());
    }

    @Test
    void dumouchelQuadrantsAndDeviations() {
        // like/dislike: functional 4, dysfunctional 4 -> one-dimensional.
        assertEquals(Category.ONE_DIMENSIONAL, quadrant(1, 5));
        // like/neutral: 4, 0 -> attractive.
        assertEquals(Category.ATTRACTIVE, quadrant(1, 3));
        // must-be/dislike: 2, 4 -> both >= 2 -> one-dimensional; neutral/dislike: 0, 4 -> must-be.
        assertEquals(Category.ONE_DIMENSIONAL, quadrant(2, 5));
        assertEquals(Category.MUST_BE, quadrant(3, 5));
        assertEquals(Category.INDIFFERENT, quadrant(3, 3));
        // Functional scores 4 and -2: mean 1, sample SD sqrt(18), population SD 3.
        FeatureAnswers f = FeatureAnswers.ofCodes("F", new byte[] {1, 5}, new byte[] {3, 3});
        ContinuousScores s = Kano.withDefaults().analyze(KanoSurvey.of(f)).feature("F").continuous().orElseThrow();
        assertEquals(1, s.functionalMean(), 0);
        assertEquals(Math.sqrt(18), s.functionalSd(), 1e-12);
        assertEquals(3, s.functionalPopulationSd(), 1e-12);
        assertEquals(0, s.dysfunctionalSd(), 0);
    }

    private static Category quadrant(int functional, int dysfunctional) {
        FeatureAnswers f = FeatureAnswers.ofCodes("F", new byte[] {(byte) functional},
                new byte[] {(byte) dysfunctional});
        return Kano.withDefaults().analyze(KanoSurvey.of(f)).feature("F").continuous().orElseThrow().quadrant();
    }

    @Test
    void fongCallsEqualTopCountsNotSignificant() {
        FeatureResult allQ = Kano.withDefaults().evaluate("F", CategoryCounts.of(0, 0, 0, 0, 0, 7));
        assertEquals(Category.QUESTIONABLE, allQ.category());
        assertEquals(0, allQ.fong().critical(), 0);
        assertFalse(allQ.fong().significant());
        assertFalse(Kano.withDefaults().evaluate("F", CategoryCounts.of(9, 9, 0, 0, 0, 0)).fong().significant());
        assertTrue(Kano.withDefaults().evaluate("F", CategoryCounts.of(30, 1, 0, 0, 0, 0)).fong().significant());
    }

    @Test
    void prioritisationPutsMustBeThenOneDimensionalThenAttractiveEachByImportanceOrBetter() {
        FeatureResult m1 = withImportance("m1", CategoryCounts.of(1, 2, 9, 1, 0, 0), 5);
        FeatureResult m2 = withImportance("m2", CategoryCounts.of(3, 2, 9, 1, 0, 0), 8);
        FeatureResult o1 = withImportance("o1", CategoryCounts.of(1, 9, 2, 1, 0, 0), 9);
        FeatureResult o2 = withImportance("o2", CategoryCounts.of(5, 9, 2, 1, 0, 0), 3);
        FeatureResult a1 = withImportance("a1", CategoryCounts.of(9, 1, 1, 1, 0, 0), 7);
        FeatureResult i1 = withImportance("i1", CategoryCounts.of(1, 1, 1, 9, 0, 0), 9);
        KanoAnalysis a = new KanoAnalysis(List.of(i1, a1, o2, o1, m2, m1), 13, EvaluationTable.berger1993(),
                ClassificationRule.MOST_FREQUENT);
        assertEquals(List.of("m2", "m1", "o1", "o2", "a1", "i1"), names(a.prioritized(PriorityOrder.IMPORTANCE)));
        // Better: m2 (5/15) above m1 (3/13); o2 (14/17) above o1 (10/13).
        assertEquals(List.of("m2", "m1", "o2", "o1", "a1", "i1"), names(a.prioritized(PriorityOrder.BETTER)));
    }

    @Test
    void prioritisationOfTheReppelSurveyByImportance() {
        KanoSurvey s = KanoTables.survey(TestData.surveyTable("transfers--all_cohorts-clean.csv"),
                AnswerVocabulary.standard());
        KanoAnalysis a = Kano.withDefaults().withTable(EvaluationTable.qDiagonal())
                .withRule(ClassificationRule.FUNCTIONAL_VS_INDIFFERENT).analyze(s);
        // Published: O for F7_, F8_, F10_, F11_ (importance 6.80, 7.13, 7.73, 6.87), A for F9_, I for F6_.
        assertEquals(List.of("F10_", "F8_", "F11_", "F7_", "F9_", "F6_"),
                names(a.prioritized(PriorityOrder.IMPORTANCE)));
        Table t = KanoTables.toPriorityTable(a, PriorityOrder.IMPORTANCE);
        assertEquals(List.of("F10_", "F8_", "F11_", "F7_", "F9_", "F6_"), t.stringColumn("feature").asList());
        assertEquals(List.of(1, 2, 3, 4, 5, 6), t.intColumn("priority").asList());
        assertEquals("priority", t.column(0).name());
        assertEquals(List.of("O", "O", "O", "O", "A", "I"), t.stringColumn("category").asList());
        assertEquals(a.feature("F10_").better(), t.doubleColumn("better").get(0), 0);
    }

    private static FeatureResult withImportance(String name, CategoryCounts c, int importance) {
        int n = (int) c.total();
        byte[] f = new byte[n];
        byte[] d = new byte[n];
        int row = 0;
        // One answer pair per category under the standard table: A like/neutral, O like/dislike, M neutral/dislike,
        // I neutral/neutral.
        int[][] pairs = {{1, 3}, {1, 5}, {3, 5}, {3, 3}};
        double[] counts = {c.attractive(), c.oneDimensional(), c.mustBe(), c.indifferent()};
        for (int k = 0; k < 4; k++) {
            for (int j = 0; j < counts[k]; j++) {
                f[row] = (byte) pairs[k][0];
                d[row] = (byte) pairs[k][1];
                row++;
            }
        }
        byte[] imp = new byte[n];
        java.util.Arrays.fill(imp, (byte) importance);
        FeatureResult r = Kano.withDefaults().analyze(KanoSurvey.of(FeatureAnswers.ofCodes(name, f, d)
                .withImportance(imp))).feature(name);
        assertEquals(c, r.counts());
        return r;
    }

    private static List<String> names(List<FeatureResult> results) {
        return results.stream().map(FeatureResult::feature).toList();
    }
}
