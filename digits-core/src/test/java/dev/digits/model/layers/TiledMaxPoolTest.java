package dev.digits.model.layers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.pooling.Pool;
import ai.djl.training.ParameterStore;
import org.junit.jupiter.api.Test;

class TiledMaxPoolTest {
    @Test
    void inferenceGivesTheEnginesMaxPoolingBitForBit() {
        try (NDManager manager = NDManager.newBaseManager()) {
            manager.getEngine().setRandomSeed(3);
            for (int size : new int[] {2, 3}) {
                for (Shape shape :
                        new Shape[] {new Shape(4, 8, 26, 26), new Shape(3, 5, 11, 11), new Shape(1, 2, 7, 10)}) {
                    NDArray map = manager.randomNormal(shape);
                    NDArray expected =
                            Pool.maxPool2d(map, new Shape(size, size), new Shape(size, size), new Shape(0, 0), false);
                    TiledMaxPool pool = new TiledMaxPool(size);
                    NDArray inference = pool.forward(new ParameterStore(manager, false), new NDList(map), false)
                            .singletonOrThrow();
                    NDArray training = pool.forward(new ParameterStore(manager, false), new NDList(map), true)
                            .singletonOrThrow();
                    assertEquals(expected.getShape(), inference.getShape(), shape + " by " + size);
                    assertTrue(expected.contentEquals(inference), shape + " by " + size);
                    assertTrue(expected.contentEquals(training), shape + " by " + size);
                }
            }
        }
    }

    @Test
    void unpaddedSquarePoolsWhoseStrideIsTheirWidthAreTiled() {
        assertTrue(new LayerSpec.MaxPoolSpec("p", 2, 2, 2, 2).block() instanceof TiledMaxPool);
        assertTrue(!(new LayerSpec.MaxPoolSpec("p", 3, 3, 2, 2).block() instanceof TiledMaxPool));
        assertTrue(!(new LayerSpec.MaxPoolSpec("p", 2, 2, 2, 2, 0, 1, 0, 1).block() instanceof TiledMaxPool));
    }
}
