package dev.digits.model.keras;

import static dev.digits.model.keras.KerasTestModels.counting;
import static dev.digits.model.keras.KerasTestModels.shape;
import static dev.digits.model.keras.KerasTestModels.tensor;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import dev.digits.model.Classifier;
import dev.digits.model.Network;
import dev.digits.model.layers.LayerSpec;
import dev.digits.model.layers.LayerSpec.ActivationSpec;
import dev.digits.model.layers.LayerSpec.ActivationSpec.Function;
import dev.digits.model.layers.Parameters;
import dev.digits.model.layers.Tensor;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Each supported layer: its weights in DJL's layout, checked against values worked out by hand. */
class KerasLayerConverterTest {
    private static final int PIXELS = 28 * 28;

    @Test
    void conv2dKernelBecomesOihwAndBiasStays() {
        KerasLayerConverter.Result r = KerasTestModels.input(28, 28, 1)
                .add(
                        "Conv2D",
                        "conv",
                        "\"filters\": 2, \"kernel_size\": [1, 2], \"strides\": [1, 1], \"padding\": \"valid\", "
                                + "\"activation\": \"relu\", \"use_bias\": true",
                        counting(1, 2, 1, 2),
                        tensor(shape(2), 0.5f, -0.5f))
                .head(28 * 27 * 2)
                .convert();
        // oihw[o][0][0][x] = hwio[0][x][0][o] = 2x + o
        assertEquals(tensor(shape(2, 1, 1, 2), 0, 2, 1, 3), r.parameters().get(0));
        assertEquals(tensor(shape(2), 0.5f, -0.5f), r.parameters().get(1));
        assertEquals(
                new LayerSpec.Conv2dSpec("conv", 2, 1, 2, 1, 1, 0, 0, 0, 0, true),
                r.stack().layers().get(0));
        assertEquals(
                new ActivationSpec("conv_activation", Function.RELU),
                r.stack().layers().get(1));
    }

    @Test
    void conv2dWithoutBiasHasOnlyItsKernel() {
        KerasLayerConverter.Result r = KerasTestModels.input(28, 28, 1)
                .add(
                        "Conv2D",
                        "conv",
                        "\"filters\": 1, \"kernel_size\": [3, 3], \"strides\": [1, 1], \"use_bias\": false",
                        counting(3, 3, 1, 1))
                .head(26 * 26)
                .convert();
        assertEquals(3, r.parameters().size()); // the kernel, then the head's kernel and bias
        assertArrayEquals(new long[] {1, 1, 3, 3}, r.parameters().get(0).shape());
    }

    @Test
    void samePaddingPutsTheOddPixelAtTheBottomAndRight() {
        Tensor ones = new Tensor(shape(2, 2, 1, 1), new float[] {1, 1, 1, 1});
        float[] readers = new float[PIXELS * 10];
        readers[0] = 1; // unit 0 reads output (0, 0)
        readers[(PIXELS - 1) * 10 + 1] = 1; // unit 1 reads output (27, 27)
        KerasLayerConverter.Result r = KerasTestModels.input(28, 28, 1)
                .add(
                        "Conv2D",
                        "conv",
                        "\"filters\": 1, \"kernel_size\": [2, 2], \"strides\": [1, 1], \"padding\": \"same\", "
                                + "\"use_bias\": false",
                        ones)
                .add("Flatten", "flatten", "")
                .add(
                        "Dense",
                        "head",
                        "\"units\": 10",
                        new Tensor(shape(PIXELS, 10), readers),
                        new Tensor(shape(10), new float[10]))
                .convert();
        assertEquals(
                new LayerSpec.Conv2dSpec("conv", 1, 2, 2, 1, 1, 0, 1, 0, 1, false),
                r.stack().layers().get(0));
        float[] scores = scores(r, KerasLayerConverterTest::ramp);
        assertEquals((0 + 1 + 28 + 29) / 1000f, scores[0], 1e-6); // a full 2x2 window
        assertEquals(783 / 1000f, scores[1], 1e-6); // the bottom-right pixel with zeros below and right
    }

    @Test
    void samePaddingWithStrideTwo() {
        KerasLayerConverter.Result r = KerasTestModels.input(28, 28, 1)
                .add(
                        "Conv2D",
                        "conv",
                        "\"filters\": 1, \"kernel_size\": [3, 3], \"strides\": [2, 2], \"padding\": \"same\", "
                                + "\"use_bias\": false",
                        counting(3, 3, 1, 1))
                .head(14 * 14)
                .convert();
        // ceil(28 / 2) = 14 outputs need 13 * 2 + 3 = 29 rows: one row of padding, at the bottom.
        assertEquals(
                new LayerSpec.Conv2dSpec("conv", 1, 3, 3, 2, 2, 0, 1, 0, 1, false),
                r.stack().layers().get(0));
    }

