package io.faceswap.swap.face;

/** One face's 468 mesh points in image pixels, as {x0, y0, z0, x1, ...}. */
public record FaceLandmarks(float[] points) {

    public int count() {
        return points.length / 3;
    }

    public double x(int i) {
        return points[3 * i];
    }

    public double y(int i) {
        return points[3 * i + 1];
    }

    /** Axis-aligned bounds {minX, minY, maxX, maxY}. */
    public double[] bounds() {
        double[] b = {Double.MAX_VALUE, Double.MAX_VALUE, -Double.MAX_VALUE, -Double.MAX_VALUE};
        for (int i = 0; i < count(); i++) {
            b[0] = Math.min(b[0], x(i));
            b[1] = Math.min(b[1], y(i));
            b[2] = Math.max(b[2], x(i));
            b[3] = Math.max(b[3], y(i));
        }
        return b;
    }

    public double centerX() {
        double[] b = bounds();
        return (b[0] + b[2]) / 2;
    }

    public double centerY() {
        double[] b = bounds();
        return (b[1] + b[3]) / 2;
    }

    public double width() {
        double[] b = bounds();
        return b[2] - b[0];
    }

    /** Distance between the outer eye corners: the face's scale, independent of pose in the image plane. */
    public double interocular() {
        return Math.hypot(
                x(MeshTopology.LEFT_EYE_OUTER) - x(MeshTopology.RIGHT_EYE_OUTER),
                y(MeshTopology.LEFT_EYE_OUTER) - y(MeshTopology.RIGHT_EYE_OUTER));
    }
}
