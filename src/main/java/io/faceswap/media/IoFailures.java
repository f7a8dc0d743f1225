package io.faceswap.media;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.PortUnreachableException;
import java.net.UnknownHostException;
import javax.net.ssl.SSLException;

/**
 * Maps I/O failures of a call to fetch errors. The deadline is checked first: when the watchdog closes the socket,
 * the exception that surfaces may be any of these kinds, and the cause that matters is the deadline.
 */
final class IoFailures {

    private IoFailures() {}

    static MediaFetchException toFetchException(
            IOException e, MediaFetchError otherwise, String what, Deadline deadline) {
        if (deadline.expired()) {
            return new MediaFetchException(MediaFetchError.TIMEOUT, what + ": total time limit exceeded", e);
        }
        return new MediaFetchException(classify(e, otherwise), what + detail(e), e);
    }

    private static MediaFetchError classify(IOException e, MediaFetchError otherwise) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof VettingSocketFactory.RefusedAddressException) {
                return MediaFetchError.FORBIDDEN_ADDRESS;
            }
        }
        if (e instanceof InterruptedIOException) {
            return MediaFetchError.TIMEOUT; // includes SocketTimeoutException and OkHttp's own "timeout"
        }
        if (e instanceof SSLException) {
            return MediaFetchError.TLS_ERROR;
        }
        if (e instanceof ConnectException
                || e instanceof NoRouteToHostException
                || e instanceof PortUnreachableException
                || e instanceof UnknownHostException) {
            return MediaFetchError.UNREACHABLE;
        }
        return otherwise;
    }

    /** For the operator log. OkHttp's messages name URLs only in redacted form (scheme, host, "/..."). */
    private static String detail(IOException e) {
        String d = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : " " + e.getMessage());
        String verdict = e instanceof InterruptedIOException ? " (timed out)" : "";
        return ": " + d + verdict;
    }
}
