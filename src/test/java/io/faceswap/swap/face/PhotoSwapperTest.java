package io.faceswap.swap.face;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.faceswap.swap.testing.Measures;
import io.faceswap.swap.testing.TestFinder;
import io.faceswap.swap.testing.TestImages;
import io.faceswap.swap.testing.TestVideos;
import java.nio.file.Files;
import java.util.List;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.opencv.global.opencv_core;
import org.bytedeco.opencv.global.opencv_imgcodecs;
import org.bytedeco.opencv.global.opencv_imgproc;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.MatVector;
import org.bytedeco.opencv.opencv_core.Rect;
import org.bytedeco.opencv.opencv_core.Scalar;
import org.bytedeco.opencv.opencv_core.Size;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Photo targets (issue 26) without a server: Grace Hopper's face onto the astronaut photo, as a JPEG, as a PNG with
 * an alpha channel, and stored sideways with an EXIF orientation; and each bad target refused with its own code.
 */
class PhotoSwapperTest {
    static final FaceFinder finder = TestFinder.shared();
    static SourceFace hopper;

    @BeforeAll
    static void source() {
        hopper = SourceFace.fromFile(TestImages.file(TestImages.GRACE_HOPPER), finder);
    }

    @AfterAll
    static void close() {
        hopper.close();
    }

    private static PhotoSwapper.Result swap(byte[] target) {
        return PhotoSwapper.swap(hopper, target, finder, SourceFace.DEFAULT_MAX_PIXELS, false, false, false);
    }

    @Test
    void aJpegTargetBecomesAJpegWithTheSourceFaceAndTheRestKept() {
        try (Mat astronaut = TestImages.load(TestImages.ASTRONAUT)) {
            byte[] jpeg = PhotoInputTest.encode(astronaut, ".jpg");
            FaceLandmarks face = finder.find(astronaut).get(0);
            PhotoSwapper.Result result = swap(jpeg);
            assertEquals("jpg", result.extension());
            assertEquals("image/jpeg", result.contentType());
            assertEquals(0xFF, result.bytes()[0] & 0xFF);
            assertEquals(0xD8, result.bytes()[1] & 0xFF);
            assertEquals(1, result.faces());
            try (Mat before = decode(jpeg);
                    Mat after = decode(result.bytes())) {
                assertEquals(512, after.cols());
                assertEquals(512, after.rows());
                double inside = meanDifference(before, after, face);
                double outside = Measures.psnrOutside(before, after, face, 0.3);
                System.out.printf(
                        "PHOTO jpeg: %d bytes, face region changed by %.1f levels on average, PSNR outside %.1f dB%n",
                        result.bytes().length, inside, outside);
                assertTrue(inside > 8, "the face region changed: " + inside);
                assertTrue(outside > 35, "the rest is the input's, bar JPEG's own loss: " + outside);
                // a face is still found where the astronaut's was
                FaceLandmarks swapped = finder.find(after).get(0);
                assertTrue(Math.abs(swapped.centerX() - face.centerX()) < face.width() * 0.1, "the same place");
            }
        }
    }

    @Test
    void aPngTargetStaysAPngAndKeepsItsAlphaChannel() {
        try (Mat astronaut = TestImages.load(TestImages.ASTRONAUT);
                Mat alpha = new Mat(512, 512, opencv_core.CV_8UC1);
                Mat bgra = new Mat();
                MatVector planes = new MatVector()) {
            for (int y = 0; y < 512; y++) { // a vertical ramp, transparent at the top
                alpha.apply(new Rect(0, y, 512, 1)).put(new Scalar(y / 2.0));
            }
            opencv_core.split(astronaut, planes);
            planes.push_back(alpha);
            opencv_core.merge(planes, bgra);
            byte[] png = PhotoInputTest.encode(bgra, ".png");
            PhotoSwapper.Result result = swap(png);
            assertEquals("png", result.extension());
            assertEquals("image/png", result.contentType());
            assertTrue(result.alphaKept());
            try (Mat after = decodeUnchanged(result.bytes());
                    Mat afterAlpha = new Mat();
                    Mat afterColour = new Mat()) {
                assertEquals(4, after.channels());
                opencv_core.extractChannel(after, afterAlpha, 3);
                assertEquals(0, opencv_core.norm(alpha, afterAlpha, opencv_core.NORM_INF, null), "alpha unchanged");
                opencv_imgproc.cvtColor(after, afterColour, opencv_imgproc.COLOR_BGRA2BGR);
                FaceLandmarks face = finder.find(astronaut).get(0);
                double inside = meanDifference(astronaut, afterColour, face);
                System.out.printf(
                        "PHOTO png+alpha: %d bytes, face changed by %.1f levels%n", result.bytes().length, inside);
                assertTrue(inside > 8, "the face region changed: " + inside);
                assertEquals(100, Measures.psnrOutside(astronaut, afterColour, face, 0.3), 1, "PNG: the rest exact");
            }
        }
        // an opaque PNG stays an opaque PNG
        try (Mat astronaut = TestImages.load(TestImages.ASTRONAUT)) {
            PhotoSwapper.Result opaque = swap(PhotoInputTest.encode(astronaut, ".png"));
            assertEquals("png", opaque.extension());
            assertTrue(!opaque.alphaKept());
        }
    }

