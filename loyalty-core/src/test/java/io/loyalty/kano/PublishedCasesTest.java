package io.loyalty.kano;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Every feature of the published Kano cases ({@code kano/published_cases.csv}; sources, licences and
 * tolerances in {@code kano/README.md}), evaluated from the published counts with the rule each case states.
 */
class PublishedCasesTest {
    private static final List<Map<String, String>> CASES = TestData.csv("published_cases.csv");

    private static FeatureResult evaluate(Map<String, String> row, ClassificationRule rule) {
        CategoryCounts counts = CategoryCounts.of(d(row, "A"), d(row, "O"), d(row, "M"), d(row, "I"), d(row, "R"),
                d(row, "Q"));
        return Kano.withDefaults().withRule(rule).evaluate(row.get("feature"), counts);
    }

    private static double d(Map<String, String> row, String key) {
        return Double.parseDouble(row.get(key));
    }

    private static boolean has(Map<String, String> row, String key) {
        return !row.get(key).isEmpty();
    }

    /** |ours - published| within half a unit of the last published decimal. */
    private static void assertPublished(double published, int decimals, double ours, String what) {
        double tol = 0.5 * Math.pow(10, -decimals) + 1e-12;
        assertTrue(Math.abs(ours - published) <= tol,
                () -> what + ": ours " + ours + " vs published " + published + " (" + decimals + " dp)");
    }

    @Test
    void everyPublishedModeIsTheMostFrequentCategory() {
        int checked = 0;
        for (Map<String, String> row : CASES) {
            if (has(row, "mode")) {
                FeatureResult r = evaluate(row, ClassificationRule.MOST_FREQUENT);
                assertEquals(row.get("mode").charAt(0), r.category().letter(), row.get("case") + " " + row.get("feature"));
                checked++;
            }
        }
        assertEquals(14, checked);
    }

    @Test
    void everyPublishedRuleCategoryMatchesTheStatedRule() {
        int checked = 0;
        for (Map<String, String> row : CASES) {
            if (has(row, "rule_category")) {
                FeatureResult r = evaluate(row, ClassificationRule.valueOf(row.get("rule")));
                assertEquals(row.get("rule_category").charAt(0), r.category().letter(),
                        row.get("case") + " " + row.get("feature"));
                checked++;
            }
        }
        assertEquals(11, checked);
    }

    @Test
    void betterAndWorseToThePublishedDigits() {
        int checked = 0;
        for (Map<String, String> row : CASES) {
            if (has(row, "better")) {
                FeatureResult r = evaluate(row, ClassificationRule.MOST_FREQUENT);
                String what = row.get("case") + " " + row.get("feature");
                assertPublished(d(row, "better"), Integer.parseInt(row.get("better_dp")), r.better(), what + " Better");
                assertPublished(d(row, "worse"), Integer.parseInt(row.get("worse_dp")), r.worse(), what + " Worse");
                checked++;
            }
        }
        assertEquals(6 + 5 + 30, checked);
    }

    @Test
    void stp25StrengthsChiSquareAndFongToThePublishedDigits() {
        int checked = 0;
        for (Map<String, String> row : CASES) {
            if (has(row, "fong_rhs")) {
                FeatureResult r = evaluate(row, ClassificationRule.TOP_TWO_WITHIN_MARGIN);
                String what = row.get("feature");
                assertPublished(d(row, "total_strength_pct"), 0, 100 * r.totalStrength(), what + " total strength");
                assertPublished(d(row, "category_strength_pct"), 0, 100 * r.categoryStrength(),
                        what + " category strength");
                assertPublished(d(row, "chi_square"), 2, r.chiSquare(), what + " chi-square");
                assertEquals(d(row, "fong_lhs"), r.fong().difference(), 0, what + " Fong |a-b|");
                assertPublished(d(row, "fong_rhs"), 1, r.fong().critical(), what + " Fong critical");
                assertEquals(Boolean.parseBoolean(row.get("fong_significant")), r.fong().significant(), what);
                checked++;
            }
        }
        assertEquals(5, checked);
    }

    @Test
    void warwickBetterFollowsTheFormulaNotThePrintedSlip() {
        Map<String, String> row = CASES.stream().filter(r -> r.get("case").equals("warwick-wmg-cable-reel"))
                .findFirst().orElseThrow();
        FeatureResult r = evaluate(row, ClassificationRule.MOST_FREQUENT);
        // The page prints 0.82, which only results from dividing by all replies; the formula gives 0.8386.
        assertPublished(0.8386, 4, r.better(), "WMG Better");
        assertPublished(-0.36, 2, r.worse(), "WMG Worse");
        assertEquals(Category.ATTRACTIVE, r.category());
    }

    @Test
    void proofOfThePuddingPriorityAndCategoryOrders() {
        List<FeatureResult> results = new ArrayList<>();
        Map<String, Integer> priority = new LinkedHashMap<>();
        for (Map<String, String> row : CASES) {
            if (row.get("case").equals("proofofthepudding-moai-priority")) {
                FeatureResult r = evaluate(row, ClassificationRule.MOST_FREQUENT);
                results.add(r);
                priority.put(row.get("feature"), Integer.parseInt(row.get("priority")));
                assertEquals(row.get("category_order"), r.categorySequence().stream()
                        .map(c -> String.valueOf(c.letter())).collect(Collectors.joining()));
            }
        }
        KanoAnalysis analysis = new KanoAnalysis(results, 100, EvaluationTable.berger1993(),
                ClassificationRule.MOST_FREQUENT);
        List<String> expected = priority.entrySet().stream().sorted(Map.Entry.comparingByValue())
                .map(Map.Entry::getKey).toList();
        assertEquals(expected, analysis.prioritized(PriorityOrder.CATEGORY_SEQUENCE).stream()
                .map(FeatureResult::feature).toList());
        assertEquals(List.of("C", "A", "B"), expected);
    }
}
