package dev.digits.image;

/**
 * Separable square-window filters on row-major float pixels; windows are clipped at the image edges
 * (a pixel near the edge sees only the part of its window inside the image).
 *
 * <p>Rows first, then columns. The box blur runs each pass down the columns, whole rows at a time, so
 * that its inner loops walk memory in order and the JIT turns them into vector instructions (the pass
 * along the rows runs so on the transposed image); the running extremes go line by line, since their
 * work per value is a chain of comparisons anyway.
 */
final class Filters {
    private Filters() {}

    static float[] min(float[] pixels, int width, int height, int window) {
        return separable(pixels, width, height, window, Reduction.MIN);
    }

    static float[] max(float[] pixels, int width, int height, int window) {
        return separable(pixels, width, height, window, Reduction.MAX);
    }

    static float[] boxBlur(float[] pixels, int width, int height, int window) {
        return separable(pixels, width, height, window, Reduction.MEAN);
    }

    private enum Reduction {
        MIN,
        MAX,
        MEAN
    }

    private static float[] separable(float[] pixels, int width, int height, int window, Reduction reduction) {
        int radius = window / 2;
        if (reduction == Reduction.MEAN) {
            float[] alongRows = transpose(mean(transpose(pixels, width, height), height, width, radius), height, width);
            return mean(alongRows, width, height, radius);
        }
        boolean max = reduction == Reduction.MAX;
        // Scratch for the running extremes of one line, shared by every line of both passes.
        float[] fromLeft = new float[Math.max(width, height)];
        float[] fromRight = new float[Math.max(width, height)];
        float[] alongRows = new float[pixels.length];
        for (int y = 0; y < height; y++) {
            extremes(pixels, y * width, 1, width, radius, max, alongRows, fromLeft, fromRight);
        }
        float[] out = new float[pixels.length];
        for (int x = 0; x < width; x++) {
            extremes(alongRows, x, width, height, radius, max, out, fromLeft, fromRight);
        }
        return out;
    }

    private static float[] transpose(float[] in, int width, int height) {
        float[] out = new float[in.length];
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                out[x * height + y] = in[y * width + x];
            }
        }
        return out;
    }

    /**
     * Mean of each clipped window down each column, from a running sum per column (in double): one
     * addition and one subtraction per value, whatever the window.
     */
    private static float[] mean(float[] in, int width, int height, int radius) {
        double[] sums = new double[width];
        for (int y = 0; y < Math.min(height, radius); y++) {
            for (int x = 0; x < width; x++) {
                sums[x] += in[y * width + x];
            }
        }
        float[] out = new float[in.length];
        for (int y = 0; y < height; y++) {
            int entering = y + radius;
            int leaving = y - radius - 1;
            if (entering < height) {
                for (int x = 0; x < width; x++) {
                    sums[x] += in[entering * width + x];
                }
            }
            if (leaving >= 0) {
                for (int x = 0; x < width; x++) {
                    sums[x] -= in[leaving * width + x];
                }
            }
            double count = Math.min(height - 1, entering) - Math.max(0, y - radius) + 1;
            int row = y * width;
            for (int x = 0; x < width; x++) {
                out[row + x] = (float) (sums[x] / count);
            }
        }
        return out;
    }

    /**
     * Running minimum or maximum of a window along one line (a row or a column), in three comparisons
     * per value whatever the window (van Herk / Gil-Werman): within blocks of the window's length,
     * running extremes from the left and from the right; a window spans at most two blocks, so it is
     * the right-running value at its start combined with the left-running value at its end. A window
     * clipped by the start of the line is the left-running value at its end alone; one within a single
     * block (clipped by the end of the line, where the right-running values start afresh) the
     * right-running value at its start alone.
     */
    private static void extremes(
            float[] in,
            int offset,
            int stride,
            int length,
            int radius,
            boolean max,
            float[] out,
            float[] fromLeft,
            float[] fromRight) {
        int window = 2 * radius + 1;
        for (int start = 0; start < length; start += window) {
            int end = Math.min(length, start + window);
            float left = in[offset + start * stride];
            fromLeft[start] = left;
            for (int i = start + 1; i < end; i++) {
                left = pick(left, in[offset + i * stride], max);
                fromLeft[i] = left;
            }
            float right = in[offset + (end - 1) * stride];
            fromRight[end - 1] = right;
            for (int i = end - 2; i >= start; i--) {
                right = pick(right, in[offset + i * stride], max);
                fromRight[i] = right;
            }
        }
        int lastBlock = (length - 1) / window * window;
        int intoBlock = 0; // where the window's start lies within its block, once the start is inside the line
        for (int i = 0; i < length; i++) {
            int lo = i - radius;
            int hi = Math.min(length - 1, i + radius);
            float value;
            if (lo <= 0) {
                value = fromLeft[hi];
            } else {
                intoBlock = intoBlock + 1 == window ? 0 : intoBlock + 1;
                boolean oneBlock = hi == length - 1 ? lo >= lastBlock : intoBlock == 0;
                value = oneBlock ? fromRight[lo] : pick(fromRight[lo], fromLeft[hi], max);
            }
            out[offset + i * stride] = value;
        }
    }

    /**
     * The larger or smaller of two values. A plain comparison: {@code Math.max} and {@code Math.min} also
     * order -0 before 0 and pass NaN on, which costs several instructions per call in this inner loop;
     * the pictures' values are never NaN and a zero's sign does not matter to them.
     */
    private static float pick(float a, float b, boolean max) {
        return max ? (b > a ? b : a) : (b < a ? b : a);
    }
}
