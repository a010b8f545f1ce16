package dev.digits.report;

import java.awt.Color;
import java.awt.Font;
import java.awt.image.BufferedImage;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.internal.chartpart.Chart;
import org.knowm.xchart.style.Styler;

/** The one look of the report's charts: fonts, colours and background, so all figures match the page. */
final class Charts {
    /** The page's font (report.css names it first); Java maps its logical SansSerif to the same family on Linux. */
    static final String FONT = "DejaVu Sans";

    private Charts() {}

    static Font font(int style, int size) {
        return new Font(FONT, style, size);
    }

    static <S extends Styler> S style(S styler) {
        styler.setChartBackgroundColor(Color.WHITE);
        styler.setChartFontColor(Palette.TEXT);
        styler.setChartTitleFont(font(Font.BOLD, 15));
        styler.setChartTitleBoxVisible(false);
        styler.setLegendFont(font(Font.PLAIN, 12));
        styler.setLegendBorderColor(Palette.GRID);
        styler.setPlotBorderVisible(false);
        styler.setAntiAlias(true);
        if (styler instanceof org.knowm.xchart.style.AxesChartStyler axes) {
            axes.setAxisTitleFont(font(Font.PLAIN, 13));
            axes.setAxisTickLabelsFont(font(Font.PLAIN, 11));
            axes.setAxisTickLabelsColor(Palette.MUTED);
            axes.setPlotGridLinesColor(Palette.GRID);
        }
        return styler;
    }

    static BufferedImage image(Chart<?, ?> chart) {
        return BitmapEncoder.getBufferedImage(chart);
    }
}
