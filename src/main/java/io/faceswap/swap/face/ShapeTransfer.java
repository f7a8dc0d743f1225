package io.faceswap.swap.face;

/**
 * Where the swapped face's landmarks go: the source face's own landmarks, fitted onto the target face by the
 * similarity (rotation, scale, shift) that best matches them, then mixed with the target's by {@code weight}.
 * A weight of 1 keeps the source's proportions entirely (its identity), 0 keeps the target's geometry; the pose
 * and place always come from the target. The lips follow the target more the wider its mouth is open, so an open
 * mouth's own teeth (kept by the blend) stay framed by lips that fit them.
 */
final class ShapeTransfer {
    private ShapeTransfer() {}

    static final double OPEN_MOUTH = 0.06;
    private static final boolean[] LIPS = lips();

    static float[] destination(float[] source, float[] target, double weight) {
        int n = MeshTopology.POINTS;
        double opening = MeshTopology.mouthOpening(target);
        double lipWeight = weight * Math.max(0, Math.min(1, 1 - (opening - 0.02) / (OPEN_MOUTH - 0.02)));
        double msx = 0, msy = 0, mtx = 0, mty = 0;
        for (int i = 0; i < n; i++) {
            msx += source[3 * i];
            msy += source[3 * i + 1];
            mtx += target[3 * i];
            mty += target[3 * i + 1];
        }
        msx /= n;
        msy /= n;
        mtx /= n;
        mty /= n;
        // least-squares similarity (Umeyama in 2-D): t = s * R * (p - ms) + mt
        double a = 0, b = 0, var = 0;
        for (int i = 0; i < n; i++) {
            double sx = source[3 * i] - msx, sy = source[3 * i + 1] - msy;
            double tx = target[3 * i] - mtx, ty = target[3 * i + 1] - mty;
            a += sx * tx + sy * ty;
            b += sx * ty - sy * tx;
            var += sx * sx + sy * sy;
        }
        double c = a / var, s = b / var; // scale * cos, scale * sin
        float[] out = target.clone();
        for (int i = 0; i < n; i++) {
            double sx = source[3 * i] - msx, sy = source[3 * i + 1] - msy;
            double fx = c * sx - s * sy + mtx;
            double fy = s * sx + c * sy + mty;
            double w = LIPS[i] ? lipWeight : weight;
            out[3 * i] = (float) (target[3 * i] + w * (fx - target[3 * i]));
            out[3 * i + 1] = (float) (target[3 * i + 1] + w * (fy - target[3 * i + 1]));
        }
        return out;
    }

    private static boolean[] lips() {
        boolean[] lips = new boolean[MeshTopology.POINTS];
        for (int i : MeshTopology.INNER_LIPS) {
            lips[i] = true;
        }
        for (int i : MeshTopology.OUTER_LIPS) {
            lips[i] = true;
        }
        return lips;
    }
}
