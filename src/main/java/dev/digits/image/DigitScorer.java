package dev.digits.image;

import java.util.List;

/**
 * How sure a classifier is of each prepared 28x28 digit (its highest class probability). Segmentation
 * asks it where geometry alone cannot tell one wide digit from two touching ones; this package stays
 * free of any engine, the caller supplies the classifier.
 */
@FunctionalInterface
public interface DigitScorer {
    float[] confidences(List<float[]> inputs);
}
