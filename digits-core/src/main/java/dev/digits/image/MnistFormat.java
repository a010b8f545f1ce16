package dev.digits.image;

import dev.digits.data.DigitSet;

/**
 * Lays out the ink of one digit as MNIST did: strokes are brought into MNIST's range of widths
 * ({@link StrokeWidth}), the crop is scaled, aspect ratio kept, so that its
 * longer side is {@value #FIT_SIDE} pixels (area averaging, so strokes anti-alias), then placed in the
 * 28x28 field so that its intensity centre of mass falls on the field's centre.
 *
 * <p>Centring detail: with pixel {@code i} at coordinate {@code i}, MNIST's centres of mass average
 * (14.0, 14.0) (measured on the 60,000 training digits), so that is where {@link #CENTRE} puts them; the
 * shift is rounded to whole pixels, as MNIST's own digits were (their centres of mass scatter within
 * half a pixel of the centre), which keeps strokes as sharp as MNIST's
 * instead of blurring them with a sub-pixel resampling. If the rounded shift would push ink out of the
 * field (a very lopsided digit) it is clamped so that all ink stays inside.
 */
public final class MnistFormat {
    public static final int SIDE = DigitSet.SIDE;
    /** The box MNIST fitted every digit into. */
    public static final int FIT_SIDE = 20;
    /** Where the centre of mass goes, in both axes. */
    public static final double CENTRE = SIDE / 2.0;

    private MnistFormat() {}

    /**
     * The network input for a digit's ink: {@code ink} holds 0 for background up to 1 for full ink and
     * must contain some ink; the result is 784 values in [0, 1], row-major.
     */
    public static float[] input(FloatImage ink) {
        Box bounds = ink.nonZeroBounds();
        if (bounds.isEmpty()) {
            throw new IllegalArgumentException("no ink to lay out");
        }
        return layout(StrokeWidth.normalise(within(ink, bounds)));
    }

    /** The part of {@code image} inside {@code box}: the image itself, not a copy, where the box is all of it. */
    private static FloatImage within(FloatImage image, Box box) {
        return box.width() == image.width() && box.height() == image.height() ? image : image.crop(box);
    }

    /** The field for ink whose strokes are as they should be: fitted, centred by mass, as MNIST did. */
    static float[] layout(FloatImage ink) {
        FloatImage fitted = fit(within(ink, ink.nonZeroBounds()));
        double[] centre = centreOfMass(fitted);
        int left = clampedShift(CENTRE - centre[0], fitted.width());
        int top = clampedShift(CENTRE - centre[1], fitted.height());
        float[] field = new float[SIDE * SIDE];
        for (int y = 0; y < fitted.height(); y++) {
            for (int x = 0; x < fitted.width(); x++) {
                field[(top + y) * SIDE + left + x] = Math.min(1f, fitted.get(x, y));
            }
        }
        return field;
    }

    /** Scales so that the longer side is {@link #FIT_SIDE}, the shorter in proportion (at least 1 pixel). */
    static FloatImage fit(FloatImage crop) {
        double scale = (double) FIT_SIDE / Math.max(crop.width(), crop.height());
        int width = Math.max(1, (int) Math.round(crop.width() * scale));
        int height = Math.max(1, (int) Math.round(crop.height() * scale));
        return Resampler.resize(crop, width, height);
    }

    /** Intensity-weighted mean position {x, y}, pixel {@code i} at coordinate {@code i}. */
    public static double[] centreOfMass(FloatImage image) {
        double mass = 0;
        double sx = 0;
        double sy = 0;
        for (int y = 0; y < image.height(); y++) {
            for (int x = 0; x < image.width(); x++) {
                float v = image.get(x, y);
                mass += v;
                sx += v * x;
                sy += v * y;
            }
        }
        return new double[] {sx / mass, sy / mass};
    }

    private static int clampedShift(double shift, int size) {
        return (int) Math.max(0, Math.min(SIDE - size, Math.round(shift)));
    }
}
