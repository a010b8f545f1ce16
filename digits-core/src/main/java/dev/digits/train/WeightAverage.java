package dev.digits.train;

import ai.djl.ndarray.NDArray;
import ai.djl.nn.Parameter;
import ai.djl.util.Pair;
import dev.digits.model.Buildable;
import dev.digits.model.Classifier;
import java.util.ArrayList;
import java.util.List;

/**
 * An exponential moving average of a training network's parameters (Polyak averaging), held in a
 * second network of the same architecture so that it can be validated, checkpointed and kept like
 * any classifier. Batch-norm statistics are averaged along with the weights. The average smooths
 * out the noise of single steps, which at a high learning rate costs accuracy.
 *
 * <p>With decay 0 there is no average: {@link #classifier()} is the training network itself and
 * {@link #update} does nothing. The average owns its second network and closes it.
 */
final class WeightAverage implements AutoCloseable {
    private final Classifier network;
    private final float decay;
    /** The averaged network, or {@code network} itself when there is no average. */
    private final Classifier average;

    private WeightAverage(Classifier network, float decay, Classifier average) {
        this.network = network;
        this.decay = decay;
        this.average = average;
    }

    /**
     * An average of {@code network}, built as {@code architecture}, with {@code decay}, started at its
     * current parameters; none for decay 0.
     */
    static WeightAverage of(Buildable architecture, Classifier network, float decay) {
        if (decay == 0) {
            return new WeightAverage(network, 0, network);
        }
        Classifier average = Classifier.create(architecture, 0);
        average.restoreParameterBytes(network.parameterBytes());
        return new WeightAverage(network, decay, average);
    }

    /** Whether there is an average apart from the training network. */
    boolean isOn() {
        return average != network;
    }

    /**
     * Moves the average towards the network after update {@code step} (1-based, counted over the
     * whole run). Early on the decay is lower, so that the average forgets the random start quickly.
     */
    void update(long step) {
        if (!isOn()) {
            return;
        }
        float d = (float) Math.min(decay, (1.0 + step) / (10.0 + step));
        // Arrays are looked up every time: restoring a checkpoint replaces them.
        List<NDArray> live = arrays(network);
        List<NDArray> averaged = arrays(average);
        for (int i = 0; i < live.size(); i++) {
            // avg = d * avg + (1 - d) * w, in place so that no step allocates.
            averaged.get(i).subi(live.get(i)).muli(d).addi(live.get(i));
        }
    }

    /** The network that is validated, selected and kept: the average, or the training network when there is none. */
    Classifier classifier() {
        return average;
    }

    @Override
    public void close() {
        if (isOn()) {
            average.close();
        }
    }

    private static List<NDArray> arrays(Classifier classifier) {
        List<NDArray> arrays = new ArrayList<>();
        for (Pair<String, Parameter> p : classifier.block().getParameters()) {
            arrays.add(p.getValue().getArray());
        }
        return arrays;
    }
}
