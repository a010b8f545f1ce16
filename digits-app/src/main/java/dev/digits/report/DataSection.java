package dev.digits.report;

import dev.digits.data.DigitSet;
import dev.digits.train.TrainingData;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.CategorySeries;
import org.knowm.xchart.style.Styler;

/** Section 1: what the network learned from: sample images of each class and the class balance of each split. */
final class DataSection {
    static final String SAMPLES = "data-samples.png";
    static final String DISTRIBUTION = "data-class-distribution.png";
    private static final int PER_CLASS = 12;
    private static final int SCALE = 2;
    private static final int GAP = 6;
    private static final int LABEL_WIDTH = 34;

    private DataSection() {}

    static Section build(ReportContext context) {
        TrainingData data = context.inputs().data();
        Map<String, DigitSet> splits = splits(data);
        Section section = new Section("data", "1. Data");
        section.paragraph(
                "MNIST: 28x28 greyscale digits, white ink on black in the files (drawn here as dark ink on paper). "
                        + (data.validation().size() == 0
                                ? "The model card does not say how training split its images, so the published train and test sets are shown."
                                : "The splits below are the ones this run used."));
        section.raw(splitTable(splits));
        section.figure(new Figure(
                SAMPLES,
                "Sample training images, " + PER_CLASS + " per class",
                "Each row is one class, taken "
                        + "in file order. Look at how much the same digit varies (slant, stroke width, open or closed loops, a 7 with or "
                        + "without a bar): the network has to absorb all of it.",
                samples(data.train())));
        section.figure(new Figure(
                DISTRIBUTION,
                "Class distribution per split",
                "Share of each class within each split. Bars of "
                        + "one class should be about as high in every split: then validation and test measure the same task as training. "
                        + "MNIST is nearly balanced (each class 9-11%), so accuracy is not dominated by one class.",
                distribution(splits)));
        return section;
    }

    private static Map<String, DigitSet> splits(TrainingData data) {
        Map<String, DigitSet> splits = new LinkedHashMap<>();
        splits.put("train", data.train());
        if (data.validation().size() > 0) {
            splits.put("validation", data.validation());
        }
        splits.put("test", data.test());
        return splits;
    }

    private static String splitTable(Map<String, DigitSet> splits) {
        List<String> header = new ArrayList<>(List.of("split", "images"));
        for (int c = 0; c < DigitSet.CLASSES; c++) {
            header.add(String.valueOf(c));
        }
        List<List<String>> rows = new ArrayList<>();
        splits.forEach((name, set) -> {
            List<String> row = new ArrayList<>(
                    List.of("<th>" + name + "</th>", Html.cell("split_" + name, Html.count(set.size()))));
            for (int count : set.classCounts()) {
                row.add(Html.count(count));
            }
            rows.add(row);
        });
        return Html.table("numbers splits", header, rows);
    }

    static BufferedImage samples(DigitSet train) {
        int cell = DigitSet.SIDE * SCALE + GAP;
        BufferedImage image = new BufferedImage(
                LABEL_WIDTH + PER_CLASS * cell + GAP, DigitSet.CLASSES * cell + GAP, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = DigitImages.canvas(image);
        g.setFont(Charts.font(Font.BOLD, 16));
        for (int digit = 0; digit < DigitSet.CLASSES; digit++) {
            int y = GAP + digit * cell;
            g.setColor(Palette.ofClass(digit));
            DigitImages.centredText(g, String.valueOf(digit), LABEL_WIDTH / 2, y + cell / 2 + 4);
            int column = 0;
            for (int i = 0; i < train.size() && column < PER_CLASS; i++) {
                if (train.label(i) == digit) {
                    DigitImages.frame(g, DigitImages.digit(train, i, SCALE), LABEL_WIDTH + column * cell, y);
                    column++;
                }
            }
        }
        g.dispose();
        return image;
    }

    private static BufferedImage distribution(Map<String, DigitSet> splits) {
        CategoryChart chart = new CategoryChartBuilder()
                .width(760)
                .height(380)
                .xAxisTitle("class")
                .yAxisTitle("share of the split (%)")
                .build();
        Charts.style(chart.getStyler());
        chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideE);
        chart.getStyler().setYAxisDecimalPattern("0");
        chart.getStyler().setAvailableSpaceFill(0.8);
        List<String> classes = new ArrayList<>();
        for (int c = 0; c < DigitSet.CLASSES; c++) {
            classes.add(String.valueOf(c));
        }
        splits.forEach((name, set) -> {
            List<Double> shares = new ArrayList<>();
            for (int count : set.classCounts()) {
                shares.add(100.0 * count / set.size());
            }
            CategorySeries series = chart.addSeries(name, classes, shares);
            series.setFillColor(
                    switch (name) {
                        case "train" -> Palette.TRAIN;
                        case "validation" -> Palette.VALIDATION;
                        default -> Palette.TEST;
                    });
        });
        return Charts.image(chart);
    }
}
