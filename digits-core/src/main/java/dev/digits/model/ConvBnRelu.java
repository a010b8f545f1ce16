package dev.digits.model;

import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.norm.BatchNorm;
import dev.digits.model.layers.LayerSpec;
import java.util.List;

/** The building block of the batch-normalised networks: a square convolution, batch norm, ReLU. */
final class ConvBnRelu {
    private ConvBnRelu() {}

    /** DJL's BatchNorm default, which {@link #of} uses. */
    static final float BATCH_NORM_EPSILON = 1e-5f;

    /** The convolution has no bias: batch norm right after it supplies the shift. */
    static Block of(int filters, int kernel, int stride, int padding) {
        return new SequentialBlock()
                .add(Conv2d.builder()
                        .setFilters(filters)
                        .setKernelShape(new Shape(kernel, kernel))
                        .optStride(new Shape(stride, stride))
                        .optPadding(new Shape(padding, padding))
                        .optBias(false)
                        .build())
                .add(BatchNorm.builder().optEpsilon(BATCH_NORM_EPSILON).build())
                .add(Activation.reluBlock());
    }

    /** {@link #of} as layer specs, named {@code <name>}, {@code <name>_bn}, {@code <name>_relu}. */
    static List<LayerSpec> layers(String name, int filters, int kernel, int stride, int padding) {
        return List.of(
                new LayerSpec.Conv2dSpec(
                        name, filters, kernel, kernel, stride, stride, padding, padding, padding, padding, false),
                new LayerSpec.BatchNormSpec(name + "_bn", BATCH_NORM_EPSILON),
                new LayerSpec.ActivationSpec(name + "_relu", LayerSpec.ActivationSpec.Function.RELU));
    }
}
