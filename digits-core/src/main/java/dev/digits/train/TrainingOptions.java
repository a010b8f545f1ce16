package dev.digits.train;

import com.fasterxml.jackson.annotation.JsonAlias;
import dev.digits.model.Architectures;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Everything that decides the result of a training run. Two runs with equal options (and the same
 * number of engine threads) produce bit-identical parameters. Build one from the original recipe's
 * defaults, changing only what differs:
 * <pre>{@code
 * TrainingOptions options = TrainingOptions.builder().architecture("strided").epochs(22).augment(true).build();
 * }</pre>
 *
 * @param limit train on the first {@code limit} training images only (0: all)
 * @param schedule how the learning rate changes over the run
 * @param augment distort training images randomly ({@link Augmentation}) for robustness to real handwriting
 * @param labelSmoothing share of each target spread evenly over all classes (0: plain cross-entropy)
 * @param ema decay of the exponential moving average of the weights that is validated and kept
 *     ({@link WeightAverage}; 0: none)
 * @param patience stop when validation accuracy has not improved for this many epochs (0: never stop early)
 * @param erasing probability that a training image gets a rectangle of noise ({@link RandomErasing}; 0: never)
 * @param outliers how many generated pieces that are not one digit join the training images, trained towards
 *     uncertainty ({@link OutlierExposure}; 0: none)
 * @param handwriting also train on the real handwriting of the training writers (pen strokes, scans:
 *     {@code dev.digits.handwriting.TrainingImages})
 * @param images also train on the labelled images in this directory (a {@code labels.csv} of
 *     {@code file,label} beside them, as {@code digits serve --feedback} keeps corrections); empty: none
 */
