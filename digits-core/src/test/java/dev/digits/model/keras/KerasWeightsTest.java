package dev.digits.model.keras;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.digits.model.layers.Tensor;
import io.jhdf.HdfFile;
import io.jhdf.WritableHdfFile;
import io.jhdf.api.Group;
import io.jhdf.api.WritableGroup;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Finding a layer's arrays in the layouts real writers produced. */
class KerasWeightsTest {
    @TempDir
    Path dir;

    private static KerasLayer layer(String name, String className, KerasLayer... containers) {
        return new KerasLayer(name, className, JsonNodeFactory.instance.objectNode(), List.of(containers));
    }

    private static List<Float> firstValues(List<Tensor> tensors) {
        return tensors.stream().map(t -> t.data()[0]).toList();
    }

    @Test
    void keras2NestedModelKeepsItsLayersWeightsInItsOwnGroup() {
        Path file = dir.resolve("nested.h5");
        try (WritableHdfFile hdf = HdfFile.write(file)) {
            WritableGroup inner = hdf.putGroup("model_weights").putGroup("features");
            inner.putAttribute(
                    "weight_names", new String[] {"features/conv/kernel:0", "features/conv/bias:0", "dense/kernel:0"});
            WritableGroup conv = inner.putGroup("features").putGroup("conv");
            conv.putDataset("kernel:0", new float[] {1, 2});
            conv.putDataset("bias:0", new float[] {3});
            inner.putGroup("dense").putDataset("kernel:0", new float[] {4});
        }
        try (HdfFile hdf = new HdfFile(file)) {
            KerasWeights weights = KerasWeights.keras2((Group) hdf.getChild("model_weights"), file.toString());
            KerasLayer features = layer("features", "Sequential");
            assertEquals(List.of(1f, 3f), firstValues(weights.of(layer("conv", "Conv2D", features))));
            assertEquals(List.of(4f), firstValues(weights.of(layer("dense", "Dense", features))));
            assertEquals(List.of(), weights.of(layer("flatten", "Flatten", features)));
        }
    }

    @Test
    void keras2WithoutWeightNamesTakesArraysInKerasOrder() {
        Path file = dir.resolve("unnamed.h5");
        try (WritableHdfFile hdf = HdfFile.write(file)) {
            WritableGroup bn = hdf.putGroup("model_weights").putGroup("bn").putGroup("bn");
            // Alphabetical order (beta, gamma, moving_mean, moving_variance) is not Keras's.
            bn.putDataset("beta:0", new float[] {2});
            bn.putDataset("gamma:0", new float[] {1});
            bn.putDataset("moving_mean:0", new float[] {3});
            bn.putDataset("moving_variance:0", new float[] {4});
        }
        try (HdfFile hdf = new HdfFile(file)) {
            KerasWeights weights = KerasWeights.keras2((Group) hdf.getChild("model_weights"), file.toString());
            assertEquals(List.of(1f, 2f, 3f, 4f), firstValues(weights.of(layer("bn", "BatchNormalization"))));
        }
    }

    @Test
    void archiveGroupsNamedWithBackslashesAsKeras215OnWindowsWroteThem() {
        Path file = dir.resolve("windows.weights.h5");
        try (WritableHdfFile hdf = HdfFile.write(file)) {
            WritableGroup vars = hdf.putGroup("layers\\dense").putGroup("vars");
            vars.putDataset("0", new float[][] {{5, 6}});
            vars.putDataset("1", new float[] {7, 8});
        }
        try (HdfFile hdf = new HdfFile(file)) {
            List<KerasLayer> chain = List.of(layer("output", "Dense"));
            List<Tensor> dense =
                    KerasWeights.keras3(hdf, file.toString(), chain).of(chain.get(0));
            assertEquals(List.of(5f, 7f), firstValues(dense));
            assertArrayEquals(new long[] {1, 2}, dense.get(0).shape());
        }
    }

    @Test
    void keras213ArchivesKeepWeightsUnderLayerCheckpointDependencies() {
        Path file = dir.resolve("k213.weights.h5");
        try (WritableHdfFile hdf = HdfFile.write(file)) {
            WritableGroup layers = hdf.putGroup("_layer_checkpoint_dependencies");
            layers.putGroup("dense").putGroup("vars").putDataset("0", new float[] {1});
            layers.putGroup("scores").putGroup("vars").putDataset("0", new float[] {2});
        }
        try (HdfFile hdf = new HdfFile(file)) {
            List<KerasLayer> chain = List.of(layer("dense", "Dense"), layer("scores", "Dense"));
            KerasWeights weights = KerasWeights.keras3(hdf, file.toString(), chain);
            assertEquals(List.of(1f), firstValues(weights.of(chain.get(0))));
            // Keras 3's path for the second Dense is dense_1; this file has the layer's name instead.
            assertEquals(List.of(2f), firstValues(weights.of(chain.get(1))));
        }
    }

    @Test
    void attributeStringsInEveryFormKerasWrote() {
        assertEquals(List.of("a", "b"), KerasWeights.strings(new String[] {"a", "b"}));
        assertEquals(
                List.of("dense/kernel:0"), KerasWeights.strings("dense/kernel:0".getBytes(StandardCharsets.UTF_8)));
        assertEquals(
                List.of("conv/bias:0"),
                KerasWeights.strings(new byte[][] {"conv/bias:0\0\0".getBytes(StandardCharsets.UTF_8)}));
        assertEquals(
                List.of(),
                KerasWeights.strings(new double[0]),
                "h5py writes an empty name list as an empty float array");
        assertEquals(List.of(), KerasWeights.strings(null));
    }

    @Test
    void weightNamesOfEveryWriter() {
        assertEquals("kernel", WeightNames.base("dense/kernel:0"));
        assertEquals("kernel", WeightNames.base("sequential/dense/kernel"));
        assertEquals(true, WeightNames.belongsTo("sequential_1/conv2d/bias:0", "conv2d"));
        assertEquals(false, WeightNames.belongsTo("sequential_1/conv2d_1/bias:0", "conv2d"));
    }
}
