package io.faceswap.media;

import static io.faceswap.media.SafeMediaFetcherTest.assertFails;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Time limits and malformed responses, against raw loopback sockets. */
class SafeMediaFetcherTimeoutTest {

    private static final HostResolver NO_DNS = host -> {
        throw new AssertionError("resolved " + host);
    };
    private static final FetchPolicy LOCAL = FetchPolicy.defaults().withAllowPrivateNetworks(true);

    @TempDir
    Path dir;

    @Test
    void timesOutOnAServerThatNeverAnswers() throws IOException {
        try (RawResponder silent = RawResponder.silent()) {
            FetchPolicy policy =
                    LOCAL.withTimeouts(Duration.ofSeconds(2), Duration.ofMillis(500), Duration.ofSeconds(30));
            long start = System.nanoTime();

            MediaFetchException e = assertFails(
                    MediaFetchError.TIMEOUT,
                    () -> new SafeMediaFetcher(NO_DNS).fetch(silent.uri("/a"), dir.resolve("a"), policy));

            Duration took = Duration.ofNanos(System.nanoTime() - start);
            assertTrue(
                    took.compareTo(Duration.ofMillis(450)) >= 0 && took.compareTo(Duration.ofSeconds(3)) < 0,
                    "took " + took);
            assertTrue(e.getMessage().contains("timed out"), e.getMessage());
        }
    }

    @Test
    void totalTimeoutCutsOffADripFeed() throws IOException {
        try (LocalHttpServer server = new LocalHttpServer()) {
            server.on("/drip", ex -> {
                ex.sendResponseHeaders(200, 1_000_000);
                OutputStream out = ex.getResponseBody();
                for (int i = 0; i < 1_000_000; i++) {
                    out.write('x');
                    out.flush();
                    sleepOnServerSide(50);
                }
            });
            // every single read finishes well inside 2 s; only the 700 ms overall budget can stop this
            FetchPolicy policy =
                    LOCAL.withTimeouts(Duration.ofSeconds(2), Duration.ofSeconds(2), Duration.ofMillis(700));
            long start = System.nanoTime();

            MediaFetchException e = assertFails(
                    MediaFetchError.TIMEOUT,
                    () -> new SafeMediaFetcher(NO_DNS).fetch(server.uri("/drip"), dir.resolve("a"), policy));

            Duration took = Duration.ofNanos(System.nanoTime() - start);
            assertTrue(took.compareTo(Duration.ofSeconds(2)) < 0, "took " + took);
            // the last read's timeout is cut to what is left of the budget, so either limit may be the one reported
            assertTrue(
                    e.getMessage().contains("total time limit")
                            || e.getMessage().contains("timed out"),
                    e.getMessage());
            assertEquals(List.of(), SafeMediaFetcherTest.filesIn(dir));
        }
    }

    @Test
    void readsACloseDelimitedBody() throws IOException {
        try (RawResponder raw = RawResponder.answering("HTTP/1.1 200 OK\r\nContent-Type: video/mp4\r\n\r\nhello")) {
            FetchResult result = new SafeMediaFetcher(NO_DNS).fetch(raw.uri("/a"), dir.resolve("a"), LOCAL);
            assertEquals(5, result.bytes());
            assertEquals("hello", Files.readString(dir.resolve("a")));
        }
    }

    @Test
    void decodesChunksWithExtensionsAndTrailers() throws IOException {
        String response = "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n"
                + "3;ext=1\r\nabc\r\n2\r\nde\r\n0\r\nX-Trailer: t\r\n\r\n";
        try (RawResponder raw = RawResponder.answering(response)) {
            new SafeMediaFetcher(NO_DNS).fetch(raw.uri("/a"), dir.resolve("a"), LOCAL);
            assertEquals("abcde", Files.readString(dir.resolve("a")));
        }
    }

    @Test
    void reportsBrokenResponsesAsProtocolErrors() throws IOException {
        for (String response : List.of(
                "HTTP/1.1 200 OK\r\nContent-Length: 100\r\n\r\nonly a few bytes",
                "HTTP/1.1 200 OK\r\nContent-Length: 5\r\nContent-Length: 6\r\n\r\nhello!",
                "HTTP/1.1 200 OK\r\nTransfer-Encoding: gzip\r\n\r\nxx",
                "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\nabc\r\n",
                "SSH-2.0-OpenSSH_9.0\r\n",
                "")) {
            try (RawResponder raw = RawResponder.answering(response)) {
                assertFails(
                        MediaFetchError.PROTOCOL_ERROR,
                        () -> new SafeMediaFetcher(NO_DNS).fetch(raw.uri("/a"), dir.resolve("a"), LOCAL));
                assertEquals(List.of(), SafeMediaFetcherTest.filesIn(dir), response);
            }
        }
    }

    /** The server side of a drip feed; the test thread itself never sleeps. */
    private static void sleepOnServerSide(long millis) throws IOException {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("server stopped", e);
        }
    }
}
