package dev.digits.model.keras;

import static dev.digits.model.keras.KerasTestModels.counting;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.digits.DigitsException;
import dev.digits.io.Json;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What the importer does not convert fails, naming the layer, its class and the option. */
class KerasUnsupportedTest {
    private static final String CONV = "\"filters\": 1, \"kernel_size\": [3, 3], \"strides\": [1, 1], ";

    private static String failure(KerasTestModels model) {
        return assertThrows(UnsupportedKerasModel.class, model::convert).getMessage();
    }

    private static KerasTestModels conv(String options) {
        return KerasTestModels.input(28, 28, 1)
                .add("Conv2D", "conv", CONV + options, counting(3, 3, 1, 1), counting(1));
    }

    @Test
    void unknownLayerClass() {
        String message = failure(KerasTestModels.input(28, 28, 1).add("LSTM", "lstm", "\"units\": 4"));
        assertTrue(
                message.startsWith(
                        "layer 'lstm' (LSTM): layer class 'LSTM' is not supported (supported: InputLayer, Conv2D,"),
                message);
    }

    @Test
    void mixedDataFormats() {
        assertEquals(
                "layer 'flatten' (Flatten): data_format=channels_first differs from layer 'conv' (Conv2D)'s channels_last "
                        + "(supported: one data format for the whole model)",
                failure(conv("\"data_format\": \"channels_last\"")
                        .add("Flatten", "flatten", "\"data_format\": \"channels_first\"")));
        assertEquals(
                "layer 'conv' (Conv2D): data_format=NHWC is not supported (supported: channels_last, channels_first)",
                failure(conv("\"data_format\": \"NHWC\"")));
    }

    @Test
    void groupsThatDoNotDivideAndCausalPadding() {
        assertEquals(
                "layer 'conv' (Conv2D): groups=2 is not supported (supported: a divisor of the input channels and of the filters)",
                failure(conv("\"groups\": 2")));
        assertEquals(
                "layer 'conv' (Conv2D): padding=causal is not supported (supported: valid, same)",
                failure(conv("\"padding\": \"causal\"")));
        assertEquals(
                "layer 'pool' (AveragePooling2D): padding=full is not supported (supported: valid, same)",
                failure(KerasTestModels.input(28, 28, 1)
                        .add("AveragePooling2D", "pool", "\"pool_size\": [2, 2], \"padding\": \"full\"")));
    }

    @Test
    void activationsWithoutAnEquivalent() {
        // Keras 2 and 3 define hard_sigmoid differently, gelu needs erf: neither is converted.
        for (String function : new String[] {"gelu", "hard_sigmoid"}) {
            assertEquals(
                    "layer 'conv' (Conv2D): activation=" + function
                            + " is not supported (supported: linear, relu, sigmoid, "
                            + "tanh, softmax, elu, selu, softplus, softsign, swish, silu, exponential, relu6, leaky_relu)",
                    failure(conv("\"activation\": \"" + function + "\"")));
        }
        assertEquals(
                "layer 'soft' (Softmax): axis=1 on (28, 28, 1) is not supported (supported: -1 on a vector)",
                failure(KerasTestModels.input(28, 28, 1).add("Softmax", "soft", "\"axis\": 1")));
        String prelu = failure(KerasTestModels.input(784).add("PReLU", "prelu", "", counting(784)));
        assertTrue(
                prelu.startsWith(
                        "layer 'prelu' (PReLU): layer class 'PReLU' is not supported (supported: InputLayer, "),
                prelu);
    }

    @Test
    void resizingOrCroppingToAnotherSize() {
        assertEquals(
                "layer 'resize' (Resizing): resizing or cropping (28, 28) images to (32, 32) is not supported "
                        + "(supported: Resizing to the size it gets, which changes nothing)",
                failure(KerasTestModels.input(28, 28, 1).add("Resizing", "resize", "\"height\": 32, \"width\": 32")));
        assertEquals(
                "layer 'crop' (CenterCrop): resizing or cropping (28, 28) images to (24, 24) is not supported "
                        + "(supported: CenterCrop to the size it gets, which changes nothing)",
                failure(KerasTestModels.input(28, 28, 1).add("CenterCrop", "crop", "\"height\": 24, \"width\": 24")));
        assertEquals(
                "layer 'resize' (Resizing): input shape=(784) is not supported (supported: an image (height, width, channels))",
                failure(KerasTestModels.input(784).add("Resizing", "resize", "\"height\": 28, \"width\": 28")));
    }

