package dev.digits.report;

import dev.digits.model.ModelCard;
import dev.digits.train.EpochStats;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;

/** Section 2: how training went (curves and epoch times) and how the model was made (hyperparameters, card). */
final class TrainingSection {
    static final String CURVES = "training-curves.png";
    static final String EPOCH_TIMES = "training-epoch-times.png";
    static final String NO_HISTORY = "This model has no training history (history.json): it was imported or trained "
            + "elsewhere, so there are no curves or epoch times to show.";

    private TrainingSection() {}

    static Section build(ModelCard card, List<EpochStats> history) {
        Section section = new Section("training", "2. Training");
        if (history.isEmpty()) {
            section.raw("<p class=\"notice\" id=\"no-history\">" + Html.escape(NO_HISTORY) + "</p>\n");
        } else {
            section.figure(new Figure(
                    CURVES,
                    "Accuracy and loss per epoch, train vs validation",
                    "Training figures are running "
                            + "averages over each epoch; validation is measured after it. Validation following training closely means the "
                            + "model generalises; validation loss rising while training loss keeps falling is overfitting, and the epoch "
                            + "before it is the one to keep.",
                    TrainingCurves.render(history, Charts::style)));
            section.figure(new Figure(
                    EPOCH_TIMES,
                    "Seconds per epoch",
                    "Wall time of each epoch, validation included. "
                            + "Epochs of one run should take about as long as each other; a slow outlier means the machine was busy.",
                    epochTimes(history)));
            section.raw(historyTable(history, card));
        }
        section.heading("Hyperparameters");
        section.raw(keyValueTable(card.hyperparameters() == null ? Map.of() : card.hyperparameters()));
        section.heading("Model card");
        section.raw(cardTable(card));
        return section;
    }

    private static BufferedImage epochTimes(List<EpochStats> history) {
        CategoryChart chart = new CategoryChartBuilder()
                .width(760)
                .height(320)
                .xAxisTitle("epoch")
                .yAxisTitle("seconds")
                .build();
        Charts.style(chart.getStyler());
        chart.getStyler().setLegendVisible(false);
        chart.getStyler().setYAxisMin(0.0);
        chart.getStyler().setAvailableSpaceFill(0.6);
        List<Integer> epochs = history.stream().map(EpochStats::epoch).toList();
        List<Double> seconds = history.stream().map(EpochStats::seconds).toList();
        chart.addSeries("seconds", epochs, seconds).setFillColor(Palette.TRAIN);
        return Charts.image(chart);
    }

    private static String historyTable(List<EpochStats> history, ModelCard card) {
        Double kept = card.metric("epoch");
        List<List<String>> rows = new ArrayList<>();
        for (EpochStats e : history) {
            String epoch =
                    kept != null && kept.intValue() == e.epoch() ? e.epoch() + " (kept)" : String.valueOf(e.epoch());
            rows.add(List.of(
                    epoch,
                    Html.decimal(e.trainLoss()),
                    Html.decimal(e.trainAccuracy()),
                    Html.decimal(e.validationLoss()),
                    Html.decimal(e.validationAccuracy()),
                    String.format(Locale.ROOT, "%.1f", e.seconds())));
        }
        return Html.table(
                "numbers history",
                List.of("epoch", "train loss", "train accuracy", "validation loss", "validation accuracy", "seconds"),
                rows);
    }

    private static String keyValueTable(Map<String, ?> values) {
        List<List<String>> rows = new ArrayList<>();
        values.forEach((key, value) ->
                rows.add(List.of("<th>" + Html.escape(key) + "</th>", Html.escape(String.valueOf(value)))));
        return Html.table("keyvalue", List.of("", ""), rows);
    }

    private static String cardTable(ModelCard card) {
        List<List<String>> rows = new ArrayList<>();
        row(rows, "name", card.name());
        row(rows, "architecture", card.architecture() + ": " + card.description());
        row(rows, "parameters", Html.count(card.parameters()));
        row(rows, "dataset", card.dataset());
        row(rows, "input", card.input());
        row(rows, "created", card.created());
        if (card.command() != null) {
            rows.add(List.of("<th>command</th>", "<code>" + Html.escape(card.command()) + "</code>"));
        }
        if (card.software() != null) {
            row(
                    rows,
                    "software",
                    String.join(
                            ", ",
                            card.software().entrySet().stream()
                                    .map(e -> e.getKey() + " " + e.getValue())
                                    .toList()));
        }
        if (card.metrics() != null) {
            row(
                    rows,
                    "metrics recorded",
                    String.join(
                            ", ",
                            card.metrics().entrySet().stream()
                                    .map(e -> e.getKey() + " " + formatMetric(e.getValue()))
                                    .toList()));
        }
        if (card.dataSha256() != null) {
            card.dataSha256()
                    .forEach((file, sha) -> rows.add(List.of(
                            "<th>" + Html.escape(file) + "</th>", "<code>sha256 " + Html.escape(sha) + "</code>")));
        }
        return Html.table("keyvalue card", List.of("", ""), rows);
    }

    private static String formatMetric(Double value) {
        return value == Math.rint(value)
                ? String.valueOf(value.longValue())
                : String.format(Locale.ROOT, "%.4f", value);
    }

    private static void row(List<List<String>> rows, String key, String value) {
        if (value != null) {
            rows.add(List.of("<th>" + key + "</th>", Html.escape(value)));
        }
    }
}
