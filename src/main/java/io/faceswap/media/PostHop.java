package io.faceswap.media;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import okhttp3.Call;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

/**
 * One POST to a vetted target, under the same pinning as a fetch ({@link PinnedDns}, {@link VettingSocketFactory},
 * one deadline). Redirects are not followed: a callback that answers 3xx has not taken the message. The response
 * body is read up to a small cap and thrown away; only the status matters.
 */
final class PostHop {
    private static final int BODY_READ_CAP = 16 * 1024;

    private PostHop() {}

    static int run(
            OkHttpClient base,
            TargetUrl hop,
            List<InetAddress> vetted,
            FetchPolicy policy,
            Deadline deadline,
            Dialer dialer,
            byte[] body,
            String contentType,
            Map<String, String> headers) {
        OkHttpClient client = Hop.pinnedClient(base, hop, vetted, policy, deadline, dialer);
        Request.Builder request = new Request.Builder()
                .url(hop.httpUrl())
                .post(RequestBody.create(body, MediaType.get(contentType)))
                .header("User-Agent", policy.userAgent())
                .header("Accept-Encoding", "identity");
        headers.forEach(request::header); // OkHttp refuses names and values with line breaks
        Call call = client.newCall(request.build());
        try (Response response = call.execute()) {
            drain(response);
            return response.code();
        } catch (IOException e) {
            throw IoFailures.toFetchException(
                    e, MediaFetchError.PROTOCOL_ERROR, "POST to " + hop.redacted() + " failed", deadline);
        } finally {
            call.cancel();
        }
    }

    /** A little of the body is read so that a well-behaved server sees its answer taken; the rest is dropped. */
    private static void drain(Response response) throws IOException {
        if (response.body() == null) {
            return;
        }
        try (InputStream in = response.body().byteStream()) {
            in.readNBytes(BODY_READ_CAP);
        }
    }

    static Duration since(long startNanos) {
        return Duration.ofNanos(System.nanoTime() - startNanos);
    }
}
