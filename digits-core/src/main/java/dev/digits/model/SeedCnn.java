package dev.digits.model;

import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.Blocks;
import ai.djl.nn.Parameter;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.core.Linear;
import ai.djl.nn.pooling.Pool;
import ai.djl.training.initializer.Initializer;
import ai.djl.training.initializer.XavierInitializer;
import ai.djl.training.initializer.XavierInitializer.FactorType;
import ai.djl.training.initializer.XavierInitializer.RandomType;
import dev.digits.model.layers.LayerStack;
import dev.digits.model.layers.SeedLayers;
import java.util.Optional;

/**
 * The original project's CNN, layer for layer (93,322 parameters):
 * <pre>
 * Conv2D 32 3x3 relu → MaxPool 2x2 → Conv2D 64 3x3 relu → MaxPool 2x2 → Conv2D 64 3x3 relu
 * → Flatten → Dense 64 relu → Dense 10 (softmax is applied by the loss and by prediction)
 * </pre>
 * Initialised as Keras does for that model: He-uniform kernels, zero biases, Glorot-uniform output layer.
 */
public final class SeedCnn implements Architecture {
    /** U(±sqrt(6 / fan_in)). */
    static final Initializer HE_UNIFORM = new XavierInitializer(RandomType.UNIFORM, FactorType.IN, 6);
    /** U(±sqrt(6 / (fan_in + fan_out))): DJL's factor AVG is (in + out) / 2, so magnitude 3. */
    static final Initializer GLOROT_UNIFORM = new XavierInitializer(RandomType.UNIFORM, FactorType.AVG, 3);

    @Override
    public String name() {
        return "seed";
    }

    @Override
    public String description() {
        return "the original project's CNN: Conv32-Pool-Conv64-Pool-Conv64-Dense64-Dense10 (93,322 parameters)";
    }

    @Override
    public Optional<LayerStack> asLayerStack() {
        return Optional.of(SeedLayers.stack());
    }

    @Override
    public Block newBlock() {
        Block output = dense(10);
        SequentialBlock net = new SequentialBlock()
                .add(conv(32))
                .add(Activation.reluBlock())
                .add(Pool.maxPool2dBlock(new Shape(2, 2)))
                .add(conv(64))
                .add(Activation.reluBlock())
                .add(Pool.maxPool2dBlock(new Shape(2, 2)))
                .add(conv(64))
                .add(Activation.reluBlock())
                .add(Blocks.batchFlattenBlock())
                .add(dense(64))
                .add(Activation.reluBlock())
                .add(output);
        net.setInitializer(HE_UNIFORM, Parameter.Type.WEIGHT);
        output.setInitializer(GLOROT_UNIFORM, Parameter.Type.WEIGHT);
        return net;
    }

    private static Block conv(int filters) {
        return Conv2d.builder()
                .setFilters(filters)
                .setKernelShape(new Shape(3, 3))
                .build();
    }

    private static Block dense(int units) {
        return Linear.builder().setUnits(units).build();
    }
}
