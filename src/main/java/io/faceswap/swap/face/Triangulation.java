package io.faceswap.swap.face;

import java.util.ArrayList;
import java.util.List;
import org.bytedeco.opencv.opencv_core.Point2f;
import org.bytedeco.opencv.opencv_core.Rect;
import org.bytedeco.opencv.opencv_imgproc.Subdiv2D;
import org.bytedeco.opencv.opencv_imgproc.Vec6fVector;

/** Delaunay triangles over the source face's points, as index triples into the point array. */
final class Triangulation {
    private Triangulation() {}

    static int[] of(float[] points, int width, int height) {
        int n = points.length / 3;
        List<Integer> triangles = new ArrayList<>();
        try (Rect bounds = new Rect(-1, -1, width + 2, height + 2);
                Subdiv2D subdiv = new Subdiv2D(bounds);
                Vec6fVector list = new Vec6fVector()) {
            for (int i = 0; i < n; i++) {
                float x = Math.max(0, Math.min(width, points[3 * i]));
                float y = Math.max(0, Math.min(height, points[3 * i + 1]));
                try (Point2f p = new Point2f(x, y)) {
                    subdiv.insert(p);
                }
            }
            subdiv.getTriangleList(list);
            float[] t = new float[6];
            for (long r = 0; r < list.size(); r++) {
                list.get(r).get(t);
                int a = nearest(points, t[0], t[1]);
                int b = nearest(points, t[2], t[3]);
                int c = nearest(points, t[4], t[5]);
                if (a >= 0 && b >= 0 && c >= 0 && a != b && b != c && a != c) {
                    triangles.add(a);
                    triangles.add(b);
                    triangles.add(c);
                }
            }
        }
        return triangles.stream().mapToInt(Integer::intValue).toArray();
    }

    /** The point at (x, y); -1 for Subdiv2D's outer virtual vertices. */
    private static int nearest(float[] points, float x, float y) {
        int best = -1;
        double bestDistance = 1.0;
        for (int i = 0; i < points.length / 3; i++) {
            double d = Math.abs(points[3 * i] - x) + Math.abs(points[3 * i + 1] - y);
            if (d < bestDistance) {
                bestDistance = d;
                best = i;
            }
        }
        return best;
    }
}
