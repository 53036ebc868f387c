package io.loyalty.examples;

import io.loyalty.charts.CohortCharts;
import io.loyalty.cohort.CohortMatrices;
import io.loyalty.cohort.CohortPeriod;
import io.loyalty.cohort.Cohorts;
import io.loyalty.data.PeriodRule;
import io.loyalty.privacy.DpAggregates;
import io.loyalty.privacy.DpCohorts;
import io.loyalty.privacy.DpTable;
import io.loyalty.privacy.PrivacyBudget;
import io.loyalty.privacy.PrivacyCost;
import io.loyalty.privacy.Pseudonymizer;
import io.loyalty.privacy.SmallCellSuppression;
import io.loyalty.privacy.SuppressedTable;
import io.loyalty.rfm.RfmScorer;
import io.loyalty.rfm.RfmScores;
import io.loyalty.tablesaw.PrivacyTables;
import io.loyalty.tablesaw.RfmTables;
import java.io.IOException;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import tech.tablesaw.api.DateTimeColumn;
import tech.tablesaw.api.Table;

/**
 * Privacy-safe publishing on Online Retail: pseudonymise the customer ids with a keyed HMAC, publish the RFM
 * segment summary with small cells suppressed, release a differentially private monthly cohort matrix, print what
 * the budget was spent on, and draw the DP retention heatmap beside the exact one. Ends with the utility table of
 * docs/privacy.md (segment counts and cohort matrix at epsilon 0.1, 1 and 10 beside the exact values).
 */
public final class PrivacyExample {
    private static final LocalDate ANALYSIS_DATE = LocalDate.of(2011, 12, 10);
    private static final Instant FROM = Instant.parse("2010-12-01T00:00:00Z");
    private static final Instant TO = Instant.parse("2011-12-09T23:59:59Z");
    /** Each customer counts in at most this many cells of the cohort matrix (their first 6 active months). */
    private static final int MAX_OFFSETS = 6;

    private PrivacyExample() {
    }

    /**
     * Runs the example.
     *
     * @param args ignored
     * @throws IOException if the bundled data cannot be read or the chart cannot be written
     */
    public static void main(String[] args) throws IOException {
        System.setProperty("java.awt.headless", "true");
        System.out.println("== Privacy: pseudonyms, small-cell suppression, differential privacy ==");
        Table retail = OnlineRetail.table();

        // 1. Pseudonyms: the key is the caller's secret (here a fresh random one; in production from a key store).
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        Pseudonymizer pseudonyms = Pseudonymizer.keyed(key).withBits(64);
        long start = System.nanoTime();
        Table pseudo = PrivacyTables.pseudonymize(retail, "Customer", pseudonyms);
        System.out.printf(Locale.ROOT, "%,d rows pseudonymised (HMAC-SHA-256, 64 bits) in %.0f ms; collision bound "
                + "for 4,339 customers %.1e; first row %s -> %s%n", pseudo.rowCount(),
                (System.nanoTime() - start) / 1e6, pseudonyms.collisionBound(4339),
                retail.stringColumn("Customer").get(0), pseudo.stringColumn("Customer").get(0));

        // 2. RFM on pseudonyms, summary published with cells of fewer than 10 customers suppressed.
        RfmScores scores = RfmTables.scoreOrders(RfmScorer.withDefaults(), RfmExample.invoices(pseudo), "Customer",
                "InvoiceDate", "Amount", ANALYSIS_DATE);
        SuppressedTable summary = SmallCellSuppression.withDefaults().segmentSummary(scores.summary());
        System.out.println();
        System.out.println(summary);

        // 3. A budget of epsilon 2 for this publication: the segment summary and the cohort matrix, 1 each.
        PrivacyBudget budget = PrivacyBudget.of(2, 0);
        DpTable dpSummary = DpAggregates.rfmSegmentSummary(scores, 20, 5_000, PrivacyCost.laplace(1), budget);
        System.out.println(dpSummary);

        String[] ids = pseudo.stringColumn("Customer").asObjectArray();
        long[] seconds = epochSeconds(pseudo.dateTimeColumn("InvoiceDate"));
        start = System.nanoTime();
        DpTable counts = DpCohorts.retention(ids, seconds, PeriodRule.months(), FROM, TO, MAX_OFFSETS,
                PrivacyCost.laplace(1), budget);
        DpTable shares = DpCohorts.shares(counts);
        System.out.printf(Locale.ROOT, "DP monthly cohort matrix (%,d rows) in %.0f ms%n", ids.length,
                (System.nanoTime() - start) / 1e6);
        printShares(shares, 6);
        System.out.println(budget);

        CohortMatrices exact = Cohorts.of(CohortPeriod.MONTH, ZoneOffset.UTC).matrices(ids, seconds, new double[
                ids.length]);
        heatmaps(exact, ids, seconds);
        utility(scores, ids, seconds, exact);
        System.out.println();
    }

