package dev.digits.model;

import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.BatchNorm;
import ai.djl.nn.norm.Dropout;
import ai.djl.nn.pooling.Pool;

/**
 * A stronger network for the same CPU budget: batch-normalised 3x3 convolutions, pooling early so
 * the wide layers run on small maps, and a global-average-pooling head instead of a large dense layer.
 * <pre>
 * Conv 32 → BN → ReLU → Conv 32 → BN → ReLU → MaxPool 2          (28 → 14)
 * Conv 64 → BN → ReLU → Conv 64 → BN → ReLU → MaxPool 2          (14 → 7)
 * Conv 128 → BN → ReLU → GlobalAvgPool → Dropout 0.3 → Dense 10
 * </pre>
 */
public final class CompactCnn implements Architecture {
    @Override
    public String name() {
        return "compact";
    }

    @Override
    public String description() {
        return "batch-normalised CNN: 2x Conv32, pool, 2x Conv64, pool, Conv128, global average pool, dropout, Dense10";
    }

    @Override
    public Block newBlock() {
        SequentialBlock net = new SequentialBlock()
                .add(convBnRelu(32)).add(convBnRelu(32))
                .add(Pool.maxPool2dBlock(new Shape(2, 2)))
                .add(convBnRelu(64)).add(convBnRelu(64))
                .add(Pool.maxPool2dBlock(new Shape(2, 2)))
                .add(convBnRelu(128))
                .add(Pool.globalAvgPool2dBlock())
                .add(Dropout.builder().optRate(0.3f).build())
                .add(Linear.builder().setUnits(10).build());
        net.setInitializer(SeedCnn.HE_UNIFORM, Parameter.Type.WEIGHT);
        return net;
    }

    /** A 3x3 "same" convolution without bias (batch norm supplies the shift), batch norm, ReLU. */
    private static Block convBnRelu(int filters) {
        return new SequentialBlock()
                .add(Conv2d.builder().setFilters(filters).setKernelShape(new Shape(3, 3)).optPadding(new Shape(1, 1))
                        .optBias(false).build())
                .add(BatchNorm.builder().build())
                .add(Activation.reluBlock());
    }
}
