package dev.digits.image;

import java.util.Arrays;

/**
 * Estimates the background of an ink-up image (ink bright), so that uneven lighting, shadows and
 * paper tint can be subtracted: a morphological opening removes every structure narrower than a
 * quarter of the image, which strokes are and lighting gradients are not.
 *
 * <p>It works on a copy shrunk to {@value #WORK_SIDE} pixels on the long side (lighting varies
 * slowly; shrinking also averages paper texture away and makes the large windows cheap) and is
 * enlarged back with linear interpolation.
 */
public final class Background {
    private static final int WORK_SIDE = 64;
    /** Opening window as a fraction of the shorter side: wider than any stroke of a digit in the picture. */
    private static final double WINDOW_FRACTION = 0.25;
    /** A background whose estimate varies less than this is taken as uniform. */
    private static final float FLAT_RANGE = 0.06f;

    private Background() {}

    public static FloatImage estimate(FloatImage inkUp) {
        double shrink = Math.min(1.0, (double) WORK_SIDE / Math.max(inkUp.width(), inkUp.height()));
        int w = Math.max(1, (int) Math.round(inkUp.width() * shrink));
        int h = Math.max(1, (int) Math.round(inkUp.height() * shrink));
        FloatImage small = Resampler.resize(inkUp, w, h);
        int window = Math.max(3, (int) Math.round(Math.min(w, h) * WINDOW_FRACTION)) | 1;
        float[] opened = Filters.max(Filters.min(small.pixels(), w, h, window), w, h, window);
        float[] smooth = Filters.boxBlur(opened, w, h, window);
        float[] sorted = smooth.clone();
        Arrays.sort(sorted);
        if (sorted[sorted.length - 1] - sorted[0] < FLAT_RANGE) {
            float[] flat = new float[inkUp.width() * inkUp.height()];
            Arrays.fill(flat, sorted[sorted.length / 2]);
            return new FloatImage(inkUp.width(), inkUp.height(), flat);
        }
        return Resampler.resize(new FloatImage(w, h, smooth), inkUp.width(), inkUp.height());
    }
}
