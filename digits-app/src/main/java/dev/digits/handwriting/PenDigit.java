package dev.digits.handwriting;

import java.util.List;

/**
 * One digit as a pen wrote it on a tablet: strokes of (x, y) points, y growing downwards (the
 * reader flips the tablet's upward axis), in the tablet's own units.
 *
 * @param strokes each stroke's points as {@code x0, y0, x1, y1, ...}
 */
public record PenDigit(int label, int writer, List<float[]> strokes) {
    public PenDigit {
        strokes = List.copyOf(strokes);
        if (label < 0 || label > 9) {
            throw new IllegalArgumentException("label " + label + " is not a digit");
        }
    }
}
