package io.faceswap.media;

import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import okhttp3.Call;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;

/**
 * One request of a span fetch: a GET with {@code Range: bytes=first-last} over the same pinned client as a
 * {@link Hop} (vetted addresses only, the fetch's one deadline, HTTP/1.1). What the answer leads to:
 * <ul>
 * <li>206 whose {@code Content-Range} is exactly the range asked for (its end clipped to the file), of the file's
 *     known length and validator: the body goes to the sink at its own offsets, exactly that many bytes;</li>
 * <li>any other 2xx: the server ignored the Range header and sends the whole file, which is stored at the target as
 *     a plain fetch stores it ({@link Hop#store}): the fallback costs no second request;</li>
 * <li>a redirect: for the caller to vet and follow;</li>
 * <li>416, or a 206 that does not say exactly which bytes it holds: {@link Refused}, and the caller downloads the
 *     whole file instead. Bytes are never placed on a guess;</li>
 * <li>any other status: {@code HTTP_ERROR}, as for a whole fetch.</li>
 * </ul>
 */
final class RangeHop {

    private static final Pattern STRONG_ETAG = Pattern.compile("\"[\\x21\\x23-\\x7e]{0,256}\"");

    /** What the fetcher lends every request: its base client, the policy, the one deadline, the dialer. */
    record Link(OkHttpClient base, FetchPolicy policy, Deadline deadline, Dialer dialer) {}

    /** Bytes first..last (inclusive); the file's total length and strong ETag once known (-1 and null before). */
    record Ask(long first, long last, long total, String etag) {}

    sealed interface Outcome permits Redirect, Partial, Whole, Refused {}

    record Redirect(URI to) implements Outcome {}

    record Partial(ContentRange range, String etag, Optional<String> contentType) implements Outcome {}

    record Whole(long bytes, Optional<String> contentType) implements Outcome {}

    record Refused(String why) implements Outcome {}

    /** Where a 206 body goes: told its range before the first byte, then given the bytes at their file offsets. */
    interface Sink {
        void begin(ContentRange range);

        void write(long position, byte[] bytes, int length) throws IOException;
    }

    private RangeHop() {}

    static Outcome run(Link link, TargetUrl hop, List<InetAddress> vetted, Ask ask, Sink sink, Path wholeTarget) {
        if (link.deadline().expired()) {
            throw new MediaFetchException(
                    MediaFetchError.TIMEOUT, "total time limit exceeded before " + hop.redacted());
        }
        OkHttpClient client = Hop.pinnedClient(link.base(), hop, vetted, link.policy(), link.deadline(), link.dialer());
        Request.Builder request =
                Hop.get(hop, link.policy()).header("Range", "bytes=" + ask.first() + "-" + ask.last());
        if (ask.etag() != null) {
            request.header("If-Range", ask.etag()); // a changed file then comes back whole (200), never mixed
        }
        Call call = client.newCall(request.build());
        Response response = Hop.execute(call, hop, link.deadline());
        try {
            return handle(response, link, hop, ask, sink, wholeTarget);
        } finally {
            call.cancel(); // as in Hop: never drain an unread body
            response.close();
        }
    }

    private static Outcome handle(Response response, Link link, TargetUrl hop, Ask ask, Sink sink, Path target) {
        int status = response.code();
        if (Hop.REDIRECTS.contains(status)) {
            return new Redirect(Hop.redirectTarget(response, hop));
        }
        if (status == 416) {
            return new Refused("HTTP 416 for bytes " + ask.first() + "-" + ask.last());
        }
        if (status < 200 || status > 299) {
            throw new MediaFetchException(
                    MediaFetchError.HTTP_ERROR, "HTTP " + status + " from " + hop.redacted(), status, null);
        }
        if (status != 206) {
            Hop.Outcome whole = Hop.store(response, hop, link.policy(), link.deadline(), target);
            return new Whole(whole.bytes(), whole.contentType());
        }
        Hop.checkFraming(response, hop);
        List<String> headers = response.headers("Content-Range");
        ContentRange range = headers.size() == 1 ? ContentRange.parse(headers.get(0)) : null;
        String refusal = check(range, ask, response);
        if (refusal != null) {
            return new Refused(refusal + " from " + hop.redacted());
        }
        sink.begin(range);
        RangeBody.copy(response.body().byteStream(), range, sink, hop, link.deadline());
        return new Partial(range, strongEtag(response), Optional.ofNullable(response.header("Content-Type")));
    }

    /** Why a 206 cannot be used as the answer to {@code ask}, or null when it can. */
    private static String check(ContentRange range, Ask ask, Response response) {
        if (range == null) {
            return "a 206 without a usable single Content-Range";
        }
        long end = Math.min(ask.last(), range.total() - 1);
        if (range.first() != ask.first() || range.last() != end) {
            return "Content-Range " + range.first() + "-" + range.last() + " for bytes " + ask.first() + "-" + end;
        }
        if (ask.total() >= 0 && range.total() != ask.total()) {
            return "a length of " + range.total() + " bytes, earlier " + ask.total();
        }
        String coding = response.header("Content-Encoding");
        if (coding != null && !coding.trim().equalsIgnoreCase("identity")) {
            return "a content-coded range, whose offsets are not the file's";
        }
        long declared = response.body().contentLength();
        if (declared >= 0 && declared != range.length()) {
            return "Content-Length " + declared + " for a range of " + range.length() + " bytes";
        }
        String etag = strongEtag(response);
        if (ask.etag() != null && etag != null && !etag.equals(ask.etag())) {
            return "a changed ETag";
        }
        return null;
    }

    /**
     * A strong validator, usable in If-Range (weak ones, W/..., may not be used there), and only of the plain form:
     * it is sent back in a request header, where anything else would be refused or worse.
     */
    private static String strongEtag(Response response) {
        String etag = response.header("ETag");
        return etag != null && STRONG_ETAG.matcher(etag.trim()).matches() ? etag.trim() : null;
    }
}
