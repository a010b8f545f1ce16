package dev.digits.image;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ResamplerTest {
    private static final int[][] SIZES = {
        {400, 400, 160, 160},
        {160, 97, 64, 39},
        {90, 130, 14, 20},
        {37, 5, 36, 4},
        {3, 9, 2, 2},
        {7, 7, 20, 3},
        {1, 6, 4, 1}
    };

    /** Each output pixel is the mean of the source area it covers (shrinking), read edge to edge. */
    @Test
    void shrinkingAveragesTheAreaEachPixelCovers() {
        SplittableRandom random = new SplittableRandom(7);
        for (int[] size : SIZES) {
            FloatImage source = randomInk(random, size[0], size[1]);
            int width = Math.min(size[2], size[0]);
            int height = Math.min(size[3], size[1]);
            FloatImage out = Resampler.resize(source, width, height);
            for (int y = 0; y < height; y++) {
                for (int x = 0; x < width; x++) {
                    assertEquals(
                            areaMean(source, x, y, (double) size[0] / width, (double) size[1] / height),
                            out.get(x, y),
                            1e-5,
                            "pixel " + x + "," + y + " of " + size[0] + "x" + size[1] + " -> " + width + "x" + height);
                }
            }
        }
    }

    /**
     * Ink in one part of a plain background (a digit's crop, a canvas): outputs far from the ink are the
     * background's level, those near it mean their area, wherever the ink lies.
     */
    @Test
    void inkOnAPlainBackgroundShrinksAsEverywhereElse() {
        SplittableRandom random = new SplittableRandom(9);
        for (int[] size : SIZES) {
            for (float background : new float[] {0f, 0.3f}) {
                int w = size[0];
                int h = size[1];
                float[] pixels = new float[w * h];
                java.util.Arrays.fill(pixels, background);
                int left = random.nextInt(w);
                int top = 1 + random.nextInt(h - 1);
                for (int y = top; y < Math.min(h, top + 1 + h / 3); y++) {
                    for (int x = left; x < Math.min(w, left + 1 + w / 4); x++) {
                        pixels[y * w + x] = (float) random.nextDouble();
                    }
                }
                FloatImage source = new FloatImage(w, h, pixels);
                int width = Math.min(size[2], w);
                int height = Math.min(size[3], h);
                FloatImage out = Resampler.resize(source, width, height);
                for (int y = 0; y < height; y++) {
                    for (int x = 0; x < width; x++) {
                        assertEquals(
                                areaMean(source, x, y, (double) w / width, (double) h / height),
                                out.get(x, y),
                                1e-5,
                                "pixel " + x + "," + y + " of " + w + "x" + h + " -> " + width + "x" + height + " on "
                                        + background);
                    }
                }
            }
        }
    }

    @Test
    void aUniformPictureStaysUniformAtAnySize() {
        for (int[] size : SIZES) {
            float[] pixels = new float[size[0] * size[1]];
            java.util.Arrays.fill(pixels, 0.625f);
            FloatImage out = Resampler.resize(new FloatImage(size[0], size[1], pixels), size[2], size[3]);
            for (float value : out.pixels()) {
                assertEquals(0.625f, value, 1e-6f, size[0] + "x" + size[1] + " -> " + size[2] + "x" + size[3]);
            }
        }
    }

    private static FloatImage randomInk(SplittableRandom random, int width, int height) {
        float[] pixels = new float[width * height];
        for (int i = 0; i < pixels.length; i++) {
            pixels[i] = random.nextInt(3) == 0 ? (float) random.nextDouble() : 0f;
        }
        return new FloatImage(width, height, pixels);
    }

    /** The mean of {@code source} over [x*sx, (x+1)*sx) x [y*sy, (y+1)*sy), fractional pixels weighted by overlap. */
    private static double areaMean(FloatImage source, int x, int y, double sx, double sy) {
        double sum = 0;
        for (int j = (int) Math.floor(y * sy); j < Math.min(source.height(), Math.ceil((y + 1) * sy)); j++) {
            double wy = Math.min((y + 1) * sy, j + 1) - Math.max(y * sy, j);
            for (int i = (int) Math.floor(x * sx); i < Math.min(source.width(), Math.ceil((x + 1) * sx)); i++) {
                double wx = Math.min((x + 1) * sx, i + 1) - Math.max(x * sx, i);
                sum += wx * wy * source.get(i, j);
            }
        }
        return sum / (sx * sy);
    }
}
