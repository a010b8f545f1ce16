package dev.digits.image;

/**
 * Separable square-window filters on row-major float pixels; windows are clipped at the image edges
 * (a pixel near the edge sees only the part of its window inside the image).
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
        // Scratch for the running extremes of one line, shared by every line of both passes.
        float[][] scratch = {new float[Math.max(width, height)], new float[Math.max(width, height)]};
        float[] horizontal = new float[pixels.length];
        for (int y = 0; y < height; y++) {
            line(pixels, y * width, 1, width, radius, reduction, horizontal, scratch);
        }
        float[] out = new float[pixels.length];
        for (int x = 0; x < width; x++) {
            line(horizontal, x, width, height, radius, reduction, out, scratch);
        }
        return out;
    }

    private static void line(
            float[] in,
            int offset,
            int stride,
            int length,
            int radius,
            Reduction reduction,
            float[] out,
            float[][] scratch) {
        if (reduction != Reduction.MEAN) {
            extremes(in, offset, stride, length, radius, reduction == Reduction.MAX, out, scratch[0], scratch[1]);
            return;
        }
        mean(in, offset, stride, length, radius, out);
    }

    /** Mean of each clipped window, from a running sum: one addition and one subtraction per value. */
    private static void mean(float[] in, int offset, int stride, int length, int radius, float[] out) {
        double sum = 0;
        for (int j = 0; j < Math.min(length, radius); j++) {
            sum += in[offset + j * stride];
        }
        for (int i = 0; i < length; i++) {
            int entering = i + radius;
            int leaving = i - radius - 1;
            if (entering < length) {
                sum += in[offset + entering * stride];
            }
            if (leaving >= 0) {
                sum -= in[offset + leaving * stride];
            }
            int count = Math.min(length - 1, entering) - Math.max(0, i - radius) + 1;
            out[offset + i * stride] = (float) (sum / count);
        }
    }

    /**
     * Running minimum or maximum of a window in three comparisons per value whatever the window (van
     * Herk / Gil-Werman): within blocks of the window's length, running extremes from the left and
     * from the right; a window spans at most two blocks, so it is the right-running value at its start
     * combined with the left-running value at its end. A window clipped by the start of the line is
     * the left-running value at its end alone; one within a single block (clipped by the end of the
     * line, where the right-running values start afresh) the right-running value at its start alone.
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
                float v = in[offset + i * stride];
                left = max ? Math.max(left, v) : Math.min(left, v);
                fromLeft[i] = left;
            }
            float right = in[offset + (end - 1) * stride];
            fromRight[end - 1] = right;
            for (int i = end - 2; i >= start; i--) {
                float v = in[offset + i * stride];
                right = max ? Math.max(right, v) : Math.min(right, v);
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
                value = oneBlock
                        ? fromRight[lo]
                        : max ? Math.max(fromRight[lo], fromLeft[hi]) : Math.min(fromRight[lo], fromLeft[hi]);
            }
            out[offset + i * stride] = value;
        }
    }
}
