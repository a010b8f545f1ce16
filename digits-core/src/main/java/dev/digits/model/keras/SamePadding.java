package dev.digits.model.keras;

/**
 * Keras's (TensorFlow's) {@code padding="same"}: the output has ceil(input / stride) positions, and when the
 * padding needed is odd the extra pixel goes to the bottom and right.
 */
final class SamePadding {
    private SamePadding() {}

    /** {top, bottom, left, right}. */
    static int[] of(int kernelHeight, int kernelWidth, int strideHeight, int strideWidth, int height, int width) {
        int[] vertical = axis(kernelHeight, strideHeight, height);
        int[] horizontal = axis(kernelWidth, strideWidth, width);
        return new int[] {vertical[0], vertical[1], horizontal[0], horizontal[1]};
    }

    private static int[] axis(int kernel, int stride, int size) {
        int out = (size + stride - 1) / stride;
        int total = Math.max((out - 1) * stride + kernel - size, 0);
        return new int[] {total / 2, total - total / 2};
    }
}
