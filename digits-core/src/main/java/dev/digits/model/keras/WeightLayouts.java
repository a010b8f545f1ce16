package dev.digits.model.keras;

import dev.digits.model.layers.Tensor;

/**
 * Conversions between Keras's weight layouts (channels-last) and DJL's (channels-first).
 * Each pair of methods is exactly inverse.
 */
public final class WeightLayouts {
    private WeightLayouts() {}

    /** Conv2D kernel: Keras (height, width, in, out) → DJL (out, in, height, width). */
    public static Tensor convKernelToDjl(Tensor hwio) {
        requireRank(hwio, 4, "Conv2D kernel");
        int h = dim(hwio, 0), w = dim(hwio, 1), in = dim(hwio, 2), out = dim(hwio, 3);
        float[] src = hwio.data();
        float[] dst = new float[src.length];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                for (int i = 0; i < in; i++) {
                    for (int o = 0; o < out; o++) {
                        dst[((o * in + i) * h + y) * w + x] = src[((y * w + x) * in + i) * out + o];
                    }
                }
            }
        }
        return new Tensor(new long[] {out, in, h, w}, dst);
    }

    /**
     * DepthwiseConv2D kernel: Keras (height, width, channels, multiplier) → DJL's grouped convolution weight
     * (channels · multiplier, 1, height, width), output channel c · multiplier + m as Keras orders them.
     */
    public static Tensor depthwiseKernelToDjl(Tensor hwcm) {
        requireRank(hwcm, 4, "DepthwiseConv2D kernel");
        int h = dim(hwcm, 0), w = dim(hwcm, 1), channels = dim(hwcm, 2), multiplier = dim(hwcm, 3);
        float[] src = hwcm.data();
        float[] dst = new float[src.length];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                for (int c = 0; c < channels; c++) {
                    for (int m = 0; m < multiplier; m++) {
                        dst[((c * multiplier + m) * h + y) * w + x] =
                                src[((y * w + x) * channels + c) * multiplier + m];
                    }
                }
            }
        }
        return new Tensor(new long[] {(long) channels * multiplier, 1, h, w}, dst);
    }

    /** A Keras kernel (height, width, in, out) turned by 180°: row y, column x becomes row h-1-y, column w-1-x. */
    public static Tensor flipKernel(Tensor hwio) {
        requireRank(hwio, 4, "Conv2D kernel");
        int h = dim(hwio, 0), w = dim(hwio, 1), inOut = dim(hwio, 2) * dim(hwio, 3);
        float[] src = hwio.data();
        float[] dst = new float[src.length];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                System.arraycopy(src, (y * w + x) * inOut, dst, ((h - 1 - y) * w + (w - 1 - x)) * inOut, inOut);
            }
        }
        return new Tensor(hwio.shape().clone(), dst);
    }

    /** Conv2D kernel: DJL (out, in, height, width) → Keras (height, width, in, out). */
    public static Tensor convKernelToKeras(Tensor oihw) {
        requireRank(oihw, 4, "Conv2d weight");
        int out = dim(oihw, 0), in = dim(oihw, 1), h = dim(oihw, 2), w = dim(oihw, 3);
        float[] src = oihw.data();
        float[] dst = new float[src.length];
        for (int o = 0; o < out; o++) {
            for (int i = 0; i < in; i++) {
                for (int y = 0; y < h; y++) {
                    for (int x = 0; x < w; x++) {
                        dst[((y * w + x) * in + i) * out + o] = src[((o * in + i) * h + y) * w + x];
                    }
                }
            }
        }
        return new Tensor(new long[] {h, w, in, out}, dst);
    }

    /** Dense kernel (inputs, units) ↔ DJL Linear weight (units, inputs): a matrix transpose either way. */
    public static Tensor transpose(Tensor matrix) {
        requireRank(matrix, 2, "Dense kernel");
        int rows = dim(matrix, 0), cols = dim(matrix, 1);
        float[] src = matrix.data();
        float[] dst = new float[src.length];
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                dst[c * rows + r] = src[r * cols + c];
            }
        }
        return new Tensor(new long[] {cols, rows}, dst);
    }

    /**
     * Reorders the input columns of a DJL Linear weight (units, C·H·W) that follows a channels-first flatten
     * so that it reads a channels-last flatten (H·W·C) instead: column (y, x, c) of the result is column
     * (c, y, x) of the input. This is how a network with DJL's flatten exports to Keras's Flatten.
     */
    public static Tensor inputsChannelsFirstToLast(Tensor weight, int channels, int height, int width) {
        requireRank(weight, 2, "Dense weight");
        int units = dim(weight, 0), inputs = dim(weight, 1);
        if (inputs != channels * height * width) {
            throw new IllegalArgumentException(
                    "Dense weight has " + inputs + " inputs, the flattened image has " + channels * height * width);
        }
        float[] src = weight.data();
        float[] dst = new float[src.length];
        for (int u = 0; u < units; u++) {
            for (int c = 0; c < channels; c++) {
                for (int y = 0; y < height; y++) {
                    for (int x = 0; x < width; x++) {
                        dst[u * inputs + (y * width + x) * channels + c] =
                                src[u * inputs + (c * height + y) * width + x];
                    }
                }
            }
        }
        return new Tensor(weight.shape().clone(), dst);
    }

    private static void requireRank(Tensor t, int rank, String what) {
        if (t.rank() != rank) {
            throw new IllegalArgumentException(what + " must have " + rank + " dimensions, not " + t.shapeText());
        }
    }

    private static int dim(Tensor t, int axis) {
        return Math.toIntExact(t.shape()[axis]);
    }
}
