package dev.digits.image;

import java.util.Arrays;

/**
 * Resizes a {@link FloatImage} to any size, one axis at a time: shrinking averages the source area that
 * each output pixel covers (a box filter with fractional edges, so thin strokes fade instead of
 * disappearing or aliasing, as nearest-neighbour would do); enlarging interpolates linearly.
 */
public final class Resampler {
    private Resampler() {}

    public static FloatImage resize(FloatImage source, int width, int height) {
        if (width <= 0 || height <= 0) {
            throw new IllegalArgumentException("cannot resize to " + width + "x" + height);
        }
        if (width == source.width() && height == source.height()) {
            return new FloatImage(width, height, source.pixels().clone());
        }
        // Rows are combined whole (in memory order, cheap); columns one output value at a time. So when
        // the height shrinks, the rows go first and the columns are combined on fewer rows.
        if (height < source.height()) {
            return shrink(source::row, source.width(), source.height(), width, height);
        }
        FloatImage horizontal = new FloatImage(
                width,
                source.height(),
                Weights.of(source.width(), width).applyToColumns(source.pixels(), source.width(), source.height()));
        return new FloatImage(width, height, Weights.of(source.height(), height).applyToRows(horizontal::row, width));
    }

    /**
     * A picture read one row at a time: writes row {@code y}, {@code into.length} values, into
     * {@code into}. What {@link #shrink} reads, so that a picture need not be held whole as floats.
     */
    @FunctionalInterface
    interface Rows {
        void read(int y, float[] into);
    }

    /**
     * As {@link #resize}, for a source of {@code sourceWidth} x {@code sourceHeight} read by rows, to a
     * {@code height} below {@code sourceHeight}: the same values {@code resize} gives for the same rows.
     */
    static FloatImage shrink(Rows source, int sourceWidth, int sourceHeight, int width, int height) {
        if (width <= 0 || height <= 0 || height >= sourceHeight) {
            throw new IllegalArgumentException(
                    "cannot shrink " + sourceWidth + "x" + sourceHeight + " to " + width + "x" + height);
        }
        float[] vertical = Weights.of(sourceHeight, height).applyToRows(source, sourceWidth);
        return new FloatImage(
                width, height, Weights.of(sourceWidth, width).applyToColumns(vertical, sourceWidth, height));
    }

    /** For each output sample along one axis: which input samples it reads and with what weights. */
    private record Weights(int[] first, float[][] weights) {
        static Weights of(int in, int out) {
            return out < in ? area(in, out) : linear(in, out);
        }

        /** Output sample i covers input interval [i*s, (i+1)*s) with s = in/out; weights are the overlaps. */
        private static Weights area(int in, int out) {
            double scale = (double) in / out;
            int[] first = new int[out];
            float[][] weights = new float[out][];
            for (int i = 0; i < out; i++) {
                double start = i * scale;
                double end = Math.min(in, (i + 1) * scale);
                int lo = (int) Math.floor(start);
                int hi = Math.min(in, (int) Math.ceil(end));
                first[i] = lo;
                weights[i] = new float[hi - lo];
                for (int j = lo; j < hi; j++) {
                    double overlap = Math.min(end, j + 1) - Math.max(start, j);
                    weights[i][j - lo] = (float) (overlap / (end - start));
                }
            }
            return new Weights(first, weights);
        }

        /** Pixel centres aligned (output centre i+0.5 maps to input (i+0.5)*in/out), clamped at the edges. */
        private static Weights linear(int in, int out) {
            double scale = (double) in / out;
            int[] first = new int[out];
            float[][] weights = new float[out][];
            for (int i = 0; i < out; i++) {
                double position = Math.max(0, Math.min(in - 1, (i + 0.5) * scale - 0.5));
                int lo = Math.min((int) Math.floor(position), Math.max(0, in - 2));
                double fraction = position - lo;
                first[i] = lo;
                weights[i] = in == 1 ? new float[] {1f} : new float[] {(float) (1 - fraction), (float) fraction};
            }
            return new Weights(first, weights);
        }

        /**
         * Resamples the rows of {@code in} (rows of {@code width}), whole rows at a time. Each source row
         * is read into a buffer first, so that the weighted sums run over arrays from their start: the
         * JIT turns such loops into vector instructions (not those that read two arrays at unrelated
         * offsets).
         */
        float[] applyToRows(Rows in, int width) {
            float[] out = new float[first.length * width];
            float[] source = new float[width];
            int sourceRow = -1; // the row in source: neighbouring outputs share a row where their spans meet
            float[] sum = new float[width];
            for (int i = 0; i < first.length; i++) {
                float[] w = weights[i];
                Arrays.fill(sum, 0f);
                for (int k = 0; k < w.length; k++) {
                    if (first[i] + k != sourceRow) {
                        sourceRow = first[i] + k;
                        in.read(sourceRow, source);
                    }
                    float weight = w[k];
                    for (int x = 0; x < width; x++) {
                        sum[x] += weight * source[x];
                    }
                }
                System.arraycopy(sum, 0, out, i * width, width);
            }
            return out;
        }

        /**
         * Resamples each of the {@code height} rows of {@code in} (rows of {@code width}) along its length.
         * Every output reads the same number of taps, the longest window's: shorter windows get weights of 0
         * before or after their own (moved left where they would pass the row's end), which add exactly
         * nothing to a sum of finite values. So the loop over the outputs has no inner loop of varying
         * length, and each output still sums its own taps in their order.
         */
        float[] applyToColumns(float[] in, int width, int height) {
            int outWidth = first.length;
            int taps = 0;
            for (float[] w : weights) {
                taps = Math.max(taps, w.length);
            }
            int[] start = new int[outWidth];
            float[][] byTap = new float[taps][outWidth];
            for (int i = 0; i < outWidth; i++) {
                start[i] = Math.min(first[i], width - taps);
                for (int k = 0; k < weights[i].length; k++) {
                    byTap[first[i] - start[i] + k][i] = weights[i][k];
                }
            }
            float[] out = new float[outWidth * height];
            for (int y = 0; y < height; y++) {
                int inRow = y * width;
                int outRow = y * outWidth;
                for (int k = 0; k < taps; k++) {
                    float[] w = byTap[k];
                    int offset = inRow + k;
                    for (int i = 0; i < outWidth; i++) {
                        out[outRow + i] += w[i] * in[offset + start[i]];
                    }
                }
            }
            return out;
        }
    }
}
