package dev.digits.model.keras;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Where Keras 3 keeps each layer's weights in {@code model.weights.h5}: not under the layer's name but
 * under its class in snake case, numbered per class in layer order ({@code layers/conv2d},
 * {@code layers/conv2d_1}, …), because Keras 3 avoids names that are generated anew in every session.
 * A model whose layers kept their generated names has the same paths as names; a renamed layer does not.
 */
final class Keras3Paths {
    private Keras3Paths() {}

    /** Layer name → group path (without the leading {@code layers/}). */
    static Map<String, String> of(List<KerasLayer> layers) {
        Map<String, Integer> used = new HashMap<>();
        Map<String, String> paths = new LinkedHashMap<>();
        for (KerasLayer layer : layers) {
            String base = snakeCase(layer.className());
            int n = used.merge(base, 1, Integer::sum) - 1;
            paths.put(layer.name(), n == 0 ? base : base + "_" + n);
        }
        return paths;
    }

    /** Keras's {@code naming.to_snake_case}: {@code MaxPooling2D} → {@code max_pooling2d}, {@code ReLU} → {@code re_lu}. */
    static String snakeCase(String className) {
        String name = className.replaceAll("\\W+", "");
        name = name.replaceAll("(.)([A-Z][a-z]+)", "$1_$2");
        name = name.replaceAll("([a-z])([A-Z])", "$1_$2");
        return name.toLowerCase(java.util.Locale.ROOT);
    }
}
