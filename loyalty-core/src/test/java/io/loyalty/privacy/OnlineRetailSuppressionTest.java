package io.loyalty.privacy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.loyalty.cohort.CohortMatrices;
import io.loyalty.cohort.CohortPeriod;
import io.loyalty.cohort.Cohorts;
import io.loyalty.experiment.SegmentedSummaries;
import io.loyalty.kano.FeatureAnswers;
import io.loyalty.kano.Kano;
import io.loyalty.kano.KanoAnalysis;
import io.loyalty.kano.KanoSurvey;
import io.loyalty.nps.Ces;
import io.loyalty.nps.Csat;
import io.loyalty.nps.NpsCalculator;
import io.loyalty.privacy.SuppressedTable.Status;
import io.loyalty.rfm.RfmScorer;
import io.loyalty.rfm.RfmScores;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every published table of issue 21's list, suppressed on the Online Retail customers (4,339, by country: a few
 * large countries, many with a handful of customers): every cell from fewer than k customers is hidden and no hidden
 * value can be recovered from the published margins (checked by the exact solver of
 * {@link SmallCellSuppressionTest}). RFM and cohort tables are the data's own; Online Retail has no survey or
 * experiment, so NPS, CSAT, CES, Kano answers and experiment arms are drawn (seeded) for its real customers and
 * countries: the tables keep the data's shape, many small countries beside one large one.
 */
class OnlineRetailSuppressionTest {
    private static final int K = 10;
    private static String[] ids;
    private static String[] country;
    private static double[] recency;
    private static double[] orders;
    private static double[] revenue;
    private static long[] activeMonths;

