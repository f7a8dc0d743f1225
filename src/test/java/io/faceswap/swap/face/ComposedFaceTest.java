package io.faceswap.swap.face;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.faceswap.swap.testing.Measures;
import io.faceswap.swap.testing.TestFinder;
import io.faceswap.swap.testing.TestImages;
import io.faceswap.swap.testing.TestVideos;
import io.faceswap.swap.video.FrameReader;
import java.nio.file.Path;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Rect;
import org.junit.jupiter.api.Test;

/** Redrawing a predicted frame's face from the last one made ({@link ComposedFace}) against making it anew. */
class ComposedFaceTest {
    static final FaceFinder finder = TestFinder.shared();

    @Test
    void anAffineMoveIsFoundExactlyAndAChangeOfShapeIsNot() {
        float[] from = new float[3 * 40];
        for (int i = 0; i < 40; i++) {
            from[3 * i] = (float) (100 + 60 * Math.cos(i * 0.7) + i);
            from[3 * i + 1] = (float) (200 + 80 * Math.sin(i * 0.3));
        }
        double[] m = {1.02, -0.03, 5.5, 0.025, 0.99, -3.25};
        float[] to = from.clone();
        for (int i = 0; i < 40; i++) {
            double x = from[3 * i], y = from[3 * i + 1];
            to[3 * i] = (float) (m[0] * x + m[1] * y + m[2]);
            to[3 * i + 1] = (float) (m[3] * x + m[4] * y + m[5]);
        }
        AffineFit fit = AffineFit.of(from, to);
        for (int k = 0; k < 6; k++) {
            assertEquals(m[k], fit.m[k], 1e-3, "coefficient " + k);
        }
        assertTrue(fit.worst < 0.01, "worst " + fit.worst);
        to[3 * 7 + 1] += 2; // one point (a lip corner, say) moved on its own
        assertTrue(AffineFit.of(from, to).worst > ComposedFace.TOLERANCE);
        float[] line = new float[3 * 5];
        for (int i = 0; i < 5; i++) {
            line[3 * i] = i;
            line[3 * i + 1] = 2 * i;
        }
        assertNull(AffineFit.of(line, line));
        assertNotNull(AffineFit.of(from, from));
    }

    /**
     * On the benchmark's close-ups (the source face not scaled down), every redrawn face matches the face made anew
     * from the same landmarks: the same frames go in (landmarks are found before anything is drawn), so the outputs
     * differ by the affine fit's half pixel and the colour correction of a frame or two before. A small face (the
     * moving clip at 360p, the source scaled down onto it) is always made anew.
     */
    @Test
    void aRedrawnFaceLooksLikeTheFaceMadeAnew() {
        try (SourceFace source = SourceFace.fromFile(TestImages.file(TestImages.GRACE_HOPPER), finder)) {
            for (int h : new int[] {720, 360}) {
                Path closeUp =
                        TestVideos.closeUp("redraw-close-" + h, TestImages.ASTRONAUT, h * 16 / 9, h, 30, 60, 0.65);
                double[] close = compare(source, closeUp);
                System.out.printf(
                        "QUALITY redrawn faces, %dp close-up: %d of 60 frames, worst PSNR %.1f dB in the "
                                + "face against the face made anew%n",
                        h, (int) close[0], close[1]);
                assertTrue(close[0] >= 15, "faces redrawn: " + close[0]);
                assertTrue(close[1] > 40, close[1] + " dB");
            }
            Path small = TestVideos.movingFace(
                    "redraw-moving", TestImages.ASTRONAUT, 640, 360, 30, 60, false, TestVideos.Format.MP4);
            assertEquals(0, compare(source, small)[0], "a face the source is scaled down onto is redrawn");
        }
    }

    /**
     * A close-up face sliding slowly out over the frame's left edge: it is redrawn while it is inside, and never on
     * a frame where its region reaches the edge (the kept grid lacks what was outside it).
     */
    @Test
    void aFaceAtTheFramesEdgeIsAlwaysMadeAnew() {
        try (SourceFace source = SourceFace.fromFile(TestImages.file(TestImages.GRACE_HOPPER), finder);
                Mat photo = TestImages.load(TestImages.ASTRONAUT);
                FaceSwapper swapper = new FaceSwapper(source, false, true, false, true)) {
            double[] b = finder.find(photo).get(0).bounds();
            double scale = 0.6 * 720 / (b[3] - b[1]); // a close-up: the face 60% of the frame's height
            int inside = 0, atEdge = 0;
            for (int i = 0; i < 90; i++) {
                // the face's box starts 60 px from the left edge and moves 1.5 px a frame over it
                double dx = 60 - 1.5 * i - b[0] * scale, dy = 360 - (b[1] + b[3]) / 2 * scale;
                try (Mat frame = TestVideos.place(photo, 1280, 720, scale, dx, dy)) {
                    long before = swapper.followCounts()[2];
                    swapper.process(frame, i);
                    if (swapper.lastLandmarks().isEmpty()) {
                        continue;
                    }
                    boolean redrawn = swapper.followCounts()[2] > before;
                    float[] p = ForeheadExtension.extend(ShapeTransfer.destination(
                            source.points(), swapper.lastLandmarks().get(0).points(), 0.9));
                    try (Rect roi = FaceBlender.region(p, frame.cols(), frame.rows(), 0)) {
                        if (roi != null && ComposedFace.atEdge(roi, frame)) {
                            atEdge++;
                            assertFalse(redrawn, "frame " + i + " was redrawn at the edge");
                        } else if (redrawn) {
                            inside++;
                        }
                    }
                }
            }
            System.out.printf(
                    "QUALITY redrawn at the frame's edge: 0 of %d frames there; %d redrawn inside%n", atEdge, inside);
            assertTrue(atEdge >= 10 && inside >= 5, "at the edge " + atEdge + ", redrawn inside " + inside);
        }
    }

    /**
     * How many faces one swapper redrew, and the lowest PSNR in the face's box on those frames against the other,
     * which made every face. (On the other frames both make it; they differ only by the colour statistics the
     * redrawn frames did not add.)
     */
    private static double[] compare(SourceFace source, Path clip) {
        double worst = 100;
        int redrawn = 0;
        try (FrameReader reader = new FrameReader(clip, 0, 1);
                FaceSwapper redrawing = new FaceSwapper(source, false, true, false, true);
                FaceSwapper making = new FaceSwapper(source, false, true, false, false)) {
            for (int i = 0; i < 60; i++) {
                try (Mat a = reader.next();
                        Mat b = a.clone()) {
                    long before = redrawing.followCounts()[2];
                    assertEquals(1, redrawing.process(a, i));
                    assertEquals(1, making.process(b, i));
                    if (redrawing.followCounts()[2] > before) {
                        redrawn++;
                        worst = Math.min(
                                worst, faceOnly(a, b, redrawing.lastLandmarks().get(0)));
                    }
                }
            }
            assertEquals(0, making.followCounts()[2]);
        }
        return new double[] {redrawn, worst};
    }

    private static double faceOnly(Mat a, Mat b, FaceLandmarks face) {
        double[] box = face.bounds();
        int x0 = Math.max(0, (int) box[0]), y0 = Math.max(0, (int) box[1]);
        try (Rect r = new Rect(x0, y0, Math.min(a.cols(), (int) box[2]) - x0, Math.min(a.rows(), (int) box[3]) - y0);
                Mat fa = new Mat(a, r);
                Mat fb = new Mat(b, r)) {
            return Measures.psnr(fa, fb);
        }
    }
}
