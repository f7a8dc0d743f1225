package io.faceswap.media;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The fetcher against a real HTTP server on 127.0.0.1. No test resolves a real name or leaves the loopback. */
class SafeMediaFetcherTest {

    private static final HostResolver NO_DNS = host -> {
        throw new AssertionError("test must not resolve " + host);
    };
    private static final FetchPolicy LOCAL = FetchPolicy.defaults()
            .withAllowPrivateNetworks(true)
            .withTimeouts(Duration.ofSeconds(2), Duration.ofSeconds(2), Duration.ofSeconds(10));

    @TempDir
    Path dir;

    private Path target;
    private LocalHttpServer server;

    @BeforeEach
    void start() throws IOException {
        target = dir.resolve("media.bin");
        server = new LocalHttpServer();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void downloadsSmallFileAndReportsIt() throws IOException {
        byte[] body = TestBytes.of(2048);
        server.on("/ok", ex -> send(ex, 200, "image/png", body));

        FetchResult result = new SafeMediaFetcher(NO_DNS).fetch(server.uri("/ok?sig=abc"), target, LOCAL);

        assertEquals(2048, result.bytes());
        assertArrayEquals(body, Files.readAllBytes(target));
        assertEquals(target, result.target());
        assertEquals(server.uri("/ok?sig=abc"), result.finalUri());
        assertEquals(Optional.of("image/png"), result.contentType());
        assertTrue(result.elapsed().compareTo(Duration.ZERO) > 0);
        assertEquals(List.of(target), filesIn(dir), "no temporary file left beside the target");
    }

    @Test
    void refusesLoopbackWithoutPrivateSwitchBeforeConnecting() {
        server.on("/ok", ex -> send(ex, 200, "image/png", TestBytes.of(10)));

        assertFails(
                MediaFetchError.FORBIDDEN_ADDRESS,
                () -> new SafeMediaFetcher(NO_DNS).fetch(server.uri("/ok"), target, FetchPolicy.defaults()));
        assertEquals(List.of(), server.requests());
    }

    @Test
    void refusesEarlyWhenContentLengthIsTooLarge() {
        server.on("/big", ex -> send(ex, 200, "video/mp4", TestBytes.of(10_000)));

        assertFails(
                MediaFetchError.TOO_LARGE,
                () -> new SafeMediaFetcher(NO_DNS).fetch(server.uri("/big"), target, LOCAL.withMaxBytes(1000)));
        assertEquals(List.of(), filesIn(dir));
    }

    @Test
    void stopsStreamingChunkedBodyAtTheCapAndDeletesThePartialFile() throws InterruptedException {
        StreamingHandler endless = new StreamingHandler(256L * 1024 * 1024);
        server.on("/stream", endless);

        assertFails(
                MediaFetchError.TOO_LARGE,
                () -> new SafeMediaFetcher(NO_DNS).fetch(server.uri("/stream"), target, LOCAL.withMaxBytes(100_000)));

        assertEquals(List.of(), filesIn(dir));
        assertTrue(endless.awaitEnd(Duration.ofSeconds(10)), "server stops once the client hangs up");
        // what the server got out is the cap plus what socket buffers absorbed: far below the 256 MiB on offer
        assertTrue(endless.written() < 32L * 1024 * 1024, "server wrote " + endless.written());
        assertTrue(endless.failed(), "the client closed the connection mid-body");
    }

    @Test
    void acceptsBodyExactlyAtTheCap() throws IOException {
        server.on("/exact", ex -> send(ex, 200, null, TestBytes.of(1000)));

        assertEquals(
                1000,
                new SafeMediaFetcher(NO_DNS)
                        .fetch(server.uri("/exact"), target, LOCAL.withMaxBytes(1000))
                        .bytes());
        assertEquals(1000, Files.size(target));
    }

    @Test
    void followsRelativeRedirectChainWithinTheLimit() throws IOException {
        server.on("/r3", ex -> redirect(ex, 302, "/r2"))
                .on("/r2", ex -> redirect(ex, 301, "r1"))
                .on("/r1", ex -> redirect(ex, 307, server.uri("/final").toString()))
                .on("/final", ex -> send(ex, 200, "video/mp4", TestBytes.of(300)));

        FetchResult result = new SafeMediaFetcher(NO_DNS).fetch(server.uri("/r3"), target, LOCAL.withMaxRedirects(3));

        assertEquals(server.uri("/final"), result.finalUri());
        assertEquals(300, Files.size(target));
        assertEquals(List.of("/r3", "/r2", "/r1", "/final"), server.requests());
    }

    @Test
    void stopsAfterMaxRedirects() {
        server.on("/loop", ex -> redirect(ex, 302, "/loop"));

        assertFails(
                MediaFetchError.TOO_MANY_REDIRECTS,
                () -> new SafeMediaFetcher(NO_DNS).fetch(server.uri("/loop"), target, LOCAL.withMaxRedirects(2)));
        assertEquals(3, server.requests().size(), "the first request plus two followed redirects");
    }

    @Test
    void reportsHttpErrorWithStatusAndWithoutQueryInMessage() {
        server.on("/missing", ex -> send(ex, 404, "text/plain", TestBytes.of(5)));

        MediaFetchException e = assertFails(
                MediaFetchError.HTTP_ERROR,
                () -> new SafeMediaFetcher(NO_DNS).fetch(server.uri("/missing?signature=TOPSECRET"), target, LOCAL));
        assertEquals(OptionalInt.of(404), e.httpStatus());
        assertFalse(e.getMessage().contains("TOPSECRET"), e.getMessage());
        assertEquals(List.of(), filesIn(dir));
    }

    @Test
    void fetchesAUrlGivenAsTextAndTellsCustomersOnlyTheStatus() throws IOException {
        server.on("/ok", ex -> send(ex, 200, "image/png", TestBytes.of(20)))
                .on("/missing", ex -> send(ex, 404, "text/plain", TestBytes.of(5)));
        SafeMediaFetcher fetcher = new SafeMediaFetcher(NO_DNS);

        assertEquals(
                20,
                fetcher.fetch(server.uri("/ok?sig=abc").toString(), target, LOCAL)
                        .bytes());
        MediaFetchException e = assertFails(
                MediaFetchError.HTTP_ERROR,
                () -> fetcher.fetch(server.uri("/missing?sig=abc").toString(), dir.resolve("b"), LOCAL));
        assertEquals("The media server did not return the file. (HTTP status 404)", e.publicMessage());
    }

    @Test
    void reportsEmptyBody() {
        server.on("/empty", ex -> send(ex, 200, "image/png", new byte[0])).on("/empty-chunked", ex -> {
            ex.sendResponseHeaders(200, 0); // 0 = chunked in HttpServer
            ex.getResponseBody().close();
        });

        SafeMediaFetcher fetcher = new SafeMediaFetcher(NO_DNS);
        assertFails(MediaFetchError.EMPTY_BODY, () -> fetcher.fetch(server.uri("/empty"), target, LOCAL));
        assertFails(MediaFetchError.EMPTY_BODY, () -> fetcher.fetch(server.uri("/empty-chunked"), target, LOCAL));
        assertEquals(List.of(), filesIn(dir));
    }

    @Test
    void leavesAnExistingTargetUntouchedOnFailure() throws IOException {
        Files.writeString(target, "previous");
        server.on("/gone", ex -> send(ex, 410, null, TestBytes.of(3)));

        assertFails(
                MediaFetchError.HTTP_ERROR,
                () -> new SafeMediaFetcher(NO_DNS).fetch(server.uri("/gone"), target, LOCAL));
        assertEquals("previous", Files.readString(target));
    }

    @Test
    void reportsUnknownHostAsUnreachable() {
        HostResolver none = host -> {
            throw new UnknownHostException(host);
        };
        assertFails(
                MediaFetchError.UNREACHABLE,
                () -> new SafeMediaFetcher(none).fetch(URI.create("http://nowhere.example.test/a"), target, LOCAL));
        assertFails(
                MediaFetchError.UNREACHABLE,
                () -> new SafeMediaFetcher(host -> List.of())
                        .fetch(URI.create("http://nowhere.example.test/a"), target, LOCAL));
    }

    @Test
    void reportsRefusedConnectionAsUnreachable() {
        URI closedPort = server.uri("/x");
        server.close();

        assertFails(MediaFetchError.UNREACHABLE, () -> new SafeMediaFetcher(NO_DNS).fetch(closedPort, target, LOCAL));
    }

    static MediaFetchException assertFails(MediaFetchError expected, Runnable fetch) {
        MediaFetchException e = assertThrows(MediaFetchException.class, fetch::run);
        assertEquals(expected, e.code(), e.getMessage());
        return e;
    }

    static List<Path> filesIn(Path dir) {
        try (Stream<Path> files = Files.list(dir)) {
            return files.toList();
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    static void send(HttpExchange ex, int status, String contentType, byte[] body) throws IOException {
        if (contentType != null) {
            ex.getResponseHeaders().add("Content-Type", contentType);
        }
        ex.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(body);
        }
    }

    static void redirect(HttpExchange ex, int status, String location) throws IOException {
        ex.getResponseHeaders().add("Location", location);
        ex.sendResponseHeaders(status, -1);
    }

    /** A fetcher with the JVM's trust store whose connections go where {@code dialer} says. */
    static SafeMediaFetcher withDialer(HostResolver resolver, Dialer dialer) {
        return new SafeMediaFetcher(resolver, null, null, dialer);
    }

    static InetAddress ip(String literal) {
        try {
            return InetAddress.getByName(literal); // literals only: parsed, never looked up
        } catch (UnknownHostException e) {
            throw new AssertionError(e);
        }
    }
}
