package dev.digits.model.keras;

import static dev.digits.model.keras.KerasConfigs.JSON;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.digits.DigitsException;
import dev.digits.model.layers.LayerSpec;
import dev.digits.model.layers.LayerSpec.ActivationSpec;
import dev.digits.model.layers.LayerStack;
import dev.digits.model.layers.Tensor;
import dev.digits.model.layers.TensorShape;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Translates a {@link LayerStack} with its parameters (DJL order and layouts) into a Keras 3 Sequential
 * model: the config and, per layer name, the weight arrays in Keras's order and layouts. The Keras model
 * ends in softmax, as Keras classifiers (and the original model) do; our importer drops it again.
 */
public final class KerasExporter {
    /** A Keras model ready to be written: {@code config.json}'s content and the weights by layer name, in layer order. */
    public record KerasModel(ObjectNode config, Map<String, List<Tensor>> weights) {}

    static final String MODEL_NAME = "sequential";

    private final List<ObjectNode> layers = new ArrayList<>();
    private final Map<String, List<Tensor>> weights = new LinkedHashMap<>();
    private final Set<String> names = new HashSet<>();
    /** Set after a channels-first flatten of a multi-channel image: the next Dense layer's inputs must be reordered. */
    private TensorShape flattenedChannelsFirst;

    private KerasExporter() {}

    /** The network as Keras layers; groups of layers ({@link LayerSpec.SequenceSpec}) are written one by one. */
    public static KerasModel export(LayerStack layers, List<Tensor> parameters) {
        LayerStack stack = layers.flattened();
        List<long[]> expected = stack.parameterShapes();
        if (expected.size() != parameters.size()) {
            throw new DigitsException(
                    "the network has " + parameters.size() + " parameter arrays, its layers need " + expected.size());
        }
        KerasExporter exporter = new KerasExporter();
        exporter.input();
        List<TensorShape> shapes = stack.shapes();
        List<LayerSpec> specs = stack.layers();
        int next = 0;
        for (int i = 0; i < specs.size(); i++) {
            LayerSpec spec = specs.get(i);
            TensorShape in = shapes.get(i);
            int count = spec.parameterShapes(shapes.get(i)).size();
            List<Tensor> own = parameters.subList(next, next + count);
            next += count;
            ActivationSpec folded = i + 1 < specs.size()
                            && specs.get(i + 1) instanceof ActivationSpec a
                            && (spec instanceof LayerSpec.Conv2dSpec || spec instanceof LayerSpec.DenseSpec)
                    ? a
                    : null;
            if (folded != null) {
                i++;
            }
            exporter.layer(spec, in, own, folded);
        }
        if (exporter.flattenedChannelsFirst != null) {
            throw new DigitsException("cannot export: a channels-first flatten is not followed by a Dense layer");
        }
        exporter.finalSoftmax();
        return new KerasModel(exporter.modelConfig(), exporter.weights);
    }

    private void input() {
        ObjectNode input = JSON.objectNode();
        input.put("module", "keras.layers");
        input.put("class_name", "InputLayer");
        ObjectNode config = input.putObject("config");
        config.set("batch_shape", KerasConfigs.batchShape(28, 28, 1));
        config.put("dtype", "float32");
        config.put("sparse", false);
        config.put("ragged", false);
        config.put("name", unique("input_layer"));
        input.putNull("registered_name");
        layers.add(input);
    }