    @Test
    void layerOptionsThatChangeTheResult() {
        assertEquals(
                "layer 'bn' (BatchNormalization): axis=1 is not supported (supported: the channel axis, 3 or -1, for input (28, 28, 1))",
                failure(KerasTestModels.input(28, 28, 1).add("BatchNormalization", "bn", "\"axis\": 1")));
        assertEquals(
                "layer 'bn' (BatchNormalization): renorm=true is not supported (supported: false)",
                failure(KerasTestModels.input(784).add("BatchNormalization", "bn", "\"renorm\": true")));
        assertEquals(
                "layer 'gap' (GlobalAveragePooling2D): keepdims=true is not supported (supported: false)",
                failure(KerasTestModels.input(28, 28, 1).add("GlobalAveragePooling2D", "gap", "\"keepdims\": true")));
        assertEquals(
                "layer 'drop' (Dropout): noise_shape=[null,1,1,1] is not supported (supported: null)",
                failure(KerasTestModels.input(28, 28, 1)
                        .add("Dropout", "drop", "\"rate\": 0.5, \"noise_shape\": [null, 1, 1, 1]")));
        assertEquals(
                "layer 'scale' (Rescaling): scale/offset=[0.5,0.5]/0.0 is not supported (supported: single numbers)",
                failure(KerasTestModels.input(28, 28, 1)
                        .add("Rescaling", "scale", "\"scale\": [0.5, 0.5], \"offset\": 0.0")));
        assertEquals(
                "layer 'reshape' (Reshape): target_shape=[-1,5] is not supported "
                        + "(supported: (units), (height, width) or an image, at most one -1, fitting (784))",
                failure(KerasTestModels.input(784).add("Reshape", "reshape", "\"target_shape\": [-1, 5]")));
        assertEquals(
                "layer 'norm' (Normalization): invert=true is not supported (supported: false)",
                failure(KerasTestModels.input(28, 28, 1)
                        .add("Normalization", "norm", "\"invert\": true, \"axis\": -1")));
        assertEquals(
                "layer 'norm' (Normalization): mean=3 values is not supported (supported: one per channel (1) or one)",
                failure(KerasTestModels.input(28, 28, 1)
                        .add(
                                "Normalization",
                                "norm",
                                "\"axis\": -1, " + "\"mean\": [1, 2, 3], \"variance\": [1, 1, 1]")));
        assertEquals(
                "layer 'zeros' (ZeroPadding2D): padding=\"wide\" is not supported "
                        + "(supported: n, (rows, columns) or ((top, bottom), (left, right)))",
                failure(KerasTestModels.input(28, 28, 1).add("ZeroPadding2D", "zeros", "\"padding\": \"wide\"")));
    }

    @Test
    void shapesThatDoNotFit() {
        assertEquals(
                "layer 'input_layer' (InputLayer): input shape=(32, 32, 3) is not supported "
                        + "(supported: (28, 28, 1), (28, 28) or (784))",
                failure(KerasTestModels.input(32, 32, 3)));
        assertEquals(
                "layer 'input_layer' (InputLayer): input shape=(28, 28, 1) is not supported "
                        + "(supported: (1, 28, 28), (28, 28) or (784) in a channels_first model)",
                failure(KerasTestModels.input(28, 28, 1)
                        .add("Flatten", "flatten", "\"data_format\": \"channels_first\"")));
        assertEquals(
                "layer 'dense' (Dense): input shape=(28, 28, 1) is not supported "
                        + "(supported: a vector (Keras applies Dense to the last axis of an image; add a Flatten before it))",
                failure(KerasTestModels.input(28, 28, 1)
                        .add("Dense", "dense", "\"units\": 10", counting(1, 10), counting(10))));
        assertEquals(
                "the model does not map 1x28x28 images to 10 classes: the network must end in 10 scores, not (5)",
                failure(KerasTestModels.input(784)
                        .add("Dense", "dense", "\"units\": 5", counting(784, 5), counting(5))));
    }

    @Test
    void weightsThatDoNotFitAreNamed() {
        DigitsException e = assertThrows(
                DigitsException.class,
                () -> KerasTestModels.input(784)
                        .add("Dense", "dense", "\"units\": 10", counting(783, 10), counting(10))
                        .convert());
        assertEquals("layer 'dense' (Dense): kernel has shape [783, 10], the layer needs [784, 10]", e.getMessage());
        e = assertThrows(
                DigitsException.class,
                () -> KerasTestModels.input(784)
                        .add("Dense", "dense", "\"units\": 10")
                        .convert());
        assertEquals(
                "layer 'dense' (Dense): expected 2 weight arrays (kernel, bias), the weights file has 0",
                e.getMessage());
    }

