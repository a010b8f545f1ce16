package dev.digits.model;

import java.io.IOException;
import java.nio.file.Path;

/**
 * What a model's network is, as a model directory stores it. There are two kinds: a {@link Buildable}
 * network that this library builds block by block (a {@link Network} or an {@link Ensemble} of them), whose
 * parameters are saved apart from it; or a {@link TorchScriptNetwork}, which the engine reads whole from its file.
 */
public sealed interface Architecture permits Buildable, TorchScriptNetwork {
    /** The name used on the command line and in model cards, e.g. {@code seed}. */
    String name();

    /** One line for {@code --help} and model cards. */
    String description();

    /** Writes the network into a model directory: its parameters, and what rebuilds it where a name is not enough. */
    void save(Path directory, Classifier classifier) throws IOException;

    /** The network of the model directory this architecture was read from, ready to run. */
    Classifier load(Path directory);
}