    @BeforeAll
    static void read() throws IOException {
        List<String[]> rows = new ArrayList<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(OnlineRetailSuppressionTest.class
                .getResourceAsStream("/privacy/online_retail_customers.csv"), StandardCharsets.UTF_8))) {
            r.readLine();
            String line;
            while ((line = r.readLine()) != null) {
                rows.add(line.split(",", -1));
            }
        }
        int n = rows.size();
        ids = new String[n];
        country = new String[n];
        recency = new double[n];
        orders = new double[n];
        revenue = new double[n];
        activeMonths = new long[n];
        for (int i = 0; i < n; i++) {
            String[] f = rows.get(i);
            ids[i] = f[0];
            country[i] = f[1];
            recency[i] = Double.parseDouble(f[2]);
            orders[i] = Double.parseDouble(f[3]);
            revenue[i] = Double.parseDouble(f[4]);
            activeMonths[i] = Long.parseLong(f[5]);
        }
        assertEquals(4339, n);
    }

    private static boolean[] all(int n, boolean v) {
        boolean[] a = new boolean[n];
        Arrays.fill(a, v);
        return a;
    }

    /** Every cell (and margin) below k is hidden; returns the number of secondary suppressions. */
    private static int assertSmallCellsHidden(SuppressedTable t, long[][] customers, int k) {
        int secondary = 0;
        for (int r = 0; r < t.rows().size(); r++) {
            for (int c = 0; c < t.columns().size(); c++) {
                Status s = t.status(r, c);
                if (s != Status.ABSENT && customers[r][c] < k) {
                    assertTrue(t.value(r, c).isEmpty(), t.rows().get(r) + " / " + t.columns().get(c));
                }
                secondary += s == Status.SECONDARY ? 1 : 0;
            }
        }
        return secondary;
    }

    @Test
    void rfmSegmentSummary() {
        double[] clipped = revenue.clone();
        for (int i = 0; i < clipped.length; i++) {
            // A handful of customers net below zero on lines that are not marked as cancellations.
            clipped[i] = Math.max(0, clipped[i]);
        }
        RfmScores scores = RfmScorer.withDefaults().score(ids, recency, orders, clipped);
        SuppressedTable t = SmallCellSuppression.withDefaults().segmentSummary(scores.summary());
        for (int r = 0; r < t.rows().size(); r++) {
            boolean small = scores.summary().rows().get(r).customers() < K;
            for (int c = 0; c < 4; c++) {
                assertEquals(small, t.status(r, c) == Status.PRIMARY, t.toString());
            }
        }
        SmallCellSuppressionTest.assertNothingRecoverable(t, false, new boolean[] {true, true, true, false}, true);
    }

    @Test
    void npsCsatAndCesByCountry() {
        SplittableRandom rng = new SplittableRandom(211);
        int n = ids.length;
        int[] nps = new int[n];
        Map<String, List<Integer>> csat = new TreeMap<>();
        Map<String, List<Integer>> ces = new TreeMap<>();
        for (int i = 0; i < n; i++) {
            nps[i] = rng.nextInt(11);
            csat.computeIfAbsent(country[i], k -> new ArrayList<>()).add(1 + rng.nextInt(5));
            ces.computeIfAbsent(country[i], k -> new ArrayList<>()).add(1 + rng.nextInt(7));
        }
        SmallCellSuppression s = SmallCellSuppression.withDefaults();
        SuppressedTable t = s.nps(NpsCalculator.withDefaults().bySegment(country, nps));
        SmallCellSuppressionTest.assertNothingRecoverable(t, false, new boolean[] {true, true, true, true, false},
                true);
        Map<String, Csat> csats = new TreeMap<>();
        csat.forEach((c, a) -> csats.put(c, Csat.ofAnswers(a.stream().mapToInt(Integer::intValue).toArray())));
        Map<String, Ces> cess = new TreeMap<>();
        ces.forEach((c, a) -> cess.put(c, Ces.ofAnswers(a.stream().mapToInt(Integer::intValue).toArray())));
        SuppressedTable tc = s.csat(csats);
        SuppressedTable te = s.ces(cess);
        boolean[] csatTotals = all(8, true);
        csatTotals[6] = false;
        csatTotals[7] = false;
        boolean[] cesTotals = all(10, true);
        cesTotals[8] = false;
        cesTotals[9] = false;
        SmallCellSuppressionTest.assertNothingRecoverable(tc, false, csatTotals, true);
        SmallCellSuppressionTest.assertNothingRecoverable(te, false, cesTotals, true);
        // Whole rows: a small country's scores go with its tallies; the United Kingdom stays published.
        int iceland = tc.rows().indexOf("Iceland");
        for (int c = 0; c < 8; c++) {
            assertTrue(tc.value(iceland, c).isEmpty());
        }
        int uk = te.rows().indexOf("United Kingdom");
        assertEquals(cess.get("United Kingdom").mean(), te.value(uk, 8).getAsDouble());
        assertTrue(tc.toCsv().contains("Iceland,x,x,x,x,x,x,x,x"), tc.toCsv());
    }

    @Test
    void kanoBySegment() {
        SplittableRandom rng = new SplittableRandom(212);
        int n = ids.length;
        int[] functional = new int[n];
        int[] dysfunctional = new int[n];
        for (int i = 0; i < n; i++) {
            functional[i] = 1 + rng.nextInt(5);
            dysfunctional[i] = 1 + rng.nextInt(5);
        }
        KanoSurvey survey = KanoSurvey.of(FeatureAnswers.ofCodes("gift wrap", functional, dysfunctional))
                .withSegments(country);
        Map<String, KanoAnalysis> bySegment = Kano.withDefaults().analyzeBySegment(survey);
        SuppressedTable t = SmallCellSuppression.withDefaults().kano(bySegment, "gift wrap");
        long[][] counts = new long[t.rows().size()][6];
        for (int r = 0; r < counts.length; r++) {
            for (int c = 0; c < 6; c++) {
                counts[r][c] = (long) bySegment.get(t.rows().get(r)).feature("gift wrap").counts()
                        .get(io.loyalty.kano.Category.values()[c]);
            }
        }
        assertSmallCellsHidden(t, counts, K);
        SmallCellSuppressionTest.assertNothingRecoverable(t, true, all(6, true), true);
        assertEquals(List.of("A", "O", "M", "I", "R", "Q"), t.columns());
        assertEquals(n, t.grandTotal().getAsDouble());
    }

    @Test
    void monthlyCohortCounts() {
        List<String> txIds = new ArrayList<>();
        List<Long> times = new ArrayList<>();
        ZonedDateTime start = ZonedDateTime.of(2010, 12, 15, 12, 0, 0, 0, ZoneOffset.UTC);
        for (int i = 0; i < ids.length; i++) {
            for (long bits = activeMonths[i]; bits != 0; bits &= bits - 1) {
                txIds.add(ids[i]);
                times.add(start.plusMonths(Long.numberOfTrailingZeros(bits)).toEpochSecond());
            }
        }
        double[] amounts = new double[times.size()];
        Arrays.fill(amounts, 1);
        CohortMatrices m = Cohorts.of(CohortPeriod.MONTH, ZoneOffset.UTC).matrices(txIds.toArray(new String[0]),
                times.stream().mapToLong(Long::longValue).toArray(), amounts);
        // k = 50: every monthly cell of Online Retail has at least 10 customers, so a stricter threshold is shown.
        SuppressedTable t = SmallCellSuppression.withDefaults().withK(50).cohortCounts(m);
        double[][] raw = m.matrix(CohortMatrices.Measure.RETURN_ON_COUNT);
        long[][] counts = new long[raw.length][t.columns().size()];
        int small = 0;
        for (int r = 0; r < raw.length; r++) {
            for (int c = 0; c < raw[r].length; c++) {
                counts[r][c] = (long) raw[r][c];
                small += counts[r][c] < 50 ? 1 : 0;
            }
        }
        assertEquals(0, assertSmallCellsHidden(t, counts, 50));
        assertTrue(small > 0, "the late cohorts have small cells");
        // No margins are published beside the matrix, so primary suppression is the whole protection.
        SmallCellSuppressionTest.assertNothingRecoverable(t, false, all(t.columns().size(), false), false);
        assertEquals(885, t.value(0, 0).getAsDouble());
    }

    @Test
    void experimentSegmentsByCountry() {
        Map<String, Integer> size = new TreeMap<>();
        for (String c : country) {
            size.merge(c, 1, Integer::sum);
        }
        // Both arms need a customer in every segment: the countries of one customer are pooled.
        String pooled = "countries of one customer";
        List<String> countries = new ArrayList<>();
        size.forEach((c, m) -> {
            if (m > 1) {
                countries.add(c);
            }
        });
        countries.add(pooled);
        int n = ids.length;
        int[] arm = new int[n];
        int[] seg = new int[n];
        double[] value = new double[n];
        Map<Integer, Integer> seen = new TreeMap<>();
        for (int i = 0; i < n; i++) {
            seg[i] = countries.indexOf(size.get(country[i]) > 1 ? country[i] : pooled);
            // Alternating within a segment, so that each segment has both arms.
            arm[i] = seen.merge(seg[i], 1, Integer::sum) % 2;
            value[i] = Math.max(0, revenue[i]);
        }
        SegmentedSummaries s = SegmentedSummaries.of(arm, seg, value, List.of("control", "treatment"), countries);
        SuppressedTable t = SmallCellSuppression.withDefaults().experimentSegments(s);
        long[][] counts = new long[2][countries.size()];
        for (int a = 0; a < 2; a++) {
            for (int c = 0; c < countries.size(); c++) {
                counts[a][c] = s.count(a, c);
            }
        }
        assertSmallCellsHidden(t, counts, K);
        // The arms' overall means and sizes are published beside the cells (the row totals).
        SmallCellSuppressionTest.assertNothingRecoverable(t, true, all(countries.size(), false), false);
        assertTrue(t.value(0, countries.indexOf("United Kingdom")).isPresent());
    }
}
