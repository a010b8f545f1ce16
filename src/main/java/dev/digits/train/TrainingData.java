package dev.digits.train;

import dev.digits.data.DigitSet;
import dev.digits.data.Mnist;

/** The images a run trains on, validates on after each epoch, and is finally tested on. */
public record TrainingData(DigitSet train, DigitSet validation, DigitSet test) {
    /** The last 5,000 training images are the default validation set (as Keras's validation_split would take). */
    public static final int HOLDOUT = 5_000;

    public static TrainingData split(Mnist.Splits splits, TrainingOptions options) {
        DigitSet all = splits.train();
        DigitSet train;
        DigitSet validation;
        if (options.validation() == TrainingOptions.Validation.TEST) {
            train = all;
            validation = splits.test();
        } else {
            train = all.slice(0, all.size() - HOLDOUT);
            validation = all.slice(all.size() - HOLDOUT, all.size());
        }
        if (options.limit() > 0) {
            train = train.first(options.limit());
        }
        return new TrainingData(train, validation, splits.test());
    }
}
