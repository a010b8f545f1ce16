package dev.digits.image;

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
        Weights columns = Weights.of(source.width(), width);
        Weights rows = Weights.of(source.height(), height);
        // Rows are combined whole (in memory order, cheap); columns one output value at a time. So when
        // the height shrinks, the rows go first and the columns are combined on fewer rows.
        if (height < source.height()) {
            float[] vertical = rows.applyToRows(source.pixels(), source.width());
            return new FloatImage(width, height, columns.applyToColumns(vertical, source.width(), height));
        }
        float[] horizontal = columns.applyToColumns(source.pixels(), source.width(), source.height());
        return new FloatImage(width, height, rows.applyToRows(horizontal, width));
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

        /** Resamples the rows of {@code in} (rows of {@code width}): whole rows at a time, in memory order. */
        float[] applyToRows(float[] in, int width) {
            float[] out = new float[first.length * width];
            for (int i = 0; i < first.length; i++) {
                float[] w = weights[i];
                int row = i * width;
                for (int k = 0; k < w.length; k++) {
                    float weight = w[k];
                    int source = (first[i] + k) * width;
                    for (int x = 0; x < width; x++) {
                        out[row + x] += weight * in[source + x];
                    }
                }
            }
            return out;
        }

        /** Resamples each of the {@code height} rows of {@code in} (rows of {@code width}) along its length. */
        float[] applyToColumns(float[] in, int width, int height) {
            int outWidth = first.length;
            float[] out = new float[outWidth * height];
            for (int y = 0; y < height; y++) {
                int inRow = y * width;
                int outRow = y * outWidth;
                for (int i = 0; i < outWidth; i++) {
                    float[] w = weights[i];
                    int base = inRow + first[i];
                    float sum = 0;
                    for (int k = 0; k < w.length; k++) {
                        sum += w[k] * in[base + k];
                    }
                    out[outRow + i] = sum;
                }
            }
            return out;
        }
    }
}
