package dev.digits.model.keras;

import java.util.List;

/** Keras 2 weight names such as {@code sequential/conv2d/kernel:0}: whose they are and their order in a layer. */
final class WeightNames {
    /** Keras's order of a layer's weights; a name not listed sorts last. */
    private static final List<String> ORDER = List.of(
            "kernel",
            "depthwise_kernel",
            "pointwise_kernel",
            "bias",
            "gamma",
            "beta",
            "moving_mean",
            "moving_variance",
            "mean",
            "variance",
            "count");

    private WeightNames() {}

    /** {@code conv2d/kernel:0} → {@code kernel}. */
    static String base(String name) {
        String last = name.substring(name.lastIndexOf('/') + 1);
        int colon = last.indexOf(':');
        return colon < 0 ? last : last.substring(0, colon);
    }

    static int rank(String name) {
        int i = ORDER.indexOf(base(name));
        return i < 0 ? ORDER.size() : i;
    }

    /** Whether the weight belongs to the layer {@code layer}: the name's part before the weight's own is the layer's. */
    static boolean belongsTo(String name, String layer) {
        String[] parts = name.split("/");
        return parts.length >= 2 && parts[parts.length - 2].equals(layer);
    }
}
