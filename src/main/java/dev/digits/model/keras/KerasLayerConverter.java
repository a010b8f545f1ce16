package dev.digits.model.keras;

import com.fasterxml.jackson.databind.JsonNode;
import dev.digits.DigitsException;
import dev.digits.model.layers.LayerSpec;
import dev.digits.model.layers.LayerSpec.ActivationSpec;
import dev.digits.model.layers.LayerStack;
import dev.digits.model.layers.Tensor;
import dev.digits.model.layers.TensorShape;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Turns a chain of Keras layers and their weights into a {@link LayerStack} with parameters in DJL's
 * layout. Every option that changes what a layer computes is checked: one this class does not convert
 * fails with the layer, its class and the option, so a model is converted exactly or not at all.
 */
public final class KerasLayerConverter {
    /** What the conversion made, and what a person should know about it. */
    public record Result(LayerStack stack, List<Tensor> parameters, List<String> notes) {}

    private static final double PIXEL_SCALE = 1.0 / 255;

    private final KerasWeights weights;
    private final List<LayerSpec> specs = new ArrayList<>();
    private final List<Tensor> parameters = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();
    private TensorShape shape = TensorShape.INPUT;

    private KerasLayerConverter(KerasWeights weights) {
        this.weights = weights;
    }

    public static Result convert(List<KerasLayer> chain, KerasWeights weights) {
        KerasLayerConverter converter = new KerasLayerConverter(weights);
        List<KerasLayer> layers = chain;
        if (chain.get(0).className().equals("InputLayer")) {
            converter.input(chain.get(0), shapeOf(chain.get(0), "batch_shape", "batch_input_shape"));
            layers = chain.subList(1, chain.size());
        } else {
            converter.input(chain.get(0), shapeOf(chain.get(0), "batch_input_shape", "batch_shape"));
        }
        for (int i = 0; i < layers.size(); i++) {
            converter.layer(layers.get(i), i == 0);
        }
        return converter.finish();
    }

    private Result finish() {
        if (!specs.isEmpty() && specs.get(specs.size() - 1) instanceof ActivationSpec a && a.function() == ActivationSpec.Function.SOFTMAX) {
            // Our networks output scores; prediction and the loss apply (log-)softmax themselves.
            specs.remove(specs.size() - 1);
            notes.add("final softmax dropped: the network outputs scores (logits) and prediction applies softmax");
        }
        try {
            return new Result(new LayerStack(specs), List.copyOf(parameters), List.copyOf(notes));
        } catch (IllegalArgumentException e) {
            throw new UnsupportedKerasModel("the model does not map 1x28x28 images to 10 classes: " + e.getMessage());
        }
    }

    private void input(KerasLayer layer, List<Integer> dims) {
        if (dims.equals(List.of(28, 28, 1)) || dims.equals(List.of(28, 28))) {
            return; // our 1x28x28 input holds the same values in the same order
        }
        if (dims.equals(List.of(784))) {
            add(new LayerSpec.FlattenSpec(layer.name() + "_flatten", true));
            notes.add("input " + dims + ": the 28x28 image is flattened row by row");
            return;
        }
        throw UnsupportedKerasModel.option(layer, "input shape", dims, "(28, 28, 1), (28, 28) or (784) with channels_last");
    }

    private static List<Integer> shapeOf(KerasLayer layer, String key, String alternative) {
        JsonNode shape = layer.config().has(key) ? layer.config().get(key) : layer.config().get(alternative);
        if (shape == null || !shape.isArray() || shape.isEmpty()) {
            throw new UnsupportedKerasModel("layer " + layer.label() + " declares no input shape; "
                    + "save the model after building it (with an Input layer or input_shape)");
        }
        List<Integer> dims = new ArrayList<>();
        for (int i = 1; i < shape.size(); i++) {
            dims.add(shape.get(i).isNull() ? -1 : shape.get(i).asInt());
        }
        return dims;
    }

