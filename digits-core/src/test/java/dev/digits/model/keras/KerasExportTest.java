package dev.digits.model.keras;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.digits.DigitsException;
import dev.digits.TestData;
import dev.digits.data.DigitSet;
import dev.digits.model.Architectures;
import dev.digits.model.Classifier;
import dev.digits.model.Network;
import dev.digits.model.layers.LayerSpec;
import dev.digits.model.layers.LayerSpec.ActivationSpec;
import dev.digits.model.layers.LayerStack;
import dev.digits.model.layers.Parameters;
import dev.digits.model.layers.Tensor;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** {@code digits export --format keras}: every architecture this project trains, and every layer an import can make. */
class KerasExportTest {
    @TempDir
    Path dir;

    static List<Network> architectures() {
        return Architectures.all();
    }

    /**
     * The network's initial weights and kernels, with per-channel values drawn at random: biases, batch norm's shift
     * and running mean in [-0.5, 0.5), its scale and running variance in [0.5, 1.5).
     */
    private static List<Tensor> varied(LayerStack stack, Classifier classifier, int seed) {
        Random random = new Random(seed);
        List<Tensor> initial = Parameters.read(classifier);
        List<Tensor> values = new ArrayList<>();
        List<dev.digits.model.layers.TensorShape> shapes = stack.shapes();
        for (int layer = 0; layer < stack.layers().size(); layer++) {
            LayerSpec spec = stack.layers().get(layer);
            int count = spec.parameterShapes(shapes.get(layer)).size();
            for (int p = 0; p < count; p++) {
                Tensor t = initial.get(values.size());
                if (t.rank() > 1) {
                    values.add(t);
                    continue;
                }
                boolean positive = spec instanceof LayerSpec.BatchNormSpec && (p == 0 || p == 3);
                float[] data = new float[t.data().length];
                for (int i = 0; i < data.length; i++) {
                    data[i] = random.nextFloat() + (positive ? 0.5f : -0.5f);
                }
                values.add(new Tensor(t.shape(), data));
            }
        }
        return values;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("architectures")
    void everyTrainedArchitectureExportsAndImportsToTheSamePredictions(Network architecture) throws IOException {
        DigitSet images = TestData.mnist().test().first(200);
        LayerStack stack = architecture.layers().flattened();
        Path file = dir.resolve(architecture.name() + ".keras");
        try (Classifier trained = Classifier.create(architecture, 5)) {
            List<Tensor> values = varied(stack, trained, 5);
            Parameters.assign(trained, values);
            float[] expected = trained.logProbabilities(images);
            double spread = IntStream.range(0, images.size())
                    .mapToDouble(i -> Math.abs(expected[i * 10] - expected[0]))
                    .max()
                    .orElse(0);
            assertTrue(
                    spread > 0.01,
                    architecture.name() + " scores every image alike: a misplaced weight would not show");
            try (Classifier asStack = Classifier.create(Network.imported(stack), 0)) {
                Parameters.assign(asStack, values);
                KerasFileTest.assertClose(expected, asStack.logProbabilities(images));
            }
            KerasArchiveWriter.write(KerasExporter.export(stack, values), file);
        }
        try (Classifier imported = KerasImporter.read(file).classifier()) {
            float[] expected;
            try (Classifier trained = Classifier.create(architecture, 5)) {
                Parameters.assign(trained, varied(stack, trained, 5));
                expected = trained.logProbabilities(images);
            }
            KerasFileTest.assertClose(expected, imported.logProbabilities(images));
        }
    }

    @Test
    void layersOfRealWorldImportsRoundTrip() throws IOException {
        LayerStack stack = new LayerStack(List.of(
                new LayerSpec.ChannelAffineSpec("normalization", new float[] {2f}, new float[] {-0.5f}),
                new LayerSpec.ZeroPaddingSpec("zero_padding2d", 1, 2, 0, 1),
                new LayerSpec.Conv2dSpec("conv2d", 4, 3, 3, 1, 1, 2, 0, 2, 0, true), // padding neither valid nor same
                new LayerSpec.ReluSpec("re_lu", 0.8f, 0.1f, 0.05f),
                new LayerSpec.Conv2dSpec("depthwise", 8, 3, 3, 1, 1, 0, 0, 0, 0, true, 2, 2, 4), // dilated, grouped
                new LayerSpec.EluSpec("elu", 0.7f),
                new LayerSpec.MaxPoolSpec("max", 3, 3, 2, 2, 1, 1, 1, 1), // same on 27x25
                new LayerSpec.AvgPoolSpec("avg", 3, 3, 1, 1, 1, 1, 1, 1), // same
                new ActivationSpec("swish", ActivationSpec.Function.SWISH),
                new LayerSpec.GlobalMaxPoolSpec("gmp"),
                new LayerSpec.DenseSpec("dense", 10, true)));
        DigitSet images = TestData.mnist().test().first(200);
        Path file = dir.resolve("layers.keras");
        float[] expected;
        try (Classifier original = Classifier.create(Network.imported(stack), 3)) {
            Parameters.assign(original, varied(stack, original, 3));
            expected = original.logProbabilities(images);
            KerasArchiveWriter.write(KerasExporter.export(stack, Parameters.read(original)), file);
        }
        KerasImporter.Imported imported = KerasImporter.read(file);
        try (Classifier classifier = imported.classifier()) {
            KerasFileTest.assertClose(expected, classifier.logProbabilities(images));
        }
    }

    @Test
    void whatKerasCannotExpressIsRefused() {
        LayerStack pooled = new LayerStack(List.of(
                new LayerSpec.MaxPoolSpec("pool", 2, 2, 2, 2, 1, 1, 1, 1),
                new LayerSpec.FlattenSpec("flatten", true),
                new LayerSpec.DenseSpec("dense", 10, true)));
        try (Classifier classifier = Classifier.create(Network.imported(pooled), 0)) {
            DigitsException e = assertThrows(
                    DigitsException.class, () -> KerasExporter.export(pooled, Parameters.read(classifier)));
            assertEquals(
                    "cannot export layer 'pool': its padding [1, 1, 1, 1] (top, bottom, left, right) is neither "
                            + "Keras's 'valid' nor 'same'",
                    e.getMessage());
        }
    }
}
