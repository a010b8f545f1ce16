package dev.digits.model;

import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.nn.SequentialBlock;
import ai.djl.training.initializer.Initializer;
import ai.djl.training.initializer.XavierInitializer;
import ai.djl.training.initializer.XavierInitializer.FactorType;
import ai.djl.training.initializer.XavierInitializer.RandomType;
import dev.digits.model.layers.LayerStack;
import java.io.IOException;
import java.nio.file.Path;

/**
 * One network described by its layers: each architecture trained here, and every imported model.
 * Building, saving, loading and exporting all read the one {@link LayerStack}.
 *
 * @param name the command line's and the model card's name; {@link #LAYERS} for an imported network
 * @param initialization how a fresh network's weights are drawn
 */
public record Network(String name, String description, LayerStack layers, Initialization initialization)
        implements Buildable {
    /** The {@link ModelCard#architecture()} of a network stored with its layers ({@link LayerStack#FILE}). */
    public static final String LAYERS = "layers";

    /** How a fresh network's weights are drawn; biases start at zero. */
    public enum Initialization {
        /** The engine's own: for imported networks, whose parameters are loaded over it. */
        ENGINE,
        /** He-uniform, U(±sqrt(6 / fan_in)): suits ReLU networks. */
        HE_UNIFORM,
        /** As Keras initialised the original model: He-uniform kernels, the output layer Glorot-uniform. */
        KERAS_ORIGINAL
    }

    /** U(±sqrt(6 / fan_in)). */
    private static final Initializer HE_UNIFORM = new XavierInitializer(RandomType.UNIFORM, FactorType.IN, 6);
    /** U(±sqrt(6 / (fan_in + fan_out))): DJL's factor AVG is (in + out) / 2, so magnitude 3. */
    private static final Initializer GLOROT_UNIFORM = new XavierInitializer(RandomType.UNIFORM, FactorType.AVG, 3);

    /** An imported network: stored with its layers, since no name rebuilds it. */
    public static Network imported(LayerStack layers) {
        return new Network(LAYERS, layers.description(), layers, Initialization.ENGINE);
    }

    @Override
    public Block newBlock() {
        SequentialBlock net = layers.newBlock();
        if (initialization != Initialization.ENGINE) {
            net.setInitializer(HE_UNIFORM, Parameter.Type.WEIGHT);
        }
        if (initialization == Initialization.KERAS_ORIGINAL) {
            Block output = net.getChildren().get(net.getChildren().size() - 1).getValue();
            output.setInitializer(GLOROT_UNIFORM, Parameter.Type.WEIGHT);
        }
        return net;
    }

    @Override
    public void writeDescription(Path directory) throws IOException {
        if (name.equals(LAYERS)) {
            layers.write(directory);
        }
    }
}
