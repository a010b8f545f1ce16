package dev.digits.image;

import dev.digits.DigitsException;

/** An image whose header declares more pixels than allowed: refused before any pixel is decoded. */
public final class ImageTooLargeException extends DigitsException {
    public ImageTooLargeException(String message) {
        super(message);
    }
}
