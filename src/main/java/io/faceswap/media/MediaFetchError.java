package io.faceswap.media;

/**
 * Stable reason codes of {@link MediaFetchException}; the service layer may show them to clients as is, together
 * with {@link #publicMessage()}. The public messages are deliberately coarse: every failure that happens on the
 * network (refused address, refused connection, TLS, broken response) reads the same, so the service cannot be
 * used to map which hosts and ports exist.
 */
public enum MediaFetchError {
    /** Not an absolute http(s) URL with a host, carries user-info, an ambiguous numeric host, or a bad redirect. */
    INVALID_URL("The URL is not a valid http or https URL."),
    /** The host resolves (at least partly) to an address the policy refuses, or the port is not allowed. */
    FORBIDDEN_ADDRESS(Messages.NOT_FETCHED),
    /** Unknown host, connection refused, no route. */
    UNREACHABLE(Messages.NOT_FETCHED),
    /** Connect, per-read or whole-download time limit exceeded. */
    TIMEOUT("Downloading the media took too long."),
    /** TLS handshake failed: untrusted certificate, certificate not valid for the host name, ... */
    TLS_ERROR(Messages.NOT_FETCHED),
    /** More redirects than {@link FetchPolicy#maxRedirects()}. */
    TOO_MANY_REDIRECTS("The URL redirects too many times."),
    /** The server answered with a status that is neither success nor a followable redirect (see httpStatus). */
    HTTP_ERROR("The media server did not return the file."),
    /** The response broke HTTP framing, or the connection dropped before the body was complete. */
    PROTOCOL_ERROR(Messages.NOT_FETCHED),
    /** Declared or actual body size above {@link FetchPolicy#maxBytes()}. */
    TOO_LARGE("The media file is larger than allowed."),
    /** The server sent a success status with no body bytes. */
    EMPTY_BODY("The media server returned an empty file."),
    /** The downloaded bytes could not be written to, or moved into, the target path. */
    STORAGE_ERROR("The media could not be stored; this is our fault, please retry later.");

    private static final class Messages {
        static final String NOT_FETCHED = "The media could not be downloaded from this URL.";
    }

    private final String publicMessage;

    MediaFetchError(String publicMessage) {
        this.publicMessage = publicMessage;
    }

    /** A message safe to show customers: no URL, address, port or network detail. */
    public String publicMessage() {
        return publicMessage;
    }
}
