package dev.digits.model.keras;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
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
import dev.digits.model.layers.SeedLayers;
import dev.digits.model.layers.Tensor;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reading whole files: both formats, and the clear errors for malformed ones. */
class KerasFileTest {
    @TempDir
    Path dir;

    @Test
    void keras3ExportOfTheSeedArchitectureImportsToTheSamePredictions() throws IOException {
        DigitSet images = TestData.mnist().test().first(500);
        try (Classifier seed = Classifier.create(Architectures.byName("seed"), 21)) {
            KerasArchiveWriter.write(
                    KerasExporter.export(SeedLayers.stack(), Parameters.read(seed)), dir.resolve("m.keras"));
            try (Classifier imported =
                    KerasImporter.read(dir.resolve("m.keras")).classifier()) {
                assertClose(seed.logProbabilities(images), imported.logProbabilities(images));
            }
        }
    }

    @Test
    void keras2FullModelH5ImportsToTheSamePredictions() throws IOException {
        DigitSet images = TestData.mnist().test().first(500);
        try (Classifier seed = Classifier.create(Architectures.byName("seed"), 22)) {
            Keras2Files.write(KerasExporter.export(SeedLayers.stack(), Parameters.read(seed)), dir.resolve("m.h5"));
            KerasImporter.Imported imported = KerasImporter.read(dir.resolve("m.h5"));
            try (Classifier classifier = imported.classifier()) {
                assertEquals("keras2-h5", imported.provenance().get("format"));
                assertEquals("2.15.0", imported.provenance().get("keras_version"));
                assertClose(seed.logProbabilities(images), classifier.logProbabilities(images));
            }
        }
    }

    @Test
    void theanoFilesHaveTheirConvolutionKernelsTurned() throws IOException {
        DigitSet images = TestData.mnist().test().first(200);
        try (Classifier seed = Classifier.create(Architectures.byName("seed"), 24)) {
            KerasExporter.KerasModel keras = KerasExporter.export(SeedLayers.stack(), Parameters.read(seed));
            // What Theano-backend Keras stored: every Conv2D kernel turned by 180°.
            java.util.Map<String, List<Tensor>> turned = new java.util.LinkedHashMap<>();
            keras.weights().forEach((layer, arrays) -> {
                List<Tensor> copy = new java.util.ArrayList<>(arrays);
                if (!copy.isEmpty() && copy.get(0).rank() == 4) {
                    copy.set(0, WeightLayouts.flipKernel(copy.get(0)));
                }
                turned.put(layer, copy);
            });
            Keras2Files.write(new KerasExporter.KerasModel(keras.config(), turned), dir.resolve("theano.h5"), "theano");
            KerasImporter.Imported imported = KerasImporter.read(dir.resolve("theano.h5"));
            try (Classifier classifier = imported.classifier()) {
                assertClose(seed.logProbabilities(images), classifier.logProbabilities(images));
            }
            assertEquals("theano", imported.provenance().get("backend"));
        }
    }

