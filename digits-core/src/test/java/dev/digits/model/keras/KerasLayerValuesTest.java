package dev.digits.model.keras;

import static dev.digits.model.keras.KerasTestModels.shape;
import static dev.digits.model.keras.KerasTestModels.tensor;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.digits.model.layers.LayerSpec;
import dev.digits.model.layers.Tensor;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The layers added for real-world files, run on a 28x28 ramp image (pixel (y, x) = (28y + x) / 1000) and
 * compared with values worked out by hand from Keras's definitions.
 */
class KerasLayerValuesTest {
    private static final double TOLERANCE = 1e-5;
    private static final int PIXELS = 28 * 28;

    private static float ramp(int y, int x) {
        return (y * 28 + x) / 1000f;
    }

    /** Adds Flatten and a Dense(10) whose unit i reads flattened input {@code indices[i]} alone; the scores of the ramp. */
    private static float[] read(KerasTestModels model, int inputs, int... indices) {
        float[] kernel = new float[inputs * 10];
        for (int i = 0; i < indices.length; i++) {
            kernel[indices[i] * 10 + i] = 1;
        }
        KerasLayerConverter.Result r = model.add("Flatten", "flatten", "")
                .add(
                        "Dense",
                        "head",
                        "\"units\": 10",
                        new Tensor(shape(inputs, 10), kernel),
                        new Tensor(shape(10), new float[10]))
                .convert();
        return KerasLayerConverterTest.scores(r, KerasLayerValuesTest::ramp);
    }

    /** Flat index of (y, x, c) in Keras's channels-last flatten of a width × channels image. */
    private static int at(int y, int x, int c, int width, int channels) {
        return (y * width + x) * channels + c;
    }

    private static KerasTestModels image() {
        return KerasTestModels.input(28, 28, 1);
    }

    @Test
    void dilatedConv2dSpacesItsTaps() {
        // Taps (0, 0) and (2, 2) of a 3x3 kernel, dilated by 2: out(y, x) = in(y, x) + in(y + 4, x + 4); 24x24 out.
        float[] kernel = new float[9];
        kernel[0] = 1;
        kernel[8] = 1;
        float[] s = read(
                image().add(
                                "Conv2D",
                                "conv",
                                "\"filters\": 1, \"kernel_size\": 3, \"strides\": 1, "
                                        + "\"dilation_rate\": [2, 2], \"use_bias\": false",
                                new Tensor(shape(3, 3, 1, 1), kernel)),
                24 * 24,
                at(3, 5, 0, 24, 1));
        assertEquals(ramp(3, 5) + ramp(7, 9), s[0], TOLERANCE);
    }

    @Test
    void depthwiseConv2dOrdersOutputsByChannelThenMultiplier() {
        // A 1x1 Conv2D makes channels (x, 10x); depthwise 1x1 with multiplier 2, kernel[c][m] = 1, 2, 3, 4:
        // output channel c * 2 + m is kernel[c][m] times input channel c.
        KerasTestModels model = image().add(
                        "Conv2D",
                        "two",
                        "\"filters\": 2, \"kernel_size\": 1, \"strides\": 1, \"use_bias\": false",
                        tensor(shape(1, 1, 1, 2), 1, 10))
                .add(
                        "DepthwiseConv2D",
                        "depthwise",
                        "\"kernel_size\": [1, 1], \"strides\": [1, 1], \"depth_multiplier\": 2, "
                                + "\"activation\": \"linear\", \"use_bias\": true",
                        tensor(shape(1, 1, 2, 2), 1, 2, 3, 4),
                        tensor(shape(4), 0, 0.5f, 0, -1));
        float[] s = read(model, PIXELS * 4, at(5, 7, 1, 28, 4), at(5, 7, 2, 28, 4), at(5, 7, 3, 28, 4));
        assertEquals(2 * ramp(5, 7) + 0.5f, s[0], TOLERANCE);
        assertEquals(3 * 10 * ramp(5, 7), s[1], TOLERANCE);
        assertEquals(4 * 10 * ramp(5, 7) - 1, s[2], TOLERANCE);
    }

