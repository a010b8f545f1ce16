package dev.digits.model.keras;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.digits.DigitsException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the layer list of a Keras model config (Keras 3 and Keras 2 schemas) and checks that the
 * model is a single chain: Sequential, or Functional where every layer takes the previous layer's output.
 */
public final class KerasGraph {
    private KerasGraph() {}

    /**
     * The layers from input to output (an InputLayer first when the config has one). A model nested in the
     * model (a Sequential used as a layer) is replaced by its own layers, each knowing its {@code containers};
     * the nested model's InputLayer, an identity inside a chain, is left out.
     */
    public static List<KerasLayer> chain(JsonNode model) {
        List<KerasLayer> chain = new ArrayList<>();
        List<KerasLayer> top = modelLayers(model, List.of());
        for (KerasLayer layer : top) {
            flatten(layer, chain);
        }
        if (!chain.get(0).className().equals("InputLayer") && !declaresInputShape(chain.get(0))
                && model.path("config").path("build_input_shape").isArray()) {
            // Keras 3 keeps the shape a Sequential was built for on the model when no layer declares one.
            chain.add(0, new KerasLayer("input", "InputLayer", KerasConfigs.JSON.objectNode()
                    .set("batch_shape", model.path("config").path("build_input_shape"))));
        }
        return chain;
    }

    private static boolean isModel(String className) {
        return className.equals("Sequential") || className.equals("Functional") || className.equals("Model");
    }

    private static void flatten(KerasLayer layer, List<KerasLayer> chain) {
        if (!isModel(layer.className())) {
            if (!layer.className().equals("InputLayer") || layer.containers().isEmpty() || chain.isEmpty()) {
                chain.add(layer);
            }
            return;
        }
        List<KerasLayer> containers = new ArrayList<>(layer.containers());
        containers.add(layer);
        ObjectNode asModel = KerasConfigs.JSON.objectNode().put("class_name", layer.className());
        asModel.set("config", layer.config());
        for (KerasLayer inner : modelLayers(asModel, containers)) {
            flatten(inner, chain);
        }
    }

    private static boolean declaresInputShape(KerasLayer layer) {
        return layer.config().path("batch_input_shape").isArray() || layer.config().path("batch_shape").isArray();
    }

    private static List<KerasLayer> modelLayers(JsonNode model, List<KerasLayer> containers) {
        String className = text(model, "class_name");
        JsonNode config = model.path("config");
        return switch (className) {
            case "Sequential" -> layers(config.isArray() ? config : config.path("layers"), className, containers);
            case "Functional", "Model" -> functionalChain(config, containers);
            default -> throw new UnsupportedKerasModel("model class '" + className
                    + "' is not supported (supported: Sequential, Functional)");
        };
    }

    private static List<KerasLayer> layers(JsonNode list, String modelClass, List<KerasLayer> containers) {
        if (!list.isArray() || list.isEmpty()) {
            throw new DigitsException("the " + modelClass + " model config has no layers");
        }
        List<KerasLayer> layers = new ArrayList<>();
        for (JsonNode entry : list) {
            JsonNode config = entry.path("config");
            String name = config.path("name").asText(entry.path("name").asText(""));
            layers.add(new KerasLayer(name, text(entry, "class_name"), config, containers));
        }
        return layers;
    }

    private static List<KerasLayer> functionalChain(JsonNode config, List<KerasLayer> containers) {
        JsonNode entries = config.path("layers");
        List<KerasLayer> layers = layers(entries, "Functional", containers);
        for (int i = 0; i < layers.size(); i++) {
            KerasLayer layer = layers.get(i);
            JsonNode nodes = entries.get(i).path("inbound_nodes");
            List<String> sources = new ArrayList<>();
            for (JsonNode node : nodes) {
                collectSources(node, sources);
            }
            if (i == 0) {
                if (!sources.isEmpty() || !layer.className().equals("InputLayer")) {
                    throw notAChain(layer, "the first layer must be the model's only InputLayer");
                }
                continue;
            }
            String previous = layers.get(i - 1).name();
            if (nodes.size() != 1 || sources.size() != 1 || !sources.get(0).equals(previous)) {
                throw notAChain(layer, "it is called " + nodes.size() + " time(s) on " + sources
                        + ", where a chain calls it once on '" + previous + "'");
            }
        }
        String inputs = endpoints(config.path("input_layers"));
        String outputs = endpoints(config.path("output_layers"));
        String first = layers.get(0).name();
        String last = layers.get(layers.size() - 1).name();
        if (!inputs.equals(first) || !outputs.equals(last)) {
            throw new UnsupportedKerasModel("Functional model is not a single chain: inputs [" + inputs + "], outputs ["
                    + outputs + "], where a chain goes from '" + first + "' to '" + last + "'");
        }
        return layers;
    }

    /** Keras 3: {@code {"args": [{"config": {"keras_history": [name, 0, 0]}}]}}; Keras 2: {@code [[name, 0, 0, {}]]}. */
    private static void collectSources(JsonNode node, List<String> sources) {
        if (node.isObject()) {
            JsonNode history = node.get("keras_history");
            if (history != null && history.isArray() && !history.isEmpty()) {
                sources.add(history.get(0).asText());
                return;
            }
            node.forEach(child -> collectSources(child, sources));
        } else if (node.isArray()) {
            if (!node.isEmpty() && node.get(0).isTextual()) {
                sources.add(node.get(0).asText());
                return;
            }
            node.forEach(child -> collectSources(child, sources));
        }
    }

    /** {@code [["name", 0, 0]]} or, for one tensor in Keras 3, {@code ["name", 0, 0]}: the names, comma-separated. */
    private static String endpoints(JsonNode list) {
        List<String> names = new ArrayList<>();
        collectSources(list, names);
        return String.join(", ", names);
    }

    private static UnsupportedKerasModel notAChain(KerasLayer layer, String why) {
        return new UnsupportedKerasModel("Functional model is not a single chain at layer " + layer.label() + ": " + why);
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || !value.isTextual()) {
            throw new DigitsException("not a Keras model config: '" + field + "' is missing in " + abbreviate(node));
        }
        return value.asText();
    }

    private static String abbreviate(JsonNode node) {
        String text = node.toString();
        return text.length() > 120 ? text.substring(0, 120) + "…" : text;
    }
}
