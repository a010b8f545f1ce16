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

    private enum Reduction { MIN, MAX, MEAN }

    private static float[] separable(float[] pixels, int width, int height, int window, Reduction reduction) {
        int radius = window / 2;
        float[] horizontal = new float[pixels.length];
        for (int y = 0; y < height; y++) {
            line(pixels, y * width, 1, width, radius, reduction, horizontal);
        }
        float[] out = new float[pixels.length];
        for (int x = 0; x < width; x++) {
            line(horizontal, x, width, height, radius, reduction, out);
        }
        return out;
    }

    private static void line(float[] in, int offset, int stride, int length, int radius, Reduction reduction, float[] out) {
        for (int i = 0; i < length; i++) {
            int lo = Math.max(0, i - radius);
            int hi = Math.min(length - 1, i + radius);
            float acc = reduction == Reduction.MIN ? Float.MAX_VALUE : reduction == Reduction.MAX ? -Float.MAX_VALUE : 0;
            for (int j = lo; j <= hi; j++) {
                float v = in[offset + j * stride];
                acc = switch (reduction) {
                    case MIN -> Math.min(acc, v);
                    case MAX -> Math.max(acc, v);
                    case MEAN -> acc + v;
                };
            }
            out[offset + i * stride] = reduction == Reduction.MEAN ? acc / (hi - lo + 1) : acc;
        }
    }
}
