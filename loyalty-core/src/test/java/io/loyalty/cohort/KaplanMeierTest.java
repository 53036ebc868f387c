package io.loyalty.cohort;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.loyalty.stats.Interval;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Kaplan-Meier and log-rank against R's survival package on the aml data (tests/doaml.Rout.save of
 * therneau/survival; see src/test/resources/cohort/README.md): the printed digits, and 1e-10 against values
 * computed by hand from the formulas as exact fractions.
 */
class KaplanMeierTest {
    private static final double Z = 1.959963984540054;

    static List<String[]> csv(String name) throws IOException {
        List<String[]> rows = new ArrayList<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(
                KaplanMeierTest.class.getResourceAsStream("/cohort/" + name), StandardCharsets.UTF_8))) {
            r.readLine();
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                if (!line.isBlank()) {
                    rows.add(line.split(","));
                }
            }
        }
        return rows;
    }

    static final class Aml {
        final double[] times;
        final boolean[] events;
        final String[] groups;

        Aml() throws IOException {
            List<String[]> rows = csv("aml.csv");
            times = new double[rows.size()];
            events = new boolean[rows.size()];
            groups = new String[rows.size()];
            for (int i = 0; i < rows.size(); i++) {
                times[i] = Double.parseDouble(rows.get(i)[0]);
                events[i] = rows.get(i)[1].equals("1");
                groups[i] = rows.get(i)[2];
            }
        }
    }

    /** Half a unit of the last printed digit. */
    private static double printedTolerance(String printed) {
        int dot = printed.indexOf('.');
        int decimals = dot < 0 ? 0 : printed.length() - dot - 1;
        return 0.5 * Math.pow(10, -decimals) + 1e-12;
    }

    @Test
    void matchesSurvfitPrintedDigitsOnAml() throws IOException {
        Aml aml = new Aml();
        List<SurvivalCurve> curves = KaplanMeier.withDefaults().fitByGroup(aml.times, aml.events, aml.groups);
        assertEquals(List.of("Maintained", "Nonmaintained"), List.of(curves.get(0).label(), curves.get(1).label()));
        int checked = 0;
        for (String[] row : csv("aml_survfit_summary.csv")) {
            SurvivalCurve c = curves.get(row[0].equals("Maintained") ? 0 : 1);
            double t = Double.parseDouble(row[1]);
            int i = indexOf(c.times(), t);
            assertEquals(Long.parseLong(row[2]), c.atRisk()[i], "n.risk at " + t);
            assertEquals(Long.parseLong(row[3]), c.events()[i], "n.event at " + t);
            assertEquals(Double.parseDouble(row[4]), c.survival()[i], printedTolerance(row[4]), "survival at " + t);
            if (row[5].equals("NaN")) {
                assertTrue(Double.isNaN(c.standardError()[i]) && Double.isNaN(c.lower()[i])
                        && Double.isNaN(c.upper()[i]));
            } else {
                assertEquals(Double.parseDouble(row[5]), c.standardError()[i], printedTolerance(row[5]),
                        "std.err " + t);
                assertEquals(Double.parseDouble(row[6]), c.lower()[i], printedTolerance(row[6]), "lower " + t);
                assertEquals(Double.parseDouble(row[7]), c.upper()[i], printedTolerance(row[7]), "upper " + t);
            }
            checked++;
        }
        assertEquals(16, checked);
        // print(fit): Maintained median 31 (18, NA); Nonmaintained 23 (8, NA).
        assertEquals(Interval.of(31, 18, Double.POSITIVE_INFINITY, 0.95, "log"), curves.get(0).median());
        assertEquals(Interval.of(23, 8, Double.POSITIVE_INFINITY, 0.95, "log"), curves.get(1).median());
    }

    private static int indexOf(double[] times, double t) {
        for (int i = 0; i < times.length; i++) {
            if (times[i] == t) {
                return i;
            }
        }
        throw new AssertionError("no row at " + t);
    }

    @Test
    void matchesHandComputedFormulasToTenDigits() throws IOException {
        Aml aml = new Aml();
        List<SurvivalCurve> curves = KaplanMeier.withDefaults().fitByGroup(aml.times, aml.events, aml.groups);
        // Maintained: event times 9 13 18 23 31 34 48 with (n, d) = (11,1) (10,1) (8,1) (7,1) (5,1) (4,1) (2,1).
        double[] mTimes = {9, 13, 18, 23, 31, 34, 48};
        double[] mSurv = {10.0 / 11, 9.0 / 11, 63.0 / 88, 54.0 / 88, 216.0 / 440, 162.0 / 440, 81.0 / 440};
        double[] mVar = cumulative(1.0 / 110, 1.0 / 90, 1.0 / 56, 1.0 / 42, 1.0 / 20, 1.0 / 12, 1.0 / 2);
        checkExact(curves.get(0), mTimes, mSurv, mVar);
        // Nonmaintained: (12,2) (10,2) (8,1) (6,1) (5,1) (4,1) (3,1) (2,1) at 5 8 12 23 27 30 33 43.
        double[] nTimes = {5, 8, 12, 23, 27, 30, 33, 43};
        double[] nSurv = {10.0 / 12, 8.0 / 12, 7.0 / 12, 35.0 / 72, 28.0 / 72, 21.0 / 72, 14.0 / 72, 7.0 / 72};
        double[] nVar = cumulative(2.0 / 120, 2.0 / 80, 1.0 / 56, 1.0 / 30, 1.0 / 20, 1.0 / 12, 1.0 / 6, 1.0 / 2);
        checkExact(curves.get(1), nTimes, nSurv, nVar);
        SurvivalCurve n = curves.get(1);
        assertEquals(0.0, n.survivalAt(45));
        assertEquals(0, n.censored()[indexOf(n.times(), 45)]);
        assertEquals(1, curves.get(0).censored()[indexOf(curves.get(0).times(), 13)]);
    }

    private static double[] cumulative(double... terms) {
        double[] out = new double[terms.length];
        double s = 0;
        for (int i = 0; i < terms.length; i++) {
            s += terms[i];
            out[i] = s;
        }
        return out;
    }

    private static void checkExact(SurvivalCurve c, double[] times, double[] surv, double[] var) {
        for (int k = 0; k < times.length; k++) {
            int i = indexOf(c.times(), times[k]);
            double sd = Math.sqrt(var[k]);
            assertEquals(surv[k], c.survival()[i], 1e-10, "survival at " + times[k]);
            assertEquals(surv[k] * sd, c.standardError()[i], 1e-10, "std.err at " + times[k]);
            assertEquals(surv[k] * Math.exp(-Z * sd), c.lower()[i], 1e-10, "lower at " + times[k]);
            assertEquals(Math.min(1, surv[k] * Math.exp(Z * sd)), c.upper()[i], 1e-10, "upper at " + times[k]);
        }
    }

    @Test
    void logRankMatchesSurvdiffOnAml() throws IOException {
        Aml aml = new Aml();
        LogRankTest test = KaplanMeier.logRank(aml.times, aml.events, aml.groups);
        assertEquals(7, test.observed()[0]);
        assertEquals(11, test.observed()[1]);
        // Printed: Expected 10.69, 7.31; Chisq = 3.4, p = 0.0653.
        assertEquals(10.69, test.expected()[0], 0.005);
        assertEquals(7.31, test.expected()[1], 0.005);
        assertEquals(3.4, test.chiSquare(), 0.05);
        assertEquals(0.0653, test.pValue(), 0.00005);
        // By hand, exact fractions (README).
        assertEquals(28616575739.0 / 2677114440.0, test.expected()[0], 1e-10);
        assertEquals(3.396388698977602, test.chiSquare(), 1e-10);
        assertEquals(0.06533932204050492, test.pValue(), 1e-10);
        assertEquals(1, test.degreesOfFreedom());
    }

    @Test
    void logRankLeavesOutAGroupWithNoExpectedEventsAsSurvdiff() throws IOException {
        // survdiff drops groups with expected 0 (etmp > 0) from chi2 and df: a third group whose two subjects
        // are censored at 1 and 2, before aml's first event at 5, leaves the aml test unchanged.
        Aml aml = new Aml();
        int n = aml.times.length;
        double[] t = java.util.Arrays.copyOf(aml.times, n + 2);
        boolean[] e = java.util.Arrays.copyOf(aml.events, n + 2);
        String[] g = java.util.Arrays.copyOf(aml.groups, n + 2);
        t[n] = 1;
        t[n + 1] = 2;
        g[n] = "Early";
        g[n + 1] = "Early";
        LogRankTest test = KaplanMeier.logRank(t, e, g);
        assertEquals(List.of("Early", "Maintained", "Nonmaintained"), test.groups());
        assertEquals(0.0, test.expected()[0]);
        assertEquals(2, test.n()[0]);
        assertEquals(1, test.degreesOfFreedom());
        assertEquals(3.396388698977602, test.chiSquare(), 1e-10);
        assertEquals(0.06533932204050492, test.pValue(), 1e-10);
        // Only one group left at risk at the event times: no test.
        IllegalArgumentException ex = assertThrows(IllegalArgumentException.class, () -> KaplanMeier.logRank(
                new double[] {1, 5, 6}, new boolean[] {false, true, true}, new String[] {"a", "b", "b"}));
        assertTrue(ex.getMessage().contains("two groups"), ex.getMessage());
    }

    /**
     * R's printed output for ten times with ties, with and without censoring, {@code conf.type = "log-log"}:
     * {@code summary(fit)}, and {@code print(fit, rmean = "common")} for the restricted mean, its standard error
     * and the median with its interval (see src/test/resources/cohort/README.md).
     */
    @Test
    void matchesSurvfitLogLogRestrictedMeanAndMedianPrintedDigits() {
        double[] t = {1.5, 3.5, 4.5, 4.5, 5.5, 6.5, 8.5, 8.5, 8.5, 11.5};
        boolean[] e = {true, false, true, false, true, false, true, false, true, true};
        KaplanMeier km = KaplanMeier.withDefaults().withConfidenceType(KaplanMeier.ConfidenceType.LOG_LOG);
        SurvivalCurve c = km.fit(t, e);
        String[][] summary = {
            {"1.5", "10", "1", "0.900", "0.0949", "0.4730", "0.985"},
            {"4.5", "8", "1", "0.787", "0.1340", "0.3809", "0.943"},
            {"5.5", "6", "1", "0.656", "0.1638", "0.2604", "0.876"},
            {"8.5", "4", "2", "0.328", "0.1834", "0.0509", "0.659"}};
        for (String[] row : summary) {
            int i = indexOf(c.times(), Double.parseDouble(row[0]));
            assertEquals(Long.parseLong(row[1]), c.atRisk()[i]);
            assertEquals(Long.parseLong(row[2]), c.events()[i]);
            for (int k = 3; k < 7; k++) {
                double[] col = k == 3 ? c.survival() : k == 4 ? c.standardError() : k == 5 ? c.lower() : c.upper();
                assertEquals(Double.parseDouble(row[k]), col[i], printedTolerance(row[k]), "column " + k + " at "
                        + row[0]);
            }
        }
        int last = indexOf(c.times(), 11.5);
        assertEquals(0.0, c.survival()[last]);
        assertTrue(Double.isNaN(c.standardError()[last]) && Double.isNaN(c.lower()[last])
                && Double.isNaN(c.upper()[last]));
        // rmean* 7.94, se(rmean) 1.12, median 8.5 (1.5, NA), upper limit 11.5.
        RestrictedMean rm = c.restrictedMean();
        assertEquals(11.5, rm.horizon());
        assertEquals(7.94, rm.estimate(), printedTolerance("7.94"));
        assertEquals(1.12, rm.standardError(), printedTolerance("1.12"));
        assertEquals(Interval.of(8.5, 1.5, Double.POSITIVE_INFINITY, 0.95, "log-log"), c.median());
        // All ten as events: rmean* 6.3, se(rmean) 0.892, median 6 (1.5, 8.5): S = 0.5 exactly on [5.5, 6.5).
        boolean[] all = new boolean[t.length];
        java.util.Arrays.fill(all, true);
        SurvivalCurve c2 = km.fit(t, all);
        assertEquals(6.3, c2.restrictedMean().estimate(), 1e-12);
        assertEquals(0.892, c2.restrictedMean().standardError(), printedTolerance("0.892"));
        assertEquals(Interval.of(6, 1.5, 8.5, 0.95, "log-log"), c2.median());
    }

    @Test
    void restrictedMeanOfAmlMatchesTheFormulaByHand() throws IOException {
        // Maintained to its last time 161 (R's rmean = "individual" and "common" for aml): rectangles
        // 9, 4 (10/11), 5 (9/11), 5 (63/88), 8 (54/88), 3 (216/440), 14 (162/440), 113 (81/440).
        Aml aml = new Aml();
        SurvivalCurve m = KaplanMeier.withDefaults().fitByGroup(aml.times, aml.events, aml.groups).get(0);
        double area = 9 + 4 * 10.0 / 11 + 5 * 9.0 / 11 + 5 * 63.0 / 88 + 8 * 54.0 / 88 + 3 * 216.0 / 440
                + 14 * 162.0 / 440 + 113 * 81.0 / 440;
        assertEquals(area, m.restrictedMean().estimate(), 1e-10);
        assertEquals(161, m.restrictedMean().horizon());
    }

    @Test
    void restrictedMeanIsTheAreaUnderTheSteps() {
        // Times 1, 2+, 3 with events at 1 and 3: S = 1 on [0,1), 2/3 on [1,3), 0 after.
        SurvivalCurve c = KaplanMeier.withDefaults().fit(new double[] {1, 2, 3}, new boolean[] {true, false, true});
        RestrictedMean rm = c.restrictedMean(3);
        assertEquals(1 + 2.0 / 3 * 2, rm.estimate(), 1e-12);
        // A(1) = 4/3, d/(n(n-d)) = 1/(3*2): var = (16/9)/6; the event at 3 has n = d.
        assertEquals(Math.sqrt(16.0 / 9 / 6), rm.standardError(), 1e-12);
        assertEquals(1 + 2.0 / 3, c.restrictedMean(2).estimate(), 1e-12);
    }

    @Test
    void medianIsTheMidpointOnAnExactHalfPlateau() {
        SurvivalCurve c = KaplanMeier.withDefaults().fit(new double[] {1, 2, 3, 4}, new boolean[] {true, true, true,
            true});
        assertEquals(2.5, c.median().estimate(), 1e-12);
    }

    @Test
    void rejectsNegativeAndNonFiniteTimes() {
        KaplanMeier km = KaplanMeier.withDefaults();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> km.fit(new double[] {1, -2}, new boolean[] {true, true}));
        assertTrue(e.getMessage().contains("times[1]") && e.getMessage().contains("-2"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> km.fit(new double[] {Double.NaN}, new boolean[] {true}));
        assertThrows(IllegalArgumentException.class, () -> km.fit(new double[] {1}, new boolean[] {true, false}));
        assertThrows(IllegalArgumentException.class, () -> km.fit(new double[0], new boolean[0]));
        assertThrows(IllegalArgumentException.class, () -> KaplanMeier.logRank(new double[] {1, 2},
                new boolean[] {true, true}, new String[] {"a", "a"}));
        assertThrows(IllegalArgumentException.class, () -> km.withConfidence(1.0));
    }
}
