package dev.digits.image;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.util.Random;
import org.junit.jupiter.api.Test;

class InkExtractorTest {
    /**
     * Ink strength lies in [0, 1]: stroke cores full, the faint rim of anti-aliasing between, and
     * background exactly +0 (never -0, which would read as ink of another sign to code that compares bits).
     */
    @Test
    void inkStrengthLiesBetweenNoneAndFull() {
        BufferedImage picture = Drawings.draw(200, 160, new Color(225, 222, 215), new Color(40, 40, 60), 9, g -> {
            Drawings.seven(g, 30, 20, 60, 110);
            Drawings.zero(g, 110, 25, 60, 105);
        });
        Random random = new Random(3); // grain: neither the paper nor the strokes are one value
        for (int y = 0; y < picture.getHeight(); y++) {
            for (int x = 0; x < picture.getWidth(); x++) {
                int rgb = picture.getRGB(x, y);
                int grain = random.nextInt(25) - 12;
                int r = Math.max(0, Math.min(255, (rgb >> 16 & 0xff) + grain));
                int gr = Math.max(0, Math.min(255, (rgb >> 8 & 0xff) + grain));
                int b = Math.max(0, Math.min(255, (rgb & 0xff) + grain));
                picture.setRGB(x, y, 0xff000000 | r << 16 | gr << 8 | b);
            }
        }
        float[] ink = InkExtractor.extract(Luminance.of(picture)).ink().pixels();
        int full = 0;
        int between = 0;
        for (float v : ink) {
            assertTrue(v >= 0 && v <= 1, "ink strength " + v);
            assertTrue(Float.floatToRawIntBits(v) != Float.floatToRawIntBits(-0f), "a background of -0");
            full += v == 1 ? 1 : 0;
            between += v > 0 && v < 1 ? 1 : 0;
        }
        assertTrue(full > 100, full + " pixels of full ink");
        assertTrue(between > 100, between + " pixels of partial ink");
    }
}
