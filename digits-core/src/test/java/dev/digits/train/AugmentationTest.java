package dev.digits.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.digits.TestData;
import dev.digits.data.DigitSet;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.util.Arrays;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

class AugmentationTest {
    private static final int COUNT = 64;

    @Test
    void distortsEachImageReproduciblyAndKeepsTheDigit() throws IOException {
        DigitSet batch = TestData.mnist().test().first(COUNT);
        float[] a = Augmentation.apply(batch.pixels(), COUNT, 42, 3, 7);
        assertArrayEquals(
                a, Augmentation.apply(batch.pixels(), COUNT, 42, 3, 7), "same seed, epoch and batch: same images");
        assertFalse(
                Arrays.equals(a, Augmentation.apply(batch.pixels(), COUNT, 42, 3, 8)),
                "another batch: other distortions");

        int changed = 0;
        for (int i = 0; i < COUNT; i++) {
            double original = 0;
            double distorted = 0;
            double difference = 0;
            for (int p = 0; p < DigitSet.PIXELS; p++) {
                float before = (batch.pixels()[i * DigitSet.PIXELS + p] & 0xFF) / 255f;
                float after = a[i * DigitSet.PIXELS + p];
                assertTrue(after >= 0 && after <= 1, "inputs stay in [0, 1]");
                original += before;
                distorted += after;
                difference += Math.abs(after - before);
            }
            // The amount of ink changes only moderately (stroke width, scale), never vanishes.
            assertTrue(
                    distorted > 0.4 * original && distorted < 2.5 * original,
                    "image " + i + ": ink " + original + " -> " + distorted);
            if (difference > 0.05 * original) {
                changed++;
            }
        }
        assertTrue(changed > COUNT * 0.9, "almost every image is distorted, " + changed + " of " + COUNT);
        ImageIO.write(
                grid(batch.pixels(), a),
                "png",
                TestData.artifacts().resolve("augmentation.png").toFile());
    }

    @Test
    void clothesAreMirroredAboutHalfTheTimeAndShiftedAtMostTwoPixels() {
        int count = 400;
        byte[] pixels = new byte[count * DigitSet.PIXELS];
        for (int i = 0; i < count; i++) {
            pixels[i * DigitSet.PIXELS + 10 * DigitSet.SIDE + 5] = (byte) 255; // one pixel at (5, 10)
        }
        float[] out = Augmentation.apply("fashion", pixels, count, 42, 1, 2);
        int mirrored = 0;
        java.util.Set<Integer> shifts = new java.util.HashSet<>();
        for (int i = 0; i < count; i++) {
            int found = -1;
            for (int p = 0; p < DigitSet.PIXELS; p++) {
                if (out[i * DigitSet.PIXELS + p] > 0) {
                    assertEquals(-1, found, "image " + i + " keeps exactly one pixel");
                    assertEquals(1f, out[i * DigitSet.PIXELS + p]);
                    found = p;
                }
            }
            int x = found % DigitSet.SIDE;
            int y = found / DigitSet.SIDE;
            boolean mirror = x > DigitSet.SIDE / 2;
            int dx = mirror ? (DigitSet.SIDE - 1 - 5) - x : x - 5;
            assertTrue(Math.abs(dx) <= 2 && Math.abs(y - 10) <= 2, "image " + i + ": pixel moved to " + x + "," + y);
            mirrored += mirror ? 1 : 0;
            shifts.add(dx * 10 + (y - 10));
        }
        assertTrue(mirrored > count * 0.4 && mirrored < count * 0.6, "mirrored " + mirrored + " of " + count);
        assertEquals(25, shifts.size(), "every shift of up to two pixels each way occurs");
    }

    /** Originals on the left, distorted on the right, 8 rows of 8, enlarged 3x. */
    private static BufferedImage grid(byte[] originals, float[] distorted) {
        int side = DigitSet.SIDE;
        int scale = 3;
        BufferedImage image =
                new BufferedImage(16 * side * scale + scale * 4, 8 * side * scale, BufferedImage.TYPE_BYTE_GRAY);
        for (int i = 0; i < COUNT; i++) {
            for (int p = 0; p < DigitSet.PIXELS; p++) {
                int x = (i % 8) * side + p % side;
                int y = (i / 8) * side + p / side;
                int before = originals[i * DigitSet.PIXELS + p] & 0xFF;
                int after = Math.round(distorted[i * DigitSet.PIXELS + p] * 255);
                for (int d = 0; d < scale * scale; d++) {
                    image.getRaster().setSample(x * scale + d % scale, y * scale + d / scale, 0, before);
                    image.getRaster()
                            .setSample((x + 8 * side) * scale + scale * 4 + d % scale, y * scale + d / scale, 0, after);
                }
            }
        }
        return image;
    }

    @Test
    void emptyImageStaysEmpty() {
        float[] out = Augmentation.apply(new byte[DigitSet.PIXELS], 1, 1, 1, 1);
        assertEquals(0f, max(out));
    }

    private static float max(float[] values) {
        float max = 0;
        for (float v : values) {
            max = Math.max(max, v);
        }
        return max;
    }
}
