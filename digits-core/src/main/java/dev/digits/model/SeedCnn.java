package dev.digits.model;

import dev.digits.model.layers.SeedLayers;

/**
 * The original project's CNN, layer for layer (93,322 parameters):
 * <pre>
 * Conv2D 32 3x3 relu → MaxPool 2x2 → Conv2D 64 3x3 relu → MaxPool 2x2 → Conv2D 64 3x3 relu
 * → Flatten → Dense 64 relu → Dense 10 (softmax is applied by the loss and by prediction)
 * </pre>
 * Initialised as Keras does for that model: He-uniform kernels, zero biases, Glorot-uniform output layer.
 */
final class SeedCnn {
    private SeedCnn() {}

    static Network network() {
        return new Network(
                "seed",
                "the original project's CNN: Conv32-Pool-Conv64-Pool-Conv64-Dense64-Dense10 (93,322 parameters)",
                SeedLayers.stack(),
                Network.Initialization.KERAS_ORIGINAL);
    }
}
