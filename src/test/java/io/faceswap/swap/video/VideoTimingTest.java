package io.faceswap.swap.video;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.faceswap.swap.testing.Measures;
import io.faceswap.swap.testing.Remux;
import io.faceswap.swap.testing.TestImages;
import io.faceswap.swap.testing.TestVideos;
import java.nio.file.Path;
import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.opencv.opencv_core.Mat;
import org.junit.jupiter.api.Test;

/** Variable frame rates: every frame keeps its time, audio stays in sync, reading from any frame is exact. */
class VideoTimingTest {

    /** The issue's clip: 4 s, 67 frames, 25 fps for 2 s then 8.3 fps. */
    static Path issueClip() {
        Path cfr = TestVideos.movingFace(
                "vfr67-source", TestImages.ASTRONAUT, 160, 120, 25, 67, false, TestVideos.Format.MP4);
        Path tone = TestVideos.noFace("vfr67-tone", 160, 120, 1, 4, true);
        return Remux.remux(cfr, "vfr67", i -> i < 50 ? i * 40_000 : 2_000_000 + (i - 50) * 120_000, 0, tone);
    }

    @Test
    void aVariableRateClipKeepsEveryFramesTimeAndPicture() {
        Path in = issueClip();
        VideoInfo info = VideoProbe.probe(in, VideoLimits.DEFAULT);
        assertEquals(67, info.frameCount());
        assertEquals(67 / 4.0, info.frameRate(), 0.3, "average rate");
        Path out = Clips.identity(in, "vfr67"); // 2 workers: a range starts mid-clip, in the slow part
        FrameTimeline a = info.timeline();
        FrameTimeline b = VideoProbe.probe(out, VideoLimits.DEFAULT).timeline();
        assertEquals(67, b.frameCount());
        for (int i = 0; i < 67; i++) {
            assertEquals(Clips.time(a, i), Clips.time(b, i), 0.001, "frame " + i);
        }
        VideoPipelineTest.assertFramesClose(in, out, 0, 67, 30);
    }

    @Test
    void readingFromAnyFrameOfAVariableRateClipGivesExactlyThatFrame() {
        Path in = issueClip();
        for (long start : new long[] {1, 33, 49, 50, 51, 60, 66}) {
            try (FrameReader sequential = new FrameReader(in, 0, 1);
                    FrameReader seeking = new FrameReader(in, start, 1)) {
                for (long i = 0; i < start; i++) {
                    sequential.next().close();
                }
                try (Mat expected = sequential.next();
                        Mat actual = seeking.next()) {
                    assertTrue(Measures.psnr(expected, actual) > 60, "frame " + start);
                }
            }
        }
    }

    /** 60 s alternating 25 fps and 5 fps every 5 s: audio and video end together after the round trip. */
    @Test
    void audioStaysInSyncOverAMinuteOfVariableRate() {
        long[] times = new long[901];
        long t = 0;
        for (int i = 0; i < times.length; i++) {
            times[i] = t;
            boolean fast = i % 150 < 125; // 125 frames in 5 s, then 25 frames in 5 s
            t += fast ? 40_000 : 200_000;
        }
        Path cfr = TestVideos.noFace("vfr60-source", 160, 120, 25, 900, false);
        Path tone = TestVideos.noFace("vfr60-tone", 160, 120, 1, 60, true);
        Path in = Remux.remux(cfr, "vfr60", i -> times[(int) i], 0, tone);
        VideoInfo i = VideoProbe.probe(in, VideoLimits.DEFAULT);
        assertEquals(60, i.durationSeconds(), 0.3);
        Path out = Clips.identity(in, "vfr60");
        VideoInfo o = VideoProbe.probe(out, VideoLimits.DEFAULT);
        double frame = 1 / 25.0;
        double inEnd = Clips.time(i.timeline(), 899)
                - i.audioDurationSeconds()
                - (Clips.start(in, avutil.AVMEDIA_TYPE_AUDIO) - Clips.start(in, avutil.AVMEDIA_TYPE_VIDEO));
        double outEnd = Clips.time(o.timeline(), 899)
                - o.audioDurationSeconds()
                - (Clips.start(out, avutil.AVMEDIA_TYPE_AUDIO) - Clips.start(out, avutil.AVMEDIA_TYPE_VIDEO));
        System.out.printf("A/V offset at the end: input %.4f s, output %.4f s%n", inEnd, outEnd);
        assertEquals(inEnd, outEnd, frame, "A/V offset at the end changed by more than one frame");
        for (int k = 0; k < 900; k++) {
            assertEquals(Clips.time(i.timeline(), k), Clips.time(o.timeline(), k), 0.001, "frame " + k);
        }
    }

    @Test
    void aConstantRateClipStaysConstant() {
        Path in = TestVideos.noFace("cfr-30", 160, 120, 30, 45, true);
        VideoInfo i = VideoProbe.probe(in, VideoLimits.DEFAULT);
        assertEquals(30, i.frameRate(), 1e-9);
        VideoInfo o = VideoProbe.probe(Clips.identity(in, "cfr-30"), VideoLimits.DEFAULT);
        assertEquals(30, o.frameRate(), 0.01);
        for (int k = 0; k < 45; k++) {
            assertEquals(k / 30.0, Clips.time(o.timeline(), k), 0.001);
        }
    }
}
