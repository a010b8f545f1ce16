package dev.digits.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.digits.DigitsException;
import dev.digits.TestData;
import dev.digits.data.DatasetSpec;
import dev.digits.data.DigitSet;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EnsembleTest {
    @TempDir
    Path dir;

    private Path member(String name, Network architecture, int seed) throws IOException {
        Path directory = dir.resolve(name);
        try (Classifier classifier = Classifier.create(architecture, seed)) {
            ModelDirectory.save(
                    directory,
                    classifier,
                    ModelCard.describing(name, classifier, DatasetSpec.MNIST).build());
        }
        return directory;
    }

    @Test
    void averagesTheMembersProbabilitiesAndSurvivesSaveAndLoad() throws IOException {
        DigitSet images = TestData.mnist().test().first(200);
        Path a = member("a", Architectures.byName("seed"), 1);
        Path b = member("b", CompactCnn.compact(), 2);
        float[] pa;
        float[] pb;
        try (Classifier ca = ModelDirectory.load(a);
                Classifier cb = ModelDirectory.load(b)) {
            pa = ca.logProbabilities(images);
            pb = cb.logProbabilities(images);
        }
        float[] ensemble;
        try (Classifier both = Ensemble.assemble(List.of(a, b))) {
            ensemble = both.logProbabilities(images);
            for (int i = 0; i < ensemble.length; i++) {
                double expected = Math.log((Math.exp(pa[i]) + Math.exp(pb[i])) / 2);
                assertEquals(expected, ensemble[i], 1e-4, "log of the averaged probabilities, value " + i);
            }
            ModelDirectory.save(
                    dir.resolve("both"),
                    both,
                    ModelCard.describing("both", both, DatasetSpec.MNIST).build());
            assertEquals(93_322 + 141_098, both.parameterCount());
        }
        try (Classifier loaded = ModelDirectory.load(dir.resolve("both"))) {
            assertArrayEquals(ensemble, loaded.logProbabilities(images));
        }
    }

    @Test
    void needsTwoModelsTrainedHere() throws IOException {
        Path a = member("a", Architectures.byName("seed"), 1);
        assertThrows(DigitsException.class, () -> Ensemble.assemble(List.of(a)));
        Path imported = member("imported", Architectures.byName("seed"), 1);
        Files.writeString(
                imported.resolve("model.json"),
                Files.readString(imported.resolve("model.json")).replace("\"seed\"", "\"layers\""));
        DigitsException e = assertThrows(DigitsException.class, () -> Ensemble.assemble(List.of(a, imported)));
        assertTrue(e.getMessage().contains("is a 'layers' model"), e.getMessage());
    }
}
