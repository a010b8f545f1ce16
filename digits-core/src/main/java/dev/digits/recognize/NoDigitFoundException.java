package dev.digits.recognize;

import dev.digits.DigitsException;

/** The image has no ink once background and specks are removed: there is nothing to recognise, so no guess is made. */
public final class NoDigitFoundException extends DigitsException {
    public NoDigitFoundException(String source) {
        super("no digit found in " + source + ": the image has no ink once background and specks are removed");
    }
}
