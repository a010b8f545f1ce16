package dev.digits.recognize;

import dev.digits.image.Box;
import java.util.List;

/**
 * The digits read from one image, left to right.
 *
 * @param text the digits as a string ("" when the image has no ink)
 * @param digits each digit's place in the image and its prediction
 */
public record Reading(String text, List<Digit> digits) {

    /** One digit of a reading: its box in the image's pixel coordinates and what the model thinks it is. */
    public record Digit(Box box, Prediction prediction) {}

    public Reading {
        digits = List.copyOf(digits);
    }

    public boolean isEmpty() {
        return digits.isEmpty();
    }
}
