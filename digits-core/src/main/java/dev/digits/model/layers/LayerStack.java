package dev.digits.model.layers;

import ai.djl.nn.Block;
import ai.djl.nn.SequentialBlock;
import com.fasterxml.jackson.annotation.JsonIgnore;
import dev.digits.DigitsException;
import dev.digits.data.DigitSet;
import dev.digits.io.Json;
import dev.digits.model.Architecture;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A network described by data: a chain of {@link LayerSpec}s from the 1x28x28 input to 10 scores.
 * Imported models are stored as one (in {@link #FILE} beside the parameters), so that they load
 * without any code written for them.
 */
public record LayerStack(List<LayerSpec> layers) implements Architecture {
    /** The {@link dev.digits.model.ModelCard#architecture()} of models stored as a layer stack. */
    public static final String NAME = "layers";

    public static final String FILE = "layers.json";

    public LayerStack {
        layers = List.copyOf(layers);
        TensorShape out = shapes(layers).get(layers.size());
        if (out.isImage() || out.size() != DigitSet.CLASSES) {
            throw new IllegalArgumentException("the network must end in " + DigitSet.CLASSES + " scores, not " + out);
        }
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return layers.stream()
                .map(l -> l.getClass().getSimpleName().replace("Spec", ""))
                .collect(Collectors.joining("-"));
    }

    @Override
    public Block newBlock() {
        SequentialBlock net = new SequentialBlock();
        layers.forEach(l -> net.add(l.block()));
        return net;
    }

    @Override
    public java.util.Optional<LayerStack> asLayerStack() {
        return java.util.Optional.of(this);
    }

    /** The shape entering each layer, and last the output shape. */
    @JsonIgnore
    public List<TensorShape> shapes() {
        return shapes(layers);
    }

    /** Parameter shapes of the whole network in DJL's order (the order of {@code Block.getParameters()}). */
    @JsonIgnore
    public List<long[]> parameterShapes() {
        List<TensorShape> shapes = shapes();
        List<long[]> result = new ArrayList<>();
        for (int i = 0; i < layers.size(); i++) {
            result.addAll(layers.get(i).parameterShapes(shapes.get(i)));
        }
        return result;
    }

    @Override
    public void writeDescription(Path directory) throws IOException {
        Json.writeFile(directory.resolve(FILE), this);
    }

    public static LayerStack read(Path directory) {
        Path file = directory.resolve(FILE);
        try {
            return Json.read(file, LayerStack.class);
        } catch (IOException | IllegalArgumentException e) {
            throw new DigitsException(file + ": not a readable layer stack (" + e.getMessage() + ")", e);
        }
    }

    private static List<TensorShape> shapes(List<LayerSpec> layers) {
        List<TensorShape> shapes = new ArrayList<>();
        TensorShape shape = TensorShape.INPUT;
        shapes.add(shape);
        for (LayerSpec layer : layers) {
            shape = layer.outputShape(shape);
            shapes.add(shape);
        }
        return shapes;
    }
}
