package io.faceswap.swap.face;

import java.util.ArrayList;
import java.util.List;
import org.bytedeco.javacpp.indexer.FloatIndexer;
import org.bytedeco.opencv.global.opencv_core;
import org.bytedeco.opencv.global.opencv_imgproc;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Size;

/**
 * How visible the edge of the pasted face is. The outline of the swap's mask (the face oval with the forehead lifted
 * as {@link ForeheadExtension} lifts it) is computed from the target's landmarks and walked every 2 px. At each
 * point, a line across the outline (from 15 % of the face width inside to 8 % outside: the feathered band and some
 * slack, since the swap moves the outline a little) is scanned for the largest colour step between pixels
 * {@code 2 delta} apart (CIE76 delta E in Lab), in the output, minus the step at the same place in the target frame.
 * A hard seam is a step the target did not have: tens of delta E; a clean blend adds little. The score of a region
 * is the mean over its points.
 */
final class SeamScore {
    record Result(double all, double forehead, double sides, double jaw, double p90) {
        @Override
        public String toString() {
            return String.format(
                    "seam mean %.2f (forehead %.2f, sides %.2f, jaw %.2f), p90 %.2f dE",
                    all, forehead, sides, jaw, p90);
        }
    }

    private SeamScore() {}

    static Result measure(Mat target, Mat output, FaceLandmarks face) {
        float[] p = ForeheadExtension.extend(face.points());
        int[] upper = ForeheadExtension.upperOutline();
        List<double[]> outline = new ArrayList<>(); // {x, y, isForehead}
        for (int i : MeshTopology.FACE_OVAL) {
            int lifted = indexOf(upper, i);
            int k = lifted < 0 ? i : MeshTopology.POINTS + lifted;
            outline.add(new double[] {p[3 * k], p[3 * k + 1], lifted >= 0 && i != 162 && i != 389 ? 1 : 0});
        }
        double width = face.width();
        int delta = (int) Math.max(2, Math.round(width * 0.01));
        double cx = face.centerX(), cy = face.centerY();
        List<Double> all = new ArrayList<>();
        double[] sum = new double[3]; // forehead, sides, jaw
        int[] count = new int[3];
        double mouthY = (face.y(MeshTopology.MOUTH_LEFT) + face.y(MeshTopology.MOUTH_RIGHT)) / 2;
        try (Mat a = lab(target);
                Mat b = lab(output);
                FloatIndexer ta = a.createIndexer();
                FloatIndexer ob = b.createIndexer()) {
            for (int s = 0; s < outline.size(); s++) {
                double[] p0 = outline.get(s), p1 = outline.get((s + 1) % outline.size());
                double len = Math.hypot(p1[0] - p0[0], p1[1] - p0[1]);
                if (len < 1) {
                    continue;
                }
                double nx = (p1[1] - p0[1]) / len, ny = -(p1[0] - p0[0]) / len;
                double mx = (p0[0] + p1[0]) / 2, my = (p0[1] + p1[1]) / 2;
                if (nx * (mx - cx) + ny * (my - cy) < 0) { // point the normal outwards
                    nx = -nx;
                    ny = -ny;
                }
                for (double d = 0; d < len; d += 2) {
                    double x = p0[0] + (p1[0] - p0[0]) * d / len, y = p0[1] + (p1[1] - p0[1]) * d / len;
                    double worst = 0;
                    for (double t = -0.15 * width; t <= 0.08 * width; t += 1) {
                        double excess = step(ob, x, y, nx, ny, t, delta) - step(ta, x, y, nx, ny, t, delta);
                        worst = Math.max(worst, excess);
                    }
                    all.add(worst);
                    int region = p0[2] > 0 && p1[2] > 0 ? 0 : y > mouthY ? 2 : 1;
                    sum[region] += worst;
                    count[region]++;
                }
            }
        }
        all.sort(Double::compare);
        double mean = all.stream().mapToDouble(Double::doubleValue).average().orElse(0);
        return new Result(
                mean,
                sum[0] / Math.max(1, count[0]),
                sum[1] / Math.max(1, count[1]),
                sum[2] / Math.max(1, count[2]),
                all.isEmpty() ? 0 : all.get((int) (all.size() * 0.9)));
    }

    /** Delta E between the pixels at t - delta and t + delta along the normal; 0 off the picture. */
    private static double step(FloatIndexer lab, double x, double y, double nx, double ny, double t, int delta) {
        long rows = lab.size(0), cols = lab.size(1);
        int xa = (int) Math.round(x + nx * (t - delta)), ya = (int) Math.round(y + ny * (t - delta));
        int xb = (int) Math.round(x + nx * (t + delta)), yb = (int) Math.round(y + ny * (t + delta));
        if (xa < 0 || ya < 0 || xb < 0 || yb < 0 || xa >= cols || xb >= cols || ya >= rows || yb >= rows) {
            return 0;
        }
        double sum = 0;
        for (int c = 0; c < 3; c++) {
            double diff = lab.get(ya, xa, c) - lab.get(yb, xb, c);
            sum += diff * diff;
        }
        return Math.sqrt(sum);
    }

    /** Float Lab (L 0-100), lightly blurred so single-pixel noise does not count as an edge. */
    private static Mat lab(Mat bgr) {
        Mat f = new Mat();
        try (Mat blurred = new Mat();
                Size k = new Size(3, 3)) {
            opencv_imgproc.GaussianBlur(bgr, blurred, k, 0);
            blurred.convertTo(f, opencv_core.CV_32F, 1 / 255.0, 0);
            opencv_imgproc.cvtColor(f, f, opencv_imgproc.COLOR_BGR2Lab);
        }
        return f;
    }

    private static int indexOf(int[] a, int v) {
        for (int i = 0; i < a.length; i++) {
            if (a[i] == v) {
                return i;
            }
        }
        return -1;
    }
}
