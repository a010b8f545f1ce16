package dev.digits.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.nn.Parameter;
import ai.djl.util.Pair;
import dev.digits.DigitsException;
import dev.digits.TestData;
import dev.digits.data.DatasetSpec;
import dev.digits.data.DigitSet;
import dev.digits.image.samples.NotOneDigit;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClassifierTest {
    @TempDir
    Path dir;

    @Test
    void seedHasTheOriginalParameterCount() {
        try (Classifier seed = Classifier.create(Architectures.byName("seed"), 1)) {
            assertEquals(93_322, seed.parameterCount());
        }
    }

    @Test
    void compactHasBatchNormAndAGlobalPoolingHead() {
        try (Classifier compact = Classifier.create(CompactCnn.compact(), 1)) {
            // 139,818 trainable parameters plus 640 batch-norm running statistics (mean and variance).
            assertEquals(141_098, compact.parameterCount());
            float[] logProbabilities =
                    compact.logProbabilities(TestData.mnist().test().first(3));
            assertEquals(30, logProbabilities.length);
        }
    }

    @Test
    void wideIsCompactWidenedWhereTheMapsAreSmall() {
        try (Classifier wide = Classifier.create(Architectures.byName("wide"), 1)) {
            // Conv32 twice, Conv96 twice, Conv192: 286,464 weights, 1,312 batch-norm values, Dense 1,930.
            assertEquals(289_706, wide.parameterCount());
            assertEquals(20, wide.logProbabilities(TestData.mnist().test().first(2)).length);
        }
    }

    @Test
    void stridedShrinksItsMapsToOnePixelBeforeTheDenseLayer() {
        try (Classifier strided = Classifier.create(Architectures.byName("strided"), 1)) {
            // Seven convolutions: 323,872 weights, 1,664 batch-norm values, Dense 128 -> 10: 1,290. A map larger
            // than 1x1 after the last convolution would make the Dense layer wider than 128 inputs.
            assertEquals(326_826, strided.parameterCount());
            assertEquals(20, strided.logProbabilities(TestData.mnist().test().first(2)).length);
        }
    }

    @Test
    void bundledModelLoadsAndReadsMnist() {
        ModelCard card = BundledModel.READER.card();
        assertTrue(
                card.metric("test_accuracy") >= 0.993,
                "the bundled model is trained to at least 99.3%: " + card.metrics());
        assertTrue(card.command().startsWith("digits train "), card.command());
        try (Classifier bundled = BundledModel.READER.load()) {
            var evaluation = dev.digits.eval.Evaluation.of(
                    TestData.mnist().test().first(2000).labels(),
                    bundled.logProbabilities(TestData.mnist().test().first(2000)));
            assertTrue(evaluation.accuracy() > 0.99, "accuracy on 2,000 test digits: " + evaluation.accuracy());
        }
    }

    /**
     * The cutting network was trained to be unsure of ink that is not one digit, the reader was not. The
     * pieces are made from test digits, which neither network saw.
     */
    @Test
    void bundledCutterIsUnsureOfPairsAndPartsThatTheReaderReadsSurely() {
        ModelCard card = BundledModel.CUTTER.card();
        assertTrue(card.command().contains("--outliers "), card.command());
        int count = 500;
        DigitSet pieces = new DigitSet(new NotOneDigit(TestData.mnist().test(), 3).pixels(count), new byte[count]);
        DigitSet digits = TestData.mnist().test().first(2000);
        try (Classifier cutter = BundledModel.CUTTER.load();
                Classifier reader = BundledModel.READER.load()) {
            // Measured on 1,000 such pieces: the cutter reads 17 above 0.9, the reader 630.
            int cutterSure = sure(cutter.logProbabilities(pieces), 0.9);
            int readerSure = sure(reader.logProbabilities(pieces), 0.9);
            assertTrue(cutterSure < count / 10, cutterSure + " of " + count + " pieces read surely by the cutter");
            assertTrue(readerSure > count / 3, readerSure + " of " + count + " pieces read surely by the reader");
            var evaluation = dev.digits.eval.Evaluation.of(digits.labels(), cutter.logProbabilities(digits));
            assertTrue(evaluation.accuracy() > 0.99, "the cutter still reads digits: " + evaluation.accuracy());
        }
    }

    /** How many rows of ten log-probabilities have a top probability above {@code threshold}. */
    private static int sure(float[] logProbabilities, double threshold) {
        int sure = 0;
        for (int i = 0; i < logProbabilities.length; i += DigitSet.CLASSES) {
            int best = dev.digits.eval.Evaluation.argmax(logProbabilities, i, DigitSet.CLASSES);
            sure += Math.exp(logProbabilities[i + best]) > threshold ? 1 : 0;
        }
        return sure;
    }

    @Test
    void seedIsInitialisedLikeKeras() {
        try (Classifier seed = Classifier.create(Architectures.byName("seed"), 7)) {
            List<Pair<String, Parameter>> params = new ArrayList<>();
            seed.block().getParameters().forEach(params::add);
            // Weights of conv1 (fan_in 9): He-uniform within ±sqrt(6/9); output layer (64 -> 10): Glorot ±sqrt(6/74).
            assertWithin(params.get(0).getValue().getArray(), Math.sqrt(6.0 / 9));
            assertWithin(params.get(params.size() - 2).getValue().getArray(), Math.sqrt(6.0 / 74));
            for (Pair<String, Parameter> p : params) {
                if (p.getValue().getType() == Parameter.Type.BIAS) {
                    assertEquals(0f, p.getValue().getArray().abs().max().getFloat(), p.getKey() + " starts at zero");
                }
            }
        }
    }

    private static void assertWithin(NDArray weights, double limit) {
        float max = weights.abs().max().getFloat();
        assertTrue(max <= limit && max > 0.9 * limit, "max |w| " + max + " should approach the bound " + limit);
    }

    @Test
    void sameSeedSameParametersDifferentSeedDifferent() throws IOException {
        try (Classifier a = Classifier.create(Architectures.byName("seed"), 3);
                Classifier b = Classifier.create(Architectures.byName("seed"), 3);
                Classifier c = Classifier.create(Architectures.byName("seed"), 4)) {
            a.saveParameters(dir.resolve("a"));
            b.saveParameters(dir.resolve("b"));
            c.saveParameters(dir.resolve("c"));
        }
        assertArrayEquals(Files.readAllBytes(dir.resolve("a")), Files.readAllBytes(dir.resolve("b")));
        assertTrue(Files.mismatch(dir.resolve("a"), dir.resolve("c")) >= 0);
    }

    @Test
    void saveThenLoadGivesBitIdenticalPredictions() throws IOException {
        DigitSet images = TestData.mnist().test().first(1000);
        ModelCard card;
        float[] before;
        try (Classifier original = Classifier.create(Architectures.byName("seed"), 11)) {
            before = original.logProbabilities(images);
            card = ModelCard.describing("m", original, DatasetSpec.MNIST)
                    .command("test")
                    .metrics(Map.of("test_accuracy", 0.1))
                    .build();
            ModelDirectory.save(dir, original, card);
        }
        try (Classifier loaded = ModelDirectory.load(dir)) {
            assertArrayEquals(before, loaded.logProbabilities(images));
        }
        assertEquals(card, ModelDirectory.readCard(dir));
    }

    @Test
    void missingModelDirectorySaysWhatToDo() {
        DigitsException e = assertThrows(DigitsException.class, () -> ModelDirectory.load(dir.resolve("nope")));
        assertTrue(e.getMessage().contains("does not exist; train one with 'digits train'"), e.getMessage());
    }

    @Test
    void unfinishedRunPointsToResume() throws IOException {
        Files.writeString(dir.resolve("checkpoint.bin"), "x");
        DigitsException e = assertThrows(DigitsException.class, () -> ModelDirectory.load(dir));
        assertTrue(
                e.getMessage()
                        .contains(
                                "model.json is missing (training did not finish; continue it with 'digits train --resume"),
                e.getMessage());
    }

    @Test
    void corruptParametersGiveAClearError() throws IOException {
        Files.writeString(dir.resolve("params"), "not parameters at all");
        DigitsException e = assertThrows(
                DigitsException.class, () -> Classifier.load(Architectures.byName("seed"), dir.resolve("params")));
        assertTrue(e.getMessage().startsWith(dir.resolve("params") + ": cannot load seed parameters"), e.getMessage());
    }
}
