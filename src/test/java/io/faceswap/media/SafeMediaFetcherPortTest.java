package io.faceswap.media;

import static io.faceswap.media.SafeMediaFetcherTest.assertFails;
import static io.faceswap.media.SafeMediaFetcherTest.ip;
import static io.faceswap.media.SafeMediaFetcherTest.redirect;
import static io.faceswap.media.SafeMediaFetcherTest.send;
import static io.faceswap.media.SafeMediaFetcherTest.withDialer;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Ports, address fallback and what customers are told. "Public" addresses are validated as such but a dialer
 * routes every connection to loopback, so nothing leaves the machine.
 */
class SafeMediaFetcherPortTest {

    private static final InetAddress PUBLIC_A = ip("93.184.215.14");
    private static final InetAddress PUBLIC_B = ip("93.184.215.15");
    private static final FetchPolicy PUBLIC_ONLY =
            FetchPolicy.defaults().withTimeouts(Duration.ofSeconds(2), Duration.ofSeconds(2), Duration.ofSeconds(10));

    @TempDir
    Path dir;

    private LocalHttpServer server;
    private int closedPort;
    private final List<InetSocketAddress> dialed = new CopyOnWriteArrayList<>();

    @BeforeEach
    void start() throws IOException {
        server = new LocalHttpServer();
        server.on("/a", ex -> send(ex, 200, "video/mp4", TestBytes.of(10)));
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = s.getLocalPort(); // free again once closed: connecting to it is refused
        }
    }

    @AfterEach
    void stop() {
        server.close();
    }

    /** PUBLIC_A goes to a closed loopback port (connection refused), anything else to the server. */
    private SafeMediaFetcher fetcher(List<InetAddress> answer) {
        return withDialer(host -> answer, vetted -> {
            dialed.add(vetted);
            int port = vetted.getAddress().equals(PUBLIC_A) ? closedPort : server.port();
            return new InetSocketAddress(InetAddress.getLoopbackAddress(), port);
        });
    }

    @Test
    void refusesPortsOtherThan80And443BeforeAnyLookup() {
        SafeMediaFetcher fetcher = withDialer(
                host -> {
                    throw new AssertionError("resolved " + host);
                },
                vetted -> {
                    throw new AssertionError("dialed " + vetted);
                });
        for (String url : List.of(
                "http://media.example.test:22/",
                "http://media.example.test:8080/a",
                "https://media.example.test:6379/",
                "http://93.184.215.14:25/")) {
            assertFails(
                    MediaFetchError.FORBIDDEN_ADDRESS,
                    () -> fetcher.fetch(URI.create(url), dir.resolve("a"), PUBLIC_ONLY));
        }
    }

    @Test
    void allowsConfiguredExtraPortsAndTheStandardOnes() {
        fetcher(List.of(PUBLIC_B))
                .fetch(
                        URI.create("http://media.example.test:8443/a"),
                        dir.resolve("a"),
                        PUBLIC_ONLY.withExtraPorts(Set.of(8443)));
        fetcher(List.of(PUBLIC_B)).fetch(URI.create("http://media.example.test:443/a"), dir.resolve("b"), PUBLIC_ONLY);

        assertEquals(List.of(new InetSocketAddress(PUBLIC_B, 8443), new InetSocketAddress(PUBLIC_B, 443)), dialed);
    }

    @Test
    void checksThePortOfEveryRedirect() {
        server.on("/go", ex -> redirect(ex, 302, "http://media.example.test:3306/a"));

        assertFails(
                MediaFetchError.FORBIDDEN_ADDRESS,
                () -> fetcher(List.of(PUBLIC_B))
                        .fetch(URI.create("http://media.example.test/go"), dir.resolve("a"), PUBLIC_ONLY));
        assertEquals(List.of("/go"), server.requests());
    }

    @Test
    void triesTheNextVettedAddressWhenOneRefuses() {
        FetchResult result = fetcher(List.of(PUBLIC_A, PUBLIC_B))
                .fetch(URI.create("http://media.example.test/a"), dir.resolve("a"), PUBLIC_ONLY);

        assertEquals(10, result.bytes());
        assertEquals(List.of(new InetSocketAddress(PUBLIC_A, 80), new InetSocketAddress(PUBLIC_B, 80)), dialed);
    }

    @Test
    void customersCannotTellARefusedAddressFromARefusedConnection() {
        MediaFetchException forbidden = assertFails(
                MediaFetchError.FORBIDDEN_ADDRESS,
                () -> fetcher(List.of(ip("10.0.0.7")))
                        .fetch(URI.create("http://media.example.test/a?sig=SECRET"), dir.resolve("a"), PUBLIC_ONLY));
        MediaFetchException refused = assertFails(
                MediaFetchError.UNREACHABLE,
                () -> fetcher(List.of(PUBLIC_A))
                        .fetch(URI.create("http://media.example.test/a?sig=SECRET"), dir.resolve("a"), PUBLIC_ONLY));
        MediaFetchException port = assertFails(
                MediaFetchError.FORBIDDEN_ADDRESS,
                () -> fetcher(List.of(PUBLIC_B))
                        .fetch(
                                URI.create("http://media.example.test:8080/a?sig=SECRET"),
                                dir.resolve("a"),
                                PUBLIC_ONLY));

        assertEquals(forbidden.publicMessage(), refused.publicMessage());
        assertEquals(forbidden.publicMessage(), port.publicMessage());
        for (MediaFetchException e : List.of(forbidden, refused, port)) {
            assertFalse(e.publicMessage().contains("example.test"), e.publicMessage());
            assertFalse(e.getMessage().contains("SECRET"), e.getMessage()); // the operator detail is redacted too
        }
    }
}
