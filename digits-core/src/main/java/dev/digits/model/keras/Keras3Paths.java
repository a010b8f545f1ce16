package dev.digits.model.keras;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Where Keras 3 (and Keras 2.13+ in a {@code .keras} archive) keeps each layer's weights in
 * {@code model.weights.h5}: not under the layer's name but under its class in snake case, numbered per
 * class in layer order within its model ({@code layers/conv2d}, {@code layers/conv2d_1}, …), because Keras
 * avoids names that are generated anew in every session. A layer of a nested model lives under that
 * model's path ({@code layers/sequential/layers/dense}). A model whose layers kept their generated names
 * has the same paths as names; a renamed layer does not.
 */
final class Keras3Paths {
    private Keras3Paths() {}

    /** {@link KerasLayer#scopedName()} of each layer and of each model it is nested in → group path (without the leading {@code layers/}). */
    static Map<String, String> of(List<KerasLayer> layers) {
        Map<String, Integer> used = new HashMap<>(); // container path + class → layers of it seen so far
        Map<String, String> paths = new LinkedHashMap<>();
        for (KerasLayer layer : layers) {
            String containerPath = "";
            for (KerasLayer container : layer.containers()) {
                containerPath = pathOf(container, containerPath, used, paths) + "/layers/";
            }
            pathOf(layer, containerPath, used, paths);
        }
        return paths;
    }

    private static String pathOf(
            KerasLayer layer, String containerPath, Map<String, Integer> used, Map<String, String> paths) {
        return paths.computeIfAbsent(layer.scopedName(), key -> {
            String base = snakeCase(layer.className());
            int n = used.merge(containerPath + base, 1, Integer::sum) - 1;
            return containerPath + (n == 0 ? base : base + "_" + n);
        });
    }

    /** Keras's {@code naming.to_snake_case}: {@code MaxPooling2D} → {@code max_pooling2d}, {@code ReLU} → {@code re_lu}. */
    static String snakeCase(String className) {
        String name = className.replaceAll("\\W+", "");
        name = name.replaceAll("(.)([A-Z][a-z]+)", "$1_$2");
        name = name.replaceAll("([a-z])([A-Z])", "$1_$2");
        return name.toLowerCase(java.util.Locale.ROOT);
    }
}
