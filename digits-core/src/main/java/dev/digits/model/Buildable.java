package dev.digits.model;

import ai.djl.nn.Block;
import java.io.IOException;
import java.nio.file.Path;

/**
 * An architecture this library builds: a fresh, uninitialised block for 1x28x28 inputs and 10 output
 * scores (logits), to train or to load parameters into. A model directory holds its parameters in
 * {@link ModelDirectory#PARAMETERS}.
 */
public sealed interface Buildable extends Architecture permits Network, Ensemble {
    Block newBlock();

    /** Writes, beside the parameters, what rebuilds this network where its name is not enough. */
    default void writeDescription(Path directory) throws IOException {}

    @Override
    default void save(Path directory, Classifier classifier) throws IOException {
        classifier.saveParameters(directory.resolve(ModelDirectory.PARAMETERS));
        writeDescription(directory);
    }

    @Override
    default Classifier load(Path directory) {
        return Classifier.load(this, directory.resolve(ModelDirectory.PARAMETERS));
    }
}
