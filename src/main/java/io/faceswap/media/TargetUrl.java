package io.faceswap.media;

import java.net.URI;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A URL checked to be fetchable (absolute, allowed scheme, a host, no user-info) and split into what the request
 * needs. Every redirect target goes through {@link #parse} again.
 */
record TargetUrl(URI uri, String scheme, String host, int port, String requestTarget, String hostHeader) {

    // all labels numeric (decimal, octal-looking or hex): forms like 2130706433, 0177.0.0.1 or 127.1 that resolvers
    // disagree on (Java reads 0177 as decimal 177, curl and browsers as octal 127)
    private static final Pattern NUMERIC_HOST = Pattern.compile("(?i)(0x[0-9a-f]*|[0-9]+)(\\.(0x[0-9a-f]*|[0-9]+))*\\.?");
    private static final Pattern CANONICAL_IPV4 =
            Pattern.compile("((25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])\\.){3}(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])");

    static TargetUrl parse(URI uri, FetchPolicy policy) {
        if (uri == null || !uri.isAbsolute() || uri.isOpaque()) {
            throw invalid(uri, "not an absolute hierarchical URL");
        }
        String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
        if (!policy.allowedSchemes().contains(scheme)) {
            throw invalid(uri, "scheme is not allowed, only " + policy.allowedSchemes());
        }
        if (uri.getRawUserInfo() != null) {
            throw new MediaFetchException(MediaFetchError.INVALID_URL, "URL must not carry user credentials: " + UriRedaction.redact(uri));
        }
        String host = uri.getHost();
        if (host == null || host.isEmpty()) {
            throw invalid(uri, "URL has no valid host");
        }
        if (!host.startsWith("[") && NUMERIC_HOST.matcher(host).matches() && !CANONICAL_IPV4.matcher(host).matches()) {
            throw invalid(uri, "numeric host must be a plain dotted-quad IPv4 address");
        }
        if (host.startsWith("[") && host.contains("%")) {
            throw invalid(uri, "IPv6 zone identifiers are not allowed");
        }
        int defaultPort = scheme.equals("https") ? 443 : 80;
        int port = uri.getPort() < 0 ? defaultPort : uri.getPort();
        // URI allows raw non-ASCII characters; the request line must be ASCII, so percent-encode them
        URI ascii = URI.create(uri.toASCIIString());
        String path = ascii.getRawPath() == null || ascii.getRawPath().isEmpty() ? "/" : ascii.getRawPath();
        String requestTarget = ascii.getRawQuery() == null ? path : path + "?" + ascii.getRawQuery();
        String hostHeader = port == defaultPort ? host : host + ":" + port;
        return new TargetUrl(uri, scheme, host, port, requestTarget, hostHeader);
    }

    boolean https() {
        return scheme.equals("https");
    }

    /** The host as a literal IP without brackets, or the name to resolve; lower-case, trailing dot removed. */
    String bareHost() {
        String bare = host.startsWith("[") ? host.substring(1, host.length() - 1) : host;
        bare = bare.endsWith(".") ? bare.substring(0, bare.length() - 1) : bare;
        return bare.toLowerCase(Locale.ROOT);
    }

    boolean isIpLiteral() {
        return host.startsWith("[") || CANONICAL_IPV4.matcher(host).matches();
    }

    String redacted() {
        return UriRedaction.redact(uri);
    }

    private static MediaFetchException invalid(URI uri, String why) {
        return new MediaFetchException(MediaFetchError.INVALID_URL, why + ": " + UriRedaction.redact(uri));
    }
}
