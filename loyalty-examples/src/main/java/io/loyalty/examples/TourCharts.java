package io.loyalty.examples;

import io.loyalty.charts.Chart;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Writes the examples' charts into the tour's output folder and notes each chart's data digest, which
 * {@link DocsCharts} records and {@code TourTest} checks. Apart from {@link Examples} so that the Spark tour, which
 * draws no chart, runs without the charts module on its classpath.
 */
final class TourCharts {
    /** The digest of each chart written since the last {@link #takeWritten()}, by file name. */
    private static final Map<String, String> WRITTEN = new LinkedHashMap<>();

    private TourCharts() {
    }

    /**
     * Writes a chart as a PNG file in the tour's output folder and notes its data digest.
     *
     * @param fileName the file name, e.g. {@code rfm-heatmap.png}
     * @param chart the chart
     * @return the file
     * @throws IOException if the file cannot be written
     */
    static Path save(String fileName, Chart chart) throws IOException {
        Path file = chart.writePng(Examples.output(fileName));
        synchronized (WRITTEN) {
            WRITTEN.put(fileName, chart.dataDigest());
        }
        return file;
    }

    /** The charts written since the last call, file name to data digest, in the order written; clears the list. */
    static Map<String, String> takeWritten() {
        synchronized (WRITTEN) {
            Map<String, String> out = new LinkedHashMap<>(WRITTEN);
            WRITTEN.clear();
            return out;
        }
    }
}
