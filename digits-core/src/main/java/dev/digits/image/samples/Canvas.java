package dev.digits.image.samples;

import dev.digits.image.FloatImage;
import dev.digits.image.Resampler;
import java.awt.image.BufferedImage;
import java.awt.image.WritableRaster;

/** Drawing helpers shared by the sets. */
final class Canvas {
    private Canvas() {}

    /** Draws {@code ink} at {@code (left, top)}, keeping the stronger ink where strokes cross. */
    static void drawMax(FloatImage canvas, FloatImage ink, int left, int top) {
        for (int y = 0; y < ink.height(); y++) {
            int cy = top + y;
            if (cy < 0 || cy >= canvas.height()) {
                continue;
            }
            for (int x = 0; x < ink.width(); x++) {
                int cx = left + x;
                if (cx >= 0 && cx < canvas.width()) {
                    canvas.set(cx, cy, Math.max(canvas.get(cx, cy), ink.get(x, y)));
                }
            }
        }
    }

    /** Shrinks, aspect kept, to fit {@code width x height}. */
    static FloatImage fitWithin(FloatImage ink, int width, int height) {
        double scale = Math.min((double) width / ink.width(), (double) height / ink.height());
        return Resampler.resize(ink, Math.max(1, (int) Math.floor(ink.width() * scale)), Math.max(1, (int)
                Math.floor(ink.height() * scale)));
    }

    /** White ink on black, 8-bit grey. */
    static BufferedImage toGrey(FloatImage ink) {
        BufferedImage image = new BufferedImage(ink.width(), ink.height(), BufferedImage.TYPE_BYTE_GRAY);
        WritableRaster raster = image.getRaster();
        int[] row = new int[ink.width()];
        for (int y = 0; y < ink.height(); y++) {
            for (int x = 0; x < ink.width(); x++) {
                row[x] = Math.round(255 * Math.max(0f, Math.min(1f, ink.get(x, y))));
            }
            raster.setSamples(0, y, ink.width(), 1, 0, row);
        }
        return image;
    }
}
