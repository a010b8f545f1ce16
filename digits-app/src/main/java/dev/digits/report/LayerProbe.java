package dev.digits.report;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Block;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.training.ParameterStore;
import dev.digits.DigitsException;
import dev.digits.data.DigitSet;
import dev.digits.data.Images;
import dev.digits.model.Classifier;
import java.util.ArrayList;
import java.util.List;

/**
 * Looks inside a sequential network by running its layers one at a time: what each convolution
 * produces, and the activations of the penultimate layer. Engine arrays live in a scope per call.
 */
final class LayerProbe {
    private static final int BATCH = 250;

    /**
     * What one convolution layer produced for a set of images, after its activation when one follows it
     * (that is what the next layer sees).
     *
     * @param values row-major {@code [images, channels, height, width]}
     */
    record FeatureMaps(int layer, int images, int channels, int height, int width, float[] values) {
        float value(int image, int channel, int y, int x) {
            return values[((image * channels + channel) * height + y) * width + x];
        }
    }

    private final Classifier classifier;
    private final List<Block> layers;

    LayerProbe(Classifier classifier) {
        this.classifier = classifier;
        if (!(classifier.block() instanceof SequentialBlock sequential)) {
            throw new DigitsException("the report looks inside sequential networks only; "
                    + classifier.architecture().name() + " is a "
                    + classifier.block().getClass().getSimpleName());
        }
        this.layers = sequential.getChildren().values();
    }

    /** The first convolution's weights, {@code [filters, inChannels, kh, kw]}, with their shape. */
    Weights firstConvolutionWeights() {
        Conv2d first = firstConvolution(classifier.block());
        if (first == null) {
            throw new DigitsException(classifier.architecture().name() + " has no convolution layer");
        }
        NDArray weight = first.getParameters().get("weight").getArray();
        long[] shape = weight.getShape().getShape();
        return new Weights((int) shape[0], (int) shape[1], (int) shape[2], (int) shape[3], weight.toFloatArray());
    }

    /** @param values row-major {@code [filters, channels, height, width]} */
    record Weights(int filters, int channels, int height, int width, float[] values) {}

    List<FeatureMaps> featureMaps(DigitSet images) {
        List<FeatureMaps> result = new ArrayList<>();
        try (NDManager scope = classifier.manager().newSubManager()) {
            ParameterStore store = new ParameterStore(scope, false);
            NDList x = new NDList(Images.toInputs(scope, images, 0, images.size()));
            NDArray pending = null;
            for (Block layer : layers) {
                NDList out = layer.forward(store, x, false);
                NDArray y = out.singletonOrThrow();
                if (firstConvolution(layer) != null) {
                    if (pending != null) {
                        result.add(maps(result.size() + 1, pending));
                    }
                    pending = y;
                } else if (pending != null) {
                    boolean activation =
                            layer.getParameters().isEmpty() && y.getShape().equals(pending.getShape());
                    result.add(maps(result.size() + 1, activation ? y : pending));
                    pending = null;
                }
                x = out;
            }
            if (pending != null) {
                result.add(maps(result.size() + 1, pending));
            }
        }
        return result;
    }

    /** The input of the last layer (the classifier head) for the first {@code count} images: {@code [count][features]}. */
    float[][] penultimate(DigitSet set, int count) {
        float[][] features = new float[count][];
        for (int from = 0; from < count; from += BATCH) {
            int to = Math.min(count, from + BATCH);
            try (NDManager scope = classifier.manager().newSubManager()) {
                ParameterStore store = new ParameterStore(scope, false);
                NDList x = new NDList(Images.toInputs(scope, set, from, to));
                for (Block layer : layers.subList(0, layers.size() - 1)) {
                    x = layer.forward(store, x, false);
                }
                NDArray flat = x.singletonOrThrow().reshape(to - from, -1);
                int width = (int) flat.getShape().get(1);
                float[] values = flat.toFloatArray();
                for (int i = from; i < to; i++) {
                    features[i] = java.util.Arrays.copyOfRange(values, (i - from) * width, (i - from + 1) * width);
                }
            }
        }
        return features;
    }

    private static FeatureMaps maps(int layer, NDArray array) {
        long[] s = array.getShape().getShape();
        return new FeatureMaps(layer, (int) s[0], (int) s[1], (int) s[2], (int) s[3], array.toFloatArray());
    }

    /** The first {@link Conv2d} in a block, looking inside nested sequential blocks; null if there is none. */
    private static Conv2d firstConvolution(Block block) {
        if (block instanceof Conv2d conv) {
            return conv;
        }
        for (Block child : block.getChildren().values()) {
            Conv2d found = firstConvolution(child);
            if (found != null) {
                return found;
            }
        }
        return null;
    }
}
