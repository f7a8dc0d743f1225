package io.faceswap.media;

/** A download that did not produce a file, with the reason. Messages never carry credentials or query strings. */
public class MediaFetchException extends RuntimeException {
    private final MediaFetchError error;

    public MediaFetchException(MediaFetchError error, String message) {
        super(message);
        this.error = error;
    }

    public MediaFetchException(MediaFetchError error, String message, Throwable cause) {
        super(message, cause);
        this.error = error;
    }

    public MediaFetchError error() {
        return error;
    }
}
