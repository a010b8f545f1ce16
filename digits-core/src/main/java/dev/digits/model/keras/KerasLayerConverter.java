package dev.digits.model.keras;

import com.fasterxml.jackson.databind.JsonNode;
import dev.digits.DigitsException;
import dev.digits.model.layers.GraphNode;
import dev.digits.model.layers.LayerSpec;
import dev.digits.model.layers.LayerSpec.ActivationSpec;
import dev.digits.model.layers.LayerStack;
import dev.digits.model.layers.Merge;
import dev.digits.model.layers.Tensor;
import dev.digits.model.layers.TensorShape;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Turns a chain of Keras layers and their weights into a {@link LayerStack} with parameters in DJL's
 * layout. Every option that changes what a layer computes is checked: one this class does not convert
 * fails with the layer, its class and the option, so a model is converted exactly or not at all.
 */
public final class KerasLayerConverter {
    /** What the conversion made, and what a person should know about it. */
    public record Result(LayerStack stack, List<Tensor> parameters, List<String> notes) {}

    /** The layer classes this converter reads, as error messages list them. */
    public static final String SUPPORTED = "InputLayer, Conv2D, DepthwiseConv2D, SeparableConv2D, MaxPooling2D, "
            + "AveragePooling2D, GlobalAveragePooling2D, GlobalMaxPooling2D, ZeroPadding2D, BatchNormalization, Dropout, "
            + "SpatialDropout2D, GaussianNoise, GaussianDropout, AlphaDropout, Flatten, Dense, Reshape, Rescaling, "
            + "Normalization, Resizing and CenterCrop (to the input's own size), RandomFlip, RandomRotation, RandomZoom, "
            + "RandomHeight, RandomWidth, RandomTranslation, RandomContrast, RandomBrightness, RandomCrop (to the input's "
            + "own size), Activation, ReLU, LeakyReLU, ELU, ThresholdedReLU, Softmax, Add, Subtract, Multiply, Average, "
            + "Maximum, Minimum, Concatenate, and Sequential models nested as layers";

    /** Layers that change images only while training (augmentation, noise): Keras passes inputs through at inference. */
    private static final Set<String> TRAINING_ONLY = Set.of(
            "RandomFlip",
            "RandomRotation",
            "RandomZoom",
            "RandomHeight",
            "RandomWidth",
            "RandomTranslation",
            "RandomContrast",
            "RandomBrightness",
            "GaussianNoise",
            "GaussianDropout",
            "AlphaDropout",
            "ActivityRegularization");

    /** Layers that resize or crop to a fixed size: identities when that is the size they get. */
    private static final Set<String> TO_SIZE = Set.of("Resizing", "CenterCrop", "RandomCrop");

    /** Keras's merge layers, which take several inputs, by class name: {@code Add} for {@link Merge#ADD}, …. */
    private static final Map<String, Merge> MERGES = new LinkedHashMap<>();

    static {
        for (Merge merge : Merge.values()) {
            MERGES.put(merge.name().charAt(0) + merge.name().substring(1).toLowerCase(Locale.ROOT), merge);
        }
    }

    /** Keras's {@code backend.epsilon()}, the floor of Normalization's standard deviation. */
    private static final double KERAS_EPSILON = 1e-7;

    private final KerasWeights weights;
    private final boolean channelsFirst;
    /** The layers being made: the network's, or while converting a graph one node's. */
    private List<LayerSpec> specs = new ArrayList<>();

    private final List<Tensor> parameters = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();
    private TensorShape shape = TensorShape.INPUT;
    /** True until the first layer that computes something: where a Rescaling of 0-255 pixels belongs. */
    private boolean atInput = true;

    private String inputRescaling;

    private KerasLayerConverter(KerasWeights weights, boolean channelsFirst) {
        this.weights = weights;
        this.channelsFirst = channelsFirst;
    }

    /** Converts a chain of layers that takes MNIST pixels as 0-1 values (as this project feeds every model). */
    public static Result convert(List<KerasLayer> chain, KerasWeights weights) {
        return convertModel(KerasGraph.asChain(chain), weights, InputScale.UNIT);
    }

    /** Converts a chain of layers trained on pixels scaled to 0..{@code inputScale}. */
    public static Result convert(List<KerasLayer> chain, KerasWeights weights, InputScale inputScale) {
        return convertModel(KerasGraph.asChain(chain), weights, inputScale);
    }

