package dev.digits.image;

import java.util.Objects;

/**
 * One channel of float pixels in row-major order: pixel {@code (x, y)} is {@code pixels[y * width + x]}.
 * What the values mean (luminance, ink) is said by whoever hands one out; the array is shared, not copied.
 */
public record FloatImage(int width, int height, float[] pixels) {
    public FloatImage {
        Objects.requireNonNull(pixels);
        if (width <= 0 || height <= 0 || pixels.length != width * height) {
            throw new IllegalArgumentException(
                    pixels.length + " pixels do not make a " + width + "x" + height + " image");
        }
    }

    public static FloatImage blank(int width, int height) {
        return new FloatImage(width, height, new float[width * height]);
    }

    public float get(int x, int y) {
        return pixels[y * width + x];
    }

    public void set(int x, int y, float value) {
        pixels[y * width + x] = value;
    }

    /**
     * The value at a point between pixel centres, interpolated bilinearly from the four nearest pixels;
     * pixels outside the image count as 0.
     */
    public float sample(double x, double y) {
        int x0 = (int) Math.floor(x);
        int y0 = (int) Math.floor(y);
        double fx = x - x0;
        double fy = y - y0;
        return (float) ((1 - fy) * ((1 - fx) * getOrZero(x0, y0) + fx * getOrZero(x0 + 1, y0))
                + fy * ((1 - fx) * getOrZero(x0, y0 + 1) + fx * getOrZero(x0 + 1, y0 + 1)));
    }

    private float getOrZero(int x, int y) {
        return x < 0 || y < 0 || x >= width || y >= height ? 0f : pixels[y * width + x];
    }

    /** Copies columns {@code from} (inclusive) to {@code to} of row {@code y} into the same columns of {@code into}. */
    void row(int y, int from, int to, float[] into) {
        System.arraycopy(pixels, y * width + from, into, from, to - from);
    }

    /** A copy of the pixels inside {@code box}. */
    public FloatImage crop(Box box) {
        float[] out = new float[box.width() * box.height()];
        for (int row = 0; row < box.height(); row++) {
            System.arraycopy(pixels, (box.y() + row) * width + box.x(), out, row * box.width(), box.width());
        }
        return new FloatImage(box.width(), box.height(), out);
    }

    /** The smallest box holding every pixel above zero, or an empty box when there is none. */
    public Box nonZeroBounds() {
        int x0 = width;
        int y0 = height;
        int x1 = 0;
        int y1 = 0;
        for (int y = 0; y < height; y++) {
            int row = y * width;
            int first = 0;
            while (first < width && !(pixels[row + first] > 0)) {
                first++;
            }
            if (first == width) {
                continue;
            }
            // the row's last ink, looked for from the right: the pixels between need no test
            int last = width - 1;
            while (!(pixels[row + last] > 0)) {
                last--;
            }
            x0 = Math.min(x0, first);
            x1 = Math.max(x1, last + 1);
            y0 = Math.min(y0, y);
            y1 = y + 1;
        }
        return x1 == 0 ? new Box(0, 0, 0, 0) : Box.spanning(x0, y0, x1, y1);
    }
}
