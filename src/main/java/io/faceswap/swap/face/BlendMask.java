package io.faceswap.swap.face;

import org.bytedeco.opencv.global.opencv_core;
import org.bytedeco.opencv.global.opencv_imgproc;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.MatVector;
import org.bytedeco.opencv.opencv_core.Rect;
import org.bytedeco.opencv.opencv_core.Scalar;

/**
 * Per-pixel weights of one swapped face over its ROI: the blend's alpha and the skin the colour statistics use.
 * <p>
 * Alpha rises smoothly from 0 on the mask's outline to 1 at {@link #FEATHER} of the face width inside it (a distance
 * transform, so the ramp has the same width everywhere, whatever the outline's shape, and scales with the face).
 * The forehead extension fades on top of that: its weight falls from 1 on the mesh's own top edge to 0 on the lifted
 * points, so whatever the lift reaches (often hair) never shows with a hard edge. An open mouth's opening is cut out
 * with a narrower ramp ({@link #MOUTH_FEATHER}) so the lips stay the source's. Skin is the face well inside the
 * outline, off the extension, minus eyes, brows and lips: what the colour of a face is, without what differs in it.
 */
final class BlendMask {
    static final double FEATHER = 0.07;
    static final double MOUTH_FEATHER = 0.03;
    private static final double SKIN_INSET = 0.08;

    private static final int[] RIGHT_EYE = {33, 246, 161, 160, 159, 158, 157, 173, 133, 155, 154, 153, 145, 144, 163, 7
    };
    private static final int[] LEFT_EYE = {
        263, 466, 388, 387, 386, 385, 384, 398, 362, 382, 381, 380, 374, 373, 390, 249
    };
    private static final int[] RIGHT_BROW = {70, 63, 105, 66, 107, 55, 65, 52, 53, 46};
    private static final int[] LEFT_BROW = {300, 293, 334, 296, 336, 285, 295, 282, 283, 276};

    final byte[] alpha;
    final byte[] skin;

    private BlendMask(byte[] alpha, byte[] skin) {
        this.alpha = alpha;
        this.skin = skin;
    }

    /**
     * @param inside 255 where the warp covers the ROI
     * @param extension per pixel, 1 on the mesh, falling to 0 at the lifted forehead points
     */
    static BlendMask of(
            byte[] inside,
            float[] extension,
            float[] target,
            int roiX,
            int roiY,
            int w,
            int h,
            double faceWidth,
            boolean mouthOpen) {
        int n = w * h;
        float[] edge = distance(inside, w, h);
        float[] mouth = null;
        byte[] skin = new byte[n];
        try (Mat features = new Mat(h, w, opencv_core.CV_8UC1, new Scalar(255))) {
            if (mouthOpen) {
                fill(features, target, MeshTopology.INNER_LIPS, roiX, roiY, 0);
                mouth = mouthDistance(features, target, roiX, roiY, faceWidth * MOUTH_FEATHER);
            }
            int thick = Math.max(1, (int) Math.round(faceWidth * 0.03));
            for (int[] part : new int[][] {RIGHT_EYE, LEFT_EYE, RIGHT_BROW, LEFT_BROW, MeshTopology.OUTER_LIPS}) {
                fill(features, target, part, roiX, roiY, thick);
            }
            features.data().get(skin);
        }
        byte[] alpha = new byte[n];
        double feather = Math.max(2, faceWidth * FEATHER), mouthFeather = Math.max(1, faceWidth * MOUTH_FEATHER);
        double inset = faceWidth * SKIN_INSET;
        for (int i = 0; i < n; i++) {
            if (inside[i] == 0) {
                skin[i] = 0;
                continue;
            }
            float e = edge[i], x = extension[i];
            if (e >= feather && x >= 1 && (mouth == null || mouth[i] >= mouthFeather)) {
                alpha[i] = (byte) 255; // well inside (most of the face): every factor is 1
                if (e < inset) {
                    skin[i] = 0;
                }
                continue;
            }
            double a = smooth(e / feather) * smooth(x);
            if (mouth != null) {
                a *= smooth(mouth[i] / mouthFeather);
            }
            alpha[i] = (byte) (int) (255 * a + 0.5); // a is in [0, 1]; Math.round cost more than the rest of the loop
            if (e < inset || x < 0.999f) {
                skin[i] = 0;
            }
        }
        return new BlendMask(alpha, skin);
    }

