package dev.digits.model.layers;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.LambdaBlock;
import ai.djl.nn.pooling.Pool;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/**
 * Max pooling over unpadded square windows as wide as their stride (2x2 by 2, as the networks here pool).
 * Training runs the engine's max pooling. Inference takes maxima of views of the map instead: first of the
 * window's rows, each a run of the map's memory, then of the columns of that: the same values bit for bit,
 * in a fraction of the time of the engine's pooling kernel, which costs nearly as much as the convolutions for
 * the maps these networks pool. It is stored as the engine's own pooling block is (no parameters), so parameter
 * files do not change.
 */
final class TiledMaxPool extends LambdaBlock {
    private final int size;

    TiledMaxPool(int size) {
        super(
                inputs -> new NDList(Pool.maxPool2d(
                        inputs.singletonOrThrow(),
                        new Shape(size, size),
                        new Shape(size, size),
                        new Shape(0, 0),
                        false)),
                "maxPool2d");
        this.size = size;
    }

    @Override
    protected NDList forwardInternal(
            ParameterStore parameterStore, NDList inputs, boolean training, PairList<String, Object> params) {
        if (training) {
            return super.forwardInternal(parameterStore, inputs, true, params);
        }
        NDArray map = inputs.singletonOrThrow();
        Shape shape = map.getShape();
        long batch = shape.get(0);
        long channels = shape.get(1);
        long rows = shape.get(2) / size;
        long columns = shape.get(3) / size;
        long width = shape.get(3);
        // Each output row's band of input rows, side by side: a view, since a band is a run of memory.
        NDArray bands = (rows * size == shape.get(2)
                        ? map
                        : map.get(new NDIndex().addAllDim(2).addSliceDim(0, rows * size)))
                .reshape(batch, channels, rows, size * width);
        NDArray highest = null; // the largest of each band's rows, over the columns that are pooled
        for (int dy = 0; dy < size; dy++) {
            NDArray row = bands.get(new NDIndex().addAllDim(3).addSliceDim(dy * width, dy * width + columns * size));
            highest = highest == null ? row : highest.maximum(row);
        }
        NDArray cells = highest.reshape(batch, channels, rows, columns, size);
        NDArray largest = null;
        for (int dx = 0; dx < size; dx++) {
            NDArray column = cells.get(new NDIndex().addAllDim(4).addIndices(dx));
            largest = largest == null ? column : largest.maximum(column);
        }
        return new NDList(largest);
    }
}
