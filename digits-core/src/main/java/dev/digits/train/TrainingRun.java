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
import dev.digits.model.Network;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The training loop: for each epoch, shuffle, take batches as slices of one buffer, step the
 * optimizer ({@code trainEpoch}); then validate, record and checkpoint. The run's state is its
 * history and best epoch; {@link Checkpoint} stores it, {@link Progress} shows it.
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

    /**
     * Trains from scratch, or continues from the checkpoint in the output directory if {@code resume}.
     * After every epoch: validate, record, checkpoint.
     */
    public Result run(boolean resume) throws IOException {
        Network architecture = Architectures.byName(options.architecture());
        int totalSteps = options.epochs() * stepsPerEpoch();
        ResumableAdam optimizer = new ResumableAdam(
                step -> options.schedule().rate(options.learningRate(), step, totalSteps), options.adamEpsilon());
        try (Classifier network = Classifier.create(architecture, options.seed());
                WeightAverage average = WeightAverage.of(architecture, network, options.ema())) {
            // The network that is validated, selected and kept: the weight average when there is one.
            Classifier kept = average.classifier();
            RunState state = resume ? RunState.restore(directory, network, optimizer, average) : new RunState();
            DefaultTrainingConfig config =
                    new DefaultTrainingConfig(loss()).optOptimizer(optimizer).optDevices(new Device[] {Device.cpu()});
            try (Trainer trainer = network.model().newTrainer(config);
                    NDManager buffers = network.manager().newSubManager()) {
                NDArray images = Images.toPixels(buffers, train);
                NDArray labels = Images.toLabels(buffers, train);
                while (state.epochsDone() < options.epochs() && !patienceRunOut(state)) {
                    int epoch = state.epochsDone() + 1;
                    long start = System.nanoTime();
                    RunningTotals totals = trainEpoch(trainer, images, labels, epoch, average);
                    Evaluation validation = Evaluation.of(kept, data.validation());
                    EpochStats stats = new EpochStats(
                            epoch,
                            totals.loss(),
                            totals.accuracy(),
                            validation.loss(),
                            validation.accuracy(),
                            (System.nanoTime() - start) / 1e9);
                    state.record(stats, kept);
                    checkpoint(state, network, optimizer, average);
                    progress.epochFinished(stats, options.epochs());
                }
            }
            return result(state, architecture, kept);
        }
    }

    /** The kept epoch's parameters in a network of the caller's own: the training networks close with the run. */
    private Result result(RunState state, Network architecture, Classifier kept) {
        boolean best = options.keep() == TrainingOptions.Keep.BEST;
        int keptEpoch = best ? state.best.epoch() : state.epochsDone();
        Classifier result = Classifier.create(architecture, options.seed());
        try {
            result.restoreParameterBytes(
                    best && keptEpoch != state.epochsDone() ? state.best.parameters() : kept.parameterBytes());
        } catch (RuntimeException e) {
            result.close();
            throw e;
        }
        return new Result(result, List.copyOf(state.history), keptEpoch);
    }

    private void checkpoint(RunState state, Classifier network, ResumableAdam optimizer, WeightAverage average)
            throws IOException {
        Checkpoint.State header = new Checkpoint.State(options, command, state.history, state.best.epoch());
        Checkpoint.save(directory, header, network, optimizer, state.best, average);
    }

    /** What a run has done so far: each epoch's figures and the best epoch with its parameters. */
    private static final class RunState {
        final List<EpochStats> history = new ArrayList<>();
        BestEpoch best = BestEpoch.NONE;

        /** The state of the checkpoint in {@code directory}; restores the networks and optimizer from it too. */
        static RunState restore(Path directory, Classifier network, ResumableAdam optimizer, WeightAverage average) {
            RunState state = new RunState();
            state.history.addAll(Checkpoint.readState(directory).history());
            state.best = Checkpoint.restore(directory, network, optimizer, average);
            return state;
        }

        int epochsDone() {
            return history.size();
        }

        void record(EpochStats stats, Classifier kept) {
            history.add(stats);
            if (best.isBeatenBy(stats)) {
                best = BestEpoch.of(stats, kept);
            }
        }
    }

    private Loss loss() {
        boolean soft = options.labelSmoothing() > 0 || options.outliers() > 0;
        return soft
                ? new SoftCrossEntropy(options.labelSmoothing(), OutlierExposure.WEIGHT)
                : Loss.softmaxCrossEntropyLoss();
    }

    private boolean patienceRunOut(RunState state) {
        return patienceRunOut(options.patience(), state.epochsDone(), state.best.epoch());
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
                average.update((long) (epoch - 1) * stepsPerEpoch() + step + 1);
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
