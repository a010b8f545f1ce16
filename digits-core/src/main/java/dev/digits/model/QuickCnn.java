package dev.digits.model;

import dev.digits.model.layers.LayerSpec;
import dev.digits.model.layers.LayerSpec.ActivationSpec;
import dev.digits.model.layers.LayerStack;
import java.util.List;

/**
 * The network of the {@code quick} recipe: LeNet-shaped and batch-normalised, chosen for how many
 * images per second a CPU trains it on, so that one epoch passes 99% MNIST test accuracy in seconds.
 * <pre>
 * Conv16 5x5 → MaxPool 2 → BN → ReLU → Conv32 5x5 → MaxPool 2 → BN → ReLU → Flatten → Dense128 → ReLU → Dense10
 * </pre>
 * Each convolution is pooled before it is normalised: max pooling and a per-channel increasing map
 * commute in all but the sign of the scale, and batch norm then works on a quarter of the values,
 * which makes a step faster and, measured over five seeds, one epoch more accurate.
 */
final class QuickCnn {
    private QuickCnn() {}

    static Network network() {
        LayerStack layers = new LayerStack(List.of(
                convPoolBnRelu("conv2d", 16),
                convPoolBnRelu("conv2d_1", 32),
                new LayerSpec.FlattenSpec("flatten", false),
                new LayerSpec.DenseSpec("dense", 128, true),
                new ActivationSpec("dense_activation", ActivationSpec.Function.RELU),
                new LayerSpec.DenseSpec("dense_1", 10, true)));
        return new Network(
                "quick",
                "LeNet-shaped, batch-normalised: Conv16 5x5, pool, Conv32 5x5, pool, Dense128, Dense10",
                layers,
                Network.Initialization.HE_UNIFORM);
    }

    /** One nested block: an unpadded 5x5 convolution without bias (batch norm supplies the shift), pool, BN, ReLU. */
    private static LayerSpec convPoolBnRelu(String name, int filters) {
        return new LayerSpec.SequenceSpec(
                name + "_block",
                List.of(
                        new LayerSpec.Conv2dSpec(name, filters, 5, 5, 1, 1, 0, 0, 0, 0, false),
                        new LayerSpec.MaxPoolSpec(name + "_pool", 2, 2, 2, 2),
                        new LayerSpec.BatchNormSpec(name + "_bn", ConvBnRelu.BATCH_NORM_EPSILON),
                        new ActivationSpec(name + "_relu", ActivationSpec.Function.RELU)));
    }
}
