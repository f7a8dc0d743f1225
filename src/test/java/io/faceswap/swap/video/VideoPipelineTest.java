package io.faceswap.swap.video;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.faceswap.swap.FrameProcessor;
import io.faceswap.swap.testing.Measures;
import io.faceswap.swap.testing.TestImages;
import io.faceswap.swap.testing.TestVideos;
import java.nio.file.Files;
import java.nio.file.Path;
import org.bytedeco.opencv.opencv_core.Mat;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Decode, process in ranges, encode segments, assemble with the audio: lengths, rates and pictures survive. */
class VideoPipelineTest {
    static Path clip;

    @BeforeAll
    static void makeClip() {
        clip = TestVideos.movingFace("pipeline", TestImages.ASTRONAUT, 320, 240, 25, 60, true, TestVideos.Format.MP4);
    }

    @Test
    void identityProcessingKeepsFrameCountRateSizeAndAudio() throws Exception {
        Path out = TestVideos.dir().resolve("pipeline-identity.mp4");
        VideoSwapper.Result result = VideoSwapper.swapFile(
                clip, out, () -> FrameProcessor.IDENTITY, 2, 16, VideoLimits.DEFAULT, (d, t) -> {});
        VideoInfo in = VideoProbe.probe(clip, VideoLimits.DEFAULT);
        VideoInfo o = VideoProbe.probe(out, VideoLimits.DEFAULT);
        assertEquals(60, in.frameCount());
        assertEquals(in.frameCount(), o.frameCount());
        assertEquals(in.frameRate(), o.frameRate(), 0.01);
        assertEquals(in.width(), o.width());
        assertEquals(in.height(), o.height());
        assertTrue(o.hasAudio());
        assertEquals("aac", o.audioCodec());
        assertEquals(in.audioDurationSeconds(), o.audioDurationSeconds(), 0.05);
        assertEquals(60, result.frames());
        assertFramesClose(clip, out, 0, 60, 30);
    }

    @Test
    void rangesProcessedSeparatelyAssembleToTheSingleRunResult() throws Exception {
        VideoInfo info = VideoProbe.probe(clip, VideoLimits.DEFAULT);
        Path dir = Files.createDirectories(TestVideos.dir().resolve("ranges"));
        try (var files = Files.list(dir)) {
            for (Path p : files.toList()) {
                Files.delete(p);
            }
        }
        // out of order, uneven, with a stale overlapping leftover that must not be used twice
        VideoSwapper.swapRange(clip, info, 40, 60, 7, new MarkProcessor(), dir, n -> {});
        VideoSwapper.swapRange(clip, info, 0, 40, 16, new MarkProcessor(), dir, n -> {});
        VideoSwapper.swapRange(clip, info, 16, 20, 4, new MarkProcessor(), dir, n -> {});
        Path split = TestVideos.dir().resolve("pipeline-split.mp4");
        SegmentAssembler.assemble(Segments.chain(dir, 60), clip, split);
        Path single = TestVideos.dir().resolve("pipeline-single.mp4");
        VideoSwapper.swapFile(clip, single, MarkProcessor::new, 1, 60, VideoLimits.DEFAULT, (d, t) -> {});
        assertEquals(60, VideoProbe.probe(split, VideoLimits.DEFAULT).frameCount());
        assertFramesClose(single, split, 0, 60, 30);
        // and the processor really changed the frames
        try (FrameReader a = new FrameReader(clip, 10, 1);
                FrameReader b = new FrameReader(split, 10, 1);
                Mat fa = a.next();
                Mat fb = b.next()) {
            assertTrue(Measures.psnr(fa, fb) < 25);
        }
    }

    @Test
    void readingFromAnyFrameGivesExactlyThatFrame() {
        for (long start : new long[] {0, 1, 13, 37, 59}) {
            try (FrameReader sequential = new FrameReader(clip, 0, 1);
                    FrameReader seeking = new FrameReader(clip, start, 1)) {
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

    @ParameterizedTest
    @EnumSource(TestVideos.Format.class)
    void everyContainerDecodesAndAssembles(TestVideos.Format format) {
        Path in = TestVideos.movingFace("container", TestImages.GRACE_HOPPER, 320, 240, 24, 30, true, format);
        Path out = TestVideos.dir().resolve("container-" + format.extension() + "-out.mp4");
        VideoSwapper.swapFile(in, out, () -> FrameProcessor.IDENTITY, 2, 10, VideoLimits.DEFAULT, (d, t) -> {});
        VideoInfo i = VideoProbe.probe(in, VideoLimits.DEFAULT);
        VideoInfo o = VideoProbe.probe(out, VideoLimits.DEFAULT);
        assertEquals(30, i.frameCount(), format.name());
        assertEquals(i.frameCount(), o.frameCount());
        assertTrue(o.hasAudio(), format.name());
        assertEquals(i.audioDurationSeconds(), o.audioDurationSeconds(), 0.1, format.name());
    }

    static void assertFramesClose(Path a, Path b, long from, long to, double minPsnr) {
        try (FrameReader ra = new FrameReader(a, from, 1);
                FrameReader rb = new FrameReader(b, from, 1)) {
            for (long i = from; i < to; i++) {
                try (Mat fa = ra.next();
                        Mat fb = rb.next()) {
                    assertTrue(Measures.psnr(fa, fb) > minPsnr, "frame " + i + " PSNR " + Measures.psnr(fa, fb));
                }
            }
        }
    }

    /** Inverts the left half: a visible, deterministic change. */
    static final class MarkProcessor implements FrameProcessor {
        @Override
        public int process(Mat frame, long index) {
            try (Mat left =
                    new Mat(frame, new org.bytedeco.opencv.opencv_core.Rect(0, 0, frame.cols() / 2, frame.rows()))) {
                org.bytedeco.opencv.global.opencv_core.bitwise_not(left, left);
            }
            return 0;
        }

        @Override
        public void close() {}
    }
}