    @Test
    void separableConv2dIsDepthwiseThenPointwise() {
        // Depthwise 3x3 of ones with same padding sums each 3x3 neighbourhood; pointwise makes (sum, -sum + 0.5).
        float[] ones = new float[9];
        java.util.Arrays.fill(ones, 1);
        KerasTestModels model = image().add(
                        "SeparableConv2D",
                        "separable",
                        "\"filters\": 2, \"kernel_size\": 3, "
                                + "\"strides\": 1, \"padding\": \"same\", \"depth_multiplier\": 1, \"use_bias\": true",
                        new Tensor(shape(3, 3, 1, 1), ones),
                        tensor(shape(1, 1, 1, 2), 1, -1),
                        tensor(shape(2), 0, 0.5f));
        float[] s = read(model, PIXELS * 2, at(0, 0, 1, 28, 2), at(10, 10, 0, 28, 2));
        assertEquals(-(ramp(0, 0) + ramp(0, 1) + ramp(1, 0) + ramp(1, 1)) + 0.5f, s[0], TOLERANCE);
        float sum = 0;
        for (int y = 9; y <= 11; y++) {
            for (int x = 9; x <= 11; x++) {
                sum += ramp(y, x);
            }
        }
        assertEquals(sum, s[1], TOLERANCE);
    }

    @Test
    void maxPoolingWithSamePaddingNeverPicksThePadding() {
        // Negative pixels: zero padding would win. 3x3 windows of stride 2 on 28: 14 outputs, one padded row below.
        KerasTestModels model = image().add("Rescaling", "negate", "\"scale\": -1.0, \"offset\": -0.5")
                .add("MaxPooling2D", "pool", "\"pool_size\": [3, 3], \"strides\": [2, 2], \"padding\": \"same\"");
        float[] s = read(model, 14 * 14, at(13, 13, 0, 14, 1), at(0, 0, 0, 14, 1));
        assertEquals(-ramp(26, 26) - 0.5f, s[0], TOLERANCE); // window rows/columns 26, 27 and padding
        assertEquals(-ramp(0, 0) - 0.5f, s[1], TOLERANCE);
    }

    @Test
    void averagePoolingWithSamePaddingCountsOnlyRealPixels() {
        KerasTestModels model = image().add(
                        "AveragePooling2D",
                        "pool",
                        "\"pool_size\": [3, 3], \"strides\": [1, 1], \"padding\": \"same\"");
        float[] s = read(model, PIXELS, at(0, 0, 0, 28, 1), at(5, 5, 0, 28, 1));
        assertEquals((ramp(0, 0) + ramp(0, 1) + ramp(1, 0) + ramp(1, 1)) / 4, s[0], TOLERANCE);
        assertEquals(ramp(5, 5), s[1], TOLERANCE); // the mean of a ramp's 3x3 neighbourhood is its centre
    }

    @Test
    void globalMaxPoolingTakesTheLargestPixel() {
        KerasLayerConverter.Result r = image().add("GlobalMaxPooling2D", "gmp", "\"data_format\": \"channels_last\"")
                .add(
                        "Dense",
                        "head",
                        "\"units\": 10",
                        tensor(shape(1, 10), 1, 0, 0, 0, 0, 0, 0, 0, 0, 2),
                        new Tensor(shape(10), new float[10]))
                .convert();
        float[] s = KerasLayerConverterTest.scores(r, KerasLayerValuesTest::ramp);
        assertEquals(ramp(27, 27), s[0], TOLERANCE);
        assertEquals(2 * ramp(27, 27), s[9], TOLERANCE);
    }

    @Test
    void zeroPaddingAddsZerosOnEachSide() {
        // ((1, 2), (3, 4)): 31 x 35; input (y, x) moves to (y + 1, x + 3).
        KerasTestModels model = image().add("ZeroPadding2D", "pad", "\"padding\": [[1, 2], [3, 4]]");
        float[] s = read(
                model, 31 * 35, at(6, 10, 0, 35, 1), at(0, 5, 0, 35, 1), at(28, 30, 0, 35, 1), at(30, 34, 0, 35, 1));
        assertEquals(ramp(5, 7), s[0], TOLERANCE);
        assertEquals(0, s[1], TOLERANCE);
        assertEquals(ramp(27, 27), s[2], TOLERANCE);
        assertEquals(0, s[3], TOLERANCE);
        // A symmetric padding of 2 on every side, the short form.
        float[] symmetric = read(
                image().add("ZeroPadding2D", "pad", "\"padding\": 2"), 32 * 32, at(2, 2, 0, 32, 1), at(1, 1, 0, 32, 1));
        assertEquals(ramp(0, 0), symmetric[0], TOLERANCE);
        assertEquals(0, symmetric[1], TOLERANCE);
    }

