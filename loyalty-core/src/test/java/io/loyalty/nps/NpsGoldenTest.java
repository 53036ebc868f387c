package io.loyalty.nps;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.loyalty.internal.Normal;
import io.loyalty.stats.Interval;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Published cases (resources/nps/published_cases.json) and the NPS package's test data set. */
class NpsGoldenTest {

    /** The columns of NPS_testdata.csv this test needs. */
    record TestData(int[] rec, String[] bu, String[] region, LocalDate[] date) {
    }

    static TestData testData() {
        List<String[]> rows = new ArrayList<>();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(
                NpsGoldenTest.class.getResourceAsStream("/nps/NPS_testdata.csv"), StandardCharsets.UTF_8))) {
            in.readLine();
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                rows.add(line.replace("\"", "").split(","));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        int n = rows.size();
        TestData d = new TestData(new int[n], new String[n], new String[n], new LocalDate[n]);
        for (int i = 0; i < n; i++) {
            String[] f = rows.get(i);
            d.rec()[i] = Integer.parseInt(f[0]);
            d.bu()[i] = f[5];
            d.date()[i] = LocalDate.parse(f[7]);
            d.region()[i] = f[9];
        }
        return d;
    }

    // ---- published_cases.json -------------------------------------------------------------------------------

    @Test
    void whuber2011CrossValidated() {
        Nps x = Nps.ofCounts(54, 108, 162);
        assertEquals(1.0 / 3, x.score(), 1e-12);
        assertEquals(5.0 / 9, x.variance(), 1e-12);
        assertEquals(0.75, x.standardDeviation(), 0.005);
        assertEquals(0.041, x.standardError(), 0.0005);
    }

    @Test
    void rocksNpsPackageUnitTests() {
        assertEquals(1.0 / 3, Nps.ofCounts(1, 2, 3).score(), 1e-12);
        assertEquals(-1, Nps.ofCounts(1, 0, 0).score(), 0);
        assertEquals(1, Nps.ofCounts(0, 0, 1).score(), 0);
        assertEquals(0, Nps.ofCounts(0, 1, 0).score(), 0);
        assertEquals(1.0 / 3, Nps.ofAnswers(0, 7, 7, 9, 9, 9).score(), 1e-12);
        assertEquals(0.5555555555555556, Nps.ofCounts(1, 2, 3).variance(), 1e-12);
        assertEquals(1, Nps.ofCounts(1, 0, 1).variance(), 1e-12);
        assertEquals(0.25, Nps.ofCounts(0, 1, 1).variance(), 1e-12);
        assertEquals(0.6666666666666666, Nps.ofCounts(1, 1, 1).variance(), 1e-12);
        assertEquals(0, Nps.ofCounts(1, 0, 0).variance(), 0);
        assertEquals(0.304, Nps.ofCounts(1, 2, 3).standardError(), 0.0005);
        assertEquals(0.707, Nps.ofCounts(1, 0, 1).standardError(), 0.0005);
        assertEquals(0.354, Nps.ofCounts(0, 1, 1).standardError(), 0.0005);
        assertEquals(0.471, Nps.ofCounts(1, 1, 1).standardError(), 0.0005);
        // nps(1:15, breaks = c(0, 6, 8, 15)): detractors 1-6, passives 7-8, promoters 9-15.
        int[] scores = new int[15];
        for (int i = 0; i < 15; i++) {
            scores[i] = i + 1;
        }
        Nps wide = NpsScale.of(0, 6, 8, 15).tally(scores);
        assertEquals(0.06666666666666667, wide.score(), 1e-12);
        assertEquals(0.8622, wide.variance(), 5e-5);
    }

    @Test
    void cybaea2016RuleOfThumb() {
        Nps x = Nps.ofCounts(100, 100, 100);
        double fullWidthPoints = 200 * x.marginOfError(0.95);
        assertEquals(320, fullWidthPoints * Math.sqrt(x.n()), 0.5);
        assertEquals(1024, Nps.sampleSize(1.0 / 3, 1.0 / 3, 0.05, 0.95), 1);
        assertEquals(102_400, Nps.sampleSize(1.0 / 3, 1.0 / 3, 0.005, 0.95), 100);
    }

    @Test
    void talkstats58500() {
        Nps x = Nps.ofCounts(395, 476, 291);
        assertEquals(-0.09, x.score(), 0.005);
        assertEquals(4.4, 100 * x.marginOfError(0.95), 0.05);
        Interval w = x.interval(IntervalMethod.WALD, 0.95);
        assertEquals(-0.133, w.lower(), 0.0005);
        assertEquals(-0.046, w.upper(), 0.0005);
    }

    @Test
    void jdmaturen2014Gist() {
        Nps x = Nps.ofCounts(75, 675, 250);
        assertEquals(0.175, x.score(), 1e-12);
        // The gist's Monte Carlo interval (0.143, 0.205) ignores the covariance of p and d; every trinomial method
        // gives about 0.141..0.209 (published_cases.json, published_not_reproduced).
        for (IntervalMethod m : IntervalMethod.values()) {
            Interval ci = x.interval(m, 0.95);
            assertEquals(0.141, ci.lower(), 0.001, m.name());
            assertEquals(0.209, ci.upper(), 0.001, m.name());
        }
        Interval wald = x.interval(IntervalMethod.WALD, 0.95);
        assertEquals(0.1414, wald.lower(), 5e-5);
        assertEquals(0.2086, wald.upper(), 5e-5);
    }

    // ---- NPS_testdata.csv (R package NPS) -----------------------------------------------------------------

    @Test
    void testDataOverall() {
        TestData d = testData();
        Nps all = Nps.ofAnswers(d.rec());
        assertEquals(362, all.detractors());
        assertEquals(176, all.passives());
        assertEquals(462, all.promoters());
        assertEquals(0.100, all.score(), 1e-12);
        assertEquals(0.814, all.variance(), 1e-12);
        assertEquals(0.02853, all.standardError(), 5e-6);
    }

    @Test
    void testDataByBusinessUnitRegionAndQuarter() {
        TestData d = testData();
        NpsCalculator calc = NpsCalculator.withDefaults();
        NpsBreakdown bu = calc.bySegment("BU", d.bu(), d.rec());
        assertEquals(0.148, bu.row("Apples").nps().score(), 5e-5);
        assertEquals(0.076, bu.row("Oranges").nps().score(), 5e-5);
        assertEquals(0.096, bu.row("Bananas").nps().score(), 5e-5);
        assertEquals(0.080, bu.row("Berries").nps().score(), 5e-5);
        NpsBreakdown region = calc.bySegment("Region", d.region(), d.rec());
        assertEquals(0.1105, region.row("NAM").nps().score(), 5e-5);
        assertEquals(0.0425, region.row("EMEA").nps().score(), 5e-5);
        assertEquals(0.2302, region.row("APAC").nps().score(), 5e-5);
        assertEquals(0.0105, region.row("LATAM").nps().score(), 5e-5);
        NpsBreakdown quarter = calc.byPeriod(d.date(), d.rec(), NpsPeriod.QUARTER);
        assertEquals(List.of("2012-Q1", "2012-Q2", "2012-Q3", "2012-Q4"),
                quarter.rows().stream().map(NpsBreakdown.Row::label).toList());
        double[] published = {0.136, 0.0843, 0.1235, 0.056};
        for (int q = 0; q < 4; q++) {
            assertEquals(published[q], quarter.rows().get(q).nps().score(), 5e-5);
        }
        assertEquals(0.100, quarter.overall().score(), 1e-12);
    }

    /** Score intervals against a port of the NPS package's own bisection (R/nps_interval_estimators.R). */
    @Test
    void scoreIntervalsMatchTheNpsPackageBisection() {
        double[][] cases = {
            // detractors, passives, promoters, lower, upper (95%)
            {362, 176, 462, 0.04382, 0.15549},
            {83, 47, 120, 0.03646, 0.25559},
            {42, 23, 74, 0.07914, 0.37017},
            {37, 20, 38, -0.16589, 0.18623},
            {91, 38, 122, 0.00956, 0.23406},
            {75, 675, 250, 0.141398, 0.208781},
            {395, 476, 291, -0.133165, -0.045453},
            {1, 2, 3, -0.311074, 0.753957},
            {0, 0, 1, -0.586902, 1},
            {1, 1, 0, -0.905469, 0.486430},
            // checked by a grid over delta in steps of 1e-5
            {1, 0, 1, -0.81093, 0.81093},
            {0, 0, 3, -0.12299, 1},
            {5, 4, 1, -0.72014, 0.08729},
        };
        for (double[] c : cases) {
            Interval ci = Nps.ofCounts((long) c[0], (long) c[1], (long) c[2]).interval(IntervalMethod.SCORE, 0.95);
            String at = java.util.Arrays.toString(c);
            assertEquals(c[3], ci.lower(), 1e-4, at);
            assertEquals(c[4], ci.upper(), 1e-4, at);
        }
    }

    @Test
    void adjustedWaldAndWaldOnTestData() {
        Nps all = Nps.ofAnswers(testData().rec());
        Interval w = all.interval(IntervalMethod.WALD, 0.95);
        assertEquals(0.04408, w.lower(), 5e-6);
        assertEquals(0.15592, w.upper(), 5e-6);
        Interval aw = all.interval(IntervalMethod.ADJUSTED_WALD, 0.95);
        assertEquals((462 + 0.75 - 362 - 0.75) / 1003.0, aw.estimate(), 1e-15);
        assertEquals(0.0439, aw.lower(), 5e-5);
        assertEquals(0.15551, aw.upper(), 5e-6);
    }

    @Test
    void differenceTestKeepsSignAndTinyPValues() {
        TestData d = testData();
        NpsBreakdown region = NpsCalculator.withDefaults().bySegment(d.region(), d.rec());
        NpsDifference diff = region.row("APAC").nps().minus(region.row("LATAM").nps(), 0.95);
        assertEquals(0.2302 - 0.0105, diff.difference(), 1e-4);
        double se = Math.sqrt(0.78153 * 0.78153 / 139 * 0 + Nps.ofCounts(42, 23, 74).variance() / 139
                + Nps.ofCounts(37, 20, 38).variance() / 95);
        assertEquals(se, diff.standardError(), 1e-12);
        assertEquals(diff.difference() / se, diff.z(), 1e-12);
        // 2 * Phi(-|z|) from the z above, R: 2 * pnorm(-abs(z)).
        assertEquals(2 * new org.apache.commons.math3.distribution.NormalDistribution(
                (org.apache.commons.math3.random.RandomGenerator) null, 0, 1).cumulativeProbability(-Math.abs(diff.z())),
                diff.pValue(), 1e-12);
        NpsDifference reverse = region.row("LATAM").nps().minus(region.row("APAC").nps(), 0.95);
        assertEquals(-diff.difference(), reverse.difference(), 0);
        assertEquals(diff.pValue(), reverse.pValue(), 0);
        // Far tail: 2 * Phi(-12) = 3.552e-33, no floor at 1e-15.
        NpsDifference far = Nps.ofCounts(0, 0, 100_000).minus(Nps.ofCounts(50_000, 0, 50_000), 0.95);
        assertTrue(far.pValue() < 1e-100 && far.significant());
        NpsDifference z12 = NpsDifference.of(Nps.ofCounts(1, 0, 1), Nps.ofCounts(1, 0, 1), 0.95);
        assertEquals(1, z12.pValue(), 0);
        assertFalse(z12.significant());
        assertEquals(3.552964224155306e-33, Normal.twoSidedP(12), 1e-45);
    }

    /** Segment against the overall: the overlap-aware test agrees with the test against the rest. */
    @Test
    void breakdownComparesEachRowWithTheOverall() {
        TestData d = testData();
        NpsBreakdown region = NpsCalculator.withDefaults().bySegment("Region", d.region(), d.rec());
        for (NpsBreakdown.Row r : region.rows()) {
            NpsDifference all = r.vsOverall();
            assertEquals(r.nps().score() - 0.100, all.difference(), 1e-12, r.label());
            double share = 1 - (double) r.nps().n() / 1000;
            assertEquals(share * r.vsRest().difference(), all.difference(), 1e-12, r.label());
            assertEquals(share * r.vsRest().standardError(), all.standardError(), 1e-12, r.label());
            assertEquals(all.difference() / all.standardError(), all.z(), 1e-9, r.label());
            assertEquals(r.vsRest().pValue(), all.pValue(), 0, r.label());
            assertEquals(r.differsFromRest(), r.differsFromOverall(), r.label());
            assertTrue(all.lower() < all.difference() && all.difference() < all.upper(), r.label());
            assertEquals(region.overall(), all.second());
        }
        assertEquals(0.2302 - 0.100, region.row("APAC").vsOverall().difference(), 5e-5);
        // A segment far from the overall is flagged; the same answers with a tiny segment count are not.
        String[] seg = new String[60];
        int[] ans = new int[60];
        for (int i = 0; i < 60; i++) {
            seg[i] = i < 20 ? "low" : "high";
            ans[i] = i < 20 ? 2 : i % 2 == 0 ? 10 : 8;
        }
        NpsBreakdown.Row low = NpsCalculator.withDefaults().bySegment(seg, ans).row("low");
        assertEquals(-1.0, low.vsOverall().difference(), 1e-12); // overall (20 - 20) / 60 = 0
        assertTrue(low.differsFromOverall() && low.vsOverall().pValue() < 1e-6);
        // One segment only: nothing to compare with.
        NpsBreakdown one = NpsCalculator.withDefaults().bySegment(new String[] {"a", "a"}, new int[] {9, 3});
        assertEquals(null, one.rows().get(0).vsOverall());
        assertFalse(one.rows().get(0).differsFromOverall());
    }

    /** R: nps_test(x) one sample, p.value = 2 * (1 - pnorm(|nps| / se)); nps_test(x, y) two sample, |delta|. */
    @Test
    void oneAndTwoSampleTestsAsTheNpsPackage() {
        org.apache.commons.math3.distribution.NormalDistribution phi =
                new org.apache.commons.math3.distribution.NormalDistribution(
                        (org.apache.commons.math3.random.RandomGenerator) null, 0, 1);
        Nps all = Nps.ofAnswers(testData().rec());
        double z = 0.100 / Math.sqrt(0.814 / 1000);
        assertEquals(1 - (phi.cumulativeProbability(z) * 2 - 1), all.pValue(0), 1e-12);
        assertTrue(all.pValue(0) < 0.001);
        assertEquals(1, all.pValue(0.1), 1e-12);
        assertEquals(all.pValue(0.05), Nps.ofCounts(462, 176, 362).pValue(-0.05), 1e-15);
        assertEquals(1, Nps.ofCounts(0, 0, 5).pValue(1), 0);
        assertEquals(0, Nps.ofCounts(0, 0, 5).pValue(0.5), 0);
        // Two sample: R reports delta = |x - y| and the interval around it; here the sign is kept.
        Nps x = Nps.ofCounts(37, 20, 38);
        Nps y = Nps.ofCounts(42, 23, 74);
        NpsDifference diff = x.minus(y, 0.95);
        double seHat = Math.sqrt(x.variance() / 95 + y.variance() / 139);
        double delta = Math.abs(x.score() - y.score());
        assertEquals(delta, Math.abs(diff.difference()), 1e-15);
        assertEquals(seHat, diff.standardError(), 1e-15);
        assertEquals(1 - (phi.cumulativeProbability(delta / seHat) * 2 - 1), diff.pValue(), 1e-12);
        assertEquals(delta - 1.959963984540054 * seHat, -diff.upper(), 1e-12);
        assertEquals(delta + 1.959963984540054 * seHat, -diff.lower(), 1e-12);
    }
}
