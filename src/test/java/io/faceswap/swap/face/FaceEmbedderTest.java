package io.faceswap.swap.face;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.faceswap.swap.testing.TestFinder;
import io.faceswap.swap.testing.TestImages;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.opencv.global.opencv_core;
import org.bytedeco.opencv.global.opencv_imgcodecs;
import org.bytedeco.opencv.global.opencv_imgproc;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Point2f;
import org.bytedeco.opencv.opencv_core.Scalar;
import org.bytedeco.opencv.opencv_core.Size;
import org.junit.jupiter.api.Test;

/**
 * The recognition model tells people apart on the test photos under the changes a video brings: light, scale, small
 * turns in the image plane, blur and JPEG recompression. Every same-person pair must score above every
 * different-person pair, and the configured threshold ({@link FaceIdentity#DEFAULT_THRESHOLD}) must fall between.
 */
class FaceEmbedderTest {
    private static final Map<String, UnaryOperator<Mat>> AUGMENTATIONS = new LinkedHashMap<>();

    static {
        AUGMENTATIONS.put("as is", m -> m.clone());
        AUGMENTATIONS.put("darker", m -> level(m, 0.55, 0));
        AUGMENTATIONS.put("brighter", m -> level(m, 1.25, 25));
        AUGMENTATIONS.put("half size", m -> scale(m, 0.5));
        AUGMENTATIONS.put("a third size", m -> scale(m, 0.33));
        AUGMENTATIONS.put("1.5x", m -> scale(m, 1.5));
        AUGMENTATIONS.put("turned 12 deg", m -> turn(m, 12));
        AUGMENTATIONS.put("turned -12 deg", m -> turn(m, -12));
        AUGMENTATIONS.put("blurred", m -> blur(m));
        AUGMENTATIONS.put("jpeg q30", m -> jpeg(m, 30));
        AUGMENTATIONS.put("mirrored", m -> mirror(m));
    }

    @Test
    void samePersonScoresAboveDifferentPeople() {
        List<float[]> hopper = embeddings(TestImages.GRACE_HOPPER);
        List<float[]> astronaut = embeddings(TestImages.ASTRONAUT);
        Stats same = new Stats();
        for (List<float[]> person : List.of(hopper, astronaut)) {
            for (int i = 0; i < person.size(); i++) {
                for (int j = i + 1; j < person.size(); j++) {
                    same.add(FaceEmbedder.similarity(person.get(i), person.get(j)));
                }
            }
        }
        Stats different = new Stats();
        for (float[] a : hopper) {
            for (float[] b : astronaut) {
                different.add(FaceEmbedder.similarity(a, b));
            }
        }
        System.out.printf(
                "identity: same person %d pairs min %.3f mean %.3f; different %d pairs max %.3f mean %.3f;"
                        + " margin (min same - max different) %.3f; threshold %.2f%n",
                same.n,
                same.min,
                same.mean(),
                different.n,
                different.max,
                different.mean(),
                same.min - different.max,
                FaceIdentity.DEFAULT_THRESHOLD);
        assertTrue(same.min > different.max, "a same-person pair scored below a different-person pair");
        assertTrue(same.min > FaceIdentity.DEFAULT_THRESHOLD, "the threshold refuses a same-person pair");
        assertTrue(different.max < FaceIdentity.DEFAULT_THRESHOLD, "the threshold accepts a different-person pair");
    }

    private static List<float[]> embeddings(String photo) {
        List<float[]> out = new ArrayList<>();
        try (Mat original = TestImages.load(photo);
                FaceEmbedder embedder = new FaceEmbedder()) {
            for (var e : AUGMENTATIONS.entrySet()) {
                try (Mat image = e.getValue().apply(original)) {
                    List<FaceLandmarks> faces = TestFinder.shared().find(image);
                    assertTrue(!faces.isEmpty(), "no face in " + photo + " " + e.getKey());
                    out.add(embedder.embed(image, faces.get(0)));
                }
            }
        }
        return out;
    }

    private static Mat level(Mat m, double gain, double bias) {
        Mat out = new Mat();
        m.convertTo(out, -1, gain, bias);
        return out;
    }

    private static Mat scale(Mat m, double f) {
        Mat out = new Mat();
        opencv_imgproc.resize(
                m, out, new Size((int) (m.cols() * f), (int) (m.rows() * f)), 0, 0, opencv_imgproc.INTER_AREA);
        return out;
    }

    private static Mat turn(Mat m, double degrees) {
        Mat out = new Mat();
        try (Mat r = opencv_imgproc.getRotationMatrix2D(new Point2f(m.cols() / 2f, m.rows() / 2f), degrees, 1)) {
            opencv_imgproc.warpAffine(
                    m, out, r, m.size(), opencv_imgproc.INTER_LINEAR, opencv_core.BORDER_REFLECT, new Scalar());
        }
        return out;
    }

    private static Mat blur(Mat m) {
        Mat out = new Mat();
        opencv_imgproc.GaussianBlur(m, out, new Size(0, 0), 2.0);
        return out;
    }

    private static Mat jpeg(Mat m, int quality) {
        try (BytePointer buf = new BytePointer()) {
            opencv_imgcodecs.imencode(
                    ".jpg",
                    m,
                    buf,
                    new org.bytedeco.javacpp.IntPointer(opencv_imgcodecs.IMWRITE_JPEG_QUALITY, quality));
            try (Mat bytes = new Mat(1, (int) buf.limit(), opencv_core.CV_8UC1, buf)) {
                return opencv_imgcodecs.imdecode(bytes, opencv_imgcodecs.IMREAD_COLOR);
            }
        }
    }

    private static Mat mirror(Mat m) {
        Mat out = new Mat();
        opencv_core.flip(m, out, 1);
        return out;
    }

    private static final class Stats {
        int n;
        double min = Double.MAX_VALUE, max = -Double.MAX_VALUE, sum;

        void add(double v) {
            n++;
            sum += v;
            min = Math.min(min, v);
            max = Math.max(max, v);
        }

        double mean() {
            return sum / n;
        }
    }

    @Test
    void twoFacesInOneRunGetWhatEachGetsAlone() {
        FaceFinder finder = io.faceswap.swap.testing.TestFinder.shared();
        try (Mat a = TestImages.load(TestImages.ASTRONAUT);
                Mat h = TestImages.load(TestImages.GRACE_HOPPER);
                org.bytedeco.opencv.opencv_core.MatVector pair = new org.bytedeco.opencv.opencv_core.MatVector(a, h);
                Mat both = new Mat()) {
            org.bytedeco.opencv.global.opencv_core.hconcat(pair, both); // two people in one picture
            java.util.List<FaceLandmarks> faces = finder.find(both);
            assertEquals(2, faces.size());
            java.util.List<float[]> together = finder.identities(both, faces);
            for (int i = 0; i < 2; i++) {
                float[] alone = finder.identity(both, faces.get(i));
                assertEquals(1.0, FaceEmbedder.similarity(alone, together.get(i)), 1e-4, "face " + i);
            }
            assertTrue(FaceEmbedder.similarity(together.get(0), together.get(1)) < 0.5, "two people, two identities");
        }
    }
}
