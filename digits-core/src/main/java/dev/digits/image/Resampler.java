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
            return shrink(rows(source), source.width(), source.height(), width, height);
        }
        float[] horizontal = new float[width * source.height()];
        AlongRows alongRows = new AlongRows(Weights.of(source.width(), width), source.width());
        for (int y = 0; y < source.height(); y++) {
            alongRows.row(source.pixels(), y * source.width(), horizontal, y * width);
        }
        FloatImage widened = new FloatImage(width, source.height(), horizontal);
        float[] out = new float[width * height];
        DownColumns downColumns = new DownColumns(Weights.of(source.height(), height), widened::row, width, 0);
        for (int y = 0; y < height; y++) {
            downColumns.row(y);
            System.arraycopy(downColumns.sum, 0, out, y * width, width);
        }
        return new FloatImage(width, height, out);
    }

    /**
     * A picture read one row at a time, for {@link #shrink}, so that it need not be held whole as
     * floats. A picture on a flat background (a drawing on a canvas) may say so: every value of a row
     * outside its {@link #varying} columns is the {@link #background}, and the shrink works out only the
     * outputs near the varying columns, since a weighted sum of background values is the same wherever
     * it is taken.
     */
    interface Rows {
        /** Writes the values of row {@code y} in columns {@code from} (inclusive) to {@code to} into the same columns of {@code into}. */
        void read(int y, int from, int to, float[] into);

        /** The value of every pixel outside a row's varying columns; NaN where no background is known. */
        default float background() {
            return Float.NaN;
        }

        /**
         * Writes into {@code span} the columns {@code [span[0], span[1])} of row {@code y}, a row of
         * {@code width}, outside which every value is the {@link #background}; an empty span (equal
         * ends) for a row of background only. Called only where a background is known.
         */
        default void varying(int y, int width, int[] span) {
            span[0] = 0;
            span[1] = width;
        }
    }

    /**
     * The rows of an image, with its top-left value as the background: a row varies between its first
     * and last value of other bits. An image of ink on nothing (a digit's crop, a picture with its
     * background subtracted) is then shrunk with work only around the ink; a noisy one costs a
     * comparison or two per row.
     */
    private static Rows rows(FloatImage image) {
        float[] pixels = image.pixels();
        float background = pixels[0];
        if (Float.isNaN(background)) {
            return image::row;
        }
        int bits = Float.floatToRawIntBits(background);
        return new Rows() {
            @Override
            public void read(int y, int from, int to, float[] into) {
                image.row(y, from, to, into);
            }

            @Override
            public float background() {
                return background;
            }

            @Override
            public void varying(int y, int width, int[] span) {
                int row = y * width;
                int from = 0;
                while (from < width && Float.floatToRawIntBits(pixels[row + from]) == bits) {
                    from++;
                }
                int to = width;
                while (to > from && Float.floatToRawIntBits(pixels[row + to - 1]) == bits) {
                    to--;
                }
                if (from == width) { // background only
                    from = 0;
                    to = 0;
                }
                span[0] = from;
                span[1] = to;
            }
        };
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
        AlongRows alongRows = new AlongRows(Weights.of(sourceWidth, width), sourceWidth);
        DownColumns downColumns =
                new DownColumns(Weights.of(sourceHeight, height), source, sourceWidth, alongRows.taps() - 1);
        // One output row at a time: its sums down the columns, then along them, with no image in between.
        float[] out = new float[width * height];
        for (int y = 0; y < height; y++) {
            downColumns.row(y);
            alongRows.row(downColumns.sum, 0, downColumns.from, downColumns.to, downColumns.level, out, y * width);
        }
        return new FloatImage(width, height, out);
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

        /** The most input samples any output reads. */
        int taps() {
            int taps = 0;
            for (float[] w : weights) {
                taps = Math.max(taps, w.length);
            }
            return taps;
        }
    }

    /**
     * Sums source rows into output rows, one output row at a time, whole rows at once. Each source row
     * is read into a buffer first, so that the weighted sums run over arrays from their start: the JIT
     * turns such loops into vector instructions (not those that read two arrays at unrelated offsets).
     * Where the source knows its background, only the columns where one of an output's source rows
     * varies are summed ({@link #from} to {@link #to}); elsewhere the output is {@link #level}, the sum
     * of its weights times the background, taken in the same order, so the same float. That level is
     * written only {@code margin} columns beyond the varying ones, as far as {@link AlongRows} reads.
     */
    private static final class DownColumns {
        private final Weights weights;
        private final Rows in;
        private final int width;
        private final int margin;
        private final float background;
        private final boolean flat;
        private final float[] source;
        private final int[] span = new int[2];
        // the row in source, and its columns: neighbouring outputs share a row where their spans meet
        private int sourceRow = -1;
        private int sourceFrom;
        private int sourceTo;
        /** The last output row: its values, where they vary, and the value elsewhere. */
        final float[] sum;

        int from;
        int to;
        float level;

        DownColumns(Weights weights, Rows in, int width, int margin) {
            this.weights = weights;
            this.in = in;
            this.width = width;
            this.margin = margin;
            this.background = in.background();
            this.flat = !Float.isNaN(background);
            this.source = new float[width];
            this.sum = new float[width];
        }

        void row(int i) {
            int first = weights.first()[i];
            float[] w = weights.weights()[i];
            from = 0;
            to = width;
            if (flat) {
                from = width;
                to = 0;
                for (int k = 0; k < w.length; k++) {
                    in.varying(first + k, width, span);
                    if (span[0] < span[1]) {
                        from = Math.min(from, span[0]);
                        to = Math.max(to, span[1]);
                    }
                }
                if (from >= to) {
                    from = 0;
                    to = 0;
                }
            }
            Arrays.fill(sum, from, to, 0f);
            level = 0f;
            for (int k = 0; k < w.length; k++) {
                if (first + k != sourceRow || from != sourceFrom || to != sourceTo) {
                    sourceRow = first + k;
                    sourceFrom = from;
                    sourceTo = to;
                    in.read(sourceRow, from, to, source);
                }
                float weight = w[k];
                for (int x = from; x < to; x++) {
                    sum[x] += weight * source[x];
                }
                level += weight * background;
            }
            if (flat) {
                Arrays.fill(sum, Math.max(0, from - margin), from, level);
                Arrays.fill(sum, to, Math.min(width, to + margin), level);
            }
        }
    }

    /**
     * Resamples rows along their length. Every output reads the same number of taps, the longest
     * window's: shorter windows get weights of 0 before or after their own (moved left where they would
     * pass the row's end), which add exactly nothing to a sum of finite values. So the loop over the
     * outputs has no inner loop of varying length, and each output still sums its own taps in their
     * order. Outputs that read only a row's level are copied from that level's row of outputs.
     */
    private static final class AlongRows {
        private final int width;
        private final int outWidth;
        private final int taps;
        private final int[] start;
        private final float[][] byTap;
        private final LevelRows levelRows;

        AlongRows(Weights weights, int width) {
            this.width = width;
            this.outWidth = weights.first().length;
            this.taps = weights.taps();
            this.start = new int[outWidth];
            this.byTap = new float[taps][outWidth];
            for (int i = 0; i < outWidth; i++) {
                start[i] = Math.min(weights.first()[i], width - taps);
                for (int k = 0; k < weights.weights()[i].length; k++) {
                    byTap[weights.first()[i] - start[i] + k][i] = weights.weights()[i][k];
                }
            }
            this.levelRows = new LevelRows(byTap);
        }

        int taps() {
            return taps;
        }

        /**
         * Resamples the row of {@code width} values at {@code in[inRow]} into {@code out} from
         * {@code outRow}, where {@code out} holds zeros: each output is summed onto its place.
         */
        void row(float[] in, int inRow, float[] out, int outRow) {
            row(in, inRow, 0, width, Float.NaN, out, outRow);
        }

        /**
         * As {@link #row(float[], int, float[], int)}, for a row that is {@code level} outside columns
         * {@code from} to {@code to} (the whole row: {@code 0} to {@code width}), and holds real values
         * at least {@code taps - 1} columns beyond them.
         */
        void row(float[] in, int inRow, int from, int to, float level, float[] out, int outRow) {
            // The outputs [lo, hi) read a varying column; the others only the row's level.
            int lo = 0;
            int hi = outWidth;
            if (from > 0 || to < width) {
                if (from < to) {
                    lo = firstStartingAt(start, from - taps + 1);
                    hi = firstStartingAt(start, to);
                } else { // the level only
                    hi = 0;
                }
                float[] levels = levelRows.of(level);
                System.arraycopy(levels, 0, out, outRow, lo);
                System.arraycopy(levels, hi, out, outRow + hi, outWidth - hi);
            }
            for (int k = 0; k < taps; k++) {
                float[] w = byTap[k];
                int offset = inRow + k;
                for (int i = lo; i < hi; i++) {
                    out[outRow + i] += w[i] * in[offset + start[i]];
                }
            }
        }

        /** The first output whose taps start at or after {@code column} ({@code start.length} if none): {@code start} ascends. */
        private static int firstStartingAt(int[] start, int column) {
            int lo = 0;
            int hi = start.length;
            while (lo < hi) {
                int mid = (lo + hi) >>> 1;
                if (start[mid] < column) {
                    lo = mid + 1;
                } else {
                    hi = mid;
                }
            }
            return lo;
        }
    }

    /**
     * The outputs of a row whose every value is the same level, as {@link AlongRows} sums them (the
     * same products in the same order), kept for the last few levels: an image on a flat background
     * has one level per pattern of vertical weights.
     */
    private static final class LevelRows {
        private static final int KEPT = 4;
        private final float[][] byTap;
        private final float[] levels = new float[KEPT];
        private final float[][] rows = new float[KEPT][];
        private int next;

        LevelRows(float[][] byTap) {
            this.byTap = byTap;
        }

        float[] of(float level) {
            for (int j = 0; j < KEPT; j++) {
                if (rows[j] != null && Float.floatToRawIntBits(levels[j]) == Float.floatToRawIntBits(level)) {
                    return rows[j];
                }
            }
            float[] row = new float[byTap[0].length];
            for (float[] w : byTap) {
                for (int i = 0; i < row.length; i++) {
                    row[i] += w[i] * level;
                }
            }
            levels[next] = level;
            rows[next] = row;
            next = (next + 1) % KEPT;
            return row;
        }
    }
}
