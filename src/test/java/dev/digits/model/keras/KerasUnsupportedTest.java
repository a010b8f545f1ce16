package dev.digits.model.keras;

import static dev.digits.model.keras.KerasTestModels.counting;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.digits.DigitsException;
import dev.digits.io.Json;
import org.junit.jupiter.api.Test;

/** What the importer does not convert fails, naming the layer, its class and the option. */
class KerasUnsupportedTest {
    private static final String CONV = "\"filters\": 1, \"kernel_size\": [3, 3], \"strides\": [1, 1], ";

    private static String failure(KerasTestModels model) {
        return assertThrows(UnsupportedKerasModel.class, model::convert).getMessage();
    }

    private static KerasTestModels conv(String options) {
        return KerasTestModels.input(28, 28, 1).add("Conv2D", "conv", CONV + options, counting(3, 3, 1, 1), counting(1));
    }

    @Test
    void unknownLayerClass() {
        String message = failure(KerasTestModels.input(28, 28, 1).add("LSTM", "lstm", "\"units\": 4"));
        assertTrue(message.startsWith("layer 'lstm' (LSTM): layer class 'LSTM' is not supported (supported: InputLayer, Conv2D,"),
                message);
    }

    @Test
    void channelsFirst() {
        assertEquals("layer 'conv' (Conv2D): data_format=channels_first is not supported (supported: channels_last)",
                failure(conv("\"data_format\": \"channels_first\"")));
        assertEquals("layer 'flatten' (Flatten): data_format=channels_first is not supported (supported: channels_last)",
                failure(KerasTestModels.input(28, 28, 1).add("Flatten", "flatten", "\"data_format\": \"channels_first\"")));
    }

    @Test
    void dilationGroupsAndCausalPadding() {
        assertEquals("layer 'conv' (Conv2D): dilation_rate=[2, 2] is not supported (supported: [1, 1])",
                failure(conv("\"dilation_rate\": [2, 2]")));
        assertEquals("layer 'conv' (Conv2D): groups=2 is not supported (supported: 1)", failure(conv("\"groups\": 2")));
        assertEquals("layer 'conv' (Conv2D): padding=causal is not supported (supported: valid, same)",
                failure(conv("\"padding\": \"causal\"")));
    }

    @Test
    void poolingWithSamePadding() {
        assertEquals("layer 'pool' (MaxPooling2D): padding=same is not supported (supported: valid)",
                failure(KerasTestModels.input(28, 28, 1).add("MaxPooling2D", "pool", "\"pool_size\": [2, 2], \"padding\": \"same\"")));
    }

    @Test
    void activationsWithoutAnEquivalent() {
        assertEquals("layer 'conv' (Conv2D): activation=gelu is not supported (supported: linear, relu, sigmoid, tanh, softmax)",
                failure(conv("\"activation\": \"gelu\"")));
        assertEquals("layer 'relu6' (ReLU): max_value=6.0 is not supported (supported: null)",
                failure(KerasTestModels.input(28, 28, 1).add("ReLU", "relu6", "\"max_value\": 6.0")));
        assertEquals("layer 'leaky' (ReLU): negative_slope=0.1 is not supported (supported: 0.0)",
                failure(KerasTestModels.input(28, 28, 1).add("ReLU", "leaky", "\"negative_slope\": 0.1")));
        assertEquals("layer 'soft' (Softmax): axis=1 is not supported (supported: -1)",
                failure(KerasTestModels.input(28, 28, 1).add("Softmax", "soft", "\"axis\": 1")));
    }

    @Test
    void layerOptionsThatChangeTheResult() {
        assertEquals("layer 'bn' (BatchNormalization): axis=1 is not supported (supported: -1 (the channel axis))",
                failure(KerasTestModels.input(28, 28, 1).add("BatchNormalization", "bn", "\"axis\": 1")));
        assertEquals("layer 'bn' (BatchNormalization): renorm=true is not supported (supported: false)",
                failure(KerasTestModels.input(784).add("BatchNormalization", "bn", "\"renorm\": true")));
        assertEquals("layer 'gap' (GlobalAveragePooling2D): keepdims=true is not supported (supported: false)",
                failure(KerasTestModels.input(28, 28, 1).add("GlobalAveragePooling2D", "gap", "\"keepdims\": true")));
        assertEquals("layer 'drop' (Dropout): noise_shape=[null,1,1,1] is not supported (supported: null)",
                failure(KerasTestModels.input(28, 28, 1).add("Dropout", "drop", "\"rate\": 0.5, \"noise_shape\": [null, 1, 1, 1]")));
        assertEquals("layer 'scale' (Rescaling): scale/offset=[0.5,0.5]/0.0 is not supported (supported: single numbers)",
                failure(KerasTestModels.input(28, 28, 1).add("Rescaling", "scale", "\"scale\": [0.5, 0.5], \"offset\": 0.0")));
        assertEquals("layer 'reshape' (Reshape): target_shape=[-1, 28] is not supported "
                        + "(supported: (units) or (height, width, channels), without -1)",
                failure(KerasTestModels.input(784).add("Reshape", "reshape", "\"target_shape\": [-1, 28]")));
    }

