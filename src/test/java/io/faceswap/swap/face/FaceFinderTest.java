package io.faceswap.swap.face;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.faceswap.swap.testing.TestFinder;
import io.faceswap.swap.testing.TestImages;
import java.util.List;
import org.bytedeco.opencv.global.opencv_core;
import org.bytedeco.opencv.global.opencv_imgproc;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Point;
import org.bytedeco.opencv.opencv_core.Scalar;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class FaceFinderTest {
    static final FaceFinder finder = TestFinder.shared();

    @ParameterizedTest
    @ValueSource(strings = {TestImages.ASTRONAUT, TestImages.GRACE_HOPPER})
    void findsExactlyOneFaceWithLandmarksOnItsEyes(String photo) {
        try (Mat image = TestImages.load(photo)) {
            List<Detection> detections = finder.detect(image);
            assertEquals(1, detections.size(), detections::toString);
            Detection d = detections.get(0);
            // the eye keypoints lie inside the box, the subject's right eye on the image's left
            for (int k = 0; k < 2; k++) {
                assertTrue(d.keypointX(k) > d.x() && d.keypointX(k) < d.x() + d.width());
                assertTrue(d.keypointY(k) > d.y() && d.keypointY(k) < d.y() + d.height());
            }
            assertTrue(d.keypointX(0) < d.keypointX(1));

            List<FaceLandmarks> faces = finder.find(image);
            assertEquals(1, faces.size());
            FaceLandmarks f = faces.get(0);
            assertEquals(468, f.count());
            // the mesh's outer eye corners sit near the detector's eye keypoints (within a third of the eye gap)
            double gap = Math.hypot(d.keypointX(1) - d.keypointX(0), d.keypointY(1) - d.keypointY(0));
            double rightEyeX = (f.x(33) + f.x(133)) / 2, rightEyeY = (f.y(33) + f.y(133)) / 2;
            double leftEyeX = (f.x(263) + f.x(362)) / 2, leftEyeY = (f.y(263) + f.y(362)) / 2;
            assertTrue(Math.hypot(rightEyeX - d.keypointX(0), rightEyeY - d.keypointY(0)) < gap / 3);
            assertTrue(Math.hypot(leftEyeX - d.keypointX(1), leftEyeY - d.keypointY(1)) < gap / 3);
            // the nose tip is between the eyes horizontally and below them
            assertTrue(f.x(1) > f.x(33) && f.x(1) < f.x(263));
            assertTrue(f.y(1) > f.y(33) && f.y(152) > f.y(1));
            drawDebug(image, f, "landmarks-" + photo.substring(6, 12) + ".png");
        }
    }

    @Test
    void blankAndNoiseImagesHaveNoFace() {
        try (Mat blank = new Mat(360, 640, opencv_core.CV_8UC3, new Scalar(90, 120, 150, 0));
                Mat noise = new Mat(360, 640, opencv_core.CV_8UC3)) {
            opencv_core.randu(
                    noise,
                    new Mat(1, 1, opencv_core.CV_64F, new Scalar(0)),
                    new Mat(1, 1, opencv_core.CV_64F, new Scalar(255)));
            assertTrue(finder.find(blank).isEmpty());
            assertTrue(finder.find(noise).isEmpty());
        }
    }

    private static void drawDebug(Mat image, FaceLandmarks f, String name) {
        try (Mat copy = image.clone();
                Scalar green = new Scalar(0, 255, 0, 0)) {
            for (int i = 0; i < f.count(); i++) {
                opencv_imgproc.circle(copy, new Point((int) f.x(i), (int) f.y(i)), 1, green, -1, 8, 0);
            }
            TestImages.save(copy, name);
        }
    }
}
