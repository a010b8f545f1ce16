package dev.digits.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.training.optimizer.Optimizer;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntToDoubleFunction;

/**
 * Adam as Keras computes it (bias correction folded into the step size, epsilon added to sqrt(v)),
 * using the engine's fused update. Unlike DJL's own Adam its state — both moments and the step
 * count of every parameter — can be saved and restored, so that a resumed run continues exactly.
 */
final class ResumableAdam extends Optimizer {
    private static final float BETA1 = 0.9f;
    private static final float BETA2 = 0.999f;

    private final IntToDoubleFunction learningRate;
    private final float epsilon;
    private final Map<String, NDArray> means = new HashMap<>();
    private final Map<String, NDArray> variances = new HashMap<>();
    private final Map<String, Integer> steps = new HashMap<>();

    /** @param learningRate the rate for each update step (1-based), see {@link Schedule} */
    ResumableAdam(IntToDoubleFunction learningRate, float epsilon) {
        super(new Builder());
        this.learningRate = learningRate;
        this.epsilon = epsilon;
    }

    @Override
    public void update(String parameterId, NDArray weight, NDArray grad) {
        int t = steps.merge(parameterId, 1, Integer::sum);
        double rate = learningRate.applyAsDouble(t);
        double correction = Math.sqrt(1 - Math.pow(BETA2, t)) / (1 - Math.pow(BETA1, t));
        float stepSize = (float) (rate * correction);
        NDArray mean = means.computeIfAbsent(parameterId, id -> weight.zerosLike());
        NDArray variance = variances.computeIfAbsent(parameterId, id -> weight.zerosLike());
        weight.getNDArrayInternal()
                .adamUpdate(
                        new NDList(weight, grad, mean, variance),
                        new NDList(weight),
                        (float) rate,
                        stepSize,
                        0f,
                        rescaleGrad,
                        clipGrad,
                        BETA1,
                        BETA2,
                        epsilon,
                        true,
                        false);
    }

    /**
     * Writes the state in the order of {@code parameterIds} (the network's parameter order). Ids
     * themselves are not saved: DJL draws new random ids for every network it builds.
     */
    void save(DataOutputStream out, List<String> parameterIds) throws IOException {
        out.writeInt(steps.size());
        for (String id : parameterIds) {
            if (!steps.containsKey(id)) {
                continue;
            }
            out.writeInt(parameterIds.indexOf(id));
            out.writeInt(steps.get(id));
            byte[] encoded = new NDList(means.get(id), variances.get(id)).encode();
            out.writeInt(encoded.length);
            out.write(encoded);
        }
    }

    /** Restores state written by {@link #save} onto the parameters of a freshly built network. */
    void load(NDManager manager, DataInputStream in, List<String> parameterIds) throws IOException {
        int count = in.readInt();
        for (int i = 0; i < count; i++) {
            String id = parameterIds.get(in.readInt());
            steps.put(id, in.readInt());
            NDList moments = NDList.decode(manager, in.readNBytes(in.readInt()));
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