    @Test
    void denseKernelIsTransposedAndAFlatInputIsFlattenedFirst() {
        KerasLayerConverter.Result r = KerasTestModels.input(784)
                .add("Dense", "dense", "\"units\": 10, \"activation\": \"softmax\"", counting(PIXELS, 10), counting(10))
                .convert();
        assertEquals(
                List.of(
                        new LayerSpec.FlattenSpec("input_layer_flatten", true),
                        new LayerSpec.DenseSpec("dense", 10, true)),
                r.stack().layers());
        Tensor weight = r.parameters().get(0);
        assertArrayEquals(new long[] {10, PIXELS}, weight.shape());
        assertEquals(2 * 10 + 1, weight.data()[1 * PIXELS + 2]); // weight[unit 1][input 2] = kernel[2][1]
        assertEquals(counting(10), r.parameters().get(1));
        assertTrue(r.notes()
                .contains("final softmax dropped: the network outputs scores (logits) and prediction applies softmax"));
    }

    @Test
    void flattenKeepsKerasChannelsLastOrder() {
        // Two channels: +pixel and -pixel. Keras's flattened index of (y=0, x=1, c=1) is (0 * 28 + 1) * 2 + 1 = 3.
        float[] readers = new float[PIXELS * 2 * 10];
        readers[3 * 10] = 1;
        readers[(PIXELS * 2 - 1) * 10 + 1] = 1; // (27, 27, c=1)
        KerasLayerConverter.Result r = KerasTestModels.input(28, 28, 1)
                .add(
                        "Conv2D",
                        "conv",
                        "\"filters\": 2, \"kernel_size\": [1, 1], \"strides\": [1, 1], \"use_bias\": false",
                        tensor(shape(1, 1, 1, 2), 1, -1))
                .add("Flatten", "flatten", "\"data_format\": \"channels_last\"")
                .add(
                        "Dense",
                        "head",
                        "\"units\": 10",
                        new Tensor(shape(PIXELS * 2, 10), readers),
                        new Tensor(shape(10), new float[10]))
                .convert();
        float[] scores = scores(r, KerasLayerConverterTest::ramp);
        assertEquals(-1 / 1000f, scores[0], 1e-7);
        assertEquals(-783 / 1000f, scores[1], 1e-7);
    }

    @Test
    void poolingLayersTakeTheirStridesFromThePoolSizeByDefault() {
        KerasLayerConverter.Result r = KerasTestModels.input(28, 28, 1)
                .add("MaxPooling2D", "max", "\"pool_size\": [2, 2], \"strides\": null, \"padding\": \"valid\"")
                .add("AveragePooling2D", "avg", "\"pool_size\": [3, 3], \"strides\": [1, 1], \"padding\": \"valid\"")
                .head(12 * 12)
                .convert();
        assertEquals(
                new LayerSpec.MaxPoolSpec("max", 2, 2, 2, 2), r.stack().layers().get(0));
        assertEquals(
                new LayerSpec.AvgPoolSpec("avg", 3, 3, 1, 1), r.stack().layers().get(1));
        float[] scores = scores(
                withReader(
                        KerasTestModels.input(28, 28, 1).add("AveragePooling2D", "avg", "\"pool_size\": [2, 2]"),
                        14 * 14,
                        0),
                KerasLayerConverterTest::ramp);
        assertEquals((0 + 1 + 28 + 29) / 4f / 1000f, scores[0], 1e-7);
    }

    @Test
    void globalAveragePoolingAveragesEachChannel() {
        KerasLayerConverter.Result r = withReader(
                KerasTestModels.input(28, 28, 1)
                        .add(
                                "GlobalAveragePooling2D",
                                "gap",
                                "\"data_format\": \"channels_last\", \"keepdims\": false"),
                1,
                0);
        assertEquals(new LayerSpec.GlobalAvgPoolSpec("gap"), r.stack().layers().get(0));
        assertEquals(0.25f, scores(r, (y, x) -> y < 14 ? 0.5f : 0f)[0], 1e-6);
    }

    @Test
    void batchNormalizationTakesGammaBetaMeanVariance() {
        float[] gamma = new float[PIXELS];
        float[] beta = new float[PIXELS];
        float[] mean = new float[PIXELS];
        float[] variance = new float[PIXELS];
        java.util.Arrays.fill(gamma, 1);
        java.util.Arrays.fill(variance, 1);
        gamma[5] = 2;
        beta[5] = 1;
        mean[5] = 0.001f;
        variance[5] = 0.25f;
        KerasLayerConverter.Result r = withReader(
                KerasTestModels.input(784)
                        .add(
                                "BatchNormalization",
                                "bn",
                                "\"axis\": -1, \"epsilon\": 0.001",
                                new Tensor(shape(PIXELS), gamma),
                                new Tensor(shape(PIXELS), beta),
                                new Tensor(shape(PIXELS), mean),
                                new Tensor(shape(PIXELS), variance)),
                PIXELS,
                5);
        assertEquals(
                new LayerSpec.BatchNormSpec("bn", 0.001f), r.stack().layers().get(1));
        float expected = (float) ((0.005 - 0.001) / Math.sqrt(0.25 + 0.001) * 2 + 1);
        assertEquals(expected, scores(r, KerasLayerConverterTest::ramp)[0], 1e-6);
    }

