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
import java.util.Set;
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

    /**
     * The leading layers that move with their input: where the input is moved by {@code shift} pixels
     * (zeros coming in where it moved away from), their output is the unmoved input's output moved too,
     * by {@code shift / scale}, and each value of it depends on the values of its own window of the input
     * alone. So the output for a moved input is a window of the output for a larger input that holds it.
     * These are unpadded convolutions of stride 1, layers that work value by value or channel by channel
     * (activations other than softmax, batch norm at inference, dropout, rescaling), and unpadded max
     * pooling by square windows of its own stride where that stride divides what is left of the shift.
     * The chain stops at the first other layer; a {@link LayerSpec.SequenceSpec} counts whole or not at all.
     *
     * @return how many of {@link #layers} move with the input, the factor by which they shrink it, and the
     *     shape they give for a 28x28 input
     */
    public Head shiftableHead(int shift) {
        Head head = new Head(0, 1, TensorShape.INPUT);
        for (LayerSpec layer : layers) {
            Head next = head.after(layer, shift);
            if (next == null) {
                break;
            }
            head = next;
        }
        return head;
    }

    /**
     * The first {@code layers} layers of a stack, which move with a shifted input ({@link #shiftableHead}).
     *
     * @param scale by how much they shrink the input: a shift of {@code s} pixels moves their output by
     *     {@code s / scale}
     * @param output the shape they give for one 28x28 input
     */
    public record Head(int layers, int scale, TensorShape output) {
        /** Layers that work value by value or channel by channel, at inference. */
        private static final Set<Class<?>> VALUE_BY_VALUE = Set.of(
                LayerSpec.BatchNormSpec.class,
                LayerSpec.DropoutSpec.class,
                LayerSpec.RescalingSpec.class,
                LayerSpec.ChannelAffineSpec.class,
                LayerSpec.ReluSpec.class,
                LayerSpec.EluSpec.class);

        /** This head with {@code layer} after it (one layer more), or null where that layer does not move with a shift. */
        private Head after(LayerSpec layer, int shift) {
            if (!output.isImage()) {
                return null;
            }
            if (layer instanceof LayerSpec.SequenceSpec sequence) {
                Head inner = this;
                for (LayerSpec part : sequence.layers()) {
                    inner = inner.after(part, shift);
                    if (inner == null) {
                        return null;
                    }
                }
                return new Head(layers + 1, inner.scale(), inner.output());
            }
            int factor = 1;
            if (layer instanceof LayerSpec.Conv2dSpec c) {
                if (c.strideHeight() != 1
                        || c.strideWidth() != 1
                        || c.padTop() + c.padBottom() + c.padLeft() + c.padRight() != 0) {
                    return null;
                }
            } else if (layer instanceof LayerSpec.MaxPoolSpec p) {
                factor = p.poolHeight();
                boolean ownStride = p.poolWidth() == factor && p.strideHeight() == factor && p.strideWidth() == factor;
                boolean unpadded = p.padTop() + p.padBottom() + p.padLeft() + p.padRight() == 0;
                if (!ownStride || !unpadded || shift % (scale * factor) != 0) {
                    return null;
                }
            } else if (layer instanceof LayerSpec.ActivationSpec a) {
                if (a.function() == LayerSpec.ActivationSpec.Function.SOFTMAX) {
                    return null;
                }
            } else if (!VALUE_BY_VALUE.contains(layer.getClass())) {
                return null;
            }
            return new Head(layers + 1, scale * factor, layer.outputShape(output));
        }
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