    /**
     * Converts a model trained on pixels scaled to 0..{@code inputScale}. With 255, a Rescaling by 255 is put before
     * the first layer, so the network takes this project's 0-1 inputs; a Rescaling layer of the model's own that
     * divides 0-255 pixels decides instead. A model that is not a chain becomes a {@link LayerSpec.GraphSpec}.
     */
    public static Result convertModel(List<KerasGraph.Node> nodes, KerasWeights weights, InputScale inputScale) {
        List<KerasLayer> layers = nodes.stream().map(KerasGraph.Node::layer).toList();
        KerasLayerConverter converter = new KerasLayerConverter(weights, DataFormat.of(layers));
        KerasLayer first = layers.get(0);
        boolean inputLayer = first.className().equals("InputLayer");
        converter.input(
                first,
                inputLayer
                        ? shapeOf(first, "batch_shape", "batch_input_shape")
                        : shapeOf(first, "batch_input_shape", "batch_shape"));
        List<KerasGraph.Node> rest = inputLayer ? nodes.subList(1, nodes.size()) : nodes;
        if (KerasGraph.isChain(nodes)) {
            rest.forEach(node -> converter.layer(node.layer()));
        } else {
            converter.graph(rest, inputLayer ? first.scopedName() : null);
        }
        converter.inputScale(inputScale);
        return converter.finish();
    }

    /** The nodes after the input, as one {@link LayerSpec.GraphSpec} after what the input needed. */
    private void graph(List<KerasGraph.Node> nodes, String input) {
        List<LayerSpec> before = specs;
        TensorShape inputShape = shape;
        Map<String, Integer> index = new HashMap<>();
        if (input != null) {
            index.put(input, GraphNode.INPUT);
        }
        List<GraphNode> graph = new ArrayList<>();
        List<TensorShape> outputs = new ArrayList<>();
        for (KerasGraph.Node node : nodes) {
            List<Integer> from = new ArrayList<>();
            List<TensorShape> shapes = new ArrayList<>();
            for (String source : node.inputs()) {
                int i = index.get(source);
                from.add(i);
                shapes.add(i == GraphNode.INPUT ? inputShape : outputs.get(i));
            }
            if (from.isEmpty()) {
                from.add(GraphNode.INPUT);
                shapes.add(inputShape);
            }
            Merge merge = MERGES.get(node.layer().className());
            if (merge != null) {
                noWeights(node.layer());
                if (merge == Merge.CONCATENATE) {
                    shape = shapes.get(0); // the axis is checked against the merged shape
                    channelAxis(node.layer(), node.layer().config().path("axis"));
                }
                try {
                    outputs.add(merge.outputShape(node.layer().name(), shapes));
                } catch (IllegalArgumentException e) {
                    throw new UnsupportedKerasModel("layer " + node.layer().label() + ": " + e.getMessage());
                }
                graph.add(GraphNode.merge(merge, from));
            } else {
                if (from.size() != 1) {
                    throw new UnsupportedKerasModel("layer " + node.layer().label() + " takes " + from.size()
                            + " inputs (supported: one, or several for " + String.join(", ", MERGES.keySet()) + ")");
                }
                specs = new ArrayList<>();
                shape = shapes.get(0);
                layer(node.layer());
                graph.add(GraphNode.layers(specs, from.get(0)));
                outputs.add(shape);
            }
            index.put(node.layer().scopedName(), graph.size() - 1);
        }
        GraphNode last = graph.get(graph.size() - 1);
        List<LayerSpec> kept = last.merge() == null ? dropFinalSoftmax(new ArrayList<>(last.layers())) : null;
        if (kept != null) {
            graph.set(graph.size() - 1, GraphNode.layers(kept, last.inputs().get(0)));
        }
        specs = before;
        shape = inputShape;
        add(new LayerSpec.GraphSpec("graph", graph));
    }

    private void inputScale(InputScale scale) {
        if (inputRescaling != null) {
            notes.add("input scale: decided by the model's own layer '" + inputRescaling + "', which takes 0-255 pixels"
                    + (scale == InputScale.UNIT ? "" : "; --input-scale " + scale.factor() + " is not applied again"));
        } else if (scale != InputScale.UNIT) {
            specs.add(0, new LayerSpec.RescalingSpec("input_scale", scale.factor(), 0f));
            notes.add("input scale " + scale.factor() + ": the model was trained on 0-" + scale.factor()
                    + " pixels; a first layer 'input_scale' multiplies our 0-1 inputs by " + scale.factor());
        }
    }

