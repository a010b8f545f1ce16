package dev.digits.model.keras;

import dev.digits.DigitsException;
import dev.digits.model.layers.Tensor;
import io.jhdf.api.Attribute;
import io.jhdf.api.Dataset;
import io.jhdf.api.Group;
import io.jhdf.api.Node;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * The weights of a Keras model file, by layer name, each layer's arrays in Keras's order
 * (kernel, bias; gamma, beta, moving mean, moving variance).
 */
public interface KerasWeights {
    /** The layer's arrays; empty when the file has none for it. */
    List<Tensor> of(KerasLayer layer);

    /** Keras 3 ({@code model.weights.h5}): {@code layers/<path>/vars/0, 1, …}, the paths as {@link Keras3Paths} gives them. */
    static KerasWeights keras3(Group root, String source, List<KerasLayer> chain) {
        Map<String, String> paths = Keras3Paths.of(chain);
        return layer -> {
            Node vars = child(root, "layers/" + paths.get(layer.name()) + "/vars");
            if (!(vars instanceof Group group)) {
                return List.of();
            }
            List<Map.Entry<String, Node>> entries = new ArrayList<>(group.getChildren().entrySet());
            for (Map.Entry<String, Node> e : entries) {
                if (!e.getKey().matches("\\d+")) {
                    throw new DigitsException(source + ": unexpected entry " + e.getValue().getPath() + " in the weights");
                }
            }
            entries.sort(Comparator.comparingInt(e -> Integer.parseInt(e.getKey())));
            List<Tensor> result = new ArrayList<>();
            for (Map.Entry<String, Node> e : entries) {
                result.add(tensor(e.getValue(), source));
            }
            return result;
        };
    }

    /** Keras 2 full-model {@code .h5}: {@code model_weights/<name>}, arrays listed by its {@code weight_names} attribute. */
    static KerasWeights keras2(Group modelWeights, String source) {
        return kerasLayer -> {
            String layer = kerasLayer.name();
            Node group = child(modelWeights, layer);
            if (!(group instanceof Group g)) {
                return List.of();
            }
            Attribute names = g.getAttribute("weight_names");
            List<Tensor> result = new ArrayList<>();
            for (String name : names == null ? List.<String>of() : strings(names.getData())) {
                Node node = child(g, name);
                if (node == null) {
                    throw new DigitsException(source + ": weight " + name + " of layer '" + layer + "' is listed but missing");
                }
                result.add(tensor(node, source));
            }
            return result;
        };
    }

    private static Node child(Group root, String path) {
        try {
            return root.getByPath(path);
        } catch (RuntimeException e) {
            return null; // jHDF signals a missing path with an exception
        }
    }

    static List<String> strings(Object data) {
        if (data instanceof String s) {
            return List.of(s);
        }
        if (data instanceof String[] array) {
            return Arrays.asList(array);
        }
        throw new DigitsException("expected a list of names, found " + data);
    }

    private static Tensor tensor(Node node, String source) {
        if (!(node instanceof Dataset dataset)) {
            throw new DigitsException(source + ": " + node.getPath() + " is not an array");
        }
        long[] shape = dataset.getDimensionsAsLong();
        Object data = dataset.getDataFlat();
        float[] values;
        if (data instanceof float[] f) {
            values = f;
        } else if (data instanceof double[] d) {
            values = new float[d.length];
            for (int i = 0; i < d.length; i++) {
                values[i] = (float) d[i];
            }
        } else {
            throw new DigitsException(source + ": " + node.getPath() + " holds " + dataset.getJavaType()
                    + " values; only float32 and float64 weights are supported");
        }
        return new Tensor(shape, values);
    }
}