    private static long[] epochSeconds(DateTimeColumn times) {
        long[] out = new long[times.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = times.get(i).toEpochSecond(ZoneOffset.UTC);
        }
        return out;
    }

    private static void printShares(DpTable shares, int offsets) {
        System.out.printf(Locale.ROOT, "%-8s", "cohort");
        for (int k = 0; k <= offsets; k++) {
            System.out.printf(Locale.ROOT, " %13s", "month " + k);
        }
        System.out.println();
        for (int c = 0; c < shares.rows().size(); c++) {
            System.out.printf(Locale.ROOT, "%-8s", shares.rows().get(c));
            for (int k = 0; k <= offsets; k++) {
                var v = shares.get(c, k);
                System.out.print(v == null ? String.format(Locale.ROOT, " %13s", "")
                        : String.format(Locale.ROOT, " %6.1f%s± %4.1f", v.value(),
                                shares.isIncomplete(c, k) ? "*" : " ", 1.96 * v.standardDeviation()));
            }
            System.out.println();
        }
        if (shares.lastPeriodIncomplete()) {
            System.out.println("* December 2011 had not ended at the end of the span (2011-12-09)");
        }
    }

    /**
     * The exact and the DP retention heatmaps, drawn by {@link CohortCharts}: docs charts. The DP one is a separate
     * release at epsilon 1 whose noise comes from a fixed seed, so that the docs' picture can be checked against the
     * code; a real release, like the one printed above, draws from SecureRandom and differs on every run.
     */
    private static void heatmaps(CohortMatrices exact, String[] ids, long[] seconds) throws IOException {
        int offsets = exact.cohortCount() - 1;
        DpTable dp = DpCohorts.shares(DpCohorts.retention(ids, seconds, PeriodRule.months(), FROM, TO, MAX_OFFSETS,
                PrivacyCost.laplace(1), PrivacyBudget.of(1, 0).withNoiseSource(new SplittableRandom(2011))));
        Path left = TourCharts.save("privacy-cohort-heatmap-exact.png", CohortCharts.retentionHeatmap(exact,
                offsets).withTitle("Online Retail monthly retention (%), exact").withSize(800, 520));
        Path right = TourCharts.save("privacy-cohort-heatmap-dp.png", CohortCharts.dpRetentionHeatmap(dp, offsets)
                .withTitle("Online Retail monthly retention (%), DP, epsilon 1, at most " + MAX_OFFSETS
                        + " months per customer (seeded noise)").withSize(800, 520));
        System.out.println("heatmaps: " + left + ", " + right);
    }