    /** Smoothstep of x clamped to [0, 1]: starts and ends flat, so the ramp has no kink at either end. */
    private static double smooth(double x) {
        double t = Math.max(0, Math.min(1, x));
        return t * t * (3 - 2 * t);
    }

    /** Euclidean distance of each pixel to the nearest zero pixel. */
    static float[] distance(byte[] mask, int w, int h) {
        float[] d = new float[w * h];
        try (Mat m = new Mat(h, w, opencv_core.CV_8UC1);
                Mat dist = new Mat()) {
            m.data().put(mask);
            opencv_imgproc.distanceTransform(m, dist, opencv_imgproc.DIST_L2, opencv_imgproc.DIST_MASK_3);
            ((java.nio.FloatBuffer) dist.createBuffer()).get(d);
        }
        return d;
    }

    /**
     * Distance of each pixel to the open mouth (the zeros of {@code features}, inner lips filled), computed only
     * around the mouth: the ramp reaches {@code feather} px from it, and farther pixels get {@link Float#MAX_VALUE}.
     * Exact: the shortest chamfer path between two pixels stays within their bounding box, so within a rectangle
     * holding every zero the distances are those of the whole grid (0.17 ms a frame saved on the grid's
     * distance transform; issue 10).
     */
    static float[] mouthDistance(Mat features, float[] p, int roiX, int roiY, double feather) {
        int w = features.cols(), h = features.rows();
        double minX = Double.MAX_VALUE, minY = Double.MAX_VALUE, maxX = -Double.MAX_VALUE, maxY = -Double.MAX_VALUE;
        for (int i : MeshTopology.INNER_LIPS) {
            minX = Math.min(minX, p[3 * i] - roiX);
            maxX = Math.max(maxX, p[3 * i] - roiX);
            minY = Math.min(minY, p[3 * i + 1] - roiY);
            maxY = Math.max(maxY, p[3 * i + 1] - roiY);
        }
        int margin = (int) Math.ceil(Math.max(1, feather)) + 2; // fillPoly rounds points: a pixel more either side
        int x0 = Math.max(0, (int) Math.floor(minX) - margin), y0 = Math.max(0, (int) Math.floor(minY) - margin);
        int x1 = Math.min(w, (int) Math.ceil(maxX) + margin + 1), y1 = Math.min(h, (int) Math.ceil(maxY) + margin + 1);
        float[] d = new float[w * h];
        java.util.Arrays.fill(d, Float.MAX_VALUE);
        if (x1 <= x0 || y1 <= y0) {
            return d;
        }
        int rw = x1 - x0, rh = y1 - y0;
        float[] near = new float[rw * rh];
        try (Rect r = new Rect(x0, y0, rw, rh);
                Mat region = new Mat(features, r);
                Mat dist = new Mat()) {
            opencv_imgproc.distanceTransform(region, dist, opencv_imgproc.DIST_L2, opencv_imgproc.DIST_MASK_3);
            ((java.nio.FloatBuffer) dist.createBuffer()).get(near);
        }
        for (int y = 0; y < rh; y++) {
            System.arraycopy(near, y * rw, d, (y0 + y) * w + x0, rw);
        }
        return d;
    }

    /** Fills the polygon through {@code points} with {@code value}, grown by {@code grow} px (0: not grown). */
    static void fill(Mat m, float[] p, int[] points, int roiX, int roiY, int grow) {
        try (Mat polygon = new Mat(points.length, 1, opencv_core.CV_32SC2);
                MatVector polygons = new MatVector(1);
                Scalar zero = new Scalar(0)) {
            int[] xy = new int[points.length * 2];
            for (int i = 0; i < points.length; i++) {
                xy[2 * i] = Math.round(p[3 * points[i]] - roiX);
                xy[2 * i + 1] = Math.round(p[3 * points[i] + 1] - roiY);
            }
            ((java.nio.IntBuffer) polygon.createBuffer()).put(xy);
            polygons.put(0, polygon);
            opencv_imgproc.fillPoly(m, polygons, zero);
            if (grow > 0) {
                opencv_imgproc.polylines(m, polygons, true, zero, 2 * grow, opencv_imgproc.LINE_8, 0);
            }
        }
    }
}
