package dev.digits.handwriting;

import java.awt.image.BufferedImage;
import java.nio.file.Path;

/**
 * One picture of real handwriting and what is written in it: either a file as a user would hand it
 * over, or a picture made from a collection's strokes or scan.
 *
 * @param id where it comes from, for reports ("writer 5 #12", "real/single/031.jpg")
 * @param label the digits written, left to right; "" where the picture is not one digit and the right
 *     answer is "unsure" or none
 * @param file the image file, or null for a made picture
 * @param image the made picture, or null for a file
 */
public record RealSample(String id, String label, Path file, BufferedImage image) {
    public RealSample {
        if ((file == null) == (image == null)) {
            throw new IllegalArgumentException("a sample is a file or a picture, exactly one");
        }
    }
}
