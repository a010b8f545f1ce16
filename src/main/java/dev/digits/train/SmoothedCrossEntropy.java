package dev.digits.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.training.loss.Loss;

/**
 * Cross-entropy against targets that give the true class {@code 1 - smoothing} and spread
 * {@code smoothing} evenly over all classes (Szegedy et al., 2016): the network is not pushed to
 * ever larger logits for examples it already gets right. DJL's softmax loss has no such option.
 */
final class SmoothedCrossEntropy extends Loss {
    private final float smoothing;

    SmoothedCrossEntropy(float smoothing) {
        super("SmoothedCrossEntropy");
        this.smoothing = smoothing;
    }

    @Override
    public NDArray evaluate(NDList labels, NDList predictions) {
        NDArray logProbabilities = predictions.singletonOrThrow().logSoftmax(1);
        long classes = logProbabilities.getShape().get(1);
        NDArray targets = labels.singletonOrThrow().oneHot((int) classes)
                .muli(1 - smoothing).addi(smoothing / classes);
        return logProbabilities.mul(targets).sum(new int[] {1}).neg().mean();
    }
}
