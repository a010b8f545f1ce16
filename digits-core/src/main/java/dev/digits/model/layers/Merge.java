package dev.digits.model.layers;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import java.util.List;

/** How a {@link GraphNode} combines the outputs of several earlier nodes: Keras's merge layers. */
public enum Merge {
    ADD,
    SUBTRACT,
    MULTIPLY,
    AVERAGE,
    MAXIMUM,
    MINIMUM,
    /** Along the channel axis (axis 1 in NCHW and NF). */
    CONCATENATE;

    NDArray apply(List<NDArray> inputs) {
        if (this == CONCATENATE) {
            return NDArrays.concat(new NDList(inputs), 1);
        }
        NDArray result = inputs.get(0);
        for (NDArray next : inputs.subList(1, inputs.size())) {
            result = switch (this) {
                case ADD, AVERAGE -> result.add(next);
                case SUBTRACT -> result.sub(next);
                case MULTIPLY -> result.mul(next);
                case MAXIMUM -> result.maximum(next);
                case MINIMUM -> result.minimum(next);
                case CONCATENATE -> throw new IllegalStateException("handled above");
            };
        }
        return this == AVERAGE ? result.div(inputs.size()) : result;
    }

    /** The merged shape; fails when the inputs cannot be merged this way. */
    public TensorShape outputShape(String node, List<TensorShape> inputs) {
        if (inputs.size() < 2 || this == SUBTRACT && inputs.size() != 2) {
            throw new IllegalArgumentException("node '" + node + "' (" + this + ") gets " + inputs.size() + " inputs");
        }
        TensorShape first = inputs.get(0);
        int channels = 0;
        for (TensorShape in : inputs) {
            boolean fits = this == CONCATENATE
                    ? in.isImage() == first.isImage() && in.height() == first.height() && in.width() == first.width()
                    : in.equals(first);
            if (!fits) {
                throw new IllegalArgumentException("node '" + node + "' (" + this + ") cannot merge " + inputs);
            }
            channels += in.channels();
        }
        if (this != CONCATENATE) {
            return first;
        }
        return first.isImage()
                ? TensorShape.image(channels, first.height(), first.width())
                : TensorShape.vector(channels);
    }

    /** {@link #outputShape} for DJL's shapes (batch axis first). */
    Shape outputShape(List<Shape> inputs) {
        if (this != CONCATENATE) {
            return inputs.get(0);
        }
        long channels = inputs.stream().mapToLong(s -> s.get(1)).sum();
        long[] dims = inputs.get(0).getShape().clone();
        dims[1] = channels;
        return new Shape(dims);
    }
}
