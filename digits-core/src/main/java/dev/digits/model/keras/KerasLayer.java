package dev.digits.model.keras;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * One layer entry of a Keras model config.
 *
 * @param className Keras's class, e.g. {@code Conv2D}
 * @param config the layer's own settings ({@code filters}, {@code padding}, …)
 * @param containers the models this layer is nested in, outermost first (empty for a top-level layer):
 *     Keras stores a nested layer's weights under its model's entry
 */
public record KerasLayer(String name, String className, JsonNode config, List<KerasLayer> containers) {
    public KerasLayer {
        containers = List.copyOf(containers);
    }

    /** A top-level layer. */
    public KerasLayer(String name, String className, JsonNode config) {
        this(name, className, config, List.of());
    }

    /** The name with the names of its containers before it, {@code outer/inner/conv2d}: unique in the whole model. */
    public String scopedName() {
        StringBuilder scoped = new StringBuilder();
        containers.forEach(c -> scoped.append(c.name()).append('/'));
        return scoped.append(name).toString();
    }

    /** {@code 'conv2d' (Conv2D)}: how error messages name a layer. */
    public String label() {
        return "'" + name + "' (" + className + ")";
    }
}
