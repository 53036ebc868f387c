package io.loyalty.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.loyalty.stats.Interval;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Every case of {@code experiment/published_cases.json} (R 4.2.2, rpact 3.3.4, papers) to its tolerance. */
class PublishedCasesTest {
    @SuppressWarnings("unchecked")
    private static final Map<String, Map<String, Object>> CASES = cases();

    @SuppressWarnings("unchecked")
    private static Map<String, Map<String, Object>> cases() {
        Map<String, Object> root = (Map<String, Object>) Json.resource("/experiment/published_cases.json");
        Map<String, Map<String, Object>> out = new java.util.LinkedHashMap<>();
        for (Object c : (List<Object>) root.get("cases")) {
            Map<String, Object> m = (Map<String, Object>) c;
            out.put((String) m.get("id"), m);
        }
        return out;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> values(String id) {
        return (Map<String, Object>) CASES.get(id).get("values");
    }

    private static double tol(String id) {
        return (Double) CASES.get(id).get("rel_tol");
    }

    private static double num(String id, String key) {
        return (Double) values(id).get(key);
    }

    @SuppressWarnings("unchecked")
    private static double[] arr(String id, String key) {
        List<Object> l = (List<Object>) values(id).get(key);
        double[] out = new double[l.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = (Double) l.get(i);
        }
        return out;
    }

    private static void close(String id, String key, double expected, double actual) {
        double t = tol(id);
        assertTrue(Math.abs(actual - expected) <= t * Math.abs(expected) + 1e-300,
                () -> String.format("%s.%s: expected %.15g, got %.15g (rel err %.2e, tol %.0e)", id, key, expected,
                        actual, Math.abs(actual - expected) / Math.abs(expected), t));
    }

    private static void check(String id, String key, double actual) {
        close(id, key, num(id, key), actual);
    }

    @Test
    void everyCaseIsCovered() {
        assertEquals(29, CASES.size());
    }

    @Test
    void powerPropTest() {
        check("power_prop_n", "n", Power.proportionsSampleSize(0.5, 0.75, 0.05, 0.9, Alternative.TWO_SIDED, 1));
        check("power_prop_power", "power", Power.proportionsPower(50, 0.5, 0.75, 0.05, Alternative.TWO_SIDED, 1));
        check("power_prop_p2", "p2", Power.proportionsDetectable(50, 0.5, 0.05, 0.9, Alternative.TWO_SIDED, 1));
    }

    @Test
    void powerTTest() {
        check("power_t_power", "power", Power.meansPower(20, 1, 1, 0.05, Alternative.TWO_SIDED, 1));
        check("power_t_n", "n", Power.meansSampleSize(1, 1, 0.05, 0.9, Alternative.TWO_SIDED, 1));
        check("power_t_n_one_sided", "n", Power.meansSampleSize(1, 1, 0.05, 0.9, Alternative.GREATER, 1));
    }

    @Test
    void welchAndStudentOnSleep() {
        double[] x = arr("welch_sleep", "x");
        double[] y = arr("welch_sleep", "y");
        TTest.Result w = TTest.withDefaults().test(x, y);
        check("welch_sleep", "t", w.statistic());
        check("welch_sleep", "df", w.df());
        check("welch_sleep", "p", w.pValue());
        check("welch_sleep", "ci_low", w.difference().lower());
        check("welch_sleep", "ci_high", w.difference().upper());
        TTest.Result s = TTest.withDefaults().withEqualVariances(true).test(x, y);
        check("student_sleep", "t", s.statistic());
        check("student_sleep", "df", s.df());
        check("student_sleep", "p", s.pValue());
        check("student_sleep", "ci_low", s.difference().lower());
        check("student_sleep", "ci_high", s.difference().upper());
    }

    @Test
    void wilcoxon() {
        double[] x = arr("wilcox_exact_greater", "x");
        double[] y = arr("wilcox_exact_greater", "y");
        RankSumTest exact = RankSum.exact(x, y, Alternative.GREATER);
        check("wilcox_exact_greater", "W", exact.w());
        check("wilcox_exact_greater", "p", exact.pValue());
        RankSumTest normal = RankSum.normal(x, y, Alternative.GREATER, true);
        check("wilcox_normal_greater", "W", normal.w());
        check("wilcox_normal_greater", "p", normal.pValue());
        RankSumTest ties = RankSum.normal(arr("wilcox_ties_two_sided", "x"), arr("wilcox_ties_two_sided", "y"),
                Alternative.TWO_SIDED, true);
        check("wilcox_ties_two_sided", "W", ties.w());
        check("wilcox_ties_two_sided", "p", ties.pValue());
    }

    @Test
    void propTest() {
        ChiSquareTest.Result k = ChiSquareTest.withDefaults()
                .equalProportions(new long[] {83, 90, 129, 70}, new long[] {86, 93, 136, 82});
        check("prop_k_groups", "chi2", k.statistic());
        check("prop_k_groups", "df", k.df());
        check("prop_k_groups", "p", k.pValue());
        for (boolean correct : new boolean[] {false, true}) {
            String id = correct ? "prop_2_groups_correct_TRUE" : "prop_2_groups_correct_FALSE";
            ChiSquareTest.Result t = ChiSquareTest.withDefaults().withContinuityCorrection(correct)
                    .equalProportions(new long[] {56, 48}, new long[] {70, 80});
            check(id, "chi2", t.statistic());
            check(id, "p", t.pValue());
            Interval ci = Proportions.wald(56, 70, 48, 80, 0.95, correct);
            check(id, "ci_low", ci.lower());
            check(id, "ci_high", ci.upper());
        }
        close("prop_2_groups_correct_FALSE", "p", num("prop_2_groups_correct_FALSE", "p"),
                Proportions.zTest(56, 70, 48, 80, Alternative.TWO_SIDED));
        for (boolean correct : new boolean[] {false, true}) {
            String id = correct ? "prop_2_groups_correct_TRUE" : "prop_2_groups_correct_FALSE";
            PropTest.Result t = PropTest.withDefaults().withContinuityCorrection(correct).test(56, 70, 48, 80);
            check(id, "chi2", t.statistic());
            check(id, "p", t.pValue());
            check(id, "ci_low", t.difference().lower());
            check(id, "ci_high", t.difference().upper());
            // One-sided in the direction of the effect: half the two-sided p-value, as R.
            close(id, "p/2", num(id, "p") / 2,
                    PropTest.withDefaults().with(Alternative.GREATER).withContinuityCorrection(correct)
                            .test(56, 70, 48, 80).pValue());
        }
    }

    @Test
    void wilsonAndNewcombe() {
        Interval w = Proportions.wilson(15, 148, 0.95);
        check("wilson_15_148", "ci_low", w.lower());
        check("wilson_15_148", "ci_high", w.upper());
        Interval n = Proportions.newcombe(56, 70, 48, 80, 0.95);
        check("newcombe_56_70_48_80", "diff", n.estimate());
        check("newcombe_56_70_48_80", "ci_low", n.lower());
        check("newcombe_56_70_48_80", "ci_high", n.upper());
    }

    @Test
    void fisher() {
        check("fisher_tea_greater", "p", FisherExact.pValue(3, 1, 1, 3, Alternative.GREATER));
        check("fisher_tea_two_sided", "p", FisherExact.pValue(3, 1, 1, 3, Alternative.TWO_SIDED));
        check("fisher_convictions_less", "p", FisherExact.pValue(2, 15, 10, 3, Alternative.LESS));
    }

    @Test
    void goodnessOfFit() {
        ChiSquareTest.Result t = ChiSquareTest.withDefaults()
                .goodnessOfFit(new long[] {89, 37, 30, 28, 2}, new double[] {0.40, 0.20, 0.20, 0.19, 0.01});
        check("chisq_goodness_of_fit", "chi2", t.statistic());
        check("chisq_goodness_of_fit", "df", t.df());
        check("chisq_goodness_of_fit", "p", t.pValue());
    }

    @Test
    void pAdjust() {
        double[] p = arr("p_adjust_bh1995", "p");
        String[] names = {"bonferroni", "holm", "hochberg", "hommel", "BH", "BY"};
        Adjustment[] methods = Adjustment.values();
        for (int m = 0; m < names.length; m++) {
            double[] expected = arr("p_adjust_bh1995", names[m]);
            double[] actual = methods[m].adjust(p);
            for (int i = 0; i < p.length; i++) {
                close("p_adjust_bh1995", names[m] + "[" + i + "]", expected[i], actual[i]);
            }
        }
    }

    @Test
    void groupSequential() {
        Object[][] designs = {
            {"gs_asOF_k5", GroupSequential.Type.OBRIEN_FLEMING_SPENDING},
            {"gs_asP_k5", GroupSequential.Type.POCOCK_SPENDING},
            {"gs_OF_k5", GroupSequential.Type.OBRIEN_FLEMING},
            {"gs_P_k5", GroupSequential.Type.POCOCK},
        };
        for (Object[] d : designs) {
            String id = (String) d[0];
            double[] c = GroupSequential.design((GroupSequential.Type) d[1], 0.025, 5).criticalValues();
            double[] expected = arr(id, "critical_z");
            for (int k = 0; k < 5; k++) {
                close(id, "critical_z[" + k + "]", expected[k], c[k]);
            }
        }
        double[] c = GroupSequential.design(GroupSequential.Type.OBRIEN_FLEMING_SPENDING, 0.025,
                new double[] {0.3, 0.6, 1}).criticalValues();
        double[] expected = arr("gs_asOF_unequal", "critical_z");
        for (int k = 0; k < 3; k++) {
            close("gs_asOF_unequal", "critical_z[" + k + "]", expected[k], c[k]);
        }
    }

    @Test
    void bayes() {
        check("bayes_prob_b_beats_a", "p", BetaBinomial.probabilityGreater(101, 901, 121, 881));
        check("bayes_prob_b_beats_a", "p", BetaBinomial.integrated(101, 901, 121, 881));
        check("bayes_prob_b_beats_a_small", "p", BetaBinomial.probabilityGreater(4, 8, 8, 6));
        check("bayes_prob_b_beats_a_small", "p", BetaBinomial.integrated(4, 8, 8, 6));
        check("bayes_prob_b_beats_a", "p",
                BetaBinomial.withDefaults().readout(120, 1000, 100, 1000, 0.95).probabilityBBeatsA());
    }

    @Test
    void msprt() {
        Msprt m = Msprt.of(1e-4, 0);
        double lambda = m.lambda(1000, 0.10, 0.13, 0.115 * 0.885);
        check("msprt_lambda", "lambda", lambda);
        check("msprt_lambda", "always_valid_p", m.look(1000, 0.10, 0.13, 0.115 * 0.885).pValue());
    }
}
