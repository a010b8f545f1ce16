package dev.digits.image;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class BackgroundTest {
    /** Ink-up strokes (value 1) three pixels wide, a plus sign on {@code canvas}, plus {@code gradient} per column. */
    private static FloatImage plus(int side, float canvas, float gradient) {
        float[] pixels = new float[side * side];
        for (int y = 0; y < side; y++) {
            for (int x = 0; x < side; x++) {
                boolean stroke = Math.abs(x - side / 2) <= 1 || Math.abs(y - side / 2) <= 1;
                pixels[y * side + x] = stroke ? 1f : canvas + gradient * x;
            }
        }
        return new FloatImage(side, side, pixels);
    }

    @Test
    void aPlainCanvasIsSubtractedAsItsOneLevel() {
        FloatImage picture = plus(160, 0.3f, 0f);
        float[] before = picture.pixels().clone();
        float[] contrast = Background.subtract(picture);
        for (int i = 0; i < contrast.length; i++) {
            assertEquals(before[i] - 0.3f, contrast[i], "pixel " + i);
        }
    }

    @Test
    void unevenLightingIsSubtractedWhereItIs() {
        FloatImage picture = plus(160, 0.1f, 0.002f); // the canvas brightens from 0.1 to 0.42 across the picture
        float[] contrast = Background.subtract(picture);
        for (int y = 10; y < 160; y += 10) {
            for (int x = 10; x < 160; x += 10) {
                if (Math.abs(x - 80) > 8 && Math.abs(y - 80) > 8) {
                    assertTrue(
                            contrast[y * 160 + x] < InkExtractor.MIN_INK_CONTRAST, // not ink (negative counts as none)
                            "background left at " + x + "," + y + ": " + contrast[y * 160 + x]);
                }
            }
        }
        assertTrue(contrast[80 * 160 + 20] > 0.5f, "the stroke keeps its contrast on the dark side");
        assertTrue(contrast[80 * 160 + 140] > 0.1f, "the stroke keeps its contrast on the light side");
    }
}
