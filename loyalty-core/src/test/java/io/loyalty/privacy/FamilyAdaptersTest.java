package io.loyalty.privacy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.loyalty.cohort.CohortMatrices;
import io.loyalty.cohort.CohortPeriod;
import io.loyalty.cohort.Cohorts;
import io.loyalty.experiment.SegmentedSummaries;
import io.loyalty.nps.NpsBreakdown;
import io.loyalty.nps.NpsCalculator;
import io.loyalty.privacy.SuppressedTable.Status;
import io.loyalty.rfm.RfmScorer;
import io.loyalty.rfm.RfmScores;
import java.time.ZoneOffset;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Suppression and DP read the families' results through their public accessors. */
class FamilyAdaptersTest {

    @Test
    void rfmSummaryIsSuppressedByWholeRowsAndReleasedWithNoise() {
        int n = 300;
        SplittableRandom r = new SplittableRandom(1);
        String[] ids = new String[n];
        double[] rec = new double[n];
        double[] ord = new double[n];
        double[] rev = new double[n];
        for (int i = 0; i < n; i++) {
            ids[i] = "c" + i;
            rec[i] = r.nextInt(365);
            ord[i] = 1 + r.nextInt(20);
            rev[i] = ord[i] * (5 + r.nextInt(100));
        }
        RfmScores scores = RfmScorer.withDefaults().score(ids, rec, ord, rev);
        SuppressedTable t = SmallCellSuppression.withDefaults().segmentSummary(scores.summary());
        for (int row = 0; row < t.rows().size(); row++) {
            boolean hidden = t.status(row, 0) != Status.PUBLISHED;
            for (int c = 1; c < 4; c++) {
                assertEquals(hidden, t.status(row, c) != Status.PUBLISHED, t.toString());
            }
        }
        DpTable dp = DpAggregates.rfmSegmentSummary(scores, 20, 2000, PrivacyCost.laplace(1e9),
                PrivacyBudget.of(1e10, 0).withNoiseSource(new SplittableRandom(2)));
        double total = 0;
        for (double v : dp.values("customers")) {
            total += v;
        }
        assertEquals(n, total);
        assertEquals(scores.summary().rows().get(0).revenue(), dp.get(0, 2).value(), 0.01);
    }

    @Test
    void npsBreakdownCohortMatricesAndExperimentSegmentsAreSuppressed() {
        String[] seg = new String[40];
        int[] answers = new int[40];
        for (int i = 0; i < 40; i++) {
            seg[i] = i < 3 ? "tiny" : i < 6 ? "small" : "big";
            answers[i] = i % 11;
        }
        NpsBreakdown b = NpsCalculator.withDefaults().bySegment(seg, answers);
        SuppressedTable t = SmallCellSuppression.withDefaults().nps(b);
        assertTrue(t.value(t.rows().indexOf("tiny"), 4).isEmpty());
        assertTrue(t.value(t.rows().indexOf("small"), 4).isEmpty());
        assertEquals(34, t.value(t.rows().indexOf("big"), 0).getAsDouble());

        long day = 86_400L;
        CohortMatrices m = Cohorts.of(CohortPeriod.MONTH, ZoneOffset.UTC).matrices(new String[] {"a", "b", "a"},
                new long[] {0, 40 * day, 40 * day}, new double[] {1, 2, 3});
        SuppressedTable c = SmallCellSuppression.withDefaults().withK(2).cohortCounts(m);
        assertEquals(Status.PRIMARY, c.status(0, 0));
        assertEquals(Status.ABSENT, c.status(1, 1));

        SegmentedSummaries s = SegmentedSummaries.of(new int[] {0, 0, 1, 1, 1}, new int[] {0, 1, 0, 1, 1},
                new double[] {1, 2, 3, 4, 5}, List.of("A", "B"), List.of("s0", "s1"));
        SuppressedTable e = SmallCellSuppression.withDefaults().withK(2).experimentSegments(s);
        // A's cells have one customer each, B's s0 one: primary. B's s1 (2 customers) would give s0 away through
        // B's published overall mean and size, so it is hidden too.
        assertEquals(Status.PRIMARY, e.status(0, 0));
        assertEquals(Status.PRIMARY, e.status(1, 0));
        assertEquals(Status.SECONDARY, e.status(1, 1));
        assertEquals(4, e.rowTotal(1).getAsDouble(), 1e-12);
    }

    @Test
    void kanoBySegmentSuppressesASmallCategoryAndItsComplement() {
        // Answer pairs of the six categories A, O, M, I, R, Q on the standard table. Segment s1 has 20 respondents
        // of each but Q, which has 3; s2 has 20 of each. s1's Q is primary, and s1's published total would give it
        // away: a complement in its row, its column and the opposite corner is hidden too.
        int[][] pairs = {{1, 3}, {1, 5}, {3, 5}, {3, 3}, {5, 1}, {1, 1}};
        List<int[]> answers = new java.util.ArrayList<>();
        List<String> segments = new java.util.ArrayList<>();
        for (String seg : List.of("s1", "s2")) {
            for (int c = 0; c < 6; c++) {
                for (int j = 0; j < (seg.equals("s1") && c == 5 ? 3 : 20); j++) {
                    answers.add(pairs[c]);
                    segments.add(seg);
                }
            }
        }
        int n = answers.size();
        int[] functional = answers.stream().mapToInt(p -> p[0]).toArray();
        int[] dysfunctional = answers.stream().mapToInt(p -> p[1]).toArray();
        String[] segment = segments.toArray(new String[0]);
        java.util.Map<String, io.loyalty.kano.KanoAnalysis> bySegment = io.loyalty.kano.Kano.withDefaults()
                .analyzeBySegment(io.loyalty.kano.KanoSurvey.of(io.loyalty.kano.FeatureAnswers.ofCodes("f",
                        functional, dysfunctional)).withSegments(segment));
        SuppressedTable t = SmallCellSuppression.withDefaults().kano(bySegment, "f");
        int primary = 0;
        int secondary = 0;
        for (int r = 0; r < 2; r++) {
            for (int c = 0; c < 6; c++) {
                primary += t.status(r, c) == Status.PRIMARY ? 1 : 0;
                secondary += t.status(r, c) == Status.SECONDARY ? 1 : 0;
            }
        }
        assertEquals(1, primary, t.toString());
        assertTrue(secondary >= 3, t.toString());
        boolean[] all = {true, true, true, true, true, true};
        SmallCellSuppressionTest.assertNothingRecoverable(t, true, all, true);
        assertEquals(n, t.grandTotal().getAsDouble());
        assertEquals(Status.PRIMARY, t.status(0, 5));
    }
}
