package dev.digits.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.digits.Python;
import dev.digits.TestData;
import dev.digits.data.DigitSet;
import dev.digits.eval.Evaluation;
import dev.digits.io.Json;
import dev.digits.model.Architectures;
import dev.digits.model.Classifier;
import dev.digits.model.ModelCard;
import dev.digits.model.ModelDirectory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code digits import} and {@code digits export} from the command line. */
class ImportExportCommandTest {
    private static final Path ORIGINAL = Path.of("../shared/fixtures/seed-keras/cnn_model.keras");
    /** A zoo model its authors trained on raw 0-255 pixels (../shared/fixtures/keras-zoo/README.md). */
    private static final Path RAW_PIXELS = Path.of("../shared/fixtures/keras-zoo/mpkuse_cnn.h5");

    @TempDir
    Path dir;

    @Test
    void seedModelExportedAndImportedPredictsTheSameOnTheWholeTestSet() throws IOException {
        DigitSet test = TestData.mnist().test();
        Path seed = dir.resolve("seed");
        try (Classifier classifier = Classifier.create(Architectures.byName("seed"), 31)) {
            ModelDirectory.save(seed, classifier, card("seed"));
        }
        CliRunner.Run export = CliRunner.run(
                "export",
                "--model",
                seed.toString(),
                "--format",
                "keras",
                "--out",
                dir.resolve("seed.keras").toString());
        assertEquals(0, export.exitCode(), export.err());
        assertTrue(export.out().contains("Wrote " + dir.resolve("seed.keras").toAbsolutePath()), export.out());
        CliRunner.Run imported = CliRunner.run(
                "import",
                dir.resolve("seed.keras").toString(),
                "--out",
                dir.resolve("back").toString());
        assertEquals(0, imported.exitCode(), imported.err());

        float[] before;
        float[] after;
        try (Classifier original = ModelDirectory.load(seed);
                Classifier back = ModelDirectory.load(dir.resolve("back"))) {
            before = original.logProbabilities(test);
            after = back.logProbabilities(test);
        }
        for (int i = 0; i < test.size(); i++) {
            assertEquals(
                    Evaluation.argmax(before, i * 10, 10),
                    Evaluation.argmax(after, i * 10, 10),
                    "prediction for test image " + i);
        }
        for (int i = 0; i < before.length; i++) {
            assertEquals(before[i], after[i], 1e-4, "log-probability " + i);
        }
        ModelCard card = ModelDirectory.readCard(dir.resolve("back"));
        assertEquals("layers", card.architecture());
        assertEquals("keras3", card.hyperparameters().get("format"));
    }

    @Test
    @Tag("slow")
    void importedOriginalIsAModelDirectoryThatEvaluateUses() throws IOException {
        Assumptions.assumeTrue(
                Files.isRegularFile(ORIGINAL),
                "skipped: " + ORIGINAL.toAbsolutePath().normalize() + " is absent");
        Path model = dir.resolve("original");
        CliRunner.Run imported = CliRunner.run("import", ORIGINAL.toString(), "--out", model.toString());
        assertEquals(0, imported.exitCode(), imported.err());
        assertTrue(imported.out().contains("test accuracy: 0.9907 (9,907 of 10,000)"), imported.out());
        assertTrue(imported.out().contains("note: final softmax dropped"), imported.out());
        ModelCard card = ModelDirectory.readCard(model);
        assertEquals(0.9907, card.metric("test_accuracy"), 1e-12);
        assertEquals("3.9.0", card.hyperparameters().get("keras_version"));

        CliRunner.Run evaluate = CliRunner.run("evaluate", "--model", model.toString(), "--json");
        assertEquals(0, evaluate.exitCode(), evaluate.err());
        assertEquals(
                0.9907,
                Json.MAPPER.readTree(evaluate.out()).get("test_accuracy").asDouble(),
                1e-12);
    }

    @Test
    void torchScriptFileImportsToAModelDirectoryThatEvaluateUses() throws IOException {
        String missing = Python.missing("torch");
        Assumptions.assumeTrue(
                missing == null, () -> "skipped: " + missing + "; the TorchScript fixture is made with it");
        Python.run("tools/make_torchscript_fixture.py", dir.resolve("fixture").toString());
        Path model = dir.resolve("script");
        CliRunner.Run imported =
                CliRunner.run("import", dir.resolve("fixture/model.pt").toString(), "--out", model.toString());
        assertEquals(0, imported.exitCode(), imported.err());
        assertTrue(imported.out().contains("(torchscript, 7,018 parameters)"), imported.out());
        assertEquals("torchscript", ModelDirectory.readCard(model).architecture());
        CliRunner.Run evaluate = CliRunner.run("evaluate", "--model", model.toString(), "--json");
        assertEquals(0, evaluate.exitCode(), evaluate.err());
        assertEquals(
                ModelDirectory.readCard(model).metric("test_accuracy"),
                Json.MAPPER.readTree(evaluate.out()).get("test_accuracy").asDouble(),
                1e-12);
    }

