package dev.digits;

/**
 * A failure the user can act on: the message says what went wrong, where, and what to do.
 * The command line prints only the message (no stack trace) and exits with status 1.
 */
public class DigitsException extends RuntimeException {
    public DigitsException(String message) {
        super(message);
    }

    public DigitsException(String message, Throwable cause) {
        super(message, cause);
    }
}
