package dev.digits.data;

import java.util.Arrays;
import java.util.Objects;

/**
 * Labelled 28x28 greyscale images kept in one buffer: image {@code i} occupies bytes
 * {@code [i*784, (i+1)*784)} of {@link #pixels()}, 0 = background, 255 = full ink.
 * Batches are slices of this buffer, never per-sample objects.
 */
public record DigitSet(byte[] pixels, byte[] labels) {
    public static final int SIDE = 28;
    public static final int PIXELS = SIDE * SIDE;
    public static final int CLASSES = 10;

    public DigitSet {
        Objects.requireNonNull(pixels);
        Objects.requireNonNull(labels);
        if (pixels.length != labels.length * PIXELS) {
            throw new IllegalArgumentException(
                    pixels.length + " pixel bytes do not hold " + labels.length + " images of " + PIXELS + " pixels");
        }
    }

    public int size() {
        return labels.length;
    }

    public int label(int index) {
        return labels[index];
    }

    /** Images {@code [from, to)} as a new set (copies; the sets used here are small). */
    public DigitSet slice(int from, int to) {
        if (from < 0 || to > size() || from > to) {
            throw new IndexOutOfBoundsException("slice [" + from + ", " + to + ") of " + size() + " images");
        }
        return new DigitSet(
                Arrays.copyOfRange(pixels, from * PIXELS, to * PIXELS), Arrays.copyOfRange(labels, from, to));
    }

    public DigitSet first(int count) {
        return slice(0, Math.min(count, size()));
    }

    /** How many images of each class. */
    public int[] classCounts() {
        int[] counts = new int[CLASSES];
        for (byte label : labels) {
            counts[label]++;
        }
        return counts;
    }
}
