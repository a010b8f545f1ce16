package dev.digits.model.keras;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.digits.io.Json;
import dev.digits.model.layers.Tensor;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Small Keras models written by hand for tests: a Sequential config and its weights in memory. */
final class KerasTestModels {
    private final List<KerasLayer> layers = new ArrayList<>();
    private final Map<String, List<Tensor>> weights = new HashMap<>();

    static KerasTestModels input(int... dims) {
        KerasTestModels model = new KerasTestModels();
        ArrayNode shape = Json.MAPPER.createArrayNode().addNull();
        for (int d : dims) {
            shape.add(d);
        }
        ObjectNode config = Json.MAPPER.createObjectNode().put("name", "input_layer");
        config.set("batch_shape", shape);
        model.layers.add(new KerasLayer("input_layer", "InputLayer", config));
        return model;
    }

    /** Adds a layer; {@code options} is the layer's config as JSON text, e.g. {@code "filters": 2, "kernel_size": [1, 1]}. */
    KerasTestModels add(String className, String name, String options, Tensor... vars) {
        try {
            JsonNode config = Json.MAPPER.readTree(
                    "{\"name\": \"" + name + "\"" + (options.isBlank() ? "" : ", " + options) + "}");
            layers.add(new KerasLayer(name, className, config));
        } catch (java.io.IOException e) {
            throw new IllegalArgumentException(options, e);
        }
        weights.put(name, List.of(vars));
        return this;
    }

    /** Flatten and Dense(10) with zero weights: what a test model needs to be a valid 10-class network. */
    KerasTestModels head(int inputs) {
        return add("Flatten", "flatten", "")
                .add(
                        "Dense",
                        "head",
                        "\"units\": 10",
                        new Tensor(new long[] {inputs, 10}, new float[inputs * 10]),
                        new Tensor(new long[] {10}, new float[10]));
    }

    List<KerasLayer> layers() {
        return layers;
    }

    KerasWeights weights() {
        return layer -> weights.getOrDefault(layer.name(), List.of());
    }

    KerasLayerConverter.Result convert() {
        return KerasLayerConverter.convert(layers, weights());
    }

    static Tensor tensor(long[] shape, float... values) {
        return new Tensor(shape, values);
    }

    static long[] shape(long... dims) {
        return dims;
    }

    /** 0, 1, 2, …: values that show where each element went. */
    static Tensor counting(long... dims) {
        int size = 1;
        for (long d : dims) {
            size *= (int) d;
        }
        float[] data = new float[size];
        for (int i = 0; i < size; i++) {
            data[i] = i;
        }
        return new Tensor(dims, data);
    }
}
