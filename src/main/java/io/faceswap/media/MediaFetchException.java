package io.faceswap.media;

import java.util.OptionalInt;

/**
 * Why a fetch failed. {@link #getMessage()} is the operator's detail: it names URLs only through
 * {@link UriRedaction#redact}, so it never carries user-info or query strings (which often hold signatures or
 * tokens), but it does tell a refused address from a refused connection, so it is for the log only. Customers get
 * {@link #code()} and {@link #publicMessage()}.
 */
public class MediaFetchException extends RuntimeException {

    private final MediaFetchError code;
    private final int httpStatus;

    public MediaFetchException(MediaFetchError code, String message) {
        this(code, message, -1, null);
    }

    public MediaFetchException(MediaFetchError code, String message, Throwable cause) {
        this(code, message, -1, cause);
    }

    public MediaFetchException(MediaFetchError code, String message, int httpStatus, Throwable cause) {
        super(message, cause);
        this.code = code;
        this.httpStatus = httpStatus;
    }

    public MediaFetchError code() {
        return code;
    }

    /** Generic text for customers (see {@link MediaFetchError#publicMessage()}), with the HTTP status if any. */
    public String publicMessage() {
        return httpStatus < 0 ? code.publicMessage() : code.publicMessage() + " (HTTP status " + httpStatus + ")";
    }

    /** The HTTP status of the response that failed, when there was one (always for {@code HTTP_ERROR}). */
    public OptionalInt httpStatus() {
        return httpStatus < 0 ? OptionalInt.empty() : OptionalInt.of(httpStatus);
    }
}
