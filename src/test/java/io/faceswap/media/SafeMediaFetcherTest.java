package io.faceswap.media;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Against a real HTTP server on 127.0.0.1 only; names other than localhost resolve through a fake resolver. */
class SafeMediaFetcherTest {
    private static final FetchPolicy LOCAL = new FetchPolicy(true, 1000, Duration.ofSeconds(2),
            Duration.ofMillis(500), Duration.ofSeconds(10), 3);
    private static final FetchPolicy PUBLIC_ONLY = new FetchPolicy(false, 1000, Duration.ofSeconds(2),
            Duration.ofMillis(500), Duration.ofSeconds(10), 3);

    HttpServer server;
    Path dir;
    final AtomicLong streamed = new AtomicLong();
    final CountDownLatch release = new CountDownLatch(1);
    /** Resolves the made-up names tests use; never asks a real name server. */
    final HostResolver fake = host -> switch (host) {
        case "localhost", "127.0.0.1" -> new InetAddress[] {InetAddress.getLoopbackAddress()};
        case "metadata.example.test" -> new InetAddress[] {InetAddress.getByName("169.254.169.254")};
        case "private.example.test" -> new InetAddress[] {InetAddress.getByName("10.0.0.5")};
        default -> throw new java.net.UnknownHostException(host);
    };

    @BeforeEach
    void start() throws IOException {
        dir = Files.createTempDirectory(Path.of("target"), "fetch");
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(Executors.newCachedThreadPool());
        server.createContext("/small", ex -> send(ex, 200, new byte[100]));
        server.createContext("/empty", ex -> send(ex, 200, new byte[0]));
        server.createContext("/missing", ex -> send(ex, 404, new byte[10]));
        server.createContext("/declared-big", ex -> send(ex, 200, new byte[5000]));
        server.createContext("/stream-big", ex -> {
            ex.sendResponseHeaders(200, 0); // chunked: no length declared
            try (OutputStream out = ex.getResponseBody()) {
                for (int i = 0; i < 10_000; i++) {
                    out.write(new byte[100]);
                    out.flush();
                    streamed.addAndGet(100);
                }
            } catch (IOException clientGaveUp) {
                // expected: the fetcher stops reading at the cap
            }
        });
        server.createContext("/stall", ex -> {
            try {
                release.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            send(ex, 200, new byte[10]);
        });
        server.createContext("/hop", ex -> redirect(ex, url("/small").toString()));
        server.createContext("/loop", ex -> redirect(ex, url("/loop").toString()));
        server.createContext("/to-metadata", ex -> redirect(ex, "http://metadata.example.test/latest/meta-data/"));
        server.start();
    }

    @AfterEach
    void stop() {
        release.countDown();
        server.stop(0);
    }

    URI url(String path) {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path);
    }

