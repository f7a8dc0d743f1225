package io.faceswap.swap.face;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.faceswap.swap.testing.TestFinder;
import io.faceswap.swap.testing.TestImages;
import org.bytedeco.opencv.global.opencv_core;
import org.bytedeco.opencv.global.opencv_imgproc;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Rect;
import org.bytedeco.opencv.opencv_core.Scalar;
import org.junit.jupiter.api.Test;

/** The swapped face's colour against the target's skin (issue 11, item 5), printed as {@code QUALITY} lines. */
class ColourCastTest {
    static final FaceFinder finder = TestFinder.shared();

    /**
     * Colour cast: the chroma (a, b in Lab) of the cheeks in the output against the target's, on the photos and on
     * a cartoon-like target (flat colours, as in an animated film, where the old statistics gave an orange cast).
     * Before the skin-only robust statistics: 5.5 on the photo, 6.2 on the cartoon; after: 2.6 and 5.3. The
     * cartoon made here (OpenCV's stylization) did not reproduce the orange cast with the old code either,
     * so its limit only guards against a gross one.
     */
    @Test
    void theSwappedFaceTakesTheTargetsSkinColourWithoutACast() {
        try (Mat astronaut = TestImages.load(TestImages.ASTRONAUT);
                Mat cartoon = new Mat()) {
            org.bytedeco.opencv.global.opencv_photo.stylization(astronaut, cartoon, 60, 0.45f);
            double photo = cast(TestImages.load(TestImages.ASTRONAUT), "photo");
            double flat = cast(cartoon.clone(), "cartoon");
            assertTrue(photo < 4, "cast on the photo " + photo);
            assertTrue(flat < 7, "cast on the cartoon " + flat);
        }
    }

    private double cast(Mat target, String name) {
        try (SourceFace source = SourceFace.fromFile(TestImages.file(TestImages.GRACE_HOPPER), finder);
                Mat t = target;
                Mat output = t.clone();
                FaceSwapper swapper = new FaceSwapper(source, true)) {
            swapper.process(output, 0);
            FaceLandmarks face = finder.find(t).get(0);
            QualityImages.saveCloseUp(output, face, "quality-cast-" + name + "-closeup.png");
            double sum = 0;
            for (int cheek : new int[] {50, 280}) {
                double[] a = meanLab(t, face, cheek), b = meanLab(output, face, cheek);
                sum += Math.hypot(a[1] - b[1], a[2] - b[2]) / 2;
            }
            System.out.printf("QUALITY cast on %s: cheek chroma off the target's by %.2f%n", name, sum);
            return sum;
        }
    }

    /** Mean Lab (L 0-100) in a square of 8 % of the face width around a landmark. */
    private static double[] meanLab(Mat bgr, FaceLandmarks face, int point) {
        int r = (int) Math.max(2, face.width() * 0.04);
        try (Rect box = new Rect((int) face.x(point) - r, (int) face.y(point) - r, 2 * r, 2 * r);
                Mat patch = new Mat(bgr, box);
                Mat f = new Mat()) {
            patch.convertTo(f, opencv_core.CV_32F, 1 / 255.0, 0);
            opencv_imgproc.cvtColor(f, f, opencv_imgproc.COLOR_BGR2Lab);
            Scalar m = opencv_core.mean(f);
            return new double[] {m.get(0), m.get(1), m.get(2)};
        }
    }
}
