package dev.digits.cli;

import dev.digits.DigitsException;
import dev.digits.data.DatasetSpec;
import dev.digits.model.Architecture;
import dev.digits.model.Architectures;
import dev.digits.train.Checkpoint;
import dev.digits.train.Schedule;
import dev.digits.train.TrainingOptions;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.function.Predicate;
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
            names = "--recipe",
            paramLabel = "NAME",
            defaultValue = "original",
            description = "Start from a recipe, then apply the options given (the defaults below are the original's): "
                    + "original, the seed project's (10 epochs of its CNN); quick, 99%% MNIST test accuracy in one "
                    + "epoch of seconds (--arch quick --epochs 1 --batch-size 128 --lr 0.015 --schedule one-cycle "
                    + "--label-smoothing 0.1 --validation test --keep last); strong, as digits bench accuracy trains.")
    Recipe recipe;

    /** What {@code --recipe} starts from. */
    enum Recipe {
        original,
        quick,
        strong
    }

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

    @Option(
            names = "--images",
            paramLabel = "DIR",
            description = "Also train on the labelled images in DIR: labels.csv (file,label) beside the images, "
                    + "as digits serve --feedback DIR keeps the corrections people send; numbers are skipped.")
    Path images;

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
        TrainingOptions options = resuming ? resumedOptions() : newOptions();
        Path directory = resuming ? resume : TrainingJob.outputDirectory(out, options.architecture());
        TrainingJob.trainAndSave(options, directory, resuming, data);
        return 0;
    }

    /** The recipe's options, with those the command line gives instead. */
    TrainingOptions newOptions() {
        try {
            Architectures.byName(architecture);
            DatasetSpec.byName(dataset);
        } catch (DigitsException e) {
            throw Usage.error(spec, e.getMessage());
        }
        // The original recipe is the options' defaults: every option applies, given or not.
        CommandLine.ParseResult line = spec.commandLine().getParseResult();
        Predicate<String> apply = name -> recipe == Recipe.original || line.hasMatchedOption(name);
        return Usage.check(spec, () -> {
            TrainingOptions.Builder options = switch (recipe) {
                case original -> TrainingOptions.builder();
                case quick -> TrainingOptions.quick(seed).toBuilder();
                case strong -> TrainingOptions.strong(dataset, seed, limit).toBuilder();
            };
            options.dataset(dataset).seed(seed).limit(limit);
            if (apply.test("--arch") || line.hasMatchedOption("--model")) {
                options.architecture(architecture);
            }
            if (apply.test("--epochs")) {
                options.epochs(epochs);
            }
            if (apply.test("--batch-size")) {
                options.batchSize(batchSize);
            }
            if (apply.test("--lr")) {
                options.learningRate(learningRate);
            }
            if (apply.test("--validation")) {
                options.validation(validation);
            }
            if (apply.test("--keep")) {
                options.keep(keep);
            }
            if (apply.test("--augment")) {
                options.augment(augment);
            }
            if (apply.test("--schedule")) {
                options.schedule(schedule);
            }
            if (apply.test("--label-smoothing")) {
                options.labelSmoothing(labelSmoothing);
            }
            if (apply.test("--ema")) {
                options.ema(ema);
            }
            if (apply.test("--patience")) {
                options.patience(patience);
            }
            if (apply.test("--erase")) {
                options.erasing(erase);
            }
            if (apply.test("--outliers")) {
                options.outliers(outliers);
            }
            if (apply.test("--handwriting")) {
                options.handwriting(handwriting);
            }
            return options.images(images == null ? "" : images.toString()).build();
        });
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

    static final class ScheduleName implements picocli.CommandLine.ITypeConverter<Schedule> {
        @Override
        public Schedule convert(String value) {
            return Schedule.byName(value);
        }
    }
}
