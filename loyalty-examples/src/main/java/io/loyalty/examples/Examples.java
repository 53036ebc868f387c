package io.loyalty.examples;

import io.loyalty.charts.Chart;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Where the tour finds its bundled data and writes its charts.
 * Works from Maven (working directory {@code loyalty-examples}) and from an IDE started at the repository root.
 */
public final class Examples {
    /** The digest of each chart written in this run, by file name: what {@link DocsCharts} checks and records. */
    private static final Map<String, String> WRITTEN = new LinkedHashMap<>();

    private Examples() {
    }

    /**
     * A file under the bundled {@code data} folder.
     *
     * @param relative the path below {@code loyalty-examples/data}
     * @return the path
     */
    public static Path data(String relative) {
        for (Path base : new Path[] {Path.of("data"), Path.of("loyalty-examples", "data")}) {
            Path p = base.resolve(relative);
            if (Files.exists(p)) {
                return p;
            }
        }
        throw new IllegalStateException("bundled data not found: " + relative
                + " (run from the repository root or from loyalty-examples)");
    }

    /**
     * A file in the tour's output folder ({@code loyalty-examples/target/tour}), created if needed.
     *
     * @param fileName the file name, e.g. {@code rfm-heatmap.png}
     * @return the path
     */
    public static Path output(String fileName) {
        Path dir = Files.isDirectory(Path.of("data")) ? Path.of("target", "tour")
                : Path.of("loyalty-examples", "target", "tour");
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return dir.resolve(fileName);
    }

    /**
     * Writes a chart as a PNG file in the tour's output folder and notes its data digest.
     *
     * @param fileName the file name, e.g. {@code rfm-heatmap.png}
     * @param chart the chart
     * @return the file
     * @throws IOException if the file cannot be written
     */
    public static Path save(String fileName, Chart chart) throws IOException {
        Path file = chart.writePng(output(fileName));
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