    private void layer(LayerSpec spec, TensorShape in, List<Tensor> params, ActivationSpec activation) {
        if (flattenedChannelsFirst != null
                && !(spec instanceof LayerSpec.DenseSpec
                        || spec instanceof LayerSpec.DropoutSpec
                        || spec instanceof ActivationSpec
                        || spec instanceof LayerSpec.RescalingSpec)) {
            throw new DigitsException("cannot export layer '" + spec.name() + "': it follows a channels-first flatten, "
                    + "which Keras has only before a Dense layer");
        }
        String name = unique(spec.name());
        ObjectNode layer;
        List<Tensor> vars = new ArrayList<>();
        if (spec instanceof LayerSpec.Conv2dSpec s) {
            String padding = padding(s, in);
            if (padding == null) {
                // Padding Keras's "same" does not make: explicit zeros, then an unpadded convolution.
                String padName = unique(s.name() + "_padding");
                layers.add(zeroPadding(padName, s.padTop(), s.padBottom(), s.padLeft(), s.padRight()));
                weights.put(padName, List.of());
                in = new LayerSpec.ZeroPaddingSpec(padName, s.padTop(), s.padBottom(), s.padLeft(), s.padRight())
                        .outputShape(in);
                padding = "valid";
            }
            layer = KerasConfigs.layer("Conv2D", name);
            ObjectNode c = KerasConfigs.config(layer);
            c.put("filters", s.filters());
            c.set("kernel_size", KerasConfigs.ints(s.kernelHeight(), s.kernelWidth()));
            c.set("strides", KerasConfigs.ints(s.strideHeight(), s.strideWidth()));
            c.put("padding", padding);
            c.put("data_format", "channels_last");
            c.set("dilation_rate", KerasConfigs.ints(s.dilationHeight(), s.dilationWidth()));
            c.put("groups", s.groups());
            c.put("activation", activationName(activation));
            c.put("use_bias", s.useBias());
            weightOptions(c, true);
            vars.add(WeightLayouts.convKernelToKeras(params.get(0)));
            vars.addAll(params.subList(1, params.size()));
            built(layer, in);
        } else if (spec instanceof LayerSpec.DenseSpec s) {
            layer = KerasConfigs.layer("Dense", name);
            ObjectNode c = KerasConfigs.config(layer);
            c.put("units", s.units());
            c.put("activation", activationName(activation));
            c.put("use_bias", s.useBias());
            weightOptions(c, false);
            Tensor weight = params.get(0);
            if (flattenedChannelsFirst != null) {
                TensorShape f = flattenedChannelsFirst;
                weight = WeightLayouts.inputsChannelsFirstToLast(weight, f.channels(), f.height(), f.width());
                flattenedChannelsFirst = null;
            }
            vars.add(WeightLayouts.transpose(weight));
            vars.addAll(params.subList(1, params.size()));
            built(layer, in);
        } else if (spec instanceof LayerSpec.MaxPoolSpec s) {
            layer = pool(
                    "MaxPooling2D",
                    name,
                    s.poolHeight(),
                    s.poolWidth(),
                    s.strideHeight(),
                    s.strideWidth(),
                    poolPadding(
                            s.name(),
                            new int[] {s.padTop(), s.padBottom(), s.padLeft(), s.padRight()},
                            s.poolHeight(),
                            s.poolWidth(),
                            s.strideHeight(),
                            s.strideWidth(),
                            in));
        } else if (spec instanceof LayerSpec.AvgPoolSpec s) {
            layer = pool(
                    "AveragePooling2D",
                    name,
                    s.poolHeight(),
                    s.poolWidth(),
                    s.strideHeight(),
                    s.strideWidth(),
                    poolPadding(
                            s.name(),
                            new int[] {s.padTop(), s.padBottom(), s.padLeft(), s.padRight()},
                            s.poolHeight(),
                            s.poolWidth(),
                            s.strideHeight(),
                            s.strideWidth(),
                            in));
        } else if (spec instanceof LayerSpec.GlobalAvgPoolSpec s) {
            layer = KerasConfigs.layer("GlobalAveragePooling2D", name);
            KerasConfigs.config(layer).put("data_format", "channels_last").put("keepdims", false);
        } else if (spec instanceof LayerSpec.GlobalMaxPoolSpec s) {
            layer = KerasConfigs.layer("GlobalMaxPooling2D", name);
            KerasConfigs.config(layer).put("data_format", "channels_last").put("keepdims", false);
        } else if (spec instanceof LayerSpec.ZeroPaddingSpec s) {
            layer = zeroPadding(name, s.top(), s.bottom(), s.left(), s.right());
        } else if (spec instanceof LayerSpec.ReluSpec s) {
            layer = KerasConfigs.layer("ReLU", name);
            ObjectNode c = KerasConfigs.config(layer);
            if (s.maxValue() == null) {
                c.putNull("max_value");
            } else {
                c.put("max_value", s.maxValue());
            }
            c.put("negative_slope", s.negativeSlope()).put("threshold", s.threshold());
        } else if (spec instanceof LayerSpec.EluSpec s) {
            layer = KerasConfigs.layer("ELU", name);
            KerasConfigs.config(layer).put("alpha", s.alpha());
        } else if (spec instanceof LayerSpec.ChannelAffineSpec s) {
            // Normalization computes (x - mean) / sqrt(variance): mean = -offset / scale, variance = 1 / scale².
            layer = KerasConfigs.layer("Normalization", name);
            ObjectNode c = KerasConfigs.config(layer);
            c.put("axis", -1).put("invert", false);
            ArrayNode mean = c.putArray("mean");
            ArrayNode variance = c.putArray("variance");
            for (int i = 0; i < s.scale().length; i++) {
                mean.add(-s.offset()[i] / s.scale()[i]);
                variance.add(1 / ((double) s.scale()[i] * s.scale()[i]));
            }
        } else if (spec instanceof LayerSpec.GraphSpec s) {
            throw new DigitsException(
                    "cannot export layer '" + s.name() + "': a graph with merges (Add, Concatenate, …) "
                            + "is not exported (supported: networks that are a chain of layers)");
        } else if (spec instanceof LayerSpec.FlattenSpec s) {
            layer = KerasConfigs.layer("Flatten", name);
            KerasConfigs.config(layer).put("data_format", "channels_last");
            if (!s.channelsLast() && in.isImage() && in.channels() > 1) {
                flattenedChannelsFirst = in;
            }
            built(layer, in);
        } else if (spec instanceof LayerSpec.DropoutSpec s) {
            layer = KerasConfigs.layer("Dropout", name);
            KerasConfigs.config(layer).put("rate", s.rate()).putNull("seed").putNull("noise_shape");
        } else if (spec instanceof LayerSpec.BatchNormSpec s) {
            layer = KerasConfigs.layer("BatchNormalization", name);
            ObjectNode c = KerasConfigs.config(layer);
            c.put("axis", -1)
                    .put("momentum", 0.99)
                    .put("epsilon", s.epsilon())
                    .put("center", true)
                    .put("scale", true);
            c.set("beta_initializer", KerasConfigs.initializer("Zeros"));
            c.set("gamma_initializer", KerasConfigs.initializer("Ones"));
            c.set("moving_mean_initializer", KerasConfigs.initializer("Zeros"));
            c.set("moving_variance_initializer", KerasConfigs.initializer("Ones"));
            for (String option :
                    new String[] {"beta_regularizer", "gamma_regularizer", "beta_constraint", "gamma_constraint"}) {
                c.putNull(option);
            }
            c.put("synchronized", false);
            vars.addAll(params); // gamma, beta, moving mean, moving variance: the same order in both
            built(layer, in);
        } else if (spec instanceof ActivationSpec s) {
            layer = KerasConfigs.layer("Activation", name);
            KerasConfigs.config(layer).put("activation", activationName(s));
        } else if (spec instanceof LayerSpec.RescalingSpec s) {
            layer = KerasConfigs.layer("Rescaling", name);
            KerasConfigs.config(layer).put("scale", s.scale()).put("offset", s.offset());
        } else if (spec instanceof LayerSpec.ReshapeSpec s) {
            if (s.channelsFirst() && s.target().size() == 3) {
                throw new DigitsException("cannot export layer '" + s.name() + "': a reshape in channels-first order "
                        + "(supported: reshapes of channels-last models, which the exported model is)");
            }
            layer = KerasConfigs.layer("Reshape", name);
            ArrayNode target = KerasConfigs.config(layer).putArray("target_shape");
            s.target().forEach(target::add);
        } else {
            throw new DigitsException("cannot export layer '" + spec.name() + "': no Keras layer is written for "
                    + spec.getClass().getSimpleName());
        }
        layers.add(layer);
        weights.put(name, vars);
    }

