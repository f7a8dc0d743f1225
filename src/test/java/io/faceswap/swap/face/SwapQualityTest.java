package io.faceswap.swap.face;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.faceswap.swap.testing.Measures;
import io.faceswap.swap.testing.TestImages;
import java.util.List;
import org.bytedeco.opencv.global.opencv_core;
import org.bytedeco.opencv.global.opencv_imgproc;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Rect;
import org.bytedeco.opencv.opencv_core.Scalar;
import org.bytedeco.opencv.opencv_core.Size;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The swap's quality as numbers (issue 11, item 6), printed as {@code QUALITY ...} lines: seams, flicker on a still
 * camera, identity and face coverage on a moving face. Frames are made in memory (no video codec), so the scores
 * measure the face engine alone.
 */
class SwapQualityTest {
    static FaceFinder finder;

    @BeforeAll
    static void load() {
        finder = new FaceFinder();
    }

    @AfterAll
    static void close() {
        finder.close();
    }

    /** Seam: the colour step the blend adds across the mask's outline; see {@link SeamScore}. */
    @Test
    void theMaskOutlineLeavesNoVisibleStep() {
        for (SeamScore.Result r : new SeamScore.Result[] {
                seam(TestImages.GRACE_HOPPER, TestImages.ASTRONAUT, "hopper-on-astronaut"),
                seam(TestImages.ASTRONAUT, TestImages.GRACE_HOPPER, "astronaut-on-hopper")}) {
            assertTrue(r.forehead() < SEAM_FOREHEAD_LIMIT && r.all() < SEAM_MEAN_LIMIT, r.toString());
        }
    }

    /**
     * Before the blend was reworked: forehead 37.2 and 26.7, mean 21.5 and 16.4 (the hard line at the top of the
     * forehead); after: forehead 21.9 and 11.6, mean 15.8 and 10.3.
     */
    private static final double SEAM_FOREHEAD_LIMIT = 25;
    private static final double SEAM_MEAN_LIMIT = 18;

    /**
     * Colour cast: the chroma (a, b in Lab) of the cheeks in the output against the target's, on the photos and on
     * a cartoon-like target (flat colours, as in an animated film, where the old statistics gave an orange cast).
     * Before the skin-only robust statistics: 5.5 on the photo, 6.2 on the cartoon; after: 2.6 and 5.3. The
     * cartoon made here (OpenCV's stylization) did not reproduce the orange cast with the old code either,
     * so its limit only guards against a gross one.
     */
    @Test
    void theSwappedFaceTakesTheTargetsSkinColourWithoutACast() {
        try (Mat astronaut = TestImages.load(TestImages.ASTRONAUT); Mat cartoon = new Mat()) {
            org.bytedeco.opencv.global.opencv_photo.stylization(astronaut, cartoon, 60, 0.45f);
            double photo = cast(TestImages.load(TestImages.ASTRONAUT), "photo");
            double flat = cast(cartoon.clone(), "cartoon");
            assertTrue(photo < 4, "cast on the photo " + photo);
            assertTrue(flat < 7, "cast on the cartoon " + flat);
        }
    }

    private double cast(Mat target, String name) {
        try (SourceFace source = SourceFace.fromFile(TestImages.file(TestImages.GRACE_HOPPER), finder);
             Mat t = target; Mat output = t.clone(); FaceSwapper swapper = new FaceSwapper(source, true)) {
            swapper.process(output, 0);
            FaceLandmarks face = finder.find(t).get(0);
            saveCloseUp(output, face, "quality-cast-" + name + "-closeup.png");
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
             Mat patch = new Mat(bgr, box); Mat f = new Mat()) {
            patch.convertTo(f, opencv_core.CV_32F, 1 / 255.0, 0);
            opencv_imgproc.cvtColor(f, f, opencv_imgproc.COLOR_BGR2Lab);
            Scalar m = opencv_core.mean(f);
            return new double[] {m.get(0), m.get(1), m.get(2)};
        }
    }

