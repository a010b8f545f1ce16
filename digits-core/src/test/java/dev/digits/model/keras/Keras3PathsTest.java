package dev.digits.model.keras;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class Keras3PathsTest {
    @Test
    void classNamesInSnakeCaseAsKerasWritesThem() {
        assertEquals("conv2d", Keras3Paths.snakeCase("Conv2D"));
        assertEquals("max_pooling2d", Keras3Paths.snakeCase("MaxPooling2D"));
        assertEquals("global_average_pooling2d", Keras3Paths.snakeCase("GlobalAveragePooling2D"));
        assertEquals("batch_normalization", Keras3Paths.snakeCase("BatchNormalization"));
        assertEquals("re_lu", Keras3Paths.snakeCase("ReLU"));
        assertEquals("input_layer", Keras3Paths.snakeCase("InputLayer"));
    }

    @Test
    void layersAreNumberedPerClassWhateverTheirNames() {
        List<KerasLayer> layers = List.of(
                layer("in", "InputLayer"),
                layer("edges", "Conv2D"),
                layer("pool", "MaxPooling2D"),
                layer("shapes", "Conv2D"),
                layer("out", "Dense"));
        assertEquals(
                Map.of(
                        "in",
                        "input_layer",
                        "edges",
                        "conv2d",
                        "pool",
                        "max_pooling2d",
                        "shapes",
                        "conv2d_1",
                        "out",
                        "dense"),
                Keras3Paths.of(layers));
    }

    private static KerasLayer layer(String name, String className) {
        return new KerasLayer(name, className, JsonNodeFactory.instance.objectNode());
    }
}
