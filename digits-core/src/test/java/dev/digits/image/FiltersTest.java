package dev.digits.image;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class FiltersTest {
    @Test
    void runningExtremesEqualTheMinimumAndMaximumOfEachClippedWindow() {
        SplittableRandom random = new SplittableRandom(11);
        for (int trial = 0; trial < 200; trial++) {
            int width = 1 + random.nextInt(30);
            int height = 1 + random.nextInt(30);
            int window = 1 + 2 * random.nextInt(12); // wider than the image too
            float[] pixels = new float[width * height];
            for (int i = 0; i < pixels.length; i++) {
                pixels[i] = random.nextInt(5) / 4f;
            }
            String what = width + "x" + height + ", window " + window;
            assertArrayEquals(
                    bruteForce(pixels, width, height, window, true), Filters.max(pixels, width, height, window), what);
            assertArrayEquals(
                    bruteForce(pixels, width, height, window, false), Filters.min(pixels, width, height, window), what);
        }
    }

    @Test
    void boxBlurIsTheMeanOfEachClippedWindow() {
        SplittableRandom random = new SplittableRandom(12);
        for (int trial = 0; trial < 200; trial++) {
            int width = 1 + random.nextInt(30);
            int height = 1 + random.nextInt(30);
            int window = 1 + 2 * random.nextInt(12);
            float[] pixels = new float[width * height];
            for (int i = 0; i < pixels.length; i++) {
                pixels[i] = (float) random.nextDouble();
            }
            int radius = window / 2;
            float[] blurred = Filters.boxBlur(pixels, width, height, window);
            for (int y = 0; y < height; y++) {
                for (int x = 0; x < width; x++) {
                    double sum = 0;
                    int n = 0;
                    for (int v = Math.max(0, y - radius); v <= Math.min(height - 1, y + radius); v++) {
                        for (int u = Math.max(0, x - radius); u <= Math.min(width - 1, x + radius); u++) {
                            sum += pixels[v * width + u];
                            n++;
                        }
                    }
                    org.junit.jupiter.api.Assertions.assertEquals(
                            sum / n,
                            blurred[y * width + x],
                            1e-5,
                            width + "x" + height + ", window " + window + " at " + x + "," + y);
                }
            }
        }
    }

    private static float[] bruteForce(float[] pixels, int width, int height, int window, boolean max) {
        int radius = window / 2;
        float[] out = new float[pixels.length];
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                float acc = max ? -Float.MAX_VALUE : Float.MAX_VALUE;
                for (int v = Math.max(0, y - radius); v <= Math.min(height - 1, y + radius); v++) {
                    for (int u = Math.max(0, x - radius); u <= Math.min(width - 1, x + radius); u++) {
                        acc = max ? Math.max(acc, pixels[v * width + u]) : Math.min(acc, pixels[v * width + u]);
                    }
                }
                out[y * width + x] = acc;
            }
        }
        return out;
    }
}
