package io.faceswap.swap.face;

/**
 * A face's inner proportions, independent of where it is, how large and how turned in the image plane: five ratios
 * of distances between landmarks of the eyes, brows and nose to the distance between the eyes. They carry a
 * person's likeness, and the swap is meant to carry them over. The outline (jaw, hairline) deliberately stays the
 * target's, and so do the lips of an open mouth (its teeth stay), so neither is measured. Measured on landmarks
 * detected anew on an output frame, it tells whether a swapped face took on the source's proportions.
 */
public record FaceShape(double[] ratios) {

    public static FaceShape of(FaceLandmarks f) {
        double eyes = f.interocular();
        double midEyeX = (f.x(33) + f.x(263)) / 2, midEyeY = (f.y(33) + f.y(263)) / 2;
        double eyesToNoseTip = Math.hypot(midEyeX - f.x(MeshTopology.NOSE_TIP), midEyeY - f.y(MeshTopology.NOSE_TIP));
        double bridge = dist(f, 168, MeshTopology.NOSE_TIP);
        double eyeWidth = (dist(f, 33, 133) + dist(f, 263, 362)) / 2;
        double noseWidth = dist(f, 129, 358);
        double browToEye = (dist(f, 105, 159) + dist(f, 334, 386)) / 2;
        return new FaceShape(
                new double[] {eyesToNoseTip / eyes, bridge / eyes, eyeWidth / eyes, noseWidth / eyes, browToEye / eyes
                });
    }
    /** Mean relative difference of the ratios: 0 for the same proportions, 0.05 for five percent apart. */
    public double distance(FaceShape other) {
        double sum = 0;
        for (int i = 0; i < ratios.length; i++) {
            sum += Math.abs(ratios[i] - other.ratios[i]) / ((ratios[i] + other.ratios[i]) / 2);
        }
        return sum / ratios.length;
    }

    private static double dist(FaceLandmarks f, int a, int b) {
        return Math.hypot(f.x(a) - f.x(b), f.y(a) - f.y(b));
    }
}