    /** Pixels 0 (y=0, x=0), 200 and 400 of the ramp shifted by -0.3: -0.3, -0.1, 0.1. */
    private static float[] activated(String className, String options) {
        KerasTestModels model = image().add("Rescaling", "shift", "\"scale\": 1.0, \"offset\": -0.3")
                .add(className, "act", options);
        return read(model, PIXELS, 0, 200, 400, 783);
    }

    @Test
    void reluWithMaximumSlopeAndThreshold() {
        // ReLU(max 0.2, slope 0.5, threshold -0.2): x ≥ 0.2 → 0.2; -0.2 ≤ x < 0.2 → x; else 0.5 (x + 0.2).
        float[] s = activated("ReLU", "\"max_value\": 0.2, \"negative_slope\": 0.5, \"threshold\": -0.2");
        assertEquals(0.5 * (-0.3 + 0.2), s[0], TOLERANCE);
        assertEquals(-0.1, s[1], TOLERANCE);
        assertEquals(0.1, s[2], TOLERANCE);
        assertEquals(0.2, s[3], TOLERANCE); // 0.783 - 0.3
    }

    @Test
    void leakyReluReadsKeras2AlphaAndKeras3NegativeSlope() {
        assertEquals(-0.03, activated("LeakyReLU", "\"alpha\": 0.1")[0], TOLERANCE);
        assertEquals(-0.06, activated("LeakyReLU", "\"negative_slope\": 0.2")[0], TOLERANCE);
        assertEquals(-0.09, activated("LeakyReLU", "")[0], TOLERANCE); // Keras's default slope, 0.3
        assertEquals(0.1, activated("LeakyReLU", "")[2], TOLERANCE);
    }

    @Test
    void eluAndThresholdedRelu() {
        float[] elu = activated("ELU", "\"alpha\": 0.5");
        assertEquals(0.5 * (Math.exp(-0.3) - 1), elu[0], TOLERANCE);
        assertEquals(0.1, elu[2], TOLERANCE);
        float[] thresholded = activated("ThresholdedReLU", "\"theta\": 0.2");
        assertEquals(0, thresholded[2], TOLERANCE);
        assertEquals(0.483, thresholded[3], TOLERANCE);
    }

    @Test
    void activationFunctionsAsKerasDefinesThem() {
        double[] x = {-0.3, -0.1, 0.1, 0.483};
        for (String function :
                List.of("selu", "softplus", "softsign", "swish", "silu", "exponential", "elu", "relu6", "leaky_relu")) {
            float[] s = activated("Activation", "\"activation\": \"" + function + "\"");
            for (int i = 0; i < x.length; i++) {
                assertEquals(keras(function, x[i]), s[i], TOLERANCE, function + "(" + x[i] + ")");
            }
        }
    }

    /** Keras's definitions (keras/src/activations/activations.py). */
    private static double keras(String function, double x) {
        double selu = 1.6732632423543772, scale = 1.0507009873554805;
        return switch (function) {
            case "selu" -> scale * (x > 0 ? x : selu * (Math.exp(x) - 1));
            case "softplus" -> Math.log(1 + Math.exp(x));
            case "softsign" -> x / (1 + Math.abs(x));
            case "swish", "silu" -> x / (1 + Math.exp(-x));
            case "exponential" -> Math.exp(x);
            case "elu" -> x > 0 ? x : Math.exp(x) - 1;
            case "relu6" -> Math.min(Math.max(x, 0), 6);
            case "leaky_relu" -> x > 0 ? x : 0.2 * x;
            default -> throw new IllegalArgumentException(function);
        };
    }

