package dev.digits.train;

import ai.djl.ndarray.NDArray;
import ai.djl.nn.Parameter;
import ai.djl.util.Pair;
import dev.digits.model.Classifier;
import java.util.ArrayList;
import java.util.List;

/**
 * An exponential moving average of a training network's parameters (Polyak averaging), held in a
 * second network of the same architecture so that it can be validated, checkpointed and kept like
 * any classifier. Batch-norm statistics are averaged along with the weights. The average smooths
 * out the noise of single steps, which at a high learning rate costs accuracy.
 */
final class WeightAverage {
    private final Classifier network;
    private final float decay;
    private final Classifier average;

    /** Starts the average at the network's current parameters. */
    WeightAverage(Classifier network, float decay) {
        this.network = network;
        this.decay = decay;
        this.average = Classifier.create(network.architecture(), 0);
        average.restoreParameterBytes(network.parameterBytes());
    }

    /**
     * Moves the average towards the network after update {@code step} (1-based, counted over the
     * whole run). Early on the decay is lower, so that the average forgets the random start quickly.
     */
    void update(long step) {
        float d = (float) Math.min(decay, (1.0 + step) / (10.0 + step));
        // Arrays are looked up every time: restoring a checkpoint replaces them.
        List<NDArray> live = arrays(network);
        List<NDArray> averaged = arrays(average);
        for (int i = 0; i < live.size(); i++) {
            // avg = d * avg + (1 - d) * w, in place so that no step allocates.
            averaged.get(i).subi(live.get(i)).muli(d).addi(live.get(i));
        }
    }

    /** The averaged network; whoever ends the run owns it. */
    Classifier classifier() {
        return average;
    }

    private static List<NDArray> arrays(Classifier classifier) {
        List<NDArray> arrays = new ArrayList<>();
        for (Pair<String, Parameter> p : classifier.block().getParameters()) {
            arrays.add(p.getValue().getArray());
        }
        return arrays;
    }
}
