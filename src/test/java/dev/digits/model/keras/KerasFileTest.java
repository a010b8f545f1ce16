package dev.digits.model.keras;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.digits.DigitsException;
import dev.digits.TestData;
import dev.digits.data.DigitSet;
import dev.digits.model.Classifier;
import dev.digits.model.SeedCnn;
import dev.digits.model.layers.Parameters;
import dev.digits.model.layers.SeedLayers;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
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
        try (Classifier seed = Classifier.create(new SeedCnn(), 21)) {
            KerasArchiveWriter.write(KerasExporter.export(SeedLayers.stack(), Parameters.read(seed)), dir.resolve("m.keras"));
            try (Classifier imported = KerasImporter.read(dir.resolve("m.keras")).classifier()) {
                assertClose(seed.logProbabilities(images), imported.logProbabilities(images));
            }
        }
    }

    @Test
    void keras2FullModelH5ImportsToTheSamePredictions() throws IOException {
        DigitSet images = TestData.mnist().test().first(500);
        try (Classifier seed = Classifier.create(new SeedCnn(), 22)) {
            Keras2Files.write(KerasExporter.export(SeedLayers.stack(), Parameters.read(seed)), dir.resolve("m.h5"));
            KerasImporter.Imported imported = KerasImporter.read(dir.resolve("m.h5"));
            try (Classifier classifier = imported.classifier()) {
                assertEquals("keras2-h5", imported.provenance().get("format"));
                assertEquals("2.15.0", imported.provenance().get("keras_version"));
                assertClose(seed.logProbabilities(images), classifier.logProbabilities(images));
            }
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
        assertEquals(dir.resolve("m.keras") + ": not a Keras model file (neither a .keras zip nor an HDF5 .h5 file)",
                failure(dir.resolve("m.keras")));
        assertEquals(dir.resolve("none.keras") + ": no such file", failure(dir.resolve("none.keras")));
    }

    @Test
    void zipWithoutWeightsOrWithBrokenParts() throws IOException {
        Path file = dir.resolve("m.keras");
        zip(file, "config.json", "{}", "metadata.json", "{}");
        assertEquals(file + ": not a Keras 3 model: the zip has no model.weights.h5 (was it saved without weights?)", failure(file));
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
    void h5WeightsOnlyFileSaysHowToSaveTheModel() throws IOException {
        Path file = dir.resolve("w.h5");
        try (var hdf = io.jhdf.HdfFile.write(file)) {
            hdf.putAttribute("layer_names", new String[] {"dense"});
            hdf.putGroup("dense");
        }
        assertEquals(file + ": an HDF5 file without 'model_config': it holds weights only (Keras save_weights); "
                + "save the whole model with model.save()", failure(file));
    }

    private static String failure(Path file) {
        return assertThrows(DigitsException.class, () -> KerasImporter.read(file)).getMessage();
    }

    private static void zip(Path file, String... namesAndContents) throws IOException {
        try (OutputStream out = Files.newOutputStream(file); ZipOutputStream zip = new ZipOutputStream(out)) {
            for (int i = 0; i < namesAndContents.length; i += 2) {
                zip.putNextEntry(new ZipEntry(namesAndContents[i]));
                zip.write(namesAndContents[i + 1].getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        }
    }

    @Test
    void exportedWeightsHaveKerasShapes() throws IOException {
        try (Classifier seed = Classifier.create(new SeedCnn(), 23)) {
            KerasArchiveWriter.write(KerasExporter.export(SeedLayers.stack(), Parameters.read(seed)), dir.resolve("m.keras"));
        }
        try (KerasFile file = KerasFile.open(dir.resolve("m.keras"))) {
            assertEquals("3.9.0", file.kerasVersion());
            assertArrayEquals(new long[] {3, 3, 1, 32}, file.weights().of("conv2d").get(0).shape());
            assertArrayEquals(new long[] {576, 64}, file.weights().of("dense").get(0).shape());
            assertEquals(0, file.weights().of("flatten").size());
            assertEquals("softmax", file.modelConfig().path("config").path("layers").get(8).path("config").path("activation").asText());
        }
    }
}
