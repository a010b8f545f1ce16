package dev.digits.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import com.fasterxml.jackson.databind.JsonNode;
import dev.digits.DigitsException;
import dev.digits.Python;
import dev.digits.TestData;
import dev.digits.data.DatasetSpec;
import dev.digits.io.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** TorchScript models made by tools/make_torchscript_fixture.py with Debian's python3-torch. */
class TorchScriptNetworkTest {
    private static final int PROBES = 4;
    private static Path fixtures;

    @TempDir
    Path dir;

    /** The fixtures, made once per run; the test is skipped, saying why, where torch is not installed. */
    private static synchronized Path fixtures() throws IOException {
        String missing = Python.missing("torch");
        Assumptions.assumeTrue(
                missing == null, () -> "skipped: " + missing + "; the TorchScript fixtures are made with it");
        if (fixtures == null) {
            Path out = TestData.artifacts().resolve("torchscript");
            Python.run("tools/make_torchscript_fixture.py", out.toString());
            fixtures = out;
        }
        return fixtures;
    }

    @Test
    void scoresAreThoseThatPyTorchComputed() throws IOException {
        Path fixtures = fixtures();
        JsonNode expected =
                Json.MAPPER.readTree(fixtures.resolve("expected.json").toFile()).get("probe_scores");
        try (Classifier classifier = TorchScriptNetwork.read(fixtures.resolve("model.pt"))) {
            assertScores(expected, probeScores(classifier));
        }
    }

    @Test
    void savesAndLoadsAsAModelDirectory() throws IOException {
        Path fixtures = fixtures();
        JsonNode expected =
                Json.MAPPER.readTree(fixtures.resolve("expected.json").toFile()).get("probe_scores");
        try (Classifier classifier = TorchScriptNetwork.read(fixtures.resolve("model.pt"))) {
            ModelDirectory.save(
                    dir,
                    classifier,
                    ModelCard.describing("ts", classifier, DatasetSpec.MNIST).build());
        }
        assertTrue(Files.isRegularFile(dir.resolve(TorchScriptNetwork.FILE)));
        assertFalse(Files.exists(dir.resolve(ModelDirectory.PARAMETERS)));
        try (Classifier loaded = ModelDirectory.load(dir)) {
            assertScores(expected, probeScores(loaded));
        }
    }

    @Test
    void aNetworkWithoutTenScoresIsRefused() throws IOException {
        Path file = fixtures().resolve("wrong_output.pt");
        DigitsException e = assertThrows(DigitsException.class, () -> TorchScriptNetwork.read(file));
        assertEquals(
                file
                        + ": the TorchScript model returns (2, 5) for a batch of two images; it must return (2, 10) scores",
                e.getMessage());
    }

    @Test
    void aFileThatIsNotTorchScriptIsRefused() throws IOException {
        Path file = dir.resolve("model.pt");
        Files.writeString(file, "not a model");
        DigitsException e = assertThrows(DigitsException.class, () -> TorchScriptNetwork.read(file));
        assertTrue(
                e.getMessage().startsWith(file + ": the PyTorch engine cannot load it as a torchscript model ("),
                e.getMessage());
    }

    /** The probe images of make_torchscript_fixture.py: pixel (y, x) of image n is ((7n + 3y + 5x) mod 17) / 16. */
    private static float[] probeScores(Classifier classifier) {
        float[] pixels = new float[PROBES * 28 * 28];
        for (int n = 0; n < PROBES; n++) {
            for (int y = 0; y < 28; y++) {
                for (int x = 0; x < 28; x++) {
                    pixels[(n * 28 + y) * 28 + x] = ((7 * n + 3 * y + 5 * x) % 17) / 16f;
                }
            }
        }
        NDArray input = classifier.manager().create(pixels, new Shape(PROBES, 1, 28, 28));
        return classifier.logits(input).toFloatArray();
    }

    private static void assertScores(JsonNode expected, float[] actual) {
        assertEquals(PROBES * 10, actual.length);
        for (int n = 0; n < PROBES; n++) {
            for (int k = 0; k < 10; k++) {
                assertEquals(
                        expected.get(n).get(k).floatValue(), actual[n * 10 + k], 1e-5, "image " + n + ", class " + k);
            }
        }
    }
}
