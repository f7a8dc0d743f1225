package io.faceswap.swap.face;

/**
 * Whether a source photo's face can give a good swap: large enough and turned towards the camera.
 * <p>
 * <b>Size.</b> The face's width is the distance between the mesh's outermost cheek points (234 and 454), in pixels
 * of the upright photo. Below {@link #MIN_FACE_WIDTH} the photo is refused with {@code SOURCE_FACE_TOO_SMALL}.
 * Measured by {@code SourceFaceSizeTest}: the Grace Hopper photo, made a third wider (so its proportions are
 * clearly not the target's), downscaled until its face was 200, 140, 100, 80, 60, 45 and 30 px wide (236 at full
 * size), each swapped onto a target face about 230 px wide (a close-up in 720p). Sharpness inside the swapped face
 * (mean gradient, against the full-size swap): 0.95, 0.88, 0.83, 0.78, 0.73, 0.69, 0.62. Identity (the output's
 * proportions closer to the source's than to the target's) held at every size, but at 30 px the landmarks of the
 * photo itself are poor (the measured proportions jump about). Looked at: 100 px is sharp; 60 px is soft but the
 * eyes and mouth are clear; 45 px has smeared eyes, and 30 px is the smeared face. So 60 px: the smallest
 * size whose result still reads as a face in focus on a close-up target.
 * <p>
 * <b>Turn.</b> Yaw is the angle of the line between the same cheek points out of the image plane, from the mesh's
 * depth (z, in the same pixel scale as x): 0 facing the camera, the sign telling the side.
 * Beyond {@link #MAX_YAW_DEGREES} the photo is refused with {@code SOURCE_FACE_TURNED}: the far cheek is then seen at
 * a grazing angle (its width shrinks to about cos(yaw + the cheek's own 40-50 degree slant), under a third of the
 * near one's at 35 degrees), so the warp stretches a few pixels of it over half the target's face, and the far eye
 * and nose edge are partly hidden. The two frontal test photos measure about 1 degree, and their mirror images the
 * same with the sign turned. No turned photograph is among the test photos: the estimator and the limit are tested on
 * a frontal mesh turned in 3-D ({@code SourceChecksTest}); the limit is reasoned, not measured on real turned faces.
 */
final class SourceChecks {
    static final int MIN_FACE_WIDTH = 60;
    static final double MAX_YAW_DEGREES = 35;

    private SourceChecks() {}

    /** Width of the face in pixels (cheek to cheek). */
    static double faceWidth(float[] p) {
        return Math.hypot(
                p[3 * MeshTopology.FACE_LEFT] - p[3 * MeshTopology.FACE_RIGHT],
                p[3 * MeshTopology.FACE_LEFT + 1] - p[3 * MeshTopology.FACE_RIGHT + 1]);
    }

    /** Turn about the face's vertical axis, in degrees; the sign says which way. */
    static double yawDegrees(float[] p) {
        double ex = p[3 * MeshTopology.LEFT_EYE_OUTER] - p[3 * MeshTopology.RIGHT_EYE_OUTER];
        double ey = p[3 * MeshTopology.LEFT_EYE_OUTER + 1] - p[3 * MeshTopology.RIGHT_EYE_OUTER + 1];
        double n = Math.hypot(ex, ey);
        if (n == 0) {
            return 0;
        }
        // the cheek-to-cheek vector along the eye line (in-plane roll removed) and in depth
        double dx = ((p[3 * MeshTopology.FACE_LEFT] - p[3 * MeshTopology.FACE_RIGHT]) * ex
                        + (p[3 * MeshTopology.FACE_LEFT + 1] - p[3 * MeshTopology.FACE_RIGHT + 1]) * ey)
                / n;
        double dz = p[3 * MeshTopology.FACE_LEFT + 2] - p[3 * MeshTopology.FACE_RIGHT + 2];
        return Math.toDegrees(Math.atan2(dz, dx));
    }

    /** @throws SourceFaceTooSmallException, SourceFaceTurnedException when the face would not swap well */
    static void check(float[] mesh) {
        double width = faceWidth(mesh);
        if (width < MIN_FACE_WIDTH) {
            throw new SourceFaceTooSmallException(String.format(
                    "The face in the photo is %.0f px wide; at least %d px"
                            + " is needed for a sharp result. Use a larger or closer photo of the face.",
                    width, MIN_FACE_WIDTH));
        }
        double yaw = yawDegrees(mesh);
        if (Math.abs(yaw) > MAX_YAW_DEGREES) {
            throw new SourceFaceTurnedException(String.format(
                    "The face in the photo is turned %.0f degrees to the"
                            + " side; at most %.0f degrees is accepted. Use a photo facing the camera.",
                    Math.abs(yaw), MAX_YAW_DEGREES));
        }
    }
}
