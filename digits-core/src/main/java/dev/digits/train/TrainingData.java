package dev.digits.train;

import dev.digits.data.DigitSet;
import dev.digits.data.Mnist;
import java.util.Locale;
import java.util.Map;

/** The images a run trains on, validates on after each epoch, and is finally tested on. */
public record TrainingData(DigitSet train, DigitSet validation, DigitSet test) {
    /** The last 5,000 training images are the default validation set (as Keras's validation_split would take). */
    public static final int HOLDOUT = 5_000;

    public static TrainingData split(Mnist.Splits splits, TrainingOptions options) {
        return split(splits, options.validation(), options.limit());
    }

    public static TrainingData split(Mnist.Splits splits, TrainingOptions.Validation validationSet, int limit) {
        DigitSet all = splits.train();
        DigitSet train;
        DigitSet validation;
        if (validationSet == TrainingOptions.Validation.TEST) {
            train = all;
            validation = splits.test();
        } else {
            train = all.slice(0, all.size() - HOLDOUT);
            validation = all.slice(all.size() - HOLDOUT, all.size());
        }
        if (limit > 0) {
            train = train.first(limit);
        }
        return new TrainingData(train, validation, splits.test());
    }

    /** The same split with {@code more} images added to the training images (after them, in order). */
    public TrainingData withMoreTraining(DigitSet more) {
        byte[] pixels = java.util.Arrays.copyOf(train.pixels(), train.pixels().length + more.pixels().length);
        System.arraycopy(more.pixels(), 0, pixels, train.pixels().length, more.pixels().length);
        byte[] labels = java.util.Arrays.copyOf(train.labels(), train.size() + more.size());
        System.arraycopy(more.labels(), 0, labels, train.size(), more.size());
        return new TrainingData(new DigitSet(pixels, labels), validation, test);
    }

    /**
     * The split a model card's hyperparameters ({@link TrainingOptions#asMap()}) record; a card that
     * records none (an imported model) gets the published train and test sets and no validation set.
     */
    public static TrainingData asRecorded(Mnist.Splits splits, Map<String, Object> hyperparameters) {
        if (hyperparameters == null || !(hyperparameters.get("validation") instanceof String validation)) {
            return new TrainingData(splits.train(), new DigitSet(new byte[0], new byte[0]), splits.test());
        }
        int limit = hyperparameters.get("limit") instanceof Number n ? n.intValue() : 0;
        return split(splits, TrainingOptions.Validation.valueOf(validation.toUpperCase(Locale.ROOT)), limit);
    }
}
