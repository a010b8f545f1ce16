package dev.digits.model;

import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.norm.BatchNorm;

/** The building block of the batch-normalised networks: a square convolution, batch norm, ReLU. */
final class ConvBnRelu {
    private ConvBnRelu() {}

    /** The convolution has no bias: batch norm right after it supplies the shift. */
    static Block of(int filters, int kernel, int stride, int padding) {
        return new SequentialBlock()
                .add(Conv2d.builder().setFilters(filters).setKernelShape(new Shape(kernel, kernel))
                        .optStride(new Shape(stride, stride)).optPadding(new Shape(padding, padding))
                        .optBias(false).build())
                .add(BatchNorm.builder().build())
                .add(Activation.reluBlock());
    }
}