    /** {@code layers} without its last layer when that is a softmax, else null. */
    private List<LayerSpec> dropFinalSoftmax(List<LayerSpec> layers) {
        if (!layers.isEmpty()
                && layers.get(layers.size() - 1) instanceof ActivationSpec a
                && a.function() == ActivationSpec.Function.SOFTMAX) {
            // Our networks output scores; prediction and the loss apply (log-)softmax themselves.
            layers.remove(layers.size() - 1);
            notes.add("final softmax dropped: the network outputs scores (logits) and prediction applies softmax");
            return layers;
        }
        return null;
    }

    private Result finish() {
        dropFinalSoftmax(specs);
        try {
            return new Result(new LayerStack(specs), List.copyOf(parameters), List.copyOf(notes));
        } catch (IllegalArgumentException e) {
            throw new UnsupportedKerasModel("the model does not map 1x28x28 images to 10 classes: " + e.getMessage());
        }
    }

    private void input(KerasLayer layer, List<Integer> withBatch) {
        if (withBatch.get(0) != null) {
            notes.add("the file fixes the batch size at " + withBatch.get(0)
                    + "; the imported network takes any batch size");
        }
        List<Integer> dims = withBatch.subList(1, withBatch.size());
        List<Integer> image = channelsFirst ? List.of(1, 28, 28) : List.of(28, 28, 1);
        if (matches(dims, image) || matches(dims, List.of(28, 28))) {
            if (dims.contains(null)) {
                notes.add("input " + text(dims) + ": the model takes images of any size; it gets 28x28");
            }
            return; // our 1x28x28 input holds the same values in the same order
        }
        if (dims.equals(List.of(784))) {
            add(new LayerSpec.FlattenSpec(layer.name() + "_flatten", true));
            notes.add("input (784): the 28x28 image is flattened row by row");
            return;
        }
        throw UnsupportedKerasModel.option(
                layer,
                "input shape",
                text(dims),
                channelsFirst
                        ? "(1, 28, 28), (28, 28) or (784) in a channels_first model"
                        : "(28, 28, 1), (28, 28) or (784)");
    }

    /** Equal, where a null (any size) in {@code dims} matches anything. */
    private static boolean matches(List<Integer> dims, List<Integer> expected) {
        if (dims.size() != expected.size()) {
            return false;
        }
        for (int i = 0; i < dims.size(); i++) {
            if (dims.get(i) != null && !dims.get(i).equals(expected.get(i))) {
                return false;
            }
        }
        return true;
    }

    private static String text(List<Integer> dims) {
        return dims.toString().replace('[', '(').replace(']', ')').replace("null", "None");
    }

    /** The declared shape, batch axis first; null where the file leaves an axis open. */
    private static List<Integer> shapeOf(KerasLayer layer, String key, String alternative) {
        JsonNode shape = layer.config().has(key)
                ? layer.config().get(key)
                : layer.config().get(alternative);
        if (shape == null || !shape.isArray() || shape.isEmpty()) {
            throw new UnsupportedKerasModel("layer " + layer.label() + " declares no input shape; "
                    + "save the model after building it (with an Input layer or input_shape)");
        }
        List<Integer> dims = new ArrayList<>();
        shape.forEach(d -> dims.add(d.isNull() ? null : d.asInt()));
        return dims;
    }

