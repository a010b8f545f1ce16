package dev.digits.model.layers;

import dev.digits.model.layers.LayerSpec.ActivationSpec;
import dev.digits.model.layers.LayerSpec.ActivationSpec.Function;
import java.util.List;

/**
 * {@link dev.digits.model.SeedCnn} written as a {@link LayerStack}: the same blocks in the same order, so the
 * seed's parameter files load into it unchanged. Layer names are those Keras gave the original model.
 */
public final class SeedLayers {
    private SeedLayers() {}

    public static LayerStack stack() {
        return new LayerStack(List.of(
                conv("conv2d", 32),
                relu("conv2d_activation"),
                pool("max_pooling2d"),
                conv("conv2d_1", 64),
                relu("conv2d_1_activation"),
                pool("max_pooling2d_1"),
                conv("conv2d_2", 64),
                relu("conv2d_2_activation"),
                new LayerSpec.FlattenSpec("flatten", false),
                new LayerSpec.DenseSpec("dense", 64, true),
                relu("dense_activation"),
                new LayerSpec.DenseSpec("dense_1", 10, true)));
    }

    private static LayerSpec conv(String name, int filters) {
        return new LayerSpec.Conv2dSpec(name, filters, 3, 3, 1, 1, 0, 0, 0, 0, true);
    }

    private static LayerSpec pool(String name) {
        return new LayerSpec.MaxPoolSpec(name, 2, 2, 2, 2);
    }

    private static LayerSpec relu(String name) {
        return new ActivationSpec(name, Function.RELU);
    }
}
