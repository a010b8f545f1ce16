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
 * Training runs the engine's max pooling. Inference takes the largest of the window's strided views of the
 * map instead: the same values bit for bit, and a quarter of the engine's time for the maps these networks
 * pool, where its pooling kernel costs nearly as much as the convolutions. It is stored as the engine's own
 * pooling block is (no parameters), so parameter files do not change.
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
        long height = map.getShape().get(2) / size * size;
        long width = map.getShape().get(3) / size * size;
        NDArray largest = null;
        for (int dy = 0; dy < size; dy++) {
            for (int dx = 0; dx < size; dx++) {
                NDArray view = map.get(new NDIndex(":, :, {}:{}:{}, {}:{}:{}", dy, height, size, dx, width, size));
                largest = largest == null ? view : largest.maximum(view);
            }
        }
        return new NDList(largest);
    }
}
