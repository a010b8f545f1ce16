package dev.digits.model.keras;

import dev.digits.DigitsException;
import dev.digits.model.layers.Tensor;
import io.jhdf.api.Attribute;
import io.jhdf.api.Dataset;
import io.jhdf.api.Group;
import io.jhdf.api.Node;
import java.lang.reflect.Array;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The weights of a Keras model file, by layer, each layer's arrays in Keras's order
 * (kernel, bias; gamma, beta, moving mean, moving variance; depthwise, pointwise, bias).
 */
public interface KerasWeights {
    /** The layer's arrays; empty when the file has none for it. */
    List<Tensor> of(KerasLayer layer);

    /**
     * Keras 3 and Keras 2.13+ archives ({@code model.weights.h5}): {@code layers/<path>/vars/0, 1, …}, the paths as
     * {@link Keras3Paths} gives them. Keras 2.15 on Windows wrote the path separators as backslashes
     * ({@code layers\conv2d} is one link name), so names are read with either separator.
     */
    static KerasWeights keras3(Group root, String source, List<KerasLayer> chain) {
        Map<String, String> paths = Keras3Paths.of(chain);
        Map<String, Node> nodes = new LinkedHashMap<>();
        index(root, "", nodes);
        return layer -> {
            Group group = null;
            for (String path : keras3Candidates(paths.get(layer.scopedName()), layer)) {
                if (nodes.get(path + "/vars") instanceof Group vars) {
                    group = vars;
                    break;
                }
            }
            if (group == null) {
                return List.of();
            }
            List<Map.Entry<String, Node>> entries =
                    new ArrayList<>(group.getChildren().entrySet());
            for (Map.Entry<String, Node> e : entries) {
                if (!e.getKey().matches("\\d+")) {
                    throw new DigitsException(
                            source + ": unexpected entry " + e.getValue().getPath() + " in the weights");
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

    /**
     * Where a layer's {@code vars} may be: {@code layers/<path>}; in Keras 2.13-era archives the same path with
     * {@code _layer_checkpoint_dependencies} for each {@code layers} (as Keras 3's loader reads them), or under the
     * layer's name there, the key Keras 2 gives that group's entries.
     */
    private static List<String> keras3Candidates(String path, KerasLayer layer) {
        String dependencies = "_layer_checkpoint_dependencies";
        StringBuilder byName = new StringBuilder(dependencies);
        layer.containers()
                .forEach(c -> byName.append('/').append(c.name()).append('/').append(dependencies));
        byName.append('/').append(layer.name());
        return List.of(
                "layers/" + path,
                dependencies + "/" + path.replace("/layers/", "/" + dependencies + "/"),
                byName.toString());
    }

    /**
     * Keras 2 full-model {@code .h5}: {@code model_weights/<layer>}, its arrays listed by the group's {@code weight_names}
     * attribute, each name the array's path inside the group. Writers differ in those names ({@code dense/kernel:0},
     * {@code sequential/dense/kernel}); a layer of a nested model has its arrays in the outermost model's group,
     * named with the layer's name before the weight's. Without {@code weight_names}, the group's arrays are taken
     * in Keras's order of weight names.
     */
    static KerasWeights keras2(Group modelWeights, String source) {
        return layer -> {
            String top = layer.containers().isEmpty()
                    ? layer.name()
                    : layer.containers().get(0).name();
            if (!(child(modelWeights, top) instanceof Group group)) {
                return List.of();
            }
            Attribute attribute = group.getAttribute("weight_names");
            List<String> names = new ArrayList<>();
            if (attribute != null) {
                names.addAll(strings(attribute.getData()));
            } else {
                Map<String, Node> datasets = new LinkedHashMap<>();
                index(group, "", datasets);
                datasets.entrySet().removeIf(e -> !(e.getValue() instanceof Dataset));
                names.addAll(datasets.keySet());
                names.sort(Comparator.comparingInt(WeightNames::rank));
            }
            if (!layer.containers().isEmpty()) {
                names.removeIf(n -> !WeightNames.belongsTo(n, layer.name()));
            }
            List<Tensor> result = new ArrayList<>();
            for (String name : names) {
                Node node = child(group, name);
                if (node == null) {
                    throw new DigitsException(source + ": weight " + name + " of layer '" + layer.name()
                            + "' is listed in " + group.getPath() + " but missing");
                }
                result.add(tensor(node, source));
            }
            return result;
        };
    }

    /**
     * Theano convolves with flipped kernels: Keras 2 flips a Conv2D kernel's rows and columns when it loads a file
     * written with the Theano backend into TensorFlow, and so does this.
     */
    static KerasWeights theanoKernelsFlipped(KerasWeights weights) {
        return layer -> {
            List<Tensor> arrays = weights.of(layer);
            if (!layer.className().equals("Conv2D")
                    || arrays.isEmpty()
                    || arrays.get(0).rank() != 4) {
                return arrays;
            }
            List<Tensor> flipped = new ArrayList<>(arrays);
            flipped.set(0, WeightLayouts.flipKernel(arrays.get(0)));
            return flipped;
        };
    }

    private static void index(Group group, String prefix, Map<String, Node> into) {
        for (Map.Entry<String, Node> e : group.getChildren().entrySet()) {
            String path = prefix + e.getKey().replace('\\', '/');
            into.put(path, e.getValue());
            if (e.getValue() instanceof Group g) {
                index(g, path + "/", into);
            }
        }
    }

    private static Node child(Group root, String path) {
        try {
            return root.getByPath(path);
        } catch (RuntimeException e) {
            return null; // jHDF signals a missing path with an exception
        }
    }

    /**
     * The strings of an HDF5 attribute: Keras writes them variable-length (read as {@code String}) or fixed-length
     * bytes, one or an array of them; an empty list of names is written as an empty float array.
     */
    static List<String> strings(Object data) {
        if (data == null) {
            return List.of();
        }
        if (data instanceof String s) {
            return List.of(s);
        }
        if (data instanceof byte[] bytes) {
            return List.of(new String(bytes, StandardCharsets.UTF_8).replace("\0", ""));
        }
        if (data.getClass().isArray()) {
            List<String> result = new ArrayList<>();
            for (int i = 0; i < Array.getLength(data); i++) {
                Object item = Array.get(data, i);
                if (!(item instanceof String) && !(item instanceof byte[])) {
                    throw new DigitsException("expected a list of names, found an array of "
                            + item.getClass().getSimpleName());
                }
                result.addAll(strings(item));
            }
            return result;
        }
        throw new DigitsException(
                "expected a list of names, found " + data.getClass().getSimpleName() + " " + data);
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
        } else if (data instanceof long[] l) { // counts, such as Normalization's
            values = new float[l.length];
            for (int i = 0; i < l.length; i++) {
                values[i] = l[i];
            }
        } else if (data instanceof int[] n) {
            values = new float[n.length];
            for (int i = 0; i < n.length; i++) {
                values[i] = n[i];
            }
        } else {
            throw new DigitsException(source + ": " + node.getPath() + " holds " + dataset.getJavaType()
                    + " values; only float and integer weights are supported");
        }
        return new Tensor(shape, values);
    }
}
