package io.faceswap.media;

import java.net.InetAddress;
import java.net.Proxy;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.X509TrustManager;
import okhttp3.ConnectionPool;
import okhttp3.OkHttpClient;
import okhttp3.Protocol;

/**
 * Downloads a user-supplied http(s) URL to a file without letting the URL reach into our own network (SSRF).
 * HTTP itself (HTTP/1.1 framing, chunked decoding, TLS) is OkHttp's; this class owns the policy.
 * <p>
 * What it guarantees, per hop (the first request and every redirect):
 * <ul>
 * <li>the URL passes {@link TargetUrl}: absolute http/https as the policy allows, a host, no user-info, no
 *     ambiguous numeric host such as {@code 2130706433}, and a port the policy allows (80, 443, extra ports);</li>
 * <li>the host is resolved once through the {@link HostResolver} and <em>every</em> address is classified by
 *     {@link AddressClassifier}; one refused address refuses the hop ({@code FORBIDDEN_ADDRESS});</li>
 * <li><b>DNS pinning</b>: OkHttp's DNS hook ({@link PinnedDns}) answers with exactly those vetted addresses, and
 *     every socket re-checks its address just before connecting ({@link VettingSocketFactory}). For https the
 *     certificate is verified against the URL's host name, never against the address;</li>
 * <li>redirects (301, 302, 303, 307, 308) are followed here, not by OkHttp, always as GET, at most
 *     {@link FetchPolicy#maxRedirects()} times; any other non-2xx status is {@code HTTP_ERROR};</li>
 * <li>one deadline ({@link FetchPolicy#totalTimeout()}) covers the whole fetch: each hop's OkHttp call timeout is
 *     what is left of it, and OkHttp's watchdog closes the socket when it passes, during connect, TLS handshake,
 *     headers or body alike. Connect and per-read limits apply as well;</li>
 * <li>size is capped from Content-Length up front and again while streaming (at most one byte past the cap is
 *     read); the body lands in a temporary file beside the target, moved atomically into place on success;</li>
 * <li>connections are never reused (no pool, no cookies, no cache, no proxy), so nothing carries over between
 *     hops or fetches with different policies.</li>
 * </ul>
 * Not covered: the time spent resolving names (the JVM resolver has no timeout of its own; plug a bounded
 * resolver in if that matters); content codings (identity is requested and the bytes are stored as received).
 * Content-Type is reported but never trusted: use {@link MediaSniffer} and ultimately the decoder.
 * <p>
 * Failures are {@link MediaFetchException}s: {@link MediaFetchException#publicMessage()} is for customers and
 * does not tell one network failure from another; the detailed message (URLs redacted) is logged here at INFO.
 * Thread-safe.
 */
public final class SafeMediaFetcher {

    private static final Logger LOG = Logger.getLogger(SafeMediaFetcher.class.getName());

    private final AddressGuard guard;
    private final OkHttpClient base;
    private final Dialer dialer;

    /** Uses the JVM resolver and the JVM default trust store. */
    public SafeMediaFetcher() {
        this(HostResolver.system());
    }

    public SafeMediaFetcher(HostResolver resolver) {
        this(resolver, null, null, Dialer.DIRECT);
    }

    /** With a custom TLS setup, e.g. one trusting a private CA. Host names are verified regardless. */
    public SafeMediaFetcher(HostResolver resolver, SSLSocketFactory tls, X509TrustManager trust) {
        this(resolver, Objects.requireNonNull(tls, "tls"), Objects.requireNonNull(trust, "trust"), Dialer.DIRECT);
    }

    SafeMediaFetcher(HostResolver resolver, SSLSocketFactory tls, X509TrustManager trust, Dialer dialer) {
        this.guard = new AddressGuard(Objects.requireNonNull(resolver, "resolver"));
        this.dialer = Objects.requireNonNull(dialer, "dialer");
        OkHttpClient.Builder builder = new OkHttpClient.Builder()
                .proxy(Proxy.NO_PROXY) // system proxy settings are ignored on purpose: the checks assume a direct route
                .followRedirects(false)
                .followSslRedirects(false)
                // a retry would look the name up again and replay the request; one attempt per hop is enough
                .retryOnConnectionFailure(false)
                // vetted addresses are tried one after another on the calling thread, not raced on library threads
                .fastFallback(false)
                // HTTP/1.1 only: every media server speaks it, the watchdog then closes the socket itself (with h2 it
                // resets a stream), and the h2 code paths stay out of reach of hostile servers
                .protocols(List.of(Protocol.HTTP_1_1))
                // no idle connection is kept, so none is reused by a later hop or fetch under another policy
                .connectionPool(new ConnectionPool(0, 1, TimeUnit.SECONDS));
        if (tls != null) {
            builder.sslSocketFactory(tls, trust);
        }
        this.base = builder.build();
    }

