package io.faceswap.media;

import static io.faceswap.media.SafeMediaFetcherTest.assertFails;
import static io.faceswap.media.SafeMediaFetcherTest.ip;
import static io.faceswap.media.SafeMediaFetcherTest.send;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * https with pinning: TCP goes to the vetted 127.0.0.1 while TLS verifies the certificate against the URL's name.
 * The certificate (SAN media.example.test) comes from {@link TestTls}.
 */
class SafeMediaFetcherTlsTest {

    private static final FetchPolicy LOCAL = FetchPolicy.defaults().withAllowPrivateNetworks(true);
    private static HttpsServer server;
    private static TestTls tls;

    @TempDir
    Path dir;

    @BeforeAll
    static void startHttpsServer() throws IOException, InterruptedException, GeneralSecurityException {
        tls = TestTls.get();
        server = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 10);
        server.setHttpsConfigurator(new HttpsConfigurator(tls.server));
        server.createContext("/a", ex -> {
            try (ex) {
                send(ex, 200, "image/jpeg", TestBytes.of(4000));
            }
        });
        server.start();
    }

    @AfterAll
    static void stopServer() {
        if (server != null) {
            server.stop(0);
        }
    }

    private SafeMediaFetcher fetcherResolvingEverythingToLoopback() {
        return new SafeMediaFetcher(host -> List.of(ip("127.0.0.1")), tls.client.getSocketFactory(), tls.clientTrust);
    }

    private URI uri(String host) {
        return URI.create("https://" + host + ":" + server.getAddress().getPort() + "/a?token=x");
    }

    @Test
    void verifiesTheCertificateAgainstTheNameWhileConnectingToTheVettedIp() throws IOException {
        FetchResult result =
                fetcherResolvingEverythingToLoopback().fetch(uri("media.example.test"), dir.resolve("a"), LOCAL);

        assertEquals(4000, result.bytes());
        assertEquals(4000, Files.size(dir.resolve("a")));
    }

    @Test
    void refusesACertificateForAnotherName() {
        assertFails(
                MediaFetchError.TLS_ERROR,
                () -> fetcherResolvingEverythingToLoopback().fetch(uri("other.example.test"), dir.resolve("a"), LOCAL));
        assertEquals(List.of(), SafeMediaFetcherTest.filesIn(dir));
    }

    @Test
    void refusesAnUntrustedCertificate() {
        SafeMediaFetcher defaultTrust = new SafeMediaFetcher(host -> List.of(ip("127.0.0.1")));
        assertFails(
                MediaFetchError.TLS_ERROR,
                () -> defaultTrust.fetch(uri("media.example.test"), dir.resolve("a"), LOCAL));
    }
}
