package dev.digits.train;

import dev.digits.data.DatasetSpec;
import dev.digits.eval.Evaluation;
import dev.digits.model.ModelCard;
import dev.digits.model.ModelDirectory;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Saves a finished training run as a model directory: the parameters, the card (written from the
 * options, the kept epoch and the test evaluation) and the per-epoch history. What the data and
 * software were is the caller's to say; each is empty until set.
 */
public final class ModelWriter {
    private final Path directory;
    private Map<String, String> dataSha256 = Map.of();
    private Map<String, String> software = Map.of();

    public ModelWriter(Path directory) {
        this.directory = directory;
    }

    /** SHA-256 of each data file the model was trained and tested on, by file name. */
    public ModelWriter dataSha256(Map<String, String> value) {
        dataSha256 = value;
        return this;
    }

    /** Versions of what trained the model. */
    public ModelWriter software(Map<String, String> value) {
        software = value;
        return this;
    }

    /** Writes the directory atomically file by file; returns the card it wrote. */
    public ModelCard save(TrainingOptions options, TrainingRun.Result result, Evaluation test) throws IOException {
        Map<String, Double> metrics = new LinkedHashMap<>(test.metrics("test"));
        metrics.put("validation_accuracy", result.kept().validationAccuracy());
        metrics.put("validation_loss", result.kept().validationLoss());
        metrics.put("epoch", (double) result.keptEpoch());
        metrics.put(
                "train_seconds",
                result.history().stream().mapToDouble(EpochStats::seconds).sum());
        ModelCard card = ModelCard.describing(
                        directory.getFileName().toString(), result.classifier(), DatasetSpec.byName(options.dataset()))
                .hyperparameters(options.asMap())
                .dataSha256(dataSha256)
                .software(software)
                .command(options.commandLine())
                .metrics(metrics)
                .build();
        ModelDirectory.save(directory, result.classifier(), card);
        History.write(directory, result.history());
        return card;
    }
}