    private SeamScore.Result seam(String sourcePhoto, String targetPhoto, String name) {
        try (SourceFace source = SourceFace.fromFile(TestImages.file(sourcePhoto), finder);
             Mat target = TestImages.load(targetPhoto); Mat output = target.clone();
             FaceSwapper swapper = new FaceSwapper(source, true)) {
            assertEquals(1, swapper.process(output, 0));
            TestImages.save(output, "quality-" + name + ".png");
            FaceLandmarks face = finder.find(target).get(0);
            saveCloseUp(output, face, "quality-" + name + "-closeup.png");
            SeamScore.Result r = SeamScore.measure(target, output, face);
            System.out.println("QUALITY seam " + name + ": " + r);
            return r;
        }
    }

    /**
     * Flicker: a still camera with sensor noise (the same picture, new noise every frame). The mean absolute
     * frame-to-frame change inside the face box of the output, against the same in the input (the noise alone).
     */
    @Test
    void aStillFaceDoesNotFlicker() {
        try (SourceFace source = SourceFace.fromFile(TestImages.file(TestImages.GRACE_HOPPER), finder);
             Mat photo = TestImages.load(TestImages.ASTRONAUT); Mat still = place(photo, 640, 360, 0.8, 0);
             FaceSwapper swapper = new FaceSwapper(source, true)) {
            FaceLandmarks face = finder.find(still).get(0);
            double[] b = face.bounds();
            Rect box = new Rect((int) b[0], (int) b[1], (int) (b[2] - b[0]), (int) (b[3] - b[1]));
            Mat previousIn = null, previousOut = null;
            double changeIn = 0, changeOut = 0;
            int steps = 0;
            for (int i = 0; i < 20; i++) {
                Mat in = noisy(still, i);
                Mat out = in.clone();
                swapper.process(out, i);
                if (previousIn != null && i >= 5) { // after the first detection and settling
                    changeIn += meanAbsDiff(new Mat(in, box), new Mat(previousIn, box));
                    changeOut += meanAbsDiff(new Mat(out, box), new Mat(previousOut, box));
                    steps++;
                }
                previousIn = in;
                previousOut = out;
            }
            changeIn /= steps;
            changeOut /= steps;
            System.out.printf("QUALITY flicker: face change %.2f per frame in the output, %.2f in the input (noise)"
                    + ", ratio %.2f%n", changeOut, changeIn, changeOut / changeIn);
            // the pasted face is a still photo: what changes is noise let through at the edge and the smoothed
            // landmarks settling. Before the blend rework 0.38 of the input's change, after 0.43.
            assertTrue(changeOut < changeIn * 0.6, "flicker " + changeOut + " vs noise " + changeIn);
        }
    }

    /**
     * Identity and coverage on a face moving and zooming (about 100-130 px wide): every third frame is judged. Coverage counts frames with a
     * face in the input whose face region changed in the output; identity needs the output's {@link FaceShape}
     * closer to the source's than to the target's on every judged frame. Before the blend rework: coverage 10 of 10,
     * identity 9 of 10 (worst margin -0.004); after: 10 of 10 and 10 of 10 (worst margin +0.026).
     */
    @Test
    void aMovingFaceIsSwappedOnEveryFrameAndLooksLikeTheSource() {
        try (Mat hopper = TestImages.load(TestImages.GRACE_HOPPER); Mat wide = new Mat()) {
            // the two test faces have nearly the same proportions (0.03 apart, the landmarks' own noise): a source
            // made a third wider has clearly other ones, so whether they carry over can be told on every frame
            opencv_imgproc.resize(hopper, wide, new Size(680, 512));
            movingFace(SourceFace.fromImage(wide.clone(), finder));
        }
    }

