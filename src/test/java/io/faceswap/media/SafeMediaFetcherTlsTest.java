package io.faceswap.media;

import static io.faceswap.media.SafeMediaFetcherTest.assertFails;
import static io.faceswap.media.SafeMediaFetcherTest.ip;
import static io.faceswap.media.SafeMediaFetcherTest.send;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * https with pinning: TCP goes to the vetted 127.0.0.1 while TLS verifies the certificate against the URL's name.
 * The certificate (SAN media.example.test) is made by the JDK's keytool at test time.
 */
class SafeMediaFetcherTlsTest {

    private static final char[] PASSWORD = "changeit".toCharArray();
    private static final FetchPolicy LOCAL = FetchPolicy.defaults().withAllowPrivateNetworks(true);
    private static HttpsServer server;
    private static SSLContext clientTls;

    @TempDir
    Path dir;

    @BeforeAll
    static void startHttpsServer(@TempDir Path keys) throws IOException, InterruptedException, GeneralSecurityException {
        Path keystore = keys.resolve("server.p12");
        Process keytool = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                "-genkeypair", "-keystore", keystore.toString(), "-storetype", "PKCS12", "-storepass", "changeit",
                "-alias", "server", "-keyalg", "EC", "-dname", "CN=media.example.test",
                "-ext", "SAN=dns:media.example.test", "-validity", "2").redirectErrorStream(true).start();
        keytool.getInputStream().transferTo(java.io.OutputStream.nullOutputStream());
        assertTrue(keytool.waitFor(60, TimeUnit.SECONDS) && keytool.exitValue() == 0, "keytool failed");

        KeyStore serverKeys = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(keystore)) {
            serverKeys.load(in, PASSWORD);
        }
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(serverKeys, PASSWORD);
        SSLContext serverTls = SSLContext.getInstance("TLS");
        serverTls.init(kmf.getKeyManagers(), null, null);

        KeyStore trust = KeyStore.getInstance("PKCS12");
        trust.load(null, null);
        trust.setCertificateEntry("server", serverKeys.getCertificate("server"));
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(trust);
        clientTls = SSLContext.getInstance("TLS");
        clientTls.init(null, tmf.getTrustManagers(), null);

        server = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 10);
        server.setHttpsConfigurator(new HttpsConfigurator(serverTls));
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
        return new SafeMediaFetcher(host -> List.of(ip("127.0.0.1")), clientTls.getSocketFactory());
    }

    private URI uri(String host) {
        return URI.create("https://" + host + ":" + server.getAddress().getPort() + "/a?token=x");
    }

    @Test
    void verifiesTheCertificateAgainstTheNameWhileConnectingToTheVettedIp() throws IOException {
        FetchResult result = fetcherResolvingEverythingToLoopback().fetch(uri("media.example.test"), dir.resolve("a"), LOCAL);

        assertEquals(4000, result.bytes());
        assertEquals(4000, Files.size(dir.resolve("a")));
    }

    @Test
    void refusesACertificateForAnotherName() {
        assertFails(MediaFetchError.TLS_ERROR,
                () -> fetcherResolvingEverythingToLoopback().fetch(uri("other.example.test"), dir.resolve("a"), LOCAL));
        assertEquals(List.of(), SafeMediaFetcherTest.filesIn(dir));
    }

    @Test
    void refusesAnUntrustedCertificate() {
        SafeMediaFetcher defaultTrust = new SafeMediaFetcher(host -> List.of(ip("127.0.0.1")));
        assertFails(MediaFetchError.TLS_ERROR, () -> defaultTrust.fetch(uri("media.example.test"), dir.resolve("a"), LOCAL));
    }
}
