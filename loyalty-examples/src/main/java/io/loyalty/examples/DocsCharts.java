package io.loyalty.examples;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Renders the charts the docs embed ({@code docs/images/*.png}) from the bundled data: runs every family's example
 * with its printing silenced, copies the charts it writes into {@code docs/images}, and records each chart's data
 * digest in {@code docs/images/charts.sha256}, which {@code TourTest} compares with the digests of the charts the
 * tour draws now ({@link #stale(Map)}). Run it from the repository root with {@link #COMMAND}.
 */
public final class DocsCharts {
    /** The command that renders the docs' charts. */
    public static final String COMMAND = "mvn -B -q -DskipTests -pl loyalty-examples -am package exec:java "
            + "-Dexec.mainClass=io.loyalty.examples.DocsCharts";
    /** The manifest's name in {@code docs/images}. */
    static final String MANIFEST = "charts.sha256";

    private DocsCharts() {
    }

    /**
     * Renders the docs' charts into {@code docs/images} and writes the manifest.
     *
     * @param args ignored
     * @throws Exception if an example fails or a file cannot be written
     */
    public static void main(String[] args) throws Exception {
        Map<String, String> charts = render();
        Path images = images();
        Files.createDirectories(images);
        StringBuilder manifest = new StringBuilder();
        for (Map.Entry<String, String> e : charts.entrySet()) {
            Files.copy(Examples.output(e.getKey()), images.resolve(e.getKey()), StandardCopyOption.REPLACE_EXISTING);
            // The format of sha256sum's output, but the digest is of the chart's data, not of the file.
            manifest.append(e.getValue()).append("  ").append(e.getKey()).append('\n');
        }
        Files.writeString(images.resolve(MANIFEST), manifest, StandardCharsets.UTF_8);
        System.out.printf("%d charts and %s written to %s%n", charts.size(), MANIFEST,
                images.toAbsolutePath().normalize());
    }

    /**
     * Runs the examples that draw charts, their output silenced, into the tour's output folder.
     *
     * @return each chart's file name and data digest, in the order written
     * @throws Exception if an example fails
     */
    static Map<String, String> render() throws Exception {
        PrintStream original = System.out;
        TourCharts.takeWritten();
        System.setOut(new PrintStream(OutputStream.nullOutputStream(), true, StandardCharsets.UTF_8));
        try {
            RfmExample.main(new String[0]);
            ClvExample.main(new String[0]);
            ChurnWarningExample.main(new String[0]);
            NpsExample.main(new String[0]);
            KanoExample.main(new String[0]);
            AttributionExample.main(new String[0]);
            CohortExample.main(new String[0]);
            ExperimentExample.main(new String[0]);
            PrivacyExample.main(new String[0]);
        } finally {
            System.setOut(original);
        }
        return TourCharts.takeWritten();
    }

    /** {@code docs/images} of the repository, from the root or from {@code loyalty-examples}. */
    static Path images() {
        Path docs = Files.isDirectory(Path.of("data")) ? Path.of("..", "docs") : Path.of("docs");
        return docs.resolve("images");
    }

    /**
     * The charts whose recorded digest differs from the one drawn now, or that are drawn but not recorded, or
     * recorded but no longer drawn.
     *
     * @param now file name to data digest of the charts drawn now
     * @return the file names, each with a note when it is new or gone; empty when the docs are current
     * @throws IOException if the manifest cannot be read
     */
    static List<String> stale(Map<String, String> now) throws IOException {
        Map<String, String> recorded = manifest();
        List<String> out = new ArrayList<>();
        now.forEach((name, digest) -> {
            if (!digest.equals(recorded.get(name))) {
                out.add(name + (recorded.containsKey(name) ? "" : " (new)"));
            }
        });
        recorded.keySet().stream().filter(name -> !now.containsKey(name)).forEach(n -> out.add(n + " (gone)"));
        return out;
    }

    /** Reads {@code docs/images/charts.sha256}. */
    static Map<String, String> manifest() throws IOException {
        Map<String, String> out = new java.util.LinkedHashMap<>();
        Path file = images().resolve(MANIFEST);
        if (Files.exists(file)) {
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                if (!line.isBlank()) {
                    String[] parts = line.split(" {2}", 2);
                    out.put(parts[1], parts[0]);
                }
            }
        }
        return out;
    }
}
