package dev.digits.image;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
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

    /** The width of the normalised strokes, measured where the range is defined: longer side {@link StrokeWidth#WORK_SIDE}. */
    private static double workWidth(FloatImage crop) {
        FloatImage out = StrokeWidth.normalise(crop);
        double scale = (double) StrokeWidth.WORK_SIDE / Math.max(out.width(), out.height());
        return StrokeWidth.width(
                Resampler.resize(out, (int) Math.round(out.width() * scale), (int) Math.round(out.height() * scale)));
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
        assertTrue(
                StrokeWidth.width(thin) * StrokeWidth.WORK_SIDE / Math.max(thin.width(), thin.height())
                        < StrokeWidth.MIN_WIDTH,
                "the test's pen is thinner than MNIST's");
        double width = workWidth(thin);
        assertTrue(width >= StrokeWidth.MIN_WIDTH && width <= StrokeWidth.MAX_WIDTH, "width " + width);
    }

    @Test
    void aMarkerIsThinnedIntoMnistsRange() {
        double width = workWidth(sevenCrop(70));
        assertTrue(width >= StrokeWidth.MIN_WIDTH && width <= StrokeWidth.MAX_WIDTH, "width " + width);
    }

    @Test
    void aPenInMnistsRangeIsLeftAsWritten() {
        FloatImage crop = sevenCrop(25);
        assertTrue(workWidth(crop) > StrokeWidth.MIN_WIDTH && workWidth(crop) < StrokeWidth.MAX_WIDTH);
        assertSame(crop, StrokeWidth.normalise(crop));
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
        // Thinning ends the centre line half a stroke width inside each end of the bar (70 long, 20 wide).
        assertTrue(bounds.height() >= 50, "the line keeps the bar's length less its width: " + bounds);
    }

    @Test
    void dilationStampsOnlyEdgesYetEqualsTheFullDiscDilation() {
        java.util.SplittableRandom random = new java.util.SplittableRandom(5);
        for (int trial = 0; trial < 40; trial++) {
            int w = 5 + random.nextInt(40);
            int h = 5 + random.nextInt(40);
            float[] pixels = new float[w * h];
            // Plateaus of a few levels (wide and thin), as anti-aliased strokes have, and lone specks.
            for (int blob = 0; blob < 6; blob++) {
                int x0 = random.nextInt(w);
                int y0 = random.nextInt(h);
                int bw = 1 + random.nextInt(15);
                int bh = 1 + random.nextInt(15);
                float level = random.nextInt(4) / 3f;
                boolean graded = trial % 2 == 1; // every pixel its own level, as anti-aliased edges have
                for (int y = y0; y < Math.min(h, y0 + bh); y++) {
                    for (int x = x0; x < Math.min(w, x0 + bw); x++) {
                        float value = graded ? random.nextInt(6) / 5f : level;
                        pixels[y * w + x] = Math.max(pixels[y * w + x], value);
                    }
                }
            }
            FloatImage ink = new FloatImage(w, h, pixels);
            int radius = 1 + random.nextInt(7);
            assertArrayEquals(
                    everyPixelStamped(ink, radius).pixels(),
                    StrokeWidth.dilate(ink, radius).pixels(),
                    "trial " + trial + ", radius " + radius);
        }
    }

    /** The definition: every pixel stamps its value over its whole disc. */
    private static FloatImage everyPixelStamped(FloatImage ink, int radius) {
        int w = ink.width() + 2 * radius;
        float[] out = new float[w * (ink.height() + 2 * radius)];
        for (int y = 0; y < ink.height(); y++) {
            for (int x = 0; x < ink.width(); x++) {
                float v = ink.get(x, y);
                for (int dy = -radius; dy <= radius; dy++) {
                    int span = (int) Math.floor(Math.sqrt((double) radius * radius - dy * dy) + 0.5);
                    for (int dx = -span; dx <= span; dx++) {
                        int i = (y + radius + dy) * w + x + radius + dx;
                        out[i] = Math.max(out[i], v);
                    }
                }
            }
        }
        return new FloatImage(w, ink.height() + 2 * radius, out);
    }
}
