package dev.digits.model.layers;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.Blocks;
import ai.djl.nn.LambdaBlock;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.BatchNorm;
import ai.djl.nn.norm.Dropout;
import ai.djl.nn.pooling.Pool;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import java.util.List;

/**
 * One layer of a {@link LayerStack}, as data. Tensors between layers are NCHW (images) or NF (vectors),
 * as DJL has them. The parameters of a layer, in DJL's order, are listed by {@link #parameterShapes}.
 * Every layer has a {@code name}, kept so that an imported model exports under its original layer names.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
    @JsonSubTypes.Type(value = LayerSpec.Conv2dSpec.class, name = "conv2d"),
    @JsonSubTypes.Type(value = LayerSpec.MaxPoolSpec.class, name = "max_pool"),
    @JsonSubTypes.Type(value = LayerSpec.AvgPoolSpec.class, name = "avg_pool"),
    @JsonSubTypes.Type(value = LayerSpec.GlobalAvgPoolSpec.class, name = "global_avg_pool"),
    @JsonSubTypes.Type(value = LayerSpec.FlattenSpec.class, name = "flatten"),
    @JsonSubTypes.Type(value = LayerSpec.DenseSpec.class, name = "dense"),
    @JsonSubTypes.Type(value = LayerSpec.DropoutSpec.class, name = "dropout"),
    @JsonSubTypes.Type(value = LayerSpec.BatchNormSpec.class, name = "batch_norm"),
    @JsonSubTypes.Type(value = LayerSpec.ActivationSpec.class, name = "activation"),
    @JsonSubTypes.Type(value = LayerSpec.RescalingSpec.class, name = "rescaling"),
    @JsonSubTypes.Type(value = LayerSpec.ReshapeSpec.class, name = "reshape"),
})
public sealed interface LayerSpec {
    String name();

    Block block();

    /** What this layer turns an input of {@code in} into; fails if the layer cannot take that input. */
    TensorShape outputShape(TensorShape in);

    /** Shapes of the parameters in DJL's order (for an input of {@code in}). */
    default List<long[]> parameterShapes(TensorShape in) {
        return List.of();
    }

    /**
     * A 2-D convolution. Padding is explicit per side because Keras's {@code same} pads the bottom and
     * right more than the top and left when the total is odd, which DJL's symmetric padding cannot express.
     */
    record Conv2dSpec(String name, int filters, int kernelHeight, int kernelWidth, int strideHeight, int strideWidth,
            int padTop, int padBottom, int padLeft, int padRight, boolean useBias) implements LayerSpec {
        @Override
        public Block block() {
            boolean symmetric = padTop == padBottom && padLeft == padRight;
            Block conv = Conv2d.builder().setFilters(filters).setKernelShape(new Shape(kernelHeight, kernelWidth))
                    .optStride(new Shape(strideHeight, strideWidth))
                    .optPadding(symmetric ? new Shape(padTop, padLeft) : new Shape(0, 0))
                    .optBias(useBias).build();
            if (symmetric) {
                return conv;
            }
            // torch's pad takes the last axis first: (left, right, top, bottom).
            Shape pads = new Shape(padLeft, padRight, padTop, padBottom);
            return new SequentialBlock().add(LambdaBlock.singleton(x -> x.pad(pads, 0))).add(conv);
        }

        @Override
        public TensorShape outputShape(TensorShape in) {
            in.requireImage(name);
            return TensorShape.image(filters,
                    (in.height() + padTop + padBottom - kernelHeight) / strideHeight + 1,
                    (in.width() + padLeft + padRight - kernelWidth) / strideWidth + 1);
        }

        @Override
        public List<long[]> parameterShapes(TensorShape in) {
            long[] weight = {filters, in.channels(), kernelHeight, kernelWidth};
            return useBias ? List.of(weight, new long[] {filters}) : List.of(weight);
        }
    }

    /** Max pooling without padding. */
    record MaxPoolSpec(String name, int poolHeight, int poolWidth, int strideHeight, int strideWidth) implements LayerSpec {
        @Override
        public Block block() {
            return Pool.maxPool2dBlock(new Shape(poolHeight, poolWidth), new Shape(strideHeight, strideWidth));
        }

        @Override
        public TensorShape outputShape(TensorShape in) {
            return pooled(in, name, poolHeight, poolWidth, strideHeight, strideWidth);
        }
    }

    /** Average pooling without padding. */
    record AvgPoolSpec(String name, int poolHeight, int poolWidth, int strideHeight, int strideWidth) implements LayerSpec {
        @Override
        public Block block() {
            return Pool.avgPool2dBlock(new Shape(poolHeight, poolWidth), new Shape(strideHeight, strideWidth));
        }

        @Override
        public TensorShape outputShape(TensorShape in) {
            return pooled(in, name, poolHeight, poolWidth, strideHeight, strideWidth);
        }
    }

    /** Mean over height and width: NCHW → NC. */
    record GlobalAvgPoolSpec(String name) implements LayerSpec {
        @Override
        public Block block() {
            return Pool.globalAvgPool2dBlock();
        }

        @Override
        public TensorShape outputShape(TensorShape in) {
            in.requireImage(name);
            return TensorShape.vector(in.channels());
        }
    }

    /**
     * NCHW → N(C·H·W). With {@code channelsLast} the values come in Keras's (H, W, C) order instead,
     * so that the next Dense layer's weights can be used as Keras stored them.
     */
    record FlattenSpec(String name, boolean channelsLast) implements LayerSpec {
        @Override
        public Block block() {
            if (!channelsLast) {
                return Blocks.batchFlattenBlock();
            }
            return LambdaBlock.singleton(x -> x.getShape().dimension() == 4
                    ? x.transpose(0, 2, 3, 1).reshape(x.getShape().get(0), -1)
                    : x.reshape(x.getShape().get(0), -1));
        }

        @Override
        public TensorShape outputShape(TensorShape in) {
            return TensorShape.vector(in.size());
        }
    }

    /** A fully connected layer; DJL's weight is (units, inputs). */
    record DenseSpec(String name, int units, boolean useBias) implements LayerSpec {
        @Override
        public Block block() {
            return Linear.builder().setUnits(units).optBias(useBias).build();
        }

        @Override
        public TensorShape outputShape(TensorShape in) {
            in.requireVector(name);
            return TensorShape.vector(units);
        }

        @Override
        public List<long[]> parameterShapes(TensorShape in) {
            long[] weight = {units, in.size()};
            return useBias ? List.of(weight, new long[] {units}) : List.of(weight);
        }
    }

    /** Identity at inference; kept so that the layer list matches the source model. */
    record DropoutSpec(String name, float rate) implements LayerSpec {
        @Override
        public Block block() {
            return Dropout.builder().optRate(rate).build();
        }

        @Override
        public TensorShape outputShape(TensorShape in) {
            return in;
        }
    }

    /** Batch normalisation over the channel axis (axis 1 in NCHW and NF); parameters gamma, beta, mean, variance. */
    record BatchNormSpec(String name, float epsilon) implements LayerSpec {
        @Override
        public Block block() {
            return BatchNorm.builder().optEpsilon(epsilon).build();
        }

        @Override
        public TensorShape outputShape(TensorShape in) {
            return in;
        }

        @Override
        public List<long[]> parameterShapes(TensorShape in) {
            long[] perChannel = {in.channels()};
            return List.of(perChannel, perChannel, perChannel, perChannel);
        }
    }

    /** An element-wise activation, or softmax over the channel axis (Keras's last axis). */
    record ActivationSpec(String name, Function function) implements LayerSpec {
        /** The activations both frameworks have with the same definition. */
        public enum Function { RELU, SIGMOID, TANH, SOFTMAX }

        @Override
        public Block block() {
            return switch (function) {
                case RELU -> Activation.reluBlock();
                case SIGMOID -> Activation.sigmoidBlock();
                case TANH -> Activation.tanhBlock();
                case SOFTMAX -> LambdaBlock.singleton(x -> x.softmax(1));
            };
        }

        @Override
        public TensorShape outputShape(TensorShape in) {
            return in;
        }
    }

    /** {@code x * scale + offset}. */
    record RescalingSpec(String name, float scale, float offset) implements LayerSpec {
        @Override
        public Block block() {
            return LambdaBlock.singleton(x -> x.mul(scale).add(offset));
        }

        @Override
        public TensorShape outputShape(TensorShape in) {
            return in;
        }
    }

    /**
     * Keras's Reshape: the values are taken in channels-last order and laid out in the target shape,
     * itself channels-last ({@code [units]} or {@code [height, width, channels]}); the result is NCHW or NF again.
     */
    record ReshapeSpec(String name, List<Integer> target) implements LayerSpec {
        @Override
        public Block block() {
            return LambdaBlock.singleton(ReshapeSpec.this::apply);
        }

        private NDArray apply(NDArray x) {
            long batch = x.getShape().get(0);
            NDArray channelsLast = x.getShape().dimension() == 4 ? x.transpose(0, 2, 3, 1) : x;
            if (target.size() == 1) {
                return channelsLast.reshape(batch, target.get(0));
            }
            return channelsLast.reshape(batch, target.get(0), target.get(1), target.get(2)).transpose(0, 3, 1, 2);
        }

        @Override
        public TensorShape outputShape(TensorShape in) {
            TensorShape out = target.size() == 1 ? TensorShape.vector(target.get(0))
                    : TensorShape.image(target.get(2), target.get(0), target.get(1));
            if (out.size() != in.size()) {
                throw new IllegalArgumentException("layer '" + name + "' reshapes " + in + " (" + in.size()
                        + " values) to " + target + " (" + out.size() + " values)");
            }
            return out;
        }
    }

    private static TensorShape pooled(TensorShape in, String name, int poolHeight, int poolWidth, int strideHeight, int strideWidth) {
        in.requireImage(name);
        return TensorShape.image(in.channels(), (in.height() - poolHeight) / strideHeight + 1,
                (in.width() - poolWidth) / strideWidth + 1);
    }
}
