package dev.digits.model.layers;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.digits.model.Classifier;
import dev.digits.model.Network;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;

class ParametersTest {
    private static final LayerStack LAYERS = new LayerStack(List.of(
            new LayerSpec.Conv2dSpec("a", 4, 3, 3, 1, 1, 0, 0, 0, 0, true),
            new LayerSpec.BatchNormSpec("a_bn", 1e-5f),
            new LayerSpec.FlattenSpec("flatten", false),
            new LayerSpec.DenseSpec("out", 10, true)));

    /**
     * A thread the engine did not start on records gradients (PyTorch's mode is per thread), where an
     * in-place copy into a parameter is refused; assigning must work there too (a Spark executor loads
     * the model on such a thread) and leave the parameters trainable.
     */
    @Test
    void assignsOnAnyThreadAndKeepsTheParametersTrainable() throws Exception {
        Network network = new Network("parameters", "test", LAYERS, Network.Initialization.HE_UNIFORM);
        try (Classifier classifier = Classifier.create(network, 5)) {
            List<Tensor> values = new ArrayList<>();
            for (Tensor t : Parameters.read(classifier)) {
                float[] data = t.data().clone();
                for (int i = 0; i < data.length; i++) {
                    data[i] += 0.25f + i * 1e-3f;
                }
                values.add(new Tensor(t.shape(), data));
            }
            ExecutorService thread = Executors.newSingleThreadExecutor();
            try {
                thread.submit(() -> Parameters.assign(classifier, values)).get();
            } finally {
                thread.shutdown();
            }
            List<Tensor> read = Parameters.read(classifier);
            assertEquals(values.size(), read.size());
            for (int i = 0; i < values.size(); i++) {
                assertArrayEquals(values.get(i).data(), read.get(i).data(), "parameter " + i);
            }
            classifier
                    .block()
                    .getParameters()
                    .values()
                    .forEach(p -> assertTrue(
                            p.getArray().hasGradient() || !p.requiresGradient(),
                            p.getName() + " still records its gradient"));
        }
    }
}