    @Test
    void batchNormalizationWithoutCenterOrScaleGetsNeutralBetaAndGamma() {
        KerasLayerConverter.Result r = withReader(
                KerasTestModels.input(784)
                        .add(
                                "BatchNormalization",
                                "bn",
                                "\"center\": false, \"scale\": false",
                                counting(PIXELS),
                                counting(PIXELS)),
                PIXELS,
                0);
        assertEquals(Tensor.filled(PIXELS, 1), r.parameters().get(0));
        assertEquals(Tensor.filled(PIXELS, 0), r.parameters().get(1));
        assertEquals(counting(PIXELS), r.parameters().get(2));
    }

    @Test
    void dropoutActivationsAndRescalingAreLayersWithoutWeights() {
        KerasLayerConverter.Result r = KerasTestModels.input(28, 28, 1)
                .add("Rescaling", "scale", "\"scale\": 0.00392156862745098, \"offset\": 0.0")
                .add("Rescaling", "centre", "\"scale\": 2.0, \"offset\": -1.0")
                .add("Dropout", "drop", "\"rate\": 0.25")
                .add("Activation", "tanh", "\"activation\": \"tanh\"")
                .add("Activation", "nothing", "\"activation\": \"linear\"")
                .add("ReLU", "relu", "\"max_value\": null, \"negative_slope\": 0.0, \"threshold\": 0.0")
                .add("Activation", "sigmoid", "\"activation\": \"sigmoid\"")
                .head(PIXELS)
                .add("Softmax", "probabilities", "\"axis\": -1")
                .convert();
        assertEquals(
                List.of(
                        new LayerSpec.RescalingSpec("scale", 1f, 0f),
                        new LayerSpec.RescalingSpec("centre", 2f, -1f),
                        new LayerSpec.DropoutSpec("drop", 0.25f),
                        new ActivationSpec("tanh", Function.TANH),
                        new ActivationSpec("relu", Function.RELU),
                        new ActivationSpec("sigmoid", Function.SIGMOID)),
                r.stack().layers().subList(0, 6));
        assertEquals(8, r.stack().layers().size(), "flatten and head follow; the final softmax is dropped");
        assertTrue(r.notes().get(0).contains("takes 0-255 pixels"), r.notes().toString());
    }

    @Test
    void reshapeFollowsKerasChannelsLastOrder() {
        // (784) → (14, 28, 2): Keras's element (y, x, c) is flat index (y * 28 + x) * 2 + c.
        float[] readers = new float[PIXELS * 10];
        readers[((1 * 28 + 3) * 2 + 1) * 10] = 1; // unit 0 reads (y=1, x=3, c=1)
        KerasLayerConverter.Result r = KerasTestModels.input(784)
                .add("Reshape", "reshape", "\"target_shape\": [14, 28, 2]")
                .add("Flatten", "flatten", "")
                .add(
                        "Dense",
                        "head",
                        "\"units\": 10",
                        new Tensor(shape(PIXELS, 10), readers),
                        new Tensor(shape(10), new float[10]))
                .convert();
        assertEquals(
                new LayerSpec.ReshapeSpec("reshape", List.of(14, 28, 2)),
                r.stack().layers().get(1));
        // flat index (1 * 28 + 3) * 2 + 1 = 63 is pixel (2, 7) of the 28x28 input
        assertEquals(63 / 1000f, scores(r, KerasLayerConverterTest::ramp)[0], 1e-7);
    }

    /** Pixel (y, x) = (28y + x) / 1000: every pixel different, so a misplaced one shows. */
    private static float ramp(int y, int x) {
        return (y * 28 + x) / 1000f;
    }

    /** Adds Flatten and a Dense(10) whose unit 0 reads input {@code index} alone. */
    private static KerasLayerConverter.Result withReader(KerasTestModels model, int inputs, int index) {
        float[] kernel = new float[inputs * 10];
        kernel[index * 10] = 1;
        return model.add("Flatten", "flatten", "")
                .add(
                        "Dense",
                        "head",
                        "\"units\": 10",
                        new Tensor(shape(inputs, 10), kernel),
                        new Tensor(shape(10), new float[10]))
                .convert();
    }

    interface Image {
        float pixel(int y, int x);
    }

    static float[] scores(KerasLayerConverter.Result r, Image image) {
        float[] pixels = new float[PIXELS];
        for (int y = 0; y < 28; y++) {
            for (int x = 0; x < 28; x++) {
                pixels[y * 28 + x] = image.pixel(y, x);
            }
        }
        try (Classifier classifier = Classifier.create(Network.imported(r.stack()), 0)) {
            Parameters.assign(classifier, r.parameters());
            NDArray input = classifier.manager().create(pixels, new Shape(1, 1, 28, 28));
            return classifier.logits(input).toFloatArray();
        }
    }
}