    @Test
    void everyKindOfLayerRoundTripsThroughBothFormats() throws IOException {
        LayerStack stack = new LayerStack(List.of(
                new LayerSpec.RescalingSpec("centre", 2f, -1f),
                new LayerSpec.Conv2dSpec("conv", 4, 3, 3, 2, 2, 0, 1, 0, 1, true), // Keras's "same" with stride 2
                new LayerSpec.BatchNormSpec("bn", 1e-3f),
                new ActivationSpec("relu", ActivationSpec.Function.RELU),
                new LayerSpec.MaxPoolSpec("max", 2, 2, 1, 1),
                new LayerSpec.AvgPoolSpec("avg", 2, 2, 1, 1),
                new LayerSpec.Conv2dSpec("conv_1", 6, 3, 3, 1, 1, 1, 1, 1, 1, false), // "same" with stride 1
                new ActivationSpec("sigmoid", ActivationSpec.Function.SIGMOID),
                new LayerSpec.ReshapeSpec("reshape", List.of(24, 12, 3)),
                new LayerSpec.DropoutSpec("drop", 0.5f),
                new LayerSpec.FlattenSpec("flatten", false), // ours, channels-first: the Dense inputs are reordered
                new LayerSpec.DenseSpec("dense", 16, true),
                new ActivationSpec("tanh", ActivationSpec.Function.TANH),
                new LayerSpec.DenseSpec("dense_1", 10, false)));
        DigitSet images = TestData.mnist().test().first(300);
        try (Classifier original = Classifier.create(Network.imported(stack), 0)) {
            java.util.Random random = new java.util.Random(3);
            List<Tensor> values = new java.util.ArrayList<>();
            List<Tensor> initial = Parameters.read(original);
            for (int p = 0; p < initial.size(); p++) {
                float[] data = new float[initial.get(p).data().length];
                for (int i = 0; i < data.length; i++) {
                    // parameter 5 is the batch norm's running variance, which must be positive
                    data[i] = p == 5 ? 0.5f + random.nextFloat() : random.nextFloat() * 2 - 1;
                }
                values.add(new Tensor(initial.get(p).shape(), data));
            }
            Parameters.assign(original, values);
            float[] expected = original.logProbabilities(images);
            // Scores that differ from image to image: a misplaced weight would show.
            long distinct = java.util.stream.IntStream.range(0, images.size())
                    .map(i -> dev.digits.eval.Evaluation.argmax(expected, i * 10, 10))
                    .distinct()
                    .count();
            assertTrue(distinct > 2, "the random network predicts " + distinct + " distinct classes");
            KerasExporter.KerasModel keras = KerasExporter.export(stack, values);
            KerasArchiveWriter.write(keras, dir.resolve("all.keras"));
            Keras2Files.write(keras, dir.resolve("all.h5"));
            for (String file : new String[] {"all.keras", "all.h5"}) {
                try (Classifier imported = KerasImporter.read(dir.resolve(file)).classifier()) {
                    assertClose(expected, imported.logProbabilities(images));
                }
            }
        }
    }

    @Test
    void renamedLayersAreStoredUnderTheirClassAsKeras3Does() throws IOException {
        LayerStack stack = new LayerStack(List.of(
                new LayerSpec.Conv2dSpec("first", 2, 3, 3, 1, 1, 0, 0, 0, 0, true),
                new LayerSpec.Conv2dSpec("second", 2, 3, 3, 1, 1, 0, 0, 0, 0, true),
                new LayerSpec.FlattenSpec("flat", true),
                new LayerSpec.DenseSpec("scores", 10, true)));
        DigitSet images = TestData.mnist().test().first(100);
        Path file = dir.resolve("renamed.keras");
        try (Classifier original = Classifier.create(Network.imported(stack), 4)) {
            KerasArchiveWriter.write(KerasExporter.export(stack, Parameters.read(original)), file);
            try (Classifier imported = KerasImporter.read(file).classifier()) {
                assertClose(original.logProbabilities(images), imported.logProbabilities(images));
            }
        }
        byte[] weights;
        try (var zip = new java.util.zip.ZipFile(file.toFile())) {
            weights = zip.getInputStream(zip.getEntry("model.weights.h5")).readAllBytes();
        }
        try (var hdf = io.jhdf.HdfFile.fromBytes(weights)) {
            assertEquals(
                    java.util.Set.of("conv2d", "conv2d_1", "flatten", "dense"),
                    hdf.getChild("layers") instanceof io.jhdf.api.Group g
                            ? g.getChildren().keySet()
                            : null);
            assertArrayEquals(
                    new int[] {3, 3, 2, 2},
                    hdf.getDatasetByPath("layers/conv2d_1/vars/0").getDimensions());
        }
    }

    /** Keras's flatten order differs from ours, so sums run in another order: equal to float rounding. */
    static void assertClose(float[] expected, float[] actual) {
        assertEquals(expected.length, actual.length);
        for (int i = 0; i < expected.length; i++) {
            assertEquals(expected[i], actual[i], 1e-4, "value " + i);
        }
    }

    @Test
    void notAModelFile() throws IOException {
        Files.writeString(dir.resolve("m.keras"), "just text");
        assertEquals(
                dir.resolve("m.keras") + ": not a Keras model file (neither a .keras zip nor an HDF5 .h5 file)",
                failure(dir.resolve("m.keras")));
        assertEquals(dir.resolve("none.keras") + ": no such file", failure(dir.resolve("none.keras")));
    }

