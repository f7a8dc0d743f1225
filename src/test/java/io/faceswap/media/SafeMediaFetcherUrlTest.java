package io.faceswap.media;

import static io.faceswap.media.SafeMediaFetcherTest.assertFails;
import static io.faceswap.media.SafeMediaFetcherTest.withDialer;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** URLs refused before any lookup or connection. */
class SafeMediaFetcherUrlTest {

    @TempDir
    Path dir;

    private final SafeMediaFetcher fetcher = withDialer(
            host -> {
                throw new AssertionError("resolved " + host);
            },
            address -> {
                throw new AssertionError("dialed " + address);
            });

    @ParameterizedTest
    @ValueSource(
            strings = {
                "file:///etc/passwd",
                "ftp://media.example.test/a.mp4",
                "jar:file:/app.war!/WEB-INF/web.xml",
                "gopher://media.example.test/",
                "//media.example.test/a.mp4",
                "/a.mp4",
                "http:opaque",
                "http:///a.mp4",
                "http://user:pass@media.example.test/a.mp4",
                "https://token@media.example.test/a.mp4",
                "http://my_host/a.mp4",
                "http://[fe80::1%25eth0]/",
                // numeric hosts that resolvers disagree on; all of them mean 127.0.0.1 to curl and browsers
                "http://2130706433/",
                "http://0177.0.0.1/",
                "http://127.1/",
                "http://0x7f.0.0.1/",
                "http://017700000001/"
            })
    void refusesAsInvalidUrl(String url) {
        assertFails(
                MediaFetchError.INVALID_URL,
                () -> fetcher.fetch(URI.create(url), dir.resolve("a"), FetchPolicy.defaults()));
    }

    @Test
    void refusesSchemesThePolicyNarrowsAway() {
        FetchPolicy httpsOnly = FetchPolicy.defaults().withAllowedSchemes(java.util.Set.of("https"));
        assertFails(
                MediaFetchError.INVALID_URL,
                () -> fetcher.fetch(URI.create("http://media.example.test/"), dir.resolve("a"), httpsOnly));
    }

    @Test
    void keepsCredentialsAndQueryOutOfMessages() {
        MediaFetchException e = assertFails(
                MediaFetchError.INVALID_URL,
                () -> fetcher.fetch(
                        URI.create("http://alice:hunter2@media.example.test/a.mp4?X-Amz-Signature=deadbeef"),
                        dir.resolve("a"),
                        FetchPolicy.defaults()));
        assertFalse(e.getMessage().contains("hunter2"), e.getMessage());
        assertFalse(e.getMessage().contains("alice"), e.getMessage());
        assertFalse(e.getMessage().contains("deadbeef"), e.getMessage());
    }

    /** Why numeric hosts are refused outright: Java reads them differently from the rest of the world. */
    @Test
    void documentsHowJavaParsesNumericHosts() throws UnknownHostException {
        assertEquals("2130706433", URI.create("http://2130706433/").getHost());
        // both are IPv4 literals to Java, so these calls parse and never touch DNS
        assertEquals("127.0.0.1", InetAddress.getByName("2130706433").getHostAddress());
        assertEquals("177.0.0.1", InetAddress.getByName("0177.0.0.1").getHostAddress()); // decimal, not octal 127
        // and an IPv4-mapped IPv6 literal becomes a plain IPv4 address
        assertEquals("127.0.0.1", InetAddress.getByName("::ffff:127.0.0.1").getHostAddress());
    }

    /** Strings java.net.URI itself rejects: caught up front, as INVALID_URL, and never quoted back. */
    @ParameterizedTest
    @ValueSource(
            strings = {
                "http://media.example.test/a b.mp4?sig=SECRET",
                "http://media.example.test/a.mp4?sig=SECRET|x",
                "http://[::1/a?sig=SECRET",
                "http://media.example.test:80a/?sig=SECRET",
                "https://media.example.test/%zz?sig=SECRET",
                "http://media.example.test/a\\b?sig=SECRET",
                "http://exa mple.test/?sig=SECRET",
                "",
                " ",
                "ht tp://x/?sig=SECRET"
            })
    void parseRefusesWhatUriRejectsWithoutQuotingIt(String url) {
        MediaFetchException e = assertFails(MediaFetchError.INVALID_URL, () -> TargetUrl.parse(url));
        assertFalse(e.getMessage().contains("SECRET"), e.getMessage());
        assertEquals(null, e.getCause(), "the URISyntaxException quotes the input");
        assertFails(MediaFetchError.INVALID_URL, () -> fetcher.fetch(url, dir.resolve("a"), FetchPolicy.defaults()));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {"file:///etc/passwd", "http://user:pass@media.example.test/", "http://2130706433/", "http:///a"})
    void parseRefusesWhatTheFetcherWouldRefuseOnSyntax(String url) {
        assertFails(MediaFetchError.INVALID_URL, () -> TargetUrl.parse(url));
    }

    @Test
    void parseAcceptsOrdinaryUrlsOnAnyPortAndChecksPortsOnlyAgainstAPolicy() {
        assertEquals(
                URI.create("https://media.example.test/a.mp4?X-Amz-Signature=abc"),
                TargetUrl.parse("https://media.example.test/a.mp4?X-Amz-Signature=abc")
                        .uri());
        assertEquals(
                "http://media.example.test:8080/a.mp4?…",
                TargetUrl.parse("http://media.example.test:8080/a.mp4?s=1").redacted());
        assertFails(
                MediaFetchError.FORBIDDEN_ADDRESS,
                () -> TargetUrl.parse("http://media.example.test:8080/a.mp4", FetchPolicy.defaults()));
        assertEquals(
                8080,
                TargetUrl.parse(
                                "http://media.example.test:8080/a.mp4",
                                FetchPolicy.defaults().withExtraPorts(java.util.Set.of(8080)))
                        .port());
    }
}