    private void layer(KerasLayer layer) {
        JsonNode c = layer.config();
        String className = layer.className();
        if (TRAINING_ONLY.contains(className)) {
            // Weights such layers may carry (a random generator's state) do not matter at inference.
            notes.add("layer '" + layer.name() + "' (" + className + ") skipped: it only acts while training");
            return;
        }
        if (TO_SIZE.contains(className)) {
            toSize(layer, c);
            return;
        }
        switch (className) {
            case "Conv2D" -> conv2d(layer, c);
            case "DepthwiseConv2D" -> depthwise(layer, c);
            case "SeparableConv2D" -> separable(layer, c);
            case "MaxPooling2D", "MaxPool2D" -> pool(layer, c, true);
            case "AveragePooling2D", "AvgPool2D" -> pool(layer, c, false);
            case "GlobalAveragePooling2D", "GlobalAvgPool2D", "GlobalMaxPooling2D", "GlobalMaxPool2D" -> {
                imageFormat(layer, c);
                if (c.path("keepdims").asBoolean(false)) {
                    throw UnsupportedKerasModel.option(layer, "keepdims", true, "false");
                }
                noWeights(layer);
                requireImage(layer);
                add(
                        className.contains("Max")
                                ? new LayerSpec.GlobalMaxPoolSpec(layer.name())
                                : new LayerSpec.GlobalAvgPoolSpec(layer.name()));
            }
            case "ZeroPadding2D" -> zeroPadding(layer, c);
            case "Flatten" -> {
                imageFormat(layer, c);
                noWeights(layer);
                // Keras (2.1 on, and 3) flattens a channels_first image in (height, width, channels) order too, so that
                // the next Dense layer's weights fit either format; Keras 2.0's Flatten had no data_format and took
                // the values as they lay.
                boolean asTheyLay = channelsFirst && DataFormat.declared(c) == null;
                add(new LayerSpec.FlattenSpec(layer.name(), !asTheyLay));
            }
            case "Dense" -> dense(layer, c);
            case "Dropout", "SpatialDropout2D" -> {
                noWeights(layer);
                if (c.hasNonNull("noise_shape")) {
                    throw UnsupportedKerasModel.option(layer, "noise_shape", c.get("noise_shape"), "null");
                }
                add(new LayerSpec.DropoutSpec(
                        layer.name(), (float) c.path("rate").asDouble()));
            }
            case "BatchNormalization" -> batchNorm(layer, c);
            case "Activation" -> {
                noWeights(layer);
                activation(layer, c.path("activation"), layer.name());
            }
            case "ReLU" -> {
                noWeights(layer);
                JsonNode max = c.path("max_value");
                float slope = (float) c.path("negative_slope").asDouble(0);
                float threshold = (float) c.path("threshold").asDouble(0);
                add(
                        !max.isNumber() && slope == 0 && threshold == 0
                                ? new ActivationSpec(layer.name(), ActivationSpec.Function.RELU)
                                : new LayerSpec.ReluSpec(
                                        layer.name(),
                                        max.isNumber() ? (float) max.asDouble() : null,
                                        slope,
                                        threshold));
            }
            case "LeakyReLU" -> {
                noWeights(layer);
                // Keras 2 calls the slope alpha, Keras 3 negative_slope; both default to 0.3.
                double slope = c.path("negative_slope").asDouble(c.path("alpha").asDouble(0.3));
                add(new LayerSpec.ReluSpec(layer.name(), null, (float) slope, 0f));
            }
            case "ThresholdedReLU" -> {
                noWeights(layer);
                add(new LayerSpec.ReluSpec(
                        layer.name(), null, 0f, (float) c.path("theta").asDouble(1.0)));
            }
            case "ELU" -> {
                noWeights(layer);
                add(new LayerSpec.EluSpec(layer.name(), (float) c.path("alpha").asDouble(1.0)));
            }
            case "Softmax" -> {
                noWeights(layer);
                JsonNode axis = c.path("axis");
                boolean last = axis.isMissingNode()
                        || axis.asInt() == -1
                        || axis.isArray() && axis.size() == 1 && axis.get(0).asInt() == -1;
                if (!last || shape.isImage()) {
                    throw UnsupportedKerasModel.option(layer, "axis", axis + " on " + shape, "-1 on a vector");
                }
                add(new ActivationSpec(layer.name(), ActivationSpec.Function.SOFTMAX));
            }
            case "Rescaling" -> rescaling(layer, c);
            case "Normalization" -> normalization(layer, c);
            case "Reshape" -> reshape(layer, c);
            case "InputLayer" ->
                throw new UnsupportedKerasModel("layer " + layer.label() + ": a second input is not supported");
            default ->
                throw new UnsupportedKerasModel("layer " + layer.label() + ": layer class '" + className
                        + "' is not supported (supported: " + SUPPORTED + ")");
        }
    }

    /** Resizing, CenterCrop and RandomCrop (at inference a centre crop) to the image's own size change nothing. */
    private void toSize(KerasLayer layer, JsonNode c) {
        requireImage(layer);
        int height = c.path("height").asInt(-1);
        int width = c.path("width").asInt(-1);
        if (height != shape.height() || width != shape.width()) {
            throw new UnsupportedKerasModel(
                    "layer " + layer.label() + ": resizing or cropping (" + shape.height() + ", "
                            + shape.width() + ") images to (" + c.path("height") + ", " + c.path("width")
                            + ") is not supported "
                            + "(supported: " + layer.className() + " to the size it gets, which changes nothing)");
        }
        notes.add("layer '" + layer.name() + "' (" + layer.className() + " to " + height + "x" + width
                + ") skipped: it gets images of that size already");
    }

