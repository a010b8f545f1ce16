package dev.digits.serve;

/** A request the API refuses: the HTTP status and the JSON body {@code {"error": ..., "detail": ...}}. */
final class ApiError extends RuntimeException {
    final int status;
    final String error;

    ApiError(int status, String error, String detail) {
        super(detail);
        this.status = status;
        this.error = error;
    }

    /** The response body. */
    record Body(String error, String detail) {}

    Body body() {
        return new Body(error, getMessage());
    }
}
