package dev.digits.model.keras;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.digits.DigitsException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the layers of a Keras model config (Keras 3 and Keras 2 schemas) and which layer feeds which:
 * Sequential models are chains; Functional ones may branch and merge, with one input and one output.
 * A model nested in the model (a Sequential used as a layer) is replaced by its own layers, each knowing
 * its {@code containers}; the nested model's InputLayer, an identity there, is left out.
 */
public final class KerasGraph {
    /**
     * A layer and the layers whose outputs it takes, by {@link KerasLayer#scopedName()}: none for the model's input
     * (an InputLayer, or the first layer of a Sequential without one).
     */
    public record Node(KerasLayer layer, List<String> inputs) {}

    private KerasGraph() {}

    /** The layers in order, from input to output. */
    public static List<KerasLayer> chain(JsonNode model) {
        return nodes(model).stream().map(Node::layer).toList();
    }

    /** The layers in an order where each comes after those it takes, the output last. */
    public static List<Node> nodes(JsonNode model) {
        List<Node> nodes = new ArrayList<>();
        String output = model(model, List.of(), null, nodes);
        if (!nodes.get(nodes.size() - 1).layer().scopedName().equals(output)) {
            throw new UnsupportedKerasModel("the model's output '" + output + "' is not its last layer ('"
                    + nodes.get(nodes.size() - 1).layer().scopedName()
                    + "'): layers that do not lead to the output are not supported");
        }
        KerasLayer first = nodes.get(0).layer();
        if (!first.className().equals("InputLayer")
                && !declaresInputShape(first)
                && model.path("config").path("build_input_shape").isArray()) {
            // Keras 3 keeps the shape a Sequential was built for on the model when no layer declares one.
            KerasLayer input = new KerasLayer(
                    "input",
                    "InputLayer",
                    KerasConfigs.JSON
                            .objectNode()
                            .set("batch_shape", model.path("config").path("build_input_shape")));
            nodes.set(0, new Node(first, List.of(input.scopedName())));
            nodes.add(0, new Node(input, List.of()));
        }
        return nodes;
    }

    /** Whether every layer takes the one before it: a chain. */
    public static boolean isChain(List<Node> nodes) {
        for (int i = 1; i < nodes.size(); i++) {
            if (!nodes.get(i).inputs().equals(List.of(nodes.get(i - 1).layer().scopedName()))) {
                return false;
            }
        }
        return nodes.get(0).inputs().isEmpty();
    }

    /** The nodes of a chain of layers, each taking the one before it. */
    public static List<Node> asChain(List<KerasLayer> layers) {
        List<Node> nodes = new ArrayList<>();
        for (int i = 0; i < layers.size(); i++) {
            nodes.add(new Node(
                    layers.get(i),
                    i == 0 ? List.of() : List.of(layers.get(i - 1).scopedName())));
        }
        return nodes;
    }

    /**
     * Adds the nodes of {@code model} (nested in {@code containers}, fed by {@code input}, null for the top model)
     * and returns the scoped name of the layer that gives its output.
     */
    private static String model(JsonNode model, List<KerasLayer> containers, String input, List<Node> into) {
        String className = text(model, "class_name");
        JsonNode config = model.path("config");
        return switch (className) {
            case "Sequential" -> sequential(config.isArray() ? config : config.path("layers"), containers, input, into);
            case "Functional", "Model" -> functional(config, containers, input, into);
            default ->
                throw new UnsupportedKerasModel(
                        "model class '" + className + "' is not supported (supported: Sequential, Functional)");
        };
    }

    private static boolean isModel(String className) {
        return className.equals("Sequential") || className.equals("Functional") || className.equals("Model");
    }

    private static String sequential(JsonNode list, List<KerasLayer> containers, String input, List<Node> into) {
        String previous = input;
        for (KerasLayer layer : layers(list, "Sequential", containers)) {
            if (isModel(layer.className())) {
                previous = nested(layer, previous, into);
            } else if (layer.className().equals("InputLayer") && (!containers.isEmpty() || !into.isEmpty())) {
                continue; // an identity inside the chain
            } else {
                into.add(new Node(layer, previous == null ? List.of() : List.of(previous)));
                previous = layer.scopedName();
            }
        }
        return previous;
    }

    private static String nested(KerasLayer layer, String input, List<Node> into) {
        List<KerasLayer> containers = new ArrayList<>(layer.containers());
        containers.add(layer);
        ObjectNode asModel = KerasConfigs.JSON.objectNode().put("class_name", layer.className());
        asModel.set("config", layer.config());
        return model(asModel, containers, input, into);
    }

    private static String functional(JsonNode config, List<KerasLayer> containers, String input, List<Node> into) {
        JsonNode entries = config.path("layers");
        List<KerasLayer> layers = layers(entries, "Functional", containers);
        List<String> inputs = endpoints(config.path("input_layers"));
        List<String> outputs = endpoints(config.path("output_layers"));
        if (inputs.size() != 1 || outputs.size() != 1) {
            throw new UnsupportedKerasModel("Functional model with inputs " + inputs + " and outputs " + outputs
                    + " is not supported (supported: one input and one output)");
        }
        Map<String, String> produced = new HashMap<>(); // the model's layer name → scoped name of what it gives
        for (int i = 0; i < layers.size(); i++) {
            KerasLayer layer = layers.get(i);
            JsonNode calls = entries.get(i).path("inbound_nodes");
            List<String> sources = new ArrayList<>();
            for (JsonNode call : calls) {
                collectSources(call, sources);
            }
            if (calls.size() > 1) {
                throw new UnsupportedKerasModel("layer " + layer.label() + " is called " + calls.size()
                        + " times (a shared layer); supported: each layer called once");
            }
            List<String> from = new ArrayList<>();
            for (String source : sources) {
                String scoped = produced.get(source);
                if (scoped == null) {
                    throw new UnsupportedKerasModel("layer " + layer.label() + " takes '" + source
                            + "', which the config does not list before it");
                }
                from.add(scoped);
            }
            if (layer.className().equals("InputLayer")) {
                if (input == null) {
                    into.add(new Node(layer, List.of()));
                    produced.put(layer.name(), layer.scopedName());
                } else {
                    produced.put(layer.name(), input); // a nested model's input is what feeds it
                }
            } else if (isModel(layer.className())) {
                if (from.size() != 1) {
                    throw new UnsupportedKerasModel(
                            "nested model " + layer.label() + " takes " + from.size() + " inputs (supported: one)");
                }
                produced.put(layer.name(), nested(layer, from.get(0), into));
            } else {
                into.add(new Node(layer, from));
                produced.put(layer.name(), layer.scopedName());
            }
        }
        if (!layers.get(0).className().equals("InputLayer")
                || !inputs.get(0).equals(layers.get(0).name())) {
            throw new UnsupportedKerasModel(
                    "Functional model: its input '" + inputs.get(0) + "' is not its first layer");
        }
        String output = produced.get(outputs.get(0));
        if (output == null) {
            throw new DigitsException("Functional model: its output '" + outputs.get(0) + "' is not one of its layers");
        }
        return output;
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

    private static boolean declaresInputShape(KerasLayer layer) {
        return layer.config().path("batch_input_shape").isArray()
                || layer.config().path("batch_shape").isArray();
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

    /** {@code [["name", 0, 0]]} or, for one tensor in Keras 3, {@code ["name", 0, 0]}: the names. */
    private static List<String> endpoints(JsonNode list) {
        List<String> names = new ArrayList<>();
        collectSources(list, names);
        return names;
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
