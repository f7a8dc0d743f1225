package io.faceswap.swap.video;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.faceswap.swap.testing.Measures;
import io.faceswap.swap.testing.TestImages;
import io.faceswap.swap.testing.TestVideos;
import java.nio.file.Path;
import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.opencv.global.opencv_core;
import org.bytedeco.opencv.global.opencv_imgproc;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Size;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Phone clips: stored sideways with a display matrix, read and written upright, with no rotation left. */
class VideoOrientationTest {

    static Mat upright() {
        try (Mat photo = TestImages.load(TestImages.ASTRONAUT)) {
            Mat m = new Mat();
            opencv_imgproc.resize(photo, m, new Size(120, 160)); // portrait
            return m;
        }
    }

    /**
     * Stored turned clockwise by {@code degrees}; JavaCV's display rotation (as ffprobe's "rotation") says to turn it
     * counter-clockwise by as much for display.
     */
    static Path storedTurned(int degrees) {
        Mat up = upright();
        Mat stored = new Mat();
        switch (degrees) {
            case 90 -> opencv_core.rotate(up, stored, opencv_core.ROTATE_90_CLOCKWISE);
            case 180 -> opencv_core.rotate(up, stored, opencv_core.ROTATE_180);
            default -> opencv_core.rotate(up, stored, opencv_core.ROTATE_90_COUNTERCLOCKWISE);
        }
        return TestVideos.write(
                "rotated-" + degrees,
                stored.cols(),
                stored.rows(),
                25,
                10,
                true,
                TestVideos.Format.MP4,
                i -> stored.clone(),
                r -> r.setDisplayRotation(degrees));
    }

    @ParameterizedTest
    @ValueSource(ints = {90, 180, 270})
    void framesAreReadAndWrittenUpright(int degrees) {
        Path in = storedTurned(degrees);
        VideoInfo info = VideoProbe.probe(in, VideoLimits.DEFAULT);
        assertEquals(120, info.width());
        assertEquals(160, info.height());
        Path out = Clips.identity(in, "rotated-" + degrees);
        VideoInfo o = VideoProbe.probe(out, VideoLimits.DEFAULT);
        assertEquals(Orientation.UPRIGHT, o.orientation(), "no rotation left in the result");
        assertEquals(120, o.width());
        assertEquals(160, o.height());
        try (Mat up = upright();
                FrameReader a = new FrameReader(in, 3, 1);
                FrameReader b = new FrameReader(out, 3, 1);
                Mat fa = a.next();
                Mat fb = b.next();
                Mat upsideDown = new Mat()) {
            opencv_core.rotate(up, upsideDown, opencv_core.ROTATE_180);
            assertTrue(Measures.psnr(up, fa) > 24, "input read upright: " + Measures.psnr(up, fa));
            assertTrue(Measures.psnr(up, fb) > 24, "result upright: " + Measures.psnr(up, fb));
            assertTrue(Measures.psnr(up, fb) > Measures.psnr(upsideDown, fb) + 6, "not upside down");
        }
    }

    /** Mirrors the ffmpeg command line's choice for every 90-degree matrix, flips included. */
    @Test
    void displayMatricesWithFlips() {
        assertEquals(Orientation.UPRIGHT, matrix(0, false, false));
        assertEquals(Orientation.MIRROR_X, matrix(0, true, false));
        assertEquals(Orientation.MIRROR_Y, matrix(0, false, true));
        assertEquals(Orientation.ROTATE_180, matrix(180, false, false));
        assertEquals(Orientation.CLOCKWISE, matrix(90, false, false));
        assertEquals(Orientation.COUNTER_CLOCKWISE, matrix(-90, false, false));
        assertEquals(Orientation.TRANSPOSE, matrix(90, true, false));
        assertEquals(Orientation.TRANSVERSE, matrix(-90, true, false));
        assertEquals(
                "UNSUPPORTED_ROTATION",
                assertThrows(UnsupportedOrientationException.class, () -> matrix(45, false, false))
                        .errorCode());
    }

    /** av_display_rotation_set's angle turns clockwise (its _get reports counter-clockwise). */
    private static Orientation matrix(double clockwise, boolean hflip, boolean vflip) {
        int[] m = new int[9];
        avutil.av_display_rotation_set(m, clockwise);
        avutil.av_display_matrix_flip(m, hflip ? 1 : 0, vflip ? 1 : 0);
        return Orientation.of(m);
    }
}
