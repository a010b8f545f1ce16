package dev.digits.cli;

import dev.digits.DigitsException;
import dev.digits.data.DataFile;
import dev.digits.data.DatasetSpec;
import dev.digits.data.DigitSet;
import dev.digits.data.Mnist;
import dev.digits.data.Sha256;
import dev.digits.eval.Evaluation;
import dev.digits.handwriting.LabelledImages;
import dev.digits.handwriting.RealHandwriting;
import dev.digits.handwriting.TrainingImages;
import dev.digits.model.Architecture;
import dev.digits.model.Architectures;
import dev.digits.model.Classifier;
import dev.digits.model.ModelCard;
import dev.digits.model.ModelDirectory;
import dev.digits.report.ReportInputs;
import dev.digits.report.ReportWriter;
import dev.digits.report.TrainingCurves;
import dev.digits.train.Checkpoint;
import dev.digits.train.History;
import dev.digits.train.ModelWriter;
import dev.digits.train.TrainingData;
import dev.digits.train.TrainingOptions;
import dev.digits.train.TrainingRun;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A training run from data to a saved model directory, telling the console what it does: shared by
 * {@code train} and {@code bench strong}. The loop is {@link TrainingRun}'s; the saving is
 * {@link ModelWriter}'s; here are the data, the curves and report, and the words.
 */
final class TrainingJob {
    private TrainingJob() {}

    /**
     * Trains (or resumes) a run into {@code directory}, evaluates it on the test set, saves model,
     * card, history, curves and report, and prints what it did. Returns the test evaluation.
     */
    static Evaluation trainAndSave(TrainingOptions options, Path directory, boolean resuming, DataOptions data)
            throws IOException {
        Architecture architecture = Architectures.byName(options.architecture());
        DatasetSpec spec = DatasetSpec.byName(options.dataset());
        Mnist.Splits splits = Mnist.load(data.cache(), spec);
        TrainingData trainingData = TrainingData.split(splits, options);
        Map<String, String> dataSha256 = sha256s(spec.files());
        if (options.handwriting()) {
            RealHandwriting handwriting = data.handwriting();
            System.out.println("Preparing real handwriting of the training writers...");
            DigitSet real = TrainingImages.of(handwriting, options.seed());
            System.out.println("Adding " + TrainingImages.describe(real));
            trainingData = trainingData.withMoreTraining(real);
            dataSha256.putAll(sha256s(handwriting.files()));
        }
        if (!options.images().isEmpty()) {
            Path imagesDirectory = Path.of(options.images());
            LabelledImages labelled = LabelledImages.read(imagesDirectory);
            System.out.printf(
                    Locale.ROOT,
                    "Adding %,d labelled images from %s%s%n",
                    labelled.images().size(),
                    imagesDirectory,
                    labelled.skipped() > 0 ? " (" + labelled.skipped() + " skipped: numbers, or no ink)" : "");
            trainingData = trainingData.withMoreTraining(labelled.images());
            dataSha256.put(
                    imagesDirectory.resolve(LabelledImages.LABELS).toString(),
                    Sha256.of(imagesDirectory.resolve(LabelledImages.LABELS)));
        }

        System.out.printf(
                Locale.ROOT,
                "%s %s on %s: %,d training images, %,d validation (%s), %d epoch%s, batch %d, lr %s, seed %d, %d threads%n",
                resuming ? "Resuming" : "Training",
                architecture.name(),
                spec.name(),
                trainingData.train().size(),
                trainingData.validation().size(),
                options.validation().name().toLowerCase(Locale.ROOT),
                options.epochs(),
                options.epochs() == 1 ? "" : "s",
                options.batchSize(),
                options.learningRate(),
                options.seed(),
                EngineSettings.threads());
        System.out.println("Output: " + directory.toAbsolutePath());

        TrainingRun run = new TrainingRun(
                options, trainingData, directory, options.commandLine(), new ConsoleProgress(System.out));
        TrainingRun.Result result = run.run(resuming);
        try (Classifier classifier = result.classifier()) {
            Evaluation test = Evaluation.of(classifier, trainingData.test());
            ModelCard card = new ModelWriter(directory)
                    .dataSha256(dataSha256)
                    .software(VersionProvider.software())
                    .save(options, result, test);
            TrainingCurves.write(directory, result.history());
            Path report = writeReport(
                    new ReportInputs(directory, card, result.history(), trainingData, classifier), directory);
            if (result.history().size() < options.epochs()) {
                System.out.printf(
                        Locale.ROOT,
                        "Stopped early after epoch %d: no better validation accuracy for %d epochs (--patience)%n",
                        result.history().size(),
                        options.patience());
            }
            if (result.keptEpoch() != result.history().size()) {
                System.out.printf(
                        Locale.ROOT,
                        "Keeping epoch %d (best validation accuracy %.4f; --keep last keeps the last one)%n",
                        result.keptEpoch(),
                        result.kept().validationAccuracy());
            }
            System.out.println();
            System.out.println("Saved " + directory.toAbsolutePath() + ":");
            System.out.println("  " + ModelDirectory.PARAMETERS + "        parameters ("
                    + String.format("%,d", classifier.parameterCount()) + ")");
            System.out.println(
                    "  " + ModelDirectory.CARD + "          model card (hyperparameters, data SHA-256, metrics)");
            System.out.println("  " + History.CSV + ", " + History.JSON + "  per-epoch loss and accuracy");
            System.out.println("  " + TrainingCurves.FILE + " accuracy and loss curves");
            System.out.println("  " + Checkpoint.FILE + "      last epoch's checkpoint (train further with --resume)");
            if (report != null) {
                System.out.println("  " + directory.relativize(report) + "  the research report (figures beside it)");
            }
            System.out.printf(Locale.ROOT, "Evaluate again: digits evaluate --model %s%n", directory);
            System.out.printf(Locale.ROOT, "test loss: %.4f%n", test.loss());
            System.out.printf(Locale.ROOT, "test accuracy: %.4f%n", test.accuracy());
            return test;
        }
    }

    /** The model is saved by now: a report that cannot be written is a warning, not a failed training run. */
    private static Path writeReport(ReportInputs inputs, Path directory) {
        try {
            return ReportWriter.write(inputs, ReportWriter.defaultDirectory(directory));
        } catch (IOException | RuntimeException e) {
            System.err.println("digits: warning: the model is saved, but its report could not be written ("
                    + e.getMessage() + "); try again with: digits report --model " + directory);
            return null;
        }
    }

    /** {@code out} if it holds no model yet; without it, a new directory models/<model>-<date>[-n]. */
    static Path outputDirectory(Path out, String model) throws IOException {
        if (out != null) {
            if (Files.exists(out.resolve(ModelDirectory.CARD)) || Checkpoint.exists(out)) {
                throw new DigitsException(out + " already holds a model or a checkpoint; choose another --out, "
                        + "or continue that run with --resume " + out);
            }
            return out;
        }
        Path base = Path.of("models", model + "-" + LocalDate.now());
        Path candidate = base;
        for (int n = 2; Files.exists(candidate); n++) {
            candidate = Path.of(base + "-" + n);
        }
        return candidate;
    }

    private static Map<String, String> sha256s(List<DataFile> files) {
        Map<String, String> result = new LinkedHashMap<>();
        files.forEach(f -> result.put(f.name(), f.sha256()));
        return result;
    }
}
