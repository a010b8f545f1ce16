package dev.digits.image;

import dev.digits.data.DigitSet;
import java.awt.image.BufferedImage;

/**
 * What the original Python app did, kept as the baseline the benchmark compares against: the whole
 * image greyscaled and resized to 28x28, brightness taken as ink (its canvas was white on black). No
 * polarity decision, no cropping, no centring.
 */
public final class NaivePreprocessor {
    private NaivePreprocessor() {}

    /** 784 values in [0, 1], row-major. */
    public static float[] input(BufferedImage image) {
        float[] pixels = Resampler.resize(Luminance.of(image), DigitSet.SIDE, DigitSet.SIDE)
                .pixels();
        for (int i = 0; i < pixels.length; i++) {
            pixels[i] = Math.max(0f, Math.min(1f, pixels[i])); // resampling may overshoot by a rounding error
        }
        return pixels;
    }
}
