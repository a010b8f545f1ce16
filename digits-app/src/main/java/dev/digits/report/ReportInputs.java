package dev.digits.report;

import dev.digits.model.Classifier;
import dev.digits.model.ModelCard;
import dev.digits.train.EpochStats;
import dev.digits.train.TrainingData;
import java.nio.file.Path;
import java.util.List;

/**
 * What a report is made from.
 *
 * @param history the run's epochs; empty for a model without a history (imported, or trained elsewhere)
 * @param data the images as the run used them; {@code validation} is empty when the card does not say
 */
public record ReportInputs(
        Path modelDirectory, ModelCard card, List<EpochStats> history, TrainingData data, Classifier classifier) {
    public ReportInputs {
        history = List.copyOf(history);
    }
}
