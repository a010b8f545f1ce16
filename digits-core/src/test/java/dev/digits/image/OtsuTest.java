package dev.digits.image;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class OtsuTest {
    @Test
    void theThresholdSeparatesTwoLevels() {
        float[] values = new float[1000];
        SplittableRandom random = new SplittableRandom(4);
        for (int i = 0; i < values.length; i++) {
            values[i] = (float) (i % 5 == 0 ? 0.8 + 0.05 * random.nextDouble() : 0.1 + 0.05 * random.nextDouble());
        }
        float threshold = Otsu.threshold(values);
        assertTrue(threshold > 0.15f && threshold <= 0.8f, "threshold " + threshold);
    }

    @Test
    void runsOfEqualValuesCountAsMuchAsScatteredOnes() {
        // The same values, once in runs (as a picture's background lies) and once shuffled.
        SplittableRandom random = new SplittableRandom(6);
        for (int trial = 0; trial < 50; trial++) {
            float[] runs = new float[200 + random.nextInt(300)];
            for (int i = 0; i < runs.length; i++) {
                runs[i] = i > 0 && random.nextInt(5) > 0 ? runs[i - 1] : (float) random.nextDouble();
            }
            float[] shuffled = runs.clone();
            for (int i = shuffled.length - 1; i > 0; i--) {
                int j = random.nextInt(i + 1);
                float swap = shuffled[i];
                shuffled[i] = shuffled[j];
                shuffled[j] = swap;
            }
            assertEquals(Otsu.threshold(shuffled), Otsu.threshold(runs), "trial " + trial);
        }
    }

    @Test
    void allEqualValuesLeaveNothingAbove() {
        assertEquals(1f, Otsu.threshold(new float[] {0.4f, 0.4f, 0.4f}));
    }
}
