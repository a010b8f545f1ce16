package dev.digits.model;

import dev.digits.model.layers.LayerSpec;
import dev.digits.model.layers.LayerStack;
import dev.digits.model.layers.Parameters;
import dev.digits.model.layers.Tensor;
import dev.digits.model.layers.TensorShape;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * A network's batch norms folded into the convolutions before them, for inference: at inference a
 * batch norm is a per-channel scale {@code s = gamma / sqrt(variance + epsilon)} and shift, so the
 * convolution's weights times {@code s} and the bias {@code beta + (bias - mean) * s} compute the same,
 * one pass over the activations fewer per convolution. The results differ from the unfolded network's
 * in the last bits of a float (the product is rounded once more, at another place).
 */
final class BatchNormFolding {
    private BatchNormFolding() {}

    /**
     * The same network with every batch norm that directly follows a convolution (in the same chain of
     * layers) folded into it, its parameters computed from {@code classifier}'s; null where the network
     * is not a {@link Network} or has no such pair.
     */
    static Classifier fold(Classifier classifier) {
        if (!(classifier.architecture() instanceof Network network)
                || !hasPair(network.layers().layers())) {
            return null;
        }
        Iterator<Tensor> parameters = Parameters.read(classifier).iterator();
        List<Tensor> values = new ArrayList<>();
        Folded folded = fold(network.layers().layers(), TensorShape.INPUT, parameters, values);
        Network inference = new Network(
                network.name(), network.description(), new LayerStack(folded.layers()), Network.Initialization.ENGINE);
        Classifier result = Classifier.create(inference, 0);
        try {
            Parameters.assign(result, values);
        } catch (RuntimeException e) {
            result.close();
            throw e;
        }
        return result;
    }

    /** Whether {@code layers}, or a chain nested in them, hold a convolution directly followed by a batch norm. */
    private static boolean hasPair(List<LayerSpec> layers) {
        for (int i = 0; i < layers.size(); i++) {
            if (isPair(layers, i)
                    || layers.get(i) instanceof LayerSpec.SequenceSpec sequence && hasPair(sequence.layers())) {
                return true;
            }
        }
        return false;
    }

    private static boolean isPair(List<LayerSpec> layers, int i) {
        return layers.get(i) instanceof LayerSpec.Conv2dSpec
                && i + 1 < layers.size()
                && layers.get(i + 1) instanceof LayerSpec.BatchNormSpec;
    }

    /** A chain of layers with its pairs folded, and the shape it gives. */
    private record Folded(List<LayerSpec> layers, TensorShape output) {}

    /**
     * Folds the pairs in {@code layers} (and in the chains nested in them), taking each layer's
     * parameters from {@code parameters} in DJL's order and adding the folded network's to {@code values}
     * in the same order.
     */
    private static Folded fold(
            List<LayerSpec> layers, TensorShape input, Iterator<Tensor> parameters, List<Tensor> values) {
        List<LayerSpec> result = new ArrayList<>();
        TensorShape shape = input;
        for (int i = 0; i < layers.size(); i++) {
            LayerSpec layer = layers.get(i);
            if (layer instanceof LayerSpec.SequenceSpec sequence) {
                Folded inner = fold(sequence.layers(), shape, parameters, values);
                result.add(new LayerSpec.SequenceSpec(sequence.name(), inner.layers()));
                shape = inner.output();
                continue;
            }
            if (isPair(layers, i)) {
                LayerSpec.Conv2dSpec conv = (LayerSpec.Conv2dSpec) layer;
                LayerSpec.BatchNormSpec norm = (LayerSpec.BatchNormSpec) layers.get(i + 1);
                Tensor weights = parameters.next();
                float[] weight = weights.data().clone();
                float[] bias = conv.useBias() ? parameters.next().data() : new float[conv.filters()];
                float[] gamma = parameters.next().data();
                float[] beta = parameters.next().data();
                float[] mean = parameters.next().data();
                float[] variance = parameters.next().data();
                int perFilter = weight.length / conv.filters();
                float[] foldedBias = new float[conv.filters()];
                for (int f = 0; f < conv.filters(); f++) {
                    double scale = gamma[f] / Math.sqrt((double) variance[f] + norm.epsilon());
                    for (int k = f * perFilter; k < (f + 1) * perFilter; k++) {
                        weight[k] = (float) (weight[k] * scale);
                    }
                    foldedBias[f] = (float) (beta[f] + ((double) bias[f] - mean[f]) * scale);
                }
                values.add(new Tensor(weights.shape(), weight));
                values.add(new Tensor(new long[] {conv.filters()}, foldedBias));
                result.add(withBias(conv));
                shape = conv.outputShape(shape);
                i++; // the batch norm, folded
                continue;
            }
            for (int p = 0; p < layer.parameterShapes(shape).size(); p++) {
                values.add(parameters.next());
            }
            result.add(layer);
            shape = layer.outputShape(shape);
        }
        return new Folded(result, shape);
    }

    private static LayerSpec.Conv2dSpec withBias(LayerSpec.Conv2dSpec c) {
        return new LayerSpec.Conv2dSpec(
                c.name(),
                c.filters(),
                c.kernelHeight(),
                c.kernelWidth(),
                c.strideHeight(),
                c.strideWidth(),
                c.padTop(),
                c.padBottom(),
                c.padLeft(),
                c.padRight(),
                true,
                c.dilationHeight(),
                c.dilationWidth(),
                c.groups());
    }
}
