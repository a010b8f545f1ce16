package dev.digits.image;

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
    /** The opening window is at least this many stroke widths wide. */
    private static final double STROKE_WINDOWS = 2.5;
    /** A background whose estimate varies less than this is taken as uniform. */
    private static final float FLAT_RANGE = 0.06f;

    private Background() {}

    /**
     * The ink-up picture's contrast against its estimated background, written over the picture's own
     * pixels: {@code pixel - background}, negative where a pixel is darker than its background. Every
     * reader of the contrast counts a negative value as none (Otsu's histogram bins it with 0, ink lies
     * above a positive threshold, ink strength is clamped at 0), so it is not clamped here: a plain
     * subtraction runs fast under both of the JIT's compilers, where {@code Math.max(float, float)} is
     * a call in the quick compiler's code. A uniform background is subtracted as one level, without a
     * picture of it.
     */
    public static float[] subtract(FloatImage inkUp) {
        float[] pixels = inkUp.pixels();
        double shrink = Math.min(1.0, (double) WORK_SIDE / Math.max(inkUp.width(), inkUp.height()));
        int w = Math.max(1, (int) Math.round(inkUp.width() * shrink));
        int h = Math.max(1, (int) Math.round(inkUp.height() * shrink));
        FloatImage small = Resampler.resize(inkUp, w, h);
        float inkLevel = Otsu.threshold(small.pixels());
        int window = Math.max(3, (int) Math.max(
                        Math.round(Math.min(w, h) * WINDOW_FRACTION),
                        Math.ceil(STROKE_WINDOWS * strokeWidth(small, inkLevel))))
                | 1;
        if (window > Math.min(w, h)) {
            return subtract(pixels, paperLevel(small, inkLevel));
        }
        float[] eroded = Filters.min(small.pixels(), w, h, window);
        if (isUniform(eroded)) {
            // The opening of one value, and its blur, are that value (a +0 where it is -0): a drawing
            // on a plain canvas, every stroke narrower than the window.
            return subtract(pixels, eroded[0] + 0f);
        }
        float[] opened = Filters.max(eroded, w, h, window);
        float[] smooth = Filters.boxBlur(opened, w, h, window);
        float lowest = Float.MAX_VALUE;
        float highest = -Float.MAX_VALUE;
        for (float v : smooth) {
            lowest = Math.min(lowest, v);
            highest = Math.max(highest, v);
        }
        if (highest - lowest < FLAT_RANGE) {
            return subtract(pixels, Rank.median(smooth, smooth.length));
        }
        float[] behind = Resampler.resize(new FloatImage(w, h, smooth), inkUp.width(), inkUp.height())
                .pixels();
        for (int i = 0; i < pixels.length; i++) {
            pixels[i] -= behind[i];
        }
        return pixels;
    }

    private static boolean isUniform(float[] values) {
        for (float v : values) {
            if (Float.floatToRawIntBits(v) != Float.floatToRawIntBits(values[0])) {
                return false;
            }
        }
        return true;
    }

    private static float[] subtract(float[] pixels, float level) {
        for (int i = 0; i < pixels.length; i++) {
            pixels[i] -= level;
        }
        return pixels;
    }

    /**
     * Width of the strokes that stand out from the whole image by Otsu's threshold {@code level} (2·area /
     * perimeter, as {@link StrokeWidth} measures): the opening window must be wider than the strokes, or
     * it takes thick strokes for background and leaves only their outline.
     */
    private static double strokeWidth(FloatImage small, float level) {
        float[] mask = new float[small.pixels().length];
        for (int i = 0; i < mask.length; i++) {
            mask[i] = small.pixels()[i] > level ? 1f : 0f;
        }
        return StrokeWidth.width(new FloatImage(small.width(), small.height(), mask));
    }

    /** A uniform background: the mean of the pixels at or below Otsu's threshold {@code level} (the paper), for pictures whose strokes are too thick to open away. */
    private static float paperLevel(FloatImage small, float level) {
        double sum = 0;
        int n = 0;
        for (float v : small.pixels()) {
            if (v <= level) {
                sum += v;
                n++;
            }
        }
        return n == 0 ? 0f : (float) (sum / n);
    }
}
