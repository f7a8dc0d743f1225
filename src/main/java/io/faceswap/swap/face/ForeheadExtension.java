package io.faceswap.swap.face;

import java.util.Arrays;

/**
 * The mesh stops around mid-forehead. To cover the whole forehead, each outline point above the eyes gets a
 * companion pushed further up along the face's own vertical axis, by a share of the eye-to-chin distance.
 * Source and target get the same construction, so the extra points correspond.
 */
final class ForeheadExtension {
    static final double LIFT = 0.10;

    private ForeheadExtension() {}

    static int[] upperOutline() {
        return new int[] {162, 21, 54, 103, 67, 109, 10, 338, 297, 332, 284, 251, 389};
    }

    /** 468 mesh points followed by the lifted forehead points, all as {x, y, z}. */
    static float[] extend(float[] mesh) {
        int[] upper = upperOutline();
        float[] out = Arrays.copyOf(mesh, MeshTopology.POINTS * 3 + upper.length * 3);
        double eyeX = (mesh[3 * MeshTopology.RIGHT_EYE_OUTER] + mesh[3 * MeshTopology.LEFT_EYE_OUTER]) / 2;
        double eyeY = (mesh[3 * MeshTopology.RIGHT_EYE_OUTER + 1] + mesh[3 * MeshTopology.LEFT_EYE_OUTER + 1]) / 2;
        double upX = eyeX - mesh[3 * MeshTopology.CHIN];
        double upY = eyeY - mesh[3 * MeshTopology.CHIN + 1];
        for (int i = 0; i < upper.length; i++) {
            int p = upper[i];
            int o = MeshTopology.POINTS * 3 + i * 3;
            out[o] = (float) (mesh[3 * p] + upX * LIFT);
            out[o + 1] = (float) (mesh[3 * p + 1] + upY * LIFT);
            out[o + 2] = mesh[3 * p + 2];
        }
        return out;
    }
}
