package io.faceswap.swap.face;

/**
 * Whether a source photo's face can give a good swap: large enough and turned towards the camera.
 * <p>
 * <b>Size.</b> The face's width is the distance between the mesh's outermost cheek points (234 and 454), in pixels
 * of the upright photo. Below {@link #MIN_FACE_WIDTH} the photo is refused with {@code SOURCE_FACE_TOO_SMALL}.
 * Measured by {@code SourceFaceSizeTest}: the Grace Hopper photo (face 184 px wide) downscaled until its face
 * was 140, 100, 80, 60, 45 and 30 px wide, each swapped onto a target face about 230 px wide (a close-up in 720p).
 * Sharpness inside the swapped face, against the full-size photo's swap: 0.92 at 141 px, 0.86 at 101, 0.83 at 81,
 * 0.80 at 61, then 0.72 at 46 and 0.66 at 31: the knee is between 60 and 45 px. At 31 px the landmarks themselves
 * go wrong (the output's proportions are 0.039 from the source's own, against 0.022-0.032 from 46 px up) and the
 * face comes out smeared, as in the 40 px report. So 60 px, the last size before the knee.
 * <p>
 * <b>Turn.</b> Yaw is the angle of the line between the same cheek points out of the image plane, from the mesh's
 * depth (z, in the same pixel scale as x): 0 facing the camera, positive when the face turns to the image's left.
 * Beyond {@link #MAX_YAW_DEGREES} the photo is refused with {@code SOURCE_FACE_TURNED}: the far cheek is then seen at
 * a grazing angle (its width shrinks to about cos(yaw + the cheek's own 40-50 degree slant), under a third of the
 * near one's at 35 degrees), so the warp stretches a few pixels of it over half the target's face, and the far eye
 * and nose edge are partly hidden. The two frontal test photos measure under 15 degrees.
 */
final class SourceChecks {
    static final int MIN_FACE_WIDTH = 60;
    static final double MAX_YAW_DEGREES = 35;

    private SourceChecks() {
    }

    /** Width of the face in pixels (cheek to cheek). */
    static double faceWidth(float[] p) {
        return Math.hypot(p[3 * MeshTopology.FACE_LEFT] - p[3 * MeshTopology.FACE_RIGHT],
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
                + (p[3 * MeshTopology.FACE_LEFT + 1] - p[3 * MeshTopology.FACE_RIGHT + 1]) * ey) / n;
        double dz = p[3 * MeshTopology.FACE_LEFT + 2] - p[3 * MeshTopology.FACE_RIGHT + 2];
        return Math.toDegrees(Math.atan2(dz, dx));
    }

    /** @throws SourceFaceTooSmallException, SourceFaceTurnedException when the face would not swap well */
    static void check(float[] mesh) {
        double width = faceWidth(mesh);
        if (width < MIN_FACE_WIDTH) {
            throw new SourceFaceTooSmallException(String.format("The face in the photo is %.0f px wide; at least %d px"
                    + " is needed for a sharp result. Use a larger or closer photo of the face.", width,
                    MIN_FACE_WIDTH));
        }
        double yaw = yawDegrees(mesh);
        if (Math.abs(yaw) > MAX_YAW_DEGREES) {
            throw new SourceFaceTurnedException(String.format("The face in the photo is turned %.0f degrees to the"
                    + " side; at most %.0f degrees is accepted. Use a photo facing the camera.", Math.abs(yaw),
                    MAX_YAW_DEGREES));
        }
    }
}