    private void conv2d(KerasLayer layer, JsonNode c) {
        imageFormat(layer, c);
        requireImage(layer);
        int[] kernel = pair(layer, c, "kernel_size");
        int[] strides = pair(layer, c, "strides");
        int[] dilation = c.hasNonNull("dilation_rate") ? pair(layer, c, "dilation_rate") : new int[] {1, 1};
        int groups = c.path("groups").asInt(1);
        int filters = c.path("filters").asInt();
        int[] pads = padding(layer, c, kernel, strides, dilation);
        boolean bias = c.path("use_bias").asBoolean(true);
        List<Tensor> w = weights(layer, bias ? 2 : 1, bias ? "kernel, bias" : "kernel");
        if (groups < 1 || shape.channels() % groups != 0 || filters % groups != 0) {
            throw UnsupportedKerasModel.option(
                    layer, "groups", groups, "a divisor of the input channels and of the filters");
        }
        expectShape(layer, "kernel", w.get(0), kernel[0], kernel[1], shape.channels() / groups, filters);
        parameters.add(WeightLayouts.convKernelToDjl(w.get(0)));
        if (bias) {
            expectShape(layer, "bias", w.get(1), filters);
            parameters.add(w.get(1));
        }
        add(new LayerSpec.Conv2dSpec(
                layer.name(),
                filters,
                kernel[0],
                kernel[1],
                strides[0],
                strides[1],
                pads[0],
                pads[1],
                pads[2],
                pads[3],
                bias,
                dilation[0],
                dilation[1],
                groups));
        activation(layer, c.path("activation"), layer.name() + "_activation");
    }

    private void depthwise(KerasLayer layer, JsonNode c) {
        imageFormat(layer, c);
        requireImage(layer);
        boolean bias = c.path("use_bias").asBoolean(true);
        List<Tensor> w = weights(layer, bias ? 2 : 1, bias ? "depthwise_kernel, bias" : "depthwise_kernel");
        int filters = depthwiseStep(layer, c, layer.name(), w.get(0), bias);
        if (bias) {
            expectShape(layer, "bias", w.get(1), filters);
            parameters.add(w.get(1));
        }
        activation(layer, c.path("activation"), layer.name() + "_activation");
    }

    /**
     * A depthwise convolution named {@code name}: its kernel converted and its spec added (its bias, if {@code bias},
     * is the caller's to add); returns its output channels.
     */
    private int depthwiseStep(KerasLayer layer, JsonNode c, String name, Tensor kernelValues, boolean bias) {
        int[] kernel = pair(layer, c, "kernel_size");
        int[] strides = pair(layer, c, "strides");
        int[] dilation = c.hasNonNull("dilation_rate") ? pair(layer, c, "dilation_rate") : new int[] {1, 1};
        int multiplier = c.path("depth_multiplier").asInt(1);
        int channels = shape.channels();
        int[] pads = padding(layer, c, kernel, strides, dilation);
        expectShape(layer, "depthwise_kernel", kernelValues, kernel[0], kernel[1], channels, multiplier);
        parameters.add(WeightLayouts.depthwiseKernelToDjl(kernelValues));
        add(new LayerSpec.Conv2dSpec(
                name,
                channels * multiplier,
                kernel[0],
                kernel[1],
                strides[0],
                strides[1],
                pads[0],
                pads[1],
                pads[2],
                pads[3],
                bias,
                dilation[0],
                dilation[1],
                channels));
        return channels * multiplier;
    }

    private void separable(KerasLayer layer, JsonNode c) {
        imageFormat(layer, c);
        requireImage(layer);
        boolean bias = c.path("use_bias").asBoolean(true);
        List<Tensor> w = weights(layer, bias ? 3 : 2, "depthwise_kernel, pointwise_kernel" + (bias ? ", bias" : ""));
        int middle = depthwiseStep(layer, c, layer.name() + "_depthwise", w.get(0), false);
        int filters = c.path("filters").asInt();
        expectShape(layer, "pointwise_kernel", w.get(1), 1, 1, middle, filters);
        parameters.add(WeightLayouts.convKernelToDjl(w.get(1)));
        if (bias) {
            expectShape(layer, "bias", w.get(2), filters);
            parameters.add(w.get(2));
        }
        add(new LayerSpec.Conv2dSpec(layer.name(), filters, 1, 1, 1, 1, 0, 0, 0, 0, bias));
        activation(layer, c.path("activation"), layer.name() + "_activation");
    }

    /** {top, bottom, left, right} for Keras's {@code valid} or {@code same}. */
    private int[] padding(KerasLayer layer, JsonNode c, int[] kernel, int[] strides, int[] dilation) {
        String padding = c.path("padding").asText("valid");
        return switch (padding) {
            case "valid" -> new int[4];
            case "same" ->
                SamePadding.of(
                        dilation[0] * (kernel[0] - 1) + 1,
                        dilation[1] * (kernel[1] - 1) + 1,
                        strides[0],
                        strides[1],
                        shape.height(),
                        shape.width());
            default -> throw UnsupportedKerasModel.option(layer, "padding", padding, "valid, same");
        };
    }

