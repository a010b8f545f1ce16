package dev.digits.report;

import dev.digits.data.DigitSet;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/** A scatter plot of 2-D points, one colour per class. */
final class EmbeddingChart {
    private EmbeddingChart() {}

    static BufferedImage render(String title, double[][] points, byte[] labels) {
        XYChart chart = new XYChartBuilder()
                .width(620)
                .height(520)
                .title(title)
                .xAxisTitle("component 1")
                .yAxisTitle("component 2")
                .build();
        Charts.style(chart.getStyler());
        chart.getStyler().setDefaultSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
        chart.getStyler().setMarkerSize(5);
        chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideE);
        chart.getStyler().setXAxisTicksVisible(false);
        chart.getStyler().setYAxisTicksVisible(false);
        for (int digit = 0; digit < DigitSet.CLASSES; digit++) {
            List<Double> x = new ArrayList<>();
            List<Double> y = new ArrayList<>();
            for (int i = 0; i < points.length; i++) {
                if (labels[i] == digit) {
                    x.add(points[i][0]);
                    y.add(points[i][1]);
                }
            }
            if (x.isEmpty()) {
                continue;
            }
            XYSeries series = chart.addSeries(String.valueOf(digit), x, y);
            Color c = Palette.ofClass(digit);
            series.setMarker(SeriesMarkers.CIRCLE);
            series.setMarkerColor(
                    new Color(c.getRed(), c.getGreen(), c.getBlue(), 170)); // overlapping points stay visible
        }
        return Charts.image(chart);
    }
}
