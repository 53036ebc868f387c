package io.loyalty.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The README's main job, run by the test suite: the whole tour on the bundled data finishes and writes every
 * chart, so the command in the README stays true; and the charts the docs embed ({@code docs/images}) show the
 * data the tour draws now: each chart's data digest equals the one recorded in {@code docs/images/charts.sha256}
 * when the images were rendered, so a stale image fails the build with the command that renders them again.
 */
class TourTest {
    private static final String[] CHARTS = {"rfm-heatmap.png", "rfm-segments.png", "rfm-segment-shares.png",
        "rfm-recency-histogram.png", "rfm-frequency-histogram.png", "rfm-monetary-histogram.png",
        "clv-frequency-histogram.png", "clv-holdout-by-frequency.png", "clv-expected-purchases-matrix.png",
        "clv-p-alive-matrix.png", "clv-p-alive-history.png", "clv-churn-p-alive-by-recency.png",
        "nps-by-quarter.png", "nps-by-quarter-and-unit.png",
        "kano-better-worse.png", "attribution-credits.png", "cohort-retention-heatmap.png",
        "cohort-retention-curves.png", "cohort-kaplan-meier.png", "cohort-kaplan-meier-by-country.png",
        "cohort-sbg-projection.png", "experiment-lift-by-segment.png",
        "privacy-cohort-heatmap-exact.png", "privacy-cohort-heatmap-dp.png"};

    @Test
    void theTourRunsOnTheBundledDataAndWritesItsCharts() throws Exception {
        System.setProperty("java.awt.headless", "true");
        for (String chart : CHARTS) {
            Files.deleteIfExists(Examples.output(chart));
        }
        TourCharts.takeWritten();
        PrintStream original = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            Tour.main(new String[0]);
        } finally {
            System.setOut(original);
        }
        List<String> stale = DocsCharts.stale(TourCharts.takeWritten());
        assertTrue(stale.isEmpty(), "docs/images is stale for " + stale + ". Render the charts again from the "
                + "repository root with\n  " + DocsCharts.COMMAND + "\nand commit docs/images.");
        String out = captured.toString(StandardCharsets.UTF_8);
        for (String section : new String[] {"== Data model", "== RFM", "== CLV", "== NPS", "== Kano",
            "== Attribution", "== Cohort", "== Experiments", "== Privacy", "== Spark", "Spark tour finished",
            "Tour finished"}) {
            assertTrue(out.contains(section), "tour output lacks " + section);
        }
        for (String chart : CHARTS) {
            assertTrue(Files.size(Examples.output(chart)) > 1000, chart + " was not written");
        }
        // The Spark tour prints the core tour's tables: the same lines appear once from each.
        for (String start : new String[] {"Champions  ", "Lost  ", "2010-12    885", "2011-06    242", "Apples  ",
            "2012-Q3  "}) {
            String line = out.lines().filter(l -> l.startsWith(start)).findFirst().orElseThrow(
                    () -> new AssertionError("tour output lacks a line starting " + start));
            assertEquals(2, out.lines().filter(line::equals).count(), "once from the core, once from Spark: " + line);
        }
    }
}
