package io.faceswap.swap.face;

/**
 * A square region around a face, turned so that the eyes lie on its horizontal axis: what the landmark model
 * wants to see. {@code (ex, ey)} is the unit vector from the subject's right eye to the left eye.
 */
record FaceRoi(double cx, double cy, double size, double ex, double ey) {
    private static final double SCALE = 1.5;

    /** From a detection: its box centre, 1.5 times its longer side, turned by its eye keypoints. */
    static FaceRoi fromDetection(Detection d) {
        double dx = d.keypointX(1) - d.keypointX(0);
        double dy = d.keypointY(1) - d.keypointY(0);
        double n = Math.hypot(dx, dy);
        double ex = n == 0 ? 1 : dx / n;
        double ey = n == 0 ? 0 : dy / n;
        return new FaceRoi(d.centerX(), d.centerY(), Math.max(d.width(), d.height()) * SCALE, ex, ey);
    }

    /** From last frame's landmarks (tracking): their box in the eye-aligned frame, 1.5 times its longer side. */
    static FaceRoi fromLandmarks(float[] points) {
        double dx = points[3 * MeshTopology.LEFT_EYE_OUTER] - points[3 * MeshTopology.RIGHT_EYE_OUTER];
        double dy = points[3 * MeshTopology.LEFT_EYE_OUTER + 1] - points[3 * MeshTopology.RIGHT_EYE_OUTER + 1];
        double n = Math.hypot(dx, dy);
        double ex = n == 0 ? 1 : dx / n;
        double ey = n == 0 ? 0 : dy / n;
        double minU = Double.MAX_VALUE, maxU = -Double.MAX_VALUE, minV = Double.MAX_VALUE, maxV = -Double.MAX_VALUE;
        for (int i = 0; i < points.length / 3; i++) {
            double x = points[3 * i];
            double y = points[3 * i + 1];
            double u = x * ex + y * ey;
            double v = -x * ey + y * ex;
            minU = Math.min(minU, u);
            maxU = Math.max(maxU, u);
            minV = Math.min(minV, v);
            maxV = Math.max(maxV, v);
        }
        double cu = (minU + maxU) / 2;
        double cv = (minV + maxV) / 2;
        double cx = cu * ex - cv * ey;
        double cy = cu * ey + cv * ex;
        return new FaceRoi(cx, cy, Math.max(maxU - minU, maxV - minV) * SCALE, ex, ey);
    }

    /** The 2x3 affine map from crop pixels ({@code crop} x {@code crop}) to image pixels, row-major. */
    double[] cropToImage(int crop) {
        double k = size / crop;
        double ux = ex * k, uy = ey * k; // image step per crop pixel along u
        double vx = -ey * k, vy = ex * k; // ... along v
        double ox = cx - (ux + vx) * crop / 2;
        double oy = cy - (uy + vy) * crop / 2;
        return new double[] {ux, vx, ox, uy, vy, oy};
    }
}
