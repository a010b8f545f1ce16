package dev.digits.model;

import dev.digits.model.layers.LayerSpec;
import java.util.List;

/** The building block of the batch-normalised networks: a square convolution, batch norm, ReLU. */
final class ConvBnRelu {
    /** DJL's BatchNorm default. */
    static final float BATCH_NORM_EPSILON = 1e-5f;

    private ConvBnRelu() {}

    /**
     * One group named {@code <name>} of layers {@code <name>}, {@code <name>_bn}, {@code <name>_relu}; the
     * convolution has no bias, since batch norm right after it supplies the shift. A group is one nested
     * block, which is how these networks lay out their parameter files.
     */
    static LayerSpec of(String name, int filters, int kernel, int stride, int padding) {
        return new LayerSpec.SequenceSpec(
                name + "_block",
                List.of(
                        new LayerSpec.Conv2dSpec(
                                name, filters, kernel, kernel, stride, stride, padding, padding, padding, padding,
                                false),
                        new LayerSpec.BatchNormSpec(name + "_bn", BATCH_NORM_EPSILON),
                        new LayerSpec.ActivationSpec(name + "_relu", LayerSpec.ActivationSpec.Function.RELU)));
    }
}
