package dev.digits.image;

import dev.digits.data.DigitSet;
import java.util.Objects;

/**
 * One digit found in an image: where it is and what the network should see.
 *
 * @param box   the digit's ink, in the pixel coordinates of the image it was found in
 * @param input the MNIST-style 28x28 input, row-major, 0 = background, 1 = full ink (see {@link MnistFormat})
 */
public record DigitCrop(Box box, float[] input) {
    public DigitCrop {
        Objects.requireNonNull(box);
        Objects.requireNonNull(input);
        if (input.length != DigitSet.PIXELS) {
            throw new IllegalArgumentException("input has " + input.length + " values, expected " + DigitSet.PIXELS);
        }
    }
}
