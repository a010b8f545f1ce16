package dev.digits.model.layers;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDManager;
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
    @JsonSubTypes.Type(value = LayerSpec.GlobalMaxPoolSpec.class, name = "global_max_pool"),
    @JsonSubTypes.Type(value = LayerSpec.ZeroPaddingSpec.class, name = "zero_padding"),
    @JsonSubTypes.Type(value = LayerSpec.ReluSpec.class, name = "relu"),
    @JsonSubTypes.Type(value = LayerSpec.EluSpec.class, name = "elu"),
    @JsonSubTypes.Type(value = LayerSpec.ChannelAffineSpec.class, name = "channel_affine"),
    @JsonSubTypes.Type(value = LayerSpec.GraphSpec.class, name = "graph"),
    @JsonSubTypes.Type(value = LayerSpec.SequenceSpec.class, name = "sequence"),
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
     * With {@code groups} > 1 the input channels are split into that many groups, each convolved with its own
     * filters ({@code groups} = input channels is a depthwise convolution); dilation spaces the kernel's taps.
     * Zero dilation or groups (absent from a file written before they existed) mean 1.
     */
    record Conv2dSpec(
            String name,
            int filters,
            int kernelHeight,
            int kernelWidth,
            int strideHeight,
            int strideWidth,
            int padTop,
            int padBottom,
            int padLeft,
            int padRight,
            boolean useBias,
            int dilationHeight,
            int dilationWidth,
            int groups)
            implements LayerSpec {
        public Conv2dSpec {
            dilationHeight = Math.max(dilationHeight, 1);
            dilationWidth = Math.max(dilationWidth, 1);
            groups = Math.max(groups, 1);
        }

        /** An ungrouped convolution without dilation. */
        public Conv2dSpec(
                String name,
                int filters,
                int kernelHeight,
                int kernelWidth,
                int strideHeight,
                int strideWidth,
                int padTop,
                int padBottom,
                int padLeft,
                int padRight,
                boolean useBias) {
            this(
                    name,
                    filters,
                    kernelHeight,
                    kernelWidth,
                    strideHeight,
                    strideWidth,
                    padTop,
                    padBottom,
                    padLeft,
                    padRight,
                    useBias,
                    1,
                    1,
                    1);
        }

        @Override
        public Block block() {
            boolean symmetric = padTop == padBottom && padLeft == padRight;
            Block conv = Conv2d.builder()
                    .setFilters(filters)
                    .setKernelShape(new Shape(kernelHeight, kernelWidth))
                    .optStride(new Shape(strideHeight, strideWidth))
                    .optPadding(symmetric ? new Shape(padTop, padLeft) : new Shape(0, 0))
                    .optDilation(new Shape(dilationHeight, dilationWidth))
                    .optGroups(groups)
                    .optBias(useBias)
                    .build();
            if (symmetric) {
                return conv;
            }
            // torch's pad takes the last axis first: (left, right, top, bottom).
            Shape pads = new Shape(padLeft, padRight, padTop, padBottom);
            return new SequentialBlock()
                    .add(LambdaBlock.singleton(x -> x.pad(pads, 0)))
                    .add(conv);
        }

        @Override
        public TensorShape outputShape(TensorShape in) {
            in.requireImage(name);
            if (in.channels() % groups != 0 || filters % groups != 0) {
                throw new IllegalArgumentException("layer '" + name + "' splits " + in.channels() + " channels and "
                        + filters + " filters into " + groups + " groups");
            }
            return TensorShape.image(
                    filters,
                    (in.height() + padTop + padBottom - dilationHeight * (kernelHeight - 1) - 1) / strideHeight + 1,
                    (in.width() + padLeft + padRight - dilationWidth * (kernelWidth - 1) - 1) / strideWidth + 1);
        }

        @Override
        public List<long[]> parameterShapes(TensorShape in) {
            long[] weight = {filters, in.channels() / groups, kernelHeight, kernelWidth};
            return useBias ? List.of(weight, new long[] {filters}) : List.of(weight);
        }
    }

    /** Max pooling; padded positions (Keras's {@code same}) never win. Zero padding when absent from the file. */
    record MaxPoolSpec(
            String name,
            int poolHeight,
            int poolWidth,
            int strideHeight,
            int strideWidth,
            int padTop,
            int padBottom,
            int padLeft,
            int padRight)
            implements LayerSpec {
        public MaxPoolSpec(String name, int poolHeight, int poolWidth, int strideHeight, int strideWidth) {
            this(name, poolHeight, poolWidth, strideHeight, strideWidth, 0, 0, 0, 0);
        }

        @Override
        public Block block() {
            boolean padded = padTop + padBottom + padLeft + padRight != 0;
            if (!padded && poolHeight == poolWidth && strideHeight == poolHeight && strideWidth == poolWidth) {
                return new TiledMaxPool(poolHeight);
            }
            Block pool = Pool.maxPool2dBlock(new Shape(poolHeight, poolWidth), new Shape(strideHeight, strideWidth));
            if (!padded) {
                return pool;
            }
            Shape pads = new Shape(padLeft, padRight, padTop, padBottom);
            return new SequentialBlock()
                    .add(LambdaBlock.singleton(x -> x.pad(pads, Float.NEGATIVE_INFINITY)))
                    .add(pool);
        }

        @Override
        public TensorShape outputShape(TensorShape in) {
            return pooled(
                    in, name, poolHeight, poolWidth, strideHeight, strideWidth, padTop + padBottom, padLeft + padRight);
        }
    }

    /**
     * Average pooling; with padding (Keras's {@code same}) each output is the mean of the input values its window
     * covers, padded positions not counted, as Keras computes it. Zero padding when absent from the file.
     */
    record AvgPoolSpec(
            String name,
            int poolHeight,
            int poolWidth,
            int strideHeight,
            int strideWidth,
            int padTop,
            int padBottom,
            int padLeft,
            int padRight)
            implements LayerSpec {
        public AvgPoolSpec(String name, int poolHeight, int poolWidth, int strideHeight, int strideWidth) {
            this(name, poolHeight, poolWidth, strideHeight, strideWidth, 0, 0, 0, 0);
        }

        @Override
        public Block block() {
            Shape window = new Shape(poolHeight, poolWidth);
            Shape stride = new Shape(strideHeight, strideWidth);
            if (padTop + padBottom + padLeft + padRight == 0) {
                return Pool.avgPool2dBlock(window, stride);
            }
            Shape pads = new Shape(padLeft, padRight, padTop, padBottom);
            return LambdaBlock.singleton(x -> {
                NDArray sums = Pool.avgPool2d(x.pad(pads, 0), window, stride, new Shape(0, 0), false, true);
                NDArray ones = x.getManager()
                        .ones(new Shape(1, 1, x.getShape().get(2), x.getShape().get(3)));
                NDArray counted = Pool.avgPool2d(ones.pad(pads, 0), window, stride, new Shape(0, 0), false, true);
                return sums.div(counted);
            });
        }

        @Override
        public TensorShape outputShape(TensorShape in) {
            return pooled(
                    in, name, poolHeight, poolWidth, strideHeight, strideWidth, padTop + padBottom, padLeft + padRight);
        }
    }

    /** Maximum over height and width: NCHW → NC. */
    record GlobalMaxPoolSpec(String name) implements LayerSpec {
        @Override
        public Block block() {
            return Pool.globalMaxPool2dBlock();
        }

        @Override
        public TensorShape outputShape(TensorShape in) {
            in.requireImage(name);
            return TensorShape.vector(in.channels());
        }
    }

    /** Zeros added around the image: Keras's ZeroPadding2D. */
    record ZeroPaddingSpec(String name, int top, int bottom, int left, int right) implements LayerSpec {
        @Override
        public Block block() {
            Shape pads = new Shape(left, right, top, bottom);
            return LambdaBlock.singleton(x -> x.pad(pads, 0));
        }

        @Override
        public TensorShape outputShape(TensorShape in) {
            in.requireImage(name);
            return TensorShape.image(in.channels(), in.height() + top + bottom, in.width() + left + right);
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
        public enum Function {
            RELU,
            SIGMOID,
            TANH,
            SOFTMAX,
            SELU,
            SOFTPLUS,
            SOFTSIGN,
            SWISH,
            EXPONENTIAL
        }

        @Override
        public Block block() {
            return switch (function) {
                case RELU -> Activation.reluBlock();
                case SIGMOID -> Activation.sigmoidBlock();
                case TANH -> Activation.tanhBlock();
                case SOFTMAX -> LambdaBlock.singleton(x -> x.softmax(1));
                case SELU -> Activation.seluBlock();
                case SOFTPLUS -> Activation.softPlusBlock();
                case SOFTSIGN -> Activation.softSignBlock();
                case SWISH -> LambdaBlock.singleton(x -> x.mul(Activation.sigmoid(x)));
                case EXPONENTIAL -> LambdaBlock.singleton(NDArray::exp);
            };
        }

        @Override
        public TensorShape outputShape(TensorShape in) {
            return in;
        }
    }

    /**
     * Keras's ReLU with all its options: {@code maxValue} for x ≥ maxValue (none when null), x for
     * threshold ≤ x < maxValue, {@code negativeSlope · (x − threshold)} below. LeakyReLU and relu6 are cases of it.
     */
    record ReluSpec(String name, Float maxValue, float negativeSlope, float threshold) implements LayerSpec {
        @Override
        public Block block() {
            return LambdaBlock.singleton(x -> {
                NDArray below = x.sub(threshold).mul(negativeSlope);
                NDArray y = NDArrays.where(x.gte(threshold), x, below);
                return maxValue == null ? y : y.minimum(maxValue.floatValue());
            });
        }

        @Override
        public TensorShape outputShape(TensorShape in) {
            return in;
        }
    }

    /** {@code x} for x > 0, {@code alpha · (exp(x) − 1)} otherwise. */
    record EluSpec(String name, float alpha) implements LayerSpec {
        @Override
        public Block block() {
            return LambdaBlock.singleton(
                    x -> NDArrays.where(x.gt(0), x, x.exp().sub(1).mul(alpha)));
        }

        @Override
        public TensorShape outputShape(TensorShape in) {
            return in;
        }
    }

    /** {@code x · scale[c] + offset[c]} for each channel c (the feature of a vector): Keras's Normalization. */
    record ChannelAffineSpec(String name, float[] scale, float[] offset) implements LayerSpec {
        @Override
        public Block block() {
            return LambdaBlock.singleton(x -> {
                Shape perChannel =
                        x.getShape().dimension() == 4 ? new Shape(1, scale.length, 1, 1) : new Shape(1, scale.length);
                NDManager m = x.getManager();
                return x.mul(m.create(scale, perChannel)).add(m.create(offset, perChannel));
            });
        }

        @Override
        public TensorShape outputShape(TensorShape in) {
            if (scale.length != in.channels() || offset.length != in.channels()) {
                throw new IllegalArgumentException("layer '" + name + "' has " + scale.length
                        + " values per channel, the input " + in + " has " + in.channels() + " channels");
            }
            return in;
        }
    }

    /**
     * A part of a network that is not a chain (Keras's Functional models with Add or Concatenate): {@link GraphNode}s
     * in order, each on earlier nodes' outputs; the output is the last node's. Parameters come node by node.
     */
    record GraphSpec(String name, List<GraphNode> nodes) implements LayerSpec {
        public GraphSpec {
            nodes = List.copyOf(nodes);
            if (nodes.isEmpty()) {
                throw new IllegalArgumentException("graph '" + name + "' has no nodes");
            }
        }

        @Override
        public Block block() {
            return new GraphBlock(nodes);
        }

        @Override
        public TensorShape outputShape(TensorShape in) {
            List<TensorShape> outs = nodeShapes(in);
            return outs.get(outs.size() - 1);
        }

        @Override
        public List<long[]> parameterShapes(TensorShape in) {
            List<TensorShape> outs = nodeShapes(in);
            List<long[]> result = new java.util.ArrayList<>();
            for (GraphNode node : nodes) {
                TensorShape shape = inputOf(node, 0, in, outs);
                for (LayerSpec layer : node.layers()) {
                    result.addAll(layer.parameterShapes(shape));
                    shape = layer.outputShape(shape);
                }
            }
            return result;
        }

        private List<TensorShape> nodeShapes(TensorShape in) {
            List<TensorShape> outs = new java.util.ArrayList<>();
            for (int i = 0; i < nodes.size(); i++) {
                GraphNode node = nodes.get(i);
                for (int index : node.inputs()) {
                    if (index < GraphNode.INPUT || index >= i) {
                        throw new IllegalArgumentException("graph '" + name + "': node " + i + " takes node " + index
                                + ", which does not come before it");
                    }
                }
                if (node.merge() != null) {
                    List<TensorShape> ins = new java.util.ArrayList<>();
                    for (int k = 0; k < node.inputs().size(); k++) {
                        ins.add(inputOf(node, k, in, outs));
                    }
                    outs.add(node.merge().outputShape(name + "/" + i, ins));
                    continue;
                }
                TensorShape shape = inputOf(node, 0, in, outs);
                for (LayerSpec layer : node.layers()) {
                    shape = layer.outputShape(shape);
                }
                outs.add(shape);
            }
            return outs;
        }

        private static TensorShape inputOf(GraphNode node, int k, TensorShape in, List<TensorShape> outs) {
            int index = node.inputs().get(k);
            return index == GraphNode.INPUT ? in : outs.get(index);
        }
    }

    /**
     * Layers run one after another as one nested block: what a chain of them computes, grouped. The
     * batch-normalised networks group each convolution with its batch norm and ReLU, and their parameter
     * files hold one nested block per group. {@link LayerStack#flattened()} takes the grouping away.
     */
    record SequenceSpec(String name, List<LayerSpec> layers) implements LayerSpec {
        public SequenceSpec {
            layers = List.copyOf(layers);
            if (layers.isEmpty()) {
                throw new IllegalArgumentException("sequence '" + name + "' has no layers");
            }
        }

        @Override
        public Block block() {
            SequentialBlock block = new SequentialBlock();
            layers.forEach(layer -> block.add(layer.block()));
            return block;
        }

        @Override
        public TensorShape outputShape(TensorShape in) {
            TensorShape shape = in;
            for (LayerSpec layer : layers) {
                shape = layer.outputShape(shape);
            }
            return shape;
        }

        @Override
        public List<long[]> parameterShapes(TensorShape in) {
            List<long[]> result = new java.util.ArrayList<>();
            TensorShape shape = in;
            for (LayerSpec layer : layers) {
                result.addAll(layer.parameterShapes(shape));
                shape = layer.outputShape(shape);
            }
            return result;
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
     * Keras's Reshape: the values are taken in the order Keras holds them and laid out in the target shape, which is
     * {@code [units]}, {@code [height, width]} (one channel) or an image; the result is NCHW or NF again. Keras holds
     * images channels-last ({@code [height, width, channels]}) unless {@code channelsFirst}, where its order is ours.
     */
    record ReshapeSpec(String name, List<Integer> target, boolean channelsFirst) implements LayerSpec {
        public ReshapeSpec {
            target = List.copyOf(target);
            if (target.isEmpty() || target.size() > 3) {
                throw new IllegalArgumentException(
                        "layer '" + name + "': a target shape has 1 to 3 axes, not " + target);
            }
        }

        /** A reshape in a channels-last model. */
        public ReshapeSpec(String name, List<Integer> target) {
            this(name, target, false);
        }

        @Override
        public Block block() {
            return LambdaBlock.singleton(ReshapeSpec.this::apply);
        }

        private NDArray apply(NDArray x) {
            long batch = x.getShape().get(0);
            if (target.size() == 1) {
                NDArray keras = x.getShape().dimension() == 4 && !channelsFirst ? x.transpose(0, 2, 3, 1) : x;
                return keras.reshape(batch, target.get(0));
            }
            TensorShape out = outputShape(null);
            if (channelsFirst) {
                return x.reshape(batch, out.channels(), out.height(), out.width());
            }
            NDArray channelsLast = x.getShape().dimension() == 4 ? x.transpose(0, 2, 3, 1) : x;
            return channelsLast
                    .reshape(batch, out.height(), out.width(), out.channels())
                    .transpose(0, 3, 1, 2);
        }

        @Override
        public TensorShape outputShape(TensorShape in) {
            TensorShape out = switch (target.size()) {
                case 1 -> TensorShape.vector(target.get(0));
                case 2 -> TensorShape.image(1, target.get(0), target.get(1));
                default ->
                    channelsFirst
                            ? TensorShape.image(target.get(0), target.get(1), target.get(2))
                            : TensorShape.image(target.get(2), target.get(0), target.get(1));
            };
            if (in != null && out.size() != in.size()) {
                throw new IllegalArgumentException("layer '" + name + "' reshapes " + in + " (" + in.size()
                        + " values) to " + target + " (" + out.size() + " values)");
            }
            return out;
        }
    }

    private static TensorShape pooled(
            TensorShape in,
            String name,
            int poolHeight,
            int poolWidth,
            int strideHeight,
            int strideWidth,
            int padHeight,
            int padWidth) {
        in.requireImage(name);
        return TensorShape.image(
                in.channels(),
                (in.height() + padHeight - poolHeight) / strideHeight + 1,
                (in.width() + padWidth - poolWidth) / strideWidth + 1);
    }
}
