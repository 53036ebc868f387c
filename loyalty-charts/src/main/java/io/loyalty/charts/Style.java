package io.loyalty.charts;

import java.awt.Color;
import java.awt.Font;
import org.knowm.xchart.style.Styler;

/** The look every chart shares: white background, the palette, legible fonts at 800 x 500. */
final class Style {
    private Style() {
    }

    static void apply(Styler s) {
        s.setChartBackgroundColor(Color.WHITE);
        s.setPlotBackgroundColor(Color.WHITE);
        s.setPlotBorderColor(Color.GRAY);
        s.setLegendBorderColor(Color.LIGHT_GRAY);
        s.setSeriesColors(Palette.series());
        s.setChartTitleFont(new Font(Font.SANS_SERIF, Font.BOLD, 14));
        s.setLegendFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
        s.setChartTitleBoxVisible(false);
        s.setAntiAlias(true);
    }
}
