package dev.digits.report;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import dev.digits.data.DigitSet;
import dev.digits.data.Images;
import dev.digits.model.Classifier;

/**
 * Saliency maps: how much each input pixel moves a class's score, |d score / d pixel|, computed by
 * the engine's autograd. Parameters are left as they were (nothing is updated).
 */
final class Saliency {
    private Saliency() {}

    /**
     * @param classes the class whose score is explained, one per image
     * @return row-major {@code [images * 784]} absolute gradients
     */
    static float[] of(Classifier classifier, DigitSet images, int[] classes) {
        int n = images.size();
        float[] oneHot = new float[n * DigitSet.CLASSES];
        for (int i = 0; i < n; i++) {
            oneHot[i * DigitSet.CLASSES + classes[i]] = 1;
        }
        try (NDManager scope = classifier.manager().newSubManager();
                GradientCollector collector =
                        Engine.getEngine(Classifier.ENGINE).newGradientCollector()) {
            NDArray input = Images.toInputs(scope, images, 0, n);
            input.setRequiresGradient(true);
            // Images do not interact in inference mode, so one backward pass of the summed scores gives each image its
            // own gradient.
            NDArray score = classifier
                    .logits(input)
                    .mul(scope.create(oneHot, new Shape(n, DigitSet.CLASSES)))
                    .sum();
            collector.backward(score);
            return input.getGradient().abs().toFloatArray();
        }
    }
}
