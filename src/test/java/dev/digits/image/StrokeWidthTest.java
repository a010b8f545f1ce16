package dev.digits.image;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import org.junit.jupiter.api.Test;

/** Strokes of any pen come out in MNIST's range of widths; strokes already in it are left alone. */
class StrokeWidthTest {
    /** A square canvas with a "7" drawn with the given pen, as ink (0..1, ink bright), cropped to the ink. */
    private static FloatImage sevenCrop(float pen) {
        BufferedImage picture = Drawings.whiteOnBlack(400, 400, pen, g -> Drawings.seven(g, 100, 80, 200, 240));
        FloatImage ink = Luminance.of(picture);
        return ink.crop(ink.nonZeroBounds());
    }

    private static double workWidth(FloatImage crop) {
        return StrokeWidth.width(StrokeWidth.normalise(crop));
    }

    @Test
    void widthIsTwiceTheAreaOverThePerimeter() {
        float[] bar = new float[20 * 20];
        for (int y = 2; y < 18; y++) {
            for (int x = 8; x < 12; x++) {
                bar[y * 20 + x] = 1f;
            }
        }
        // 16 x 4 bar: area 64, perimeter 40.
        assertEquals(2 * 64 / 40.0, StrokeWidth.width(new FloatImage(20, 20, bar)), 1e-9);
    }

    @Test
    void aHairlineIsWidenedIntoMnistsRange() {
        FloatImage thin = sevenCrop(2);
        assertTrue(StrokeWidth.width(thin) * StrokeWidth.WORK_SIDE / Math.max(thin.width(), thin.height())
                < StrokeWidth.MIN_WIDTH, "the test's pen is thinner than MNIST's");
        double width = workWidth(thin);
        assertTrue(width >= StrokeWidth.MIN_WIDTH && width <= StrokeWidth.MAX_WIDTH, "width " + width);
    }

    @Test
    void aMarkerIsThinnedIntoMnistsRange() {
        double width = workWidth(sevenCrop(70));
        assertTrue(width >= StrokeWidth.MIN_WIDTH && width <= StrokeWidth.MAX_WIDTH, "width " + width);
    }

    @Test
    void aPenInMnistsRangeIsOnlyScaled() {
        FloatImage crop = sevenCrop(25);
        FloatImage work = StrokeWidth.normalise(crop);
        double scale = (double) StrokeWidth.WORK_SIDE / Math.max(crop.width(), crop.height());
        assertEquals(Resampler.resize(crop, work.width(), work.height()).pixels().length, work.pixels().length);
        assertEquals(StrokeWidth.width(crop) * scale, StrokeWidth.width(work), 1.0);
    }

    @Test
    void thinningKeepsOneConnectedCentreLineWithoutSpurs() {
        // A thick bar with a ragged edge: its centre line is one vertical line, no side branches.
        int w = 40;
        int h = 80;
        float[] ink = new float[w * h];
        for (int y = 5; y < 75; y++) {
            int bump = (y % 6 < 3) ? 2 : 0;
            for (int x = 10 - bump; x < 30 + bump; x++) {
                ink[y * w + x] = 1f;
            }
        }
        FloatImage bar = new FloatImage(w, h, ink);
        FloatImage redrawn = Skeleton.redraw(bar, 0.5f, 8, StrokeWidth.width(bar));
        Box bounds = redrawn.nonZeroBounds();
        assertTrue(bounds.width() <= 10, "one line about 8 wide, not a comb: " + bounds);
        assertTrue(bounds.height() >= 55, "the line keeps most of the bar's length: " + bounds);
    }
}
