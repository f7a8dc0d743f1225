package io.faceswap.swap.face;

/**
 * Piecewise-affine map from target pixels to source pixels, rasterised triangle by triangle over a region of
 * interest: for each target pixel inside a triangle, where to sample the source. Plain Java over arrays, one
 * {@code remap} afterwards: far cheaper than a warp per triangle through JNI. Each row's span inside a triangle is
 * solved from the barycentric coordinates (linear in x), so the cost follows the face's area, not the triangles'
 * bounding boxes.
 */
final class TriangleRaster {
    /** Barycentric slack, so a pixel centre on an edge shared by two triangles is never missed by both. */
    private static final double EDGE = 1e-4;

    private TriangleRaster() {}

    /**
     * @param mapX, mapY out: source coordinates per ROI pixel (row-major, {@code w*h}); untouched outside the face
     * @param mask out: 255 inside the face, 0 elsewhere
     * @param vertexWeight a weight per point, interpolated over each triangle into {@code weight}
     * @param weight out: the interpolated weight per ROI pixel (row-major, {@code w*h}); untouched outside the face
     */
    static void rasterise(
            float[] source,
            float[] target,
            int[] triangles,
            int roiX,
            int roiY,
            int w,
            int h,
            float[] mapX,
            float[] mapY,
            byte[] mask,
            float[] vertexWeight,
            float[] weight) {
        for (int t = 0; t < triangles.length; t += 3) {
            int a = triangles[t], b = triangles[t + 1], c = triangles[t + 2];
            double ax = target[3 * a] - roiX, ay = target[3 * a + 1] - roiY;
            double bx = target[3 * b] - roiX, by = target[3 * b + 1] - roiY;
            double cx = target[3 * c] - roiX, cy = target[3 * c + 1] - roiY;
            double det = (by - cy) * (ax - cx) + (cx - bx) * (ay - cy);
            if (Math.abs(det) < 1e-6) {
                continue; // degenerate in the target: covers no pixel
            }
            int x0 = Math.max(0, (int) Math.floor(Math.min(ax, Math.min(bx, cx))));
            int x1 = Math.min(w - 1, (int) Math.ceil(Math.max(ax, Math.max(bx, cx))));
            int y0 = Math.max(0, (int) Math.floor(Math.min(ay, Math.min(by, cy))));
            int y1 = Math.min(h - 1, (int) Math.ceil(Math.max(ay, Math.max(by, cy))));
            double sax = source[3 * a], say = source[3 * a + 1];
            double sbx = source[3 * b], sby = source[3 * b + 1];
            double scx = source[3 * c], scy = source[3 * c + 1];
            double wa = vertexWeight[a], wb = vertexWeight[b], wc = vertexWeight[c];
            // l1 = a1 * px + b1 * py + c1, l2 likewise, l3 = 1 - l1 - l2
            double a1 = (by - cy) / det, b1 = (cx - bx) / det, c1 = -(a1 * cx + b1 * cy);
            double a2 = (cy - ay) / det, b2 = (ax - cx) / det, c2 = -(a2 * cx + b2 * cy);
            double a3 = -a1 - a2;
            // per row, the span's ends are -r / a: the three divisors are the triangle's, so invert them once
            double i1 = 1 / a1, i2 = 1 / a2, i3 = 1 / a3;
            for (int y = y0; y <= y1; y++) {
                double py = y + 0.5;
                double r1 = b1 * py + c1 + EDGE, r2 = b2 * py + c2 + EDGE, r3 = 1 - r1 - r2 + 3 * EDGE;
                if (never(a1, r1) || never(a2, r2) || never(a3, r3)) {
                    continue;
                }
                // the span of px = x + 0.5 where all three are >= -EDGE
                double lo = Math.max(x0, Math.max(from(a1, r1, i1), Math.max(from(a2, r2, i2), from(a3, r3, i3))));
                double hi = Math.min(x1 + 1, Math.min(to(a1, r1, i1), Math.min(to(a2, r2, i2), to(a3, r3, i3))));
                int end = Math.min(x1, (int) Math.floor(hi - 0.5));
                for (int x = Math.max(x0, (int) Math.ceil(lo - 0.5)); x <= end; x++) {
                    double px = x + 0.5;
                    double l1 = a1 * px + r1 - EDGE;
                    double l2 = a2 * px + r2 - EDGE;
                    double l3 = 1 - l1 - l2;
                    int i = y * w + x;
                    mapX[i] = (float) (l1 * sax + l2 * sbx + l3 * scx);
                    mapY[i] = (float) (l1 * say + l2 * sby + l3 * scy);
                    mask[i] = (byte) 255;
                    weight[i] = (float) (l1 * wa + l2 * wb + l3 * wc);
                }
            }
        }
    }

    /**
     * Gives each pixel just outside the face the map of an inside neighbour, so maps scaled up from this grid do
     * not pull in the zeros outside the face at its edge (where alpha is near zero, but not zero).
     */
    static void extendMaps(float[] mapX, float[] mapY, byte[] mask, int w, int h) {
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int i = y * w + x;
                if (mask[i] != 0) {
                    continue;
                }
                int from = x > 0 && mask[i - 1] != 0
                        ? i - 1
                        : x < w - 1 && mask[i + 1] != 0
                                ? i + 1
                                : y > 0 && mask[i - w] != 0 ? i - w : y < h - 1 && mask[i + w] != 0 ? i + w : -1;
                if (from >= 0) {
                    mapX[i] = mapX[from];
                    mapY[i] = mapY[from];
                }
            }
        }
    }

    /** Where {@code a * px + r >= 0} starts (for a rising line), else no bound. @param inverse 1 / a */
    private static double from(double a, double r, double inverse) {
        return a > 1e-12 ? -r * inverse : Double.NEGATIVE_INFINITY;
    }

    /** Where {@code a * px + r >= 0} ends (for a falling line), else no bound. @param inverse 1 / a */
    private static double to(double a, double r, double inverse) {
        return a < -1e-12 ? -r * inverse : Double.POSITIVE_INFINITY;
    }

    /** A flat line below zero: no pixel of the row qualifies. */
    private static boolean never(double a, double r) {
        return Math.abs(a) <= 1e-12 && r < 0;
    }
}
