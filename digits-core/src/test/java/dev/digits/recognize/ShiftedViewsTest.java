package dev.digits.recognize;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.digits.data.DigitSet;
import dev.digits.image.DigitScorer;
import java.util.List;
import org.junit.jupiter.api.Test;

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
}
