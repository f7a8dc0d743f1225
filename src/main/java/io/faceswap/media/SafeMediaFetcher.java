package io.faceswap.media;

import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import javax.net.ssl.SSLSocketFactory;

/**
 * Downloads a user-supplied http(s) URL to a file without letting the URL reach into our own network (SSRF).
 * <p>
 * What it guarantees, per hop (the first request and every redirect):
 * <ul>
 * <li>the URL is absolute http/https (as the policy allows), has a host, no user-info and no ambiguous numeric
 *     host such as {@code 2130706433} or {@code 0177.0.0.1};</li>
 * <li>the host is resolved once through the {@link HostResolver} and <em>every</em> address is classified by
 *     {@link AddressClassifier}; one refused address refuses the hop ({@code FORBIDDEN_ADDRESS});</li>
 * <li><b>DNS pinning</b>: the TCP connection goes to one of exactly those vetted addresses, never to the name, so a
 *     rebinding DNS server cannot swap in an internal address after the check. This holds for http and https alike:
 *     the request is written by hand over a socket (HTTP/1.1, {@code Connection: close}), and for https the TLS
 *     layer is layered onto that socket with the original host name for SNI and certificate verification;</li>
 * <li>redirects (301, 302, 303, 307, 308) are followed by hand, always as GET, at most
 *     {@link FetchPolicy#maxRedirects()} times; any other non-2xx status is {@code HTTP_ERROR};</li>
 * <li>size is capped from Content-Length up front and again while streaming (at most one byte past the cap is
 *     read); connect, per-read and total time are capped;</li>
 * <li>the body lands in a temporary file beside the target, moved atomically into place on success and deleted on
 *     any failure.</li>
 * </ul>
 * Not covered: the time spent resolving names (the JVM resolver has no timeout of its own; plug a bounded
 * resolver in if that matters); HTTP proxies (none is used, system proxy settings are ignored on purpose);
 * content codings (identity is requested and the bytes are stored as received). Content-Type is reported but never
 * trusted: use {@link MediaSniffer} and ultimately the decoder.
 * <p>
 * Stateless and thread-safe; failures are {@link MediaFetchException}s whose messages are safe to show.
 */
public final class SafeMediaFetcher {

    private static final Set<Integer> REDIRECTS = Set.of(301, 302, 303, 307, 308);

    private final AddressGuard guard;
    private final SSLSocketFactory tls;
    private final Dialer dialer;

    /** Uses the JVM resolver and the JVM default trust store. */
    public SafeMediaFetcher() {
        this(HostResolver.system());
    }

    public SafeMediaFetcher(HostResolver resolver) {
        this(resolver, (SSLSocketFactory) SSLSocketFactory.getDefault());
    }

    /** With a custom TLS factory, e.g. one trusting a private CA. Host names are verified regardless. */
    public SafeMediaFetcher(HostResolver resolver, SSLSocketFactory tls) {
        this(resolver, tls, Dialer.DIRECT);
    }

    SafeMediaFetcher(HostResolver resolver, SSLSocketFactory tls, Dialer dialer) {
        this.guard = new AddressGuard(Objects.requireNonNull(resolver, "resolver"));
        this.tls = Objects.requireNonNull(tls, "tls");
        this.dialer = Objects.requireNonNull(dialer, "dialer");
    }

    /**
     * Downloads {@code uri} to {@code target}, replacing any existing file there only on success.
     *
     * @throws MediaFetchException on any failure; the target is then left as it was
     */
    public FetchResult fetch(URI uri, Path target, FetchPolicy policy) {
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(policy, "policy");
        long start = System.nanoTime();
        Deadline deadline = new Deadline(policy.totalTimeout());
        URI current = uri;
        for (int redirects = 0; ; redirects++) {
            TargetUrl hop = TargetUrl.parse(current, policy);
            List<InetAddress> vetted = guard.vet(hop, policy);
            try (PinnedConnection connection = PinnedConnection.open(hop, vetted, policy, deadline, dialer, tls)) {
                HttpResponse response = exchange(connection, hop, policy, deadline);
                Optional<URI> next = redirectTarget(response, hop);
                if (next.isPresent()) {
                    if (redirects >= policy.maxRedirects()) {
                        throw new MediaFetchException(MediaFetchError.TOO_MANY_REDIRECTS,
                                "more than " + policy.maxRedirects() + " redirects, last from " + hop.redacted());
                    }
                    current = next.get();
                    continue;
                }
                long bytes = download(response, hop, target, policy, deadline);
                return new FetchResult(target, bytes, hop.uri(), response.header("content-type"),
                        Duration.ofNanos(System.nanoTime() - start));
            }
        }
    }

    private static HttpResponse exchange(PinnedConnection connection, TargetUrl hop, FetchPolicy policy, Deadline deadline) {
        try {
            return connection.get(hop, policy);
        } catch (IOException e) {
            throw IoFailures.toFetchException(e, MediaFetchError.PROTOCOL_ERROR, "request to " + hop.redacted() + " failed", deadline);
        }
    }

    private static Optional<URI> redirectTarget(HttpResponse response, TargetUrl hop) {
        if (!REDIRECTS.contains(response.status())) {
            return Optional.empty();
        }
        String location = response.header("location").orElseThrow(() -> new MediaFetchException(MediaFetchError.HTTP_ERROR,
                "redirect without Location from " + hop.redacted(), response.status(), null));
        try {
            return Optional.of(hop.uri().resolve(new URI(location)));
        } catch (URISyntaxException e) {
            // the cause would quote the raw Location, query and all, so it is deliberately not attached
            throw new MediaFetchException(MediaFetchError.INVALID_URL, "invalid redirect Location from " + hop.redacted());
        }
    }

    private static long download(HttpResponse response, TargetUrl hop, Path target, FetchPolicy policy, Deadline deadline) {
        int status = response.status();
        if (status < 200 || status > 299) {
            throw new MediaFetchException(MediaFetchError.HTTP_ERROR, "HTTP " + status + " from " + hop.redacted(), status, null);
        }
        if (response.contentLength() > policy.maxBytes()) {
            throw new MediaFetchException(MediaFetchError.TOO_LARGE, "declared size " + response.contentLength()
                    + " bytes of " + hop.redacted() + " exceeds the limit of " + policy.maxBytes() + " bytes");
        }
        return CappedDownload.copy(response.body(), target, policy.maxBytes(), hop.redacted(), deadline);
    }
}
