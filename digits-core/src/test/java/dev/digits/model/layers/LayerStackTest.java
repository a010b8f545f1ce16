package dev.digits.model.layers;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.digits.DigitsException;
import dev.digits.TestData;
import dev.digits.data.DatasetSpec;
import dev.digits.data.DigitSet;
import dev.digits.model.Architectures;
import dev.digits.model.Classifier;
import dev.digits.model.ModelCard;
import dev.digits.model.ModelDirectory;
import dev.digits.model.Network;
import dev.digits.model.layers.LayerSpec.ActivationSpec;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LayerStackTest {
    @TempDir
    Path dir;

    @Test
    void seedLayersAreTheSeedNetworkParameterFileAndAll() throws Exception {
        DigitSet images = TestData.mnist().test().first(200);
        try (Classifier seed = Classifier.create(Architectures.byName("seed"), 5);
                Classifier stack = Classifier.create(Network.imported(SeedLayers.stack()), 0)) {
            ByteArrayOutputStream parameters = new ByteArrayOutputStream();
            seed.writeParameters(parameters);
            stack.readParameters(new ByteArrayInputStream(parameters.toByteArray()));
            assertEquals(seed.parameterCount(), stack.parameterCount());
            assertArrayEquals(seed.logProbabilities(images), stack.logProbabilities(images));
        }
    }

    /** Groups only nest blocks: opened up, each trained network computes the same with the same parameters. */
    @Test
    void everyTrainedNetworkFlattenedComputesTheSame() {
        DigitSet images = TestData.mnist().test().first(50);
        for (Network network : Architectures.all()) {
            LayerStack flat = network.layers().flattened();
            assertTrue(flat.layers().stream().noneMatch(l -> l instanceof LayerSpec.SequenceSpec));
            assertEquals(
                    network.layers().parameterShapes().size(),
                    flat.parameterShapes().size());
            try (Classifier grouped = Classifier.create(network, 5);
                    Classifier opened = Classifier.create(Network.imported(flat), 0)) {
                Parameters.assign(opened, Parameters.read(grouped));
                assertEquals(grouped.parameterCount(), opened.parameterCount(), network.name());
                assertArrayEquals(grouped.logProbabilities(images), opened.logProbabilities(images), network.name());
            }
        }
    }

    @Test
    void everyKindOfLayerSurvivesLayersJson() throws IOException {
        LayerStack stack = new LayerStack(List.of(
                new LayerSpec.RescalingSpec("scale", 2f, -1f),
                new LayerSpec.SequenceSpec(
                        "block",
                        List.of(
                                new LayerSpec.Conv2dSpec("conv", 4, 3, 3, 2, 2, 0, 1, 0, 1, false),
                                new LayerSpec.BatchNormSpec("bn", 1e-3f))),
                new ActivationSpec("relu", ActivationSpec.Function.RELU),
                new LayerSpec.MaxPoolSpec("max", 2, 2, 1, 1),
                new LayerSpec.AvgPoolSpec("avg", 2, 2, 1, 1),
                new LayerSpec.ReshapeSpec("reshape", List.of(12, 12, 4)),
                new LayerSpec.DropoutSpec("drop", 0.5f),
                new LayerSpec.GlobalAvgPoolSpec("gap"),
                new LayerSpec.FlattenSpec("flatten", true),
                new LayerSpec.DenseSpec("dense", 10, true),
                new ActivationSpec("tanh", ActivationSpec.Function.TANH)));
        stack.write(dir);
        assertEquals(stack, LayerStack.read(dir));
        assertTrue(Files.readString(dir.resolve(LayerStack.FILE)).contains("\"type\" : \"conv2d\""));
    }

    @Test
    void aSavedLayerStackLoadsFromItsModelDirectory() throws IOException {
        DigitSet images = TestData.mnist().test().first(100);
        float[] before;
        try (Classifier classifier = Classifier.create(Network.imported(SeedLayers.stack()), 9)) {
            before = classifier.logProbabilities(images);
            ModelDirectory.save(
                    dir,
                    classifier,
                    ModelCard.describing("m", classifier, DatasetSpec.MNIST).build());
        }
        try (Classifier loaded = ModelDirectory.load(dir)) {
            assertEquals(Network.imported(SeedLayers.stack()), loaded.architecture());
            assertArrayEquals(before, loaded.logProbabilities(images));
        }
    }

    @Test
    void aNetworkMustEndInTenScores() {
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class,
                () -> new LayerStack(
                        List.of(new LayerSpec.FlattenSpec("f", true), new LayerSpec.DenseSpec("d", 7, true))));
        assertEquals("the network must end in 10 scores, not (7)", e.getMessage());
        e = assertThrows(
                IllegalArgumentException.class, () -> new LayerStack(List.of(new LayerSpec.DenseSpec("d", 10, true))));
        assertEquals("layer 'd' needs a vector input but gets an image (28, 28, 1) (flatten it first)", e.getMessage());
    }

    @Test
    void aBrokenLayersFileIsNamed() throws IOException {
        Files.writeString(dir.resolve(LayerStack.FILE), "{\"layers\": [{\"type\": \"lstm\"}]}");
        DigitsException e = assertThrows(DigitsException.class, () -> LayerStack.read(dir));
        assertTrue(
                e.getMessage().startsWith(dir.resolve(LayerStack.FILE) + ": not a readable layer stack ("),
                e.getMessage());
    }

    @Test
    void theHeadThatMovesWithAShiftEndsWherePaddingStrideOrFlatteningBegins() {
        LayerStack seed = SeedLayers.stack(); // conv, relu, pool, conv, relu, pool, conv, relu, flatten, ...
        // after the first pooling the shift is 1 pixel: the next convolution moves with it, the next pooling not
        assertEquals(new LayerStack.Head(5, 2, TensorShape.image(64, 11, 11)), seed.shiftableHead(2));
        // a shift of 1 cannot pass a pooling of stride 2; one of 4 passes both poolings
        assertEquals(new LayerStack.Head(2, 1, TensorShape.image(32, 26, 26)), seed.shiftableHead(1));
        assertEquals(new LayerStack.Head(8, 4, TensorShape.image(64, 3, 3)), seed.shiftableHead(4));
        // the strided network: two unpadded blocks of convolution, batch norm and ReLU, then one of stride 2
        LayerStack strided = Architectures.byName("strided").layers();
        assertEquals(new LayerStack.Head(2, 1, TensorShape.image(32, 24, 24)), strided.shiftableHead(2));
        // padded convolutions from the start: nothing moves with the input
        assertEquals(
                0, Architectures.byName("compact").layers().shiftableHead(2).layers());
    }
}