    /** A Keras 3 call of a layer on the outputs of {@code sources}. */
    static String call(String... sources) {
        StringBuilder tensors = new StringBuilder();
        for (String source : sources) {
            tensors.append(tensors.length() == 0 ? "" : ", ")
                    .append("{\"class_name\": \"__keras_tensor__\", \"config\": {\"keras_history\": [\"")
                    .append(source)
                    .append("\", 0, 0]}}");
        }
        return "{\"args\": [" + (sources.length > 1 ? "[" + tensors + "]" : tensors) + "], \"kwargs\": {}}";
    }

    /** A Keras 3 Functional config of {@code layers} (each {@code "class", "name", "options", inbound nodes…}). */
    static String functional(String inputs, String outputs, String... layers) {
        StringBuilder list = new StringBuilder();
        for (String layer : layers) {
            list.append(list.length() == 0 ? "" : ",\n").append(layer);
        }
        return "{\"class_name\": \"Functional\", \"config\": {\"name\": \"f\", \"layers\": [" + list + "], "
                + "\"input_layers\": " + inputs + ", \"output_layers\": " + outputs + "}}";
    }

    static String layer(String className, String name, String options, String... calls) {
        return "{\"class_name\": \"" + className + "\", \"name\": \"" + name + "\", \"config\": {\"name\": \"" + name
                + "\"" + (options.isEmpty() ? "" : ", " + options) + "}, \"inbound_nodes\": ["
                + String.join(", ", calls) + "]}";
    }

    private static final String INPUT = layer("InputLayer", "in", "\"batch_shape\": [null, 784]");

    private static String graphFailure(String config) {
        return assertThrows(UnsupportedKerasModel.class, () -> {
                    List<KerasGraph.Node> nodes = KerasGraph.nodes(Json.MAPPER.readTree(config));
                    KerasLayerConverter.convertModel(nodes, layer -> List.of(), InputScale.UNIT);
                })
                .getMessage();
    }

    @Test
    void graphsBeyondOneInputOneOutputAndMerges() {
        assertEquals(
                "layer 'd' (Dense) is called 2 times (a shared layer); supported: each layer called once",
                graphFailure(functional(
                        "[[\"in\", 0, 0]]",
                        "[[\"d\", 1, 0]]",
                        INPUT,
                        layer("Dense", "d", "\"units\": 784", call("in"), call("d")))));
        assertEquals(
                "Functional model with inputs [a, b] and outputs [sum] is not supported (supported: one input and one output)",
                graphFailure(functional(
                        "[[\"a\", 0, 0], [\"b\", 0, 0]]",
                        "[[\"sum\", 0, 0]]",
                        layer("InputLayer", "a", "\"batch_shape\": [null, 784]"),
                        layer("InputLayer", "b", "\"batch_shape\": [null, 784]"),
                        layer("Add", "sum", "", call("a", "b")))));
        assertEquals(
                "layer 'dot' (Dot) takes 2 inputs (supported: one, or several for "
                        + "Add, Subtract, Multiply, Average, Maximum, Minimum, Concatenate)",
                graphFailure(functional(
                        "[[\"in\", 0, 0]]",
                        "[[\"dot\", 0, 0]]",
                        INPUT,
                        layer("Flatten", "a", "", call("in")),
                        layer("Flatten", "b", "", call("in")),
                        layer("Dot", "dot", "\"axes\": -1", call("a", "b")))));
        assertEquals(
                "layer 'sum' (Add): node 'sum' (ADD) cannot merge [(784), (28, 28, 1)]",
                graphFailure(functional(
                        "[[\"in\", 0, 0]]",
                        "[[\"sum\", 0, 0]]",
                        layer("InputLayer", "in", "\"batch_shape\": [null, 28, 28, 1]"),
                        layer("Flatten", "flat", "", call("in")),
                        layer("Add", "sum", "", call("flat", "in")))));
        assertEquals(
                "layer 'join' (Concatenate): axis=1 is not supported (supported: the channel axis, 3 or -1, for input (28, 28, 1))",
                graphFailure(functional(
                        "[[\"in\", 0, 0]]",
                        "[[\"join\", 0, 0]]",
                        layer("InputLayer", "in", "\"batch_shape\": [null, 28, 28, 1]"),
                        layer("Activation", "relu", "\"activation\": \"relu\"", call("in")),
                        layer("Concatenate", "join", "\"axis\": 1", call("relu", "in")))));
        UnsupportedKerasModel e = assertThrows(
                UnsupportedKerasModel.class,
                () -> KerasGraph.chain(Json.MAPPER.readTree("{\"class_name\": \"MyModel\", \"config\": {}}")));
        assertEquals("model class 'MyModel' is not supported (supported: Sequential, Functional)", e.getMessage());
    }
}
