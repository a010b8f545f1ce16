package dev.digits.model.keras;

/**
 * The pixel range a model was trained on. Nothing in a Keras file records it: most projects divide MNIST's
 * 0-255 pixels by 255, some feed them raw. This project feeds every model 0-1.
 */
public enum InputScale {
    UNIT(1),
    PIXELS(255);

    private final int factor;

    InputScale(int factor) {
        this.factor = factor;
    }

    /** The largest input value: 1 or 255. */
    public int factor() {
        return factor;
    }

    /** {@code 1} or {@code 255}. */
    public static InputScale of(int factor) {
        for (InputScale scale : values()) {
            if (scale.factor == factor) {
                return scale;
            }
        }
        throw new IllegalArgumentException("input scale " + factor + " is not supported (supported: 1 for 0-1 pixels, "
                + "255 for raw 0-255 pixels)");
    }
}
