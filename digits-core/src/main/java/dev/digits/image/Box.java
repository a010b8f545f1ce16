package dev.digits.image;

/**
 * An axis-aligned rectangle of pixels: columns {@code [x, x + width)}, rows {@code [y, y + height)}.
 */
public record Box(int x, int y, int width, int height) {
    public Box {
        if (width < 0 || height < 0) {
            throw new IllegalArgumentException("box of negative size " + width + "x" + height);
        }
    }

    /** The box covering the pixels {@code [x0, x1) x [y0, y1)}. */
    public static Box spanning(int x0, int y0, int x1, int y1) {
        return new Box(x0, y0, x1 - x0, y1 - y0);
    }

    /** One past the last column. */
    public int right() {
        return x + width;
    }

    /** One past the last row. */
    public int bottom() {
        return y + height;
    }

    public long area() {
        return (long) width * height;
    }

    public boolean isEmpty() {
        return width == 0 || height == 0;
    }

    /** The smallest box holding both. */
    public Box union(Box other) {
        return spanning(
                Math.min(x, other.x),
                Math.min(y, other.y),
                Math.max(right(), other.right()),
                Math.max(bottom(), other.bottom()));
    }

    /** How many columns the two boxes share (0 when they are side by side). */
    public int horizontalOverlap(Box other) {
        return Math.max(0, Math.min(right(), other.right()) - Math.max(x, other.x));
    }

    /** The horizontal centre, in pixels. */
    public double centreX() {
        return x + width / 2.0;
    }

    /**
     * This box, given in an image scaled by {@code scale}, in the coordinates of the unscaled image:
     * the smallest box of whole pixels that covers it, clipped to {@code imageWidth x imageHeight}.
     */
    public Box unscaled(double scale, int imageWidth, int imageHeight) {
        int x0 = (int) Math.floor(x / scale);
        int y0 = (int) Math.floor(y / scale);
        int x1 = (int) Math.ceil(right() / scale);
        int y1 = (int) Math.ceil(bottom() / scale);
        return spanning(Math.max(0, x0), Math.max(0, y0), Math.min(imageWidth, x1), Math.min(imageHeight, y1));
    }
}