    private static ObjectNode pool(String className, String name, int ph, int pw, int sh, int sw, String padding) {
        ObjectNode layer = KerasConfigs.layer(className, name);
        ObjectNode c = KerasConfigs.config(layer);
        c.set("pool_size", KerasConfigs.ints(ph, pw));
        c.put("padding", padding);
        c.set("strides", KerasConfigs.ints(sh, sw));
        c.put("data_format", "channels_last");
        return layer;
    }

    /** Keras's name for the convolution's padding, {@code valid} or {@code same}; null when it is neither. */
    private static String padding(LayerSpec.Conv2dSpec s, TensorShape in) {
        int[] pads = {s.padTop(), s.padBottom(), s.padLeft(), s.padRight()};
        return kerasPadding(
                pads,
                s.dilationHeight() * (s.kernelHeight() - 1) + 1,
                s.dilationWidth() * (s.kernelWidth() - 1) + 1,
                s.strideHeight(),
                s.strideWidth(),
                in);
    }

    private static String kerasPadding(
            int[] pads, int kernelHeight, int kernelWidth, int strideHeight, int strideWidth, TensorShape in) {
        if (java.util.Arrays.equals(pads, new int[4])) {
            return "valid";
        }
        int[] same = SamePadding.of(kernelHeight, kernelWidth, strideHeight, strideWidth, in.height(), in.width());
        return java.util.Arrays.equals(pads, same) ? "same" : null;
    }

