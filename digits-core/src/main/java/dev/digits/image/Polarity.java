package dev.digits.image;

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
        return detect(luminance, background(luminance));
    }

    /**
     * The background level {@link #detect} and {@link #ambiguous} compare with: the median brightness,
     * of every pixel up to {@value #MEDIAN_SAMPLE} of them, else of a regular grid of about that many.
     */
    static float background(FloatImage luminance) {
        float[] pixels = luminance.pixels();
        int step = (int) Math.ceil(Math.sqrt((double) pixels.length / MEDIAN_SAMPLE));
        if (step <= 1) {
            return Rank.median(pixels, pixels.length);
        }
        float[] grid = new float[((luminance.width() + step - 1) / step) * ((luminance.height() + step - 1) / step)];
        int n = 0;
        for (int y = 0; y < luminance.height(); y += step) {
            for (int x = 0; x < luminance.width(); x += step) {
                grid[n++] = pixels[y * luminance.width() + x];
            }
        }
        return Rank.median(grid, n);
    }

    private static final int MEDIAN_SAMPLE = 1 << 16;

    /** Pixels {@link #detect} and {@link #ambiguous} look over at once for any that stand out from the background. */
    private static final int BLOCK = 256;

    /** As {@link #detect(FloatImage)}, with its {@link #background} already known. */
    static Polarity detect(FloatImage luminance, float background) {
        return detection(luminance, background).polarity();
    }

    /** What {@link #detect} and {@link #ambiguous} decide, from one look over the picture. */
    record Detection(Polarity polarity, boolean ambiguous) {}

    /** {@link #detect} and {@link #ambiguous} at once, with the picture's {@link #background}. */
    static Detection detection(FloatImage luminance, float background) {
        float[] pixels = luminance.pixels();
        double darker = 0;
        double lighter = 0;
        int standingOut = 0;
        for (int start = 0; start < pixels.length; start += BLOCK) {
            int end = Math.min(pixels.length, start + BLOCK);
            if (!standsOut(pixels, start, end, background)) {
                continue; // the sums run through the other blocks, in pixel order
            }
            for (int i = start; i < end; i++) {
                float d = pixels[i] - background;
                if (d > NOISE) {
                    lighter += d - NOISE;
                    standingOut++;
                } else if (d < -NOISE) {
                    darker += -d - NOISE;
                    standingOut++;
                }
            }
        }
        Polarity polarity;
        if (darker == lighter) {
            polarity = background >= 0.5f ? DARK_INK_ON_LIGHT : LIGHT_INK_ON_DARK;
        } else {
            polarity = darker > lighter ? DARK_INK_ON_LIGHT : LIGHT_INK_ON_DARK;
        }
        return new Detection(polarity, standingOut >= AMBIGUOUS_SHARE * pixels.length);
    }

    /**
     * Share of the picture beyond which the side that stands out from the median may be the paper as
     * well as the ink: a digit that fills its picture covers about as much as the paper does.
     */
    static final double AMBIGUOUS_SHARE = 0.3;

    /**
     * Whether {@link #detect} may have it the wrong way round: when what stands out from the median
     * brightness covers {@value #AMBIGUOUS_SHARE} of the picture or more, the median may be ink.
     */
    public static boolean ambiguous(FloatImage luminance) {
        return ambiguous(luminance, background(luminance));
    }

    /** As {@link #ambiguous(FloatImage)}, with its {@link #background} already known. */
    static boolean ambiguous(FloatImage luminance, float background) {
        return detection(luminance, background).ambiguous();
    }

    /**
     * Whether any of {@code pixels[start..end)} differs from the background by more than {@link #NOISE}:
     * a quick look that lets most blocks of a picture, all background, be passed over. The sign bit of
     * {@code NOISE - |d|} is set exactly for such a value, and OR-ing the bits of a block is a loop the
     * JIT turns into vector instructions.
     */
    private static boolean standsOut(float[] pixels, int start, int end, float background) {
        int signs = 0;
        for (int i = start; i < end; i++) {
            signs |= Float.floatToRawIntBits(NOISE - Math.abs(pixels[i] - background));
        }
        return signs < 0;
    }

    /**
     * The polarity the picture's corners vote for, or null on a tie: in a digit that fills its picture
     * the paper still owns most corners (a digit is rounder than its box). Each corner is the mean of
     * a square of {@value #CORNER_FRACTION} of the shorter side, compared with the mean brightness.
     */
    public static Polarity byCorners(FloatImage luminance) {
        int w = luminance.width();
        int h = luminance.height();
        int side = Math.max(1, (int) Math.round(Math.min(w, h) * CORNER_FRACTION));
        double global = mean(luminance.pixels());
        int darkCorners = 0;
        int lightCorners = 0;
        for (int[] corner : new int[][] {{0, 0}, {w - side, 0}, {0, h - side}, {w - side, h - side}}) {
            double sum = 0;
            for (int y = corner[1]; y < corner[1] + side; y++) {
                for (int x = corner[0]; x < corner[0] + side; x++) {
                    sum += luminance.get(x, y);
                }
            }
            double mean = sum / (side * side);
            if (mean < global) {
                darkCorners++;
            } else if (mean > global) {
                lightCorners++;
            }
        }
        if (darkCorners == lightCorners) {
            return null;
        }
        return darkCorners > lightCorners ? LIGHT_INK_ON_DARK : DARK_INK_ON_LIGHT;
    }

    private static final double CORNER_FRACTION = 0.15;

    private static double mean(float[] values) {
        double sum = 0;
        for (float v : values) {
            sum += v;
        }
        return sum / values.length;
    }

    public Polarity opposite() {
        return this == DARK_INK_ON_LIGHT ? LIGHT_INK_ON_DARK : DARK_INK_ON_LIGHT;
    }

    /** The image turned so that ink is bright: 0 = black-on-white paper's white, 1 = strongest ink. */
    public FloatImage inkUp(FloatImage luminance) {
        float[] in = luminance.pixels();
        if (this == LIGHT_INK_ON_DARK) {
            return new FloatImage(luminance.width(), luminance.height(), in.clone());
        }
        float[] out = new float[in.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = 1 - in[i];
        }
        return new FloatImage(luminance.width(), luminance.height(), out);
    }
}