    private void pool(KerasLayer layer, JsonNode c, boolean max) {
        imageFormat(layer, c);
        noWeights(layer);
        requireImage(layer);
        int[] size = pair(layer, c, "pool_size");
        int[] strides = c.hasNonNull("strides") ? pair(layer, c, "strides") : size;
        int[] p = padding(layer, c, size, strides, new int[] {1, 1});
        add(
                max
                        ? new LayerSpec.MaxPoolSpec(
                                layer.name(), size[0], size[1], strides[0], strides[1], p[0], p[1], p[2], p[3])
                        : new LayerSpec.AvgPoolSpec(
                                layer.name(), size[0], size[1], strides[0], strides[1], p[0], p[1], p[2], p[3]));
    }

    /** {@code padding}: n, (rows, columns) or ((top, bottom), (left, right)). */
    private void zeroPadding(KerasLayer layer, JsonNode c) {
        imageFormat(layer, c);
        noWeights(layer);
        requireImage(layer);
        JsonNode p = c.path("padding");
        int[] pads;
        if (p.isInt()) {
            pads = new int[] {p.asInt(), p.asInt(), p.asInt(), p.asInt()};
        } else if (p.isArray() && p.size() == 2 && p.get(0).isInt() && p.get(1).isInt()) {
            pads = new int[] {
                p.get(0).asInt(), p.get(0).asInt(), p.get(1).asInt(), p.get(1).asInt()
            };
        } else if (p.isArray()
                && p.size() == 2
                && p.get(0).size() == 2
                && p.get(1).size() == 2) {
            pads = new int[] {
                p.get(0).get(0).asInt(),
                p.get(0).get(1).asInt(),
                p.get(1).get(0).asInt(),
                p.get(1).get(1).asInt()
            };
        } else {
            throw UnsupportedKerasModel.option(
                    layer, "padding", p, "n, (rows, columns) or ((top, bottom), (left, right))");
        }
        add(new LayerSpec.ZeroPaddingSpec(layer.name(), pads[0], pads[1], pads[2], pads[3]));
    }

    private void dense(KerasLayer layer, JsonNode c) {
        if (shape.isImage()) {
            throw UnsupportedKerasModel.option(
                    layer,
                    "input shape",
                    shape,
                    "a vector (Keras applies Dense to the last axis of an image; add a Flatten before it)");
        }
        int units = c.path("units").asInt();
        boolean bias = c.path("use_bias").asBoolean(true);
        List<Tensor> w = weights(layer, bias ? 2 : 1, bias ? "kernel, bias" : "kernel");
        expectShape(layer, "kernel", w.get(0), shape.size(), units);
        parameters.add(WeightLayouts.transpose(w.get(0)));
        if (bias) {
            expectShape(layer, "bias", w.get(1), units);
            parameters.add(w.get(1));
        }
        add(new LayerSpec.DenseSpec(layer.name(), units, bias));
        activation(layer, c.path("activation"), layer.name() + "_activation");
    }

    private void batchNorm(KerasLayer layer, JsonNode c) {
        channelAxis(layer, c.path("axis"));
        requireDefault(layer, c, "renorm", false);
        requireDefault(layer, c, "virtual_batch_size", null);
        boolean scale = c.path("scale").asBoolean(true);
        boolean center = c.path("center").asBoolean(true);
        int count = (scale ? 1 : 0) + (center ? 1 : 0) + 2;
        List<Tensor> w = weights(
                layer, count, (scale ? "gamma, " : "") + (center ? "beta, " : "") + "moving_mean, moving_variance");
        int channels = shape.channels();
        for (Tensor t : w) {
            expectShape(layer, "weight", t, channels);
        }
        int i = 0;
        parameters.add(scale ? w.get(i++) : Tensor.filled(channels, 1f));
        parameters.add(center ? w.get(i++) : Tensor.filled(channels, 0f));
        parameters.add(w.get(i++));
        parameters.add(w.get(i));
        add(new LayerSpec.BatchNormSpec(layer.name(), (float) c.path("epsilon").asDouble(1e-3)));
    }