    @Test
    void zipWithoutWeightsOrWithBrokenParts() throws IOException {
        Path file = dir.resolve("m.keras");
        zip(file, "config.json", "{}", "metadata.json", "{}");
        assertEquals(
                file + ": not a Keras 3 model: the zip has no model.weights.h5 (was it saved without weights?)",
                failure(file));
        zip(file, "config.json", "{not json", "model.weights.h5", "x");
        assertTrue(failure(file).startsWith(file + "!config.json: not valid JSON ("), failure(file));
        zip(file, "config.json", "{}", "model.weights.h5", "not hdf5");
        assertTrue(failure(file).startsWith(file + "!model.weights.h5: not a readable HDF5 file ("), failure(file));
    }

    @Test
    void truncatedZip() throws IOException {
        Path file = dir.resolve("m.keras");
        zip(file, "config.json", "{}", "model.weights.h5", "x".repeat(1000));
        byte[] bytes = Files.readAllBytes(file);
        Files.write(file, java.util.Arrays.copyOf(bytes, 60));
        assertEquals(file + ": not a readable .keras zip (it ends early: truncated?)", failure(file));
    }

    @Test
    void keras1FilesAreRefusedWithWhatToDo() throws IOException {
        Path file = dir.resolve("old.h5");
        try (var hdf = io.jhdf.HdfFile.write(file)) {
            hdf.putAttribute("model_config", "{\"class_name\": \"Sequential\", \"config\": []}");
            hdf.putAttribute("keras_version", "1.2.2");
            hdf.putGroup("model_weights").putAttribute("layer_names", new String[] {"dense_1"});
        }
        assertEquals(
                file + ": written by Keras 1.2.2, whose layer settings differ (supported: Keras 2.0 and later; "
                        + "load the model in Keras 2 and save it again)",
                failure(file));
    }

    @Test
    void h5WeightsOnlyFileSaysHowToSaveTheModel() throws IOException {
        Path file = dir.resolve("w.h5");
        try (var hdf = io.jhdf.HdfFile.write(file)) {
            hdf.putAttribute("layer_names", new String[] {"dense"});
            hdf.putGroup("dense");
        }
        assertEquals(
                file + ": an HDF5 file without 'model_config': it holds weights only (Keras save_weights); "
                        + "save the whole model with model.save()",
                failure(file));
    }

    private static String failure(Path file) {
        return assertThrows(DigitsException.class, () -> KerasImporter.read(file))
                .getMessage();
    }

    private static void zip(Path file, String... namesAndContents) throws IOException {
        try (OutputStream out = Files.newOutputStream(file);
                ZipOutputStream zip = new ZipOutputStream(out)) {
            for (int i = 0; i < namesAndContents.length; i += 2) {
                zip.putNextEntry(new ZipEntry(namesAndContents[i]));
                zip.write(namesAndContents[i + 1].getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        }
    }

    @Test
    void exportedWeightsHaveKerasShapes() throws IOException {
        try (Classifier seed = Classifier.create(Architectures.byName("seed"), 23)) {
            KerasArchiveWriter.write(
                    KerasExporter.export(SeedLayers.stack(), Parameters.read(seed)), dir.resolve("m.keras"));
        }
        try (KerasFile file = KerasFile.open(dir.resolve("m.keras"))) {
            assertEquals("3.9.0", file.kerasVersion());
            List<KerasLayer> chain = KerasGraph.chain(file.modelConfig());
            KerasWeights weights = file.weights(chain);
            assertArrayEquals(
                    new long[] {3, 3, 1, 32}, weights.of(chain.get(1)).get(0).shape());
            assertEquals("flatten", chain.get(6).name());
            assertEquals(0, weights.of(chain.get(6)).size());
            assertArrayEquals(
                    new long[] {576, 64}, weights.of(chain.get(7)).get(0).shape());
            assertEquals(
                    "softmax",
                    file.modelConfig()
                            .path("config")
                            .path("layers")
                            .get(8)
                            .path("config")
                            .path("activation")
                            .asText());
        }
    }
}
