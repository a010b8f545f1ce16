package dev.digits.model.keras;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import dev.digits.Python;
import dev.digits.TestData;
import dev.digits.data.DigitSet;
import dev.digits.eval.Evaluation;
import dev.digits.io.Json;
import dev.digits.model.Classifier;
import dev.digits.model.Network;
import dev.digits.model.layers.LayerStack;
import dev.digits.model.layers.Parameters;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The original project's own Keras 3 model (shared/fixtures/seed-keras/cnn_model.keras). */
class SeedKerasModelTest {
    static final Path FIXTURE = Path.of("../shared/fixtures/seed-keras/cnn_model.keras");

    @TempDir
    Path dir;

    @BeforeAll
    static void requireFixture() {
        Assumptions.assumeTrue(
                Files.isRegularFile(FIXTURE),
                "skipped: " + FIXTURE.toAbsolutePath().normalize()
                        + " is absent (the original project's model lives in shared/ beside the repository)");
    }

    @Test
    void importedOriginalScoresWhatTheNotebookReported() {
        DigitSet test = TestData.mnist().test();
        try (Classifier classifier = KerasImporter.read(FIXTURE).classifier()) {
            Evaluation evaluation = Evaluation.of(classifier, test);
            assertEquals(10_000, evaluation.count());
            assertEquals(93, evaluation.errors(), "the notebook reported 9,907 of 10,000 correct");
            assertEquals(0.9907, evaluation.accuracy(), 1e-12);
        }
    }

    @Test
    void exportAfterImportGivesBackTheOriginalWeightsAndTheSamePredictions() throws IOException {
        DigitSet test = TestData.mnist().test();
        Path exported = dir.resolve("again.keras");
        float[] original;
        try (Classifier classifier = KerasImporter.read(FIXTURE).classifier()) {
            original = classifier.logProbabilities(test);
            LayerStack stack = ((Network) classifier.architecture()).layers();
            KerasArchiveWriter.write(KerasExporter.export(stack, Parameters.read(classifier)), exported);
        }
        try (KerasFile source = KerasFile.open(FIXTURE);
                KerasFile again = KerasFile.open(exported)) {
            List<KerasLayer> layers = KerasGraph.chain(source.modelConfig());
            List<KerasLayer> againLayers = KerasGraph.chain(again.modelConfig());
            assertEquals(classes(layers), classes(againLayers));
            for (int i = 0; i < layers.size(); i++) {
                assertEquals(
                        source.weights(layers).of(layers.get(i)),
                        again.weights(againLayers).of(againLayers.get(i)),
                        layers.get(i).name());
            }
        }
        try (Classifier reimported = KerasImporter.read(exported).classifier()) {
            assertArrayEquals(original, reimported.logProbabilities(test));
        }
    }

    @Test
    void h5pySeesTheExportedFileAsItSeesTheOriginal() throws IOException {
        String missing = Python.missing("h5py");
        Assumptions.assumeTrue(missing == null, () -> "skipped: " + missing);
        Path exported = dir.resolve("again.keras");
        try (Classifier classifier = KerasImporter.read(FIXTURE).classifier()) {
            KerasArchiveWriter.write(
                    KerasExporter.export(((Network) classifier.architecture()).layers(), Parameters.read(classifier)),
                    exported);
        }
        JsonNode original = inspect(FIXTURE);
        JsonNode again = inspect(exported);
        assertEquals(original.get("entries"), again.get("entries"));
        assertEquals(original.get("keras_version"), again.get("keras_version"));
        assertEquals(original.get("layer_classes"), again.get("layer_classes"));
        // Every array of the original's layers, with the same shape, dtype and values (the optimizer's are not
        // exported).
        original.get("arrays").fields().forEachRemaining(e -> {
            if (e.getKey().startsWith("layers/")) {
                assertEquals(e.getValue(), again.get("arrays").get(e.getKey()), e.getKey());
            }
        });
        // Every group of the original but the optimizer's (the root "vars" that Keras requires included), same
        // attributes.
        original.get("attributes").fields().forEachRemaining(e -> {
            if (!e.getKey().startsWith("optimizer")) {
                assertEquals(e.getValue(), again.get("attributes").get(e.getKey()), e.getKey());
            }
        });
    }

    static JsonNode inspect(Path file) throws IOException {
        return Json.MAPPER.readTree(Python.run("tools/inspect_keras_file.py", file.toString()));
    }

    private static List<String> classes(List<KerasLayer> layers) {
        List<String> result = new ArrayList<>();
        layers.forEach(l -> result.add(l.className()));
        return result;
    }
}