    @Test
    void normalizationFromConfigOrWeights() {
        // (x - 0.5) / sqrt(0.25)
        float[] fromConfig = read(
                image().add("Normalization", "norm", "\"axis\": -1, \"mean\": [0.5], \"variance\": [0.25]"),
                PIXELS,
                100);
        assertEquals((ramp(3, 16) - 0.5) / 0.5, fromConfig[0], TOLERANCE);
        // Weights as Keras 2 stores them: mean, variance, count (an integer).
        float[] fromWeights = read(
                image().add(
                                "Normalization",
                                "norm",
                                "\"axis\": [3]",
                                tensor(shape(1), 0.5f),
                                tensor(shape(1), 0.25f),
                                tensor(shape(), 60000)),
                PIXELS,
                100);
        assertEquals((ramp(3, 16) - 0.5) / 0.5, fromWeights[0], TOLERANCE);
    }

    @Test
    void reshapeWithAnUnknownAxis() {
        KerasLayerConverter.Result r = KerasTestModels.input(784)
                .add("Reshape", "reshape", "\"target_shape\": [-1, 28]")
                .head(PIXELS)
                .convert();
        assertEquals(
                new LayerSpec.ReshapeSpec("reshape", List.of(28, 28)),
                r.stack().layers().get(1));
    }

    @Test
    void augmentationAndResizingToTheSameSizeAreSkipped() {
        KerasLayerConverter.Result r = image().add("RandomRotation", "rotate", "\"factor\": [-0.1, 0.1]")
                .add("RandomZoom", "zoom", "\"height_factor\": 0.1")
                .add("RandomFlip", "flip", "\"mode\": \"horizontal\"")
                .add("RandomTranslation", "shift", "\"height_factor\": 0.1, \"width_factor\": 0.1")
                .add("RandomContrast", "contrast", "\"factor\": 0.1")
                .add("GaussianNoise", "noise", "\"stddev\": 0.1")
                .add("Resizing", "resize", "\"height\": 28, \"width\": 28, \"interpolation\": \"bilinear\"")
                .head(PIXELS)
                .convert();
        assertEquals(
                List.of("flatten", "head"),
                r.stack().layers().stream().map(LayerSpec::name).toList());
        assertEquals(
                "layer 'rotate' (RandomRotation) skipped: it only acts while training",
                r.notes().get(0));
        assertEquals(
                "layer 'resize' (Resizing to 28x28) skipped: it gets images of that size already",
                r.notes().get(6));
    }

    @Test
    void inputScale255PutsARescalingFirstUnlessTheModelHasOne() {
        KerasLayerConverter.Result raw = KerasLayerConverter.convert(
                image().head(PIXELS).layers(), image().head(PIXELS).weights(), InputScale.PIXELS);
        assertEquals(
                new LayerSpec.RescalingSpec("input_scale", 255f, 0f),
                raw.stack().layers().get(0));
        float[] scaled = KerasLayerConverterTest.scores(raw, KerasLayerValuesTest::ramp);
        assertEquals(0, scaled[0], TOLERANCE); // the head's weights are zero: only the shape matters here

        KerasTestModels own = image().add("Rescaling", "rescaling", "\"scale\": 0.00392156862745098, \"offset\": 0.0")
                .head(PIXELS);
        KerasLayerConverter.Result decided =
                KerasLayerConverter.convert(own.layers(), own.weights(), InputScale.PIXELS);
        assertEquals(
                new LayerSpec.RescalingSpec("rescaling", 1f, 0f),
                decided.stack().layers().get(0));
        assertTrue(
                decided.notes()
                        .contains(
                                "input scale: decided by the model's own layer 'rescaling', which takes 0-255 pixels; "
                                        + "--input-scale 255 is not applied again"),
                decided.notes().toString());
    }

    @Test
    void inputScale255MultipliesWhatTheFirstLayerSees() {
        float[] kernel = new float[PIXELS * 10];
        kernel[100 * 10] = 1;
        KerasTestModels model = image().add("Flatten", "flatten", "")
                .add(
                        "Dense",
                        "head",
                        "\"units\": 10",
                        new Tensor(shape(PIXELS, 10), kernel),
                        new Tensor(shape(10), new float[10]));
        float[] s = KerasLayerConverterTest.scores(
                KerasLayerConverter.convert(model.layers(), model.weights(), InputScale.PIXELS),
                KerasLayerValuesTest::ramp);
        assertEquals(255 * ramp(3, 16), s[0], 1e-3);
    }

