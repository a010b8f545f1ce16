package dev.digits.train;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.GradientCollector;
import ai.djl.training.Trainer;
import ai.djl.training.loss.Loss;
import dev.digits.data.DigitSet;
import dev.digits.data.Images;
import dev.digits.data.Shuffle;
import dev.digits.eval.Evaluation;
import dev.digits.model.Architectures;
import dev.digits.model.Classifier;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The training loop: for each epoch, shuffle, take batches as slices of one buffer, step the
 * optimizer, validate, checkpoint. Bookkeeping lives in {@link Progress} and {@link Checkpoint}.
 */
public final class TrainingRun {
    /**
     * The trained network and its epochs. The classifier holds the parameters of {@code keptEpoch}
     * (see {@link TrainingOptions.Keep}); the caller owns and closes it.
     */
    public record Result(Classifier classifier, List<EpochStats> history, int keptEpoch) {
        public EpochStats kept() {
            return history.get(keptEpoch - 1);
        }
    }

    private final TrainingOptions options;
    private final TrainingData data;
    private final Path directory;
    private final String command;
    private final Progress progress;
    /** The images trained on: the training digits, then any outliers. */
    private final DigitSet train;

    public TrainingRun(TrainingOptions options, TrainingData data, Path directory, String command, Progress progress) {
        this.options = options;
        this.data = data;
        this.directory = directory;
        this.command = command;
        this.progress = progress;
        this.train = options.outliers() > 0
                ? OutlierExposure.withOutliers(data.train(), options.outliers(), options.seed())
                : data.train();
    }

    /** Trains from scratch, or continues from the checkpoint in the output directory if {@code resume}. */
    public Result run(boolean resume) throws IOException {
        Classifier classifier = Classifier.create(Architectures.byName(options.architecture()), options.seed());
        int totalSteps = options.epochs() * stepsPerEpoch();
        ResumableAdam optimizer = new ResumableAdam(
                step -> options.schedule().rate(options.learningRate(), step, totalSteps), options.adamEpsilon());
        WeightAverage average = options.ema() > 0 ? new WeightAverage(classifier, options.ema()) : null;
        // The network that is validated, selected and kept: the weight average when there is one.
        Classifier kept = average != null ? average.classifier() : classifier;
        List<EpochStats> history = new ArrayList<>();
        BestEpoch best = BestEpoch.NONE;
        if (resume) {
            history.addAll(Checkpoint.readState(directory).history());
            best = Checkpoint.restore(directory, classifier, optimizer, average);
        }
        DefaultTrainingConfig config =
                new DefaultTrainingConfig(loss()).optOptimizer(optimizer).optDevices(new Device[] {Device.cpu()});
        try (Trainer trainer = classifier.model().newTrainer(config);
                NDManager buffers = classifier.manager().newSubManager()) {
            NDArray images = Images.toPixels(buffers, train);
            NDArray labels = Images.toLabels(buffers, train);
            for (int epoch = history.size() + 1; epoch <= options.epochs() && !patienceRunOut(history, best); epoch++) {
                long start = System.nanoTime();
                RunningTotals totals = trainEpoch(trainer, images, labels, epoch, average);
                Evaluation validation = evaluate(kept, data.validation());
                EpochStats stats = new EpochStats(
                        epoch,
                        totals.loss(),
                        totals.accuracy(),
                        validation.loss(),
                        validation.accuracy(),
                        (System.nanoTime() - start) / 1e9);
                history.add(stats);
                if (best.isBeatenBy(stats)) {
                    best = BestEpoch.of(stats, kept);
                }
                Checkpoint.save(
                        directory,
                        new Checkpoint.State(options, command, history, best.epoch()),
                        classifier,
                        optimizer,
                        best,
                        average);
                progress.epochFinished(stats, options.epochs());
            }
            if (options.keep() == TrainingOptions.Keep.BEST && best.epoch() != history.size()) {
                best.restoreInto(kept);
            }
        } catch (IOException | RuntimeException e) {
            if (kept != classifier) {
                kept.close();
            }
            classifier.close();
            throw e;
        }
        if (kept != classifier) {
            classifier.close();
        }
        int keptEpoch = options.keep() == TrainingOptions.Keep.BEST ? best.epoch() : history.size();
        return new Result(kept, List.copyOf(history), keptEpoch);
    }

    private Loss loss() {
        boolean soft = options.labelSmoothing() > 0 || options.outliers() > 0;
        return soft
                ? new SoftCrossEntropy(options.labelSmoothing(), OutlierExposure.WEIGHT)
                : Loss.softmaxCrossEntropyLoss();
    }

