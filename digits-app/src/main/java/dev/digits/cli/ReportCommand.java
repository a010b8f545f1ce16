package dev.digits.cli;

import dev.digits.data.DatasetSpec;
import dev.digits.data.Mnist;
import dev.digits.model.Classifier;
import dev.digits.model.ModelCard;
import dev.digits.model.ModelDirectory;
import dev.digits.report.ReportInputs;
import dev.digits.report.ReportWriter;
import dev.digits.train.EpochStats;
import dev.digits.train.History;
import dev.digits.train.TrainingData;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code digits report}: the research report of a saved model, as one HTML page with its figures. */
@Command(
        name = "report",
        description =
                "Write a model's report: report.html (data, training, results, mistakes, inside the network) and its figures.")
final class ReportCommand implements Callable<Integer> {
    @Option(
            names = "--model",
            paramLabel = "DIR",
            required = true,
            description = "Model directory (as written by digits train).")
    Path model;

    @Option(names = "--out", paramLabel = "DIR", description = "Output directory (default: <model dir>/report).")
    Path out;

    @Mixin
    DataOptions data;

    @Override
    public Integer call() throws IOException {
        ModelCard card = ModelDirectory.readCard(model);
        Mnist.Splits splits = Mnist.load(data.cache(), DatasetSpec.byName(card.dataset()));
        List<EpochStats> history = Files.isRegularFile(model.resolve(History.JSON)) ? History.read(model) : List.of();
        Path directory = out != null ? out : ReportWriter.defaultDirectory(model);
        try (Classifier classifier = ModelDirectory.load(model)) {
            Path page = ReportWriter.write(
                    new ReportInputs(
                            model, card, history, TrainingData.asRecorded(splits, card.hyperparameters()), classifier),
                    directory);
            System.out.println("Report: " + page.toAbsolutePath());
        }
        return 0;
    }
}
