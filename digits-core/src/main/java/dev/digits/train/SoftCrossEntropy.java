package dev.digits.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.training.loss.Loss;

/**
 * Cross-entropy against soft targets. Label smoothing (Szegedy et al., 2016) gives the true class
 * {@code 1 - smoothing} and spreads {@code smoothing} evenly over all classes, so the network is not
 * pushed to ever larger logits for examples it already gets right. An outlier (label
 * {@link OutlierExposure#LABEL}, one past the last class) gets the uniform target, its loss weighed by
 * {@code outlierWeight}. DJL's softmax loss has neither option.
 */
final class SoftCrossEntropy extends Loss {
    private final float smoothing;
    private final float outlierWeight;

    SoftCrossEntropy(float smoothing, float outlierWeight) {
        super("SoftCrossEntropy");
        this.smoothing = smoothing;
        this.outlierWeight = outlierWeight;
    }

    @Override
    public NDArray evaluate(NDList labels, NDList predictions) {
        NDArray logProbabilities = predictions.singletonOrThrow().logSoftmax(1);
        long classes = logProbabilities.getShape().get(1);
        NDArray oneHot = labels.singletonOrThrow().oneHot((int) classes + 1);
        NDArray outlier = oneHot.get(":, " + classes);
        NDArray digit = oneHot.get(":, :" + classes);
        NDArray targets = digit.mul(1 - smoothing)
                .add(outlier.neg()
                        .add(1)
                        .mul(smoothing / classes)
                        .add(outlier.div(classes))
                        .expandDims(1));
        NDArray losses = logProbabilities.mul(targets).sum(new int[] {1}).neg();
        return losses.mul(outlier.mul(outlierWeight - 1).add(1)).mean();
    }
}
