package io.faceswap.swap.face;

/**
 * Piecewise-affine map from target pixels to source pixels, rasterised triangle by triangle over a region of
 * interest: for each target pixel inside a triangle, where to sample the source. Plain Java over arrays, one
 * {@code remap} afterwards: far cheaper than a warp per triangle through JNI.
 */
final class TriangleRaster {
    private TriangleRaster() {
    }

    /**
     * @param mapX, mapY out: source coordinates per ROI pixel (row-major, {@code w*h}); untouched outside the face
     * @param mask out: 255 inside the face, 0 elsewhere
     * @param vertexWeight a weight per point, interpolated over each triangle into {@code weight}
     * @param weight out: the interpolated weight per ROI pixel (row-major, {@code w*h}); untouched outside the face
     */
    static void rasterise(float[] source, float[] target, int[] triangles, int roiX, int roiY, int w, int h,
                          float[] mapX, float[] mapY, byte[] mask, float[] vertexWeight, float[] weight) {
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
            for (int y = y0; y <= y1; y++) {
                double py = y + 0.5;
                for (int x = x0; x <= x1; x++) {
                    double px = x + 0.5;
                    double l1 = ((by - cy) * (px - cx) + (cx - bx) * (py - cy)) / det;
                    double l2 = ((cy - ay) * (px - cx) + (ax - cx) * (py - cy)) / det;
                    double l3 = 1 - l1 - l2;
                    if (l1 < -1e-4 || l2 < -1e-4 || l3 < -1e-4) {
                        continue;
                    }
                    int i = y * w + x;
                    mapX[i] = (float) (l1 * sax + l2 * sbx + l3 * scx);
                    mapY[i] = (float) (l1 * say + l2 * sby + l3 * scy);
                    mask[i] = (byte) 255;
                    weight[i] = (float) (l1 * wa + l2 * wb + l3 * wc);
                }
            }
        }
    }
}
