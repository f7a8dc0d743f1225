package io.faceswap.media;

import java.util.OptionalInt;

/**
 * Why a fetch failed. Messages name URLs only through {@link UriRedaction#redact}, so they never carry user-info or
 * query strings (which often hold signatures or tokens) and are safe to log or return to a client.
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

    /** The HTTP status of the response that failed, when there was one (always for {@code HTTP_ERROR}). */
    public OptionalInt httpStatus() {
        return httpStatus < 0 ? OptionalInt.empty() : OptionalInt.of(httpStatus);
    }
}
