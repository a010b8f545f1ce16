package dev.digits.model.keras;

import static dev.digits.model.keras.KerasTestModels.shape;
import static dev.digits.model.keras.KerasTestModels.tensor;
import static dev.digits.model.keras.KerasUnsupportedTest.call;
import static dev.digits.model.keras.KerasUnsupportedTest.functional;
import static dev.digits.model.keras.KerasUnsupportedTest.layer;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import dev.digits.io.Json;
import dev.digits.model.Classifier;
import dev.digits.model.Network;
import dev.digits.model.layers.LayerSpec;
import dev.digits.model.layers.LayerStack;
import dev.digits.model.layers.Parameters;
import dev.digits.model.layers.Tensor;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Functional models that branch and merge: a residual Add and a Concatenate, checked by hand. */
class KerasFunctionalTest {
    private static final int PIXELS = 28 * 28;

    @TempDir
    Path dir;

    private static float ramp(int y, int x) {
        return (y * 28 + x) / 1000f;
    }

    /**
     * a = 2x (1x1 conv), b = 3a (1x1 conv on a), sum = a + b = 8x, joined = concat(sum, a) = (8x, 2x),
     * then flatten and a Dense whose unit 0 reads joined (5, 7, 0) and unit 1 reads (5, 7, 1).
     */
    private static KerasLayerConverter.Result residual() throws Exception {
        String conv = "\"filters\": 1, \"kernel_size\": [1, 1], \"strides\": [1, 1], \"use_bias\": false";
        String config = functional(
                "[[\"in\", 0, 0]]",
                "[[\"head\", 0, 0]]",
                layer("InputLayer", "in", "\"batch_shape\": [null, 28, 28, 1]"),
                layer("Conv2D", "a", conv, call("in")),
                layer("Conv2D", "b", conv, call("a")),
                layer("Add", "sum", "", call("a", "b")),
                layer("Concatenate", "joined", "\"axis\": -1", call("sum", "a")),
                layer("Flatten", "flatten", "", call("joined")),
                layer("Dense", "head", "\"units\": 10, \"activation\": \"softmax\"", call("flatten")));
        float[] kernel = new float[PIXELS * 2 * 10];
        kernel[((5 * 28 + 7) * 2) * 10] = 1;
        kernel[((5 * 28 + 7) * 2 + 1) * 10 + 1] = 1;
        Map<String, List<Tensor>> weights = Map.of(
                "a",
                List.of(tensor(shape(1, 1, 1, 1), 2)),
                "b",
                List.of(tensor(shape(1, 1, 1, 1), 3)),
                "head",
                List.of(new Tensor(shape(PIXELS * 2, 10), kernel), new Tensor(shape(10), new float[10])));
        List<KerasGraph.Node> nodes = KerasGraph.nodes(Json.MAPPER.readTree(config));
        return KerasLayerConverter.convertModel(
                nodes, layer -> weights.getOrDefault(layer.name(), List.of()), InputScale.UNIT);
    }

    @Test
    void residualAddAndConcatenateComputeAsKerasDoes() throws Exception {
        KerasLayerConverter.Result r = residual();
        assertInstanceOf(LayerSpec.GraphSpec.class, r.stack().layers().get(0));
        float[] scores = KerasLayerConverterTest.scores(r, KerasFunctionalTest::ramp);
        assertEquals(8 * ramp(5, 7), scores[0], 1e-5);
        assertEquals(2 * ramp(5, 7), scores[1], 1e-5);
        assertEquals(
                List.of("final softmax dropped: the network outputs scores (logits) and prediction applies softmax"),
                r.notes());
    }

    @Test
    void aGraphSurvivesItsLayerFileAndSavedParameters() throws Exception {
        KerasLayerConverter.Result r = residual();
        r.stack().write(dir);
        LayerStack read = LayerStack.read(dir);
        assertEquals(r.stack().parameterShapes().size(), read.parameterShapes().size());
        try (Classifier original = Classifier.create(Network.imported(r.stack()), 0)) {
            Parameters.assign(original, r.parameters());
            original.saveParameters(dir.resolve("model.params"));
            try (Classifier loaded = Classifier.load(Network.imported(read), dir.resolve("model.params"))) {
                assertArrayEquals(
                        Parameters.read(original).get(0).data(),
                        Parameters.read(loaded).get(0).data());
                assertEquals(r.parameters().size(), Parameters.read(loaded).size());
            }
        }
    }
}
