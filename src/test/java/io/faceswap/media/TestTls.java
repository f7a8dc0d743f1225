package io.faceswap.media;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;

/**
 * A server certificate for {@code media.example.test} made by the JDK's keytool at test time, and a client trust
 * setup that trusts exactly it. Made once per test JVM.
 */
final class TestTls {

    static final String HOST = "media.example.test";
    private static final char[] PASSWORD = "changeit".toCharArray();
    private static TestTls instance;

    final SSLContext server;
    final SSLContext client;
    final X509TrustManager clientTrust;

    private TestTls(SSLContext server, SSLContext client, X509TrustManager clientTrust) {
        this.server = server;
        this.client = client;
        this.clientTrust = clientTrust;
    }

    static synchronized TestTls get() throws IOException, InterruptedException, GeneralSecurityException {
        if (instance == null) {
            instance = create();
        }
        return instance;
    }

    private static TestTls create() throws IOException, InterruptedException, GeneralSecurityException {
        Path keys = Files.createTempDirectory("test-tls");
        Path keystore = keys.resolve("server.p12");
        Process keytool = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "keytool")
                                .toString(),
                        "-genkeypair",
                        "-keystore",
                        keystore.toString(),
                        "-storetype",
                        "PKCS12",
                        "-storepass",
                        "changeit",
                        "-alias",
                        "server",
                        "-keyalg",
                        "EC",
                        "-dname",
                        "CN=" + HOST,
                        "-ext",
                        "SAN=dns:" + HOST,
                        "-validity",
                        "2")
                .redirectErrorStream(true)
                .start();
        keytool.getInputStream().transferTo(OutputStream.nullOutputStream());
        assertTrue(keytool.waitFor(60, TimeUnit.SECONDS) && keytool.exitValue() == 0, "keytool failed");

        KeyStore serverKeys = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(keystore)) {
            serverKeys.load(in, PASSWORD);
        }
        Files.delete(keystore);
        Files.delete(keys);
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(serverKeys, PASSWORD);
        SSLContext server = SSLContext.getInstance("TLS");
        server.init(kmf.getKeyManagers(), null, null);

        KeyStore trust = KeyStore.getInstance("PKCS12");
        trust.load(null, null);
        trust.setCertificateEntry("server", serverKeys.getCertificate("server"));
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(trust);
        X509TrustManager trustManager = (X509TrustManager) tmf.getTrustManagers()[0];
        SSLContext client = SSLContext.getInstance("TLS");
        client.init(null, tmf.getTrustManagers(), null);
        return new TestTls(server, client, trustManager);
    }
}