    private static void send(com.sun.net.httpserver.HttpExchange ex, int status, byte[] body) throws IOException {
        ex.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(body);
        }
    }

    private static void redirect(com.sun.net.httpserver.HttpExchange ex, String location) throws IOException {
        ex.getResponseHeaders().add("Location", location);
        ex.sendResponseHeaders(302, -1);
        ex.close();
    }

    private MediaFetchError failure(URI uri, FetchPolicy policy) {
        Path target = dir.resolve("out");
        MediaFetchException e = assertThrows(MediaFetchException.class,
                () -> new SafeMediaFetcher(fake).fetch(uri, target, policy));
        assertFalse(Files.exists(target), "no file on failure");
        assertFalse(Files.exists(dir.resolve("out.partial")), "no partial file on failure");
        return e.error();
    }

    @Test
    void downloadsASmallFileFollowingARedirect() throws IOException {
        Path target = dir.resolve("out");
        SafeMediaFetcher.Result r = new SafeMediaFetcher(fake).fetch(url("/hop"), target, LOCAL);
        assertEquals(100, r.bytes());
        assertEquals(100, Files.size(target));
        assertTrue(r.finalUri().getPath().endsWith("/small"));
    }

    @Test
    void loopbackIsRefusedUnlessPrivateNetworksAreAllowed() {
        assertEquals(MediaFetchError.FORBIDDEN_ADDRESS, failure(url("/small"), PUBLIC_ONLY));
        assertEquals(MediaFetchError.FORBIDDEN_ADDRESS,
                failure(URI.create("http://private.example.test/x.jpg"), PUBLIC_ONLY));
    }

    @Test
    void aRedirectToTheMetadataAddressIsRefusedEvenWhenPrivateNetworksAreAllowed() {
        assertEquals(MediaFetchError.FORBIDDEN_ADDRESS, failure(url("/to-metadata"), LOCAL));
    }

    @Test
    void sizeCapsApplyToDeclaredAndToStreamedLengths() {
        assertEquals(MediaFetchError.TOO_LARGE, failure(url("/declared-big"), LOCAL));
        assertEquals(MediaFetchError.TOO_LARGE, failure(url("/stream-big"), LOCAL));
        assertTrue(streamed.get() < 1_000_000, "stopped early, server wrote " + streamed.get());
    }

    @Test
    void httpErrorsRedirectLoopsEmptyBodiesAndStallsHaveTheirCodes() {
        assertEquals(MediaFetchError.HTTP_ERROR, failure(url("/missing"), LOCAL));
        assertEquals(MediaFetchError.TOO_MANY_REDIRECTS, failure(url("/loop"), LOCAL));
        assertEquals(MediaFetchError.EMPTY_BODY, failure(url("/empty"), LOCAL));
        long start = System.nanoTime();
        assertEquals(MediaFetchError.TIMEOUT, failure(url("/stall"), LOCAL));
        assertTrue(System.nanoTime() - start < TimeUnit.SECONDS.toNanos(5), "bounded by the read timeout");
        assertEquals(MediaFetchError.UNREACHABLE, failure(URI.create("http://unknown.example.test/"), LOCAL));
    }

    @ParameterizedTest
    @ValueSource(strings = {"ftp://127.0.0.1/x", "file:///etc/passwd", "jar:file:/x!/y", "//127.0.0.1/x",
            "http://user:pw@127.0.0.1/x"})
    void onlyHttpAndHttpsWithoutCredentials(String uri) {
        assertEquals(MediaFetchError.INVALID_URL, failure(URI.create(uri), LOCAL));
    }

    @ParameterizedTest
    @ValueSource(strings = {"127.0.0.1", "10.1.2.3", "172.16.0.1", "192.168.1.1", "169.254.1.1", "100.64.0.1",
            "198.18.0.1", "0.0.0.0", "240.0.0.1", "255.255.255.255", "224.0.0.1", "::1", "::", "fe80::1", "fc00::1",
            "fd12::1", "::ffff:127.0.0.1", "::127.0.0.1", "64:ff9b::a00:1", "2130706433"})
    void privateLocalAndReservedAddressesAreRefused(String literal) throws Exception {
        InetAddress address = InetAddress.getByName(literal);
        MediaFetchException e = assertThrows(MediaFetchException.class, () -> AddressPolicy.check(address, false));
        assertEquals(MediaFetchError.FORBIDDEN_ADDRESS, e.error());
    }

    /**
     * Java reads a leading zero as decimal, so "0177.0.0.1" is 177.0.0.1 (public), and that is also the address
     * the connection would go to: check and connection agree, so no octal trick reaches 127.0.0.1.
     */
    @Test
    void octalLookingAddressesAreReadTheSameWayForCheckAndConnection() throws Exception {
        assertEquals("177.0.0.1", InetAddress.getByName("0177.0.0.1").getHostAddress());
    }

    @ParameterizedTest
    @ValueSource(strings = {"169.254.169.254", "100.100.100.200", "224.0.0.1", "0.0.0.0"})
    void metadataMulticastAndUnspecifiedAreRefusedEvenWhenPrivateIsAllowed(String literal) throws Exception {
        InetAddress address = InetAddress.getByName(literal);
        assertThrows(MediaFetchException.class, () -> AddressPolicy.check(address, true));
    }

    @ParameterizedTest
    @ValueSource(strings = {"93.184.215.14", "8.8.8.8", "2606:4700::1111"})
    void publicAddressesPass(String literal) throws Exception {
        AddressPolicy.check(InetAddress.getByName(literal), false); // no exception; nothing is contacted
    }
}
