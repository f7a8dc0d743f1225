package io.faceswap.swap.face;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.faceswap.swap.testing.TestFinder;
import io.faceswap.swap.testing.TestImages;
import org.bytedeco.opencv.global.opencv_core;
import org.bytedeco.opencv.global.opencv_imgproc;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Rect;
import org.bytedeco.opencv.opencv_core.Size;
import org.junit.jupiter.api.Test;

/** The source photo's face: the largest is used; a face turned away is refused. */
class SourceChecksTest {
    static final FaceFinder finder = TestFinder.shared();

    /** The test photos face the camera; mirrored, the turn changes sign and keeps its size. */
    @Test
    void frontalPhotosHaveASmallYawThatMirroringNegates() {
        for (String photo : new String[] {TestImages.ASTRONAUT, TestImages.GRACE_HOPPER}) {
            try (Mat image = TestImages.load(photo);
                    Mat mirrored = new Mat()) {
                opencv_core.flip(image, mirrored, 1);
                double yaw = SourceChecks.yawDegrees(finder.find(image).get(0).points());
                double mirror =
                        SourceChecks.yawDegrees(finder.find(mirrored).get(0).points());
                System.out.printf("YAW %s: %.1f degrees, mirrored %.1f%n", photo, yaw, mirror);
                assertTrue(Math.abs(yaw) < 15, photo + " yaw " + yaw);
                assertEquals(-yaw, mirror, 4, "mirrored");
            }
        }
    }

    /**
     * The mesh of a frontal photo turned about the face's vertical axis (through the nose, in the mesh's own 3-D
     * coordinates) and seen from the front again: the measured yaw follows the turn, and beyond the limit the
     * photo is refused with its own code. No turned photograph is among the test photos; this checks the
     * estimator and the limit, not the landmark model's depth on a real turned face.
     */
    @Test
    void aFaceTurnedBeyondTheLimitIsRefused() {
        try (Mat image = TestImages.load(TestImages.GRACE_HOPPER)) {
            float[] mesh = finder.find(image).get(0).points();
            double base = SourceChecks.yawDegrees(mesh);
            for (double turn : new double[] {-50, -30, 0, 20, 30, 45, 60}) {
                float[] turned = turn(mesh, turn - base);
                double yaw = SourceChecks.yawDegrees(turned);
                assertEquals(turn, yaw, 3, "measured yaw");
                if (Math.abs(turn) > SourceChecks.MAX_YAW_DEGREES) {
                    SourceFaceTurnedException e =
                            assertThrows(SourceFaceTurnedException.class, () -> SourceChecks.check(turned));
                    assertEquals("SOURCE_FACE_TURNED", e.errorCode());
                    assertTrue(e.getMessage().contains((int) Math.abs(turn) + " degrees"), e.getMessage());
                } else {
                    assertDoesNotThrow(() -> SourceChecks.check(turned));
                }
            }
        }
    }

    @Test
    void theLargestFaceOfAPhotoIsUsed() {
        try (Mat astronaut = TestImages.load(TestImages.ASTRONAUT);
                Mat hopper = TestImages.load(TestImages.GRACE_HOPPER);
                Mat small = new Mat();
                Mat pair = new Mat(512, 800, opencv_core.CV_8UC3)) {
            opencv_imgproc.resize(hopper, small, new Size(208, 208)); // face about 75 px, the astronaut's 110
            astronaut.copyTo(new Mat(pair, new Rect(0, 0, 512, 512)));
            pair.apply(new Rect(512, 0, 288, 512)).put(new org.bytedeco.opencv.opencv_core.Scalar(90, 90, 90, 0));
            small.copyTo(new Mat(pair, new Rect(552, 100, 208, 208)));
            try (SourceFace face = SourceFace.fromImage(pair.clone(), finder)) {
                assertTrue(face.landmarks().centerX() < 512, "the astronaut's face (the larger) is used");
            }
            pair.apply(new Rect(0, 0, 512, 512)).put(new org.bytedeco.opencv.opencv_core.Scalar(90, 90, 90, 0));
            try (SourceFace face = SourceFace.fromImage(pair.clone(), finder)) {
                assertTrue(face.landmarks().centerX() > 512, "with the astronaut gone, Hopper's face is used");
            }
        }
    }

    /** Turns every point about the vertical axis through the nose tip, in the eye-aligned frame. */
    static float[] turn(float[] mesh, double degrees) {
        double ex = mesh[3 * MeshTopology.LEFT_EYE_OUTER] - mesh[3 * MeshTopology.RIGHT_EYE_OUTER];
        double ey = mesh[3 * MeshTopology.LEFT_EYE_OUTER + 1] - mesh[3 * MeshTopology.RIGHT_EYE_OUTER + 1];
        double n = Math.hypot(ex, ey);
        ex /= n;
        ey /= n;
        double cx = mesh[3 * MeshTopology.NOSE_TIP], cy = mesh[3 * MeshTopology.NOSE_TIP + 1];
        double cz = mesh[3 * MeshTopology.NOSE_TIP + 2];
        double c = Math.cos(Math.toRadians(degrees)), s = Math.sin(Math.toRadians(degrees));
        float[] out = mesh.clone();
        for (int i = 0; i < mesh.length / 3; i++) {
            double u = (mesh[3 * i] - cx) * ex + (mesh[3 * i + 1] - cy) * ey; // along the eyes
            double v = -(mesh[3 * i] - cx) * ey + (mesh[3 * i + 1] - cy) * ex; // up the face
            double z = mesh[3 * i + 2] - cz;
            double u2 = u * c - z * s, z2 = u * s + z * c;
            out[3 * i] = (float) (cx + u2 * ex - v * ey);
            out[3 * i + 1] = (float) (cy + u2 * ey + v * ex);
            out[3 * i + 2] = (float) (cz + z2);
        }
        return out;
    }
}
