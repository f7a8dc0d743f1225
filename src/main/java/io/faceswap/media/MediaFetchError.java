package io.faceswap.media;

/** Stable reason codes of {@link MediaFetchException}; the service layer may show them to clients as is. */
public enum MediaFetchError {
    /** Not an absolute http(s) URL with a host, carries user-info, an ambiguous numeric host, or a bad redirect. */
    INVALID_URL,
    /** The host resolves (at least partly) to an address the policy refuses: internal, metadata, multicast... */
    FORBIDDEN_ADDRESS,
    /** Unknown host, connection refused, no route. */
    UNREACHABLE,
    /** Connect, per-read or whole-download time limit exceeded. */
    TIMEOUT,
    /** TLS handshake failed: untrusted certificate, certificate not valid for the host name, ... */
    TLS_ERROR,
    /** More redirects than {@link FetchPolicy#maxRedirects()}. */
    TOO_MANY_REDIRECTS,
    /** The server answered with a status that is neither success nor a followable redirect (see httpStatus). */
    HTTP_ERROR,
    /** The response broke HTTP/1.1 framing, or the connection dropped before the body was complete. */
    PROTOCOL_ERROR,
    /** Declared or actual body size above {@link FetchPolicy#maxBytes()}. */
    TOO_LARGE,
    /** The server sent a success status with no body bytes. */
    EMPTY_BODY,
    /** The downloaded bytes could not be written to, or moved into, the target path. */
    STORAGE_ERROR
}