public record TrainingOptions(
        String architecture,
        String dataset,
        int epochs,
        int batchSize,
        float learningRate,
        float adamEpsilon,
        int seed,
        int limit,
        Validation validation,
        Keep keep,
        boolean augment,
        Schedule schedule,
        float labelSmoothing,
        @JsonAlias("average_decay") float ema,
        int patience,
        float erasing,
        int outliers,
        boolean handwriting,
        String images) {

    /** Which images measure progress after each epoch. */
    public enum Validation {
        /** The last 5,000 training images, held out from training (the default). */
        HOLDOUT,
        /** The test set, as the original notebook did (then all 60,000 training images train). */
        TEST
    }

    /** Which epoch's parameters the run ends with. */
    public enum Keep {
        /** The epoch with the best validation accuracy (ties: lower validation loss), as Keras's restore_best_weights. */
        BEST,
        /** The last epoch. */
        LAST
    }

    /** The original recipe: Adam 1e-3 (Keras's epsilon 1e-7), batch 64, 10 epochs. */
    public static TrainingOptions defaults() {
        return builder().build();
    }

    /** A builder that starts from {@link #defaults()}. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder that starts from these options. */
    public Builder toBuilder() {
        return new Builder()
                .architecture(architecture)
                .dataset(dataset)
                .epochs(epochs)
                .batchSize(batchSize)
                .learningRate(learningRate)
                .adamEpsilon(adamEpsilon)
                .seed(seed)
                .limit(limit)
                .validation(validation)
                .keep(keep)
                .augment(augment)
                .schedule(schedule)
                .labelSmoothing(labelSmoothing)
                .ema(ema)
                .patience(patience)
                .erasing(erasing)
                .outliers(outliers)
                .handwriting(handwriting)
                .images(images);
    }

    /**
     * The quick recipe ({@code digits train --recipe quick}, {@code digits bench quick}): 99% MNIST test
     * accuracy in one epoch of seconds on a 2-core CPU. The quick network, batch 128 (the most images per
     * second that one epoch still has enough steps for), a one-cycle schedule to Adam 0.015, and label
     * smoothing 0.1. All 60,000 training images train; with one epoch kept as it ends, the test set only
     * reports. The figures behind these choices are in {@code docs/measured.md}.
     */
    public static TrainingOptions quick(int seed) {
        return builder()
                .architecture("quick")
                .seed(seed)
                .epochs(1)
                .batchSize(128)
                .learningRate(0.015f)
                .schedule(Schedule.ONE_CYCLE)
                .labelSmoothing(0.1f)
                .validation(Validation.TEST)
                .keep(Keep.LAST)
                .build();
    }

    /**
     * The strong recipe ({@code digits bench accuracy}): cosine decay and weight averaging.
     * Digits: the strided network with augmentation, 22 epochs at Adam 2e-3, sized to train within 20 minutes
     * on a 2-core CPU. Fashion-MNIST: the wide network, 24 epochs, label smoothing 0.1 and random erasing
     * instead of augmentation, which distorts clothes into other clothes. The figures behind these choices
     * are in {@code docs/measured.md}. It keeps the last epoch: the learning rate has decayed to zero by then, and 5,000 validation
     * images (about 20 errors on digits) are too few to rank epochs that differ by one or two.
     */
    public static TrainingOptions strong(String dataset, int seed, int limit) {
        Builder recipe = builder()
                .dataset(dataset)
                .seed(seed)
                .limit(limit)
                .keep(Keep.LAST)
                .schedule(Schedule.COSINE)
                .ema(0.999f);
        if (dataset.equals("mnist")) {
            return recipe.architecture("strided")
                    .epochs(22)
                    .learningRate(2e-3f)
                    .augment(true)
                    .build();
        }
        return recipe.architecture("wide")
                .epochs(24)
                .labelSmoothing(0.1f)
                .erasing(0.5f)
                .build();
    }

    public TrainingOptions {
        require(epochs >= 1, "epochs must be at least 1, got " + epochs);
        require(batchSize >= 1, "batch size must be at least 1, got " + batchSize);
        require(
                learningRate > 0 && Float.isFinite(learningRate),
                "learning rate must be positive, got " + learningRate);
        require(limit >= 0, "limit must be 0 (all) or positive, got " + limit);
        require(labelSmoothing >= 0 && labelSmoothing < 1, "label smoothing must be in [0, 1), got " + labelSmoothing);
        require(ema == 0 || (ema > 0 && ema < 1), "ema must be 0 (off) or between 0 and 1 (such as 0.999), got " + ema);
        require(patience >= 0, "patience must be 0 (off) or positive, got " + patience);
        require(erasing >= 0 && erasing <= 1, "erasing probability must be in [0, 1], got " + erasing);
        require(outliers >= 0, "outliers must be 0 (none) or positive, got " + outliers);
        images = images == null ? "" : images;
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalArgumentException(message);
        }
    }

    public TrainingOptions withEpochs(int newEpochs) {
        return toBuilder().epochs(newEpochs).build();
    }

    public TrainingOptions withKeep(Keep newKeep) {
        return toBuilder().keep(newKeep).build();
    }

    /** The {@code digits train} command line that trains with these options; recorded in cards and checkpoints. */
    public String commandLine() {
        String lower = "--validation " + validation.name().toLowerCase(Locale.ROOT) + " --keep "
                + keep.name().toLowerCase(Locale.ROOT);
        return "digits train"
                + (dataset.equals("mnist") ? "" : " --dataset " + dataset)
                + " --arch " + architecture
                + " --epochs " + epochs
                + " --batch-size " + batchSize
                + " --lr " + learningRate
                + " --seed " + seed
                + (limit > 0 ? " --limit " + limit : "")
                + " " + lower
                + (augment ? " --augment" : "")
                + (schedule != Schedule.CONSTANT ? " --schedule " + schedule.cliName() : "")
                + (labelSmoothing > 0 ? " --label-smoothing " + labelSmoothing : "")
                + (ema > 0 ? " --ema " + ema : "")
                + (patience > 0 ? " --patience " + patience : "")
                + (erasing > 0 ? " --erase " + erasing : "")
                + (outliers > 0 ? " --outliers " + outliers : "")
                + (handwriting ? " --handwriting" : "")
                + (images.isEmpty() ? "" : " --images " + images);
    }

    /** As recorded in model cards. */
    public Map<String, Object> asMap() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("epochs", epochs);
        map.put("batch_size", batchSize);
        map.put("optimizer", "adam");
        map.put("learning_rate", learningRate);
        map.put("adam_epsilon", adamEpsilon);
        map.put("seed", seed);
        map.put("limit", limit);
        map.put("validation", validation.name().toLowerCase(Locale.ROOT));
        map.put("keep", keep.name().toLowerCase(Locale.ROOT));
        map.put("augment", augment);
        map.put("schedule", schedule.cliName());
        map.put("label_smoothing", labelSmoothing);
        map.put("ema", ema);
        map.put("patience", patience);
        map.put("erasing", erasing);
        map.put("outliers", outliers);
        map.put("handwriting", handwriting);
        map.put("images", images);
        return map;
    }

    /** Options one at a time; each starts at the original recipe's value. The default of each option lives here. */
    public static final class Builder {
        private String architecture = Architectures.DEFAULT;
        private String dataset = "mnist";
        private int epochs = 10;
        private int batchSize = 64;
        private float learningRate = 1e-3f;
        private float adamEpsilon = 1e-7f;
        private int seed = 42;
        private int limit = 0;
        private Validation validation = Validation.HOLDOUT;
        private Keep keep = Keep.BEST;
        private boolean augment = false;
        private Schedule schedule = Schedule.CONSTANT;
        private float labelSmoothing = 0f;
        private float ema = 0f;
        private int patience = 0;
        private float erasing = 0f;
        private int outliers = 0;
        private boolean handwriting = false;
        private String images = "";

        private Builder() {}

        public Builder architecture(String value) {
            architecture = value;
            return this;
        }

        public Builder dataset(String value) {
            dataset = value;
            return this;
        }

        public Builder epochs(int value) {
            epochs = value;
            return this;
        }

        public Builder batchSize(int value) {
            batchSize = value;
            return this;
        }

        public Builder learningRate(float value) {
            learningRate = value;
            return this;
        }

        public Builder adamEpsilon(float value) {
            adamEpsilon = value;
            return this;
        }

        public Builder seed(int value) {
            seed = value;
            return this;
        }

        public Builder limit(int value) {
            limit = value;
            return this;
        }

        public Builder validation(Validation value) {
            validation = value;
            return this;
        }

        public Builder keep(Keep value) {
            keep = value;
            return this;
        }

        public Builder augment(boolean value) {
            augment = value;
            return this;
        }

        public Builder schedule(Schedule value) {
            schedule = value;
            return this;
        }

        public Builder labelSmoothing(float value) {
            labelSmoothing = value;
            return this;
        }

        public Builder ema(float value) {
            ema = value;
            return this;
        }

        public Builder patience(int value) {
            patience = value;
            return this;
        }

        public Builder erasing(float value) {
            erasing = value;
            return this;
        }

        public Builder outliers(int value) {
            outliers = value;
            return this;
        }

        public Builder handwriting(boolean value) {
            handwriting = value;
            return this;
        }

        /** A directory of labelled images to train on as well ({@code ""}: none). */
        public Builder images(String value) {
            images = value;
            return this;
        }

        /** @throws IllegalArgumentException naming the first option out of its range */
        public TrainingOptions build() {
            return new TrainingOptions(
                    architecture,
                    dataset,
                    epochs,
                    batchSize,
                    learningRate,
                    adamEpsilon,
                    seed,
                    limit,
                    validation,
                    keep,
                    augment,
                    schedule,
                    labelSmoothing,
                    ema,
                    patience,
                    erasing,
                    outliers,
                    handwriting,
                    images);
        }
    }
}
