package dev.digits.model;

import ai.djl.nn.Block;
import dev.digits.model.layers.LayerStack;
import java.util.Optional;

/** A network design: builds a fresh, uninitialised block for 1x28x28 inputs and 10 output scores (logits). */
public interface Architecture {
    /** The name used on the command line and in model cards, e.g. {@code seed}. */
    String name();

    /** One line for {@code --help} and model cards. */
    String description();

    Block newBlock();

    /**
     * Writes, beside the parameters, what rebuilds this network from a model directory (an imported
     * layer list, an ensemble's members); the named architectures need nothing.
     */
    default void writeDescription(java.nio.file.Path directory) throws java.io.IOException {}

    /**
     * The same network as a {@link LayerStack}: its parameters in the same order and shapes,
     * so they can be written in another framework's layout ({@code digits export}); empty for a network that has no
     * such description (a TorchScript file, an ensemble).
     */
    default Optional<LayerStack> asLayerStack() {
        return Optional.empty();
    }
}
