package dev.digits.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.digits.data.DigitSet;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class RandomErasingTest {
    /** Images of a constant value outside [0, 1], so every erased pixel stands out. */
    private static float[] marked(int count) {
        float[] inputs = new float[count * DigitSet.PIXELS];
        Arrays.fill(inputs, -1f);
        return inputs;
    }

    @Test
    void eachErasedImageGetsOneRectangleOfNoiseOfTheRightSize() {
        int count = 200;
        float[] inputs = marked(count);
        RandomErasing.apply(inputs, count, 1.0, 3, 1, 0);
        for (int i = 0; i < count; i++) {
            int x0 = 28;
            int y0 = 28;
            int x1 = -1;
            int y1 = -1;
            int erased = 0;
            for (int p = 0; p < DigitSet.PIXELS; p++) {
                float v = inputs[i * DigitSet.PIXELS + p];
                if (v != -1f) {
                    assertTrue(v >= 0 && v <= 1, "noise in [0, 1]: " + v);
                    erased++;
                    x0 = Math.min(x0, p % 28);
                    x1 = Math.max(x1, p % 28);
                    y0 = Math.min(y0, p / 28);
                    y1 = Math.max(y1, p / 28);
                }
            }
            assertEquals((x1 - x0 + 1) * (y1 - y0 + 1), erased, "image " + i + ": one filled rectangle");
            // 2% to 40% of 784 pixels, give or take the rounding of each side.
            assertTrue(erased >= 9 && erased <= 360, "image " + i + ": " + erased + " pixels erased");
        }
    }

    @Test
    void erasesAboutTheGivenShareOfImagesAndRepeatsForTheSameBatch() {
        int count = 1000;
        float[] inputs = marked(count);
        RandomErasing.apply(inputs, count, 0.3, 3, 2, 5);
        int touched = 0;
        for (int i = 0; i < count; i++) {
            for (int p = 0; p < DigitSet.PIXELS; p++) {
                if (inputs[i * DigitSet.PIXELS + p] != -1f) {
                    touched++;
                    break;
                }
            }
        }
        assertTrue(touched > 250 && touched < 350, touched + " of 1,000 images erased at probability 0.3");
        float[] again = marked(count);
        RandomErasing.apply(again, count, 0.3, 3, 2, 5);
        assertArrayEquals(inputs, again);
        float[] otherBatch = marked(count);
        RandomErasing.apply(otherBatch, count, 0.3, 3, 2, 6);
        assertFalse(Arrays.equals(inputs, otherBatch));
        float[] none = marked(count);
        RandomErasing.apply(none, count, 0.0, 3, 2, 5);
        assertArrayEquals(marked(count), none);
    }
}