    /** As {@link #fetch(URI, Path, FetchPolicy)} for a URL as the customer typed it ({@code INVALID_URL} if bad). */
    public FetchResult fetch(String url, Path target, FetchPolicy policy) {
        URI uri;
        try {
            uri = TargetUrl.parse(url, policy).uri();
        } catch (MediaFetchException e) {
            LOG.log(Level.INFO, "media fetch refused: {0}: {1}", new Object[] {e.code(), e.getMessage()});
            throw e;
        }
        return fetch(uri, target, policy);
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
        try {
            return follow(uri, target, policy, start, new Deadline(policy.totalTimeout()));
        } catch (MediaFetchException e) {
            // details for operators: URLs in messages are redacted; the cause's stack only at FINE
            LOG.log(Level.INFO, "media fetch failed after {0} ms: {1}: {2}", new Object[] {
                (System.nanoTime() - start) / 1_000_000, e.code(), e.getMessage()
            });
            LOG.log(Level.FINE, "media fetch failure", e);
            throw e;
        }
    }

    /**
     * As {@link #fetch(String, Path, FetchPolicy)} for a video of which only {@code startSeconds} to
     * {@code endSeconds} (null: to the end; seconds from the first frame) will be read, as for a trimmed task. An
     * MP4/MOV file on a server that serves byte ranges is fetched only where that window's samples (and those FFmpeg
     * probes) lie, into a file of the full length whose other bytes are zeros ({@code SpanFetch}); anything else is
     * fetched whole. Every request is checked as in a whole fetch, all under one deadline, and
     * {@link FetchResult#bytes()} counts the bytes actually transferred.
     */
    public FetchResult fetchWindow(
            String url, Path target, FetchPolicy policy, double startSeconds, Double endSeconds) {
        Objects.requireNonNull(target, "target");
        if (!(startSeconds >= 0) || (endSeconds != null && !(endSeconds > startSeconds))) {
            throw new IllegalArgumentException("a window needs 0 <= start < end: " + startSeconds + ", " + endSeconds);
        }
        long start = System.nanoTime();
        try {
            URI uri = TargetUrl.parse(url, policy).uri();
            Deadline deadline = new Deadline(policy.totalTimeout());
            RangeHop.Link link = new RangeHop.Link(base, policy, deadline, dialer);
            return SpanFetch.run(
                    link,
                    guard,
                    uri,
                    target,
                    startSeconds,
                    endSeconds,
                    () -> follow(uri, target, policy, start, deadline));
        } catch (MediaFetchException e) {
            LOG.log(Level.INFO, "media fetch failed after {0} ms: {1}: {2}", new Object[] {
                (System.nanoTime() - start) / 1_000_000, e.code(), e.getMessage()
            });
            LOG.log(Level.FINE, "media fetch failure", e);
            throw e;
        }
    }

    /**
     * POSTs {@code body} to {@code url} under the same address checks, pinning and deadline as a fetch (redirects
     * are not followed, so a 3xx comes back as its status). For callbacks: the status, whatever it is, is returned;
     * every network-level failure (refused address, refused connection, TLS, timeout) is a {@link MediaFetchException}.
     */
    public PostResult post(
            String url, byte[] body, String contentType, Map<String, String> headers, FetchPolicy policy) {
        Objects.requireNonNull(body, "body");
        long start = System.nanoTime();
        try {
            TargetUrl hop = TargetUrl.parse(url, policy);
            Deadline deadline = new Deadline(policy.totalTimeout());
            List<InetAddress> vetted = guard.vet(hop, policy);
            int status = PostHop.run(base, hop, vetted, policy, deadline, dialer, body, contentType, headers);
            return new PostResult(status, PostHop.since(start));
        } catch (MediaFetchException e) {
            LOG.log(Level.INFO, "POST failed after {0} ms: {1}: {2}", new Object[] {
                (System.nanoTime() - start) / 1_000_000, e.code(), e.getMessage()
            });
            throw e;
        }
    }

    private FetchResult follow(URI uri, Path target, FetchPolicy policy, long start, Deadline deadline) {
        URI current = uri;
        for (int redirects = 0; ; redirects++) {
            TargetUrl hop = TargetUrl.check(current, policy);
            List<InetAddress> vetted = guard.vet(hop, policy);
            Hop.Outcome outcome = Hop.run(base, hop, vetted, policy, deadline, dialer, target);
            if (outcome.redirect().isEmpty()) {
                return new FetchResult(
                        target,
                        outcome.bytes(),
                        hop.uri(),
                        outcome.contentType(),
                        Duration.ofNanos(System.nanoTime() - start));
            }
            if (redirects >= policy.maxRedirects()) {
                throw new MediaFetchException(
                        MediaFetchError.TOO_MANY_REDIRECTS,
                        "more than " + policy.maxRedirects() + " redirects, last from " + hop.redacted());
            }
            current = outcome.redirect().get();
        }
    }
}
