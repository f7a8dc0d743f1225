package io.faceswap.swap.face;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.faceswap.swap.testing.TestFinder;
import io.faceswap.swap.testing.TestImages;
import org.bytedeco.opencv.global.opencv_imgproc;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Rect;
import org.bytedeco.opencv.opencv_core.Size;
import org.junit.jupiter.api.Test;

/**
 * Where a small source face stops giving a good swap, which sets {@link SourceChecks#MIN_FACE_WIDTH}. The Grace
 * Hopper photo, made a third wider, is scaled down (area averaging, as a camera further away would see it) until its face has a given
 * width, then swapped onto the astronaut at twice her size (a face about 230 px wide, like a close-up in a 720p
 * clip). Printed per width: sharpness (mean gradient magnitude inside the swapped face, against the swap from the
 * full-size photo) and identity ({@link FaceShape} distance of the output to the full-size source's, and to the
 * target's).
 */
class SourceFaceSizeTest {
    static final FaceFinder finder = TestFinder.shared();

    @Test
    void measureSwapQualityAgainstSourceFaceWidth() {
        try (Mat photo = TestImages.load(TestImages.GRACE_HOPPER);
                Mat astronaut = TestImages.load(TestImages.ASTRONAUT);
                Mat target = new Mat();
                Mat hopper = new Mat()) {
            opencv_imgproc.resize(astronaut, target, new Size(1024, 1024), 0, 0, opencv_imgproc.INTER_CUBIC);
            // a third wider: proportions clearly not the target's, so identity can be told (see SwapQualityTest)
            opencv_imgproc.resize(photo, hopper, new Size(680, 512), 0, 0, opencv_imgproc.INTER_AREA);
            FaceLandmarks targetFace = finder.find(target).get(0);
            double fullWidth = SourceChecks.faceWidth(finder.find(hopper).get(0).points());
            FaceShape fullShape = FaceShape.of(finder.find(hopper).get(0));
            double reference = 0;
            java.util.List<double[]> accepted = new java.util.ArrayList<>();
            System.out.println(
                    "QUALITY source face width | sharpness vs full size (mean gradient) | to source | to target");
            for (int width : new int[] {0, 200, 140, 100, 80, 60, 45, 30}) {
                double scale = width == 0 ? 1 : width / fullWidth;
                Mat small = new Mat();
                opencv_imgproc.resize(
                        hopper,
                        small,
                        new Size((int) Math.round(hopper.cols() * scale), (int) Math.round(hopper.rows() * scale)),
                        0,
                        0,
                        opencv_imgproc.INTER_AREA);
                SourceFace found;
                try {
                    found = SourceFace.unchecked(small, finder);
                } catch (NoFaceInImageException e) {
                    System.out.printf("QUALITY %4d px | no face found in the scaled photo%n", width);
                    continue;
                }
                try (SourceFace source = found;
                        Mat out = target.clone();
                        FaceSwapper swapper = new FaceSwapper(source, true)) {
                    swapper.process(out, 0);
                    double sharp = sharpness(out, targetFace);
                    reference = width == 0 ? sharp : reference;
                    java.util.List<FaceLandmarks> after = finder.find(out);
                    if (after.isEmpty()) {
                        System.out.printf("QUALITY %4d px | no face found in the output%n", width);
                        continue;
                    }
                    FaceShape shape = FaceShape.of(after.get(0));
                    System.out.printf(
                            "QUALITY %4.0f px | %.2f (%.2f) | %.4f | %.4f%n",
                            SourceChecks.faceWidth(source.points()),
                            sharp / reference,
                            sharp,
                            shape.distance(fullShape),
                            shape.distance(FaceShape.of(targetFace)));
                    double[] b = targetFace.bounds();
                    try (Rect face = new Rect(
                                    (int) b[0] - 20,
                                    (int) b[1] - 40,
                                    (int) (b[2] - b[0]) + 40,
                                    (int) (b[3] - b[1]) + 60);
                            Mat crop = new Mat(out, face)) {
                        TestImages.save(crop, "size-" + width + ".png");
                    }
                    if (SourceChecks.faceWidth(source.points()) >= SourceChecks.MIN_FACE_WIDTH) {
                        accepted.add(new double[] {
                            width,
                            sharp / reference,
                            shape.distance(fullShape),
                            shape.distance(FaceShape.of(targetFace))
                        });
                    }
                }
            }
            // every size the check accepts keeps most of the sharpness and the source's proportions
            for (double[] row : accepted) {
                assertTrue(row[1] > 0.7, "sharp enough at " + row[0] + " px: " + row[1]);
                assertTrue(row[2] < row[3], "identity at " + row[0] + " px");
            }
        }
    }

    @Test
    void aFaceUnderTheMinimumIsRefusedWithItsSizeAndTheSizeNeeded() {
        try (Mat hopper = TestImages.load(TestImages.GRACE_HOPPER)) {
            double fullWidth = SourceChecks.faceWidth(finder.find(hopper).get(0).points());
            Mat small = new Mat();
            double scale = 50 / fullWidth;
            opencv_imgproc.resize(
                    hopper,
                    small,
                    new Size((int) (hopper.cols() * scale), (int) (hopper.rows() * scale)),
                    0,
                    0,
                    opencv_imgproc.INTER_AREA);
            SourceFaceTooSmallException e =
                    assertThrows(SourceFaceTooSmallException.class, () -> SourceFace.fromImage(small, finder));
            assertEquals("SOURCE_FACE_TOO_SMALL", e.errorCode());
            System.out.println("QUALITY refused: " + e.getMessage());
            assertTrue(
                    e.getMessage()
                            .matches(".* (4[6-9]|5[0-4]) px wide; at least " + SourceChecks.MIN_FACE_WIDTH + " px .*"),
                    e.getMessage());
        }
    }

    /** Mean gradient magnitude (Sobel) of the grey picture inside the face's box, minus its outer tenth. */
    private static double sharpness(Mat image, FaceLandmarks face) {
        double[] b = face.bounds();
        int mx = (int) ((b[2] - b[0]) * 0.1), my = (int) ((b[3] - b[1]) * 0.1);
        try (Rect r = new Rect(
                        (int) b[0] + mx, (int) b[1] + my, (int) (b[2] - b[0]) - 2 * mx, (int) (b[3] - b[1]) - 2 * my);
                Mat crop = new Mat(image, r);
                Mat grey = new Mat();
                Mat gx = new Mat();
                Mat gy = new Mat();
                Mat mag = new Mat()) {
            opencv_imgproc.cvtColor(crop, grey, opencv_imgproc.COLOR_BGR2GRAY);
            opencv_imgproc.Sobel(grey, gx, org.bytedeco.opencv.global.opencv_core.CV_32F, 1, 0);
            opencv_imgproc.Sobel(grey, gy, org.bytedeco.opencv.global.opencv_core.CV_32F, 0, 1);
            org.bytedeco.opencv.global.opencv_core.magnitude(gx, gy, mag);
            return org.bytedeco.opencv.global.opencv_core.mean(mag).get(0);
        }
    }
}
