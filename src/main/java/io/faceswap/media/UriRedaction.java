package io.faceswap.media;

import java.net.URI;

/** Renders URIs for messages without user-info, query or fragment, which may carry credentials or signatures. */
final class UriRedaction {

    private UriRedaction() {}

    static String redact(URI uri) {
        if (uri == null) {
            return "(none)";
        }
        if (uri.getScheme() == null || uri.getHost() == null) {
            // opaque or host-less: nothing safe to pick apart, so name only the scheme
            return uri.getScheme() == null ? "(relative URI)" : uri.getScheme() + ":(redacted)";
        }
        StringBuilder out = new StringBuilder(uri.getScheme()).append("://").append(uri.getHost());
        if (uri.getPort() >= 0) {
            out.append(':').append(uri.getPort());
        }
        String path = uri.getRawPath();
        out.append(path == null || path.isEmpty() ? "/" : path);
        if (uri.getRawQuery() != null) {
            out.append("?…");
        }
        return out.toString();
    }
}