    @Test
    void openImageSizesAndAFixedBatchAreNoted() {
        KerasTestModels model = KerasTestModels.input(28, 28, 1);
        com.fasterxml.jackson.databind.node.ObjectNode config = (com.fasterxml.jackson.databind.node.ObjectNode)
                model.layers().get(0).config();
        config.set(
                "batch_shape",
                KerasConfigs.JSON.arrayNode().add(32).addNull().addNull().add(1));
        KerasLayerConverter.Result r = model.add("GlobalAveragePooling2D", "gap", "")
                .add(
                        "Dense",
                        "head",
                        "\"units\": 10",
                        new Tensor(shape(1, 10), new float[10]),
                        new Tensor(shape(10), new float[10]))
                .convert();
        assertEquals(
                List.of(
                        "the file fixes the batch size at 32; the imported network takes any batch size",
                        "input (None, None, 1): the model takes images of any size; it gets 28x28"),
                r.notes());
    }

    /** Input (1, 28, 28); a 1x1 conv makes channels (x, 2x), batch norm (axis 1) divides by sqrt(1 + 0.001). */
    private static KerasTestModels channelsFirst() {
        return KerasTestModels.input(1, 28, 28)
                .add(
                        "Conv2D",
                        "conv",
                        "\"filters\": 2, \"kernel_size\": 1, \"strides\": 1, \"use_bias\": false, "
                                + "\"data_format\": \"channels_first\"",
                        tensor(shape(1, 1, 1, 2), 1, 2))
                .add(
                        "BatchNormalization",
                        "bn",
                        "\"axis\": 1",
                        tensor(shape(2), 1, 1),
                        tensor(shape(2), 0, 0),
                        tensor(shape(2), 0, 0),
                        tensor(shape(2), 1, 1));
    }

    @Test
    void channelsFirstFlattenTakesHeightWidthChannelsOrderAsKerasDoes() {
        // Keras's Flatten(data_format="channels_first") moves channels last first: index (y * 28 + x) * 2 + c.
        float[] s = read(
                channelsFirst().add("Flatten", "flat", "\"data_format\": \"channels_first\""),
                PIXELS * 2,
                at(5, 7, 1, 28, 2));
        assertEquals(2 * ramp(5, 7) / Math.sqrt(1 + 1e-3), s[0], TOLERANCE);
    }

    @Test
    void keras20FlattenWithoutDataFormatTakesChannelsFirstValuesAsTheyLie() {
        // Keras 2.0's Flatten flattened (channels, height, width) as it was: index c * 784 + y * 28 + x.
        float[] s = read(channelsFirst().add("Flatten", "flat", ""), PIXELS * 2, PIXELS + 5 * 28 + 7);
        assertEquals(2 * ramp(5, 7) / Math.sqrt(1 + 1e-3), s[0], TOLERANCE);
    }

    @Test
    void channelsFirstReshapeKeepsKerasOrder() {
        // (784) → (2, 14, 28) channels-first: element (c, y, x) is flat index c * 392 + y * 28 + x, i.e. pixel (c * 14
        // + y, x).
        KerasTestModels model = KerasTestModels.input(784)
                .add("Reshape", "reshape", "\"target_shape\": [2, 14, 28]")
                .add(
                        "Conv2D",
                        "conv",
                        "\"filters\": 1, \"kernel_size\": 1, \"strides\": 1, \"use_bias\": false, "
                                + "\"data_format\": \"channels_first\"",
                        tensor(shape(1, 1, 2, 1), 0, 1));
        float[] s = read(
                model.add("Flatten", "flatten2", "\"data_format\": \"channels_first\""), 14 * 28, at(3, 4, 0, 28, 1));
        assertEquals(ramp(14 + 3, 4), s[0], TOLERANCE); // channel 1, (3, 4)
    }
}
