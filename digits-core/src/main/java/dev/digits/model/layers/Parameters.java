package dev.digits.model.layers;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.nn.Parameter;
import ai.djl.util.Pair;
import dev.digits.model.Classifier;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Moves parameter values between a {@link Classifier} and plain {@link Tensor}s, in DJL's parameter order. */
public final class Parameters {
    private static final NDIndex ALL = new NDIndex("...");

    private Parameters() {}

    /** Replaces every parameter of the network; the count and each shape must match exactly. */
    public static void assign(Classifier classifier, List<Tensor> values) {
        List<Parameter> parameters = list(classifier);
        if (parameters.size() != values.size()) {
            throw new IllegalArgumentException(
                    "the network has " + parameters.size() + " parameter arrays, " + values.size() + " were given");
        }
        for (int i = 0; i < values.size(); i++) {
            Parameter p = parameters.get(i);
            long[] expected = p.getArray().getShape().getShape();
            if (!Arrays.equals(expected, values.get(i).shape())) {
                throw new IllegalArgumentException(
                        "parameter " + p.getName() + " #" + i + " has shape " + Arrays.toString(expected)
                                + ", the value has " + values.get(i).shapeText());
            }
            NDArray array = p.getArray();
            // An indexed copy into a view without gradient that shares the parameter's memory:
            // NDArray.set(float[]) goes through a libtorch guard that is deprecated and prints a warning
            // on stderr the first time a process uses it, and on a thread where gradients are recorded
            // an in-place copy into the parameter itself is refused.
            try (NDManager scratch = array.getManager().newSubManager()) {
                NDArray view = array.stopGradient();
                view.attach(scratch);
                view.set(ALL, scratch.create(values.get(i).data(), array.getShape()));
            }
        }
    }

    public static List<Tensor> read(Classifier classifier) {
        List<Tensor> result = new ArrayList<>();
        for (Parameter p : list(classifier)) {
            result.add(
                    new Tensor(p.getArray().getShape().getShape(), p.getArray().toFloatArray()));
        }
        return result;
    }

    private static List<Parameter> list(Classifier classifier) {
        List<Parameter> result = new ArrayList<>();
        for (Pair<String, Parameter> p : classifier.block().getParameters()) {
            result.add(p.getValue());
        }
        return result;
    }
}
