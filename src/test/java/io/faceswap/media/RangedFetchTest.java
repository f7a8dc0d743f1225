package io.faceswap.media;

import static io.faceswap.media.SafeMediaFetcherTest.assertFails;
import static io.faceswap.media.SafeMediaFetcherTest.ip;
import static io.faceswap.media.SafeMediaFetcherTest.redirect;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Window fetches keep every rule of a whole fetch, and fall back to one rather than guess: the same address checks
 * on every request and redirect, the same size limit on the file's length, and the whole file whenever ranges are
 * not answered exactly or the file is no MP4 index to plan from. Synthetic bytes; real media in
 * {@link RangedTrimFetchTest}.
 */
class RangedFetchTest {

    private static final HostResolver NO_DNS = host -> {
        throw new AssertionError("test must not resolve " + host);
    };

    @TempDir
    Path dir;

    private LocalHttpServer server;
    private Path target;

    @BeforeEach
    void start() throws IOException {
        server = new LocalHttpServer();
        target = dir.resolve("video.mp4");
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void aFileThatIsNoMp4IsFetchedWholeAfterItsHead() throws IOException {
        byte[] bytes = TestBytes.of(300_000);
        RangeServer files = serve(bytes, RangeServer.Mode.RANGES);

        FetchResult result = window(server.uri("/v.mp4").toString(), RangedTrimFetchTest.LOCAL);

        assertArrayEquals(bytes, Files.readAllBytes(target));
        assertEquals(List.of("bytes=0-65535", "-"), files.ranges());
        assertEquals(SpanFetch.HEAD + bytes.length, result.bytes(), "the head, then the whole file");
        assertEquals(List.of(target), SafeMediaFetcherTest.filesIn(dir), "no span file left behind");
    }

    @Test
    void aRangeOfUnknownTotalLengthFallsBackToTheWholeFile() throws IOException {
        byte[] bytes = TestBytes.of(100_000);
        RangeServer files = serve(bytes, RangeServer.Mode.UNKNOWN_TOTAL);

        window(server.uri("/v.mp4").toString(), RangedTrimFetchTest.LOCAL);

        assertArrayEquals(bytes, Files.readAllBytes(target));
        assertEquals(List.of("bytes=0-65535", "-"), files.ranges());
    }

    @Test
    void anEmptyFileIsReportedAsAWholeFetchReportsIt() {
        serve(new byte[0], RangeServer.Mode.RANGES); // 416 to the range, then an empty 200

        assertFails(
                MediaFetchError.EMPTY_BODY, () -> window(server.uri("/v.mp4").toString(), RangedTrimFetchTest.LOCAL));
        assertEquals(List.of(), SafeMediaFetcherTest.filesIn(dir));
    }

    @Test
    void aFileLongerThanTheLimitIsRefusedFromItsFirstRange() {
        serve(TestBytes.of(200_000), RangeServer.Mode.RANGES);

        assertFails(
                MediaFetchError.TOO_LARGE,
                () -> window(server.uri("/v.mp4").toString(), RangedTrimFetchTest.LOCAL.withMaxBytes(150_000)));
        assertEquals(List.of(), SafeMediaFetcherTest.filesIn(dir));
    }

    @Test
    void theFallbackStartsOverFromTheUrlGiven() throws IOException {
        byte[] bytes = TestBytes.of(100_000);
        RangeServer files = serve(bytes, RangeServer.Mode.RANGES);
        server.on("/go", ex -> redirect(ex, 302, "/v.mp4"));

        FetchResult result = window(server.uri("/go?sig=1").toString(), RangedTrimFetchTest.LOCAL);

        assertArrayEquals(bytes, Files.readAllBytes(target));
        assertEquals(server.uri("/v.mp4"), result.finalUri());
        assertEquals(
                List.of("/go?sig=1", "/v.mp4", "/go?sig=1", "/v.mp4"),
                server.requests(),
                "the head, then the fallback as a whole fetch makes it, redirect included");
        assertEquals(List.of("bytes=0-65535", "-"), files.ranges());
    }

    @Test
    void aRedirectToAForbiddenAddressIsRefusedAsInAWholeFetch() {
        server.on("/go", ex -> redirect(ex, 302, "http://evil.example.test/latest/meta-data/"));
        SafeMediaFetcher fetcher = new SafeMediaFetcher(host -> List.of(ip("169.254.169.254")));

        assertFails(
                MediaFetchError.FORBIDDEN_ADDRESS,
                () -> fetcher.fetchWindow(server.uri("/go").toString(), target, RangedTrimFetchTest.LOCAL, 1.0, 2.0));
        assertEquals(List.of("/go"), server.requests());
    }

    @Test
    void refusesLoopbackWithoutThePrivateSwitch() {
        serve(TestBytes.of(10), RangeServer.Mode.RANGES);

        assertFails(
                MediaFetchError.FORBIDDEN_ADDRESS,
                () -> window(
                        server.uri("/v.mp4").toString(), RangedTrimFetchTest.LOCAL.withAllowPrivateNetworks(false)));
        assertEquals(List.of(), server.requests());
    }

    private RangeServer serve(byte[] bytes, RangeServer.Mode mode) {
        RangeServer handler = new RangeServer(bytes, mode);
        server.on("/v.mp4", handler);
        return handler;
    }

    private FetchResult window(String url, FetchPolicy policy) {
        return new SafeMediaFetcher(NO_DNS).fetchWindow(url, target, policy, 1.0, 2.0);
    }
}
