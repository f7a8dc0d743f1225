package io.faceswap.swap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.faceswap.swap.face.FaceEmbedder;
import io.faceswap.swap.face.FaceFinder;
import io.faceswap.swap.face.FaceLandmarks;
import io.faceswap.swap.face.FaceSwapper;
import io.faceswap.swap.face.SourceFace;
import io.faceswap.swap.testing.Measures;
import io.faceswap.swap.testing.QualityFigures;
import io.faceswap.swap.testing.TestFinder;
import io.faceswap.swap.testing.TestImages;
import io.faceswap.swap.testing.TestVideos;
import io.faceswap.swap.video.CorruptVideoException;
import io.faceswap.swap.video.FrameReader;
import io.faceswap.swap.video.NoVideoStreamException;
import io.faceswap.swap.video.NotAVideoException;
import io.faceswap.swap.video.UnsupportedCodecException;
import io.faceswap.swap.video.VideoInfo;
import io.faceswap.swap.video.VideoLimits;
import io.faceswap.swap.video.VideoProbe;
import io.faceswap.swap.video.VideoSwapper;
import io.faceswap.swap.video.VideoTooLargeException;
import io.faceswap.swap.video.VideoTooLongException;
import java.nio.ShortBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.bytedeco.ffmpeg.global.avcodec;
import org.bytedeco.javacv.FFmpegFrameRecorder;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Rect;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The engine on whole clips: faces swapped where they are, nothing else touched, bad inputs refused. */
class EngineVideoTest {
    static final FaceFinder finder = TestFinder.shared();
    static SourceFace hopper;

    @BeforeAll
    static void load() {
        hopper = SourceFace.fromFile(TestImages.file(TestImages.GRACE_HOPPER), finder);
    }

    @AfterAll
    static void close() {
        hopper.close();
    }

    private static Path swap(Path clip, String name) {
        Path out = TestVideos.dir().resolve(name + "-swapped.mp4");
        VideoSwapper.swapFile(
                clip, out, () -> new FaceSwapper(hopper, false), 2, 30, VideoLimits.DEFAULT, (d, t) -> {});
        return out;
    }

    @Test
    void aMovingFaceIsSwappedInEveryFrameWhereItIs() {
        Path clip = TestVideos.movingFace(
                "engine-moving", TestImages.ASTRONAUT, 960, 540, 25, 100, true, TestVideos.Format.MP4);
        Path out = swap(clip, "engine-moving");
        VideoInfo in = VideoProbe.probe(clip, VideoLimits.DEFAULT);
        VideoInfo o = VideoProbe.probe(out, VideoLimits.DEFAULT);
        assertEquals(in.frameCount(), o.frameCount());
        assertEquals(in.audioDurationSeconds(), o.audioDurationSeconds(), 0.05);
        float[] source;
        try (Mat photo = TestImages.load(TestImages.GRACE_HOPPER)) {
            source = finder.largestIdentity(photo);
        }
        int checked = 0;
        int closerToSource = 0;
        double beforeToSource = 0, afterToSource = 0, afterToOriginal = 0;
        try (FrameReader a = new FrameReader(clip, 0, 1);
                FrameReader b = new FrameReader(out, 0, 1)) {
            for (int i = 0; i < 100; i++) {
                try (Mat before = a.next();
                        Mat after = b.next()) {
                    FaceLandmarks target = finder.find(before).get(0);
                    FaceLandmarks swapped = finder.find(after).get(0);
                    double[] box = target.bounds();
                    try (Rect r = new Rect(
                                    (int) box[0], (int) box[1], (int) (box[2] - box[0]), (int) (box[3] - box[1]));
                            Mat was = new Mat(before, r);
                            Mat now = new Mat(after, r)) {
                        assertTrue(Measures.psnr(was, now) < 28, "frame " + i + ": face changed");
                    }
                    // identity by face recognition (FaceEmbedder): the swapped face against the source photo's
                    // face and against the face it replaced
                    float[] original = finder.identity(before, target);
                    float[] now = finder.identity(after, swapped);
                    double toSource = FaceEmbedder.similarity(now, source);
                    double toOriginal = FaceEmbedder.similarity(now, original);
                    checked++;
                    closerToSource += toSource > toOriginal ? 1 : 0;
                    beforeToSource += FaceEmbedder.similarity(original, source);
                    afterToSource += toSource;
                    afterToOriginal += toOriginal;
                    double shift =
                            Math.hypot(swapped.centerX() - target.centerX(), swapped.centerY() - target.centerY());
                    assertTrue(shift < target.width() * 0.1, "frame " + i + ": face stayed, moved " + shift);
                    assertTrue(Measures.psnrOutside(before, after, target, 0.35) > 30, "frame " + i);
                }
            }
        }
        System.out.printf(
                "QUALITY identity, moving clip: %d of %d frames closer to the source; similarity to the source "
                        + "photo %.3f before the swap, %.3f after; to the face replaced %.3f after%n",
                closerToSource, checked, beforeToSource / checked, afterToSource / checked, afterToOriginal / checked);
        QualityFigures.check("identity.moving-clip.before", beforeToSource / checked);
        QualityFigures.check("identity.moving-clip.after", afterToSource / checked);
        assertTrue(closerToSource >= checked * 0.95, closerToSource + " of " + checked + " closer to the source");
    }

