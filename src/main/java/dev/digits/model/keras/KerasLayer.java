package dev.digits.model.keras;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One layer entry of a Keras model config.
 *
 * @param className Keras's class, e.g. {@code Conv2D}
 * @param config the layer's own settings ({@code filters}, {@code padding}, …)
 */
public record KerasLayer(String name, String className, JsonNode config) {
    /** {@code 'conv2d' (Conv2D)}: how error messages name a layer. */
    public String label() {
        return "'" + name + "' (" + className + ")";
    }
}