    private boolean patienceRunOut(List<EpochStats> history, BestEpoch best) {
        return patienceRunOut(options.patience(), history.size(), best.epoch());
    }

    /** Early stopping: the last {@code patience} epochs brought no better validation accuracy. */
    static boolean patienceRunOut(int patience, int epochsDone, int bestEpoch) {
        return patience > 0 && epochsDone - bestEpoch >= patience;
    }

    private RunningTotals trainEpoch(
            Trainer trainer, NDArray images, NDArray labels, int epoch, WeightAverage average) {
        int n = train.size();
        progress.epochStarted(epoch, options.epochs(), stepsPerEpoch());
        // Seeding per epoch makes any engine randomness (dropout) the same after a resume.
        Engine.getEngine(Classifier.ENGINE).setRandomSeed(options.seed() + epoch);
        RunningTotals totals = new RunningTotals();
        try (NDManager epochScope = NDManager.subManagerOf(images)) {
            epochScope.tempAttachAll(images, labels);
            NDArray order = epochScope.create(Shuffle.permutation(n, options.seed(), epoch));
            NDArray shuffledImages = images.get(order);
            NDArray shuffledLabels = labels.get(order);
            for (int step = 0; step * options.batchSize() < n; step++) {
                int from = step * options.batchSize();
                String batch = from + ":" + Math.min(n, from + options.batchSize());
                try (NDManager stepScope = epochScope.newSubManager()) {
                    stepScope.tempAttachAll(shuffledImages, shuffledLabels);
                    NDArray pixels = shuffledImages.get(batch);
                    trainStep(
                            trainer,
                            inputs(pixels, epoch, step),
                            shuffledLabels.get(batch),
                            totals,
                            options.outliers() > 0);
                }
                if (average != null) {
                    average.update((long) (epoch - 1) * stepsPerEpoch() + step + 1);
                }
                progress.stepFinished(totals.loss(), totals.accuracy());
            }
        }
        return totals;
    }

    private int stepsPerEpoch() {
        return (train.size() + options.batchSize() - 1) / options.batchSize();
    }

    /** A batch's network inputs: the pixels scaled to [0, 1], distorted and erased on the host where asked. */
    private NDArray inputs(NDArray pixels, int epoch, int step) {
        if (!options.augment() && options.erasing() == 0) {
            return Images.normalize(pixels);
        }
        int count = (int) pixels.getShape().get(0);
        float[] values = options.augment()
                ? Augmentation.apply(options.dataset(), pixels.toByteArray(), count, options.seed(), epoch, step)
                : Images.normalize(pixels).toFloatArray();
        if (options.erasing() > 0) {
            RandomErasing.apply(values, count, options.erasing(), options.seed(), epoch, step);
        }
        return pixels.getManager().create(values, pixels.getShape());
    }

    /** One optimizer step; {@code withOutliers}: the batch may hold outliers, which accuracy does not count. */
    private static void trainStep(
            Trainer trainer, NDArray inputs, NDArray labels, RunningTotals totals, boolean withOutliers) {
        try (GradientCollector collector = trainer.newGradientCollector()) {
            NDArray logits = trainer.forward(new NDList(inputs)).singletonOrThrow();
            NDArray loss = trainer.getLoss().evaluate(new NDList(labels), new NDList(logits));
            collector.backward(loss);
            long correct = logits.argMax(1).eq(labels).countNonzero().getLong();
            long digits = withOutliers
                    ? labels.lt(OutlierExposure.LABEL).countNonzero().getLong()
                    : labels.size();
            totals.add(loss.getFloat(), labels.size(), correct, digits);
        }
        trainer.step();
    }

    /** Accuracy and loss of the classifier on a whole set. */
    public static Evaluation evaluate(Classifier classifier, DigitSet set) {
        return Evaluation.of(set.labels(), classifier.logProbabilities(set));
    }

    /** Running means over the batches of one epoch, weighted by batch size; accuracy counts digits only, not outliers. */
    static final class RunningTotals {
        private double lossSum;
        private long count;
        private long correct;
        private long digits;

        void add(double batchMeanLoss, long batchSize, long batchCorrect, long batchDigits) {
            lossSum += batchMeanLoss * batchSize;
            count += batchSize;
            correct += batchCorrect;
            digits += batchDigits;
        }

        double loss() {
            return count == 0 ? Double.NaN : lossSum / count;
        }

        double accuracy() {
            return digits == 0 ? Double.NaN : (double) correct / digits;
        }
    }
}
