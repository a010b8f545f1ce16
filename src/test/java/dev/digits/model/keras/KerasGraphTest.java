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
        assertEquals(List.of("in", "d"), KerasGraph.chain(Json.MAPPER.readTree(chain)).stream().map(KerasLayer::name).toList());
    }

    @Test
    void keras2FunctionalAndSequentialSchemas() throws Exception {
        String functional = """
                {"class_name": "Model", "config": {"name": "m", "layers": [
                  {"class_name": "InputLayer", "name": "input_1", "config": {"name": "input_1"}, "inbound_nodes": []},
                  {"class_name": "Flatten", "name": "flatten", "config": {"name": "flatten"}, "inbound_nodes": [[["input_1", 0, 0, {}]]]}],
                  "input_layers": [["input_1", 0, 0]], "output_layers": [["flatten", 0, 0]]}}""";
        assertEquals(List.of("input_1", "flatten"),
                KerasGraph.chain(Json.MAPPER.readTree(functional)).stream().map(KerasLayer::name).toList());
        // Keras 2.0-2.2 wrote a Sequential's config as the bare layer list.
        String oldSequential = "{\"class_name\": \"Sequential\", \"config\": [{\"class_name\": \"Flatten\", \"config\": {\"name\": \"f\"}}]}";
        assertEquals("Flatten", KerasGraph.chain(Json.MAPPER.readTree(oldSequential)).get(0).className());
    }
}
