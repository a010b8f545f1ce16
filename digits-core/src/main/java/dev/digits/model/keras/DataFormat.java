package dev.digits.model.keras;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * A Keras model's image layout: each image layer declares {@code data_format}, {@code channels_last}
 * (height, width, channels; Keras's default) or {@code channels_first} (channels, height, width).
 */
final class DataFormat {
    private DataFormat() {}

    /** Whether the model is channels-first; fails when its layers disagree. */
    static boolean of(List<KerasLayer> chain) {
        KerasLayer first = null;
        for (KerasLayer layer : chain) {
            String format = declared(layer.config());
            if (format == null) {
                continue;
            }
            if (!format.equals("channels_last") && !format.equals("channels_first")) {
                throw UnsupportedKerasModel.option(layer, "data_format", format, "channels_last, channels_first");
            }
            if (first == null) {
                first = layer;
            } else if (!format.equals(declared(first.config()))) {
                throw new UnsupportedKerasModel("layer " + layer.label() + ": data_format=" + format
                        + " differs from layer " + first.label() + "'s " + declared(first.config())
                        + " (supported: one data format for the whole model)");
            }
        }
        return first != null && declared(first.config()).equals("channels_first");
    }

    /** The layer's {@code data_format}, or null when it has none (not an image layer, or Keras's default). */
    static String declared(JsonNode config) {
        JsonNode format = config.get("data_format");
        return format == null || format.isNull() ? null : format.asText();
    }
}