    private void movingFace(SourceFace wideSource) {
        try (SourceFace source = wideSource; Mat photo = TestImages.load(TestImages.ASTRONAUT);
             FaceSwapper swapper = new FaceSwapper(source, true)) {
            FaceShape sourceShape = FaceShape.of(source.landmarks());
            int withFace = 0, swapped = 0, judged = 0, closer = 0;
            double worstMargin = Double.MAX_VALUE;
            for (int i = 0; i < 30; i++) {
                double t = i / 29.0;
                try (Mat in = place(photo, 640, 360, 0.8 + 0.25 * Math.sin(Math.PI * t), 60 * Math.sin(2 * Math.PI * t));
                     Mat out = in.clone()) {
                    swapper.process(out, i);
                    if (i % 3 != 0) {
                        continue;
                    }
                    List<FaceLandmarks> before = finder.find(in);
                    if (before.isEmpty()) {
                        continue;
                    }
                    withFace++;
                    FaceLandmarks target = before.get(0);
                    double[] b = target.bounds();
                    try (Rect r = new Rect((int) b[0], (int) b[1], (int) (b[2] - b[0]), (int) (b[3] - b[1]));
                         Mat was = new Mat(in, r); Mat now = new Mat(out, r)) {
                        swapped += Measures.psnr(was, now) < 28 ? 1 : 0;
                    }
                    List<FaceLandmarks> after = finder.find(out);
                    if (!after.isEmpty()) {
                        judged++;
                        double toSource = FaceShape.of(after.get(0)).distance(sourceShape);
                        double toTarget = FaceShape.of(after.get(0)).distance(FaceShape.of(target));
                        closer += toSource < toTarget ? 1 : 0;
                        worstMargin = Math.min(worstMargin, toTarget - toSource);
                    }
                }
            }
            System.out.printf("QUALITY coverage %d of %d frames with a face; identity closer to source on %d of %d"
                    + " judged (worst margin %.4f)%n", swapped, withFace, closer, judged, worstMargin);
            assertEquals(withFace, swapped, "coverage");
            assertEquals(withFace, judged, "a face is found in every swapped frame");
            assertEquals(judged, closer, "identity on every judged frame");
        }
    }

    /** The face and some margin, twice as large: where a seam would show. */
    private static void saveCloseUp(Mat image, FaceLandmarks face, String name) {
        double[] b = face.bounds();
        int m = (int) (face.width() * 0.3);
        int x0 = Math.max(0, (int) b[0] - m), y0 = Math.max(0, (int) b[1] - 2 * m);
        int x1 = Math.min(image.cols(), (int) b[2] + m), y1 = Math.min(image.rows(), (int) b[3] + m);
        try (Rect r = new Rect(x0, y0, x1 - x0, y1 - y0); Mat crop = new Mat(image, r); Mat big = new Mat()) {
            opencv_imgproc.resize(crop, big, new Size(2 * (x1 - x0), 2 * (y1 - y0)), 0, 0,
                    opencv_imgproc.INTER_CUBIC);
            TestImages.save(big, name);
        }
    }

    /** The photo scaled and shifted into a w x h grey frame, face near the top centre. */
    static Mat place(Mat photo, int w, int h, double zoom, double dx) {
        double scale = h / (double) photo.rows() * zoom;
        Mat frame = new Mat();
        try (Mat m = new Mat(2, 3, opencv_core.CV_64F); Size size = new Size(w, h);
             Scalar grey = new Scalar(60, 60, 60, 0)) {
            double x = w / 2.0 - photo.cols() * scale / 2 + dx, y = h / 2.0 - photo.rows() * scale * 0.45;
            ((java.nio.DoubleBuffer) m.createBuffer()).put(new double[] {scale, 0, x, 0, scale, y});
            opencv_imgproc.warpAffine(photo, frame, m, size, opencv_imgproc.INTER_LINEAR,
                    opencv_core.BORDER_CONSTANT, grey);
        }
        return frame;
    }

    /** The frame plus Gaussian noise (sigma 3), different for every seed. */
    private static Mat noisy(Mat frame, int seed) {
        try (Mat noise = new Mat(frame.size(), opencv_core.CV_16SC3); Mat mean = new Mat(1, 1, opencv_core.CV_64F,
                new Scalar(0)); Mat sigma = new Mat(1, 1, opencv_core.CV_64F, new Scalar(3));
             Mat wide = new Mat()) {
            opencv_core.theRNG().state(1000 + seed);
            opencv_core.randn(noise, mean, sigma);
            frame.convertTo(wide, opencv_core.CV_16SC3);
            opencv_core.add(wide, noise, wide);
            Mat out = new Mat();
            wide.convertTo(out, opencv_core.CV_8UC3);
            return out;
        }
    }

    private static double meanAbsDiff(Mat a, Mat b) {
        try (Mat d = new Mat()) {
            opencv_core.absdiff(a, b, d);
            Scalar m = opencv_core.mean(d);
            return (m.get(0) + m.get(1) + m.get(2)) / 3;
        }
    }
}
