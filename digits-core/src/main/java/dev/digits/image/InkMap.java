package dev.digits.image;

import java.util.List;

/**
 * The ink of an image, background and specks removed.
 *
 * @param ink        ink strength per pixel: 0 = background, 1 = full ink
 * @param labels     per pixel, the id of the component it belongs to ({@link ConnectedComponents#NONE}
 *                   where {@code ink} is 0); the faint anti-aliased rim of a stroke belongs to its stroke
 * @param components the pieces of ink; their ids index nothing, they are the values in {@code labels}
 * @param polarity   how the ink was found to stand out from its background
 */
public record InkMap(FloatImage ink, int[] labels, List<Component> components, Polarity polarity) {
    public boolean isEmpty() {
        return components.isEmpty();
    }
}
