package io.faceswap.api;

/** A failure the client should see as it is: an {@link ErrorCode}, a message for humans, optional details. */
public class ApiException extends RuntimeException {

    private final ErrorCode error;
    private final transient Object details;

    public ApiException(ErrorCode error) {
        this(error, error.defaultMessage(), null);
    }

    public ApiException(ErrorCode error, String message) {
        this(error, message, null);
    }

    public ApiException(ErrorCode error, String message, Object details) {
        super(message, null, false, false);
        this.error = error;
        this.details = details;
    }

    /** A server-side failure: the client gets {@code message}; the cause goes to the log only (see the mapper). */
    public ApiException(ErrorCode error, String message, Throwable cause) {
        super(message, cause, false, false);
        this.error = error;
        this.details = null;
    }

    public ErrorCode error() {
        return error;
    }

    public Object details() {
        return details;
    }
}
