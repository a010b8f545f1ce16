package dev.digits.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.training.optimizer.Optimizer;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * Adam as Keras computes it (bias correction folded into the step size, epsilon added to sqrt(v)),
 * using the engine's fused update. Unlike DJL's own Adam its state — both moments and the step
 * count of every parameter — can be saved and restored, so that a resumed run continues exactly.
 */
final class ResumableAdam extends Optimizer {
    private static final float BETA1 = 0.9f;
    private static final float BETA2 = 0.999f;

    private final float learningRate;
    private final float epsilon;
    private final Map<String, NDArray> means = new HashMap<>();
    private final Map<String, NDArray> variances = new HashMap<>();
    private final Map<String, Integer> steps = new HashMap<>();

    ResumableAdam(float learningRate, float epsilon) {
        super(new Builder());
        this.learningRate = learningRate;
        this.epsilon = epsilon;
    }

    @Override
    public void update(String parameterId, NDArray weight, NDArray grad) {
        int t = steps.merge(parameterId, 1, Integer::sum);
        double correction = Math.sqrt(1 - Math.pow(BETA2, t)) / (1 - Math.pow(BETA1, t));
        float stepSize = (float) (learningRate * correction);
        NDArray mean = means.computeIfAbsent(parameterId, id -> weight.zerosLike());
        NDArray variance = variances.computeIfAbsent(parameterId, id -> weight.zerosLike());
        weight.getNDArrayInternal().adamUpdate(
                new NDList(weight, grad, mean, variance), new NDList(weight),
                learningRate, stepSize, 0f, rescaleGrad, clipGrad, BETA1, BETA2, epsilon, true, false);
    }

    /** Writes the state in parameter-id order. */
    void save(DataOutputStream out) throws IOException {
        Map<String, Integer> sorted = new TreeMap<>(steps);
        out.writeInt(sorted.size());
        for (Map.Entry<String, Integer> entry : sorted.entrySet()) {
            out.writeUTF(entry.getKey());
            out.writeInt(entry.getValue());
            NDList moments = new NDList(means.get(entry.getKey()), variances.get(entry.getKey()));
            byte[] encoded = moments.encode();
            out.writeInt(encoded.length);
            out.write(encoded);
        }
    }

    /** Restores state written by {@link #save}; arrays are attached to {@code manager}. */
    void load(NDManager manager, DataInputStream in) throws IOException {
        int count = in.readInt();
        for (int i = 0; i < count; i++) {
            String id = in.readUTF();
            int step = in.readInt();
            byte[] encoded = in.readNBytes(in.readInt());
            NDList moments = NDList.decode(manager, encoded);
            steps.put(id, step);
            means.put(id, moments.get(0));
            variances.put(id, moments.get(1));
        }
    }

    private static final class Builder extends OptimizerBuilder<Builder> {
        @Override
        protected Builder self() {
            return this;
        }
    }
}
