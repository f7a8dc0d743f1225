package io.faceswap.media;

import static io.faceswap.media.SafeMediaFetcherTest.assertFails;
import static io.faceswap.media.SafeMediaFetcherTest.ip;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The acceptance test of issue 9: a server that dribbles bytes, each well inside the per-read limit, during the TLS
 * handshake, the response head or the body, is cut at the total deadline (plus at most 2 s), as {@code TIMEOUT}.
 */
class SafeMediaFetcherSlowDripTest {

    private static final Duration TOTAL = Duration.ofSeconds(2);
    private static final Duration SLACK = Duration.ofSeconds(2);
    private static final long DRIP_MILLIS = 50;
    // per-read and connect limits far above the drip interval and the deadline: only the deadline can fire
    private static final FetchPolicy POLICY = FetchPolicy.defaults()
            .withAllowPrivateNetworks(true)
            .withTimeouts(Duration.ofSeconds(30), Duration.ofSeconds(30), TOTAL);
    private static TestTls tls;

    @TempDir
    Path dir;

    @BeforeAll
    static void certificates() throws IOException, InterruptedException, GeneralSecurityException {
        tls = TestTls.get();
    }

    @Test
    void cutsAPlainHeadDrip() throws IOException {
        try (DripServer server = DripServer.plain(true, DRIP_MILLIS)) {
            assertCutAtDeadline(plainFetcher(), URI.create("http://127.0.0.1:" + server.port() + "/a?sig=s"));
            assertEquals(1, server.requestsRead());
        }
    }

    @Test
    void cutsAPlainBodyDrip() throws IOException {
        try (DripServer server = DripServer.plain(false, DRIP_MILLIS)) {
            assertCutAtDeadline(plainFetcher(), URI.create("http://127.0.0.1:" + server.port() + "/a"));
        }
    }

    @Test
    void cutsATlsHandshakeDrip() throws IOException {
        try (DripServer server = DripServer.tls(tls.server, false, DRIP_MILLIS);
                DripProxy proxy = new DripProxy(server.port(), DRIP_MILLIS)) {
            assertCutAtDeadline(tlsFetcher(), httpsUri(proxy.port()));
            assertEquals(0, server.requestsRead(), "the handshake never completed, so no request was read");
        }
    }

    @Test
    void cutsATlsHeadDrip() throws IOException {
        try (DripServer server = DripServer.tls(tls.server, true, DRIP_MILLIS)) {
            assertCutAtDeadline(tlsFetcher(), httpsUri(server.port()));
            assertEquals(1, server.requestsRead());
        }
    }

    @Test
    void cutsATlsBodyDrip() throws IOException {
        try (DripServer server = DripServer.tls(tls.server, false, DRIP_MILLIS)) {
            assertCutAtDeadline(tlsFetcher(), httpsUri(server.port()));
            assertEquals(1, server.requestsRead());
        }
    }

    private void assertCutAtDeadline(SafeMediaFetcher fetcher, URI uri) {
        long start = System.nanoTime();
        MediaFetchException e =
                assertFails(MediaFetchError.TIMEOUT, () -> fetcher.fetch(uri, dir.resolve("a"), POLICY));
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        assertTrue(took.compareTo(TOTAL.minusMillis(100)) >= 0, "cut before the deadline: " + took);
        assertTrue(took.compareTo(TOTAL.plus(SLACK)) < 0, "took " + took);
        assertEquals(MediaFetchError.TIMEOUT.publicMessage(), e.publicMessage());
        assertEquals(List.of(), SafeMediaFetcherTest.filesIn(dir), "no partial file left");
    }

    private static SafeMediaFetcher plainFetcher() {
        return new SafeMediaFetcher(host -> {
            throw new AssertionError("resolved " + host);
        });
    }

    private static SafeMediaFetcher tlsFetcher() {
        return new SafeMediaFetcher(host -> List.of(ip("127.0.0.1")), tls.client.getSocketFactory(), tls.clientTrust);
    }

    private static URI httpsUri(int port) {
        return URI.create("https://" + TestTls.HOST + ":" + port + "/a?token=secret");
    }
}