    /** Pooling pads only as Keras's {@code same} does: zeros in front would change a maximum or a mean. */
    private static String poolPadding(String name, int[] pads, int ph, int pw, int sh, int sw, TensorShape in) {
        String padding = kerasPadding(pads, ph, pw, sh, sw, in);
        if (padding == null) {
            throw new DigitsException(
                    "cannot export layer '" + name + "': its padding " + java.util.Arrays.toString(pads)
                            + " (top, bottom, left, right) is neither Keras's 'valid' nor 'same'");
        }
        return padding;
    }

    private static ObjectNode zeroPadding(String name, int top, int bottom, int left, int right) {
        ObjectNode layer = KerasConfigs.layer("ZeroPadding2D", name);
        ObjectNode c = KerasConfigs.config(layer);
        ArrayNode padding = c.putArray("padding");
        padding.add(KerasConfigs.ints(top, bottom));
        padding.add(KerasConfigs.ints(left, right));
        c.put("data_format", "channels_last");
        return layer;
    }

    private static void weightOptions(ObjectNode c, boolean conv) {
        c.set("kernel_initializer", KerasConfigs.initializer("GlorotUniform"));
        c.set("bias_initializer", KerasConfigs.initializer("Zeros"));
        c.putNull("kernel_regularizer");
        c.putNull("bias_regularizer");
        if (conv) {
            c.putNull("activity_regularizer");
        }
        c.putNull("kernel_constraint");
        c.putNull("bias_constraint");
    }

    private static void built(ObjectNode layer, TensorShape in) {
        ArrayNode shape = in.isImage()
                ? KerasConfigs.batchShape(in.height(), in.width(), in.channels())
                : KerasConfigs.batchShape(in.channels());
        layer.putObject("build_config").set("input_shape", shape);
    }

    private static String activationName(ActivationSpec activation) {
        return activation == null ? "linear" : activation.function().name().toLowerCase(Locale.ROOT);
    }

    /** Keras classifiers output probabilities: fold softmax into a final linear Dense, or add a Softmax activation. */
    private void finalSoftmax() {
        ObjectNode last = layers.get(layers.size() - 1);
        ObjectNode c = KerasConfigs.config(last);
        if (last.get("class_name").asText().equals("Dense")
                && c.get("activation").asText().equals("linear")) {
            c.put("activation", "softmax");
            return;
        }
        String name = unique("softmax");
        ObjectNode layer = KerasConfigs.layer("Activation", name);
        KerasConfigs.config(layer).put("activation", "softmax");
        layers.add(layer);
        weights.put(name, List.of());
    }

    private String unique(String name) {
        String candidate = name;
        for (int n = 1; !names.add(candidate); n++) {
            candidate = name + "_" + n;
        }
        return candidate;
    }

    private ObjectNode modelConfig() {
        ObjectNode model = JSON.objectNode();
        model.put("module", "keras");
        model.put("class_name", "Sequential");
        ObjectNode config = model.putObject("config");
        config.put("name", MODEL_NAME);
        config.put("trainable", true);
        config.set("dtype", KerasConfigs.dtypePolicy());
        ArrayNode list = config.putArray("layers");
        layers.forEach(list::add);
        config.set("build_input_shape", KerasConfigs.batchShape(28, 28, 1));
        model.putNull("registered_name");
        model.putObject("build_config").set("input_shape", KerasConfigs.batchShape(28, 28, 1));
        return model;
    }
}
