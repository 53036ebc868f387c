package io.loyalty.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import org.junit.jupiter.api.Test;

/**
 * The README's main job, run by the test suite: the whole tour on the bundled data finishes and writes every
 * chart, so the command in the README stays true.
 */
class TourTest {
    private static final String[] CHARTS = {"rfm-heatmap.png", "clv-frequency-histogram.png",
        "clv-holdout-by-frequency.png", "nps-by-quarter.png", "kano-better-worse.png", "attribution-credits.png",
        "cohort-retention-heatmap.png", "cohort-kaplan-meier.png", "experiment-lift-by-segment.png",
        "privacy-cohort-heatmaps.png"};

    @Test
    void theTourRunsOnTheBundledDataAndWritesItsCharts() throws Exception {
        System.setProperty("java.awt.headless", "true");
        for (String chart : CHARTS) {
            Files.deleteIfExists(Examples.output(chart));
        }
        PrintStream original = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            Tour.main(new String[0]);
        } finally {
            System.setOut(original);
        }
        String out = captured.toString(StandardCharsets.UTF_8);
        for (String section : new String[] {"== Data model", "== RFM", "== CLV", "== NPS", "== Kano",
            "== Attribution", "== Cohort", "== Experiments", "== Privacy", "== Spark", "Spark tour finished", "Tour finished"}) {
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
