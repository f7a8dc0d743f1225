package io.faceswap.media;

import java.io.IOException;
import java.net.SocketTimeoutException;

/** Maps I/O failures of the network phases to fetch errors, telling timeouts from other failures. */
final class IoFailures {

    private IoFailures() {
    }

    static MediaFetchException toFetchException(IOException e, MediaFetchError otherwise, String what, Deadline deadline) {
        if (e instanceof SocketTimeoutException || deadline.expired()) {
            String which = deadline.expired() ? "total time limit exceeded" : "timed out";
            return new MediaFetchException(MediaFetchError.TIMEOUT, what + ": " + which, e);
        }
        // JDK messages here ("Connection refused", our own framing errors) carry no URL, so they are safe to show
        String detail = e == null ? "" : ": " + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : " " + e.getMessage());
        return new MediaFetchException(otherwise, what + detail, e);
    }
}