    private void layer(KerasLayer layer, boolean first) {
        JsonNode c = layer.config();
        switch (layer.className()) {
            case "Conv2D" -> conv2d(layer, c);
            case "MaxPooling2D", "MaxPool2D" -> pool(layer, c, true);
            case "AveragePooling2D", "AvgPool2D" -> pool(layer, c, false);
            case "GlobalAveragePooling2D", "GlobalAvgPool2D" -> {
                channelsLast(layer, c);
                if (c.path("keepdims").asBoolean(false)) {
                    throw UnsupportedKerasModel.option(layer, "keepdims", true, "false");
                }
                noWeights(layer);
                add(new LayerSpec.GlobalAvgPoolSpec(layer.name()));
            }
            case "Flatten" -> {
                channelsLast(layer, c);
                noWeights(layer);
                add(new LayerSpec.FlattenSpec(layer.name(), true));
            }
            case "Dense" -> dense(layer, c);
            case "Dropout" -> {
                noWeights(layer);
                if (c.hasNonNull("noise_shape")) {
                    throw UnsupportedKerasModel.option(layer, "noise_shape", c.get("noise_shape"), "null");
                }
                add(new LayerSpec.DropoutSpec(layer.name(), (float) c.path("rate").asDouble()));
            }
            case "BatchNormalization" -> batchNorm(layer, c);
            case "Activation" -> {
                noWeights(layer);
                activation(layer, c.path("activation"), layer.name());
            }
            case "ReLU" -> {
                noWeights(layer);
                requireDefault(layer, c, "max_value", null);
                requireDefault(layer, c, "negative_slope", 0.0);
                requireDefault(layer, c, "threshold", 0.0);
                add(new ActivationSpec(layer.name(), ActivationSpec.Function.RELU));
            }
            case "Softmax" -> {
                noWeights(layer);
                JsonNode axis = c.path("axis");
                if (!(axis.isMissingNode() || axis.asInt() == -1 || axis.isArray() && axis.size() == 1 && axis.get(0).asInt() == -1)) {
                    throw UnsupportedKerasModel.option(layer, "axis", axis, "-1");
                }
                add(new ActivationSpec(layer.name(), ActivationSpec.Function.SOFTMAX));
            }
            case "Rescaling" -> rescaling(layer, c, first);
            case "Reshape" -> reshape(layer, c);
            case "InputLayer" -> throw new UnsupportedKerasModel("layer " + layer.label() + ": a second input is not supported");
            default -> throw new UnsupportedKerasModel("layer " + layer.label() + ": layer class '" + layer.className()
                    + "' is not supported (supported: InputLayer, Conv2D, MaxPooling2D, AveragePooling2D, "
                    + "GlobalAveragePooling2D, Flatten, Dense, Dropout, BatchNormalization, Activation, ReLU, Softmax, "
                    + "Rescaling, Reshape)");
        }
    }

    private void conv2d(KerasLayer layer, JsonNode c) {
        channelsLast(layer, c);
        int[] kernel = pair(layer, c, "kernel_size");
        int[] strides = pair(layer, c, "strides");
        int[] dilation = c.has("dilation_rate") ? pair(layer, c, "dilation_rate") : new int[] {1, 1};
        if (dilation[0] != 1 || dilation[1] != 1) {
            throw UnsupportedKerasModel.option(layer, "dilation_rate", Arrays.toString(dilation), "[1, 1]");
        }
        if (c.path("groups").asInt(1) != 1) {
            throw UnsupportedKerasModel.option(layer, "groups", c.get("groups"), "1");
        }
        requireImage(layer);
        int filters = c.path("filters").asInt();
        String padding = c.path("padding").asText("valid");
        int[] pads = switch (padding) {
            case "valid" -> new int[4];
            case "same" -> SamePadding.of(kernel[0], kernel[1], strides[0], strides[1], shape.height(), shape.width());
            default -> throw UnsupportedKerasModel.option(layer, "padding", padding, "valid, same");
        };
        boolean bias = c.path("use_bias").asBoolean(true);
        List<Tensor> w = weights(layer, bias ? 2 : 1, bias ? "kernel, bias" : "kernel");
        expectShape(layer, "kernel", w.get(0), kernel[0], kernel[1], shape.channels(), filters);
        parameters.add(WeightLayouts.convKernelToDjl(w.get(0)));
        if (bias) {
            expectShape(layer, "bias", w.get(1), filters);
            parameters.add(w.get(1));
        }
        add(new LayerSpec.Conv2dSpec(layer.name(), filters, kernel[0], kernel[1], strides[0], strides[1],
                pads[0], pads[1], pads[2], pads[3], bias));
        activation(layer, c.path("activation"), layer.name() + "_activation");
    }

    private void pool(KerasLayer layer, JsonNode c, boolean max) {
        channelsLast(layer, c);
        noWeights(layer);
        requireImage(layer);
        int[] size = pair(layer, c, "pool_size");
        int[] strides = c.hasNonNull("strides") ? pair(layer, c, "strides") : size;
        String padding = c.path("padding").asText("valid");
        if (!padding.equals("valid")) {
            throw UnsupportedKerasModel.option(layer, "padding", padding, "valid");
        }
        add(max ? new LayerSpec.MaxPoolSpec(layer.name(), size[0], size[1], strides[0], strides[1])
                : new LayerSpec.AvgPoolSpec(layer.name(), size[0], size[1], strides[0], strides[1]));
    }

