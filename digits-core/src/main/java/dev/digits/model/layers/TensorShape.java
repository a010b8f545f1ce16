package dev.digits.model.layers;

/**
 * The shape of one example between two layers, without the batch axis: an image (channels, height, width),
 * stored NCHW, or a vector of {@code channels} values (height and width 0).
 */
public record TensorShape(int channels, int height, int width) {
    /** What every network of this project takes: one 28x28 grey image. */
    public static final TensorShape INPUT = image(1, 28, 28);

    public static TensorShape image(int channels, int height, int width) {
        if (channels < 1 || height < 1 || width < 1) {
            throw new IllegalArgumentException("not a valid image shape: " + channels + "x" + height + "x" + width);
        }
        return new TensorShape(channels, height, width);
    }

    public static TensorShape vector(int size) {
        return new TensorShape(size, 0, 0);
    }

    public boolean isImage() {
        return height > 0;
    }

    public int size() {
        return isImage() ? channels * height * width : channels;
    }

    void requireImage(String layer) {
        if (!isImage()) {
            throw new IllegalArgumentException(
                    "layer '" + layer + "' needs an image input but gets a vector of " + channels);
        }
    }

    void requireVector(String layer) {
        if (isImage()) {
            throw new IllegalArgumentException(
                    "layer '" + layer + "' needs a vector input but gets an image " + this + " (flatten it first)");
        }
    }

    /** Keras's notation: (height, width, channels) or (units). */
    @Override
    public String toString() {
        return isImage() ? "(" + height + ", " + width + ", " + channels + ")" : "(" + channels + ")";
    }
}
