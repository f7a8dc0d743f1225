package io.faceswap.swap;

/**
 * Base of every failure the engine reports about its input. Each subclass names a stable {@link #errorCode()}
 * (e.g. {@code NO_FACE_IN_IMAGE}) that the service layer shows to clients as is, with the message.
 */
public abstract class SwapException extends RuntimeException {

    protected SwapException(String message) {
        super(message);
    }

    protected SwapException(String message, Throwable cause) {
        super(message, cause);
    }

    /** Stable, upper-case error code, e.g. {@code NOT_A_VIDEO}. */
    public abstract String errorCode();
}
