package dev.digits.model.layers;

import ai.djl.nn.SequentialBlock;
import com.fasterxml.jackson.annotation.JsonIgnore;
import dev.digits.DigitsException;
import dev.digits.data.DigitSet;
import dev.digits.io.Json;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A network described by data: a chain of {@link LayerSpec}s from the 1x28x28 input to 10 scores.
 * Every {@link dev.digits.model.Network} is one; an imported model is stored as one (in {@link #FILE}
 * beside the parameters), so that it loads without any code written for it.
 */
public record LayerStack(List<LayerSpec> layers) {
    public static final String FILE = "layers.json";

    public LayerStack {
        layers = List.copyOf(layers);
        TensorShape out = shapes(layers).get(layers.size());
        if (out.isImage() || out.size() != DigitSet.CLASSES) {
            throw new IllegalArgumentException("the network must end in " + DigitSet.CLASSES + " scores, not " + out);
        }
    }

    /** The layer kinds in order, such as {@code Conv2d-Activation-MaxPool-...}. */
    @JsonIgnore
    public String description() {
        return flattened().layers().stream()
                .map(l -> l.getClass().getSimpleName().replace("Spec", ""))
                .collect(Collectors.joining("-"));
    }

    /** A fresh, uninitialised block: the layers' blocks in order. */
    public SequentialBlock newBlock() {
        SequentialBlock net = new SequentialBlock();
        layers.forEach(l -> net.add(l.block()));
        return net;
    }

    /** The same layers with every {@link LayerSpec.SequenceSpec} opened up: one chain, the same parameters in order. */
    public LayerStack flattened() {
        List<LayerSpec> flat = new ArrayList<>();
        addFlattened(layers, flat);
        return new LayerStack(flat);
    }

    private static void addFlattened(List<LayerSpec> layers, List<LayerSpec> flat) {
        for (LayerSpec layer : layers) {
            if (layer instanceof LayerSpec.SequenceSpec sequence) {
                addFlattened(sequence.layers(), flat);
            } else {
                flat.add(layer);
            }
        }
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

    /** Writes {@link #FILE} into a model directory. */
    public void write(Path directory) throws IOException {
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
