package dev.digits.model.keras;

import dev.digits.DigitsException;

/** The file is a valid Keras model, but uses something this importer does not convert. */
public final class UnsupportedKerasModel extends DigitsException {
    public UnsupportedKerasModel(String message) {
        super(message);
    }

    static UnsupportedKerasModel option(KerasLayer layer, String option, Object value, String supported) {
        return new UnsupportedKerasModel("layer " + layer.label() + ": " + option + "=" + value
                + " is not supported (supported: " + supported + ")");
    }
}