    /** The option must name the channel axis: -1 (channels-last or a vector), 1 (channels-first or a vector), 3. */
    private void channelAxis(KerasLayer layer, JsonNode axis) {
        if (axis.isArray() && axis.size() != 1) {
            throw UnsupportedKerasModel.option(layer, "axis", axis, "the channel axis");
        }
        int a = axis.isArray() ? axis.get(0).asInt() : axis.asInt(-1);
        int rank = shape.isImage() ? 3 : 1;
        int channel = channelsFirst && shape.isImage() ? 1 : rank;
        if (a != channel && a != channel - rank - 1) {
            throw UnsupportedKerasModel.option(
                    layer,
                    "axis",
                    axis,
                    "the channel axis, " + channel + " or " + (channel - rank - 1) + ", for input " + shape);
        }
    }

    private void rescaling(KerasLayer layer, JsonNode c) {
        noWeights(layer);
        JsonNode scaleNode = c.path("scale");
        JsonNode offsetNode = c.path("offset");
        if (!scaleNode.isNumber() || !(offsetNode.isMissingNode() || offsetNode.isNumber())) {
            throw UnsupportedKerasModel.option(layer, "scale/offset", scaleNode + "/" + offsetNode, "single numbers");
        }
        double scale = scaleNode.asDouble();
        if (atInput && (Math.abs(scale * 255 - 1) < 1e-6 || Math.abs(scale * 127.5 - 1) < 1e-6)) {
            // The model scales raw 0-255 pixels itself; our inputs are 0-1 already.
            scale *= 255;
            inputRescaling = layer.name();
            notes.add("layer '" + layer.name()
                    + "' takes 0-255 pixels; its scale is multiplied by 255 for our 0-1 inputs");
        }
        add(new LayerSpec.RescalingSpec(layer.name(), (float) scale, (float) offsetNode.asDouble(0)));
    }

    /** {@code (x − mean) / max(√variance, ε)} per channel; mean and variance from the config or the weights. */
    private void normalization(KerasLayer layer, JsonNode c) {
        if (c.path("invert").asBoolean(false)) {
            throw UnsupportedKerasModel.option(layer, "invert", true, "false");
        }
        JsonNode axis = c.path("axis");
        if (!axis.isNull()) {
            channelAxis(layer, axis);
        }
        float[] mean;
        float[] variance;
        if (c.hasNonNull("mean") && c.hasNonNull("variance")) {
            mean = numbers(c.get("mean"));
            variance = numbers(c.get("variance"));
        } else {
            List<Tensor> w = weights.of(layer);
            if (w.size() < 2) {
                throw new DigitsException("layer " + layer.label()
                        + ": expected mean and variance weights, the weights file has " + w.size() + " arrays");
            }
            mean = w.get(0).data();
            variance = w.get(1).data();
        }
        int channels = shape.channels();
        if (mean.length != variance.length || mean.length != 1 && mean.length != channels) {
            throw UnsupportedKerasModel.option(
                    layer, "mean", mean.length + " values", "one per channel (" + channels + ") or one");
        }
        float[] scale = new float[channels];
        float[] offset = new float[channels];
        for (int i = 0; i < channels; i++) {
            int j = mean.length == 1 ? 0 : i;
            double std = Math.max(Math.sqrt(variance[j]), KERAS_EPSILON);
            scale[i] = (float) (1 / std);
            offset[i] = (float) (-mean[j] / std);
        }
        add(new LayerSpec.ChannelAffineSpec(layer.name(), scale, offset));
    }

    private static float[] numbers(JsonNode node) {
        List<Float> values = new ArrayList<>();
        collectNumbers(node, values);
        float[] result = new float[values.size()];
        for (int i = 0; i < result.length; i++) {
            result[i] = values.get(i);
        }
        return result;
    }

    private static void collectNumbers(JsonNode node, List<Float> into) {
        if (node.isNumber()) {
            into.add((float) node.asDouble());
        } else {
            node.forEach(child -> collectNumbers(child, into));
        }
    }

    private void reshape(KerasLayer layer, JsonNode c) {
        noWeights(layer);
        List<Integer> target = new ArrayList<>();
        c.path("target_shape").forEach(d -> target.add(d.asInt()));
        int unknown = target.indexOf(-1);
        if (unknown >= 0 && target.lastIndexOf(-1) == unknown) {
            int known = target.stream().filter(d -> d != -1).reduce(1, (a, b) -> a * b);
            target.set(unknown, known > 0 && shape.size() % known == 0 ? shape.size() / known : -1);
        }
        if (target.isEmpty() || target.size() > 3 || target.contains(-1)) {
            throw UnsupportedKerasModel.option(
                    layer,
                    "target_shape",
                    c.path("target_shape"),
                    "(units), (height, width) or an image, at most one -1, fitting " + shape);
        }
        try {
            add(new LayerSpec.ReshapeSpec(layer.name(), target, channelsFirst));
        } catch (IllegalArgumentException e) {
            throw new DigitsException("layer " + layer.label() + ": " + e.getMessage(), e);
        }
    }

