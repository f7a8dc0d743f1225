package io.faceswap.media;

import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import okhttp3.Call;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;

/**
 * One request of a fetch, over OkHttp. The client is derived per hop from the fetcher's base client, so that its
 * DNS hook knows exactly this hop's vetted addresses and its call timeout is what is left of the fetch's deadline.
 * Framing, chunked decoding, TLS and header parsing are the library's; what stays here is our policy.
 */
final class Hop {

    static final Set<Integer> REDIRECTS = Set.of(301, 302, 303, 307, 308);

    /** Either a redirect to follow or a completed download. */
    record Outcome(Optional<URI> redirect, long bytes, Optional<String> contentType) {}

    private Hop() {}

    /**
     * The client for one hop (a GET here, a webhook's POST in {@link PostHop}): it connects only to the addresses
     * vetted for the hop's host, through the vetting socket factory, with the policy's timeouts and a watchdog that
     * closes the socket when the deadline passes, whatever phase the call is in.
     */
    static OkHttpClient pinnedClient(
            OkHttpClient base,
            TargetUrl hop,
            List<InetAddress> vetted,
            FetchPolicy policy,
            Deadline deadline,
            Dialer dialer) {
        return base.newBuilder()
                .dns(new PinnedDns(hop.httpUrl().host(), vetted))
                .socketFactory(new VettingSocketFactory(policy.allowPrivateNetworks(), dialer))
                .connectTimeout(policy.connectTimeout())
                .readTimeout(policy.readTimeout())
                .writeTimeout(policy.readTimeout())
                .callTimeout(deadline.remaining())
                .build();
    }

    static Outcome run(
            OkHttpClient base,
            TargetUrl hop,
            List<InetAddress> vetted,
            FetchPolicy policy,
            Deadline deadline,
            Dialer dialer,
            Path target) {
        if (deadline.expired()) {
            throw new MediaFetchException(
                    MediaFetchError.TIMEOUT, "total time limit exceeded before " + hop.redacted());
        }
        OkHttpClient client = pinnedClient(base, hop, vetted, policy, deadline, dialer);
        Call call = client.newCall(get(hop, policy).build());
        Response response = execute(call, hop, deadline);
        try {
            return handle(response, hop, policy, deadline, target);
        } finally {
            // cancel first: closing an unfinished body would otherwise read on to drain it for connection reuse
            call.cancel();
            response.close();
        }
    }

    /** A GET of the hop's URL as every fetch sends it. */
    static Request.Builder get(TargetUrl hop, FetchPolicy policy) {
        return new Request.Builder()
                .url(hop.httpUrl())
                .get()
                .header("User-Agent", policy.userAgent())
                .header("Accept", "*/*")
                // we count and store raw bytes, and ranges are offsets into them; identity also stops OkHttp gzip
                .header("Accept-Encoding", "identity");
    }

    static Response execute(Call call, TargetUrl hop, Deadline deadline) {
        try {
            return call.execute();
        } catch (IOException e) {
            throw IoFailures.toFetchException(
                    e, MediaFetchError.PROTOCOL_ERROR, "request to " + hop.redacted() + " failed", deadline);
        }
    }

    private static Outcome handle(
            Response response, TargetUrl hop, FetchPolicy policy, Deadline deadline, Path target) {
        int status = response.code();
        if (REDIRECTS.contains(status)) {
            return new Outcome(Optional.of(redirectTarget(response, hop)), 0, Optional.empty());
        }
        if (status < 200 || status > 299) {
            throw new MediaFetchException(
                    MediaFetchError.HTTP_ERROR, "HTTP " + status + " from " + hop.redacted(), status, null);
        }
        return store(response, hop, policy, deadline, target);
    }

    /** A whole body (a 2xx answer): framing checked, size capped up front and while streaming, stored at target. */
    static Outcome store(Response response, TargetUrl hop, FetchPolicy policy, Deadline deadline, Path target) {
        checkFraming(response, hop);
        long declared = response.body().contentLength();
        if (declared > policy.maxBytes()) {
            throw new MediaFetchException(
                    MediaFetchError.TOO_LARGE,
                    "declared size " + declared + " bytes of " + hop.redacted() + " exceeds the limit of "
                            + policy.maxBytes() + " bytes");
        }
        long bytes =
                CappedDownload.copy(response.body().byteStream(), target, policy.maxBytes(), hop.redacted(), deadline);
        return new Outcome(Optional.empty(), bytes, Optional.ofNullable(response.header("Content-Type")));
    }

    /**
     * OkHttp reads a response with two Content-Lengths by the last one, and one with a transfer coding other than
     * chunked as close-delimited, both as the RFC allows. Neither comes from a sane media server, and both are how
     * smuggling attempts look, so they are refused rather than guessed at.
     */
    static void checkFraming(Response response, TargetUrl hop) {
        if (response.headers("Content-Length").stream().distinct().count() > 1) {
            throw new MediaFetchException(
                    MediaFetchError.PROTOCOL_ERROR, "conflicting Content-Length from " + hop.redacted());
        }
        List<String> codings = response.headers("Transfer-Encoding");
        if (!codings.isEmpty() && !(codings.size() == 1 && codings.get(0).trim().equalsIgnoreCase("chunked"))) {
            throw new MediaFetchException(
                    MediaFetchError.PROTOCOL_ERROR, "unsupported Transfer-Encoding from " + hop.redacted());
        }
    }

    static URI redirectTarget(Response response, TargetUrl hop) {
        String location = response.header("Location");
        if (location == null) {
            throw new MediaFetchException(
                    MediaFetchError.HTTP_ERROR,
                    "redirect without Location from " + hop.redacted(),
                    response.code(),
                    null);
        }
        // resolved the way browsers do; a non-http(s) target comes back null. The raw Location is never quoted.
        HttpUrl next = hop.httpUrl().resolve(location);
        if (next == null) {
            throw new MediaFetchException(
                    MediaFetchError.INVALID_URL, "unusable redirect Location from " + hop.redacted());
        }
        return next.uri();
    }
}