    /**
     * The utility table of docs/privacy.md: mean absolute error over 20 releases per epsilon (seeded here so that
     * the table can be re-run; a release uses SecureRandom) of the RFM segment counts and of the cohort matrix.
     */
    private static void utility(RfmScores scores, String[] ids, long[] seconds, CohortMatrices exact) {
        System.out.println();
        System.out.println("Utility on Online Retail: mean absolute error over 20 releases (each query alone at "
                + "that epsilon)");
        double[] segTruth = new double[scores.segmentMap().size() + 1];
        for (int i = 0; i < scores.size(); i++) {
            segTruth[scores.segmentIndexes()[i]]++;
        }
        double[][] cellTruth = exact.matrix(CohortMatrices.Measure.RETURN_ON_COUNT);
        double[][] shareTruth = exact.matrix(CohortMatrices.Measure.RETURN_ON_SHARE);
        long[][] bounded = boundedCounts(ids, seconds);
        System.out.printf(Locale.ROOT, "%-8s %22s %26s %28s %24s%n", "epsilon", "segment count MAE",
                "cohort cell MAE (customers)", "retention MAE (points, %)", "bounding loss (customers)");
        double boundingLoss = 0;
        int cells = 0;
        for (int c = 0; c < cellTruth.length; c++) {
            for (int k = 0; k < cellTruth[c].length; k++) {
                boundingLoss += cellTruth[c][k] - bounded[c][k];
                cells++;
            }
        }
        for (double eps : new double[] {0.1, 1, 10}) {
            double seg = 0;
            double cell = 0;
            double share = 0;
            for (int rep = 0; rep < 20; rep++) {
                PrivacyBudget b = PrivacyBudget.of(2 * eps, 0).withNoiseSource(new SplittableRandom(rep));
                String[] segs = new String[scores.size()];
                for (int i = 0; i < segs.length; i++) {
                    segs[i] = scores.segment(i);
                }
                List<String> names = new ArrayList<>();
                for (int s = 0; s <= scores.segmentMap().size(); s++) {
                    names.add(scores.segmentMap().name(s));
                }
                DpTable sc = DpAggregates.segmentCounts(scores.ids().toArray(new String[0]), segs,
                        io.loyalty.privacy.Partitions.known(names), io.loyalty.privacy.ContributionBounds.ONE,
                        PrivacyCost.laplace(eps), b);
                for (int s = 0; s < segTruth.length; s++) {
                    seg += Math.abs(sc.get(s, 0).value() - segTruth[s]) / segTruth.length;
                }
                DpTable m = DpCohorts.retention(ids, seconds, PeriodRule.months(), FROM, TO, MAX_OFFSETS,
                        PrivacyCost.laplace(eps), b);
                DpTable sh = DpCohorts.shares(m);
                for (int c = 0; c < cellTruth.length; c++) {
                    for (int k = 0; k < cellTruth[c].length; k++) {
                        cell += Math.abs(m.get(c, k).value() - cellTruth[c][k]) / cells;
                        share += Math.abs(sh.get(c, k).value() - 100 * shareTruth[c][k]) / cells;
                    }
                }
            }
            System.out.printf(Locale.ROOT, "%-8s %22.1f %26.1f %28.2f %24.1f%n", eps, seg / 20, cell / 20,
                    share / 20, boundingLoss / cells);
        }
        double meanSeg = 0;
        for (double s : segTruth) {
            meanSeg += s / segTruth.length;
        }
        double meanCell = 0;
        for (double[] row : cellTruth) {
            for (double v : row) {
                meanCell += v / cells;
            }
        }
        System.out.printf(Locale.ROOT, "non-private: mean segment count %.1f over %d segments; mean cohort cell %.1f "
                + "customers over %d cells%n", meanSeg, segTruth.length, meanCell, cells);
    }

    /** The cohort counts after bounding only (no noise), to show what the bound of 6 months costs. */
    private static long[][] boundedCounts(String[] ids, long[] seconds) {
        DpTable t = DpCohorts.retention(ids, seconds, PeriodRule.months(), FROM, TO, MAX_OFFSETS,
                PrivacyCost.laplace(1e9), PrivacyBudget.of(1e9, 0).withNoiseSource(new SplittableRandom(0)));
        long[][] out = new long[t.rows().size()][];
        for (int c = 0; c < out.length; c++) {
            out[c] = new long[t.rows().size() - c];
            for (int k = 0; k < out[c].length; k++) {
                out[c][k] = (long) t.get(c, k).value();
            }
        }
        return out;
    }
}
