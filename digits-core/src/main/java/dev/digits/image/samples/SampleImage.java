package dev.digits.image.samples;

import java.awt.image.BufferedImage;
import java.util.Objects;

/**
 * One generated test image and what is written in it.
 *
 * @param label   the digits written, left to right ("7", or "40913" for a number)
 * @param sources the MNIST test-set indices of those digits, in the same order
 * @param image   the picture as a program would receive it (for photographs, decoded from {@code jpeg})
 * @param jpeg    the JPEG file of a photograph, or {@code null} for images that are PNG files
 */
public record SampleImage(String label, int[] sources, BufferedImage image, byte[] jpeg) {
    public SampleImage {
        Objects.requireNonNull(label);
        Objects.requireNonNull(sources);
        Objects.requireNonNull(image);
        if (label.length() != sources.length) {
            throw new IllegalArgumentException("label " + label + " for " + sources.length + " source digits");
        }
    }

    /** The file name extension it is written with: "jpg" for photographs, "png" otherwise. */
    public String extension() {
        return jpeg == null ? "png" : "jpg";
    }
}