    @Test
    void framesWithoutAFacePassThroughNearlyUnchanged() {
        Path clip = TestVideos.noFace("engine-noface", 320, 240, 25, 30, false);
        Path out = swap(clip, "engine-noface");
        try (FrameReader a = new FrameReader(clip, 0, 1);
                FrameReader b = new FrameReader(out, 0, 1)) {
            for (int i = 0; i < 30; i++) {
                try (Mat before = a.next();
                        Mat after = b.next()) {
                    assertTrue(Measures.psnr(before, after) > 32, "frame " + i + " re-encoded only");
                }
            }
        }
    }

    @Test
    void bothFacesOfATwoFaceClipAreSwapped() {
        Path clip = TestVideos.twoFaces("engine-two", 640, 320, 25, 20);
        Path out = swap(clip, "engine-two");
        try (FrameReader a = new FrameReader(clip, 10, 1);
                FrameReader b = new FrameReader(out, 10, 1);
                Mat before = a.next();
                Mat after = b.next()) {
            List<FaceLandmarks> faces = finder.find(before);
            assertEquals(2, faces.size());
            for (FaceLandmarks f : faces) {
                double[] box = f.bounds();
                try (Rect r = new Rect((int) box[0], (int) box[1], (int) (box[2] - box[0]), (int) (box[3] - box[1]));
                        Mat was = new Mat(before, r);
                        Mat now = new Mat(after, r)) {
                    assertTrue(Measures.psnr(was, now) < 28, "face at x=" + (int) box[0] + " changed");
                }
            }
        }
    }

    /**
     * A still camera: the same picture every frame (re-encoded, so with coding noise). Jitter is the mean movement
     * of the landmarks used for the swap from one frame to the next; smoothing must reduce it.
     */
    @Test
    void smoothingReducesLandmarkJitterOnAStillClip() {
        Path clip = TestVideos.stillFace("engine-still", TestImages.ASTRONAUT, 480, 270, 25, 40);
        double raw = jitter(clip, false);
        double smooth = jitter(clip, true);
        System.out.printf("Landmark jitter on a still clip: %.3f px/frame raw, %.3f px/frame smoothed%n", raw, smooth);
        assertTrue(smooth < raw * 0.8, "smoothed " + smooth + " vs raw " + raw);
    }

    private static double jitter(Path clip, boolean smoothing) {
        double total = 0;
        int steps = 0;
        try (FrameReader reader = new FrameReader(clip, 0, 1);
                FaceSwapper swapper = new FaceSwapper(hopper, false, smoothing)) {
            float[] previous = null;
            Mat frame;
            for (long i = 0; (frame = reader.next()) != null; i++) {
                try (Mat f = frame) {
                    swapper.process(f, i);
                }
                float[] points = swapper.lastLandmarks().get(0).points();
                if (previous != null) {
                    double sum = 0;
                    for (int p = 0; p < 468; p++) {
                        sum += Math.hypot(points[3 * p] - previous[3 * p], points[3 * p + 1] - previous[3 * p + 1]);
                    }
                    total += sum / 468;
                    steps++;
                }
                previous = points;
            }
        }
        return total / steps;
    }

    @Test
    void badVideosHaveTheirOwnExceptions() throws Exception {
        Path dir = TestVideos.dir();
        Path empty = Files.write(dir.resolve("bad-empty.mp4"), new byte[0]);
        Path text = Files.writeString(dir.resolve("bad-text.mp4"), "this is not a video at all");
        Path image = TestImages.file(TestImages.ASTRONAUT);
        Path good = TestVideos.movingFace(
                "bad-source", TestImages.ASTRONAUT, 320, 240, 25, 50, false, TestVideos.Format.MKV);
        byte[] bytes = Files.readAllBytes(good);
        Path truncated =
                Files.write(dir.resolve("bad-truncated.mkv"), java.util.Arrays.copyOf(bytes, bytes.length / 2));
        Path audioOnly = dir.resolve("bad-audio-only.m4a");
        try (FFmpegFrameRecorder r = new FFmpegFrameRecorder(audioOnly.toFile(), 1)) {
            r.setFormat("mp4");
            r.setAudioCodec(avcodec.AV_CODEC_ID_AAC);
            r.setSampleRate(48000);
            r.start();
            r.recordSamples(48000, 1, ShortBuffer.wrap(new short[48000]));
            r.stop();
        }
        assertThrows(NotAVideoException.class, () -> VideoProbe.probe(empty, VideoLimits.DEFAULT));
        assertThrows(NotAVideoException.class, () -> VideoProbe.probe(text, VideoLimits.DEFAULT));
        assertThrows(NoVideoStreamException.class, () -> VideoProbe.probe(audioOnly, VideoLimits.DEFAULT));
        assertThrows(CorruptVideoException.class, () -> VideoProbe.probe(truncated, VideoLimits.DEFAULT));
        assertThrows(VideoTooLargeException.class, () -> VideoProbe.probe(good, new VideoLimits(300, 200, 600)));
        assertThrows(VideoTooLongException.class, () -> VideoProbe.probe(good, new VideoLimits(1920, 1080, 1)));
        assertEquals(
                "UNSUPPORTED_CODEC",
                assertThrows(
                                UnsupportedCodecException.class,
                                () -> VideoProbe.probe(TestVideos.unknownCodec("bad-codec"), VideoLimits.DEFAULT))
                        .errorCode());
        // a still image is a one-frame "video" to FFmpeg; the engine only takes it as a photo
        assertEquals(
                "NOT_A_VIDEO",
                assertThrows(NotAVideoException.class, () -> VideoProbe.probe(image, VideoLimits.DEFAULT))
                        .errorCode());
    }
}
