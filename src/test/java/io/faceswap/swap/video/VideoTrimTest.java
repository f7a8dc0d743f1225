package io.faceswap.swap.video;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.faceswap.swap.FrameProcessor;
import io.faceswap.swap.testing.Remux;
import io.faceswap.swap.testing.TestVideos;
import io.faceswap.swap.testing.TrimClips;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.bytedeco.opencv.global.opencv_core;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Scalar;
import org.junit.jupiter.api.Test;

/**
 * Trimming (issue 26): only the frames from startSeconds to endSeconds come out, the first being the frame on screen
 * at startSeconds even between keyframes, timed from it, with the audio cut at the same times; phone rotation and
 * variable frame rates included. Frames are recognised by the index each carries ({@link TrimClips}).
 */
class VideoTrimTest {

    @Test
    void aRotatedPhoneClipTrimmedBetweenKeyframesStartsAtTheFrameAtStart() {
        Path in = TrimClips.phoneClip("trim-phone", 100, 2.0);
        List<Integer> keys = TrimClips.keyframes(in);
        assertTrue(keys.contains(24) && keys.contains(36) && !keys.contains(25), "keyframes " + keys);
        assertEquals(2.0, TrimClips.clickSeconds(in), 0.005, "the click in the input");

        Path out = trim(in, "trim-phone", new Trim(1.0, 3.0));

        VideoInfo info = VideoProbe.probe(out, VideoLimits.DEFAULT);
        assertEquals(Orientation.UPRIGHT, info.orientation());
        assertEquals(288, info.width());
        assertEquals(384, info.height());
        assertEquals(50, info.frameCount());
        assertEquals(2.0, info.timeline().seconds(), 0.001, "output duration");
        assertEquals(range(25, 75), indices(out), "input frames 25-74, in order");
        double click = TrimClips.clickSeconds(out);
        System.out.printf(
                "trim 1.0-3.0 of a rotated 25 fps clip: %d frames, %.3f s, first frame %d, click at %.4f s%n",
                info.frameCount(), info.timeline().seconds(), indices(out).get(0), click);
        assertEquals(1.0, click, 0.04, "the click at 2.0 s plays at 1.0 s, within a frame");
    }

    @Test
    void aVariableRateClipIsCutAtItsOwnFramesTimes() {
        // 25 fps for 2 s, then a frame every 120 ms: frames 50.. at 2.00, 2.12, 2.24, 2.36, 2.48, 2.60 ...
        Path cfr = TestVideos.write(
                "trim-vfr-source",
                240,
                120,
                25,
                67,
                TrimClips.click(2.6),
                TestVideos.Format.MP4,
                i -> {
                    Mat frame = new Mat(120, 240, opencv_core.CV_8UC3, new Scalar(90, 90, 90, 0));
                    TrimClips.mark(frame, i);
                    return frame;
                },
                r -> r.setGopSize(30));
        Path in = Remux.remux(cfr, "trim-vfr", i -> i < 50 ? i * 40_000 : 2_000_000 + (i - 50) * 120_000, 0);
        FrameTimeline timeline = VideoProbe.probe(in, VideoLimits.DEFAULT).timeline();

        Path out = trim(in, "trim-vfr", new Trim(2.5, 3.0)); // 2.5 shows frame 54 (2.48); 3.0 falls in frame 58's

        FrameTimeline t = VideoProbe.probe(out, VideoLimits.DEFAULT).timeline();
        assertEquals(range(54, 59), indices(out));
        for (int k = 0; k < 5; k++) {
            assertEquals(
                    Clips.time(timeline, 54 + k) - Clips.time(timeline, 54), Clips.time(t, k), 0.001, "frame " + k);
        }
        assertEquals(0.6, t.seconds(), 0.001, "from 2.48 to the end of frame 58 (3.08)");
        assertEquals(2.6 - 2.48, TrimClips.clickSeconds(out), 0.04, "audio in sync");
    }

    @Test
    void onlyAStartKeepsTheRestAndNoAudioIsFine() {
        Path in = TrimClips.phoneClip("trim-start-only", 50, 0.5);
        Path out = trim(in, "trim-start-only", new Trim(1.5, null));
        assertEquals(range(37, 50), indices(out));
        assertEquals(0.52, VideoProbe.probe(out, VideoLimits.DEFAULT).timeline().seconds(), 0.001);

        Path silent = TestVideos.write("trim-silent", 240, 120, 25, 50, false, TestVideos.Format.MP4, i -> {
            Mat frame = new Mat(120, 240, opencv_core.CV_8UC3, new Scalar(90, 90, 90, 0));
            TrimClips.mark(frame, i);
            return frame;
        });
        assertEquals(range(10, 20), indices(trim(silent, "trim-silent", new Trim(0.4, 0.8))));
    }

    @Test
    void framesOfATrimFollowTheTimeline() {
        // 25 fps in a 1/12800 time base, 100 frames: 4 s
        long[] pts = new long[100];
        for (int i = 0; i < pts.length; i++) {
            pts[i] = 1000 + i * 512L; // a start that is not 0 too
        }
        FrameTimeline t = new FrameTimeline(pts, 512, 1, 12_800);
        assertRange(25, 75, 2.0, new Trim(1.0, 3.0).frames(t));
        assertRange(25, 75, 2.0, new Trim(1.02, 2.99).frames(t)); // between frames
        assertRange(0, 100, 4.0, Trim.WHOLE.frames(t));
        assertRange(99, 100, 0.04, new Trim(3.97, null).frames(t));
        assertRange(10, 11, 0.04, new Trim(0.4, 0.41).frames(t)); // at least one frame
        assertRange(50, 100, 2.0, new Trim(2.0, 4.03).frames(t)); // within a frame of the end
        assertThrows(TrimPastEndException.class, () -> new Trim(1.0, 4.1).frames(t));
        assertThrows(TrimPastEndException.class, () -> new Trim(4.0, null).frames(t));
        assertEquals("TRIM_PAST_END", new TrimPastEndException("x").errorCode());
        assertThrows(IllegalArgumentException.class, () -> new Trim(-1, null));
        assertThrows(IllegalArgumentException.class, () -> new Trim(2, 2.0));
        assertTrue(Trim.of(null, null).whole());
        assertFalse(Trim.of(0.0, 3.0).whole());
    }

    private static void assertRange(long first, long end, double seconds, Trim.FrameRange range) {
        assertEquals(first, range.first(), range::toString);
        assertEquals(end, range.end(), range::toString);
        assertEquals(seconds, range.seconds(), 1e-9, range::toString);
    }

    private static Path trim(Path in, String name, Trim trim) {
        Path out = TestVideos.dir().resolve(name + "-out.mp4");
        VideoSwapper.swapFile(in, out, () -> FrameProcessor.IDENTITY, 2, 16, VideoLimits.DEFAULT, trim, (d, t) -> {});
        return out;
    }

    /** The index each frame of the (upright) file carries. */
    private static List<Integer> indices(Path file) {
        List<Integer> found = new ArrayList<>();
        try (FrameReader reader = new FrameReader(file, 0, 0)) {
            Mat frame;
            while ((frame = reader.next()) != null) {
                found.add(TrimClips.index(frame));
                frame.close();
            }
        }
        return found;
    }

    private static List<Integer> range(int from, int to) {
        List<Integer> r = new ArrayList<>();
        for (int i = from; i < to; i++) {
            r.add(i);
        }
        return r;
    }
}
