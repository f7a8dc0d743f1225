package io.faceswap.media;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.regex.Pattern;
import okhttp3.HttpUrl;

/**
 * A URL checked to be fetchable: absolute, allowed scheme, a host, no user-info, no ambiguous numeric host, a port
 * the policy allows, and parseable by both {@link URI} and OkHttp's {@link HttpUrl} (the two must agree, since one
 * checks and the other connects). Every redirect target goes through the same checks.
 * <p>
 * {@link #parse(String)} is the up-front check for the API layer: it throws {@code INVALID_URL} for anything the
 * fetcher would refuse on syntax alone, without looking anything up. Messages never quote the input, whose query
 * may hold a signature.
 */
public final class TargetUrl {

    // all labels numeric (decimal, octal-looking or hex): forms like 2130706433, 0177.0.0.1 or 127.1 that resolvers
    // disagree on (Java reads 0177 as decimal 177, curl and browsers as octal 127)
    private static final Pattern NUMERIC_HOST =
            Pattern.compile("(?i)(0x[0-9a-f]*|[0-9]+)(\\.(0x[0-9a-f]*|[0-9]+))*\\.?");
    private static final Pattern CANONICAL_IPV4 = Pattern.compile(
            "((25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])\\.){3}(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])");
    private static final FetchPolicy SYNTAX_ONLY = FetchPolicy.defaults().withAllowPrivateNetworks(true);

    private final URI uri;
    private final HttpUrl httpUrl;
    private final String host;
    private final int port;

    private TargetUrl(URI uri, HttpUrl httpUrl, String host, int port) {
        this.uri = uri;
        this.httpUrl = httpUrl;
        this.host = host;
        this.port = port;
    }

    /** Syntax check for user input (any port; addresses are checked at fetch time). */
    public static TargetUrl parse(String url) {
        return parse(url, SYNTAX_ONLY);
    }

    /** As {@link #parse(String)}, plus the policy's schemes and ports (a refused port is {@code FORBIDDEN_ADDRESS}). */
    public static TargetUrl parse(String url, FetchPolicy policy) {
        if (url == null || url.isBlank()) {
            throw new MediaFetchException(MediaFetchError.INVALID_URL, "URL is empty");
        }
        try {
            return check(new URI(url.strip()), policy);
        } catch (URISyntaxException e) {
            // neither the input nor the exception (which quotes it) goes into the message or the cause
            throw new MediaFetchException(
                    MediaFetchError.INVALID_URL, "URL is not valid URI syntax (" + e.getReason() + ")");
        }
    }

    static TargetUrl check(URI uri, FetchPolicy policy) {
        if (uri == null || !uri.isAbsolute() || uri.isOpaque()) {
            throw invalid(uri, "not an absolute hierarchical URL");
        }
        String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
        if (!policy.allowedSchemes().contains(scheme)) {
            throw invalid(uri, "scheme is not allowed, only " + policy.allowedSchemes());
        }
        if (uri.getRawUserInfo() != null) {
            throw invalid(uri, "URL must not carry user credentials");
        }
        String host = uri.getHost();
        if (host == null || host.isEmpty()) {
            throw invalid(uri, "URL has no valid host");
        }
        if (!host.startsWith("[")
                && NUMERIC_HOST.matcher(host).matches()
                && !CANONICAL_IPV4.matcher(host).matches()) {
            throw invalid(uri, "numeric host must be a plain dotted-quad IPv4 address");
        }
        if (host.startsWith("[") && host.contains("%")) {
            throw invalid(uri, "IPv6 zone identifiers are not allowed");
        }
        // URI allows raw non-ASCII characters; HttpUrl gets the percent-encoded form
        HttpUrl httpUrl = HttpUrl.parse(uri.toASCIIString());
        if (httpUrl == null) {
            throw invalid(uri, "URL is not acceptable to the HTTP client");
        }
        int port = httpUrl.port();
        if (!policy.portAllowed(port)) {
            throw new MediaFetchException(
                    MediaFetchError.FORBIDDEN_ADDRESS, "port " + port + " is not allowed: " + UriRedaction.redact(uri));
        }
        return new TargetUrl(uri, httpUrl, host, port);
    }

    /** The URL as given (may contain a query: log {@link #redacted()} instead). */
    public URI uri() {
        return uri;
    }

    /** Scheme, host, port and path; no user-info, query or fragment. */
    public String redacted() {
        return UriRedaction.redact(uri);
    }

    HttpUrl httpUrl() {
        return httpUrl;
    }

    int port() {
        return port;
    }

    /** The host as a literal IP without brackets, or the name to resolve; lower-case, trailing dot removed. */
    String bareHost() {
        return normalizeHost(host.startsWith("[") ? host.substring(1, host.length() - 1) : host);
    }

    boolean isIpLiteral() {
        return host.startsWith("[") || CANONICAL_IPV4.matcher(host).matches();
    }

    static String normalizeHost(String name) {
        String bare = name.endsWith(".") ? name.substring(0, name.length() - 1) : name;
        return bare.toLowerCase(Locale.ROOT);
    }

    @Override
    public String toString() {
        return redacted();
    }

    private static MediaFetchException invalid(URI uri, String why) {
        return new MediaFetchException(MediaFetchError.INVALID_URL, why + ": " + UriRedaction.redact(uri));
    }
}
