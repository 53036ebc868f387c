package io.loyalty.charts;

import java.awt.Color;

/**
 * The colours of every chart, chosen to stay apart for readers with any common colour-vision deficiency.
 *
 * <p>Series: Okabe and Ito's eight colours (Okabe, M. and Ito, K. (2008), <i>Color Universal Design</i>,
 * https://jfly.uni-koeln.de/color/), in an order that keeps the first pairs far apart. Heatmaps: the light half of
 * viridis (van der Walt and Smith, matplotlib), yellow to teal, dark enough to read and light enough for black
 * values printed on the cells.
 *
 * @since 0.1
 */
public final class Palette {
    /** Okabe-Ito blue, #0072B2. */
    public static final Color BLUE = new Color(0x0072B2);
    /** Okabe-Ito orange, #E69F00. */
    public static final Color ORANGE = new Color(0xE69F00);
    /** Okabe-Ito bluish green, #009E73. */
    public static final Color BLUISH_GREEN = new Color(0x009E73);
    /** Okabe-Ito vermillion, #D55E00. */
    public static final Color VERMILLION = new Color(0xD55E00);
    /** Okabe-Ito sky blue, #56B4E9. */
    public static final Color SKY_BLUE = new Color(0x56B4E9);
    /** Okabe-Ito reddish purple, #CC79A7. */
    public static final Color REDDISH_PURPLE = new Color(0xCC79A7);
    /** Okabe-Ito yellow, #F0E442. */
    public static final Color YELLOW = new Color(0xF0E442);
    /** Okabe-Ito black. */
    public static final Color BLACK = new Color(0x000000);

    private static final Color[] SERIES = {BLUE, ORANGE, BLUISH_GREEN, VERMILLION, SKY_BLUE, REDDISH_PURPLE, BLACK,
        YELLOW};
    private static final Color[] HEAT = {new Color(0xFDE725), new Color(0x7AD151), new Color(0x22A884)};

    private Palette() {
    }

    /**
     * The series colours in the order charts use them.
     *
     * @return a new array of eight colours
     */
    public static Color[] series() {
        return SERIES.clone();
    }

    /**
     * The colour of the {@code i}-th series, cycling after eight.
     *
     * @param i the series index, &gt;= 0
     * @return the colour
     */
    static Color series(int i) {
        return SERIES[i % SERIES.length];
    }

    /**
     * The heatmap scale, low to high.
     *
     * @return a new array of three colours
     */
    public static Color[] heat() {
        return HEAT.clone();
    }

    /** {@code c} with an alpha, for confidence bands drawn under their line. */
    static Color translucent(Color c, int alpha) {
        return new Color(c.getRed(), c.getGreen(), c.getBlue(), alpha);
    }

    /**
     * The {@code i}-th of {@code n} ordered colours along viridis (dark purple to yellow), for series that have an
     * order, such as cohorts by date.
     */
    static Color ordered(int i, int n) {
        double[][] stops = {{0x44, 0x01, 0x54}, {0x3B, 0x52, 0x8B}, {0x21, 0x91, 0x8C}, {0x5E, 0xC9, 0x62},
            {0xFD, 0xE7, 0x25}};
        // The last stop is too light on white: stop at 90 % of the scale.
        double pos = n <= 1 ? 0 : 0.9 * i / (n - 1) * (stops.length - 1);
        int k = Math.min(stops.length - 2, (int) pos);
        double f = pos - k;
        int[] rgb = new int[3];
        for (int c = 0; c < 3; c++) {
            rgb[c] = (int) Math.round(stops[k][c] + f * (stops[k + 1][c] - stops[k][c]));
        }
        return new Color(rgb[0], rgb[1], rgb[2]);
    }
}
