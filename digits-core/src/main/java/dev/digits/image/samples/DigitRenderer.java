package dev.digits.image.samples;

import dev.digits.data.DigitSet;
import dev.digits.image.Box;
import dev.digits.image.FloatImage;
import dev.digits.image.Resampler;

/**
 * Redraws an MNIST digit at any size with a thinner or thicker pen: the 28x28 digit is enlarged
 * {@value #DETAIL} times, its strokes grown or shrunk there with a round pen (grey dilation or erosion
 * by a disc), then it is resized to the wanted height and given crisp pen-like edges.
 */
final class DigitRenderer {
    /** Stroke changes happen at this multiple of MNIST resolution: fine enough for fractional pixels. */
    static final int DETAIL = 4;
    /** Room around the digit for strokes to grow into, in MNIST pixels. */
    private static final int PAD = 2;

    private final DigitSet digits;

    DigitRenderer(DigitSet digits) {
        this.digits = digits;
    }

    /**
     * Ink (0..1) of test digit {@code index}, about {@code height} pixels tall, its strokes grown on
     * each side by {@code stroke} MNIST pixels (negative: thinner). The image is the digit's box plus a
     * small margin.
     */
    FloatImage render(int index, int height, double stroke) {
        FloatImage digit = mnist(index);
        Box bounds = digit.nonZeroBounds();
        FloatImage padded = FloatImage.blank(bounds.width() + 2 * PAD, bounds.height() + 2 * PAD);
        for (int y = 0; y < bounds.height(); y++) {
            for (int x = 0; x < bounds.width(); x++) {
                padded.set(x + PAD, y + PAD, digit.get(bounds.x() + x, bounds.y() + y));
            }
        }
        FloatImage detailed = Resampler.resize(padded, padded.width() * DETAIL, padded.height() * DETAIL);
        FloatImage stroked = Morphology.disc(detailed, (int) Math.round(stroke * DETAIL));
        double scale = (double) height / (bounds.height() * DETAIL);
        FloatImage sized =
                Resampler.resize(stroked, Math.max(1, (int) Math.round(stroked.width() * scale)), Math.max(1, (int)
                        Math.round(stroked.height() * scale)));
        return penEdges(sized);
    }

    /** The MNIST digit as ink in [0, 1]. */
    FloatImage mnist(int index) {
        float[] ink = new float[DigitSet.PIXELS];
        for (int i = 0; i < ink.length; i++) {
            ink[i] = (digits.pixels()[index * DigitSet.PIXELS + i] & 0xff) / 255f;
        }
        return new FloatImage(DigitSet.SIDE, DigitSet.SIDE, ink);
    }

    int label(int index) {
        return digits.label(index);
    }

    int size() {
        return digits.size();
    }

    /** Steepens the soft edges of an enlarged digit into the one-or-two-pixel edges of a drawn stroke. */
    private static FloatImage penEdges(FloatImage image) {
        float[] out = image.pixels().clone();
        for (int i = 0; i < out.length; i++) {
            float t = Math.max(0f, Math.min(1f, (out[i] - 0.3f) / 0.4f));
            out[i] = t * t * (3 - 2 * t);
        }
        return new FloatImage(image.width(), image.height(), out);
    }
}
