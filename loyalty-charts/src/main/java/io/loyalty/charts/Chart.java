package io.loyalty.charts;

import io.loyalty.internal.Checks;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.VectorGraphicsEncoder;

/**
 * A chart of a result, ready to write: the data it shows are fixed when it is made; drawing happens on each
 * {@link #toPng()}, {@link #writePng(Path)} or {@link #writeSvg(Path)}, into an image in memory, never in a window.
 *
 * <p>Headless: when this class loads and {@code java.awt.headless} is unset, it sets it to {@code true}, so that a
 * server, a CI job or a container without a display can draw; a program that set it itself (a Swing application)
 * keeps its setting, and drawing into an image works either way.
 *
 * <p>Immutable and thread-safe: {@link #withTitle(String)} and {@link #withSize(int, int)} return new charts.
 *
 * @since 0.1
 */
public final class Chart {
    /** The largest width or height in pixels: an image is held in memory while it is encoded. */
    public static final int MAX_SIDE = 8192;

    static {
        if (System.getProperty("java.awt.headless") == null) {
            System.setProperty("java.awt.headless", "true");
        }
    }

    private final String title;
    private final int width;
    private final int height;
    private final String dataHash;
    private final Drawing drawing;

    private Chart(String title, int width, int height, String dataHash, Drawing drawing) {
        this.title = title;
        this.width = width;
        this.height = height;
        this.dataHash = dataHash;
        this.drawing = drawing;
    }

    /** Builds the XChart object for a title and a size; each call builds a new one from the captured data. */
    @FunctionalInterface
    interface Drawing {
        org.knowm.xchart.internal.chartpart.Chart<?, ?> draw(String title, int width, int height);
    }

    /** A chart of the default size (800 x 500) whose digest covers the title and what {@code data} recorded. */
    static Chart of(String title, Fingerprint data, Drawing drawing) {
        return new Chart(title, 800, 500, data.hex(), drawing);
    }

    /**
     * The title drawn above the chart.
     *
     * @return the title
     */
    public String title() {
        return title;
    }

    /**
     * The width of the image in pixels.
     *
     * @return the width
     */
    public int width() {
        return width;
    }

    /**
     * The height of the image in pixels.
     *
     * @return the height
     */
    public int height() {
        return height;
    }

    /**
     * A SHA-256 digest (64 hex digits) of what the chart shows: its kind, title, axis and series names and every
     * plotted number rounded to six significant digits. It changes when the data or the wording change, not with
     * the size, the fonts of the machine or the last bits of a floating-point sum, so a stored image can be
     * checked against the code that draws it without comparing pixels.
     *
     * @return the digest
     */
    public String dataDigest() {
        return new Fingerprint().add(dataHash).add(title).hex();
    }

    /**
     * The same chart with another title.
     *
     * @param newTitle the title, not blank
     * @return a new chart
     * @throws IllegalArgumentException if the title is null or blank
     */
    public Chart withTitle(String newTitle) {
        Checks.notBlank(newTitle, "newTitle");
        return new Chart(newTitle, width, height, dataHash, drawing);
    }

    /**
     * The same chart drawn at another size.
     *
     * @param newWidth the width in pixels, 100 to {@link #MAX_SIDE}
     * @param newHeight the height in pixels, 100 to {@link #MAX_SIDE}
     * @return a new chart
     * @throws IllegalArgumentException if a side is out of range
     */
    public Chart withSize(int newWidth, int newHeight) {
        Checks.require(newWidth >= 100 && newWidth <= MAX_SIDE, "newWidth must lie in [100, %d], got %d", MAX_SIDE,
                newWidth);
        Checks.require(newHeight >= 100 && newHeight <= MAX_SIDE, "newHeight must lie in [100, %d], got %d",
                MAX_SIDE, newHeight);
        return new Chart(title, newWidth, newHeight, dataHash, drawing);
    }

    /**
     * Draws the chart as a PNG image.
     *
     * @return the PNG file's bytes
     */
    public byte[] toPng() {
        try {
            return BitmapEncoder.getBitmapBytes(xchart(), BitmapEncoder.BitmapFormat.PNG);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Draws the chart as an SVG document, with VectorGraphics2D (XChart's own dependency). XChart draws text as
     * glyph outlines, so the file looks the same on a machine without the fonts but its text cannot be searched;
     * a chart of a few thousand points is a few hundred kilobytes.
     *
     * @return the SVG document
     */
    public String toSvg() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            VectorGraphicsEncoder.saveVectorGraphic(xchart(), out, VectorGraphicsEncoder.VectorGraphicsFormat.SVG);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    /**
     * Writes the chart as a PNG file, replacing the file if it exists.
     *
     * @param file the file, e.g. {@code rfm-heatmap.png}; its folder must exist
     * @return {@code file}
     * @throws IllegalArgumentException if the file is null
     * @throws IOException if the file cannot be written
     */
    public Path writePng(Path file) throws IOException {
        Checks.notNull(file, "file");
        byte[] png = toPng();
        try (OutputStream out = Files.newOutputStream(file)) {
            out.write(png);
        }
        return file;
    }

    /**
     * Writes the chart as an SVG file in UTF-8, replacing the file if it exists.
     *
     * @param file the file, e.g. {@code rfm-heatmap.svg}; its folder must exist
     * @return {@code file}
     * @throws IllegalArgumentException if the file is null
     * @throws IOException if the file cannot be written
     */
    public Path writeSvg(Path file) throws IOException {
        Checks.notNull(file, "file");
        Files.writeString(file, toSvg(), StandardCharsets.UTF_8);
        return file;
    }

    /** The XChart object at this size and title, styled; package-private so tests can read its axes. */
    org.knowm.xchart.internal.chartpart.Chart<?, ?> xchart() {
        org.knowm.xchart.internal.chartpart.Chart<?, ?> chart = drawing.draw(title, width, height);
        Style.apply(chart.getStyler());
        return chart;
    }

    @Override
    public String toString() {
        return "Chart[" + title + ", " + width + " x " + height + "]";
    }
}
