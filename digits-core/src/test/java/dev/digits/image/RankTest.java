package dev.digits.image;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class RankTest {
    @Test
    void everyRankIsWhatSortingGives() {
        SplittableRandom random = new SplittableRandom(3);
        for (int trial = 0; trial < 50; trial++) {
            int n = 1 + random.nextInt(400);
            float[] values = new float[n + 5];
            for (int i = 0; i < values.length; i++) {
                // Many repeats (8-bit levels), negative values, zeros of both signs and wide magnitudes.
                // Runs of one value too, as a picture's background has.
                values[i] = i > 0 && random.nextInt(3) == 0
                        ? values[i - 1]
                        : switch (random.nextInt(4)) {
                            case 0 -> random.nextInt(256) / 255f;
                            case 1 -> (float) (random.nextGaussian() * Math.pow(10, random.nextInt(12) - 6));
                            case 2 -> random.nextBoolean() ? 0f : -0f;
                            default -> (float) random.nextDouble();
                        };
            }
            float[] sorted = Arrays.copyOf(values, n);
            Arrays.sort(sorted);
            for (int k = 0; k < n; k++) {
                assertEquals(
                        Float.floatToIntBits(sorted[k]),
                        Float.floatToIntBits(Rank.kth(values, n, k)),
                        "rank " + k + " of " + n);
            }
            assertEquals(sorted[n / 2], Rank.median(values, n));
        }
    }

    @Test
    void aBackgroundThatFillsMostOfThePictureIsItsMedian() {
        SplittableRandom random = new SplittableRandom(9);
        for (float background : new float[] {0f, 1f, 0.5f, -0f, 0.2509804f}) {
            float[] values = new float[1000];
            for (int i = 0; i < values.length; i++) {
                // ink and values just beside the background's, which share its leading bits
                values[i] = random.nextInt(10) < 7
                        ? background
                        : random.nextBoolean() ? (float) random.nextDouble() : Math.nextUp(background);
            }
            float[] sorted = values.clone();
            Arrays.sort(sorted);
            for (int k : new int[] {0, 299, 500, 699, 999}) {
                assertEquals(
                        Float.floatToIntBits(sorted[k]),
                        Float.floatToIntBits(Rank.kth(values, values.length, k)),
                        "rank " + k + " around " + background);
            }
        }
    }

    /** The median's shortcut: more than half the values one value makes it the median; exactly half does not. */
    @Test
    void aValueMoreThanHalfTheValuesIsTheMedianAndHalfIsNot() {
        SplittableRandom random = new SplittableRandom(4);
        for (int n : new int[] {1, 2, 3, 10, 11, 1000, 1001}) {
            for (int copies : new int[] {n / 2, n / 2 + 1}) {
                for (int others = 0; others < 3; others++) { // all above the value, all below, either side
                    float value = others == 2 ? 0f : 0.5f;
                    float[] values = new float[n];
                    for (int i = 0; i < n; i++) {
                        float other = switch (others) {
                            case 0 -> 0.5f + (1 + random.nextInt(100)) / 256f;
                            case 1 -> 0.5f - (1 + random.nextInt(100)) / 256f;
                            default -> random.nextBoolean() ? -0f : (float) random.nextDouble() - 0.5f;
                        };
                        values[i] = i < copies ? value : other;
                    }
                    for (int i = n - 1; i > 1; i--) { // shuffled, the first value kept first
                        int j = 1 + random.nextInt(i);
                        float swap = values[i];
                        values[i] = values[j];
                        values[j] = swap;
                    }
                    float[] sorted = values.clone();
                    Arrays.sort(sorted);
                    assertEquals(
                            Float.floatToIntBits(sorted[n / 2]),
                            Float.floatToIntBits(Rank.median(values, n)),
                            copies + " copies of " + n + ", others " + others);
                }
            }
        }
    }

    @Test
    void aRankOutsideTheValuesIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> Rank.kth(new float[3], 3, 3));
        assertThrows(IllegalArgumentException.class, () -> Rank.kth(new float[3], 4, 0));
    }
}
