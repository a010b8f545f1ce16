package dev.digits.report;

import dev.digits.train.EpochStats;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.ToDoubleFunction;
import javax.imageio.ImageIO;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.XYStyler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/** {@code training-curves.png}: accuracy and loss per epoch, train vs validation, side by side. */
public final class TrainingCurves {
    public static final String FILE = "training-curves.png";
    private static final int WIDTH = 640;
    private static final int HEIGHT = 420;
    private static final Color TRAIN = new Color(0x1f77b4);
    private static final Color VALIDATION = new Color(0xff7f0e);

    private TrainingCurves() {}

    public static BufferedImage render(List<EpochStats> history) {
        return render(history, TrainingCurves::plain);
    }

    /** @param look fonts and colours, so that a document can draw these curves in its own style */
    public static BufferedImage render(List<EpochStats> history, Consumer<XYStyler> look) {
        BufferedImage accuracy = BitmapEncoder.getBufferedImage(
                chart("Accuracy", history, EpochStats::trainAccuracy, EpochStats::validationAccuracy, look));
        BufferedImage loss = BitmapEncoder.getBufferedImage(
                chart("Loss", history, EpochStats::trainLoss, EpochStats::validationLoss, look));
        BufferedImage both = new BufferedImage(WIDTH * 2, HEIGHT, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = both.createGraphics();
        g.drawImage(accuracy, 0, 0, null);
        g.drawImage(loss, WIDTH, 0, null);
        g.dispose();
        return both;
    }

    public static void write(Path directory, List<EpochStats> history) throws IOException {
        BufferedImage image = render(history);
        dev.digits.io.AtomicFiles.write(directory.resolve(FILE), out -> ImageIO.write(image, "png", out));
    }

    private static void plain(XYStyler styler) {
        styler.setChartBackgroundColor(Color.WHITE);
        styler.setPlotGridLinesColor(new Color(0xe0e0e0));
    }

    private static XYChart chart(
            String title,
            List<EpochStats> history,
            ToDoubleFunction<EpochStats> train,
            ToDoubleFunction<EpochStats> validation,
            Consumer<XYStyler> look) {
        XYChart chart = new XYChartBuilder()
                .width(WIDTH)
                .height(HEIGHT)
                .title(title)
                .xAxisTitle("epoch")
                .yAxisTitle(title.toLowerCase(java.util.Locale.ROOT))
                .build();
        XYStyler styler = chart.getStyler();
        look.accept(styler);
        styler.setLegendPosition(Styler.LegendPosition.InsideNE);
        styler.setXAxisDecimalPattern("0");
        double[] epochs = history.stream().mapToDouble(EpochStats::epoch).toArray();
        addSeries(chart, "train", epochs, history.stream().mapToDouble(train).toArray(), TRAIN);
        addSeries(
                chart,
                "validation",
                epochs,
                history.stream().mapToDouble(validation).toArray(),
                VALIDATION);
        return chart;
    }

    private static void addSeries(XYChart chart, String name, double[] x, double[] y, Color color) {
        XYSeries series = chart.addSeries(name, x, y);
        series.setLineColor(color);
        series.setMarkerColor(color);
        series.setMarker(SeriesMarkers.CIRCLE);
    }
}
