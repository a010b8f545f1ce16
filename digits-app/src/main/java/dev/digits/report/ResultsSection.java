package dev.digits.report;

import dev.digits.data.DigitSet;
import dev.digits.eval.Evaluation;
import java.awt.Color;
import java.awt.Font;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import org.knowm.xchart.HeatMapChart;
import org.knowm.xchart.HeatMapChartBuilder;
import org.knowm.xchart.style.HeatMapStyler;

/** Section 3: the test-set numbers, as {@code digits evaluate} reports them, and where the errors fall. */
final class ResultsSection {
    static final String CONFUSION = "results-confusion-matrix.png";
    private static final int TOP_CONFUSIONS = 10;

    private ResultsSection() {}

    static Section build(ReportContext context) {
        Evaluation e = context.evaluation();
        Section section = new Section("results", "3. Results on the test set");
        section.paragraph("All " + Html.count(e.count()) + " test images, never seen in training or validation. "
                + "These are the numbers 'digits evaluate' prints for this model.");
        section.raw("<div class=\"metrics\">\n"
                + metric("test_accuracy", "test accuracy", Html.decimal(e.accuracy()))
                + metric("test_loss", "test loss (cross-entropy)", Html.decimal(e.loss()))
                + metric("errors", "errors", Html.count(e.errors()))
                + metric("test_count", "test images", Html.count(e.count()))
                + "</div>\n");
        section.figure(new Figure(
                CONFUSION,
                "Confusion matrix (counts)",
                "Rows are the true class, columns the prediction; the "
                        + "diagonal holds the correct answers. The colour scale ends at the largest error count, so the diagonal saturates "
                        + "and even single errors show. Look for dark cells off the diagonal: they are the pairs the model mixes up, and a row with several of them is a "
                        + "class it finds hard.",
                heatmap(e.confusion())));
        section.heading("Per class");
        section.raw(perClassTable(e));
        section.heading("Most frequent confusions");
        section.raw(confusionsTable(Confusions.mostFrequent(e.confusion(), TOP_CONFUSIONS)));
        section.raw("<details><summary>Confusion matrix as a table</summary>\n" + confusionTable(e.confusion())
                + "</details>\n");
        return section;
    }

    private static String metric(String key, String label, String value) {
        return "<div class=\"metric\"><div class=\"value\" data-key=\"" + key + "\">" + value
                + "</div><div class=\"label\">" + label + "</div></div>\n";
    }

    static BufferedImage heatmap(int[][] confusion) {
        int n = confusion.length;
        List<String> predicted = new ArrayList<>();
        List<String> actual = new ArrayList<>();
        for (int c = 0; c < n; c++) {
            predicted.add(String.valueOf(c));
            actual.add(String.valueOf(n - 1 - c)); // the y axis grows upwards; class 0 belongs at the top
        }
        List<Number[]> cells = new ArrayList<>();
        int maxError = 1;
        for (int t = 0; t < n; t++) {
            for (int p = 0; p < n; p++) {
                cells.add(new Number[] {p, n - 1 - t, confusion[t][p]});
                if (p != t) {
                    maxError = Math.max(maxError, confusion[t][p]);
                }
            }
        }
        HeatMapChart chart = new HeatMapChartBuilder()
                .width(640)
                .height(560)
                .xAxisTitle("predicted class")
                .yAxisTitle("true class")
                .build();
        HeatMapStyler styler = Charts.style(chart.getStyler());
        styler.setLegendVisible(false);
        styler.setRangeColors(new Color[] {Color.WHITE, new Color(0xc6dbef), new Color(0x6baed6), new Color(0x4292c6)});
        // The scale ends at the largest error count: the diagonal (hundreds) saturates, and the errors get the whole
        // range.
        styler.setMin(0);
        styler.setMax(maxError);
        styler.setShowValue(true);
        styler.setHeatMapValueDecimalPattern("0");
        styler.setValueFont(Charts.font(Font.PLAIN, 12));
        styler.setValueFontColor(Palette.TEXT);
        styler.setDrawBorder(true);
        chart.addSeries("confusion", predicted, actual, cells);
        return Charts.image(chart);
    }

    private static String perClassTable(Evaluation e) {
        List<List<String>> rows = new ArrayList<>();
        for (Evaluation.ClassMetrics m : e.perClass()) {
            String d = String.valueOf(m.digit());
            rows.add(List.of(
                    "<th>" + d + "</th>",
                    Html.cell("precision_" + d, Html.decimal(m.precision())),
                    Html.cell("recall_" + d, Html.decimal(m.recall())),
                    Html.cell("f1_" + d, Html.decimal(m.f1())),
                    Html.cell("support_" + d, Html.count(m.support()))));
        }
        return "<p>Precision: of the images predicted as this class, the share that are. Recall: of the images of this class, "
                + "the share found. F1: their harmonic mean. Support: test images of the class.</p>\n"
                + Html.table("numbers per-class", List.of("class", "precision", "recall", "F1", "support"), rows);
    }

    private static String confusionsTable(List<Confusions.Confusion> confusions) {
        if (confusions.isEmpty()) {
            return "<p>No confusions: every test image is classified correctly.</p>\n";
        }
        List<List<String>> rows = new ArrayList<>();
        for (Confusions.Confusion c : confusions) {
            rows.add(List.of(
                    c.trueClass() + " &rarr; " + c.predicted(),
                    Html.count(c.count()),
                    Html.percent(c.shareOfClass()) + " of the " + c.trueClass() + "s"));
        }
        return "<p>The largest off-diagonal cells: digit written &rarr; digit predicted.</p>\n"
                + Html.table("numbers confusions", List.of("confusion", "count", "share"), rows);
    }

    private static String confusionTable(int[][] confusion) {
        List<String> header = new ArrayList<>(List.of("true \\ predicted"));
        for (int c = 0; c < DigitSet.CLASSES; c++) {
            header.add(String.valueOf(c));
        }
        List<List<String>> rows = new ArrayList<>();
        for (int t = 0; t < confusion.length; t++) {
            List<String> row = new ArrayList<>(List.of("<th>" + t + "</th>"));
            for (int p = 0; p < confusion.length; p++) {
                row.add(Html.cell("confusion_" + t + "_" + p, String.valueOf(confusion[t][p])));
            }
            rows.add(row);
        }
        return Html.table("numbers confusion", header, rows);
    }
}
