package io.faceswap.swap.video;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.faceswap.swap.SwapException;
import io.faceswap.swap.testing.Remux;
import io.faceswap.swap.testing.TestVideos;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** Hostile or oversized video: refused with its own code before any frame is decoded. */
class VideoLimitsTest {

    private static String code(Path file, VideoLimits limits) {
        return assertThrows(SwapException.class, () -> VideoProbe.probe(file, limits))
                .errorCode();
    }

    /** An HLS playlist saved as .mp4 naming a local file: the hls demuxer is not on the whitelist. */
    @Test
    void playlistsAreNotOpened() throws Exception {
        Path target =
                TestVideos.noFace("playlist-target", 160, 120, 25, 10, false).toAbsolutePath();
        Path playlist = Files.writeString(
                TestVideos.dir().resolve("playlist.mp4"),
                "#EXTM3U\n" + "#EXT-X-TARGETDURATION:1\n#EXTINF:1.0,\n" + target + "\n#EXT-X-ENDLIST\n",
                StandardCharsets.UTF_8);
        assertEquals("NOT_A_VIDEO", code(playlist, VideoLimits.DEFAULT));
        Path concat = Files.writeString(
                TestVideos.dir().resolve("concat.mkv"),
                "ffconcat version 1.0\nfile '" + target + "'\n",
                StandardCharsets.UTF_8);
        assertEquals("NOT_A_VIDEO", code(concat, VideoLimits.DEFAULT));
    }

    /** The clip: 2 s at 1000 fps, declared as something else. */
    @Test
    void framesTooDenseAreRefused() {
        Path source = TestVideos.noFace("dense-source", 160, 120, 25, 200, false);
        Path dense = Remux.remux(source, "dense", i -> i * 10_000, 0); // 100 fps: accepted
        assertEquals(200, VideoProbe.probe(dense, VideoLimits.DEFAULT).frameCount());
        Path tooDense = Remux.remux(source, "too-dense", i -> i * 1_000, 0); // 1000 fps
        assertEquals("VIDEO_TOO_MANY_FRAMES", code(tooDense, VideoLimits.DEFAULT));
    }

    @Test
    void tooManyFramesAreRefused() {
        Path clip = TestVideos.noFace("many", 160, 120, 25, 30, false);
        assertEquals("VIDEO_TOO_MANY_FRAMES", code(clip, new VideoLimits(1920, 1080, 600, 120, 29)));
        assertEquals(
                30,
                VideoProbe.probe(clip, new VideoLimits(1920, 1080, 600, 120, 30))
                        .frameCount());
    }

    @Test
    void bitrateHasAFloorAndACeiling() {
        assertEquals(VideoInfo.MIN_BITRATE, info(160, 120, 25, 50_000).encodeBitrate(), "small inputs not blocky");
        long hd = info(1280, 720, 30, 0).encodeBitrate();
        assertEquals(Math.round(1280 * 720 * 30 * VideoInfo.MIN_BITS_PER_PIXEL), hd);
        assertEquals(
                Math.round(1280 * 720 * 30 * VideoInfo.MAX_BITS_PER_PIXEL),
                info(1280, 720, 30, 500_000_000).encodeBitrate(),
                "a huge declared rate is capped");
        assertEquals(VideoInfo.MAX_BITRATE, info(1920, 1080, 120, 900_000_000).encodeBitrate());
        assertEquals(4_000_000, info(1280, 720, 30, 4_000_000).encodeBitrate(), "in between: the input's");
    }

    private static VideoInfo info(int w, int h, double fps, long bitrate) {
        return new VideoInfo(w, h, fps, 100, 100 / fps, "h264", bitrate, false, null, 0, Orientation.UPRIGHT, 1, null);
    }
}