    private void dense(KerasLayer layer, JsonNode c) {
        if (shape.isImage()) {
            throw UnsupportedKerasModel.option(layer, "input shape", shape,
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
        JsonNode axis = c.path("axis");
        int a = axis.isArray() && axis.size() == 1 ? axis.get(0).asInt() : axis.asInt(-1);
        int channelAxis = shape.isImage() ? 3 : 1;
        if (axis.isArray() && axis.size() != 1 || a != -1 && a != channelAxis) {
            throw UnsupportedKerasModel.option(layer, "axis", axis, "-1 (the channel axis)");
        }
        requireDefault(layer, c, "renorm", false);
        requireDefault(layer, c, "virtual_batch_size", null);
        boolean scale = c.path("scale").asBoolean(true);
        boolean center = c.path("center").asBoolean(true);
        int count = (scale ? 1 : 0) + (center ? 1 : 0) + 2;
        List<Tensor> w = weights(layer, count, (scale ? "gamma, " : "") + (center ? "beta, " : "") + "moving_mean, moving_variance");
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

    private void rescaling(KerasLayer layer, JsonNode c, boolean first) {
        noWeights(layer);
        JsonNode scaleNode = c.path("scale");
        JsonNode offsetNode = c.path("offset");
        if (!scaleNode.isNumber() || !(offsetNode.isMissingNode() || offsetNode.isNumber())) {
            throw UnsupportedKerasModel.option(layer, "scale/offset", scaleNode + "/" + offsetNode, "single numbers");
        }
        double scale = scaleNode.asDouble();
        if (first && Math.abs(scale - PIXEL_SCALE) < 1e-9) {
            // The model divides raw 0-255 pixels by 255 itself; our inputs are that already.
            scale *= 255;
            notes.add("layer '" + layer.name() + "' takes 0-255 pixels; its scale is multiplied by 255 for our 0-1 inputs");
        }
        add(new LayerSpec.RescalingSpec(layer.name(), (float) scale, (float) offsetNode.asDouble(0)));
    }

    private void reshape(KerasLayer layer, JsonNode c) {
        noWeights(layer);
        List<Integer> target = new ArrayList<>();
        c.path("target_shape").forEach(d -> target.add(d.asInt()));
        if (target.size() != 1 && target.size() != 3 || target.contains(-1)) {
            throw UnsupportedKerasModel.option(layer, "target_shape", target, "(units) or (height, width, channels), without -1");
        }
        try {
            add(new LayerSpec.ReshapeSpec(layer.name(), target));
        } catch (IllegalArgumentException e) {
            throw new DigitsException("layer " + layer.label() + ": " + e.getMessage(), e);
        }
    }

    /** A layer's {@code activation} option, added as a layer of its own. */
    private void activation(KerasLayer layer, JsonNode value, String name) {
        // Keras 3 may write an activation as {"class_name": "function", "config": "relu", …}.
        String function = value.isMissingNode() || value.isNull() ? "linear" : value.isTextual() ? value.asText()
                : value.path("config").isTextual() ? value.path("config").asText() : String.valueOf(value);
        switch (function) {
            case "linear" -> { }
            case "relu", "sigmoid", "tanh", "softmax" ->
                    add(new ActivationSpec(name, ActivationSpec.Function.valueOf(function.toUpperCase(Locale.ROOT))));
            default -> throw UnsupportedKerasModel.option(layer, "activation", function, "linear, relu, sigmoid, tanh, softmax");
        }
    }

    private void add(LayerSpec spec) {
        try {
            shape = spec.outputShape(shape);
        } catch (IllegalArgumentException e) {
            throw new UnsupportedKerasModel(e.getMessage());
        }
        specs.add(spec);
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

    private static void channelsLast(KerasLayer layer, JsonNode c) {
        String format = c.path("data_format").asText("channels_last");
        if (!format.equals("channels_last") && !format.equals("null")) {
            throw UnsupportedKerasModel.option(layer, "data_format", format, "channels_last");
        }
    }

    private static void requireDefault(KerasLayer layer, JsonNode c, String option, Object expected) {
        JsonNode value = c.get(option);
        if (value == null || value.isNull() && expected == null) {
            return;
        }
        boolean same = expected instanceof Boolean b ? value.isBoolean() && value.asBoolean() == b
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
