package io.faceswap.swap.face;

import org.bytedeco.opencv.global.opencv_core;
import org.bytedeco.opencv.global.opencv_imgproc;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.MatVector;
import org.bytedeco.opencv.opencv_core.Point;
import org.bytedeco.opencv.opencv_core.Rect;
import org.bytedeco.opencv.opencv_core.Scalar;
import org.bytedeco.opencv.opencv_core.Size;

/**
 * Puts the source face over one target face: piecewise-affine warp over the mesh triangles, a mask of the whole face
 * (forehead included) minus the mouth opening, colour matched to the target's skin, feathered alpha blend.
 */
final class FaceBlender {
    private static final double MARGIN = 0.1;

    private FaceBlender() {
    }

    /** @param target the target face's extended points (same layout as the source's) */
    static void blend(SourceFace source, float[] target, Mat frame, ColorTransfer colour) {
        Rect roi = region(target, frame.cols(), frame.rows());
        if (roi == null) {
            return;
        }
        int w = roi.width(), h = roi.height();
        float[] mapX = new float[w * h];
        float[] mapY = new float[w * h];
        byte[] maskBytes = new byte[w * h];
        TriangleRaster.rasterise(source.points(), target, source.triangles(), roi.x(), roi.y(), w, h, mapX, mapY,
                maskBytes);
        try (Mat frameRoi = new Mat(frame, roi); Mat targetPixels = frameRoi.clone();
             Mat mx = new Mat(h, w, opencv_core.CV_32F); Mat my = new Mat(h, w, opencv_core.CV_32F);
             Mat mask = new Mat(h, w, opencv_core.CV_8UC1); Mat warped = new Mat(); Mat alpha = new Mat();
             Scalar black = new Scalar(0, 0, 0, 0)) {
            ((java.nio.FloatBuffer) mx.createBuffer()).put(mapX);
            ((java.nio.FloatBuffer) my.createBuffer()).put(mapY);
            mask.data().put(maskBytes);
            if (MeshTopology.mouthOpening(target) > ShapeTransfer.OPEN_MOUTH / 2) {
                cutMouth(mask, target, roi, black);
            }
            opencv_imgproc.remap(source.image(), warped, mx, my, opencv_imgproc.INTER_LINEAR,
                    opencv_core.BORDER_REPLICATE, black);
            colour.apply(warped, targetPixels, mask);
            feather(mask, alpha, faceWidth(target));
            mix(warped, targetPixels, alpha);
            targetPixels.copyTo(frameRoi);
        } finally {
            roi.close();
        }
    }

    /**
     * The inner-lip polygon of an open mouth stays the target's: it keeps its own teeth and tongue. A closed mouth
     * is not cut, or the target's lip line would show through the source's lips.
     */
    private static void cutMouth(Mat mask, float[] target, Rect roi, Scalar black) {
        int[] lips = MeshTopology.INNER_LIPS;
        try (Mat polygon = new Mat(lips.length, 1, opencv_core.CV_32SC2); MatVector polygons = new MatVector(1)) {
            int[] xy = new int[lips.length * 2];
            for (int i = 0; i < lips.length; i++) {
                xy[2 * i] = Math.round(target[3 * lips[i]] - roi.x());
                xy[2 * i + 1] = Math.round(target[3 * lips[i] + 1] - roi.y());
            }
            ((java.nio.IntBuffer) polygon.createBuffer()).put(xy);
            polygons.put(0, polygon);
            opencv_imgproc.fillPoly(mask, polygons, black);
        }
    }

    /** Eroded then blurred, so the seam fades over a few percent of the face's width. */
    private static void feather(Mat mask, Mat alpha, double faceWidth) {
        int erode = Math.max(1, (int) (faceWidth * 0.03));
        int blur = Math.max(3, (int) (faceWidth * 0.08)) | 1;
        try (Size k = new Size(2 * erode + 1, 2 * erode + 1);
             Mat kernel = opencv_imgproc.getStructuringElement(opencv_imgproc.MORPH_ELLIPSE, k);
             Point anchor = new Point(-1, -1); Mat eroded = new Mat(); Size b = new Size(blur, blur)) {
            opencv_imgproc.erode(mask, eroded, kernel, anchor, 1, opencv_core.BORDER_CONSTANT,
                    opencv_imgproc.morphologyDefaultBorderValue());
            opencv_imgproc.GaussianBlur(eroded, alpha, b, 0);
        }
    }

    /** target = warped * a + target * (1 - a), per pixel, in place. */
    private static void mix(Mat warped, Mat target, Mat alpha) {
        int n = (int) target.total();
        byte[] t = new byte[n * 3];
        byte[] s = new byte[n * 3];
        byte[] a = new byte[n];
        target.data().get(t);
        warped.data().get(s);
        alpha.data().get(a);
        for (int i = 0; i < n; i++) {
            int av = a[i] & 0xFF;
            if (av == 0) {
                continue;
            }
            for (int c = 3 * i; c < 3 * i + 3; c++) {
                t[c] = (byte) (((s[c] & 0xFF) * av + (t[c] & 0xFF) * (255 - av) + 127) / 255);
            }
        }
        target.data().put(t);
    }

    private static double faceWidth(float[] p) {
        return Math.hypot(p[3 * MeshTopology.FACE_LEFT] - p[3 * MeshTopology.FACE_RIGHT],
                p[3 * MeshTopology.FACE_LEFT + 1] - p[3 * MeshTopology.FACE_RIGHT + 1]);
    }

    /** The face's bounds plus a margin, clipped to the frame; null when nothing of it is inside. */
    private static Rect region(float[] p, int width, int height) {
        double minX = Double.MAX_VALUE, minY = Double.MAX_VALUE, maxX = -Double.MAX_VALUE, maxY = -Double.MAX_VALUE;
        for (int i = 0; i < p.length / 3; i++) {
            minX = Math.min(minX, p[3 * i]);
            maxX = Math.max(maxX, p[3 * i]);
            minY = Math.min(minY, p[3 * i + 1]);
            maxY = Math.max(maxY, p[3 * i + 1]);
        }
        double mx = (maxX - minX) * MARGIN, my = (maxY - minY) * MARGIN;
        int x0 = Math.max(0, (int) Math.floor(minX - mx));
        int y0 = Math.max(0, (int) Math.floor(minY - my));
        int x1 = Math.min(width, (int) Math.ceil(maxX + mx));
        int y1 = Math.min(height, (int) Math.ceil(maxY + my));
        return x1 - x0 < 4 || y1 - y0 < 4 ? null : new Rect(x0, y0, x1 - x0, y1 - y0);
    }
}
