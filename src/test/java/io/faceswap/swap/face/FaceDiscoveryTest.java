package io.faceswap.swap.face;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.faceswap.swap.testing.TestFinder;
import io.faceswap.swap.testing.TestImages;
import org.bytedeco.opencv.global.opencv_imgproc;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Rect;
import org.bytedeco.opencv.opencv_core.Scalar;
import org.bytedeco.opencv.opencv_core.Size;
import org.junit.jupiter.api.Test;

/**
 * While a face is followed, new faces are still looked for ({@link FaceSwapper}): a near one is swapped within a
 * third of a second, a small distant one (found only by the full-range detector) within 2 s.
 */
class FaceDiscoveryTest {
    private static final int W = 1280, H = 720;
    static final FaceFinder finder = TestFinder.shared();

    @Test
    void aNearFaceIsSwappedWithinAThirdOfASecondAndADistantOneWithinTwoSeconds() {
        try (SourceFace source = SourceFace.fromFile(TestImages.file(TestImages.GRACE_HOPPER), finder);
                Mat astronaut = TestImages.load(TestImages.ASTRONAUT);
                Mat hopper = TestImages.load(TestImages.GRACE_HOPPER)) {
            // photo heights; the face is about half of it
            assertTrue(firstFrameWithTwo(source, astronaut, hopper, 400) <= 15 + 10, "a near face waited");
            int distant = 300; // the short-range detector misses it on a 720p frame, the full-range one finds it
            try (Mat frame = scene(astronaut, hopper, distant)) {
                assertEquals(1, finder.detect(frame, false).size(), "the short-range detector alone misses it");
                assertEquals(2, finder.detect(frame, true).size(), "the full-range detector finds it");
            }
            int found = firstFrameWithTwo(source, astronaut, hopper, distant);
            System.out.printf(
                    "QUALITY discovery: a face (photo %d px tall) appearing at frame 15 beside a followed one is swapped"
                            + " from frame %d (30 fps)%n",
                    distant, found);
            assertTrue(found <= 15 + 60, "a distant face waited until frame " + found);
        }
    }

    /** The first frame on which two faces are swapped: one followed from frame 0, the other shown from frame 15. */
    private static int firstFrameWithTwo(SourceFace source, Mat near, Mat second, int secondHeight) {
        try (FaceSwapper swapper = new FaceSwapper(source, false)) {
            for (int i = 0; i < 120; i++) {
                try (Mat frame = i < 15 ? scene(near, null, 0) : scene(near, second, secondHeight)) {
                    int faces = swapper.process(frame, i);
                    if (faces == 2) {
                        return i;
                    }
                    assertEquals(1, faces, "frame " + i);
                }
            }
        }
        return Integer.MAX_VALUE;
    }

    /** {@code near} over the left of a 720p frame at full height; {@code second}, if any, on the right. */
    private static Mat scene(Mat near, Mat second, int secondHeight) {
        Mat frame = new Mat(H, W, near.type(), new Scalar(90, 90, 90, 0));
        put(near, frame, 0, 0, H);
        if (second != null) {
            put(second, frame, W - secondHeight - 100, H / 3, secondHeight);
        }
        return frame;
    }

    private static void put(Mat photo, Mat frame, int x, int y, int height) {
        int width = (int) Math.round(photo.cols() * height / (double) photo.rows());
        try (Mat scaled = new Mat();
                Size size = new Size(width, height);
                Rect r = new Rect(x, y, width, height);
                Mat target = new Mat(frame, r)) {
            opencv_imgproc.resize(photo, scaled, size, 0, 0, opencv_imgproc.INTER_AREA);
            scaled.copyTo(target);
        }
    }
}