    /** A layer's {@code activation} option, added as a layer of its own. */
    private void activation(KerasLayer layer, JsonNode value, String name) {
        // Keras 3 may write an activation as {"class_name": "function", "config": "relu", …}.
        String function = value.isMissingNode() || value.isNull()
                ? "linear"
                : value.isTextual()
                        ? value.asText()
                        : value.path("config").isTextual()
                                ? value.path("config").asText()
                                : String.valueOf(value);
        switch (function) {
            case "linear" -> {}
            case "relu", "sigmoid", "tanh", "softmax", "selu", "softplus", "softsign", "swish", "exponential" ->
                add(new ActivationSpec(name, ActivationSpec.Function.valueOf(function.toUpperCase(Locale.ROOT))));
            case "silu" -> add(new ActivationSpec(name, ActivationSpec.Function.SWISH));
            case "elu" -> add(new LayerSpec.EluSpec(name, 1f));
            case "relu6" -> add(new LayerSpec.ReluSpec(name, 6f, 0f, 0f));
            case "leaky_relu" -> add(new LayerSpec.ReluSpec(name, null, 0.2f, 0f));
            default ->
                throw UnsupportedKerasModel.option(
                        layer,
                        "activation",
                        function,
                        "linear, relu, sigmoid, tanh, softmax, elu, selu, softplus, softsign, swish, silu, exponential, relu6, leaky_relu");
        }
    }

    private void add(LayerSpec spec) {
        try {
            shape = spec.outputShape(shape);
        } catch (IllegalArgumentException e) {
            throw new UnsupportedKerasModel(e.getMessage());
        }
        specs.add(spec);
        if (!(spec instanceof LayerSpec.FlattenSpec && specs.size() == 1)) {
            atInput = false;
        }
    }

    private List<Tensor> weights(KerasLayer layer, int count, String names) {
        List<Tensor> found = weights.of(layer);
        if (found.size() != count) {
            throw new DigitsException("layer " + layer.label() + ": expected " + count + " weight arrays (" + names
                    + "), the weights file has " + found.size());
        }
        return found;
    }

    private void noWeights(KerasLayer layer) {
        List<Tensor> found = weights.of(layer);
        if (!found.isEmpty()) {
            throw new DigitsException("layer " + layer.label() + " has no weights, but the weights file has "
                    + found.size() + " arrays for it");
        }
    }

    private static void expectShape(KerasLayer layer, String what, Tensor t, long... expected) {
        if (!Arrays.equals(t.shape(), expected)) {
            throw new DigitsException("layer " + layer.label() + ": " + what + " has shape " + t.shapeText()
                    + ", the layer needs " + Arrays.toString(expected));
        }
    }

    private void requireImage(KerasLayer layer) {
        if (!shape.isImage()) {
            throw UnsupportedKerasModel.option(layer, "input shape", shape, "an image (height, width, channels)");
        }
    }

    /** Every image layer must use the model's data format ({@link DataFormat#of} has checked that they agree). */
    private void imageFormat(KerasLayer layer, JsonNode c) {
        String format = DataFormat.declared(c);
        if (format != null && format.equals("channels_first") != channelsFirst) {
            throw UnsupportedKerasModel.option(layer, "data_format", format, "one data format for the whole model");
        }
    }

    private static void requireDefault(KerasLayer layer, JsonNode c, String option, Object expected) {
        JsonNode value = c.get(option);
        if (value == null || value.isNull() && expected == null) {
            return;
        }
        boolean same = expected instanceof Boolean b
                ? value.isBoolean() && value.asBoolean() == b
                : expected instanceof Double d ? value.isNumber() && value.asDouble() == d : false;
        if (!same) {
            throw UnsupportedKerasModel.option(layer, option, value, String.valueOf(expected));
        }
    }

    private static int[] pair(KerasLayer layer, JsonNode c, String option) {
        JsonNode v = c.get(option);
        if (v != null && v.isInt()) {
            return new int[] {v.asInt(), v.asInt()};
        }
        if (v != null && v.isArray() && v.size() == 2) {
            return new int[] {v.get(0).asInt(), v.get(1).asInt()};
        }
        throw UnsupportedKerasModel.option(layer, option, v, "two integers");
    }
}
