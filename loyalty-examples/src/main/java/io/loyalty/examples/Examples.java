package io.loyalty.examples;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where the tour finds its bundled data and writes its charts.
 * Works from Maven (working directory {@code loyalty-examples}) and from an IDE started at the repository root.
 */
public final class Examples {
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
}
