package dev.digits.model.keras;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.digits.io.Json;
import java.util.List;
import org.junit.jupiter.api.Test;

class KerasGraphTest {
    @Test
    void keras3FunctionalChainIsReadInOrder() throws Exception {
        String chain = """
                {"class_name": "Functional", "config": {"name": "f", "layers": [
                  {"class_name": "InputLayer", "name": "in", "config": {"name": "in", "batch_shape": [null, 784]}, "inbound_nodes": []},
                  {"class_name": "Dense", "name": "d", "config": {"name": "d", "units": 10},
                   "inbound_nodes": [{"args": [{"class_name": "__keras_tensor__", "config": {"keras_history": ["in", 0, 0]}}], "kwargs": {}}]}],
                  "input_layers": ["in", 0, 0], "output_layers": ["d", 0, 0]}}""";
        assertEquals(
                List.of("in", "d"),
                KerasGraph.chain(Json.MAPPER.readTree(chain)).stream()
                        .map(KerasLayer::name)
                        .toList());
    }

    @Test
    void keras2FunctionalAndSequentialSchemas() throws Exception {
        String functional = """
                {"class_name": "Model", "config": {"name": "m", "layers": [
                  {"class_name": "InputLayer", "name": "input_1", "config": {"name": "input_1"}, "inbound_nodes": []},
                  {"class_name": "Flatten", "name": "flatten", "config": {"name": "flatten"}, "inbound_nodes": [[["input_1", 0, 0, {}]]]}],
                  "input_layers": [["input_1", 0, 0]], "output_layers": [["flatten", 0, 0]]}}""";
        assertEquals(
                List.of("input_1", "flatten"),
                KerasGraph.chain(Json.MAPPER.readTree(functional)).stream()
                        .map(KerasLayer::name)
                        .toList());
        // Keras 2.0-2.2 wrote a Sequential's config as the bare layer list.
        String oldSequential =
                "{\"class_name\": \"Sequential\", \"config\": [{\"class_name\": \"Flatten\", \"config\": {\"name\": \"f\"}}]}";
        assertEquals(
                "Flatten",
                KerasGraph.chain(Json.MAPPER.readTree(oldSequential)).get(0).className());
    }

    @Test
    void aNestedSequentialIsReadAsItsLayersWithoutItsInputLayer() throws Exception {
        String nested = """
                {"class_name": "Sequential", "config": {"name": "outer", "layers": [
                  {"class_name": "InputLayer", "config": {"name": "in", "batch_input_shape": [null, 28, 28, 1]}},
                  {"class_name": "Sequential", "config": {"name": "features", "layers": [
                    {"class_name": "InputLayer", "config": {"name": "features_in", "batch_input_shape": [null, 28, 28, 1]}},
                    {"class_name": "Conv2D", "config": {"name": "conv"}},
                    {"class_name": "Sequential", "config": {"name": "deeper", "layers": [
                      {"class_name": "MaxPooling2D", "config": {"name": "pool"}}]}}]}},
                  {"class_name": "Flatten", "config": {"name": "flatten"}}]}}""";
        List<KerasLayer> chain = KerasGraph.chain(Json.MAPPER.readTree(nested));
        assertEquals(
                List.of("in", "features/conv", "features/deeper/pool", "flatten"),
                chain.stream().map(KerasLayer::scopedName).toList());
        // Keras 3 numbers layers by class within each model; a nested model's layers live under its path.
        assertEquals(
                java.util.Map.of(
                        "in",
                        "input_layer",
                        "features",
                        "sequential",
                        "features/conv",
                        "sequential/layers/conv2d",
                        "features/deeper",
                        "sequential/layers/sequential",
                        "features/deeper/pool",
                        "sequential/layers/sequential/layers/max_pooling2d",
                        "flatten",
                        "flatten"),
                Keras3Paths.of(chain));
    }

    @Test
    void theModelsBuildShapeStandsInForAMissingInputLayer() throws Exception {
        String built = """
                {"class_name": "Sequential", "config": {"name": "s", "build_input_shape": [null, 784], "layers": [
                  {"class_name": "Dense", "config": {"name": "d", "units": 10}}]}}""";
        List<KerasLayer> chain = KerasGraph.chain(Json.MAPPER.readTree(built));
        assertEquals(
                List.of("InputLayer", "Dense"),
                chain.stream().map(KerasLayer::className).toList());
        assertEquals("[null,784]", chain.get(0).config().get("batch_shape").toString());
    }
}
