package dev.digits.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import dev.digits.data.DigitSet;
import dev.digits.model.layers.LayerSpec;
import dev.digits.model.layers.LayerSpec.ActivationSpec;
import dev.digits.model.layers.LayerStack;
import dev.digits.model.layers.Parameters;
import dev.digits.model.layers.Tensor;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class BatchNormFoldingTest {
    /**
     * Pairs in a nested chain and at the top, a convolution with its own bias and uneven padding, a
     * batch norm after a dense layer (not folded) and one after an activation (not folded).
     */
    private static final LayerStack LAYERS = new LayerStack(List.of(
            ConvBnRelu.of("a", 6, 3, 1, 0),
            new LayerSpec.Conv2dSpec("b", 5, 3, 3, 2, 2, 0, 1, 1, 0, true),
            new LayerSpec.BatchNormSpec("b_bn", 1e-3f),
            new LayerSpec.ActivationSpec("b_relu", ActivationSpec.Function.RELU),
            new LayerSpec.BatchNormSpec("after_relu", 1e-5f),
            new LayerSpec.FlattenSpec("flatten", false),
            new LayerSpec.DenseSpec("dense", 12, true),
            new LayerSpec.BatchNormSpec("dense_bn", 1e-5f),
            new LayerSpec.DenseSpec("out", DigitSet.CLASSES, true)));

    @Test
    void foldedNetworkComputesWhatTheUnfoldedOneDoesWithTwoBatchNormsFewer() {
        Network network = new Network("folding", "test", LAYERS, Network.Initialization.HE_UNIFORM);
        try (Classifier plain = Classifier.create(network, 3)) {
            Parameters.assign(plain, randomised(Parameters.read(plain)));
            Classifier copy = Classifier.create(network, 0);
            Parameters.assign(copy, Parameters.read(plain));
            try (Classifier folded = Classifier.forInference(copy);
                    NDManager manager = NDManager.newBaseManager()) {
                assertNotSame(copy, folded);
                assertEquals(
                        "Conv2d-Activation-Conv2d-Activation-BatchNorm-Flatten-Dense-BatchNorm-Dense",
                        ((Network) folded.architecture()).layers().description());
                NDArray inputs = manager.randomUniform(0, 1, new Shape(8, 1, DigitSet.SIDE, DigitSet.SIDE));
                float[] expected = plain.logits(inputs).toFloatArray();
                float[] actual = folded.logits(inputs).toFloatArray();
                float largest = 0;
                for (float v : expected) {
                    largest = Math.max(largest, Math.abs(v));
                }
                assertTrue(largest > 1, "the scores vary enough to tell a wrong fold: " + largest);
                for (int i = 0; i < expected.length; i++) {
                    assertEquals(expected[i], actual[i], 1e-5 * largest, "score " + i);
                }
            }
        }
    }

    @Test
    void aNetworkWithoutBatchNormsIsKeptAsItIs() {
        Classifier seed = Classifier.create(Architectures.byName("seed"), 1);
        try (Classifier same = Classifier.forInference(seed)) {
            assertSame(seed, same);
        }
    }

    /**
     * Parameters away from their initial values (a batch norm starts as the identity, which a fold that
     * dropped it would pass): weights of both signs, every per-channel value (scales, shifts, means,
     * variances, biases) positive and unlike 0 and 1.
     */
    private static List<Tensor> randomised(List<Tensor> parameters) {
        SplittableRandom random = new SplittableRandom(7);
        List<Tensor> result = new ArrayList<>();
        for (Tensor p : parameters) {
            float[] data = new float[p.data().length];
            for (int i = 0; i < data.length; i++) {
                data[i] = (float) (p.rank() == 1 ? random.nextDouble(0.3, 2.0) : random.nextDouble(-0.5, 0.5));
            }
            result.add(new Tensor(p.shape(), data));
        }
        return result;
    }
}
