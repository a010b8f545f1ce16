package dev.digits.image;

/**
 * Brings the strokes of one digit's ink into the range of widths MNIST's digits have, measured where
 * the width matters: with the digit's longer side at {@value #WORK_SIDE} pixels, four times the box the
 * digit is finally fitted into. A thin pen line on a large canvas would otherwise shrink to a faint
 * sub-pixel trace, and a marker or a thick scan to a blob, neither of which the network has seen.
 * Widths inside the range are left as written: MNIST varies too.
 *
 * <p>The width of a stroke of length L and width W is about 2·area / perimeter (area L·W, perimeter
 * 2·L), counted on the pixels with at least half ink.
 */
public final class StrokeWidth {
    /** Longer side of the digit where widths are measured and set. */
    public static final int WORK_SIDE = 4 * MnistFormat.FIT_SIDE;
    /**
     * The range left as written, at that scale. The lower end is about MNIST's 5th percentile of
     * 2·area / perimeter over its training digits, measured the same way (cropped, longer side
     * {@value #WORK_SIDE}); the upper end lies well above its 99th (14.8), because thinning redraws a
     * digit and loses what blur and a bold pen leave that MNIST also has: only markers and thick
     * scans are thinned.
     */
    static final double MIN_WIDTH = 5.0;

    static final double MAX_WIDTH = 18.0;
    /** The width given to strokes outside the range: about MNIST's median. */
    static final double TYPICAL_WIDTH = 8.0;

    private static final float INK = 0.5f;

    private StrokeWidth() {}

    /**
     * The ink of one digit (0 = background, 1 = full ink, cropped to its ink) with strokes in MNIST's
     * range: widened where thinner (at a longer side of one to two times {@value #WORK_SIDE}), thinned
     * and redrawn (longer side {@value #WORK_SIDE}) where thicker, the crop itself where already in range.
     */
    public static FloatImage normalise(FloatImage crop) {
        double scale = (double) WORK_SIDE / Math.max(crop.width(), crop.height());
        FloatImage work = Resampler.resize(crop, Math.max(1, (int) Math.round(crop.width() * scale)), Math.max(1, (int)
                Math.round(crop.height() * scale)));
        double width = width(work);
        if (width < MIN_WIDTH) {
            // Widened where its longer side is 1 to 2 times WORK_SIDE: the cost of a dilation grows with
            // the square of its radius, and the digit ends up 20 pixels high anyway.
            int pool = Math.max(1, Math.max(crop.width(), crop.height()) / WORK_SIDE);
            return dilate(maxPool(crop, pool), (int) Math.ceil((TYPICAL_WIDTH - width) / (scale * pool) / 2));
        }
        return width > MAX_WIDTH ? Skeleton.redraw(work, INK, TYPICAL_WIDTH, width) : crop;
    }

    /**
     * The largest value of each {@code factor} x {@code factor} block (partial blocks at the right and
     * bottom): a smaller copy in which a thin stroke keeps its full ink, where averaging would fade it.
     */
    static FloatImage maxPool(FloatImage ink, int factor) {
        if (factor <= 1) {
            return ink;
        }
        int w = (ink.width() + factor - 1) / factor;
        int h = (ink.height() + factor - 1) / factor;
        float[] out = new float[w * h];
        float[] in = ink.pixels();
        int width = ink.width();
        for (int y = 0; y < ink.height(); y++) {
            int row = (y / factor) * w;
            // block by block along the row: no division per pixel
            for (int block = 0, x = 0; block < w; block++) {
                float largest = out[row + block];
                for (int end = Math.min(width, x + factor); x < end; x++) {
                    float value = in[y * width + x];
                    if (value > largest) { // not Math.max, which also orders -0 and NaN, at a cost: ink has neither
                        largest = value;
                    }
                }
                out[row + block] = largest;
            }
        }
        return new FloatImage(w, h, out);
    }

    /** 2·area / perimeter of the pixels with at least half ink; 0 for no ink. */
    public static double width(FloatImage ink) {
        int w = ink.width();
        int h = ink.height();
        float[] p = ink.pixels();
        long area = 0;
        long perimeter = 0;
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                if (p[y * w + x] < INK) {
                    continue;
                }
                area++;
                perimeter += (x == 0 || p[y * w + x - 1] < INK) ? 1 : 0;
                perimeter += (x == w - 1 || p[y * w + x + 1] < INK) ? 1 : 0;
                perimeter += (y == 0 || p[(y - 1) * w + x] < INK) ? 1 : 0;
                perimeter += (y == h - 1 || p[(y + 1) * w + x] < INK) ? 1 : 0;
            }
        }
        return perimeter == 0 ? 0 : 2.0 * area / perimeter;
    }

    /**
     * Grey dilation by a disc of {@code radius} pixels, on a canvas grown by the radius on each side.
     *
     * <p>Only the pixels with a neighbour of less ink (the edges of strokes) stamp their whole disc;
     * the others only keep their own value. That is exact: every offset in the disc, one step nearer
     * the centre, is in the disc too, so a pixel's disc is covered by itself and its neighbours' discs,
     * and the nearest pixel holding the maximum of a disc around any point is that point or an edge.
     * An edge whose left neighbour is an edge of at least as much ink stamps only the right end of each
     * row of its disc: the rest of its disc is its neighbour's, shifted by one, already covered with as
     * much ink (by the same rule, down to the first edge of the run, which stamps its whole disc).
     */
    static FloatImage dilate(FloatImage ink, int radius) {
        if (radius <= 0) {
            return ink;
        }
        int[] spans = new int[2 * radius + 1];
        for (int dy = -radius; dy <= radius; dy++) {
            spans[dy + radius] = (int) Math.floor(Math.sqrt((double) radius * radius - dy * dy) + 0.5);
        }
        int inWidth = ink.width();
        int inHeight = ink.height();
        int w = inWidth + 2 * radius;
        int h = inHeight + 2 * radius;
        float[] out = new float[w * h];
        float[] in = ink.pixels();
        for (int y = 0; y < inHeight; y++) {
            boolean leftStamped = false; // whether the pixel to the left is an edge, its disc stamped
            for (int x = 0; x < inWidth; x++) {
                int p = y * inWidth + x;
                float v = in[p];
                boolean followsEdge = leftStamped && in[p - 1] >= v;
                leftStamped = false;
                if (v <= 0) {
                    continue;
                }
                if (x > 0
                        && y > 0
                        && x < inWidth - 1
                        && y < inHeight - 1
                        && in[p - 1] >= v
                        && in[p + 1] >= v
                        && in[p - inWidth] >= v
                        && in[p + inWidth] >= v) {
                    int self = (y + radius) * w + x + radius;
                    out[self] = Math.max(out[self], v);
                    continue;
                }
                leftStamped = true;
                if (followsEdge) {
                    for (int dy = -radius; dy <= radius; dy++) {
                        int i = (y + radius + dy) * w + x + radius + spans[dy + radius];
                        if (out[i] < v) {
                            out[i] = v;
                        }
                    }
                    continue;
                }
                for (int dy = -radius; dy <= radius; dy++) {
                    int span = spans[dy + radius];
                    int row = (y + radius + dy) * w;
                    for (int dx = -span; dx <= span; dx++) {
                        int i = row + x + radius + dx;
                        if (out[i] < v) {
                            out[i] = v;
                        }
                    }
                }
            }
        }
        return new FloatImage(w, h, out);
    }
}
