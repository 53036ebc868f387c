package io.loyalty.examples;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The docs' charts are where a fresh clone finds them: every chart recorded in {@code docs/images/charts.sha256} is
 * a small PNG in {@code docs/images}, and every family's page and {@code docs/charts.md} show their charts from
 * there, never from {@code target/}. (That the images show the data the code draws now is checked by
 * {@code TourTest}, which draws them.)
 */
class DocsChartsTest {
    private static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};

    @Test
    void everyRecordedChartIsASmallPngInDocsImages() throws IOException {
        for (String name : DocsCharts.manifest().keySet()) {
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
    void aChangedMissingOrNewChartIsStale() throws IOException {
        Map<String, String> now = new LinkedHashMap<>(DocsCharts.manifest());
        assertEquals(List.of(), DocsCharts.stale(now), "the recorded charts are current against themselves");
        String first = now.keySet().iterator().next();
        now.put(first, "0".repeat(64));
        now.put("rfm-new.png", "1".repeat(64));
        String last = List.copyOf(now.keySet()).get(now.size() - 2);
        now.remove(last);
        assertEquals(List.of(first, "rfm-new.png (new)", last + " (gone)"), DocsCharts.stale(now));
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
