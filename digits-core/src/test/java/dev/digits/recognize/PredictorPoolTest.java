package dev.digits.recognize;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.digits.data.DigitSet;
import dev.digits.model.BundledModel;
import dev.digits.model.Classifier;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class PredictorPoolTest {
    @Test
    void callsFromManyThreadsGoThroughTogetherAndEachGetsItsOwnProbabilities() throws Exception {
        SplittableRandom random = new SplittableRandom(3);
        List<float[]> inputs = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            float[] call = new float[(1 + random.nextInt(2)) * DigitSet.PIXELS]; // one or two digits per call
            for (int j = 0; j < call.length; j++) {
                call[j] = random.nextInt(4) == 0 ? (float) random.nextDouble() : 0f;
            }
            inputs.add(call);
        }
        try (Classifier reader = BundledModel.READER.load();
                PredictorPool alone = new PredictorPool(reader, 1);
                PredictorPool shared = new PredictorPool(reader, 1)) {
            List<float[]> expected = inputs.stream().map(alone::probabilities).toList();
            ExecutorService threads = Executors.newFixedThreadPool(16);
            try {
                List<Future<float[]>> answers = new ArrayList<>();
                for (float[] call : inputs) {
                    answers.add(threads.submit(() -> shared.probabilities(call)));
                }
                for (int i = 0; i < inputs.size(); i++) {
                    // The same values, up to the last bit a different batch size may change.
                    assertArrayEquals(expected.get(i), answers.get(i).get(), 1e-5f, "call " + i);
                }
            } finally {
                threads.shutdownNow();
            }
            assertTrue(
                    shared.passes() < inputs.size(),
                    "16 threads share one predictor, so calls must have waited and gone through together: "
                            + shared.passes() + " passes for " + inputs.size() + " calls");
        }
    }

    @Test
    void inputsThatAreNotWholeDigitsAreRefused() {
        try (Classifier reader = BundledModel.READER.load();
                PredictorPool pool = new PredictorPool(reader, 1)) {
            assertThrows(IllegalArgumentException.class, () -> pool.probabilities(new float[DigitSet.PIXELS + 1]));
            assertThrows(IllegalArgumentException.class, () -> pool.probabilities(new float[0]));
        }
    }
}
