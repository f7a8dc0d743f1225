package io.faceswap.media;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.faceswap.swap.FrameProcessor;
import io.faceswap.swap.testing.TrimClips;
import io.faceswap.swap.video.FrameReader;
import io.faceswap.swap.video.FrameTimeline;
import io.faceswap.swap.video.Trim;
import io.faceswap.swap.video.TrimPastEndException;
import io.faceswap.swap.video.VideoInfo;
import io.faceswap.swap.video.VideoLimits;
import io.faceswap.swap.video.VideoProbe;
import io.faceswap.swap.video.VideoSwapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.bytedeco.ffmpeg.avcodec.AVPacket;
import org.bytedeco.ffmpeg.global.avcodec;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.opencv.global.opencv_core;
import org.bytedeco.opencv.opencv_core.Mat;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Trimmed tasks fetch only their part (issue 26), shown on real MP4 files served over HTTP with byte ranges: 30 s,
 * 160x120 at 25 fps, H.264 with B-frames, AAC audio; one with its index at the end (the muxer's default) and a
 * keyframe every 48 frames, one with it at the front (faststart) and a keyframe every 12 frames. What is fetched must
 * be much less than the file, and
 * everything the pipeline reads of the sparse file must be what it reads of the real one: the probe (frame times
 * included), the window's decoded frames pixel for pixel, and the trimmed result with its audio byte for byte.
 */
class RangedTrimFetchTest {

    static final FetchPolicy LOCAL = FetchPolicy.defaults()
            .withAllowPrivateNetworks(true)
            .withTimeouts(Duration.ofSeconds(2), Duration.ofSeconds(5), Duration.ofSeconds(30));

    private static Path moovAtEnd;
    private static Path faststart;

    @TempDir
    Path dir;

    private LocalHttpServer server;

    @BeforeAll
    static void clips() {
        moovAtEnd = SpanClips.clip("ranged-moov-at-end", false, 48, 750);
        faststart = SpanClips.clip("ranged-faststart", true, 12, 750);
        List<Integer> keys = TrimClips.keyframes(moovAtEnd);
        // 14.0 s is frame 350, 0.56 s after its keyframe: more than the margin, so the plan must go back to it
        assertTrue(keys.contains(336) && keys.stream().noneMatch(k -> k > 336 && k <= 350), "keyframes " + keys);
    }

    @BeforeEach
    void start() throws IOException {
        server = new LocalHttpServer();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void twoSecondsInTheMiddleOfAFileWithItsIndexAtTheEnd() throws IOException {
        Fetched f = fetch(moovAtEnd, RangeServer.Mode.RANGES, 14.0, 16.0);
        assertTrue(f.result.bytes() < f.size() / 4, f.figures());
        assertSameAsTheWholeFile(f, new Trim(14.0, 16.0));
    }

    @Test
    void twoSecondsInTheMiddleOfAFaststartFile() throws IOException {
        Fetched f = fetch(faststart, RangeServer.Mode.RANGES, 14.0, 16.0);
        assertTrue(f.result.bytes() < f.size() / 4, f.figures());
        assertSameAsTheWholeFile(f, new Trim(14.0, 16.0));
    }

    @Test
    void aTrimFromTheStart() throws IOException {
        Fetched f = fetch(moovAtEnd, RangeServer.Mode.RANGES, 0.0, 2.0);
        assertTrue(f.result.bytes() < f.size() / 4, f.figures());
        assertSameAsTheWholeFile(f, new Trim(0.0, 2.0));
    }

    @Test
    void aTrimToTheEnd() throws IOException {
        Fetched f = fetch(faststart, RangeServer.Mode.RANGES, 27.5, null);
        assertTrue(f.result.bytes() < f.size() / 4, f.figures());
        assertSameAsTheWholeFile(f, new Trim(27.5, null));
    }

    @Test
    void aTrimPastTheEndIsStillFoundToBeOne() throws IOException {
        Fetched f = fetch(moovAtEnd, RangeServer.Mode.RANGES, 31.0, 33.0);
        assertTrue(f.result.bytes() < f.size() / 4, f.figures());
        VideoInfo sparse = VideoProbe.probe(f.target, VideoLimits.DEFAULT);
        assertEquals(VideoProbe.probe(moovAtEnd, VideoLimits.DEFAULT).frameCount(), sparse.frameCount());
        assertThrows(TrimPastEndException.class, () -> new Trim(31.0, 33.0).frames(sparse.timeline()));
    }

    @Test
    void aServerWithoutRangesGivesTheWholeFileInOneRequest() throws IOException {
        Fetched f = fetch(moovAtEnd, RangeServer.Mode.IGNORES_RANGES, 14.0, 16.0);
        assertEquals(f.size(), f.result.bytes(), f.figures());
        assertEquals(-1, Files.mismatch(moovAtEnd, f.target), "the file as a whole fetch stores it");
        assertEquals(1, f.server.ranges().size(), "the 200 answer to the first range request is kept");
    }

    @Test
    void aRangeAnsweredWithOtherBytesFallsBackToTheWholeFile() throws IOException {
        Fetched f = fetch(moovAtEnd, RangeServer.Mode.SHIFTS_LATER_RANGES, 14.0, 16.0);
        assertEquals(-1, Files.mismatch(moovAtEnd, f.target), "nothing placed on a wrong Content-Range");
        assertEquals("-", f.server.ranges().get(f.server.ranges().size() - 1), "ends with a plain GET");
    }

    @Test
    void aFileChangedBetweenRangesComesBackWhole() throws IOException {
        Fetched f = fetch(moovAtEnd, RangeServer.Mode.CHANGES_AFTER_FIRST, 14.0, 16.0);
        assertEquals(-1, Files.mismatch(moovAtEnd, f.target), "the new version, whole, nothing mixed");
        assertEquals(List.of("\"v1\""), f.server.ifRanges(), "later ranges are asked of the first version only");
        assertEquals(2, f.server.ranges().size(), "the stale range is answered with the whole file");
    }

    @Test
    void laterRangesGoWhereTheFirstRedirectLed() throws IOException {
        server.on("/go", ex -> SafeMediaFetcherTest.redirect(ex, 302, "/v.mp4"));
        RangeServer handler = new RangeServer(Files.readAllBytes(faststart), RangeServer.Mode.RANGES);
        server.on("/v.mp4", handler);

        FetchResult result = new SafeMediaFetcher(host -> List.of())
                .fetchWindow(server.uri("/go?sig=1").toString(), dir.resolve("v.mp4"), LOCAL, 14.0, 16.0);

        assertEquals(server.uri("/v.mp4"), result.finalUri());
        assertEquals("/go?sig=1", server.requests().get(0));
        assertEquals(
                List.of("/v.mp4"),
                server.requests().subList(1, server.requests().size()).stream()
                        .distinct()
                        .toList());
        assertTrue(handler.ranges().size() > 1 && !handler.ranges().contains("-"), "ranges only: " + handler.ranges());
    }

    @Test
    void damagedIndexesFallBackToTheWholeFileQuickly() throws IOException {
        byte[] clip = Files.readAllBytes(moovAtEnd);
        int moov = moovOffset(clip);
        byte[] lyingSize = clip.clone();
        java.nio.ByteBuffer.wrap(lyingSize).putInt(moov, 0x7fff_fff0);
        byte[] garbage = clip.clone();
        new Random(26).ints(moov + 8, clip.length).limit(4000).forEach(i -> garbage[i] = (byte) (i * 7));
        byte[] truncated = java.util.Arrays.copyOf(clip, moov + 1000);
        byte[] hugeCount = clip.clone();
        int stsz = indexOf(clip, "stsz", moov);
        java.nio.ByteBuffer.wrap(hugeCount).putInt(stsz + 8, 100).putInt(stsz + 12, 0xffff_fff0);

        for (byte[] damaged : List.of(lyingSize, garbage, truncated, hugeCount)) {
            Path file = dir.resolve("damaged.mp4");
            Files.write(file, damaged);
            org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(Duration.ofSeconds(20), () -> {
                Fetched f = fetch(file, RangeServer.Mode.RANGES, 14.0, 16.0);
                assertEquals(-1, Files.mismatch(file, f.target), "the whole file, as a plain fetch stores it");
                assertEquals("-", f.server.ranges().get(f.server.ranges().size() - 1), "ends with a plain GET");
            });
            server.close();
            server = new LocalHttpServer();
            Files.delete(dir.resolve("video.mp4"));
        }
    }

    private static int moovOffset(byte[] clip) {
        return indexOf(clip, "moov", 0) - 4;
    }

    private static int indexOf(byte[] bytes, String type, int from) {
        byte[] t = type.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
        for (int i = from; i + 4 <= bytes.length; i++) {
            if (bytes[i] == t[0] && bytes[i + 1] == t[1] && bytes[i + 2] == t[2] && bytes[i + 3] == t[3]) {
                return i;
            }
        }
        throw new AssertionError("no " + type);
    }

    /** Fetches the window of {@code clip} from a server in {@code mode}; prints the figures. */
    private Fetched fetch(Path clip, RangeServer.Mode mode, double start, Double end) throws IOException {
        RangeServer handler = new RangeServer(Files.readAllBytes(clip), mode);
        server.on("/v.mp4", handler);
        Path target = dir.resolve("video.mp4");
        FetchResult result = new SafeMediaFetcher(host -> List.of())
                .fetchWindow(server.uri("/v.mp4").toString(), target, LOCAL, start, end);
        Fetched f = new Fetched(clip, target, result, handler);
        System.out.printf("%s, window %.1f-%s s, %s: %s%n", clip.getFileName(), start, end, mode, f.figures());
        System.out.println("  requests: " + handler.ranges());
        if (mode != RangeServer.Mode.SHIFTS_LATER_RANGES) {
            assertEquals(result.bytes(), handler.sent(), "what the fetcher counts is what the server sent");
        } else {
            assertTrue(result.bytes() <= handler.sent(), "a refused answer's body is not read");
        }
        assertEquals(Files.size(clip), Files.size(target), "the file keeps its length");
        return f;
    }

    record Fetched(Path clip, Path target, FetchResult result, RangeServer server) {
        long size() {
            try {
                return Files.size(clip);
            } catch (IOException e) {
                throw new AssertionError(e);
            }
        }

        String figures() {
            return String.format(
                    "%d of %d bytes fetched (%.1f%%) in %d requests",
                    result.bytes(),
                    size(),
                    100.0 * result.bytes() / size(),
                    server.ranges().size());
        }
    }

    /** What the pipeline reads of the sparse file is what it reads of the original. */
    private void assertSameAsTheWholeFile(Fetched f, Trim trim) {
        assertNotEquals(-1, mismatch(f.clip, f.target), "holes, not the whole file");
        VideoInfo whole = VideoProbe.probe(f.clip, VideoLimits.DEFAULT);
        VideoInfo sparse = VideoProbe.probe(f.target, VideoLimits.DEFAULT);
        assertEquals(
                whole.toString().replace(whole.timeline().toString(), ""),
                sparse.toString().replace(sparse.timeline().toString(), ""),
                "the probe");
        assertArrayEquals(pts(whole.timeline()), pts(sparse.timeline()), "frame times");
        Trim.FrameRange range = trim.frames(whole.timeline());
        assertEquals(range, trim.frames(sparse.timeline()));
        try (FrameReader a = new FrameReader(f.clip, range.first(), 1, whole.timeline());
                FrameReader b = new FrameReader(f.target, range.first(), 1, sparse.timeline())) {
            for (long i = range.first(); i < range.end(); i++) {
                try (Mat x = a.next();
                        Mat y = b.next()) {
                    assertNotNull(y, "frame " + i + " of the sparse file");
                    assertEquals(0, opencv_core.norm(x, y, opencv_core.NORM_INF, null), 0, "frame " + i);
                }
            }
        }
        Path wholeOut = swap(f.clip, trim, "whole");
        Path sparseOut = swap(f.target, trim, "sparse");
        assertEquals(audioPackets(wholeOut), audioPackets(sparseOut), "the trimmed audio");
        assertEquals(-1, mismatch(wholeOut, sparseOut), "the trimmed results, byte for byte");
        System.out.printf(
                "  %d frames from %d, %d audio packets: identical%n",
                range.count(), range.first(), audioPackets(wholeOut).size());
    }

    private Path swap(Path video, Trim trim, String name) {
        Path out = dir.resolve(name + "-out.mp4");
        VideoSwapper.swapFile(
                video, out, () -> FrameProcessor.IDENTITY, 2, 16, VideoLimits.DEFAULT, trim, (d, t) -> {});
        return out;
    }

    private static long mismatch(Path a, Path b) {
        try {
            return Files.mismatch(a, b);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    private static long[] pts(FrameTimeline t) {
        long[] out = new long[t.frameCount()];
        for (int i = 0; i < out.length; i++) {
            out[i] = t.pts(i);
        }
        return out;
    }

    /** Each audio packet of a file as "pts:size:hash of its bytes". */
    static List<String> audioPackets(Path file) {
        List<String> out = new ArrayList<>();
        try (FFmpegFrameGrabber g = new FFmpegFrameGrabber(file.toFile())) {
            g.start();
            AVPacket p;
            while ((p = g.grabPacket()) != null) {
                if (p.stream_index() == g.getAudioStream()) {
                    byte[] data = new byte[p.size()];
                    p.data().get(data);
                    out.add(p.pts() + ":" + p.size() + ":" + java.util.Arrays.hashCode(data));
                }
                avcodec.av_packet_unref(p);
            }
            g.stop();
        } catch (org.bytedeco.javacv.FrameGrabber.Exception e) {
            throw new AssertionError(e);
        }
        return out;
    }
}
