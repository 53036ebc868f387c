package io.loyalty.examples;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The charts the docs embed are those the code draws now: each chart's data digest, recomputed from the bundled
 * data, equals the one recorded beside the PNG in {@code docs/images/charts.sha256} when it was rendered (a stale
 * image fails with the command that renders them again); every image is a PNG in {@code docs/images}, and every
 * family's page and {@code docs/charts.md} show their charts from there, never from {@code target/}.
 */
class DocsChartsTest {
    private static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};

    @Test
    void theDocsImagesShowTheDataTheCodeDrawsNow() throws Exception {
        Map<String, String> now = DocsCharts.render();
        Map<String, String> recorded = DocsCharts.manifest();
        List<String> stale = new ArrayList<>();
        now.forEach((name, digest) -> {
            if (!digest.equals(recorded.get(name))) {
                stale.add(name + (recorded.containsKey(name) ? "" : " (new)"));
            }
        });
        recorded.keySet().stream().filter(name -> !now.containsKey(name)).forEach(n -> stale.add(n + " (no longer drawn)"));
        assertTrue(stale.isEmpty(), "docs/images is stale for " + stale + ". Render the charts again from the "
                + "repository root with\n  " + DocsCharts.COMMAND + "\nand commit docs/images.");
        for (String name : recorded.keySet()) {
            Path png = DocsCharts.images().resolve(name);
            assertTrue(Files.isRegularFile(png), png + " is missing; render it with " + DocsCharts.COMMAND);
            byte[] head;
            try (InputStream in = Files.newInputStream(png)) {
                head = in.readNBytes(8);
            }
            assertArrayEquals(PNG_SIGNATURE, head, png + " is not a PNG");
            assertTrue(Files.size(png) < 200_000, png + " is over 200 kB: keep the docs' images small");
        }
    }

    @Test
    void everyPageShowsItsFamilysChartsFromDocsImages() throws IOException {
        Path docs = DocsCharts.images().getParent();
        Map<String, String> recorded = DocsCharts.manifest();
        assertFalse(recorded.isEmpty(), "docs/images/" + DocsCharts.MANIFEST + " lists no chart");
        String catalogue = Files.readString(docs.resolve("charts.md"), StandardCharsets.UTF_8);
        for (String name : recorded.keySet()) {
            String family = name.substring(0, name.indexOf('-'));
            String page = Files.readString(docs.resolve(family + ".md"), StandardCharsets.UTF_8);
            assertTrue(page.contains("](images/" + name + ")"), "docs/" + family + ".md does not show " + name);
            assertTrue(catalogue.contains("](images/" + name + ")"), "docs/charts.md does not show " + name);
        }
        try (var pages = Files.list(docs)) {
            for (Path page : pages.filter(p -> p.toString().endsWith(".md")).toList()) {
                String text = Files.readString(page, StandardCharsets.UTF_8);
                assertFalse(text.matches("(?s).*\\]\\([^)]*target/[^)]*\\.(png|svg)\\).*"), page
                        + " links an image under target/, which a fresh clone does not have");
            }
        }
    }
}
