package dev.digits.cli;

import dev.digits.DigitsException;
import dev.digits.data.DataFile;
import dev.digits.data.DatasetSpec;
import dev.digits.data.DigitSet;
import dev.digits.data.Mnist;
import dev.digits.eval.Evaluation;
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
import dev.digits.train.Schedule;
import dev.digits.train.TrainingData;
import dev.digits.train.TrainingOptions;
import dev.digits.train.TrainingRun;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code digits train}: download the data if needed, train, evaluate on the test set, save. */
@Command(
        name = "train",
        sortOptions = false,
        showDefaultValues = true,
        defaultValueProvider = TrainCommand.Defaults.class,
        description = "Train a model on MNIST, evaluate it on the 10,000 test images and save it.",
        footerHeading = "%nExamples:%n",
        footer = {
            "  digits train                                   # the original CNN, 10 epochs",
            "  digits train --arch strided --augment --epochs 22 --ema 0.999",
            "  digits train --resume models/seed-2026-11-24 --epochs 15     # go on"
        })
final class TrainCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(
            names = "--arch",
            paramLabel = "NAME",
            description = "Architecture: ${COMPLETION-CANDIDATES}.",
            completionCandidates = ArchitectureNames.class)
    String architecture;

    /** --arch under its old name, from before --model meant a model directory everywhere else. */
    @Option(names = "--model", paramLabel = "NAME", hidden = true)
    String oldArchitectureOption;

    @Option(
            names = "--dataset",
            paramLabel = "NAME",
            description = "mnist, or fashion (Fashion-MNIST; Debian's dataset-fashion-mnist or a mirror).")
    String dataset;

    @Option(names = "--epochs", paramLabel = "N", description = "Epochs. With --resume: train up to N epochs in all.")
    int epochs;

    @Option(names = "--batch-size", paramLabel = "N", description = "Batch size.")
    int batchSize;

    @Option(names = "--lr", paramLabel = "RATE", description = "Adam learning rate.")
    float learningRate;

    @Option(names = "--seed", paramLabel = "N", description = "Random seed.")
    int seed;

    @Option(
            names = "--limit",
            paramLabel = "N",
            description = "Train on the first N training images only, for quick runs (0: all).")
    int limit;

    @Option(
            names = "--validation",
            paramLabel = "SET",
            description = "holdout: the last 5,000 training images; test: the test set, as the original notebook did.")
    TrainingOptions.Validation validation;

    @Option(
            names = "--keep",
            paramLabel = "EPOCH",
            description = "best: end with the epoch of best validation accuracy; last: the last epoch. "
                    + "With --resume it may change what a finished run keeps.")
    TrainingOptions.Keep keep;

    @Option(
            names = "--augment",
            description = "Distort training images randomly (rotation, scale, shear, shift, elastic, stroke width): "
                    + "more robust to real handwriting.")
    boolean augment;

    @Option(
            names = "--schedule",
            paramLabel = "NAME",
            converter = ScheduleName.class,
            description = "Learning rate over the run: constant (the original recipe), cosine (decays to 0) "
                    + "or one-cycle (warms up to --lr over 30%% of the steps, then decays).")
    Schedule schedule;

    @Option(
            names = "--label-smoothing",
            paramLabel = "X",
            description = "Train towards 1-X for the true class and X/10 spread over all classes (0: off).")
    float labelSmoothing;

    @Option(
            names = "--ema",
            paramLabel = "DECAY",
            description = "Validate and keep an exponential moving average of the weights, updated after every step "
                    + "with this decay, such as 0.999 (0: off).")
    float ema;

    @Option(
            names = "--patience",
            paramLabel = "N",
            description = "Stop early when validation accuracy has not improved for N epochs (0: never).")
    int patience;

    @Option(
            names = "--erase",
            paramLabel = "P",
            description =
                    "Random erasing: with probability P, fill a random rectangle of each training image with noise "
                            + "(0: off).")
    float erase;

    @Option(
            names = "--outliers",
            paramLabel = "N",
            description =
                    "Also train on N generated pieces that are not one digit (touching digits, digits cut apart), "
                            + "towards being unsure of them: reading several digits then tells a pair from one wide digit "
                            + "better (0: none).")
    int outliers;

    @Option(
            names = "--handwriting",
            description =
                    "Also train on real handwriting of writers the benchmark does not measure: UCI pen strokes drawn "
                            + "as the page draws them, UCI optdigits and USPS scans (see --handwriting-dir), each made into the "
                            + "reader's own 28x28 input.")
    boolean handwriting;

    /** Shows and fills in each training option's default from {@link TrainingOptions#defaults()}, their one owner. */
    static final class Defaults implements CommandLine.IDefaultValueProvider {
        private static final TrainingOptions DEFAULTS = TrainingOptions.defaults();

        @Override
        public String defaultValue(CommandLine.Model.ArgSpec argument) {
            if (!(argument instanceof CommandLine.Model.OptionSpec option)) {
                return null;
            }
            Object value = switch (option.longestName()) {
                case "--arch" -> DEFAULTS.architecture();
                case "--dataset" -> DEFAULTS.dataset();
                case "--epochs" -> DEFAULTS.epochs();
                case "--batch-size" -> DEFAULTS.batchSize();
                case "--lr" -> DEFAULTS.learningRate();
                case "--seed" -> DEFAULTS.seed();
                case "--limit" -> DEFAULTS.limit();
                case "--validation" -> DEFAULTS.validation().name().toLowerCase(Locale.ROOT);
                case "--keep" -> DEFAULTS.keep().name().toLowerCase(Locale.ROOT);
                case "--schedule" -> DEFAULTS.schedule().cliName();
                case "--label-smoothing" -> DEFAULTS.labelSmoothing();
                case "--ema" -> DEFAULTS.ema();
                case "--patience" -> DEFAULTS.patience();
                case "--erase" -> DEFAULTS.erasing();
                case "--outliers" -> DEFAULTS.outliers();
                default -> null;
            };
            return value == null ? null : String.valueOf(value);
        }
    }

    /** The architectures {@code --arch} takes, for help and shell completion. */
    static final class ArchitectureNames implements Iterable<String> {
        @Override
        public java.util.Iterator<String> iterator() {
            return Architectures.all().stream().map(Architecture::name).iterator();
        }
    }

    @Option(names = "--out", paramLabel = "DIR", description = "Output directory (default: models/<model>-<date>).")
    Path out;

    @Option(
            names = "--resume",
            paramLabel = "DIR",
            description = "Continue the interrupted run in DIR from its last finished epoch (its options are reused).")
    Path resume;

    @Mixin
    DataOptions data;

    @Override
    public Integer call() throws IOException {
        if (oldArchitectureOption != null) {
            System.err.println("digits: --model NAME is now --arch NAME (--model names a model directory elsewhere)");
            architecture = oldArchitectureOption;
        }
        boolean resuming = resume != null;
        Path directory = resuming ? resume : outputDirectory(out, architecture);
        TrainingOptions options = resuming ? resumedOptions() : newOptions();
        trainAndSave(options, directory, resuming, data);
        return 0;
    }

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

        System.out.printf(
                Locale.ROOT,
                "%s %s on %s: %,d training images, %,d validation (%s), %d epochs, batch %d, lr %s, seed %d, %d threads%n",
                resuming ? "Resuming" : "Training",
                architecture.name(),
                spec.name(),
                trainingData.train().size(),
                trainingData.validation().size(),
                options.validation().name().toLowerCase(Locale.ROOT),
                options.epochs(),
                options.batchSize(),
                options.learningRate(),
                options.seed(),
                EngineSettings.threads());
        System.out.println("Output: " + directory.toAbsolutePath());

        String command = reproducingCommand(options);
        TrainingRun run = new TrainingRun(options, trainingData, directory, command, new ConsoleProgress(System.out));
        TrainingRun.Result result = run.run(resuming);
        try (Classifier classifier = result.classifier()) {
            Evaluation test = TrainingRun.evaluate(classifier, trainingData.test());
            Map<String, Double> metrics = new LinkedHashMap<>(test.metrics("test"));
            metrics.put("validation_accuracy", result.kept().validationAccuracy());
            metrics.put("validation_loss", result.kept().validationLoss());
            metrics.put("epoch", (double) result.keptEpoch());
            metrics.put(
                    "train_seconds",
                    result.history().stream().mapToDouble(e -> e.seconds()).sum());
            ModelCard card = new ModelCard(
                    directory.getFileName().toString(),
                    architecture.name(),
                    architecture.description(),
                    classifier.parameterCount(),
                    spec.name(),
                    spec.classNames(),
                    ModelCard.INPUT,
                    options.asMap(),
                    dataSha256,
                    VersionProvider.software(),
                    OffsetDateTime.now().truncatedTo(ChronoUnit.SECONDS).toString(),
                    command,
                    metrics);
            ModelDirectory.save(directory, classifier, card);
            History.write(directory, result.history());
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

    private TrainingOptions newOptions() {
        try {
            Architectures.byName(architecture);
            DatasetSpec.byName(dataset);
        } catch (DigitsException e) {
            throw Usage.error(spec, e.getMessage());
        }
        return Usage.check(
                spec,
                () -> TrainingOptions.builder()
                        .architecture(architecture)
                        .dataset(dataset)
                        .epochs(epochs)
                        .batchSize(batchSize)
                        .learningRate(learningRate)
                        .seed(seed)
                        .limit(limit)
                        .validation(validation)
                        .keep(keep)
                        .augment(augment)
                        .schedule(schedule)
                        .labelSmoothing(labelSmoothing)
                        .ema(ema)
                        .patience(patience)
                        .erasing(erase)
                        .outliers(outliers)
                        .handwriting(handwriting)
                        .build());
    }

    /** The interrupted run's options; of the command line's, only --epochs and --keep, where given. */
    private TrainingOptions resumedOptions() {
        if (out != null) {
            throw Usage.error(spec, "--resume continues in its own directory; drop --out");
        }
        TrainingOptions.Builder saved = Checkpoint.readState(resume).options().toBuilder();
        CommandLine.ParseResult given = spec.commandLine().getParseResult();
        if (given.hasMatchedOption("--epochs")) {
            saved.epochs(epochs);
        }
        if (given.hasMatchedOption("--keep")) {
            saved.keep(keep);
        }
        return Usage.check(spec, saved::build);
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

    static String reproducingCommand(TrainingOptions o) {
        return String.format(
                        Locale.ROOT,
                        "digits train%s --arch %s --epochs %d --batch-size %d --lr %s --seed %d%s --validation %s --keep %s",
                        o.dataset().equals("mnist") ? "" : " --dataset " + o.dataset(),
                        o.architecture(),
                        o.epochs(),
                        o.batchSize(),
                        o.learningRate(),
                        o.seed(),
                        o.limit() > 0 ? " --limit " + o.limit() : "",
                        o.validation().name().toLowerCase(Locale.ROOT),
                        o.keep().name().toLowerCase(Locale.ROOT))
                + (o.augment() ? " --augment" : "")
                + (o.schedule() != Schedule.CONSTANT
                        ? " --schedule " + o.schedule().cliName()
                        : "")
                + (o.labelSmoothing() > 0 ? " --label-smoothing " + o.labelSmoothing() : "")
                + (o.ema() > 0 ? " --ema " + o.ema() : "")
                + (o.patience() > 0 ? " --patience " + o.patience() : "")
                + (o.erasing() > 0 ? " --erase " + o.erasing() : "")
                + (o.outliers() > 0 ? " --outliers " + o.outliers() : "")
                + (o.handwriting() ? " --handwriting" : "");
    }

    static final class ScheduleName implements picocli.CommandLine.ITypeConverter<Schedule> {
        @Override
        public Schedule convert(String value) {
            return Schedule.byName(value);
        }
    }

    private static Map<String, String> sha256s(List<DataFile> files) {
        Map<String, String> result = new LinkedHashMap<>();
        files.forEach(f -> result.put(f.name(), f.sha256()));
        return result;
    }
}
