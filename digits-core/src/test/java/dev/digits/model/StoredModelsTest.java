package dev.digits.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.digits.TestData;
import dev.digits.data.DigitSet;
import dev.digits.eval.Evaluation;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * The bundled models read the first test digits exactly as recorded in {@link #GOLDEN} when it was written:
 * every answer the same, every probability within {@link #TOLERANCE}. A change to how networks are described,
 * built or loaded must keep the models people already have.
 */
class StoredModelsTest {
    private static final String GOLDEN = "bundled-predictions.csv";
    private static final int DIGITS = 300;
    /** Float arithmetic may differ in the last bits between CPUs; an answer may not. */
    private static final double TOLERANCE = 1e-4;

    @Test
    void bundledModelsGiveTheRecordedPredictions() throws IOException {
        List<String> now = predictions();
        List<String> recorded;
        try (InputStream in = StoredModelsTest.class.getResourceAsStream(GOLDEN)) {
            recorded = new String(in.readAllBytes(), StandardCharsets.UTF_8)
                    .lines()
                    .toList();
        }
        assertEquals(recorded.size(), now.size());
        for (int i = 0; i < recorded.size(); i++) {
            String[] was = recorded.get(i).split(",");
            String[] is = now.get(i).split(",");
            assertEquals(was[0] + "," + was[1] + "," + was[2], is[0] + "," + is[1] + "," + is[2], "answer " + i);
            assertEquals(Double.parseDouble(was[3]), Double.parseDouble(is[3]), TOLERANCE, "probability " + i);
        }
    }

    /** One line per model and digit: model, index, answer, its probability. */
    private static List<String> predictions() {
        DigitSet digits = TestData.mnist().test().first(DIGITS);
        List<String> lines = new ArrayList<>();
        for (BundledModel model : BundledModel.values()) {
            try (Classifier classifier = model.load()) {
                float[] logProbabilities = classifier.logProbabilities(digits);
                for (int i = 0; i < DIGITS; i++) {
                    int answer = Evaluation.argmax(logProbabilities, i * DigitSet.CLASSES, DigitSet.CLASSES);
                    double probability = Math.exp(logProbabilities[i * DigitSet.CLASSES + answer]);
                    lines.add(String.format(Locale.ROOT, "%s,%d,%d,%.6f", model.name(), i, answer, probability));
                }
            }
        }
        return lines;
    }
}