    @Test
    @Tag("slow")
    void inputScaleIsRecordedAndAppliedByEveryCommandThatLoadsTheModel() throws IOException {
        Assumptions.assumeTrue(
                Files.isRegularFile(RAW_PIXELS),
                "skipped: " + RAW_PIXELS.toAbsolutePath().normalize() + " is absent");
        Path model = dir.resolve("raw");
        CliRunner.Run imported =
                CliRunner.run("import", RAW_PIXELS.toString(), "--input-scale", "255", "--out", model.toString());
        assertEquals(0, imported.exitCode(), imported.err());
        assertTrue(
                imported.out().contains("note: input scale 255: the model was trained on 0-255 pixels"),
                imported.out());
        ModelCard card = ModelDirectory.readCard(model);
        assertEquals(255, card.hyperparameters().get("input_scale"));
        assertTrue(card.command().endsWith("--input-scale 255"), card.command());
        double accuracy = card.metric("test_accuracy");
        assertTrue(accuracy > 0.99, "test accuracy " + accuracy);
        assertTrue(
                imported.out().contains(String.format(java.util.Locale.ROOT, "test accuracy: %.4f", accuracy)),
                imported.out());
        // evaluate loads the directory on its own: it must feed the model as import did.
        CliRunner.Run evaluate = CliRunner.run("evaluate", "--model", model.toString(), "--json");
        assertEquals(0, evaluate.exitCode(), evaluate.err());
        assertEquals(
                accuracy,
                Json.MAPPER.readTree(evaluate.out()).get("test_accuracy").asDouble(),
                1e-12);
    }

    @Test
    void importErrors() throws IOException {
        assertFails(
                2,
                "input scale 7 is not supported (supported: 1 for 0-1 pixels, 255 for raw 0-255 pixels)",
                "import",
                ORIGINAL.toString(),
                "--input-scale",
                "7",
                "--out",
                dir.resolve("seven").toString());
        assertFails(
                1,
                dir.resolve("none.keras") + ": no such file",
                "import",
                dir.resolve("none.keras").toString());
        Files.writeString(dir.resolve("model.json"), "{}");
        assertFails(
                1,
                dir + " already holds a model; choose another --out",
                "import",
                ORIGINAL.toString(),
                "--out",
                dir.toString());
        Files.writeString(dir.resolve("notes.keras"), "hello");
        assertFails(
                1,
                "notes.keras: not a Keras model file",
                "import",
                dir.resolve("notes.keras").toString(),
                "--out",
                dir.resolve("m").toString());
    }

    @Test
    void exportErrors() throws IOException {
        assertFails(2, "--out must end in .keras", "export", "--model", dir.toString(), "--out", "model.zip");
        assertFails(
                2,
                "expected one of [KERAS]",
                "export",
                "--model",
                dir.toString(),
                "--format",
                "onnx",
                "--out",
                "m.keras");
        Path script = dir.resolve("script");
        Files.createDirectories(script);
        Files.writeString(script.resolve("model.pt"), "x");
        Json.writeFile(script.resolve(ModelDirectory.CARD), card("torchscript"));
        assertFails(
                1,
                "cannot export a 'torchscript' model to Keras: only the architectures digits trains ("
                        + dev.digits.model.Architectures.all().stream()
                                .map(dev.digits.model.Network::name)
                                .collect(java.util.stream.Collectors.joining(", "))
                        + ") and imported Keras models can be exported",
                "export",
                "--model",
                script.toString(),
                "--out",
                dir.resolve("m.keras").toString());
    }

    private static ModelCard card(String architecture) {
        return new ModelCard(
                "m",
                architecture,
                "",
                0,
                "mnist",
                List.of(),
                ModelCard.INPUT,
                Map.of(),
                Map.of(),
                Map.of(),
                "now",
                "test",
                Map.of());
    }

    private static void assertFails(int code, String expectedInErr, String... args) {
        CliRunner.Run run = CliRunner.run(args);
        assertEquals(code, run.exitCode(), "exit code of digits " + String.join(" ", args) + "; stderr: " + run.err());
        assertTrue(
                run.err().contains(expectedInErr),
                "stderr should contain '" + expectedInErr + "' but was: " + run.err());
    }
}