    @Test
    void shapesThatDoNotFit() {
        assertEquals("layer 'input_layer' (InputLayer): input shape=[32, 32, 3] is not supported "
                        + "(supported: (28, 28, 1), (28, 28) or (784) with channels_last)",
                failure(KerasTestModels.input(32, 32, 3)));
        assertEquals("layer 'dense' (Dense): input shape=(28, 28, 1) is not supported "
                        + "(supported: a vector (Keras applies Dense to the last axis of an image; add a Flatten before it))",
                failure(KerasTestModels.input(28, 28, 1).add("Dense", "dense", "\"units\": 10", counting(1, 10), counting(10))));
        assertEquals("the model does not map 1x28x28 images to 10 classes: the network must end in 10 scores, not (5)",
                failure(KerasTestModels.input(784).add("Dense", "dense", "\"units\": 5", counting(784, 5), counting(5))));
    }

    @Test
    void weightsThatDoNotFitAreNamed() {
        DigitsException e = assertThrows(DigitsException.class, () -> KerasTestModels.input(784)
                .add("Dense", "dense", "\"units\": 10", counting(783, 10), counting(10)).convert());
        assertEquals("layer 'dense' (Dense): kernel has shape [783, 10], the layer needs [784, 10]", e.getMessage());
        e = assertThrows(DigitsException.class, () -> KerasTestModels.input(784).add("Dense", "dense", "\"units\": 10").convert());
        assertEquals("layer 'dense' (Dense): expected 2 weight arrays (kernel, bias), the weights file has 0", e.getMessage());
    }

    @Test
    void graphsThatAreNotAChain() throws Exception {
        String branching = """
                {"class_name": "Functional", "config": {"name": "f", "layers": [
                  {"class_name": "InputLayer", "name": "in", "config": {"name": "in", "batch_shape": [null, 784]}, "inbound_nodes": []},
                  {"class_name": "Dense", "name": "a", "config": {"name": "a", "units": 10},
                   "inbound_nodes": [{"args": [{"class_name": "__keras_tensor__", "config": {"keras_history": ["in", 0, 0]}}], "kwargs": {}}]},
                  {"class_name": "Dense", "name": "b", "config": {"name": "b", "units": 10},
                   "inbound_nodes": [{"args": [{"class_name": "__keras_tensor__", "config": {"keras_history": ["in", 0, 0]}}], "kwargs": {}}]},
                  {"class_name": "Add", "name": "sum", "config": {"name": "sum"},
                   "inbound_nodes": [{"args": [[{"class_name": "__keras_tensor__", "config": {"keras_history": ["a", 0, 0]}},
                                                {"class_name": "__keras_tensor__", "config": {"keras_history": ["b", 0, 0]}}]], "kwargs": {}}]}],
                  "input_layers": [["in", 0, 0]], "output_layers": [["sum", 0, 0]]}}""";
        UnsupportedKerasModel e = assertThrows(UnsupportedKerasModel.class, () -> KerasGraph.chain(Json.MAPPER.readTree(branching)));
        assertEquals("Functional model is not a single chain at layer 'b' (Dense): it is called 1 time(s) on [in], "
                + "where a chain calls it once on 'a'", e.getMessage());
        e = assertThrows(UnsupportedKerasModel.class,
                () -> KerasGraph.chain(Json.MAPPER.readTree("{\"class_name\": \"MyModel\", \"config\": {}}")));
        assertEquals("model class 'MyModel' is not supported (supported: Sequential, Functional)", e.getMessage());
    }

    @Test
    void aNestedModelIsAnUnsupportedLayer() {
        String message = failure(KerasTestModels.input(28, 28, 1).add("Sequential", "inner", "\"layers\": []"));
        assertTrue(message.startsWith("layer 'inner' (Sequential): layer class 'Sequential' is not supported"), message);
    }
}
