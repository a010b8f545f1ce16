package dev.digits.recognize;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.Model;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import dev.digits.data.DigitSet;
import dev.digits.image.DigitScorer;
import dev.digits.model.Architectures;
import dev.digits.model.BundledModel;
import dev.digits.model.Classifier;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class ShiftedViewsTest {
    @Test
    void eachInputComesAsItIsAndShiftedFourWays() {
        float[] dot = new float[DigitSet.PIXELS];
        dot[14 * 28 + 14] = 1f;
        float[] batch = ShiftedViews.batch(List.of(new float[DigitSet.PIXELS], dot));
        assertEquals(2 * ShiftedViews.VIEWS * DigitSet.PIXELS, batch.length);
        int second = ShiftedViews.VIEWS * DigitSet.PIXELS;
        int[][] expected = {{14, 14}, {16, 14}, {12, 14}, {14, 16}, {14, 12}};
        for (int v = 0; v < ShiftedViews.VIEWS; v++) {
            int at = second + v * DigitSet.PIXELS;
            assertEquals(1f, batch[at + expected[v][1] * 28 + expected[v][0]], "view " + v);
            double sum = 0;
            for (int p = 0; p < DigitSet.PIXELS; p++) {
                sum += batch[at + p];
            }
            assertEquals(1.0, sum, 1e-9, "nothing else lit in view " + v);
        }
    }

    @Test
    void inkShiftedOutOfTheFieldIsGone() {
        float[] edge = new float[DigitSet.PIXELS];
        edge[27] = 1f; // top right corner
        float[] batch = ShiftedViews.batch(List.of(edge));
        double rightShifted = 0;
        for (int p = 0; p < DigitSet.PIXELS; p++) {
            rightShifted += batch[DigitSet.PIXELS + p];
        }
        assertEquals(0.0, rightShifted);
    }

    @Test
    void readingsAreAveragedOverTheViews() {
        float[] probabilities = new float[ShiftedViews.VIEWS * DigitSet.CLASSES];
        for (int v = 0; v < ShiftedViews.VIEWS; v++) {
            // four views say 7 surely, one says 1 surely
            probabilities[v * DigitSet.CLASSES + (v == 2 ? 1 : 7)] = 1f;
        }
        DigitScorer.Guess guess = ShiftedViews.guesses(probabilities, 1)[0];
        assertEquals(7, guess.digit());
        assertEquals(0.8f, guess.confidence(), 1e-6);
        assertEquals(0.2f, guess.rest(), 1e-6);
    }

    /**
     * The model that runs the first layers once per input scores each view as the network does alone,
     * ink at the edges included (the views lose what moves out of the field). The bundled networks share
     * their first layers (pooling included in the cutter's); the others are checked through their heads too.
     */
    @ParameterizedTest
    @EnumSource(BundledModel.class)
    void theSharedFirstLayersGiveTheScoresOfEachViewAlone(BundledModel bundled) throws Exception {
        try (Classifier network = bundled.load()) {
            assertViewsAsAlone(network);
        }
    }

    @Test
    void everyArchitectureGivesTheScoresOfEachViewAlone() throws Exception {
        for (var architecture : Architectures.all()) {
            try (Classifier network = Classifier.create(architecture, 5)) {
                assertViewsAsAlone(network);
            }
        }
    }

    private static void assertViewsAsAlone(Classifier network) throws Exception {
        SplittableRandom random = new SplittableRandom(11);
        List<float[]> inputs = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            inputs.add(strokes(random));
        }
        float[] concatenated = new float[inputs.size() * DigitSet.PIXELS];
        for (int i = 0; i < inputs.size(); i++) {
            System.arraycopy(inputs.get(i), 0, concatenated, i * DigitSet.PIXELS, DigitSet.PIXELS);
        }
        try (Model views = ShiftedViews.model(network);
                NDManager manager = network.manager().newSubManager()) {
            float[] expected = network.logits(manager.create(
                            ShiftedViews.batch(inputs),
                            new Shape((long) inputs.size() * ShiftedViews.VIEWS, 1, DigitSet.SIDE, DigitSet.SIDE)))
                    .toFloatArray();
            NDArray each = manager.create(concatenated, new Shape(inputs.size(), 1, DigitSet.SIDE, DigitSet.SIDE));
            float[] actual = views.getBlock()
                    .forward(new ParameterStore(manager, false), new NDList(each), false)
                    .singletonOrThrow()
                    .toFloatArray();
            assertArrayEquals(expected, actual, 1e-5f);
        }
    }

    /** A few random strokes, two pixels wide, anywhere in the field: pen-like input the networks respond to. */
    private static float[] strokes(SplittableRandom random) {
        float[] input = new float[DigitSet.PIXELS];
        for (int stroke = 0; stroke < 3; stroke++) {
            double x = random.nextInt(DigitSet.SIDE);
            double y = random.nextInt(DigitSet.SIDE);
            double angle = random.nextDouble(2 * Math.PI);
            for (int step = 0; step < 16; step++, x += Math.cos(angle), y += Math.sin(angle)) {
                for (int dy = 0; dy < 2; dy++) {
                    for (int dx = 0; dx < 2; dx++) {
                        int px = (int) x + dx;
                        int py = (int) y + dy;
                        if (px >= 0 && py >= 0 && px < DigitSet.SIDE && py < DigitSet.SIDE) {
                            input[py * DigitSet.SIDE + px] = (float) (0.5 + random.nextDouble() / 2);
                        }
                    }
                }
                angle += random.nextDouble(-0.3, 0.3);
            }
        }
        return input;
    }
}
