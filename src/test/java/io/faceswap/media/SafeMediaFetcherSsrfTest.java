package io.faceswap.media;

import static io.faceswap.media.SafeMediaFetcherTest.assertFails;
import static io.faceswap.media.SafeMediaFetcherTest.ip;
import static io.faceswap.media.SafeMediaFetcherTest.redirect;
import static io.faceswap.media.SafeMediaFetcherTest.send;
import static io.faceswap.media.SafeMediaFetcherTest.withDialer;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Address checks at every hop, and pinning. Made-up names resolve through a map; a recording dialer stands in for
 * the network and routes every vetted address to the loopback server, so "public" addresses are validated as such
 * but never contacted.
 */
class SafeMediaFetcherSsrfTest {

    private static final InetAddress PUBLIC_IP = ip("93.184.215.14");
    private static final FetchPolicy PUBLIC_ONLY =
            FetchPolicy.defaults().withTimeouts(Duration.ofSeconds(2), Duration.ofSeconds(2), Duration.ofSeconds(10));

    @TempDir
    Path dir;

    private LocalHttpServer server;
    private final List<InetSocketAddress> dialed = new CopyOnWriteArrayList<>();

    @BeforeEach
    void start() throws IOException {
        server = new LocalHttpServer();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    /** Records the vetted address the fetcher asked for, then connects to the loopback server instead. */
    private final Dialer toLoopbackServer = vetted -> {
        dialed.add(vetted);
        return new InetSocketAddress(InetAddress.getLoopbackAddress(), server.port());
    };

    private SafeMediaFetcher fetcher(Map<String, List<InetAddress>> dns) {
        HostResolver resolver = host -> {
            List<InetAddress> answer = dns.get(host);
            if (answer == null) {
                throw new AssertionError("unexpected lookup of " + host);
            }
            return answer;
        };
        return withDialer(resolver, toLoopbackServer);
    }

    @Test
    void connectsToTheVettedAddressNotTheName() {
        server.on("/a", ex -> send(ex, 200, "image/png", TestBytes.of(10)));

        fetcher(Map.of("media.example.test", List.of(PUBLIC_IP)))
                .fetch(URI.create("http://media.example.test/a"), dir.resolve("a"), PUBLIC_ONLY);

        assertEquals(List.of(new InetSocketAddress(PUBLIC_IP, 80)), dialed);
    }

    @Test
    void resolvesOncePerHopSoARebindingAnswerIsNeverUsed() {
        server.on("/a", ex -> send(ex, 200, "image/png", TestBytes.of(10)));
        AtomicInteger lookups = new AtomicInteger();
        HostResolver rebinding = host -> lookups.getAndIncrement() == 0 ? List.of(PUBLIC_IP) : List.of(ip("127.0.0.1"));

        withDialer(rebinding, toLoopbackServer)
                .fetch(URI.create("http://media.example.test/a"), dir.resolve("a"), PUBLIC_ONLY);

        assertEquals(1, lookups.get());
        assertEquals(List.of(new InetSocketAddress(PUBLIC_IP, 80)), dialed);
    }

    @Test
    void refusesANameWithAnyInternalAnswer() {
        SafeMediaFetcher fetcher = fetcher(Map.of("mixed.example.test", List.of(PUBLIC_IP, ip("10.0.0.5"))));

        assertFails(
                MediaFetchError.FORBIDDEN_ADDRESS,
                () -> fetcher.fetch(URI.create("http://mixed.example.test/a"), dir.resolve("a"), PUBLIC_ONLY));
        assertEquals(List.of(), dialed);
    }

    @Test
    void refusesRedirectToLoopbackWithoutPrivateSwitch() {
        server.on("/go", ex -> redirect(ex, 302, server.uri("/secret").toString()))
                .on("/secret", ex -> send(ex, 200, null, TestBytes.of(10)));
        SafeMediaFetcher fetcher = fetcher(Map.of("public.example.test", List.of(PUBLIC_IP)));

        assertFails(
                MediaFetchError.FORBIDDEN_ADDRESS,
                () -> fetcher.fetch(URI.create("http://public.example.test/go"), dir.resolve("a"), PUBLIC_ONLY));
        assertEquals(List.of("/go"), server.requests());
        assertEquals(List.of(), SafeMediaFetcherTest.filesIn(dir));
    }

    @Test
    void refusesRedirectToMetadataEvenWithPrivateSwitch() {
        server.on("/go", ex -> redirect(ex, 302, "http://evil.example.test/latest/meta-data/iam"));
        SafeMediaFetcher fetcher = new SafeMediaFetcher(host -> {
            assertEquals("evil.example.test", host);
            return List.of(ip("169.254.169.254"));
        });

        assertFails(
                MediaFetchError.FORBIDDEN_ADDRESS,
                () -> fetcher.fetch(server.uri("/go"), dir.resolve("a"), PUBLIC_ONLY.withAllowPrivateNetworks(true)));
        assertEquals(List.of("/go"), server.requests());
    }

    @Test
    void refusesRedirectToForbiddenSchemes() {
        server.on("/file", ex -> redirect(ex, 302, "file:///etc/passwd"))
                .on("/ftp", ex -> redirect(ex, 301, "ftp://public.example.test/x"));
        SafeMediaFetcher fetcher = fetcher(Map.of("public.example.test", List.of(PUBLIC_IP)));

        assertFails(
                MediaFetchError.INVALID_URL,
                () -> fetcher.fetch(URI.create("http://public.example.test/file"), dir.resolve("a"), PUBLIC_ONLY));
        assertFails(
                MediaFetchError.INVALID_URL,
                () -> fetcher.fetch(URI.create("http://public.example.test/ftp"), dir.resolve("a"), PUBLIC_ONLY));
    }

    @Test
    void refusesInternalLiteralsWithoutConnecting() {
        Dialer mustNotDial = address -> {
            throw new AssertionError("dialed " + address);
        };
        SafeMediaFetcher fetcher = withDialer(
                host -> {
                    throw new AssertionError("resolved " + host);
                },
                mustNotDial);
        for (String url : List.of(
                "http://127.0.0.1/",
                "http://[::1]/",
                "http://[::ffff:127.0.0.1]/",
                "http://10.1.2.3/",
                "http://169.254.169.254/latest/meta-data/",
                "http://0.0.0.0/",
                "http://[fd00:ec2::254]/",
                "http://100.100.100.200/",
                "http://224.0.0.1/",
                "http://255.255.255.255/")) {
            assertFails(
                    MediaFetchError.FORBIDDEN_ADDRESS,
                    () -> fetcher.fetch(URI.create(url), dir.resolve("a"), PUBLIC_ONLY));
        }
        for (String url : List.of(
                "http://169.254.169.254/",
                "http://[fd00:ec2::254]/",
                "http://[::ffff:169.254.169.254]/",
                "http://0.0.0.0/",
                "http://[ff02::1]/")) {
            assertFails(
                    MediaFetchError.FORBIDDEN_ADDRESS,
                    () -> fetcher.fetch(URI.create(url), dir.resolve("a"), PUBLIC_ONLY.withAllowPrivateNetworks(true)));
        }
    }
}
