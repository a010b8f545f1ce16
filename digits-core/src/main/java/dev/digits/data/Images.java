package dev.digits.data;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.nio.ByteBuffer;

/** Turns images of a {@link DigitSet} into engine arrays in one copy per batch. */
public final class Images {
    private Images() {}

    /** All images as one {@code [n, 1, 28, 28]} uint8 array (0..255): the buffer batches are sliced from. */
    public static NDArray toPixels(NDManager manager, DigitSet set) {
        return manager.create(
                ByteBuffer.wrap(set.pixels()), new Shape(set.size(), 1, DigitSet.SIDE, DigitSet.SIDE), DataType.UINT8);
    }

    /** All labels as one {@code [n]} int64 array. */
    public static NDArray toLabels(NDManager manager, DigitSet set) {
        long[] labels = new long[set.size()];
        for (int i = 0; i < labels.length; i++) {
            labels[i] = set.label(i);
        }
        return manager.create(labels);
    }

    /** Images {@code [from, to)} as network inputs: float32 {@code [n, 1, 28, 28]} in [0, 1]. */
    public static NDArray toInputs(NDManager manager, DigitSet set, int from, int to) {
        ByteBuffer slice = ByteBuffer.wrap(set.pixels(), from * DigitSet.PIXELS, (to - from) * DigitSet.PIXELS)
                .slice();
        NDArray bytes = manager.create(slice, new Shape(to - from, 1, DigitSet.SIDE, DigitSet.SIDE), DataType.UINT8);
        return normalize(bytes);
    }

    /** uint8 pixels to float32 inputs in [0, 1]. */
    public static NDArray normalize(NDArray pixels) {
        return pixels.toType(DataType.FLOAT32, false).div(255f);
    }
}
