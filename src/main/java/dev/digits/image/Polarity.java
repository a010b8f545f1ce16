package dev.digits.image;

import java.util.Arrays;

/** Which way round ink and background are. */
public enum Polarity {
    /** Light strokes on a dark canvas, as MNIST stores digits. */
    LIGHT_INK_ON_DARK,
    /** Dark pen or pencil on light paper, as people write. */
    DARK_INK_ON_LIGHT;

    /** Differences from the background smaller than this are paper texture or noise, not ink. */
    private static final float NOISE = 0.08f;

    /**
     * Decides the polarity of a luminance image (0 = black, 1 = white). The background level is the
     * median brightness: ink covers less than half of any picture of a digit, while the border may be
     * a table around the page. Ink is the minority that stands out from it, so the side (darker or
     * lighter than the background) carrying more contrast beyond the noise level wins; uneven lighting
     * adds contrast to both sides, ink only to one. An image with no contrast at all falls back to the
     * background's brightness: dark ink on a light background.
     */
    public static Polarity detect(FloatImage luminance) {
        float background = median(luminance.pixels());
        double darker = 0;
        double lighter = 0;
        for (float v : luminance.pixels()) {
            float d = v - background;
            if (d > NOISE) {
                lighter += d - NOISE;
            } else if (d < -NOISE) {
                darker += -d - NOISE;
            }
        }
        if (darker == lighter) {
            return background >= 0.5f ? DARK_INK_ON_LIGHT : LIGHT_INK_ON_DARK;
        }
        return darker > lighter ? DARK_INK_ON_LIGHT : LIGHT_INK_ON_DARK;
    }

    /** The image turned so that ink is bright: 0 = black-on-white paper's white, 1 = strongest ink. */
    public FloatImage inkUp(FloatImage luminance) {
        float[] out = luminance.pixels().clone();
        if (this == DARK_INK_ON_LIGHT) {
            for (int i = 0; i < out.length; i++) {
                out[i] = 1 - out[i];
            }
        }
        return new FloatImage(luminance.width(), luminance.height(), out);
    }

    private static float median(float[] values) {
        float[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }
}