    @Test
    void aSidewaysJpegIsSwappedUpright() {
        try (Mat hopperPhoto = TestImages.load(TestImages.GRACE_HOPPER);
                Rect r = new Rect(0, 0, 512, 400);
                Mat upright = new Mat(hopperPhoto, r).clone()) {
            // stored turned 90 degrees anticlockwise, tagged 6 (turn clockwise to display), as phones do
            byte[] stored = PhotoInputTest.withExif(
                    PhotoInputTest.encode(ExifOrientation.upright(upright.clone(), 8), ".jpg"), 6, true);
            PhotoSwapper.Result result = swap(stored);
            try (Mat after = decode(result.bytes())) {
                assertEquals(512, after.cols(), "upright: as wide as the upright photo");
                assertEquals(400, after.rows());
                assertEquals(1, ExifOrientation.of(result.bytes()), "no orientation tag left to apply twice");
                FaceLandmarks f = finder.find(after).get(0);
                double dx = f.x(263) - f.x(33), dy = f.y(263) - f.y(33);
                assertTrue(Math.abs(dy) < Math.abs(dx) * 0.2, "eyes level in the result");
            }
        }
    }

    @Test
    void badTargetsGetTheirOwnCodes() throws Exception {
        // a video given as the target photo
        byte[] clip = Files.readAllBytes(TestVideos.movingFace(
                "photo-target-video", TestImages.ASTRONAUT, 160, 120, 10, 5, false, TestVideos.Format.MP4));
        assertCode(TargetPhotoException.NOT_AN_IMAGE, clip);
        assertCode(TargetPhotoException.NOT_AN_IMAGE, "not a picture".getBytes());
        assertCode(TargetPhotoException.NOT_AN_IMAGE, new byte[0]);
        // 400 megapixels declared in a few dozen bytes: refused from the header
        TargetPhotoException huge = assertCode(TargetPhotoException.TOO_LARGE, TestImages.pngHeader(20_000, 20_000));
        assertTrue(huge.getMessage().startsWith("The target photo is 20000 x 20000"), huge.getMessage());
        try (Mat blank = new Mat(300, 300, opencv_core.CV_8UC3, new Scalar(180, 180, 180, 0))) {
            assertCode(TargetPhotoException.NO_FACE, PhotoInputTest.encode(blank, ".png"));
        }
        // Hopper's face about 45 px wide (236 px at full size) on a grey canvas
        try (Mat photo = TestImages.load(TestImages.GRACE_HOPPER);
                Mat small = new Mat();
                Mat canvas = new Mat(400, 400, opencv_core.CV_8UC3, new Scalar(120, 120, 120, 0))) {
            opencv_imgproc.resize(photo, small, new Size(98, 98), 0, 0, opencv_imgproc.INTER_AREA);
            small.copyTo(new Mat(canvas, new Rect(150, 150, 98, 98)));
            TargetPhotoException tooSmall =
                    assertCode(TargetPhotoException.FACE_TOO_SMALL, PhotoInputTest.encode(canvas, ".png"));
            assertTrue(tooSmall.getMessage().contains("target photo"), tooSmall.getMessage());
        }
    }

    /** A turned largest face is refused; a turned smaller one is left out while the largest is swapped. */
    @Test
    void aTurnedLargestFaceIsRefusedAndATurnedSmallerOneSkipped() {
        try (Mat image = TestImages.load(TestImages.GRACE_HOPPER)) {
            float[] mesh = finder.find(image).get(0).points();
            float[] turned = SourceChecksTest.turn(mesh, 50 - SourceChecks.yawDegrees(mesh));
            TargetPhotoException e = assertThrows(
                    TargetPhotoException.class, () -> PhotoSwapper.faces(List.of(new FaceLandmarks(turned)), false));
            assertEquals("TARGET_FACE_TURNED", e.errorCode());
            assertTrue(e.getMessage().contains("target photo"), e.getMessage());
            List<float[]> kept = PhotoSwapper.faces(List.of(new FaceLandmarks(mesh), new FaceLandmarks(turned)), false);
            assertEquals(1, kept.size());
            assertArrayEquals(mesh, kept.get(0));
            assertEquals(
                    1,
                    PhotoSwapper.faces(List.of(new FaceLandmarks(mesh), new FaceLandmarks(mesh)), true)
                            .size(),
                    "largest only");
        }
    }

    private static TargetPhotoException assertCode(String code, byte[] target) {
        TargetPhotoException e = assertThrows(TargetPhotoException.class, () -> swap(target));
        assertEquals(code, e.errorCode(), e::getMessage);
        System.out.println("PHOTO refused " + code + ": " + e.getMessage());
        return e;
    }

    /** Mean absolute difference, over channels, inside the face's landmark box. */
    private static double meanDifference(Mat a, Mat b, FaceLandmarks face) {
        double[] box = face.bounds();
        try (Rect r = new Rect((int) box[0], (int) box[1], (int) (box[2] - box[0]), (int) (box[3] - box[1]));
                Mat ra = new Mat(a, r);
                Mat rb = new Mat(b, r);
                Mat diff = new Mat()) {
            opencv_core.absdiff(ra, rb, diff);
            Scalar mean = opencv_core.mean(diff);
            return (mean.get(0) + mean.get(1) + mean.get(2)) / 3;
        }
    }

    private static Mat decode(byte[] bytes) {
        return imdecode(bytes, opencv_imgcodecs.IMREAD_COLOR | opencv_imgcodecs.IMREAD_IGNORE_ORIENTATION);
    }

    private static Mat decodeUnchanged(byte[] bytes) {
        return imdecode(bytes, opencv_imgcodecs.IMREAD_UNCHANGED);
    }

    private static Mat imdecode(byte[] bytes, int flags) {
        try (BytePointer data = new BytePointer(bytes);
                Mat buffer = new Mat(1, bytes.length, opencv_core.CV_8UC1, data)) {
            return opencv_imgcodecs.imdecode(buffer, flags);
        }
    }
}
