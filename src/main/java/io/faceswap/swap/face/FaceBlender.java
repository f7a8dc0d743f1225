package io.faceswap.swap.face;

import org.bytedeco.opencv.global.opencv_core;
import org.bytedeco.opencv.global.opencv_imgproc;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Rect;
import org.bytedeco.opencv.opencv_core.Scalar;

/**
 * Puts the source face over one target face: piecewise-affine warp over the mesh triangles, colour matched to the
 * target's skin, alpha blend with a ramp that scales with the face and fades the forehead extension out
 * ({@link BlendMask}). An open mouth's opening keeps the target's own teeth and tongue; a closed mouth is not cut, or
 * the target's lip line would show through the source's lips.
 */
final class FaceBlender {
    private static final double MARGIN = 0.1;
    private static final float FOREHEAD_TOP_WEIGHT = 0.3f;
    private static final float[] EXTENSION_WEIGHT = extensionWeight();

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
        byte[] inside = new byte[w * h];
        float[] extension = new float[w * h];
        TriangleRaster.rasterise(source.points(), target, source.triangles(), roi.x(), roi.y(), w, h, mapX, mapY,
                inside, EXTENSION_WEIGHT, extension);
        boolean mouthOpen = MeshTopology.mouthOpening(target) > ShapeTransfer.OPEN_MOUTH / 2;
        BlendMask mask = BlendMask.of(inside, extension, target, roi.x(), roi.y(), w, h, faceWidth(target),
                mouthOpen);
        try (Mat frameRoi = new Mat(frame, roi); Mat targetPixels = frameRoi.clone();
             Mat mx = new Mat(h, w, opencv_core.CV_32F); Mat my = new Mat(h, w, opencv_core.CV_32F);
             Mat warped = new Mat(); Scalar black = new Scalar(0, 0, 0, 0)) {
            ((java.nio.FloatBuffer) mx.createBuffer()).put(mapX);
            ((java.nio.FloatBuffer) my.createBuffer()).put(mapY);
            opencv_imgproc.remap(source.image(), warped, mx, my, opencv_imgproc.INTER_LINEAR,
                    opencv_core.BORDER_REPLICATE, black);
            colour.apply(warped, targetPixels, mask.skin);
            mix(warped, targetPixels, mask.alpha);
            targetPixels.copyTo(frameRoi);
        } finally {
            roi.close();
        }
    }

    /**
     * 0 on the lifted forehead points, {@link #FOREHEAD_TOP_WEIGHT} on the mesh's top edge, 1 elsewhere: the fade
     * starts inside the mesh, so it is spread over the whole upper forehead. A short fade there still read as an
     * edge wherever the target's hair covers the forehead, since the source's skin ended in a few pixels.
     */
    private static float[] extensionWeight() {
        int[] upper = ForeheadExtension.upperOutline();
        float[] weight = new float[MeshTopology.POINTS + upper.length];
        java.util.Arrays.fill(weight, 0, MeshTopology.POINTS, 1f);
        for (int i = 1; i < upper.length - 1; i++) { // the two ends sit at the temples, beside the eyes
            weight[upper[i]] = FOREHEAD_TOP_WEIGHT;
        }
        return weight;
    }

    /** target = warped * a + target * (1 - a), per pixel, in place. */
    private static void mix(Mat warped, Mat target, byte[] a) {
        int n = (int) target.total();
        byte[] t = new byte[n * 3];
        byte[] s = new byte[n * 3];
        target.data().get(t);
        warped.data().get(s);
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
